"""The real camera: OpenCV's ``VideoCapture`` on a named, supervised capture thread.

A source is a device index (``"0"``) or a V4L2 device node (``"/dev/video0"``): a UVC camera,
asked for its resolution, frame rate and pixel format (MJPG gives 720p at 30 fps over USB 2);
an ``http(s)://`` or ``rtsp://`` URL: a network camera (MJPEG over HTTP, RTSP), read through
FFmpeg with open and read timeouts; or a video file: tests and the demo, played at its own
frame rate, from the start again at its end when ``loop`` is set.

The thread publishes every frame to a :class:`~drivers.camera.frames.LatestFrame` and keeps
the camera's availability as state (:class:`CameraState`): a camera that cannot be opened is
``NOT_FOUND``; one that gives no frame for ``stall_s`` is ``STALLED``, is released and opened
again. Changes are told once, through ``on_state`` (any thread), and logged once. A camera
plugged back in is used again without a restart.

The camera is held only while frames are wanted (:meth:`LatestFrame.want`), and for
``idle_release_s`` after, so that a photo right after the preview needs no new opening. At
start it is opened once to learn whether it works. While released, a device's node and a
file's path are looked for every :data:`IDLE_CHECK_S`: one that has gone is ``NOT_FOUND`` at
once (the service page says so before a photo service starts), and is tried again, with
backoff, until it is back. A network camera that fails while released is found at its next use.

``cv2`` is imported when the thread starts, not with this module: the terminal builds its
devices after its first frame, and OpenCV costs ~0.1 s to import.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from common.supervised import Backoff, SupervisedThread, WorkerReport
from drivers.camera.frames import LatestFrame
from drivers.camera.settings import CaptureSettings, SourceKind

__all__ = ["CameraState", "CaptureSettings", "CaptureThread", "SourceKind"]

if TYPE_CHECKING:
    import cv2

    from drivers.camera.frames import Pixels

log = logging.getLogger(__name__)


class CameraState(StrEnum):
    STARTING = "starting"
    READY = "ready"
    NOT_FOUND = "not_found"  # cannot be opened: unplugged, busy, a wrong address
    STALLED = "stalled"  # opened, but no frame for stall_s: reopened


#: Pauses between attempts to open a camera that is not there: quick at first, then calm.
REOPEN_BACKOFF = Backoff(first_s=0.5, cap_s=10.0)
#: While the camera is released: how often its device node (or file) is looked for.
IDLE_CHECK_S = 2.0


class CameraNotOpenedError(OSError):
    """The camera could not be opened (an environment fault: retried with backoff)."""


class CaptureThread:
    """Reads ``settings.source`` into ``frames`` on the thread ``name`` until stopped."""

    def __init__(
        self,
        settings: CaptureSettings,
        frames: LatestFrame,
        *,
        name: str = "camera-capture",
        on_state: Callable[[CameraState], None] | None = None,
        backoff: Backoff = REOPEN_BACKOFF,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self.frames = frames
        self._on_state = on_state
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._state = CameraState.STARTING
        self._capture: cv2.VideoCapture | None = None
        self._last_frame_at = 0.0
        self._next_due = 0.0  # a file's pace: when its next frame is due
        self._frame_s = 1.0 / settings.fps  # and the time between two of its frames
        self._worker = SupervisedThread(name, self._step, backoff=backoff)
        frames.on_demand(self._worker.wake)

    @property
    def state(self) -> CameraState:
        with self._lock:
            return self._state

    def start(self) -> None:
        # Imported here, on the starting thread, not first on the capture thread: see
        # drivers.camera.simulated._import_on_this_thread (a deadlock with Qt's plugin loading).
        import cv2  # noqa: F401
        import numpy  # noqa: F401

        self._worker.start()

    def stop(self) -> None:
        self._worker.stop()
        self._release()
        self.frames.wipe()

    def report(self) -> WorkerReport:
        return self._worker.report()

    # --- the capture thread -------------------------------------------------------------

    def _step(self) -> float | None:
        if not self.frames.wanted and self.state is CameraState.READY:
            idle = self._idle_step()
            if idle is not None:
                return idle
        if self._capture is None:
            self._open()  # raises CameraNotOpenedError: the supervisor retries with backoff
        capture = self._capture
        assert capture is not None
        if self.settings.kind is SourceKind.FILE:
            # A file reads as fast as the disk allows: pace it like the camera it stands for.
            wait = self._next_due - self._monotonic()
            if wait > 0:
                return wait
        if self.frames.wanted:
            ok, pixels = capture.read()
        else:
            # Held a while after the last consumer let go: the stream is kept flowing, but no
            # picture is decoded or kept while nobody looks.
            ok, pixels = capture.grab(), None
        now = self._monotonic()
        if ok:
            if pixels is not None:
                # 8-bit BGR, as every backend decodes (typed wider by OpenCV's stubs).
                self.frames.publish(cast("Pixels", pixels), now)
            self._last_frame_at = now
            self._next_due = max(self._next_due + self._frame_s, now - 1.0)
            self._set(CameraState.READY)
            return None
        if self.settings.kind is SourceKind.FILE and self.settings.loop and self._rewind():
            return None
        if now - self._last_frame_at >= self.settings.stall_s:
            self._set(CameraState.STALLED)
            self._release()  # opened again on the next step
            if not self.frames.wanted:
                # Nobody waits for it: try again calmly (the supervisor's backoff), not at once.
                raise CameraNotOpenedError("camera stalled")
            return 0.0
        return 0.02  # a dropped frame: try again shortly

    def _idle_step(self) -> float | None:
        """Nobody wants frames: release the camera after ``idle_release_s`` and watch for it
        going away. None: go on capturing (the camera is still held)."""
        since = self.frames.idle_since
        if self._capture is not None:
            if since is None or self._monotonic() - since < self.settings.idle_release_s:
                return None
            self._release()
            self.frames.wipe()
        if not self._present():
            self._set(CameraState.NOT_FOUND)
            return 0.0  # opened (and so checked) again, with backoff
        return IDLE_CHECK_S

    def _present(self) -> bool:
        s = self.settings
        if s.kind is SourceKind.DEVICE:
            return Path(f"/dev/video{s.source}" if s.source.isdigit() else s.source).exists()
        if s.kind is SourceKind.FILE:
            return Path(s.source).exists()
        return True

    def _open(self) -> None:
        import cv2

        # OpenCV's own warnings ("stream timeout triggered") go to stderr past our log; the
        # state changes above say the same, once.
        cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)
        s = self.settings
        kind = s.kind
        capture: Any
        if kind is SourceKind.DEVICE:
            device: int | str = int(s.source) if s.source.isdigit() else s.source
            capture = cv2.VideoCapture(device, cv2.CAP_V4L2)
            if capture.isOpened():
                if s.fourcc:
                    capture.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*s.fourcc))
                capture.set(cv2.CAP_PROP_FRAME_WIDTH, s.width)
                capture.set(cv2.CAP_PROP_FRAME_HEIGHT, s.height)
                capture.set(cv2.CAP_PROP_FPS, s.fps)
                # Keep no backlog in the driver either: the newest frame is the one wanted.
                capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)
        else:
            timeout_ms = int(max(s.stall_s, 0.5) * 1000)
            params = [
                cv2.CAP_PROP_OPEN_TIMEOUT_MSEC,
                timeout_ms,
                cv2.CAP_PROP_READ_TIMEOUT_MSEC,
                timeout_ms,
            ]
            capture = cv2.VideoCapture(s.source, cv2.CAP_FFMPEG, params)
        if not capture.isOpened():
            capture.release()
            self._set(CameraState.NOT_FOUND)
            raise CameraNotOpenedError(f"camera {kind.value} cannot be opened")
        self._capture = capture
        if kind is SourceKind.FILE:
            # A file plays at its own frame rate (read once, not per frame).
            fps = float(capture.get(cv2.CAP_PROP_FPS) or 0.0)
            self._frame_s = 1.0 / (fps if 1.0 <= fps <= 240.0 else s.fps)
        now = self._monotonic()
        self._last_frame_at = now  # the stall clock starts at the opening
        self._next_due = now

    def _rewind(self) -> bool:
        import cv2

        capture = self._capture
        return capture is not None and bool(capture.set(cv2.CAP_PROP_POS_FRAMES, 0))

    def _release(self) -> None:
        capture, self._capture = self._capture, None
        if capture is not None:
            capture.release()

    def _set(self, state: CameraState) -> None:
        with self._lock:
            if state is self._state:
                return
            was, self._state = self._state, state
        # Once per change, not per attempt (the supervisor's own line says why a step failed).
        if state is CameraState.READY:
            log.info("camera: ready (was %s)", was.value)
        else:
            log.warning("camera: %s", state.value)
        if self._on_state is not None:
            self._on_state(state)
