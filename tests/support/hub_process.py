"""A real hub process for tests: set up through its CLI, started, stopped, killed, restarted.

Everything goes through ``python -m hub`` exactly as an operator would type it; tests talk to
the hub over HTTP and read its SQLite file only to check results (qutebrowser's
``quteprocess`` habit: the real program as a subprocess, its log checked for errors).

    hub = HubProcess(tmp_path / "hub")
    credential, public_key = hub.setup("village-01")   # init, key export, terminals add
    hub.add_user("clerk", "sicheres-Passwort-1")
    hub.start()                                        # returns once the hub listens
    ...
    hub.kill(); hub.start()                            # SIGKILL, then the same data and port
    hub.stop()
    assert hub.unexpected_log_lines() == []

Readiness without polling: ``serve`` binds its socket before printing its "listening" line,
so once that line is read a request waits in the backlog at worst. With port 0 the hub picks
a free port and the line says which; a restart asks for that same port again.

Key generation (RSA-4096) takes about a second, so by default the data folder gets the tests'
fixed key pair before ``init`` (which keeps a key it finds); ``key_file=None`` makes a new one.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

from joserfc.jwk import RSAKey

from wire.sealing import load_public_key

ROOT = Path(__file__).resolve().parents[2]
#: The tests' fixed hub key pair (private; never used outside tests).
TEST_HUB_KEY = Path(__file__).with_name("test-hub-key.jwk")
#: A cold start imports FastAPI and uvicorn and opens the database: about a second.
START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 30.0
CLI_TIMEOUT_S = 60.0
_READY = re.compile(r"hub listening on (http://[^ ]+:(\d+)) ")
#: Log lines that mean something went wrong in the hub (its own errors, uvicorn's tracebacks).
_BAD = re.compile(r" (ERROR|CRITICAL) |^ERROR:|^Traceback ")


class HubError(RuntimeError):
    """The hub could not be set up or started; the message carries its output."""


class HubProcess:
    def __init__(
        self,
        data_dir: Path,
        port: int = 0,
        *,
        key_file: Path | None = TEST_HUB_KEY,
        serve_args: tuple[str, ...] = ("--no-cookie-secure",),
    ) -> None:
        """``serve_args`` go to ``serve`` (default: plain-http cookies for the test clerk)."""
        self.data_dir = data_dir
        self.port = port
        self.key_file = key_file
        self.serve_args = serve_args
        self.log_path = data_dir.parent / f"{data_dir.name}.log"
        self.process: subprocess.Popen[str] | None = None
        self.starts = 0
        self._url = ""
        self._drain: threading.Thread | None = None

    # -- the command line ------------------------------------------------------------------

    def cli(self, *args: str, stdin: str | None = None) -> str:
        """Run ``python -m hub ARGS --data-dir D``; its stdout, or :class:`HubError`."""
        result = subprocess.run(
            [sys.executable, "-m", "hub", *args, "--data-dir", str(self.data_dir)],
            cwd=ROOT,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=CLI_TIMEOUT_S,
            check=False,
        )
        if result.returncode != 0:
            raise HubError(f"hub {' '.join(args)} failed ({result.returncode}): {result.stderr}")
        return result.stdout

    def init(self) -> None:
        if self.key_file is not None and not (self.data_dir / "hub-key.jwk").exists():
            self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            shutil.copyfile(self.key_file, self.data_dir / "hub-key.jwk")
            (self.data_dir / "hub-key.jwk").chmod(0o600)
        self.cli("init")

    def export_key(self, out: Path | None = None) -> Path:
        out = out or self.data_dir.parent / f"{self.data_dir.name}-public.jwk"
        self.cli("key", "export", "--out", str(out))
        return out

    def add_terminal(self, terminal_id: str, credential_file: Path | None = None) -> Path:
        """A new terminal; returns the file its credential was written to (mode 0600)."""
        credential_file = credential_file or self.credential_path(terminal_id)
        self.cli(
            "terminals",
            "add",
            terminal_id,
            "--name",
            f"Test {terminal_id}",
            "--place",
            "Testdorf",
            "--credential-file",
            str(credential_file),
        )
        return credential_file

    def credential_path(self, terminal_id: str) -> Path:
        return self.data_dir.parent / f"{self.data_dir.name}-{terminal_id}.credential"

    def credential(self, terminal_id: str) -> str:
        """The bearer token (``<id>.<secret>``) that :meth:`add_terminal` wrote."""
        return self.credential_path(terminal_id).read_text(encoding="utf-8").strip()

    def revoke_terminal(self, terminal_id: str) -> None:
        self.cli("terminals", "revoke", terminal_id)

    def add_user(self, name: str, password: str) -> None:
        self.cli("users", "add", name, "--password-stdin", stdin=password + "\n")

    def setup(self, terminal_id: str = "test-terminal-01") -> tuple[Path, Path]:
        """Initialise, add a terminal; returns (its credential file, the public key file)."""
        self.init()
        key = self.export_key()
        return self.add_terminal(terminal_id), key

    def public_key(self) -> RSAKey:
        return load_public_key(self.export_key())

    # -- the server --------------------------------------------------------------------------

    @property
    def url(self) -> str:
        if not self._url:
            raise HubError("the hub has not been started yet")
        return self._url

    def start(self) -> None:
        """Start ``serve`` and return once it listens (on the same port as before, if any)."""
        if self.process is not None:
            raise HubError("the hub is running already")
        log = self.log_path.open("a", encoding="utf-8")
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "hub",
                "serve",
                "--data-dir",
                str(self.data_dir),
                "--port",
                str(self.port),
                *self.serve_args,
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self.process = process
        self.starts += 1
        ready = threading.Event()
        found: list[re.Match[str]] = []
        assert process.stdout is not None
        self._drain = threading.Thread(
            target=self._copy_output,
            args=(process.stdout, log, ready, found),
            name=f"hub-log-{self.starts}",
            daemon=True,
        )
        self._drain.start()
        # The drain thread sets the event on the "listening" line, or at the end of the output
        # (the hub exited); either way nothing is polled.
        if not ready.wait(START_TIMEOUT_S) or not found:
            self._reap(signal.SIGKILL)
            raise HubError(f"hub did not start:\n{self.log_path.read_text()[-3000:]}")
        self._url = found[0].group(1)
        self.port = int(found[0].group(2))

    @staticmethod
    def _copy_output(
        stream: IO[str], log: IO[str], ready: threading.Event, found: list[re.Match[str]]
    ) -> None:
        with stream, log:
            for line in stream:
                log.write(line)
                log.flush()
                if not ready.is_set() and (match := _READY.search(line)):
                    found.append(match)
                    ready.set()
        ready.set()

    def stop(self) -> None:
        """SIGTERM: uvicorn's graceful shutdown (SIGKILL if it takes too long)."""
        self._reap(signal.SIGTERM)

    def kill(self) -> None:
        """SIGKILL: no shutdown handlers, no flushing, as a power cut."""
        self._reap(signal.SIGKILL)

    def restart(self) -> None:
        self.stop()
        self.start()

    def _reap(self, sig: signal.Signals) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        if process.poll() is None:
            process.send_signal(sig)
        try:
            process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=STOP_TIMEOUT_S)
        if self._drain is not None:
            self._drain.join(timeout=STOP_TIMEOUT_S)
            self._drain = None

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    # -- looking inside ----------------------------------------------------------------------

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8") if self.log_path.exists() else ""

    def unexpected_log_lines(self, allowed: tuple[str, ...] = ()) -> list[str]:
        """Error lines in the hub's output, except those containing one of ``allowed``."""
        return [
            line
            for line in self.log_text().splitlines()
            if _BAD.search(line) and not any(a in line for a in allowed)
        ]

    def rows(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        """Read the hub's database directly (a second connection; WAL lets it read)."""
        db = sqlite3.connect(self.data_dir / "hub.sqlite")
        try:
            return list(db.execute(sql, args).fetchall())
        finally:
            db.close()
