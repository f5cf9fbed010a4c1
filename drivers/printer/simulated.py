"""A simulated receipt printer: renders the receipt as an 80 mm paper strip in PNG.

The demo shows the image on the done screen; nothing is written to disk. ``paper`` can be set
to simulate running out, so the terminal's messages for that case can be seen and tested.
"""

from __future__ import annotations

import io
import logging
from functools import lru_cache
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw, ImageFont

from drivers.printer.base import (
    Align,
    PrinterStatus,
    PrintOutcome,
    PrintResult,
    QrCode,
    Receipt,
    ReceiptPrinter,
    Rule,
    TextLine,
)

log = logging.getLogger(__name__)

#: 80 mm paper at 203 dpi has 576 printable dots, 48 characters of font A.
PAPER_WIDTH_PX = 576
_MARGIN = 16
_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/TTF"))
FontType = ImageFont.FreeTypeFont | ImageFont.ImageFont


@lru_cache(maxsize=4)
def _font(size: int, bold: bool) -> FontType:
    name = "DejaVuSansMono-Bold.ttf" if bold else "DejaVuSansMono.ttf"
    for folder in _FONT_DIRS:
        if (folder / name).exists():
            return ImageFont.truetype(str(folder / name), size)
    # Pillow's own scalable font: looks different, but every receipt still renders.
    return ImageFont.load_default(size)


class SimulatedPrinter(ReceiptPrinter):
    def __init__(self, paper: int = 500) -> None:
        #: Receipts left on the roll; 0 means out of paper.
        self.paper = paper

    @property
    def status(self) -> PrinterStatus:
        if self.paper <= 0:
            return PrinterStatus.PAPER_OUT
        return PrinterStatus.PAPER_LOW if self.paper < 20 else PrinterStatus.READY

    def print_receipt(self, receipt: Receipt) -> PrintResult:
        if self.paper <= 0:
            return PrintResult(PrintOutcome.PAPER_OUT)
        self.paper -= 1
        return PrintResult(PrintOutcome.PRINTED, bytearray(render_png(receipt)))


def render_png(receipt: Receipt) -> bytes:
    """Lay the receipt out as it would come out of an 80 mm thermal printer."""
    parts: list[Image.Image] = []
    for block in receipt.blocks:
        if isinstance(block, TextLine):
            parts.extend(_text_images(block))
        elif isinstance(block, QrCode):
            qr = qrcode.QRCode(border=2, box_size=6)
            qr.add_data(block.data)
            qr.make(fit=True)
            parts.append(qr.make_image().get_image().convert("L"))
        elif isinstance(block, Rule):
            rule = Image.new("L", (PAPER_WIDTH_PX - 2 * _MARGIN, 12), 255)
            ImageDraw.Draw(rule).line((0, 6, rule.width, 6), fill=0, width=2)
            parts.append(rule)
    height = sum(p.height for p in parts) + 2 * _MARGIN + 40
    paper = Image.new("L", (PAPER_WIDTH_PX, height), 255)
    y = _MARGIN
    for part in parts:
        # Text strips are as wide as the printable area, so centring them is left-aligning.
        paper.paste(part, ((PAPER_WIDTH_PX - part.width) // 2, y))
        y += part.height
    out = io.BytesIO()
    paper.save(out, format="PNG")
    return out.getvalue()


def _text_images(line: TextLine) -> list[Image.Image]:
    size = 34 if line.large else 22
    font = _font(size, line.bold or line.large)
    width = PAPER_WIDTH_PX - 2 * _MARGIN
    images: list[Image.Image] = []
    for text in _wrap(line.text, font, width) or [""]:
        img = Image.new("L", (width, int(size * 1.35)), 255)
        draw = ImageDraw.Draw(img)
        text_width = draw.textlength(text, font=font)
        x = (width - text_width) / 2 if line.align is Align.CENTER else 0
        draw.text((x, 0), text, font=font, fill=0)
        images.append(img)
    return images


def _wrap(text: str, font: FontType, width: int) -> list[str]:
    lines: list[str] = []
    probe = ImageDraw.Draw(Image.new("L", (1, 1)))
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}".strip()
            if probe.textlength(candidate, font=font) <= width or not current:
                current = candidate
            else:
                lines.append(current)
                current = word
        lines.append(current)
    return lines
