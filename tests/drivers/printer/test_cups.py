"""A CUPS queue as the printer: python-escpos's CUPS connection, a real cupsd, its socket
backend delivering to the virtual printer's TCP port."""

from __future__ import annotations

from drivers.printer.base import PrinterStatus, PrintOutcome
from drivers.printer.escpos_printer import EscposPrinter
from drivers.printer.settings import Connection, PrinterSettings
from drivers.printer.transport import open_transport
from drivers.printer.virtual.printer import VirtualPrinter
from drivers.printer.virtual.server import VirtualPrinterServer
from tests.drivers.printer.conftest import STATUS_URL, receipt
from tests.support.cups_server import add_raw_queue, cups_server
from tests.support.printer_stack import qr_texts, save_png


def test_receipts_through_a_cups_queue() -> None:
    virtual = VirtualPrinter()
    with VirtualPrinterServer(virtual) as server, cups_server() as address:
        add_raw_queue(address, "receipt", server.port)
        settings = PrinterSettings(
            connection=Connection.CUPS, address="receipt", cups_server=address
        )
        printer = EscposPrinter(open_transport(settings), settings)
        # A queue cannot tell the paper's state: printing is tried, unconfirmed.
        assert printer.query_status() is PrinterStatus.UNKNOWN
        for _ in range(3):  # one job after another, each on a fresh spool file
            result = printer.print_document(receipt())
            assert (result.outcome, result.status) == (
                PrintOutcome.PRINTED_UNCONFIRMED,
                PrinterStatus.UNKNOWN,
            )
        printouts = virtual.wait_for_printouts(3, timeout_s=30)
        assert len(printouts) == 3
        assert all("Eingangsbestätigung" in p.text for p in printouts)
        assert qr_texts(save_png(printouts[0], "cups-receipt")) == [STATUS_URL]

        missing = PrinterSettings(connection=Connection.CUPS, address="nope", cups_server=address)
        gone = EscposPrinter(open_transport(missing), missing)
        assert gone.query_status() is PrinterStatus.OFFLINE
        assert gone.print_document(receipt()).outcome is PrintOutcome.OFFLINE
        gone.close()
        printer.close()


def test_cups_server_not_running() -> None:
    settings = PrinterSettings(
        connection=Connection.CUPS, address="receipt", cups_server="127.0.0.1:9"
    )
    printer = EscposPrinter(open_transport(settings), settings)
    assert printer.query_status() is PrinterStatus.OFFLINE
    printer.close()
