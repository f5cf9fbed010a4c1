"""A preview's video output destroyed while its feed still hands over frames: nothing crashes
or hangs. Setting a frame on the sink from the feed's own thread did both, once in a few
cycles here (and hung a CI run for an hour): the sink is set on the GUI thread now."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.support.configs import ROOT


def test_outputs_destroyed_under_a_running_feed_neither_crash_nor_hang() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONFAULTHANDLER="1")
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.preview_churn", "200"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "churned 200 outputs" in done.stdout
    shown = int(done.stdout.split(", ")[1].split()[0])
    assert shown >= 20  # and the frames still reached the outputs while they were there
    assert "Traceback" not in done.stderr
