"""The real camera behind the :class:`~drivers.camera.base.Camera` interface: OpenCV's capture
(:mod:`drivers.camera.capture`) feeding the live frames (:mod:`drivers.camera.live`).

The capture thread runs from :meth:`OpenCvCamera.start` to :meth:`OpenCvCamera.close`; it holds
the camera itself only while frames are wanted.
"""

from __future__ import annotations

from drivers.camera.base import CameraStatus
from drivers.camera.capture import CameraState, CaptureThread
from drivers.camera.live import LiveCamera
from drivers.camera.settings import CaptureSettings


class OpenCvCamera(LiveCamera):
    def __init__(self, settings: CaptureSettings) -> None:
        super().__init__()
        self.settings = settings
        self._capture = CaptureThread(settings, self.frames)

    @property
    def status(self) -> CameraStatus:
        if self._capture.state is CameraState.READY:
            return CameraStatus.READY
        return CameraStatus.NOT_FOUND

    @property
    def state(self) -> CameraState:
        return self._capture.state

    def describe(self) -> str:
        return self.state.value

    def start(self) -> None:
        self._capture.start()

    def close(self) -> None:
        self._capture.stop()
