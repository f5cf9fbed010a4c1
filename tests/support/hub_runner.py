"""A real hub process for the terminal-side tests: set up through its CLI, started, killed.

Everything goes through ``python -m hub`` exactly as an operator would type it; the tests then
talk to the hub over HTTP on a free local port and read its SQLite file only to check results.
"""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import requests

from tests.support.configs import ROOT

#: The hub imports FastAPI and uvicorn: a cold start takes about a second on this machine.
START_TIMEOUT_S = 30.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class HubRunner:
    def __init__(self, data_dir: Path, port: int | None = None, *, tls: bool = False) -> None:
        """``tls``: HTTPS with the hub's own CA for "localhost", and the enrolled terminals'
        mutual-TLS listener on :attr:`terminal_url`."""
        self.data_dir = data_dir
        self.port = port or free_port()
        self.tls = tls
        self.terminal_port = free_port() if tls else 0
        scheme = "https" if tls else "http"
        self.url = f"{scheme}://localhost:{self.port}" if tls else f"http://127.0.0.1:{self.port}"
        self.terminal_url = f"https://localhost:{self.terminal_port}" if tls else self.url
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = data_dir.parent / f"{data_dir.name}.log"
        self.starts = 0

    @property
    def ca_file(self) -> Path:
        """The hub's CA certificate (made when the hub first starts)."""
        return self.data_dir / "pki" / "ca.pem"

    def cli(self, *args: str, stdin: str | None = None) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "hub", *args, "--data-dir", str(self.data_dir)],
            cwd=ROOT,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"hub {' '.join(args)} failed: {result.stderr}")
        return result.stdout

    def setup(self, terminal_id: str = "test-terminal-01") -> tuple[Path, Path]:
        """Initialise; returns (credential file, public key file) for a terminal."""
        self.cli("init")
        key = self.data_dir.parent / f"{self.data_dir.name}-public.jwk"
        self.cli("key", "export", "--out", str(key))
        credential = self.data_dir.parent / f"{self.data_dir.name}-{terminal_id}.credential"
        self.cli(
            "terminals",
            "add",
            terminal_id,
            "--name",
            "Test",
            "--place",
            "Testdorf",
            "--credential-file",
            str(credential),
        )
        return credential, key

    def start(self, *extra: str) -> None:
        """Serve; ``extra`` are more ``serve`` options (e.g. the mail server)."""
        assert self.process is None
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "hub",
                "serve",
                "--data-dir",
                str(self.data_dir),
                "--port",
                str(self.port),
                "--no-cookie-secure",  # the tests' clerk talks plain http on the loopback
                *(
                    ("--tls-name", "localhost", "--terminal-port", str(self.terminal_port))
                    if self.tls
                    else ()
                ),
                *extra,
            ],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        log.close()
        self.starts += 1
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                verify: bool | str = str(self.ca_file) if self.tls else True
                if self.tls and not self.ca_file.exists():
                    raise requests.ConnectionError("no CA yet")
                if requests.get(self.url + "/healthz", timeout=1, verify=verify).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"hub did not start:\n{self.log_path.read_text()[-3000:]}")
            time.sleep(0.02)  # polling a port that is not open yet; nothing to wait on

    def kill(self) -> None:
        """SIGKILL: no shutdown handlers, no flushing, as a power cut."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=30)
            self.process = None

    def rows(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        """Read the hub's database directly (a second connection; WAL lets it read)."""
        db = sqlite3.connect(self.data_dir / "hub.sqlite")
        try:
            return list(db.execute(sql, args).fetchall())
        finally:
            db.close()
