"""The kiosk and the hub as real processes, their logs read line by line (qutebrowser's manner).

Both are started exactly as ``scripts/demo`` starts them (``python -m hub demo-setup``, the
sample chips' CSCA, ``python -m hub serve``, ``python main.py --data-dir … --hub-url …``), the
kiosk offscreen with its XDG folders in a temporary directory. The test drives the kiosk
through its test-control channel (``ui/test_control.py``): taps at an item's centre, typing
through the input method, waits and screenshots.

Every line either process writes is parsed: the Python log format both use, Qt's messages
(through ``QT_MESSAGE_PATTERN``), tracebacks (joined to the record they belong to) and stray
output (``tests/e2e/process_log.py``). At the end of a test, any WARNING, ERROR or CRITICAL
record, Qt warning or stray line that neither the allow list (``process_log.ALLOWED``), the
``qt_log_ignore`` list in pyproject.toml nor the test itself (``expect``) accounts for fails
it, with the whole log in the report; so does a process that ends by itself (a crash, an
abort) or a kiosk that does not quit cleanly.

Run: ``QT_QPA_PLATFORM=offscreen python -m pytest tests/e2e/test_kiosk_process.py`` (about a
minute; the logs stay in each test's tmp_path as ``kiosk.log`` and ``hub.log``).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import requests

from tests.e2e.process_log import (
    QUIT_TIMEOUT_S,
    START_TIMEOUT_S,
    LoggedProcess,
    UnexpectedLogError,
)
from tests.support.configs import ROOT
from tests.support.hub_runner import HubRunner, free_port

#: Qt's messages in a form the parser knows: "qt warning qt.qml.binding: …".
QT_MESSAGE_PATTERN = "qt %{type} %{category}: %{message}"

__all__ = ["ControlError", "EndToEnd", "KioskProcess", "UnexpectedLogError", "end_to_end"]


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
