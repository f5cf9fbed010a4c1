"""The simulated camera: a live source drawing a scene (:mod:`drivers.camera.scenes`) at the
camera's frame rate, on its own thread, only while frames are wanted, so the demo shows the
real preview path and the tests pay nothing for a camera nobody looks at.

The demo holds a scene up to it (:meth:`SimulatedCamera.hold`); ``working = False`` is an
unplugged camera.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

from common.supervised import SupervisedThread
from drivers.camera.base import CameraError, CameraStatus, Photo
from drivers.camera.live import LiveCamera
from drivers.camera.scenes import Scene, SceneRenderer

if TYPE_CHECKING:
    from drivers.camera.frames import Pixels


class SimulatedCamera(LiveCamera):
    def __init__(
        self,
        width: int = 1280,
        height: int = 720,
        seed: int | None = None,
        working: bool = True,
        fps: float = 30.0,
    ) -> None:
        super().__init__()
        self._size = (width, height)
        self._seed = seed
        self._frame_s = 1.0 / fps
        self._lock = threading.Lock()
        self._renderer: SceneRenderer | None = None
        self._scene = Scene.STREET
        self._payload = ""
        self._started_at = time.monotonic()
        self._next_due = 0.0
        #: Set to False to simulate an unplugged camera.
        self.working = working
        self._thread = SupervisedThread("camera-simulator", self._step)
        self.frames.on_demand(self._thread.wake)

    @property
    def status(self) -> CameraStatus:
        return CameraStatus.READY if self.working else CameraStatus.NOT_FOUND

    @property
    def scene(self) -> Scene:
        return self._scene

    def hold(self, scene: Scene, payload: str = "") -> None:
        """What is held up to the camera from now on (``payload``: a receipt's QR text)."""
        with self._lock:
            self._scene, self._payload = scene, payload
            self._renderer = None

    def start(self) -> None:
        _import_on_this_thread()
        self._thread.start()

    def close(self) -> None:
        self._thread.stop()
        self.frames.close()

    def capture(self) -> Photo:
        if not self.working:
            raise CameraError("simulated camera is switched off")
        if not self._thread.alive():
            # Not started (a test's camera): draw the one frame asked for.
            self.frames.publish(self._render())
            frame = self.frames.latest()
            assert frame is not None
            try:
                return self.encode(frame)
            finally:
                self.frames.wipe()
        return super().capture()

    def _render(self) -> Pixels:
        with self._lock:
            if self._renderer is None:
                self._renderer = SceneRenderer(self._scene, self._size, self._seed, self._payload)
            renderer = self._renderer
        return renderer.frame(time.monotonic() - self._started_at)

    def _step(self) -> float | None:
        if not self.frames.wanted or not self.working:
            return 1.0  # asleep until wanted (LatestFrame.on_demand wakes it)
        wait = self._next_due - time.monotonic()
        if wait > 0:
            return wait
        self.frames.publish(self._render())
        now = time.monotonic()
        # Paced like a camera; after a pause (nobody wanted frames) it starts afresh, with
        # no burst of frames to catch up.
        self._next_due = max(self._next_due + self._frame_s, now - self._frame_s)
        return None


def _import_on_this_thread() -> None:
    """OpenCV and numpy are imported by the thread that starts the camera, not by the camera's
    own: a first import of their C extensions on a worker thread, while the GUI thread loads a
    Qt plugin (the keyboard, Qt Multimedia), deadlocked the kiosk (the GIL and the loader's
    lock taken in opposite orders)."""
    import cv2  # noqa: F401
    import numpy  # noqa: F401
