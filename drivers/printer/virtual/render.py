"""A decoded :class:`Printout` drawn as the paper would look: a PNG, one dot a pixel.

Font A is 12 × 24 dots (48 characters on 80 mm paper, 32 on 58 mm); double width and height
scale it. QR codes printed natively (GS ( k) are drawn here from their data, as the printer's
firmware would, so a QR decoder reading the PNG reads what a phone would read from the paper.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw, ImageFont

from drivers.printer.document import Align
from drivers.printer.virtual.decoder import (
    FeedDots,
    PrintedImage,
    PrintedLine,
    PrintedQr,
    Printout,
)

CHAR_W, CHAR_H = 12, 24
_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/TTF"))
FontType = ImageFont.FreeTypeFont | ImageFont.ImageFont
_EC = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}


@lru_cache(maxsize=4)
def _font(bold: bool) -> FontType:
    name = "DejaVuSansMono-Bold.ttf" if bold else "DejaVuSansMono.ttf"
    for folder in _FONT_DIRS:
        if (folder / name).exists():
            return ImageFont.truetype(str(folder / name), 20)
    return ImageFont.load_default(20)


@lru_cache(maxsize=1024)
def _glyph(char: str, bold: bool) -> Image.Image:
    cell = Image.new("L", (CHAR_W, CHAR_H), 255)
    ImageDraw.Draw(cell).text((0, 1), char, font=_font(bold), fill=0)
    return cell


def render(printout: Printout, dots: int = 576) -> Image.Image:
    parts: list[Image.Image] = [Image.new("L", (dots, 16), 255)]
    for item in printout.items:
        if isinstance(item, PrintedLine):
            parts.append(_line(item, dots))
        elif isinstance(item, PrintedImage):
            parts.append(_placed(_bitmap(item), dots, item.align))
        elif isinstance(item, PrintedQr):
            parts.append(_placed(_qr(item), dots, item.align))
        elif isinstance(item, FeedDots):
            parts.append(Image.new("L", (dots, max(1, item.dots)), 255))
    parts.append(Image.new("L", (dots, 24), 255))
    paper = Image.new("L", (dots, sum(p.height for p in parts)), 255)
    y = 0
    for part in parts:
        paper.paste(part, (0, y))
        y += part.height
    if printout.cut is not None:
        draw = ImageDraw.Draw(paper)
        dash = 12 if printout.cut == "partial" else dots
        for x in range(0, dots, dash * 2 if dash < dots else dots):
            draw.line((x, paper.height - 2, x + dash, paper.height - 2), fill=128, width=2)
    return paper


def render_png(printout: Printout, dots: int = 576) -> bytes:
    out = io.BytesIO()
    # Fast compression: the demo shows a fresh one on every done screen.
    render(printout, dots).save(out, format="PNG", compress_level=1)
    return out.getvalue()


def _line(line: PrintedLine, dots: int) -> Image.Image:
    height = CHAR_H * line.height
    strip = Image.new("L", (dots, height), 255)
    x = 0
    pieces: list[tuple[Image.Image, int]] = []
    for span in line.spans:
        style = span.style
        w, h = CHAR_W * style.width, CHAR_H * style.height
        text_image = Image.new("L", (CHAR_W * len(span.text) or 1, CHAR_H), 255)
        draw = ImageDraw.Draw(text_image)
        for i, char in enumerate(span.text):
            if char != " ":
                # Every character on the printer's 12-dot grid, as font A places it.
                text_image.paste(_glyph(char, style.bold), (i * CHAR_W, 0))
        if style.underline:
            draw.line((0, CHAR_H - 2, text_image.width, CHAR_H - 2), fill=0, width=2)
        if (w, h) != (CHAR_W, CHAR_H):
            text_image = text_image.resize(
                (text_image.width * style.width, h), Image.Resampling.NEAREST
            )
        pieces.append((text_image, w * len(span.text)))
    total = sum(width for _, width in pieces)
    if line.align is Align.CENTER:
        x = max(0, (dots - total) // 2)
    elif line.align is Align.RIGHT:
        x = max(0, dots - total)
    for image, width in pieces:
        if width:
            strip.paste(image, (x, height - image.height))
        x += width
    return strip


def _bitmap(item: PrintedImage) -> Image.Image:
    width_bytes = (item.width + 7) // 8
    raw = bytes(b ^ 0xFF for b in item.bits[: width_bytes * item.height])
    raw += b"\xff" * (width_bytes * item.height - len(raw))
    return Image.frombytes("1", (width_bytes * 8, item.height), raw).convert("L")


def _qr(item: PrintedQr) -> Image.Image:
    # A fixed mask pattern: any of the eight is valid for a reader, and choosing the "best"
    # one is most of qrcode's time (a printer's firmware picks its own, too).
    code = qrcode.QRCode(
        border=4,
        box_size=max(1, item.module),
        error_correction=_EC[item.error_correction],
        mask_pattern=0,
    )
    code.add_data(item.data)
    code.make(fit=True)
    image: Image.Image = code.make_image().get_image()
    return image.convert("L")


def _placed(image: Image.Image, dots: int, align: Align) -> Image.Image:
    strip = Image.new("L", (dots, image.height), 255)
    if image.width > dots:
        image = image.crop((0, 0, dots, image.height))
    x = 0
    if align is Align.CENTER:
        x = (dots - image.width) // 2
    elif align is Align.RIGHT:
        x = dots - image.width
    strip.paste(image, (x, 0))
    return strip
