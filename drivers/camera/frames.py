"""One capture, many consumers: the newest frame, and nothing older.

The capture thread :meth:`~LatestFrame.publish`\\ es every frame it reads; each consumer (the
preview, the document, QR and MRZ analysers, later the video call) takes the newest one when
it is ready for another (:meth:`~LatestFrame.newer_than`). Nobody waits for anybody: the
capture never blocks on a slow consumer, a slow consumer skips the frames it was too busy for,
and no queue of old frames builds up anywhere.

A frame is personal data (a face, a passport page). :meth:`LatestFrame.wipe` zeroes the pixels
held and drops them; the consumers keep no frame beyond their step.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Pixels = npt.NDArray[np.uint8]


@dataclass(frozen=True)
class Frame:
    """One picture from the camera: ``pixels`` is H×W×3 BGR (OpenCV's order), read-only."""

    pixels: Pixels
    #: Counts up from 1 with every frame published (0: none yet).
    sequence: int
    #: ``time.monotonic()`` when the capture thread had it.
    captured_at: float

    @property
    def width(self) -> int:
        return int(self.pixels.shape[1])

    @property
    def height(self) -> int:
        return int(self.pixels.shape[0])


class LatestFrame:
    """The newest frame, shared between one capture thread and any number of consumers."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._frame: Frame | None = None
        self._sequence = 0
        self._closed = False

    def publish(self, pixels: Pixels, captured_at: float | None = None) -> Frame:
        """Make ``pixels`` the newest frame (the caller hands them over: it must not write to
        them afterwards) and wake every consumer waiting for one."""
        pixels.flags.writeable = False
        with self._changed:
            self._sequence += 1
            when = time.monotonic() if captured_at is None else captured_at
            frame = Frame(pixels, self._sequence, when)
            self._frame = frame
            self._changed.notify_all()
            return frame

    def latest(self) -> Frame | None:
        with self._changed:
            return self._frame

    def newer_than(self, sequence: int, timeout_s: float) -> Frame | None:
        """The newest frame if it is newer than ``sequence``, waiting up to ``timeout_s`` for
        one; None on timeout or once closed."""
        deadline = time.monotonic() + timeout_s
        with self._changed:
            while not self._closed:
                frame = self._frame
                if frame is not None and frame.sequence > sequence:
                    return frame
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._changed.wait(left)
            return None

    def wipe(self) -> None:
        """Zero the pixels held and drop them (the session ended, or the camera closed)."""
        with self._changed:
            frame, self._frame = self._frame, None
        if frame is not None:
            frame.pixels.flags.writeable = True
            frame.pixels.fill(0)

    def close(self) -> None:
        """Wake every waiting consumer for good (the terminal shuts down)."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()
        self.wipe()
