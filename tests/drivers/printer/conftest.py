"""Documents for the printer tests."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from drivers.printer.document import (
    Align,
    Bullet,
    Document,
    Picture,
    QrCode,
    Row,
    Rule,
    TextLine,
)
from tests.support.clock import RUN_STARTED

STATUS_URL = "https://buergerservice.musterstadt.example/status/7K3M-Q9XD-2AF8"


def logo_png() -> bytes:
    """A grey-shaded test logo: dithering must turn its greys into dot patterns."""
    image = Image.new("RGBA", (200, 120), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    for x in range(200):
        draw.line((x, 0, x, 80), fill=(x, x, x, 255))
    draw.ellipse((60, 70, 140, 118), fill=(20, 60, 160, 255))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def receipt(*extra: TextLine | Row | Bullet, logo: bool = True) -> Document:
    blocks = [
        *([Picture(logo_png(), 0.35)] if logo else []),
        TextLine("Gemeinde Musterstadt", bold=True, align=Align.CENTER),
        TextLine("Eingangsbestätigung", large=True, align=Align.CENTER),
        Rule(),
        TextLine("Sperrmüll anmelden", bold=True),
        Row("Eingereicht am:", f"{RUN_STARTED:%d.%m.%Y %H:%M}"),
        TextLine("Ihre Vorgangsnummer:"),
        TextLine("7K3M-Q9XD-2AF8", large=True, align=Align.CENTER),
        Rule(),
        TextLine("Sie erhalten den Abholtermin per Post. Gebühr: 25 € für bis zu 3 m³ – bar."),
        QrCode(STATUS_URL),
        TextLine("Stand Ihres Antrags: QR-Code mit dem Handy scannen.", align=Align.CENTER),
        *extra,
    ]
    return Document(list(blocks))
