"""A simulated camera: draws a street scene with a pothole, a little different every time."""

from __future__ import annotations

import io
import random
from datetime import datetime

from PIL import Image, ImageDraw

from drivers.camera.base import Camera, CameraError, CameraStatus, Photo


class SimulatedCamera(Camera):
    def __init__(
        self, width: int = 1280, height: int = 720, seed: int | None = None, working: bool = True
    ) -> None:
        self._size = (width, height)
        self._random = random.Random(seed)
        #: Set to False to simulate an unplugged camera.
        self.working = working

    @property
    def status(self) -> CameraStatus:
        return CameraStatus.READY if self.working else CameraStatus.NOT_FOUND

    def capture(self) -> Photo:
        if not self.working:
            raise CameraError("simulated camera is switched off")
        w, h = self._size
        r = self._random
        img = Image.new("RGB", (w, h), (135, 180, 220))
        draw = ImageDraw.Draw(img)
        horizon = int(h * r.uniform(0.35, 0.45))
        draw.rectangle((0, horizon, w, h), fill=(90, 92, 96))  # asphalt
        draw.polygon(
            [(w * 0.45, horizon), (w * 0.55, horizon), (w * 0.7, h), (w * 0.3, h)],
            fill=(105, 107, 110),
        )
        for i in range(6):  # lane markings
            y = horizon + (h - horizon) * i / 6
            draw.rectangle(
                (w / 2 - 4 - i * 2, y, w / 2 + 4 + i * 2, y + 18 + i * 6), fill=(235, 235, 235)
            )
        cx, cy = w * r.uniform(0.35, 0.65), h * r.uniform(0.65, 0.85)
        rx, ry = w * r.uniform(0.08, 0.14), h * r.uniform(0.05, 0.08)
        draw.ellipse(
            (cx - rx, cy - ry, cx + rx, cy + ry), fill=(40, 38, 36), outline=(70, 66, 60), width=6
        )
        draw.text((16, 16), datetime.now().strftime("SIM %Y-%m-%d %H:%M:%S"), fill=(255, 255, 255))
        out = io.BytesIO()
        img.save(out, format="JPEG", quality=85)
        return Photo(bytearray(out.getvalue()), w, h)
