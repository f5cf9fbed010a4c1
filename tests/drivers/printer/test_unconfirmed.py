"""A printer that prints but never answers GS r: "printed, not confirmed", promptly, and
remembered, over a real TCP socket to the virtual printer."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator

import pytest

from drivers.printer.base import PrinterStatus, PrintOutcome, PrintResult
from drivers.printer.escpos_printer import REPROBE_S, EscposPrinter
from drivers.printer.settings import Connection, PrinterSettings
from drivers.printer.transport import open_transport
from drivers.printer.virtual.printer import VirtualPrinter
from drivers.printer.virtual.server import VirtualPrinterServer
from tests.drivers.printer.conftest import receipt

#: The write limit stays long; the confirmation wait is what a citizen may wait.
JOB_TIMEOUT_S = 8.0
CONFIRM_TIMEOUT_S = 1.0


@pytest.fixture
def server() -> Iterator[VirtualPrinterServer]:
    with VirtualPrinterServer(VirtualPrinter()) as running:
        yield running


def network_printer(server: VirtualPrinterServer) -> EscposPrinter:
    settings = PrinterSettings(
        connection=Connection.NETWORK,
        port=server.port,
        status_timeout_s=0.5,
        job_timeout_s=JOB_TIMEOUT_S,
        confirm_timeout_s=CONFIRM_TIMEOUT_S,
    )
    return EscposPrinter(open_transport(settings), settings)


def timed_print(printer: EscposPrinter) -> tuple[PrintResult, float]:
    start = time.monotonic()
    result = printer.print_document(receipt(logo=False))
    return result, time.monotonic() - start


def test_a_printer_that_stops_confirming_is_printed_not_confirmed_and_remembered(
    server: VirtualPrinterServer, caplog: pytest.LogCaptureFixture
) -> None:
    printer = network_printer(server)
    assert printer.query_status() is PrinterStatus.READY
    assert printer.print_document(receipt(logo=False)).outcome is PrintOutcome.PRINTED
    # New firmware (or another printer on the address) that prints but never confirms.
    server.printer.set_faults(ignores_gs_r=True)
    with caplog.at_level(logging.INFO):
        result, took = timed_print(printer)
    assert result.outcome is PrintOutcome.PRINTED_UNCONFIRMED
    assert result.status is PrinterStatus.READY
    # The short confirmation wait, not the write limit.
    assert CONFIRM_TIMEOUT_S <= took < JOB_TIMEOUT_S / 2
    assert "does not confirm" in caplog.text
    # The receipt came out whole, and nothing was cleared from under it.
    assert len(server.printer.printouts) == 2
    assert server.printer.clears == 0
    # Remembered: the next citizen does not wait for a confirmation at all.
    result, took = timed_print(printer)
    assert result.outcome is PrintOutcome.PRINTED_UNCONFIRMED
    assert took < CONFIRM_TIMEOUT_S / 2
    assert len(server.printer.printouts) == 3
    printer.close()


def test_a_printer_that_never_confirms_is_known_before_the_first_job(
    server: VirtualPrinterServer,
) -> None:
    server.printer.set_faults(ignores_gs_r=True)
    printer = network_printer(server)
    # The idle status question finds out (one GS r, no citizen waiting).
    assert printer.query_status() is PrinterStatus.READY
    assert printer.confirms is False
    result, took = timed_print(printer)
    assert result.outcome is PrintOutcome.PRINTED_UNCONFIRMED
    assert took < CONFIRM_TIMEOUT_S / 2
    assert len(server.printer.printouts) == 1
    printer.close()


def test_a_firmware_that_confirms_again_is_noticed(server: VirtualPrinterServer) -> None:
    server.printer.set_faults(ignores_gs_r=True)
    printer = network_printer(server)
    assert printer.query_status() is PrinterStatus.READY
    assert printer.confirms is False
    server.printer.set_faults(ignores_gs_r=False)
    # Every job still asks: the answer, when it comes, is noticed at once.
    assert printer.print_document(receipt(logo=False)).outcome is PrintOutcome.PRINTED
    assert printer.confirms is True
    printer.close()


def test_paper_out_mid_job_is_still_known_without_confirmation(
    server: VirtualPrinterServer,
) -> None:
    server.printer.set_faults(ignores_gs_r=True)
    printer = network_printer(server)
    assert printer.query_status() is PrinterStatus.READY
    server.printer.set_faults(paper_left_bytes=300)
    result, took = timed_print(printer)
    assert (result.outcome, result.status) == (PrintOutcome.PAPER_OUT, PrinterStatus.PAPER_OUT)
    assert took < CONFIRM_TIMEOUT_S
    # The half receipt's rest is dropped, not printed for the next citizen.
    assert server.printer.wait_for_clears(1)
    printer.close()


def test_an_idle_printer_is_asked_again_after_an_hour(server: VirtualPrinterServer) -> None:
    later = [0.0]
    settings = PrinterSettings(
        connection=Connection.NETWORK, port=server.port, status_timeout_s=0.5
    )
    printer = EscposPrinter(
        open_transport(settings), settings, monotonic=lambda: time.monotonic() + later[0]
    )
    server.printer.set_faults(ignores_gs_r=True)
    assert printer.query_status() is PrinterStatus.READY
    assert printer.confirms is False
    server.printer.set_faults(ignores_gs_r=False)  # new firmware, no job since
    assert printer.query_status() is PrinterStatus.READY
    assert printer.confirms is False  # not asked again at every poll
    later[0] = REPROBE_S
    assert printer.query_status() is PrinterStatus.READY
    assert printer.confirms is True
    printer.close()
