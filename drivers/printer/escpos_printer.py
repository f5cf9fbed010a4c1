"""The ESC/POS receipt printer: documents encoded by python-escpos, status by DLE EOT, every job
confirmed by the printer before it counts as printed.

A job goes like this: ask the state (DLE EOT 1–4, one question at a time: Epson warns that
answers to back-to-back real-time requests may come out of order); if the printer can print,
send GS a 0 (no automatic status blocks), the document, and GS r 1. GS r is answered in stream
order, so its answer means the printer has processed the last byte of the receipt. While
waiting, DLE EOT 2 (answered in real time, even by a stopped printer) shows whether the paper
ran out or the cover opened meanwhile; then the job is reported as broken off and the printer is
told to drop the rest (DLE DC4 fn 8, and DLE ENQ 2 for models that only know that), so half a
receipt does not come out for the next citizen when the roll is changed. The answers are told
apart by their shape: DLE EOT's always have bits 1 and 4 set, GS r 1's has its top four bits
clear; anything else (an XOFF, a stray status block) is no confirmation.

Some printers print but never answer GS r (clones, some firmware). The confirmation is waited
for ``confirm_timeout_s`` (not the write limit, ``job_timeout_s``); a printer that reports no
fault but has not confirmed by then is reported "printed, not confirmed", and remembered as one
that does not confirm: its next jobs do not wait at all. The first status question asks GS r
alone (answered at once by a printer that can), so usually no citizen waits even once. Every job
still ends with GS r: an answer arriving at any later read (new firmware, a slow printer) makes
the driver wait for confirmations again. This is kept in memory for the life of the process,
not on disk: learning it costs one status question with nobody waiting, and a stored belief
would outlive a printer swapped or updated while the terminal was off. An idle status question
asks GS r again every hour.

Every call runs on the caller's thread (the kiosk's ``printer`` worker) and holds a lock, so the
status poll and a job never interleave on the wire. Every wait has a limit.
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
from drivers.printer.settings import PrinterSettings
from drivers.printer.transport import PrinterConnectionError, Transport

log = logging.getLogger(__name__)

DLE_EOT = b"\x10\x04"
GS_R_PAPER = b"\x1dr\x01"
#: Automatic status back off: its 4-byte blocks would otherwise arrive at any time.
GS_A_OFF = b"\x1da\x00"
#: Clear the receive and print buffers (DLE DC4 fn 8), then recover from an error clearing the
#: buffers (DLE ENQ 2) for models without fn 8.
CLEAR_BUFFERS = b"\x10\x14\x08\x01\x03\x14\x01\x06\x02\x08" + b"\x10\x05\x02"
#: While a job runs, the printer's state is asked for this often (seconds).
JOB_POLL_S = 0.25
#: How long close() waits for a job in progress before it cuts the connection (seconds).
CLOSE_WAIT_S = 2.0
#: A printer known not to confirm is asked again this often, at an idle status question (a
#: firmware update is noticed even before the next job's answer shows it).
REPROBE_S = 3600.0


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
        if self.offline & 0x40 or self.error & 0x6C:
            return PrinterStatus.ERROR
        # Offline only while the feed button is held (offline cause bit 3): a moment, not a
        # fault.
        if self.printer & 0x08 and not self.offline & 0x08:
            return PrinterStatus.OFFLINE
        if self.paper & 0x0C:
            return PrinterStatus.PAPER_LOW
        return PrinterStatus.READY


def is_status_byte(value: int) -> bool:
    """A DLE EOT answer: bits 1 and 4 set, bits 0 and 7 clear."""
    return value & 0x93 == 0x12


def is_paper_answer(value: int) -> bool:
    """GS r 1's answer: sensor bits 0–3 only."""
    return value & 0xF0 == 0


def is_block_start(value: int) -> bool:
    """The first byte of an automatic status block (4 bytes): bit 4 set, bits 0, 1, 7 clear."""
    return value & 0x93 == 0x10


class _Answers:
    """The printer's answers as they arrive, sorted into the kinds the driver asks for.

    GS r questions are numbered: each answer (they come in stream order) settles the oldest one
    still open, wherever it is read, and tells ``confirmed`` that this printer does answer.
    """

    def __init__(
        self,
        transport: Transport,
        monotonic: Callable[[], float],
        confirmed: Callable[[], None],
    ) -> None:
        self._transport = transport
        self._monotonic = monotonic
        self._confirmed = confirmed
        self._pending = bytearray()
        self._skip = 0
        self._asked = 0  # GS r questions sent
        self._answered = 0  # of them answered (or given up on)
        self._given_up = 0  # questions up to this number will never count as answered
        #: An answer may still come for a question given up on (a slow printer): the next one
        #: is that, not the answer to a newer question.
        self._late = False

    def ask_confirmation(self) -> int:
        """Note a GS r question just sent; returns its number for :meth:`confirmed`."""
        self._asked += 1
        return self._asked

    def confirmed(self, ticket: int) -> bool:
        return self._answered >= ticket > self._given_up

    @property
    def unanswered(self) -> int:
        return self._asked - self._answered

    def give_up_confirmations(self, *, may_still_come: bool = False) -> None:
        """Stop waiting for the open GS r questions: on a new connection or after clearing the
        buffers no answer comes; from a printer that did not answer in time one still may,
        and then counts as proof that it answers, not as the answer to a newer question."""
        self._late = may_still_come and self._asked > self._answered
        self._answered = self._given_up = self._asked

    def drain(self) -> None:
        """Forget answers to questions given up on (a late GS r answer still counts)."""
        while data := self._transport.read(0.0):
            self._pending += data
        while self._pending:
            self.next(float("-inf"))
        self._skip = 0

    def next(self, deadline: float) -> int | None:
        """The next answer byte that is not part of a status block; None at the deadline."""
        while True:
            while self._pending:
                byte = self._pending.pop(0)
                if self._skip:
                    self._skip -= 1
                    continue
                if is_block_start(byte):
                    self._skip = 3
                    continue
                if is_paper_answer(byte):
                    if self._late:
                        self._late = False
                    else:
                        self._answered = min(self._asked, self._answered + 1)
                    self._confirmed()
                return byte
            remaining = deadline - self._monotonic()
            if remaining <= 0:
                return None
            self._pending += self._transport.read(remaining)


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
        self._answers = _Answers(transport, monotonic, self._confirmation_seen)
        self._lock = threading.Lock()
        self._last: PrinterStatus | None = None
        #: Whether this printer answers GS r; None until it has been asked.
        self._confirms: bool | None = None
        self._probed_at = 0.0
        #: Size of the last job's byte stream (the benchmark reports it).
        self.last_job_bytes = 0

    # --- status ------------------------------------------------------------------------------

    def query_status(self) -> PrinterStatus:
        with self._lock:
            again = self._confirms is False and self._monotonic() >= self._probed_at + REPROBE_S
            if again:
                self._confirms = None  # the status question below asks again
            status = self._status()
            if again and self._confirms is None:
                self._confirms = False  # not asked (the printer cannot print): next poll
            return self._noted(status)

    def _noted(self, status: PrinterStatus) -> PrinterStatus:
        # Device availability is state: logged when it changes, not on every poll.
        if status is not self._last:
            level = logging.INFO if status.can_print else logging.WARNING
            log.log(level, "printer status: %s", status.value)
            self._last = status
        return status

    @property
    def confirms(self) -> bool | None:
        """Whether the printer confirms jobs (answers GS r); None: not known yet."""
        return self._confirms

    def _confirmation_seen(self) -> None:
        if self._confirms is False:
            log.info("printer confirms jobs again")
        self._confirms = True

    def _not_confirming(self, *, busy: bool) -> None:
        """No answer to GS r in time. ``busy``: a job was printing, and the answer may still
        come when it is done; a GS r alone is answered at once or never."""
        if self._confirms is not False:
            log.warning("printer does not confirm jobs (GS r): receipts are sent unconfirmed")
        self._confirms = False
        self._answers.give_up_confirmations(may_still_come=busy)

    def _ensure_open(self) -> None:
        if not self._transport.is_open:
            self._transport.open()
            self._answers.give_up_confirmations()
            self._answers.drain()

    @property
    def _can_ask(self) -> bool:
        return self.settings.status_queries and self._transport.can_read

    def _status(self) -> PrinterStatus:
        try:
            self._ensure_open()
        except PrinterConnectionError:
            return PrinterStatus.OFFLINE
        if not self._can_ask:
            return PrinterStatus.UNKNOWN
        try:
            answers = self._ask_all()
        except PrinterConnectionError:
            # A stale connection (the printer restarted): one fresh try before "offline".
            try:
                self._ensure_open()
                answers = self._ask_all()
            except PrinterConnectionError:
                return PrinterStatus.OFFLINE
        if answers is None:
            # Connected, but no answer: switched off behind a print server, or hung. A late
            # answer must not be taken for the next question: start again from a new connection.
            self._transport.close()
            return PrinterStatus.OFFLINE
        status = StatusBytes(*answers).status()
        if status.can_print and self._confirms is None:
            try:
                self._probe_confirmation()
            except PrinterConnectionError:
                return PrinterStatus.OFFLINE
        return status

    def _probe_confirmation(self) -> None:
        """GS r alone, with nothing to print before it: a printer that can answers at once."""
        self._transport.write(GS_R_PAPER)
        ticket = self._answers.ask_confirmation()
        self._probed_at = self._monotonic()
        deadline = self._probed_at + self.settings.status_timeout_s
        while not self._answers.confirmed(ticket):
            if self._answers.next(deadline) is None:
                self._not_confirming(busy=False)
                return

    def _ask_all(self) -> tuple[int, int, int, int] | None:
        self._answers.drain()
        got: list[int] = []
        for n in (1, 2, 3, 4):
            answer = self._ask(n)
            if answer is None:
                return None
            got.append(answer)
        return got[0], got[1], got[2], got[3]

    def _ask(self, n: int) -> int | None:
        """One DLE EOT question and its answer (None if none comes in time)."""
        self._transport.write(DLE_EOT + bytes([n]))
        deadline = self._monotonic() + self.settings.status_timeout_s
        while (byte := self._answers.next(deadline)) is not None:
            if is_status_byte(byte):
                return byte
        return None

    # --- printing ----------------------------------------------------------------------------

    def print_document(self, document: Document) -> PrintResult:
        # python-escpos (and PIL, qrcode, barcode with it, ~0.1 s) only when the first receipt
        # is printed, not before the terminal's first frame.
        from drivers.printer.escpos_encoder import encode_document

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
                # Why? A printer that stopped taking data may say so on a new connection.
                after = self._status()
                outcome = (
                    PrintOutcome.OFFLINE if after.can_print else PrintOutcome.for_status(after)
                )
            self._noted(after)
        if not outcome.printed:
            log.warning("%s broken off: %s", document.kind.value, outcome.value)
            return PrintResult(outcome, status=after)
        preview = bytearray(self._preview(data)) if self._preview else bytearray()
        return PrintResult(outcome, preview, status=after)

    def _send(self, data: bytes) -> tuple[PrintOutcome, PrinterStatus]:
        if not self._can_ask:
            # A CUPS queue, a device node, a model without status: it took the job, no more.
            self._transport.write(data)
            self._transport.end_job()
            return PrintOutcome.PRINTED_UNCONFIRMED, self._status()
        self._answers.drain()
        self._transport.write(GS_A_OFF + data + GS_R_PAPER)
        ticket = self._answers.ask_confirmation()
        if self._confirms is False:
            return self._unconfirmed(ticket)
        # Mechanics from the last byte written; a serial line is still sending it then.
        deadline = (
            self._monotonic()
            + self.settings.confirm_timeout_s
            + self._transport.transfer_s(len(data))
        )
        poll_sent_at: float | None = None
        while True:
            now = self._monotonic()
            if now >= deadline:
                return self._unconfirmed(ticket, waited=True)
            if poll_sent_at is None:
                wait_until = min(deadline, now + JOB_POLL_S)
            else:
                wait_until = min(deadline, poll_sent_at + self.settings.status_timeout_s)
            byte = self._answers.next(wait_until)
            if byte is None:
                if poll_sent_at is not None:
                    # Asked why, and no answer: the printer is gone.
                    self._abandon()
                    self._transport.close()
                    return PrintOutcome.OFFLINE, self._status()
                # Still printing (or stopped): ask why, in real time.
                self._transport.write(DLE_EOT + b"\x02")
                poll_sent_at = self._monotonic()
                continue
            if is_status_byte(byte) and poll_sent_at is not None:
                poll_sent_at = None
                stopped = StatusBytes(0x12, byte, 0x12, 0x12).status()
                if not stopped.can_print:
                    self._abandon()
                    return PrintOutcome.for_status(stopped), stopped
            elif self._answers.confirmed(ticket):
                # GS r's answer: the last byte of the job has been processed.
                if poll_sent_at is not None:
                    # The answer to the last poll is still on its way; keep the stream in step.
                    self._answers.next(self._monotonic() + self.settings.status_timeout_s)
                return PrintOutcome.PRINTED, self._status()
            # Anything else (XON/XOFF, noise, an older job's GS r answer) confirms nothing.

    def _unconfirmed(self, ticket: int, waited: bool = False) -> tuple[PrintOutcome, PrinterStatus]:
        """No confirmation (yet): what the printer's state says about the job written."""
        after = self._status()
        if self._answers.confirmed(ticket):
            return PrintOutcome.PRINTED, after  # the answer came with the status
        if after is PrinterStatus.OFFLINE:
            return PrintOutcome.OFFLINE, after
        if not after.can_print:
            # Paper out or the cover opened under the job: drop the rest of it.
            self._abandon()
            return PrintOutcome.for_status(after), after
        if waited:
            self._not_confirming(busy=True)
        return PrintOutcome.PRINTED_UNCONFIRMED, after

    def _abandon(self) -> None:
        """Tell the printer to drop what it still holds of the broken job."""
        with contextlib.suppress(PrinterConnectionError):
            self._transport.write(CLEAR_BUFFERS)
        # The job's GS r went with the buffers.
        self._answers.give_up_confirmations()

    def close(self) -> None:
        # A job stuck on a printer that takes no data ends by its write limit; shutting down
        # does not wait that long for it.
        if self._lock.acquire(timeout=CLOSE_WAIT_S):
            try:
                self._transport.close()
            finally:
                self._lock.release()
        else:
            self._transport.close()
