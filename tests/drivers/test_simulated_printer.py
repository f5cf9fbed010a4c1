"""The simulated printer: the real driver into the virtual printer, in process (the demo's)."""

from __future__ import annotations

import io

from PIL import Image

from drivers.printer.base import PrinterStatus, PrintOutcome, PrintResult
from drivers.printer.settings import PrinterSettings
from drivers.printer.simulated import SimulatedPrinter
from tests.drivers.printer.conftest import STATUS_URL, receipt
from tests.support.printer_stack import qr_texts


def test_printing_shows_what_the_paper_would_say() -> None:
    printer = SimulatedPrinter()
    result = printer.print_document(receipt())
    assert result.outcome is PrintOutcome.PRINTED
    image = Image.open(io.BytesIO(bytes(result.preview_png)))
    image.load()
    assert image.width == 576
    assert image.mode == "L"
    assert image.getextrema() == (0, 255)
    assert qr_texts(bytes(result.preview_png)) == [STATUS_URL]


def test_58_mm_roll() -> None:
    printer = SimulatedPrinter(settings=PrinterSettings(paper_mm=58))
    result = printer.print_document(receipt())
    image = Image.open(io.BytesIO(bytes(result.preview_png)))
    assert image.width == 384


def test_paper_runs_out() -> None:
    printer = SimulatedPrinter(paper=21)
    assert printer.query_status() is PrinterStatus.READY
    printer.print_document(receipt())
    printer.print_document(receipt())
    assert printer.paper == 19
    assert printer.query_status() is PrinterStatus.PAPER_LOW
    printer.paper = 1
    assert printer.print_document(receipt()).outcome is PrintOutcome.PRINTED
    assert printer.query_status() is PrinterStatus.PAPER_OUT
    result = printer.print_document(receipt())
    assert result.outcome is PrintOutcome.PAPER_OUT
    assert result.preview_png == bytearray()
    assert printer.paper == 0
    printer.paper = 500  # a new roll
    assert printer.query_status() is PrinterStatus.READY
    assert printer.print_document(receipt()).outcome is PrintOutcome.PRINTED


def test_print_result_wipe_zeroes_the_preview() -> None:
    result = SimulatedPrinter().print_document(receipt())
    preview = result.preview_png
    assert len(preview) > 0
    result.wipe()
    assert preview == bytearray()
    assert result.preview_png is preview
    PrintResult(PrintOutcome.PAPER_OUT).wipe()  # nothing to wipe is fine
