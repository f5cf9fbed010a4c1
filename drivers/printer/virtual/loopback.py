"""The virtual printer in the same process: a transport with no wire, for the demo."""

from __future__ import annotations

from drivers.printer.transport import Transport
from drivers.printer.virtual.printer import VirtualPrinter


class LoopbackTransport(Transport):
    def __init__(self, printer: VirtualPrinter) -> None:
        self.printer = printer
        self._answers = bytearray()
        self._open = False

    @property
    def is_open(self) -> bool:
        return self._open

    def open(self) -> None:
        self._open = True

    def write(self, data: bytes) -> None:
        self._answers += self.printer.receive(data)

    def read(self, timeout_s: float) -> bytes:
        # The printer answers while it receives, so there is never anything to wait for.
        data = bytes(self._answers)
        self._answers.clear()
        return data

    def close(self) -> None:
        self._open = False
