"""Run one test again under Xvfb, where Qt Quick renders with OpenGL (Mesa), as a terminal's GPU
does; the offscreen platform the suite uses renders in software, which draws no video."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: Set in the test process that runs under Xvfb.
ENV = "POP_TEST_ON_XVFB"


def on_xvfb() -> bool:
    return bool(os.environ.get(ENV))


def run_under_xvfb(*test_ids: str, timeout_s: float = 300) -> subprocess.CompletedProcess[str]:
    """``pytest test_ids`` in a fresh process on a fresh Xvfb display (xvfb-run picks a free
    one)."""
    env = {**os.environ, ENV: "1"}
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1920x1080x24",
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:randomly",
            *test_ids,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout_s,
    )
