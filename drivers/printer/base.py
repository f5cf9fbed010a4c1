"""The printer interface: ESC/POS printers (real), the simulator, test fakes.

Printing and asking for the status block (USB, TCP or serial I/O), so callers run both on the
printer's worker thread. Neither raises for paper, cover or connection problems: those are
outcomes, reported as enums, and the kiosk turns them into sentences for citizens.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from enum import StrEnum

from drivers.printer.document import Document


class PrinterStatus(StrEnum):
    READY = "ready"
    PAPER_LOW = "paper_low"  # the near-end sensor: prints, but a technician should come soon
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    OFFLINE = "offline"  # not reachable, or it says it is offline
    ERROR = "error"  # cutter jam, overheated head, an unrecoverable error
    #: The model cannot report its status (a CUPS queue, a device node); printing is tried.
    UNKNOWN = "unknown"

    @property
    def can_print(self) -> bool:
        return self in (PrinterStatus.READY, PrinterStatus.PAPER_LOW, PrinterStatus.UNKNOWN)


class PrintOutcome(StrEnum):
    PRINTED = "printed"  # the printer confirmed the last byte of the job
    #: The printer took the job and reports no fault, but cannot confirm it (no answer to GS r,
    #: a CUPS queue, a device node): the receipt very likely came out; the screen shows it too.
    PRINTED_UNCONFIRMED = "printed_unconfirmed"
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    OFFLINE = "offline"
    FAILED = "failed"

    @property
    def printed(self) -> bool:
        """The receipt went to paper, confirmed or not (it is not offered to print again)."""
        return self in (PrintOutcome.PRINTED, PrintOutcome.PRINTED_UNCONFIRMED)

    @staticmethod
    def for_status(status: PrinterStatus) -> PrintOutcome:
        """The outcome of a print that the printer's state prevented or broke off."""
        return {
            PrinterStatus.PAPER_OUT: PrintOutcome.PAPER_OUT,
            PrinterStatus.COVER_OPEN: PrintOutcome.COVER_OPEN,
            PrinterStatus.OFFLINE: PrintOutcome.OFFLINE,
        }.get(status, PrintOutcome.FAILED)


@dataclass
class PrintResult:
    outcome: PrintOutcome
    #: What the paper looks like (PNG), where the printer can tell; the simulator always can.
    preview_png: bytearray = field(default_factory=bytearray)
    #: The printer's state after the job (what the next citizen can expect).
    status: PrinterStatus = PrinterStatus.UNKNOWN

    def wipe(self) -> None:
        self.preview_png[:] = bytes(len(self.preview_png))
        self.preview_png.clear()


class ReceiptPrinter(ABC):
    @abstractmethod
    def query_status(self) -> PrinterStatus:
        """Ask the printer for its state now; blocking. Never raises."""

    @abstractmethod
    def print_document(self, document: Document) -> PrintResult:
        """Print ``document``; blocking. Never raises for paper or connection problems."""

    def close(self) -> None:  # noqa: B027 - most printers hold nothing open
        """Release the connection (the terminal shuts down)."""
