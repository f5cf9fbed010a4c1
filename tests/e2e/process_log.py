"""A subprocess whose output is read line by line and judged, as qutebrowser's end-to-end
tests judge theirs: Python log records (the format the kiosk and the hub both use), Qt's messages
(through ``QT_MESSAGE_PATTERN``), tracebacks (joined to their record) and stray output. A line
at WARNING or above that neither :data:`ALLOWED`, pyproject.toml's ``qt_log_ignore`` nor the
test (:meth:`LoggedProcess.expect`) accounts for is unexpected; so is a process that ends by
itself.
"""

from __future__ import annotations

import logging
import re
import resource
import signal
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.configs import ROOT

START_TIMEOUT_S = 45.0  # a cold Python + Qt Quick start on a loaded 2-core machine
QUIT_TIMEOUT_S = 20.0

_PY_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} "
    r"(?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL) (?P<source>\S+): (?P<message>.*)$"
)
_QT_LINE = re.compile(
    r"^qt (?P<level>debug|info|warning|critical|fatal) (?P<source>[^:]*): (?P<message>.*)$"
)
_QT_LEVELS = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "critical": logging.ERROR,
    "fatal": logging.CRITICAL,
}
#: Stray output (no level) counts as this: it fails unless allowed, as qutebrowser's
#: "invalid lines" do.
STRAY = logging.WARNING


def _no_core_files() -> None:
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


@dataclass
class LogLine:
    process: str
    text: str
    level: int
    source: str  # the logger's name, "qt:<category>", or "" for stray output
    message: str
    expected: bool = False

    def __str__(self) -> str:
        return f"{self.process}: {self.text}"


@dataclass(frozen=True)
class Allowed:
    """A log line that may appear: which process, a regex searched in the message, why."""

    process: str
    pattern: str
    why: str
    level: int = logging.WARNING  # the highest level it is allowed at

    def matches(self, line: LogLine) -> bool:
        return (
            line.process == self.process
            and line.level <= self.level
            and re.search(self.pattern, line.message) is not None
        )


#: What either process may write in every test. Keep each entry narrow and say why.
ALLOWED: tuple[Allowed, ...] = (
    # `python -m hub serve` tells the operator where it listens, on stdout, by design.
    Allowed("hub", r"^hub listening on http://127\.0\.0\.1:\d+ ", "the operator's start line"),
)


class UnexpectedLogError(AssertionError):
    """A process wrote a warning or an error no one expected."""


@dataclass
class LoggedProcess:
    """One subprocess; its output (stdout and stderr together) parsed line by line."""

    name: str
    argv: list[str]
    env: dict[str, str]
    log_path: Path
    qt_ignore: tuple[str, ...] = ()
    lines: list[LogLine] = field(default_factory=list)
    process: subprocess.Popen[bytes] | None = None
    _changed: threading.Condition = field(default_factory=threading.Condition)
    _reader: threading.Thread | None = None
    _expected: list[Allowed] = field(default_factory=list)
    #: The test ends it (quit, SIGTERM, SIGKILL); any other end fails the test.
    ended_by_test: bool = False

    def start(self) -> None:
        assert self.process is None or self.process.poll() is not None
        self.ended_by_test = False
        self.process = subprocess.Popen(
            self.argv,
            cwd=ROOT,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            # A process a test aborts on purpose leaves no core file in the checkout.
            preexec_fn=_no_core_files,
        )
        self._reader = threading.Thread(
            target=self._read, args=(self.process,), name=f"e2e-log-{self.name}", daemon=True
        )
        self._reader.start()

    def _read(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdout is not None
        in_traceback = False
        with self.log_path.open("a", encoding="utf-8") as copy:
            for raw in process.stdout:
                text = raw.decode("utf-8", errors="replace").rstrip("\r\n")
                copy.write(text + "\n")
                copy.flush()
                with self._changed:
                    in_traceback = self._parse(text, in_traceback)
                    self._changed.notify_all()
        process.stdout.close()
        code = process.wait()
        with self._changed:
            if not self.ended_by_test:
                # A crash, an abort or an exit of its own: qutebrowser's ProcessExited.
                self.record(f"<{self.name} exited by itself with code {code}>")
            self._changed.notify_all()

    def record(self, text: str) -> None:
        """A finding of the harness about the process, judged like its own lines."""
        with self._changed:  # a re-entrant lock: the reader calls this holding it
            self.lines.append(LogLine(self.name, text, logging.CRITICAL, "", text))
            self._changed.notify_all()

    def _parse(self, text: str, in_traceback: bool) -> bool:
        """Add one line; returns whether a traceback is still being read."""
        last = self.lines[-1] if self.lines else None
        if last is not None and (in_traceback or text.startswith((" ", "\t", "Traceback "))):
            # A record's traceback (or a multi-line message) belongs to that record; the
            # traceback ends with its first unindented line, the exception itself.
            last.text += "\n" + text
            if text.startswith("Traceback "):
                # A traceback under an INFO or DEBUG line (the default excepthook printing
                # after the last log record) is an error all the same.
                last.level = max(last.level, logging.ERROR)
                last.expected = self._accounted_for(last)
                return True
            return text.startswith((" ", "\t"))
        if match := _PY_LINE.match(text):
            level = logging.getLevelNamesMapping()[match["level"]]
            source, message = match["source"], match["message"]
        elif match := _QT_LINE.match(text):
            level, source = _QT_LEVELS[match["level"]], "qt:" + match["source"]
            message = match["message"]
        else:
            level, source, message = STRAY, "", text
        line = LogLine(self.name, text, level, source, message)
        line.expected = self._accounted_for(line)
        self.lines.append(line)
        return text.startswith("Traceback ")

    def _accounted_for(self, line: LogLine) -> bool:
        if line.level < logging.WARNING:
            return True
        if line.source.startswith("qt:") and any(
            re.search(p, line.message) for p in self.qt_ignore
        ):
            return True
        return any(a.matches(line) for a in (*ALLOWED, *self._expected))

    def expect(self, pattern: str, level: int = logging.WARNING, why: str = "") -> None:
        """This test expects such lines (already written or still to come)."""
        with self._changed:
            self._expected.append(Allowed(self.name, pattern, why or "expected by the test", level))
            for line in self.lines:
                line.expected = line.expected or self._accounted_for(line)

    def wait_for_log(self, pattern: str, timeout: float = START_TIMEOUT_S) -> LogLine:
        """The first line whose message matches, written before or within ``timeout``."""

        def found() -> LogLine | None:
            return next((ln for ln in self.lines if re.search(pattern, ln.message)), None)

        with self._changed:
            line = self._changed.wait_for(
                lambda: found() is not None or not self.running, timeout=timeout
            )
            line = found()
        if line is None:
            raise AssertionError(
                f"{self.name} never logged {pattern!r} ({'running' if self.running else 'exited'})"
                f"\n{self.log_text()}"
            )
        return line

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def unexpected(self) -> list[LogLine]:
        with self._changed:
            return [line for line in self.lines if not line.expected]

    def log_text(self) -> str:
        with self._changed:
            return "\n".join(line.text for line in self.lines)

    def kill(self) -> None:
        """SIGKILL, as a power cut: no handler runs."""
        self.ended_by_test = True
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.wait_exit(QUIT_TIMEOUT_S)

    def terminate(self) -> None:
        self.ended_by_test = True
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=QUIT_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.wait_exit(QUIT_TIMEOUT_S)

    def wait_exit(self, timeout: float) -> int | None:
        if self.process is None:
            return None
        code = self.process.wait(timeout=timeout)
        if self._reader is not None:
            self._reader.join(timeout=timeout)  # the rest of its output is read
        return code
