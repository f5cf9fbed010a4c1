"""A camera with live frames: the real one (OpenCV) and the simulator share this.

A still photo is the first frame taken after the citizen pressed the button (never one from
before), encoded as JPEG; the preview and the analysers take their frames from :attr:`frames`
as well, so there is one capture for all of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from drivers.camera.base import Camera, CameraError, Photo
from drivers.camera.frames import Frame, LatestFrame

if TYPE_CHECKING:
    from drivers.camera.frames import Pixels

#: JPEG quality of a photo: a document page stays legible, a photo stays well under 1 MB.
JPEG_QUALITY = 88
#: The largest photo attached (the hub takes up to 10 MB an attachment; a page stays legible).
MAX_PHOTO_BYTES = 1_500_000
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

    def capture(self) -> Photo:
        """The first frame taken after this call, as JPEG (not one from before the press)."""
        frame = self.fresh_frame()
        try:
            return self.encode(frame)
        finally:
            frame.pixels.fill(0)

    def fresh_frame(self) -> Frame:
        """The first frame taken after this call, as a copy of its own (the slot's frame is
        wiped when the camera rests; the caller wipes this one); :class:`CameraError` if none
        comes."""
        with self.frames.want():
            newest = self.frames.latest()
            after = newest.sequence if newest is not None else 0
            frame = self.frames.newer_than(after, FRESH_FRAME_S)
            if frame is None:
                raise CameraError(f"no picture from the camera ({self.describe()})")
            return Frame(frame.pixels.copy(), frame.sequence, frame.captured_at)

    @staticmethod
    def encode(frame: Frame) -> Photo:
        return encode_photo(frame.pixels)


def encode_photo(pixels: Pixels, max_bytes: int = MAX_PHOTO_BYTES, **marks: object) -> Photo:
    """``pixels`` as a JPEG of at most ``max_bytes`` (less quality first, then fewer pixels);
    ``marks`` are the :class:`Photo`'s other fields (straightened, problems)."""
    import cv2

    image = pixels
    try:
        for quality in (JPEG_QUALITY, 80, 70, 60, 60, 60):
            ok, jpeg = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
            if not ok:
                raise CameraError("the picture could not be encoded")
            data = bytearray(jpeg.tobytes())
            jpeg.fill(0)  # the encoded copy in OpenCV's buffer is personal data too
            if len(data) <= max_bytes:
                h, w = image.shape[:2]
                return Photo(data, int(w), int(h), **marks)  # type: ignore[arg-type]
            data[:] = bytes(len(data))
            if quality == 60:  # still too large: fewer pixels
                h, w = image.shape[:2]
                smaller = cv2.resize(image, (w * 3 // 4, h * 3 // 4), interpolation=cv2.INTER_AREA)
                if image is not pixels:
                    image.fill(0)  # the smaller copies are the picture too
                image = cast("Pixels", smaller)
        raise CameraError("the picture could not be made small enough")
    finally:
        if image is not pixels:
            image.fill(0)
