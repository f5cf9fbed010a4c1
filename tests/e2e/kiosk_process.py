"""The kiosk and the hub as real processes, their logs read line by line (qutebrowser's manner).

Both are started exactly as ``scripts/demo`` starts them (``python -m hub demo-setup``, the
sample chips' CSCA, ``python -m hub serve``, ``python main.py --data-dir … --hub-url …``), the
kiosk offscreen with its XDG folders in a temporary directory. The test drives the kiosk
through its test-control channel (``ui/test_control.py``): taps at an item's centre, typing
through the input method, waits and screenshots.

Every line either process writes is parsed: the Python log format both use, Qt's messages
(through ``QT_MESSAGE_PATTERN``), tracebacks (joined to the record they belong to) and stray
output. At the end of a test, any WARNING, ERROR or CRITICAL record, Qt warning or stray line
that neither the allow list below, the ``qt_log_ignore`` list in pyproject.toml nor the test
itself (``expect``) accounts for fails it, with the whole log in the report; so does a process
that ends by itself (a crash, an abort) or a kiosk that does not quit cleanly.

Run: ``QT_QPA_PLATFORM=offscreen python -m pytest tests/e2e/test_kiosk_process.py`` (about a
minute; the logs stay in each test's tmp_path as ``kiosk.log`` and ``hub.log``).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from tests.support.configs import ROOT
from tests.support.hub_runner import HubRunner, free_port

#: Qt's messages in a form the parser knows: "qt warning qt.qml.binding: …".
QT_MESSAGE_PATTERN = "qt %{type} %{category}: %{message}"
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


class HubProcess:
    """The town hall's hub: set up through its CLI as scripts/demo does, served, killed."""

    def __init__(self, data_dir: Path, log_dir: Path, qt_ignore: tuple[str, ...]) -> None:
        self.runner = HubRunner(data_dir, port=free_port())
        self.url = self.runner.url
        self.csca: Path | None = None
        self.proc = LoggedProcess(
            "hub", [], {**os.environ, "PYTHONUNBUFFERED": "1"}, log_dir / "hub.log", qt_ignore
        )

    def setup(self, kiosk_data: Path) -> None:
        """The hub's key, this terminal's credential and key in the kiosk's folder, the demo
        clerk; the sample chips' CSCA for the hub to check them with."""
        self.runner.cli(
            "demo-setup", "--terminal-id", "demo-terminal-01", "--kiosk-dir", str(kiosk_data)
        )
        printed = subprocess.run(
            [sys.executable, "-m", "drivers.card.virtual.pki", str(kiosk_data / "demo-pki")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        self.csca = Path(printed.stdout.strip())

    def start(self) -> None:
        assert self.csca is not None
        self.proc.argv = [
            sys.executable,
            "-m",
            "hub",
            "serve",
            "--data-dir",
            str(self.runner.data_dir),
            "--port",
            str(self.runner.port),
            "--no-cookie-secure",
            "--csca",
            str(self.csca),
        ]
        self.proc.start()
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            with contextlib.suppress(requests.ConnectionError):
                if requests.get(self.url + "/healthz", timeout=2).status_code == 200:
                    return
            if not self.proc.running or time.monotonic() > deadline:
                raise AssertionError(f"the hub did not start:\n{self.proc.log_text()}")
            time.sleep(0.05)  # polling a port that is not open yet: nothing to wait on

    def rows(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        return self.runner.rows(sql, *args)


class ControlError(AssertionError):
    """The kiosk answered a command with an error (an item that never came, a bad command)."""


class KioskProcess:
    """The kiosk, offscreen, and the test-control client that drives it."""

    def __init__(
        self, data_dir: Path, hub_url: str, base: Path, log_dir: Path, qt_ignore: tuple[str, ...]
    ) -> None:
        self.data_dir = data_dir
        self.socket_path = base / "control.sock"  # base is private (mode 700) and short
        xdg = {
            name: str(base / name.lower())
            for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR")
        }
        for folder in xdg.values():
            Path(folder).mkdir(mode=0o700, exist_ok=True)
        env = {
            **os.environ,
            **xdg,
            "HOME": str(base),
            "QT_QPA_PLATFORM": "offscreen",
            "QT_MESSAGE_PATTERN": QT_MESSAGE_PATTERN,
            "PYTHONUNBUFFERED": "1",
            "POP_TEST_CONTROL": str(self.socket_path),
        }
        env.pop("QT_LOGGING_RULES", None)
        # --debug: a fault's traceback is in the log, and so in the failure report.
        argv = [
            sys.executable,
            "main.py",
            "--debug",
            "--data-dir",
            str(data_dir),
            "--hub-url",
            hub_url,
        ]
        self.proc = LoggedProcess("kiosk", argv, env, log_dir / "kiosk.log", qt_ignore)
        self._sock: socket.socket | None = None
        self._buffer = b""

    def start(self, *, control: bool = True) -> None:
        self.proc.start()
        if control:
            self.proc.wait_for_log(r"^test control listening$")
            self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self._sock.connect(str(self.socket_path))
            self.wait(screen="attract", timeout=START_TIMEOUT_S)

    # --- the control channel -----------------------------------------------------------------

    def command(self, cmd: str, timeout: float = 10.0, **args: Any) -> Any:
        assert self._sock is not None, "the kiosk runs without its control channel"
        self._sock.settimeout(timeout + 15.0)  # the kiosk itself answers after `timeout`
        self._sock.sendall(json.dumps({"cmd": cmd, "timeout": timeout, **args}).encode() + b"\n")
        while b"\n" not in self._buffer:
            chunk = self._sock.recv(65536)
            if not chunk:
                raise ControlError(
                    f"the kiosk closed the channel during {cmd}\n{self.proc.log_text()}"
                )
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        answer = json.loads(line)
        if not answer["ok"]:
            raise ControlError(f"{cmd} {args}: {answer['error']}")
        return answer["result"]

    def screen(self) -> str:
        return str(self.command("screen"))

    def items(self) -> list[dict[str, Any]]:
        return list(self.command("items"))

    def click(
        self, name: str | None = None, *, text: str | None = None, timeout: float = 10.0
    ) -> None:
        self.command("click", timeout, name=name, text=text)

    def type(self, name: str, text: str, timeout: float = 10.0) -> None:
        """Type into a field; it must then hold the text (no mask or limit cut it short)."""
        held = self.command("type", timeout, name=name, text=text)
        assert held == text, f"{name} holds {held!r} after typing {text!r}"

    def wait(
        self,
        name: str | None = None,
        *,
        text: str | None = None,
        screen: str | None = None,
        gone: bool = False,
        timeout: float = 10.0,
    ) -> Any:
        """Until the screen shows, or the item appears (its description) or is gone."""
        return self.command("wait", timeout, name=name, text=text, screen=screen, gone=gone)

    def text_of(self, name: str) -> str:
        return str(self.wait(name)["text"])

    def screenshot(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.command("screenshot", path=str(path))
        return path

    def close_channel(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None

    def quit(self) -> int | None:
        """End the kiosk as its window closing would (its shutdown is logged and checked too);
        without the channel, with SIGTERM (returns None then)."""
        if self._sock is None:
            self.proc.terminate()
            return None
        self.proc.ended_by_test = True
        if self.proc.running:
            with contextlib.suppress(OSError, ControlError):
                self.command("quit")
        self.close_channel()
        try:
            code = self.proc.wait_exit(QUIT_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = None
            self.proc.record(f"<kiosk did not quit within {QUIT_TIMEOUT_S} s>")
        if code not in (0, None):
            self.proc.record(f"<kiosk quit with code {code}>")
        return code


class EndToEnd:
    """A hub and a kiosk for one test, and the check of both logs at its end."""

    def __init__(self, tmp_path: Path, qt_ignore: tuple[str, ...]) -> None:
        # The control socket's path must stay short (108 bytes) and its folder private.
        self.base = Path(tempfile.mkdtemp(prefix="pop-e2e-"))
        self.data = tmp_path / "data"
        self.data.mkdir(mode=0o700)
        self.logs = tmp_path
        self.hub = HubProcess(self.data / "hub", tmp_path, qt_ignore)
        self.hub.setup(self.data)
        self.kiosk = KioskProcess(self.data, self.hub.url, self.base, tmp_path, qt_ignore)

    @property
    def processes(self) -> tuple[LoggedProcess, ...]:
        return (self.hub.proc, self.kiosk.proc)

    def stop(self) -> None:
        """End both; what went wrong on the way is recorded for :meth:`check_logs`."""
        try:
            for proc in self.processes:
                if proc.process is not None and not proc.running:
                    proc.wait_exit(QUIT_TIMEOUT_S)  # a process that ended by itself is on record
            if self.kiosk.proc.running:
                self.kiosk.quit()
        finally:
            self.kiosk.close_channel()
            self.kiosk.proc.kill()
            self.hub.proc.terminate()
            shutil.rmtree(self.base, ignore_errors=True)

    def check_logs(self) -> None:
        """Fail on any line that is neither allowed nor expected."""
        unexpected = [line for proc in self.processes for line in proc.unexpected()]
        if unexpected:
            listed = "\n".join(str(line) for line in unexpected)
            raise UnexpectedLogError(
                f"unexpected log lines:\n{listed}\n\n"
                f"--- kiosk log ---\n{self.kiosk.proc.log_text()}\n\n"
                f"--- hub log ---\n{self.hub.proc.log_text()}"
            )


@contextlib.contextmanager
def end_to_end(tmp_path: Path, qt_ignore: tuple[str, ...]) -> Iterator[EndToEnd]:
    e2e = EndToEnd(tmp_path, qt_ignore)
    try:
        yield e2e
    finally:
        e2e.stop()
    e2e.check_logs()
