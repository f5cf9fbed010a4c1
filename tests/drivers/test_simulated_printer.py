"""The simulated receipt printer: an 80 mm paper strip as PNG, and running out of paper."""

from __future__ import annotations

import io
import struct

from PIL import Image

from drivers.printer.base import (
    Align,
    PrinterStatus,
    PrintOutcome,
    PrintResult,
    QrCode,
    Receipt,
    Rule,
    TextLine,
)
from drivers.printer.simulated import PAPER_WIDTH_PX, SimulatedPrinter, render_png

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def receipt(*extra: TextLine) -> Receipt:
    return Receipt(
        [
            TextLine("Gemeinde Musterstadt", bold=True, align=Align.CENTER),
            TextLine("Eingangsbestätigung", large=True, align=Align.CENTER),
            Rule(),
            TextLine("Ihre Vorgangsnummer:"),
            TextLine("7K3M-Q9XD-2AF8", large=True, align=Align.CENTER),
            QrCode("https://status.example.org/7K3M-Q9XD-2AF8"),
            *extra,
        ]
    )


def png_size(png: bytes | bytearray) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which always follows the signature."""
    assert bytes(png[:8]) == PNG_SIGNATURE
    assert bytes(png[12:16]) == b"IHDR"
    width, height = struct.unpack(">II", bytes(png[16:24]))
    return width, height


def test_printing_renders_a_png_576_dots_wide() -> None:
    printer = SimulatedPrinter()
    result = printer.print_receipt(receipt())
    assert result.outcome is PrintOutcome.PRINTED
    width, height = png_size(result.preview_png)
    assert width == PAPER_WIDTH_PX == 576
    assert height > 200
    image = Image.open(io.BytesIO(bytes(result.preview_png)))
    image.load()
    assert image.size == (576, height)
    assert image.mode == "L"
    # Paper is white with black print on it.
    low, high = image.getextrema()
    assert (low, high) == (0, 255)


def test_long_text_is_wrapped_onto_more_lines() -> None:
    short = png_size(render_png(receipt(TextLine("Danke."))))
    long = png_size(render_png(receipt(TextLine("Sehr lange Zeile " * 30))))
    assert short[0] == long[0] == 576
    assert long[1] > short[1]


def test_empty_receipt_and_empty_lines_render() -> None:
    assert png_size(render_png(Receipt()))[0] == 576
    assert png_size(render_png(Receipt([TextLine(""), TextLine("a\nb")])))[0] == 576


def test_paper_runs_out() -> None:
    printer = SimulatedPrinter(paper=21)
    assert printer.status is PrinterStatus.READY
    printer.print_receipt(receipt())
    printer.print_receipt(receipt())
    assert printer.paper == 19
    assert printer.status is PrinterStatus.PAPER_LOW
    printer.paper = 1
    assert printer.print_receipt(receipt()).outcome is PrintOutcome.PRINTED
    assert printer.status is PrinterStatus.PAPER_OUT
    result = printer.print_receipt(receipt())
    assert result.outcome is PrintOutcome.PAPER_OUT
    assert result.preview_png == bytearray()
    assert printer.paper == 0
    printer.paper = 500  # a new roll
    assert printer.status is PrinterStatus.READY
    assert printer.print_receipt(receipt()).outcome is PrintOutcome.PRINTED


def test_print_result_wipe_zeroes_the_preview() -> None:
    result = SimulatedPrinter().print_receipt(receipt())
    preview = result.preview_png
    assert len(preview) > 0
    result.wipe()
    assert preview == bytearray()
    assert result.preview_png is preview
    PrintResult(PrintOutcome.PAPER_OUT).wipe()  # nothing to wipe is fine
