"""The ESC/POS receipt printer: documents encoded by python-escpos, status by DLE EOT, every job
confirmed by the printer before it counts as printed.

A job goes like this: ask the state (DLE EOT 1–4); if the printer can print, send the document
followed by GS r 1. GS r is answered in stream order, so its answer means the printer has
processed the last byte of the receipt. While waiting, DLE EOT (answered in real time, even by a
stopped printer) shows whether the paper ran out or the cover opened meanwhile; then the job is
reported as broken off and DLE ENQ 2 clears the rest from the printer's buffer, so half a receipt
does not come out for the next citizen when the roll is changed. The two answers are told apart
by bit 4, which DLE EOT always sets and GS r never does.

Every call runs on the caller's thread (the kiosk's ``printer`` worker) and holds a lock, so the
status poll and a job never interleave on the wire.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from drivers.printer.base import PrinterStatus, PrintOutcome, PrintResult, ReceiptPrinter
from drivers.printer.document import Document
from drivers.printer.escpos_encoder import encode_document
from drivers.printer.settings import PrinterSettings
from drivers.printer.transport import PrinterConnectionError, Transport

log = logging.getLogger(__name__)

DLE_EOT = b"\x10\x04"
GS_R_PAPER = b"\x1dr\x01"
DLE_ENQ_CLEAR = b"\x10\x05\x02"
#: While a job runs, the printer's state is asked for this often (seconds).
JOB_POLL_S = 0.25


@dataclass(frozen=True)
class StatusBytes:
    """The four DLE EOT answers: printer, offline cause, error cause, paper sensor."""

    printer: int
    offline: int
    error: int
    paper: int

    def status(self) -> PrinterStatus:
        if self.offline & 0x04:
            return PrinterStatus.COVER_OPEN
        if self.offline & 0x20 or self.paper & 0x60:
            return PrinterStatus.PAPER_OUT
        if self.offline & 0x40 or self.error & 0x68:
            return PrinterStatus.ERROR
        if self.printer & 0x08:
            return PrinterStatus.OFFLINE
        if self.paper & 0x0C:
            return PrinterStatus.PAPER_LOW
        return PrinterStatus.READY


def is_status_byte(value: int) -> bool:
    """A DLE EOT answer: bits 1 and 4 set, bits 0 and 7 clear."""
    return value & 0x93 == 0x12


class EscposPrinter(ReceiptPrinter):
    def __init__(
        self,
        transport: Transport,
        settings: PrinterSettings,
        *,
        preview: Callable[[bytes], bytes] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._transport = transport
        self.settings = settings
        self._preview = preview
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._last: PrinterStatus | None = None
        #: Size of the last job's byte stream (the benchmark reports it).
        self.last_job_bytes = 0

    # --- status ------------------------------------------------------------------------------

    def query_status(self) -> PrinterStatus:
        with self._lock:
            return self._noted(self._status())

    def _noted(self, status: PrinterStatus) -> PrinterStatus:
        # Device availability is state: logged when it changes, not on every poll.
        if status is not self._last:
            level = logging.INFO if status.can_print else logging.WARNING
            log.log(level, "printer status: %s", status.value)
            self._last = status
        return status

    def _ensure_open(self) -> None:
        if not self._transport.is_open:
            self._transport.open()

    def _status(self) -> PrinterStatus:
        try:
            self._ensure_open()
        except PrinterConnectionError:
            return PrinterStatus.OFFLINE
        if not (self.settings.status_queries and self._transport.can_read):
            return PrinterStatus.UNKNOWN
        try:
            answers = self._ask(b"".join(DLE_EOT + bytes([n]) for n in (1, 2, 3, 4)), 4)
        except PrinterConnectionError:
            # A stale connection (the printer restarted): one fresh try before "offline".
            try:
                self._ensure_open()
                answers = self._ask(b"".join(DLE_EOT + bytes([n]) for n in (1, 2, 3, 4)), 4)
            except PrinterConnectionError:
                return PrinterStatus.OFFLINE
        if answers is None:
            # Connected, but no answer: switched off behind a print server, or hung.
            self._transport.close()
            return PrinterStatus.OFFLINE
        return StatusBytes(*answers).status()

    def _ask(self, request: bytes, count: int) -> tuple[int, ...] | None:
        """Send DLE EOT requests and collect ``count`` status answers (None on a timeout)."""
        self._drain()
        self._transport.write(request)
        got: list[int] = []
        deadline = self._monotonic() + self.settings.status_timeout_s
        while len(got) < count:
            remaining = deadline - self._monotonic()
            if remaining <= 0:
                return None
            data = self._transport.read(remaining)
            got += [b for b in data if is_status_byte(b)]
        return tuple(got[:count])

    def _drain(self) -> None:
        """Drop answers left over from an earlier, timed-out question."""
        while self._transport.read(0.0):
            pass

    # --- printing ----------------------------------------------------------------------------

    def print_document(self, document: Document) -> PrintResult:
        data = encode_document(document, self.settings)
        self.last_job_bytes = len(data)
        with self._lock:
            before = self._status()
            if not before.can_print:
                self._noted(before)
                return PrintResult(PrintOutcome.for_status(before), status=before)
            try:
                outcome, after = self._send(data)
            except PrinterConnectionError:
                self._transport.close()
                log.warning("printer connection lost during a %s", document.kind.value)
                outcome, after = PrintOutcome.OFFLINE, PrinterStatus.OFFLINE
            self._noted(after)
        if outcome is not PrintOutcome.PRINTED:
            log.warning("%s broken off: %s", document.kind.value, outcome.value)
            return PrintResult(outcome, status=after)
        preview = bytearray(self._preview(data)) if self._preview else bytearray()
        return PrintResult(PrintOutcome.PRINTED, preview, status=after)

    def _send(self, data: bytes) -> tuple[PrintOutcome, PrinterStatus]:
        confirm = self.settings.status_queries and self._transport.can_read
        if confirm:
            self._drain()
        self._transport.write(data + (GS_R_PAPER if confirm else b""))
        self._transport.end_job()
        if not confirm:
            return PrintOutcome.PRINTED, self._status()
        deadline = self._monotonic() + self.settings.job_timeout_s
        next_poll = self._monotonic() + JOB_POLL_S
        pending_polls: list[int] = []
        offline = error = paper = printer = 0x12
        while True:
            now = self._monotonic()
            if now >= deadline:
                self._abandon()
                return PrintOutcome.FAILED, self._status()
            data = self._transport.read(min(deadline, next_poll) - now)
            for byte in data:
                if not is_status_byte(byte):
                    # GS r's answer: the last byte of the job has been processed.
                    return PrintOutcome.PRINTED, self._status()
                if not pending_polls:
                    continue
                n = pending_polls.pop(0)
                printer, offline, error, paper = (
                    byte if n == 1 else printer,
                    byte if n == 2 else offline,
                    byte if n == 3 else error,
                    byte if n == 4 else paper,
                )
                if pending_polls:
                    continue  # judge a round of answers as a whole
                status = StatusBytes(printer, offline, error, paper).status()
                if not status.can_print:
                    self._abandon()
                    return PrintOutcome.for_status(status), status
            if self._monotonic() >= next_poll:
                # Still printing (or stopped): ask why, in real time.
                self._transport.write(DLE_EOT + b"\x01" + DLE_EOT + b"\x02" + DLE_EOT + b"\x04")
                pending_polls += [1, 2, 4]
                next_poll = self._monotonic() + JOB_POLL_S

    def _abandon(self) -> None:
        """Clear what the printer still holds of the broken job."""
        with contextlib.suppress(PrinterConnectionError):
            self._transport.write(DLE_ENQ_CLEAR)

    def close(self) -> None:
        with self._lock:
            self._transport.close()
