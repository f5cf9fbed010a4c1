"""One capture, many consumers: the newest frame, and nothing older.

The capture thread :meth:`~LatestFrame.publish`\\ es every frame it reads; each consumer (the
preview, the document, QR and MRZ analysers, later the video call) takes the newest one when
it is ready for another (:meth:`~LatestFrame.newer_than`). Nobody waits for anybody: the
capture never blocks on a slow consumer, a slow consumer skips the frames it was too busy for,
and no queue of old frames builds up anywhere.

Capturing costs a CPU share and lights the camera's lamp, so it runs only on demand: a consumer
:meth:`~LatestFrame.want`\\ s frames while it needs them (the preview while it is on screen, a
photo until it has its frame), and the capture releases the camera once nobody has wanted
frames for a while (:attr:`LatestFrame.idle_since`).

A frame is personal data (a face, a passport page). :meth:`LatestFrame.wipe` zeroes the pixels
held and drops them; the consumers keep no frame beyond their step.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
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


class Demand:
    """One consumer's wish for frames, from :meth:`LatestFrame.want` until :meth:`release`
    (or the end of its ``with`` block)."""

    def __init__(self, frames: LatestFrame) -> None:
        self._frames: LatestFrame | None = frames

    def release(self) -> None:
        frames, self._frames = self._frames, None
        if frames is not None:
            frames._released()  # the two halves of one mechanism

    def __enter__(self) -> Demand:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()


class LatestFrame:
    """The newest frame, shared between one capture thread and any number of consumers."""

    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._changed = threading.Condition()
        self._monotonic = monotonic
        self._frame: Frame | None = None
        self._sequence = 0
        self._closed = False
        self._wanted = 0
        self._idle_since: float | None = monotonic()
        self._on_demand: list[Callable[[], None]] = []

    # --- demand --------------------------------------------------------------------------

    def want(self) -> Demand:
        """Frames are wanted until the returned :class:`Demand` is released."""
        with self._changed:
            self._wanted += 1
            self._idle_since = None
            wakers = list(self._on_demand)
        for wake in wakers:
            wake()
        return Demand(self)

    def _released(self) -> None:
        with self._changed:
            self._wanted -= 1
            last = self._wanted == 0
            if last:
                self._idle_since = self._monotonic()
        if last:
            # Nobody looks any more: what the camera last saw is not kept for the next one
            # (a citizen's passport must not be the first frame the next citizen's scan gets).
            self.wipe()

    @property
    def wanted(self) -> bool:
        with self._changed:
            return self._wanted > 0

    @property
    def idle_since(self) -> float | None:
        """When the last consumer let go (None while one wants frames)."""
        with self._changed:
            return self._idle_since

    def on_demand(self, wake: Callable[[], None]) -> None:
        """Call ``wake`` (on the consumer's thread) whenever frames are wanted: the capture
        thread waits for it while the camera is released."""
        with self._changed:
            self._on_demand.append(wake)

    # --- frames --------------------------------------------------------------------------

    def publish(self, pixels: Pixels, captured_at: float | None = None) -> Frame:
        """Make ``pixels`` the newest frame (the caller hands them over: it must not write to
        them afterwards) and wake every consumer waiting for one.

        Rows with padding between them (a decoder's aligned lines, as PyAV gives a video
        call's frames of some widths) are copied into one block first: the consumers hand the
        buffer on whole (Qt's image, OpenCV), which needs it contiguous."""
        if not pixels.flags.c_contiguous:
            pixels = pixels.copy()
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
