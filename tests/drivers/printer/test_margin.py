"""Printed text keeps a margin on both sides of the paper, on 80 and 58 mm.

Through the whole path: the document encoded to ESC/POS, decoded by the virtual printer as a
printer would read it, and rendered as the paper would look; no printed character may stand in
the outer columns, and the rendered paper has no ink there.
"""

from __future__ import annotations

import pytest
from PIL import Image

from drivers.printer.document import Align, Bullet, Row, TextLine
from drivers.printer.escpos_encoder import encode_document, paper_dots
from drivers.printer.layout import margin
from drivers.printer.settings import PrinterSettings
from drivers.printer.virtual.decoder import Decoder, Printout
from drivers.printer.virtual.render import CHAR_W, render
from tests.drivers.printer.conftest import receipt
from tests.support.clock import RUN_STARTED
from tests.support.printer_stack import SCREENS

#: Lines that fill the paper if nothing holds them back: a long row, a long bullet, text set
#: to the right, a word longer than a line, large text.
EDGE_CASES = (
    Row("Eingereicht am:", f"Donnerstag, {RUN_STARTED:%d.%m.%Y, %H:%M} Uhr"),
    Row("Ein sehr langer Feldname, der nicht neben den Wert passt", "und ein langer Wert dazu"),
    Bullet("Personalausuweis oder Reisepass, eine aktuelle Meldebescheinigung und ein Foto"),
    TextLine("rechtsbündig", align=Align.RIGHT),
    TextLine("Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenantragsformular"),
    TextLine("Abholung Sperrmüll Musterstadt", large=True),
    TextLine("Grundstücksverkehrsgenehmigungszuständigkeit", large=True, align=Align.RIGHT),
)


def decoded(settings: PrinterSettings) -> Printout:
    decoder = Decoder()
    decoder.feed(encode_document(receipt(*EDGE_CASES), settings))
    [printout] = decoder.finished
    return printout


def ink_columns(printout: Printout) -> list[tuple[str, int, int]]:
    """(text, first, last column with a printed character) of every printed line, in font A
    columns (a double-width character covers two)."""
    found = []
    for line in printout.lines:
        cells: list[tuple[int, str]] = []
        x = 0
        for span in line.spans:
            for char in span.text:
                cells.extend((x + i, char) for i in range(span.style.width))
                x += span.style.width
        inked = [col for col, char in cells if char != " "]
        if inked:
            found.append((line.text, min(inked), max(inked)))
    return found


@pytest.mark.parametrize(
    ("name", "settings"),
    [
        ("receipt-80mm-margin", PrinterSettings()),
        ("receipt-58mm-margin", PrinterSettings(paper_mm=58, native_qr=False)),
    ],
)
def test_no_printed_text_reaches_the_papers_edge(name: str, settings: PrinterSettings) -> None:
    dots = paper_dots(settings)
    columns = dots // CHAR_W
    edge = margin(columns)
    assert edge >= 1
    printout = decoded(settings)
    lines = ink_columns(printout)
    assert len(lines) > 15
    for text, first, last in lines:
        assert first >= edge, (text, first)
        assert last <= columns - 1 - edge, (text, last)
    # The lines use the width they have: full lines end at the margin, not well before it.
    assert max(last for _, _, last in lines) == columns - 1 - edge
    assert min(first for _, first, _ in lines) == edge
    # And the paper as it would look: no ink in the outer columns (the cut mark aside).
    paper = render(printout, dots)
    SCREENS.mkdir(parents=True, exist_ok=True)
    paper.save(SCREENS / f"{name}.png")
    body = paper.crop((0, 0, dots, paper.height - 4))
    for box in ((0, 0, edge * CHAR_W, body.height), (dots - edge * CHAR_W, 0, dots, body.height)):
        strip = body.crop(box).point(lambda v: 255 if v > 100 else 0)
        assert strip.getextrema() == (255, 255), (name, box)
    assert isinstance(paper, Image.Image)
