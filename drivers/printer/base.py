"""The receipt-printer interface: ESC/POS printers (real), the simulator, test fakes.

A receipt is a short list of blocks (text lines, a QR code, a rule). The kiosk builds it; each
printer lays it out for its medium. Printing blocks (USB or TCP I/O), so callers run
:meth:`ReceiptPrinter.print_receipt` on a worker thread.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from enum import StrEnum


class PrinterStatus(StrEnum):
    READY = "ready"
    PAPER_LOW = "paper_low"
    PAPER_OUT = "paper_out"
    OFFLINE = "offline"


class PrintOutcome(StrEnum):
    PRINTED = "printed"
    PAPER_OUT = "paper_out"
    OFFLINE = "offline"
    FAILED = "failed"


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"


@dataclass(frozen=True)
class TextLine:
    text: str
    bold: bool = False
    large: bool = False
    align: Align = Align.LEFT


@dataclass(frozen=True)
class QrCode:
    data: str


@dataclass(frozen=True)
class Rule:
    pass


Block = TextLine | QrCode | Rule


@dataclass
class Receipt:
    blocks: list[Block] = field(default_factory=list)

    def wipe(self) -> None:
        self.blocks.clear()


@dataclass
class PrintResult:
    outcome: PrintOutcome
    #: What the paper looks like (PNG), where the printer can tell; the simulator always can.
    preview_png: bytearray = field(default_factory=bytearray)

    def wipe(self) -> None:
        self.preview_png[:] = bytes(len(self.preview_png))
        self.preview_png.clear()


class ReceiptPrinter(ABC):
    @property
    @abstractmethod
    def status(self) -> PrinterStatus: ...

    @abstractmethod
    def print_receipt(self, receipt: Receipt) -> PrintResult:
        """Print ``receipt``; blocking. Never raises for paper or connection problems."""
