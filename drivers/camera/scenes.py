"""What the simulated camera sees: a street with a pothole, a document page held at an angle, a
receipt with its QR code. Each is drawn once (Pillow), then moved a little on every frame, as a
hand or a breeze would, so the preview is visibly live and the analysers see a page whose
corners wander.

Frames are H×W×3 BGR, as OpenCV delivers a real camera's.
"""

from __future__ import annotations

import math
import random
from enum import StrEnum
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from drivers.camera.frames import Pixels

__all__ = ["Scene", "SceneRenderer"]


class Scene(StrEnum):
    STREET = "street"  # a place: a pothole in a road (Mängel melden)
    DOCUMENT = "document"  # a printed page on a desk (Unterlagen nachreichen)
    RECEIPT = "receipt"  # the terminal's receipt, its QR code to the camera (Antragsstatus)
    PASSPORT = "passport"  # a passport's data page, its MRZ to the camera (identify)


class SceneRenderer:
    """Frames of one scene at ``size``; ``payload`` is the receipt's QR text."""

    def __init__(
        self, scene: Scene, size: tuple[int, int], seed: int | None = None, payload: str = ""
    ) -> None:
        self.scene = scene
        self.size = size
        self._random = random.Random(seed)
        self._payload = payload
        self._still = self._draw()
        #: The scene as drawn, before it is moved (a page: the page itself, flat).
        self.still = self._still
        #: Where the page's corners are in a frame (document and receipt): the analysers'
        #: tests compare their findings with it.
        self.corners: list[tuple[float, float]] = []

    def frame(self, t: float) -> Pixels:
        """The scene at ``t`` seconds."""
        import cv2
        import numpy as np

        w, h = self.size
        if self.scene is Scene.STREET:
            # A slow sway, as a hand-held or wind-shaken camera.
            dx, dy = 6 * math.sin(t * 0.9), 4 * math.sin(t * 1.3)
            matrix = np.array([[1, 0, dx], [0, 1, dy]], np.float32)
            out = cast(
                "Pixels",
                cv2.warpAffine(self._still, matrix, (w, h), borderMode=cv2.BORDER_REFLECT),
            )
        else:
            page = self._still
            ph, pw = page.shape[:2]
            wobble = [
                (
                    0.015 * w * math.sin(t * (0.7 + i * 0.13) + i),
                    0.015 * h * math.cos(t * (0.6 + i * 0.11) + i),
                )
                for i in range(4)
            ]
            base = self._held_at()
            corners = [(x + dx, y + dy) for (x, y), (dx, dy) in zip(base, wobble, strict=True)]
            self.corners = corners
            source = np.array([[0, 0], [pw, 0], [pw, ph], [0, ph]], np.float32)
            homography = cv2.getPerspectiveTransform(source, np.array(corners, np.float32))
            out = np.empty((h, w, 3), np.uint8)
            out[:] = (70, 92, 118)  # a wooden desk, in BGR
            cv2.warpPerspective(
                page, homography, (w, h), dst=out, borderMode=cv2.BORDER_TRANSPARENT
            )
        return out

    def _held_at(self) -> list[tuple[float, float]]:
        """The page's corners (clockwise from top left) as held: turned and tilted a little."""
        w, h = self.size
        ph, pw = self._still.shape[:2]
        scale = 0.8 * h / ph
        cx, cy = w / 2, h / 2
        angle = math.radians(8)
        half = [(-pw / 2, -ph / 2), (pw / 2, -ph / 2), (pw / 2, ph / 2), (-pw / 2, ph / 2)]
        tilt = [(0.0, 0.0), (-0.04, 0.0), (0.03, 0.0), (0.0, 0.0)]  # top edge nearer the lens
        corners = []
        for (x, y), (sx, _) in zip(half, tilt, strict=True):
            x, y = x * scale * (1 + sx), y * scale
            corners.append(
                (
                    cx + x * math.cos(angle) - y * math.sin(angle),
                    cy + x * math.sin(angle) + y * math.cos(angle),
                )
            )
        return corners

    # --- the stills ----------------------------------------------------------------------

    def _draw(self) -> Pixels:
        import numpy as np

        if self.scene is Scene.STREET:
            image = self._street()
        elif self.scene is Scene.DOCUMENT:
            image = self._document()
        elif self.scene is Scene.PASSPORT:
            image = self._passport()
        else:
            image = self._receipt()
        rgb = np.asarray(image.convert("RGB"), dtype=np.uint8)
        return np.ascontiguousarray(rgb[:, :, ::-1])  # RGB → BGR

    def _street(self) -> Image:
        from PIL import Image, ImageDraw

        w, h = self.size
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
        return img

    def _document(self) -> Image:
        from PIL import Image, ImageDraw

        # An A4 page (1:√2) with a letterhead and lines of text, at about 100 dpi.
        pw, ph = 840, 1188
        img = Image.new("RGB", (pw, ph), (250, 250, 246))
        draw = ImageDraw.Draw(img)
        font = _font(34)
        draw.text((70, 70), "Gemeinde Musterstadt", fill=(20, 20, 20), font=font)
        draw.text((70, 130), "Nachweis", fill=(20, 20, 20), font=_font(28))
        r = self._random
        y = 220
        while y < ph - 120:
            length = r.uniform(0.5, 1.0) * (pw - 140)
            draw.rectangle((70, y, 70 + length, y + 12), fill=(60, 60, 60))
            y += r.choice((34, 34, 34, 70))
        return img

    def _receipt(self) -> Image:
        import qrcode
        from PIL import Image, ImageDraw

        pw, ph = 576, 1000  # 80 mm paper at 180 dpi: the receipt printer's width
        img = Image.new("RGB", (pw, ph), (252, 252, 252))
        draw = ImageDraw.Draw(img)
        draw.text((40, 40), "Gemeinde Musterstadt", fill=(10, 10, 10), font=_font(30))
        draw.text((40, 90), "Eingangsbestätigung", fill=(10, 10, 10), font=_font(26))
        for y in range(160, 420, 36):
            draw.rectangle((40, y, pw - 40 - (y % 90), y + 10), fill=(40, 40, 40))
        code = qrcode.QRCode(border=2, box_size=10)
        code.add_data(self._payload or "https://example.invalid/")
        qr = code.make_image(fill_color="black", back_color="white").get_image().convert("RGB")
        side = min(pw - 120, 420)
        qr = qr.resize((side, side), Image.Resampling.NEAREST)
        img.paste(qr, ((pw - side) // 2, 460))
        return img

    def _passport(self) -> Image:
        """A passport's data page (ID-3, 125 × 88 mm, at 10 px/mm): photo, printed data and, at
        the bottom, the two MRZ lines of ``payload`` in OCR-B at ICAO's 2.54 mm pitch."""
        from PIL import Image, ImageDraw

        pw, ph = 1250, 880
        img = Image.new("RGB", (pw, ph), (236, 232, 222))
        draw = ImageDraw.Draw(img)
        draw.rectangle((60, 140, 400, 580), fill=(180, 186, 194))  # the holder's photo
        draw.text((60, 40), "REISEPASS / PASSPORT", fill=(40, 40, 90), font=_font(40))
        for i, y in enumerate(range(150, 560, 58)):
            label = "Name / Surname" if i == 0 else ""
            draw.text((450, y), label, fill=(90, 90, 110), font=_font(20))
            draw.rectangle((450, y + 26, 450 + 300 + 37 * (i % 5), y + 44), fill=(50, 50, 60))
        lines = (self._payload or "").splitlines() or ["<" * 44, "<" * 44]
        font, pitch = _ocr_b(25.4)
        for row, line in enumerate(lines[:2]):
            top = 700 + row * 80
            for column, char in enumerate(line):
                draw.text((65 + column * pitch, top), char, fill=(20, 20, 20), font=font)
        return img


def _ocr_b(pitch: float) -> tuple[FreeTypeFont | ImageFont, float]:
    """OCR-B (Debian's fonts-ocr-b) sized so that its characters are ``pitch`` pixels apart;
    DejaVu Sans Mono where it is not installed (then the MRZ reader will not read it)."""
    from PIL import ImageFont

    for path in (OCR_B_FONT, "DejaVuSansMono.ttf"):
        try:
            probe = ImageFont.truetype(path, 100)
        except OSError:
            continue
        advance = probe.getlength("0") / 100
        return ImageFont.truetype(path, round(pitch / advance)), pitch
    return ImageFont.load_default(round(pitch * 1.6)), pitch


#: Debian's fonts-ocr-b: the OCR-B glyphs of machine-readable zones.
OCR_B_FONT = "/usr/share/fonts/opentype/ocr-b/OCRB.otf"


def _font(size: int) -> FreeTypeFont | ImageFont:
    from PIL import ImageFont

    try:
        return ImageFont.truetype("DejaVuSans.ttf", size)
    except OSError:
        return ImageFont.load_default(size)


if TYPE_CHECKING:
    from PIL.Image import Image
    from PIL.ImageFont import FreeTypeFont, ImageFont
