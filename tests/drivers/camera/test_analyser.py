"""The frame analyser: its own thread, the newest frame only, and the UI comes first."""

from __future__ import annotations

import os
import threading

import numpy as np

from drivers.camera.analyser import ANALYSER_NICENESS, FrameAnalyser
from drivers.camera.frames import Frame, LatestFrame


def pixels(value: int) -> np.ndarray:
    return np.full((4, 6, 3), value, dtype=np.uint8)


def test_an_analyser_takes_only_new_frames_on_a_thread_that_yields_to_the_ui() -> None:
    frames = LatestFrame()
    frames.publish(pixels(1))  # from before it started: never analysed
    seen: list[tuple[int, int]] = []
    found: list[int] = []
    analysed = threading.Event()

    def analyse(frame: Frame) -> int:
        own = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        seen.append((int(frame.pixels[0, 0, 0]), own))
        analysed.set()
        return int(frame.pixels[0, 0, 0])

    analyser = FrameAnalyser("test-analyser", frames, analyse, found.append)
    process = os.getpriority(os.PRIO_PROCESS, 0)
    analyser.start()
    try:
        assert frames.wanted
        frames.publish(pixels(7))
        assert analysed.wait(5)
    finally:
        analyser.stop()
    assert seen[0] == (7, min(19, process + ANALYSER_NICENESS))
    assert found[:1] == [7]
    # The process itself, and with it the UI's threads, kept its priority.
    assert os.getpriority(os.PRIO_PROCESS, 0) == process
    assert not frames.wanted
