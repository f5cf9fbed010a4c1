"""The simulated receipt printer: the real ESC/POS driver writing into the virtual printer.

The demo shows the virtual printer's rendering of the very bytes a real printer would get, so
what the screen shows is what the paper would say. ``paper`` counts the receipts left on the
roll, so that running out, and the terminal's messages for it, can be seen and tested.
"""

from __future__ import annotations

from drivers.printer.base import PrintResult
from drivers.printer.document import Document
from drivers.printer.escpos_printer import EscposPrinter
from drivers.printer.settings import PrinterSettings
from drivers.printer.virtual.loopback import LoopbackTransport
from drivers.printer.virtual.printer import VirtualPrinter

#: Below this many receipts left the near-end sensor reports "paper low".
NEAR_END = 20


class SimulatedPrinter(EscposPrinter):
    def __init__(self, paper: int = 500, settings: PrinterSettings | None = None) -> None:
        settings = settings or PrinterSettings()
        self.virtual = VirtualPrinter()
        super().__init__(LoopbackTransport(self.virtual), settings, preview=self._render)
        self.virtual.dots = 576 if settings.paper_mm == 80 else 384
        self._paper = 0
        self.paper = paper

    @property
    def paper(self) -> int:
        """Receipts left on the roll; 0 means out of paper. Setting it is a new roll."""
        return self._paper

    @paper.setter
    def paper(self, receipts: int) -> None:
        self._paper = max(0, receipts)
        self.virtual.set_faults(
            paper_out=self._paper == 0, paper_near_end=0 < self._paper < NEAR_END
        )
        if self._paper:
            # A new roll: what the printer held of a broken job is not printed for anyone.
            self.virtual.take_printouts()

    def print_document(self, document: Document) -> PrintResult:
        result = super().print_document(document)
        if result.outcome.printed:
            self.paper = self._paper - 1
        return result

    def _render(self, data: bytes) -> bytes:
        # PIL and qrcode (~40 ms) with the first receipt, not before the first frame.
        from drivers.printer.virtual.render import render_png

        printouts = self.virtual.take_printouts()
        return render_png(printouts[-1], self.virtual.dots) if printouts else b""
