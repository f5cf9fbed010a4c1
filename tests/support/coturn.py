"""Debian's coturn on the loopback, for the self-tests' STUN/TURN check."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.support.hub_runner import free_port


@contextmanager
def coturn(work: Path) -> Iterator[int]:
    """A STUN/TURN server on 127.0.0.1; yields its port (UDP and TCP)."""
    port = free_port()
    process = subprocess.Popen(
        [
            "turnserver", "-n", "--listening-ip=127.0.0.1", f"--listening-port={port}",
            "--min-port=49300", "--max-port=49400", "--use-auth-secret",
            "--static-auth-secret=self-test", "--realm=pop.test", "--no-cli", "--no-tls",
            "--no-dtls", f"--log-file={work / 'coturn.log'}", "--simple-log",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 15
        while (
            f"127.0.0.1:{port}"
            not in subprocess.run(
                ["ss", "-lun"], capture_output=True, text=True, check=False
            ).stdout
        ):
            assert time.monotonic() < deadline, "coturn is not listening"
            assert process.poll() is None, "coturn ended"
            time.sleep(0.05)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)
