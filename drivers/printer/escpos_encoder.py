"""A :class:`~drivers.printer.document.Document` as an ESC/POS byte stream.

python-escpos writes the commands (styles, raster images, QR codes, the cut) into its ``Dummy``
printer; text is sanitised, laid out and encoded here, in the code page the settings name, which
is selected explicitly (ESC t) before the first character. The stream starts with ESC @, so a
job never inherits the styles a previous one left behind.
"""

from __future__ import annotations

import io
from functools import lru_cache
from typing import TYPE_CHECKING

from escpos.capabilities import get_profile
from PIL import Image, ImageOps, UnidentifiedImageError

from drivers.printer.codepages import check_settings
from drivers.printer.document import (
    Align,
    Bullet,
    Document,
    Feed,
    Picture,
    QrCode,
    Row,
    Rule,
    TextLine,
)
from drivers.printer.layout import aligned, bullet, indented, margin, row, wrap
from drivers.printer.settings import PAPER_DOTS, PrinterSettings
from drivers.printer.text import encode, fit, printable
from drivers.printer.text_image import needs_image, text_image

if TYPE_CHECKING:
    from escpos.printer import Dummy

ESC_INIT = b"\x1b@"
#: Second bytes of real-time commands after DLE: EOT, ENQ, DC4.
_REAL_TIME = (0x04, 0x05, 0x14)
#: A QR code holds at most this many characters here (a status link has about 60).
MAX_QR_CHARS = 1000
#: Pillow packs 1-bit images with 1 = white; ESC/POS wants 1 = a black dot.
_INVERT = bytes(255 - b for b in range(256))
#: Dots per QR module: about 0.5 mm at 203 dpi, easy for a phone to read.
QR_MODULE_DOTS = 5
_RULE_CHAR = "─"  # box drawing, in CP437/850/858; encode() falls back to "-" elsewhere


def encode_document(document: Document, settings: PrinterSettings) -> bytes:
    codec, number = check_settings(settings)
    # escpos.printer brings barcode, qrcode, pyusb, pyserial and CUPS (~75 ms, ~10 MB): the
    # first receipt needs it, the configuration's code-page check does not.
    from escpos.printer import Dummy

    out = Dummy(profile=settings.profile)
    out._raw(ESC_INIT + b"\x1bt" + bytes([number]))
    dots = paper_dots(settings)
    # Text keeps a margin on both sides (layout.margin); a double-width line's margin is
    # counted in its own, double-width spaces.
    edge = margin(dots // 12)
    columns = dots // 12 - 2 * edge
    wide_edge = (edge + 1) // 2
    wide_columns = (dots // 12) // 2 - 2 * wide_edge

    def lines(texts: list[str], left: int = edge) -> None:
        out._raw(b"".join(encode(t, codec) + b"\n" for t in indented(texts, left)))

    def drawn(
        text: str, *, large: bool = False, bold: bool = False, align: Align = Align.LEFT
    ) -> bool:
        """Text the code page lacks letters for, printed as a picture (text_image)."""
        if not needs_image(text, codec):
            return False
        image = text_image(text, dots, edge * 12, large=large, bold=bold, align=align)
        if image is None:
            return False
        out._raw(raster(image))
        return True

    for block in document.blocks:
        if isinstance(block, TextLine):
            if drawn(printable(block.text), large=block.large, bold=block.bold, align=block.align):
                continue
            text = fit(printable(block.text), codec)
            # Double width halves the line; a word that would then break (a long German noun
            # on 58 mm paper) gets double height only.
            wide = block.large and all(len(w) <= wide_columns for w in text.split())
            width = wide_columns if wide else columns
            styled = block.bold or block.large or block.underline
            if styled:
                out.set(
                    bold=block.bold or None,
                    underline=1 if block.underline else None,
                    double_width=wide or None,
                    double_height=block.large or None,
                )
            lines(
                [aligned(line, width, block.align) for line in wrap(text, width)],
                wide_edge if wide else edge,
            )
            if styled:
                out.set(normal_textsize=True, bold=False, underline=0)
        elif isinstance(block, Row):
            if drawn(printable(f"{block.label} {block.value}"), bold=block.bold):
                continue
            if block.bold:
                out.set(bold=True)
            label, value = fit(printable(block.label), codec), fit(printable(block.value), codec)
            lines(row(label, value, columns))
            if block.bold:
                out.set(bold=False)
        elif isinstance(block, Bullet):
            if drawn(printable(f"• {block.text}")):
                continue
            lines(bullet(fit(printable(block.text), codec), columns))
        elif isinstance(block, Rule):
            lines([_RULE_CHAR * columns])
        elif isinstance(block, Feed):
            out._raw(b"\n" * max(0, min(block.lines, 20)))
        elif isinstance(block, QrCode):
            _qr(out, printable(block.data).replace("\n", ""), settings, dots)
        elif isinstance(block, Picture):
            out._raw(_picture_raster(block.image, block.width_fraction, dots))
    out.cut(mode="PART" if settings.partial_cut else "FULL")
    return bytes(out.output)


def paper_dots(settings: PrinterSettings) -> int:
    """Dots across the paper: the settings' own figure, else the model's, else 203 dpi's."""
    if settings.paper_dots:
        return settings.paper_dots
    try:
        width = get_profile(settings.profile).profile_data["media"]["width"]
        if int(width.get("mm", 0)) == settings.paper_mm:
            return int(width["pixels"]) // 8 * 8
    except (KeyError, TypeError, ValueError):
        pass
    return PAPER_DOTS[settings.paper_mm]


def raster(image: Image.Image) -> bytes:
    """GS v 0: a 1-bit image, rows of packed bits, 1 = a black dot.

    Epson's printers act on real-time commands (DLE EOT, DLE ENQ, DLE DC4) wherever they occur
    in the stream, image data included: a logo whose bits happen to spell one would answer a
    status question nobody asked, clear the job or pulse the cash drawer. Such byte pairs are
    broken by one more black dot, and a height that would spell one gets a white row.
    """
    width = (image.width + 7) // 8 * 8
    height = image.height
    if (height & 0xFF) == 0x10 and (height >> 8) in _REAL_TIME:
        height += 1
    if (width, height) != image.size:
        padded = Image.new("1", (width, height), 1)
        padded.paste(image, (0, 0))
        image = padded
    data = bytearray(image.convert("1").tobytes().translate(_INVERT))
    start = data.find(0x10)
    while start != -1:
        if start + 1 < len(data) and data[start + 1] in _REAL_TIME:
            data[start] |= 0x08
        start = data.find(0x10, start + 1)
    header = b"\x1dv0\x00" + (width // 8).to_bytes(2, "little")
    return header + height.to_bytes(2, "little") + bytes(data)


def _qr(out: Dummy, data: str, settings: PrinterSettings, dots: int) -> None:
    if not data or len(data) > MAX_QR_CHARS:
        # Too long for a code a phone reads off thermal paper (and for GS ( k's length field
        # in python-escpos 3.1): left out rather than sent broken.
        return
    if settings.native_qr:
        out.set(align="center")
        out.qr(data, size=QR_MODULE_DOTS, native=True)
        out._raw(b"\n")
        out.set(align="left")
        return
    import qrcode

    code = qrcode.QRCode(border=2, box_size=QR_MODULE_DOTS)
    code.add_data(data)
    code.make(fit=True)
    image = code.make_image().get_image().convert("1")
    out._raw(raster(_centred(image, dots)))


@lru_cache(maxsize=4)
def _picture_raster(image: bytes, width_fraction: float, dots: int) -> bytes:
    """The logo's raster command, made once: every receipt carries the same logo."""
    dithered = _dithered(image, width_fraction, dots)
    return raster(dithered) if dithered is not None else b""


def _dithered(data: bytes, width_fraction: float, dots: int) -> Image.Image | None:
    """The picture scaled to its share of the paper and dithered (Floyd-Steinberg) to 1 bit."""
    try:
        with Image.open(io.BytesIO(data)) as source:
            source.load()
            image = source.convert("RGBA")
    except (UnidentifiedImageError, OSError, ValueError):
        return None  # a broken logo must not cost the citizen the receipt
    # Transparent areas are paper, not black.
    flat = Image.new("RGBA", image.size, (255, 255, 255, 255))
    flat.alpha_composite(image)
    grey = flat.convert("L")
    fraction = min(1.0, max(0.05, width_fraction))
    width = max(8, int(dots * fraction))
    height = max(1, round(grey.height * width / grey.width))
    grey = grey.resize((width, min(height, 2 * dots)), Image.Resampling.LANCZOS)
    grey = ImageOps.autocontrast(grey)
    return _centred(grey.convert("1"), dots)


def _centred(image: Image.Image, dots: int) -> Image.Image:
    """Pad to the paper's width: centring does not depend on how a model treats ESC a."""
    if image.width >= dots:
        return image.crop((0, 0, dots, image.height))
    paper = Image.new("1", (dots, image.height), 1)
    paper.paste(image, ((dots - image.width) // 2, 0))
    return paper
