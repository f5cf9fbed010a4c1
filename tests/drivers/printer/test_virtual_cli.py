"""``python -m drivers.printer.virtual``: the technician's virtual network printer, as a process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from drivers.printer.base import PrinterStatus, PrintOutcome
from drivers.printer.escpos_printer import EscposPrinter
from drivers.printer.settings import PrinterSettings
from drivers.printer.transport import open_transport
from tests.drivers.printer.conftest import STATUS_URL, receipt
from tests.support.configs import ROOT
from tests.support.hub_runner import free_port
from tests.support.printer_stack import qr_texts


@pytest.mark.parametrize("confirms", [True, False])
def test_receipts_sent_to_it_come_out_as_png_files(tmp_path: Path, confirms: bool) -> None:
    port = free_port()
    out = tmp_path / "printouts"
    command = [sys.executable, "-m", "drivers.printer.virtual", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--out", str(out), *([] if confirms else ["--ignore-gs-r"])],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert "virtual printer on 127.0.0.1" in process.stdout.readline()
        settings = PrinterSettings(address="127.0.0.1", port=port)
        printer = EscposPrinter(open_transport(settings), settings)
        assert printer.query_status() is PrinterStatus.READY
        expected = PrintOutcome.PRINTED if confirms else PrintOutcome.PRINTED_UNCONFIRMED
        assert printer.print_document(receipt()).outcome is expected
        printer.close()
        line = process.stdout.readline()  # written once the PNG is saved
        assert "printout-0001.png" in line and "cut full" in line
        assert qr_texts(out / "printout-0001.png") == [STATUS_URL]
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()
