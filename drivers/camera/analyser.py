"""An analyser of the camera's frames (QR codes, a document page, a passport's MRZ) on a named
thread of its own: it wants frames while it runs, takes the newest one whenever it is done with
the last (a slow analysis skips frames, it never queues them), and hands what it finds to
``found`` (on its own thread: the caller posts it on to where it belongs).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

from common.supervised import SupervisedThread
from drivers.camera.frames import Demand, Frame, LatestFrame

log = logging.getLogger(__name__)

_T = TypeVar("_T")

#: How long a step waits for a new frame before it looks again whether it should stop.
WAIT_S = 0.25

#: The analysers' niceness: on a 2-core terminal, the UI and the preview come first, an
#: analysis that gets a frame later is still in time (a hint, a code read a frame later).
ANALYSER_NICENESS = 10


def yield_to_ui() -> None:
    """Lower the calling thread's scheduling priority (Linux: niceness is per thread), by
    ``ANALYSER_NICENESS`` from where the process runs."""
    thread = threading.get_native_id()
    try:
        niceness = os.getpriority(os.PRIO_PROCESS, thread) + ANALYSER_NICENESS
        os.setpriority(os.PRIO_PROCESS, thread, min(19, niceness))
    except OSError:  # not Linux, or a sandbox that forbids it: the analysis runs as before
        log.debug("could not lower the analyser's priority")


class FrameAnalyser(Generic[_T]):
    def __init__(
        self,
        name: str,
        frames: LatestFrame,
        analyse: Callable[[Frame], _T | None],
        found: Callable[[_T], None],
        *,
        interval_s: float = 0.0,
    ) -> None:
        self._frames = frames
        #: At most one analysis per interval (a costly analyser leaves the CPU to the preview).
        self._interval_s = interval_s
        self._analyse = analyse
        self._found = found
        self._sequence = 0
        self._demand: Demand | None = None
        self._niced = False
        self._thread = SupervisedThread(name, self._step)
        #: Frames analysed so far (the benchmark's rate).
        self.analysed = 0

    def start(self) -> None:
        if self._demand is None:
            self._demand = self._frames.want()
        self._niced = False  # a thread started anew runs at the default priority
        # Only frames taken from now on (never one left from before).
        latest = self._frames.latest()
        self._sequence = latest.sequence if latest is not None else self._sequence
        self._thread.start()

    def stop(self) -> None:
        """Stop analysing (from any thread but the analyser's own); the camera may rest.

        Not waited for: the screen that stops it must not stall for the rest of an analysis.
        The thread ends after its current step; what it finds then is not handed over."""
        self._thread.stop(timeout_s=0.0)
        if self._demand is not None:
            self._demand.release()
            self._demand = None

    def _step(self) -> float | None:
        if not self._niced:
            self._niced = True
            yield_to_ui()
        frame = self._frames.newer_than(self._sequence, WAIT_S)
        if frame is None or self._thread.stopping:
            return None
        started = time.monotonic()
        self._sequence = frame.sequence
        result = self._analyse(frame)
        self.analysed += 1
        if result is not None and not self._thread.stopping:
            self._found(result)
        return max(0.0, self._interval_s - (time.monotonic() - started))
