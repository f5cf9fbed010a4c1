"""A printer that stops taking data (paper out on a serial line holding DSR low, a full buffer):
the job ends when no byte has been taken for the confirmation wait, not after the whole write
limit, so the citizen is told within seconds. Real byte pipes: a pty and a FIFO nobody reads."""

from __future__ import annotations

import os
import time
import tty
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from drivers.printer.document import TextLine
from drivers.printer.escpos_printer import EscposPrinter
from drivers.printer.settings import Connection, PrinterSettings
from drivers.printer.transport import open_transport
from tests.drivers.printer.conftest import receipt

#: Long enough that a test waiting for it would fail its own bound.
JOB_TIMEOUT_S = 30.0
CONFIRM_TIMEOUT_S = 0.5
BIG = receipt(*[TextLine("Zeile " * 7) for _ in range(4000)], logo=False)  # ~200 KB


@contextmanager
def unread_pty() -> Iterator[str]:
    master, slave = os.openpty()
    tty.setraw(slave)
    try:
        yield os.ttyname(slave)
    finally:
        os.close(master)
        os.close(slave)


@contextmanager
def unread_fifo(folder: Path) -> Iterator[str]:
    node = folder / "lp0"
    os.mkfifo(node)
    reader = os.open(node, os.O_RDONLY | os.O_NONBLOCK)  # there, but never reads
    try:
        yield str(node)
    finally:
        os.close(reader)


def stalled_print(connection: Connection, address: str) -> float:
    settings = PrinterSettings(
        connection=connection,
        address=address,
        status_queries=False,
        job_timeout_s=JOB_TIMEOUT_S,
        confirm_timeout_s=CONFIRM_TIMEOUT_S,
    )
    printer = EscposPrinter(open_transport(settings), settings)
    start = time.monotonic()
    result = printer.print_document(BIG)
    took = time.monotonic() - start
    printer.close()
    assert not result.outcome.printed
    return took


def test_a_serial_printer_that_stops_taking_data_is_given_up_promptly() -> None:
    with unread_pty() as device:
        assert stalled_print(Connection.SERIAL, device) < JOB_TIMEOUT_S / 3


def test_a_device_node_that_stops_taking_data_is_given_up_promptly(tmp_path: Path) -> None:
    with unread_fifo(tmp_path) as node:
        assert stalled_print(Connection.FILE, node) < JOB_TIMEOUT_S / 3


class SlowSerialLine:
    """python-escpos's Serial as the transport uses it: ``_raw`` and the line's speed."""

    def __init__(self, baudrate: int) -> None:
        self.baudrate = baudrate
        self.writes: list[int] = []

    def _raw(self, data: bytes) -> None:
        self.writes.append(len(data))


def test_each_serial_write_passes_a_slow_line_within_the_stall_limit() -> None:
    """Found by review: pyserial's write_timeout (the stall limit, e.g. 4 s) covers each write;
    1 KB chunks take 4.3 s at 2400 baud, so a healthy slow printer timed out on every job."""
    from drivers.printer.transport import EscposTransport

    for baudrate, stall_s in ((2400, 4.0), (9600, 0.5), (1200, 2.0), (115200, 4.0)):
        line = SlowSerialLine(baudrate)
        transport = EscposTransport(line, Connection.SERIAL, JOB_TIMEOUT_S, stall_s)
        transport.write(bytes(5000))
        assert sum(line.writes) == 5000
        assert max(line.writes) * 10 / baudrate <= stall_s / 2, (baudrate, line.writes[:3])
