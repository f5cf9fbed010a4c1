"""The virtual printer behind real byte pipes: a TCP port, a serial line (a pty), a FIFO node."""

from __future__ import annotations

import io
import os
import select
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import zxingcpp
from PIL import Image

from drivers.printer.virtual.decoder import Printout
from drivers.printer.virtual.printer import VirtualPrinter
from drivers.printer.virtual.render import render_png
from tests.support.configs import ROOT

#: Rendered printouts land here for a person to look at (CI keeps them as artifacts).
SCREENS = ROOT / "artifacts" / "printer"


def save_png(printout: Printout, name: str, dots: int = 576) -> Path:
    SCREENS.mkdir(parents=True, exist_ok=True)
    path = SCREENS / f"{name}.png"
    path.write_bytes(render_png(printout, dots))
    return path


def qr_texts(png: Path | bytes) -> list[str]:
    """What a QR decoder reads from a rendered receipt (as a phone would from the paper)."""
    data = png.read_bytes() if isinstance(png, Path) else png
    with Image.open(io.BytesIO(data)) as image:
        return [result.text for result in zxingcpp.read_barcodes(image)]


class _Pump:
    """Moves bytes between a file descriptor and the virtual printer on a thread of its own."""

    def __init__(self, printer: VirtualPrinter, read_fd: int, write_fd: int | None) -> None:
        self.printer = printer
        self._read_fd = read_fd
        self._write_fd = write_fd
        self._stop_r, self._stop_w = os.pipe()
        self._thread = threading.Thread(target=self._run, name="printer-pump", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            ready, _, _ = select.select([self._read_fd, self._stop_r], [], [])
            if self._stop_r in ready:
                return
            try:
                data = os.read(self._read_fd, 65536)
            except OSError:
                return
            if not data:
                continue
            answer = self.printer.receive(data)
            if answer and self._write_fd is not None:
                os.write(self._write_fd, answer)

    def stop(self) -> None:
        os.write(self._stop_w, b"x")
        self._thread.join(5)
        os.close(self._stop_r)
        os.close(self._stop_w)


@contextmanager
def serial_printer(printer: VirtualPrinter) -> Iterator[str]:
    """A pseudo-terminal: the driver opens its device name as a serial port."""
    master, slave = os.openpty()
    # Raw mode on the line, as a printer's serial port is: no echo, no newline translation.
    import tty

    tty.setraw(slave)
    pump = _Pump(printer, master, master)
    try:
        yield os.ttyname(slave)
    finally:
        pump.stop()
        os.close(master)
        os.close(slave)


@contextmanager
def device_node_printer(printer: VirtualPrinter, folder: Path) -> Iterator[Path]:
    """A FIFO standing in for /dev/usb/lp0: written to like a device node, never read back."""
    node = folder / "lp0"
    os.mkfifo(node)
    fd = os.open(node, os.O_RDONLY | os.O_NONBLOCK)
    # Keep a writer open ourselves, so the FIFO does not report end-of-file between jobs.
    keep = os.open(node, os.O_WRONLY | os.O_NONBLOCK)
    pump = _Pump(printer, fd, None)
    try:
        yield node
    finally:
        pump.stop()
        os.close(keep)
        os.close(fd)
