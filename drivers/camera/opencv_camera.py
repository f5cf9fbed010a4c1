"""The real camera behind the :class:`~drivers.camera.base.Camera` interface: a still photo is
the newest frame of the running capture (:mod:`drivers.camera.capture`), as JPEG.

The capture runs from :meth:`OpenCvCamera.start` to :meth:`OpenCvCamera.close`; the preview
and the analysers of the next steps take their frames from the same :attr:`frames`.
"""

from __future__ import annotations

from drivers.camera.base import Camera, CameraError, CameraStatus, Photo
from drivers.camera.capture import CameraState, CaptureThread
from drivers.camera.frames import LatestFrame
from drivers.camera.settings import CaptureSettings

#: JPEG quality of a photo: a document page stays legible, a photo stays well under 1 MB.
JPEG_QUALITY = 88
#: How long a photo waits for a frame taken after the citizen pressed the button.
FRESH_FRAME_S = 2.0


class OpenCvCamera(Camera):
    def __init__(self, settings: CaptureSettings) -> None:
        self.settings = settings
        self.frames = LatestFrame()
        self._capture = CaptureThread(settings, self.frames)

    @property
    def status(self) -> CameraStatus:
        if self._capture.state is CameraState.READY:
            return CameraStatus.READY
        return CameraStatus.NOT_FOUND

    @property
    def state(self) -> CameraState:
        return self._capture.state

    def start(self) -> None:
        self._capture.start()

    def close(self) -> None:
        self._capture.stop()

    def capture(self) -> Photo:
        """The first frame taken after this call, as JPEG (not one from before the press)."""
        import cv2

        newest = self.frames.latest()
        after = newest.sequence if newest is not None else 0
        frame = self.frames.newer_than(after, FRESH_FRAME_S)
        if frame is None:
            raise CameraError(f"no picture from the camera ({self.state.value})")
        ok, jpeg = cv2.imencode(".jpg", frame.pixels, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
        if not ok:
            raise CameraError("the picture could not be encoded")
        photo = Photo(bytearray(jpeg.tobytes()), frame.width, frame.height)
        jpeg.fill(0)  # the encoded copy in OpenCV's buffer is personal data too
        return photo
