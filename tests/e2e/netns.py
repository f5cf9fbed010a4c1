"""Run a test's processes in a network namespace of their own (Linux, root: CI and this
machine): ``unshare -n`` gives a namespace with nothing but a loopback device, which is brought
up with one extra address (aioice, aiortc's ICE, never offers 127.0.0.1 as a candidate). No
packet sent inside can reach any network outside what the test made."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.support.configs import ROOT

#: The one address the call's peers find on the namespace's loopback (TEST-NET-ish, private).
CALL_ADDRESS = "10.99.0.1"


def run(module: str, *args: str, timeout_s: float = 240.0) -> subprocess.CompletedProcess[str]:
    """``python -m module args`` inside a fresh network namespace; its output captured."""
    setup = f'ip link set lo up && ip addr add {CALL_ADDRESS}/32 dev lo && exec "$@"'
    return subprocess.run(
        ["unshare", "-n", "sh", "-c", setup, "sh", sys.executable, "-m", module, *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=timeout_s,
        check=False,
    )
