"""A camera with live frames: the real one (OpenCV) and the simulator share this.

A still photo is the first frame taken after the citizen pressed the button (never one from
before), encoded as JPEG; the preview and the analysers take their frames from :attr:`frames`
as well, so there is one capture for all of them.
"""

from __future__ import annotations

from drivers.camera.base import Camera, CameraError, Photo
from drivers.camera.frames import Frame, LatestFrame

#: JPEG quality of a photo: a document page stays legible, a photo stays well under 1 MB.
JPEG_QUALITY = 88
#: How long a photo waits for a frame taken after the citizen pressed the button: enough for a
#: released UVC camera to open (~1 s) and expose its first frames.
FRESH_FRAME_S = 3.0


class LiveCamera(Camera):
    """A :class:`Camera` whose frames go to :attr:`frames` while they are wanted."""

    def __init__(self, frames: LatestFrame | None = None) -> None:
        self.frames = frames or LatestFrame()

    @property
    def live(self) -> LatestFrame:
        return self.frames

    def describe(self) -> str:
        """A word on the camera's state for an error message (no personal data)."""
        return self.status.value

    def capture(self) -> Photo:
        """The first frame taken after this call, as JPEG (not one from before the press)."""
        with self.frames.want():
            newest = self.frames.latest()
            after = newest.sequence if newest is not None else 0
            frame = self.frames.newer_than(after, FRESH_FRAME_S)
        if frame is None:
            raise CameraError(f"no picture from the camera ({self.describe()})")
        return self.encode(frame)

    @staticmethod
    def encode(frame: Frame) -> Photo:
        import cv2

        ok, jpeg = cv2.imencode(".jpg", frame.pixels, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
        if not ok:
            raise CameraError("the picture could not be encoded")
        photo = Photo(bytearray(jpeg.tobytes()), frame.width, frame.height)
        jpeg.fill(0)  # the encoded copy in OpenCV's buffer is personal data too
        return photo
