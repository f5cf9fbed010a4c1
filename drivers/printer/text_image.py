"""Text no code page holds, printed as a picture: Arabic, Cyrillic, any script the printer's
character tables lack.

A receipt printer's text mode knows one code page at a time, and the Latin ones the terminal
uses have no Arabic or Cyrillic letters: a Ukrainian receipt would come out as question marks.
A line with a letter the code page lacks is drawn instead (a fallback such as Turkish "ğ" →
"g" would change the word, and misspell a name): shaped and ordered by Pillow's layout engine
(libraqm: Arabic letters joined, right to left), in DejaVu Sans (Debian's fonts-dejavu-core),
wrapped to the paper's width and sent as a raster image. A right-to-left line starts at the
right edge.
"""

from __future__ import annotations

import logging
import unicodedata
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from drivers.printer.document import Align
from drivers.printer.text import fit

log = logging.getLogger(__name__)

#: The fonts tried, first found used (Debian's fonts-dejavu-core has Arabic and Cyrillic).
FONT_FOLDERS = (Path("/usr/share/fonts/truetype/dejavu"),)
#: A text line's height in dots, as the printer's own font A (12 × 24 dots) has it.
LINE_DOTS = 24


def needs_image(text: str, codec: str) -> bool:
    """A letter (or an accent) in ``text`` that the code page does not have."""
    return any(unicodedata.category(char)[0] in "LM" and fit(char, codec) != char for char in text)


def right_to_left(text: str) -> bool:
    """The text's first strong character is written right to left (Arabic, Hebrew)."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


@lru_cache(maxsize=8)
def _font(size: int, bold: bool) -> ImageFont.FreeTypeFont | None:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_FOLDERS:
        path = folder / name
        if path.exists():
            return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.RAQM)
    log.error("printer: no font for text the code page lacks (%s); printed as text", name)
    return None


def text_image(
    text: str,
    dots: int,
    edge_dots: int,
    *,
    large: bool = False,
    bold: bool = False,
    align: Align = Align.LEFT,
) -> Image.Image | None:
    """``text`` drawn as 1-bit lines ``dots`` wide, ``edge_dots`` kept blank on each side;
    None without a font (the caller prints the code page's best instead)."""
    size = round(LINE_DOTS * (1.8 if large else 0.9))
    font = _font(size, bold)
    if font is None:
        return None
    rtl = right_to_left(text)
    direction = "rtl" if rtl else "ltr"
    width = max(1, dots - 2 * edge_dots)
    lines = [
        line
        for paragraph in text.split("\n")
        for line in _wrapped(paragraph, font, width, direction)
    ]
    line_height = round(size * 1.3)
    image = Image.new("1", (dots, line_height * len(lines)), 1)
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(lines):
        length = font.getlength(line, direction=direction)
        if align is Align.CENTER:
            x = edge_dots + (width - length) / 2
        elif (align is Align.RIGHT) != rtl:  # (right to left mirrors the layout)
            x = dots - edge_dots - length
        else:
            x = edge_dots
        draw.text((x, number * line_height), line, font=font, fill=0, direction=direction)
    return image


def _wrapped(paragraph: str, font: ImageFont.FreeTypeFont, width: int, direction: str) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in paragraph.split():
        candidate = f"{line} {word}" if line else word
        if line and font.getlength(candidate, direction=direction) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line]
