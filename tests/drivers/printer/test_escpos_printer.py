"""The real ESC/POS driver (python-escpos connections) against the virtual printer over real
byte pipes: a TCP port, a serial line (pty) and a device node (FIFO)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.printer.base import PrinterStatus, PrintOutcome
from drivers.printer.document import TextLine
from drivers.printer.escpos_printer import EscposPrinter
from drivers.printer.settings import Connection, PrinterSettings
from drivers.printer.transport import open_transport
from drivers.printer.virtual.printer import VirtualPrinter
from drivers.printer.virtual.server import VirtualPrinterServer
from tests.drivers.printer.conftest import STATUS_URL, receipt
from tests.support.printer_stack import (
    device_node_printer,
    qr_texts,
    save_png,
    serial_printer,
)


@pytest.fixture
def server() -> Iterator[VirtualPrinterServer]:
    with VirtualPrinterServer(VirtualPrinter()) as running:
        yield running


def network_printer(server: VirtualPrinterServer, **changes: object) -> EscposPrinter:
    values: dict[str, object] = {"status_timeout_s": 0.5, "job_timeout_s": 3.0, **changes}
    settings = PrinterSettings(
        connection=Connection.NETWORK,
        address="127.0.0.1",
        port=server.port,
        **values,  # type: ignore[arg-type]
    )
    return EscposPrinter(open_transport(settings), settings)


def test_network_printer_prints_a_receipt_that_reads_back(server: VirtualPrinterServer) -> None:
    printer = network_printer(server)
    assert printer.query_status() is PrinterStatus.READY
    result = printer.print_document(receipt())
    assert result.outcome is PrintOutcome.PRINTED
    assert result.status is PrinterStatus.READY
    [printout] = server.printer.printouts
    assert printout.code_pages == [19]
    assert "Eingangsbestätigung" in printout.text
    assert "25 € für bis zu 3 m³ - bar." in printout.text
    path = save_png(printout, "network-receipt")
    assert qr_texts(path) == [STATUS_URL]
    # One connection for status and job: the driver keeps it.
    assert server.connections == 1
    printer.close()


@pytest.mark.parametrize(
    ("fault", "status", "outcome"),
    [
        ("paper_out", PrinterStatus.PAPER_OUT, PrintOutcome.PAPER_OUT),
        ("cover_open", PrinterStatus.COVER_OPEN, PrintOutcome.COVER_OPEN),
        ("offline", PrinterStatus.OFFLINE, PrintOutcome.OFFLINE),
        ("cutter_error", PrinterStatus.ERROR, PrintOutcome.FAILED),
    ],
)
def test_each_fault_is_known_before_printing(
    server: VirtualPrinterServer, fault: str, status: PrinterStatus, outcome: PrintOutcome
) -> None:
    printer = network_printer(server)
    server.printer.set_faults(**{fault: True})
    assert printer.query_status() is status
    result = printer.print_document(receipt())
    assert (result.outcome, result.status) == (outcome, status)
    assert result.preview_png == bytearray()
    server.printer.set_faults(**{fault: False})
    assert server.printer.printouts == []  # nothing was sent
    assert printer.query_status() is PrinterStatus.READY
    assert printer.print_document(receipt()).outcome is PrintOutcome.PRINTED
    printer.close()


def test_paper_low_still_prints(server: VirtualPrinterServer) -> None:
    server.printer.set_faults(paper_near_end=True)
    printer = network_printer(server)
    assert printer.query_status() is PrinterStatus.PAPER_LOW
    result = printer.print_document(receipt())
    assert (result.outcome, result.status) == (PrintOutcome.PRINTED, PrinterStatus.PAPER_LOW)
    printer.close()


def test_paper_out_mid_print_is_reported_and_the_rest_cleared(
    server: VirtualPrinterServer, caplog: pytest.LogCaptureFixture
) -> None:
    printer = network_printer(server)
    server.printer.set_faults(paper_left_bytes=400)
    with caplog.at_level(logging.WARNING):
        result = printer.print_document(receipt())
    assert result.outcome is PrintOutcome.PAPER_OUT
    assert result.status is PrinterStatus.PAPER_OUT
    assert "receipt broken off: paper_out" in caplog.text
    # A new roll: the half receipt's rest does not come out for the next citizen.
    assert server.printer.wait_for_clears(1)
    server.printer.set_faults(paper_out=False)
    assert server.printer.printouts == []
    assert printer.print_document(receipt()).outcome is PrintOutcome.PRINTED
    assert len(server.printer.printouts) == 1
    printer.close()


def test_printer_switched_off_and_on_again(server: VirtualPrinterServer) -> None:
    printer = network_printer(server)
    assert printer.query_status() is PrinterStatus.READY
    server.refuse()
    assert printer.query_status() is PrinterStatus.OFFLINE
    assert printer.print_document(receipt()).outcome is PrintOutcome.OFFLINE
    server.accept()
    assert printer.query_status() is PrinterStatus.READY
    assert printer.print_document(receipt()).outcome is PrintOutcome.PRINTED
    printer.close()


def test_connection_lost_in_the_middle_of_a_job(server: VirtualPrinterServer) -> None:
    printer = network_printer(server)
    assert printer.query_status() is PrinterStatus.READY
    server.drop_after_bytes = 500
    result = printer.print_document(receipt())
    assert result.outcome is PrintOutcome.OFFLINE
    assert server.printer.printouts == []
    assert printer.print_document(receipt()).outcome is PrintOutcome.PRINTED
    printer.close()


def test_a_printer_that_never_answers(server: VirtualPrinterServer) -> None:
    server.printer.set_faults(silent=True)
    printer = network_printer(server)
    assert printer.query_status() is PrinterStatus.OFFLINE
    # A model configured as one without status support: printed, without confirmation.
    blind = network_printer(server, status_queries=False)
    assert blind.query_status() is PrinterStatus.UNKNOWN
    assert blind.print_document(receipt()).outcome is PrintOutcome.PRINTED_UNCONFIRMED
    assert len(server.printer.wait_for_printouts(1)) == 1
    printer.close()
    blind.close()


def test_nothing_listening_at_all() -> None:
    with VirtualPrinterServer(VirtualPrinter()) as gone:
        port = gone.port
    settings = PrinterSettings(address="127.0.0.1", port=port, status_timeout_s=0.3)
    printer = EscposPrinter(open_transport(settings), settings)
    assert printer.query_status() is PrinterStatus.OFFLINE
    assert printer.print_document(receipt()).outcome is PrintOutcome.OFFLINE


def test_serial_printer_over_a_real_serial_line() -> None:
    virtual = VirtualPrinter()
    with serial_printer(virtual) as device:
        settings = PrinterSettings(
            connection=Connection.SERIAL, address=device, status_timeout_s=0.5
        )
        printer = EscposPrinter(open_transport(settings), settings)
        assert printer.query_status() is PrinterStatus.READY
        virtual.set_faults(paper_out=True)
        assert printer.query_status() is PrinterStatus.PAPER_OUT
        virtual.set_faults(paper_out=False)
        assert printer.print_document(receipt()).outcome is PrintOutcome.PRINTED
        [printout] = virtual.printouts
        assert "7K3M-Q9XD-2AF8" in printout.text
        printer.close()


def test_device_node_printer(tmp_path: Path) -> None:
    virtual = VirtualPrinter()
    with device_node_printer(virtual, tmp_path) as node:
        settings = PrinterSettings(connection=Connection.FILE, address=str(node))
        printer = EscposPrinter(open_transport(settings), settings)
        # A device node cannot be asked: printing is tried, without confirmation.
        assert printer.query_status() is PrinterStatus.UNKNOWN
        assert printer.print_document(receipt()).outcome is PrintOutcome.PRINTED_UNCONFIRMED
        [printout] = virtual.wait_for_printouts(1)
        assert "Gemeinde Musterstadt" in printout.text
        printer.close()
    missing = PrinterSettings(connection=Connection.FILE, address=str(tmp_path / "no-lp0"))
    gone = EscposPrinter(open_transport(missing), missing)
    assert gone.query_status() is PrinterStatus.OFFLINE


def test_usb_printer_not_plugged_in() -> None:
    # No USB printer can exist on this machine: the real path is taken up to pyusb's search,
    # which finds nothing (or has no libusb), and that is "offline", not a crash.
    settings = PrinterSettings(connection=Connection.USB, usb_vendor_id=0x04B8, usb_product_id=1)
    printer = EscposPrinter(open_transport(settings), settings)
    assert printer.query_status() is PrinterStatus.OFFLINE
    assert printer.print_document(receipt()).outcome is PrintOutcome.OFFLINE


def test_a_serial_printer_that_stops_taking_data_does_not_hold_the_thread() -> None:
    import os
    import time
    import tty

    master, slave = os.openpty()
    tty.setraw(slave)
    try:
        # Nobody reads the line: the pty's buffer fills and the write blocks.
        settings = PrinterSettings(
            connection=Connection.SERIAL,
            address=os.ttyname(slave),
            status_timeout_s=0.2,
            job_timeout_s=1.0,
            status_queries=False,
        )
        printer = EscposPrinter(open_transport(settings), settings)
        big = receipt(*[TextLine("Zeile " * 7) for _ in range(2000)])
        start = time.monotonic()
        result = printer.print_document(big)
        assert not result.outcome.printed
        assert time.monotonic() - start < 10
        printer.close()
    finally:
        os.close(master)
        os.close(slave)


def test_a_printer_that_takes_the_job_but_never_confirms(server: VirtualPrinterServer) -> None:
    printer = network_printer(server, job_timeout_s=1.5)
    assert printer.query_status() is PrinterStatus.READY
    server.printer.set_faults(silent=True)  # from now on no answers at all
    result = printer.print_document(receipt())
    assert result.outcome is PrintOutcome.OFFLINE
    assert result.status is PrinterStatus.OFFLINE
    printer.close()
