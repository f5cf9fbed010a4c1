"""The driver's reading of what a printer says, with a scripted printer: unsolicited status
blocks, flow-control bytes, answers that come late."""

from __future__ import annotations

from collections import deque

from drivers.printer.base import PrinterStatus, PrintOutcome
from drivers.printer.escpos_printer import CLEAR_BUFFERS, EscposPrinter, StatusBytes
from drivers.printer.settings import PrinterSettings
from drivers.printer.transport import Transport
from tests.drivers.printer.conftest import receipt

READY = {b"\x10\x04\x01": b"\x12", b"\x10\x04\x02": b"\x12", b"\x10\x04\x03": b"\x12",
         b"\x10\x04\x04": b"\x12", b"\x1dr\x01": b"\x00"}  # fmt: skip


class ScriptedTransport(Transport):
    """Answers each write by the script: exact writes map to replies; a job (any long write)
    gets ``job_reply``."""

    def __init__(
        self,
        replies: dict[bytes, bytes],
        job_reply: bytes,
        after_job: dict[bytes, bytes] | None = None,
    ) -> None:
        self.replies = dict(replies)
        self.job_reply = job_reply
        self.after_job = after_job or {}
        self.writes: list[bytes] = []
        self._incoming: deque[int] = deque()
        self._open = False
        self.clock = 0.0

    @property
    def is_open(self) -> bool:
        return self._open

    def open(self) -> None:
        self._open = True

    def write(self, data: bytes) -> None:
        self.writes.append(data)
        reply = self.replies.get(data)
        if reply is None and len(data) > 64:
            reply = self.job_reply
            self.replies.update(self.after_job)
        self._incoming.extend(reply or b"")

    def read(self, timeout_s: float) -> bytes:
        if not self._incoming:
            self.clock += max(timeout_s, 0.0)  # time passes while nothing comes
            return b""
        data = bytes(self._incoming)
        self._incoming.clear()
        return data

    def close(self) -> None:
        self._open = False


def printer_on(transport: ScriptedTransport) -> EscposPrinter:
    settings = PrinterSettings(status_timeout_s=0.5, job_timeout_s=5.0)
    return EscposPrinter(transport, settings, monotonic=lambda: transport.clock)


def test_a_status_block_in_the_middle_of_a_job_is_no_confirmation() -> None:
    # Cover opened mid-job: an automatic status block (4 bytes) arrives, no GS r answer.
    transport = ScriptedTransport(
        READY,
        job_reply=b"\x38\x00\x00\x0f",
        after_job={b"\x10\x04\x02": b"\x16"},  # asked why: cover open
    )
    printer = printer_on(transport)
    result = printer.print_document(receipt())
    assert result.outcome is PrintOutcome.COVER_OPEN
    assert CLEAR_BUFFERS in transport.writes


def test_xoff_is_no_confirmation_but_the_answer_after_it_is() -> None:
    transport = ScriptedTransport(READY, job_reply=b"\x13\x11\x00")
    result = printer_on(transport).print_document(receipt())
    assert (result.outcome, result.status) == (PrintOutcome.PRINTED, PrinterStatus.READY)


def test_status_questions_go_one_at_a_time() -> None:
    transport = ScriptedTransport(READY, job_reply=b"\x00")
    printer = printer_on(transport)
    assert printer.query_status() is PrinterStatus.READY
    questions = [b"\x10\x04\x01", b"\x10\x04\x02", b"\x10\x04\x03", b"\x10\x04\x04"]
    # The first time, GS r alone after them: does this printer confirm jobs?
    assert transport.writes == [*questions, b"\x1dr\x01"]
    assert printer.confirms is True
    transport.writes.clear()
    assert printer.query_status() is PrinterStatus.READY
    assert transport.writes == questions


def test_no_answer_to_a_question_is_offline_and_a_new_connection() -> None:
    transport = ScriptedTransport({b"\x10\x04\x01": b"\x12"}, job_reply=b"")
    printer = printer_on(transport)
    assert printer.query_status() is PrinterStatus.OFFLINE
    assert not transport.is_open  # late answers must not meet the next question


def test_status_classification() -> None:
    assert StatusBytes(0x12, 0x12, 0x12, 0x12).status() is PrinterStatus.READY
    assert StatusBytes(0x1A, 0x1A, 0x12, 0x12).status() is PrinterStatus.READY  # feed button
    assert StatusBytes(0x1A, 0x12, 0x12, 0x12).status() is PrinterStatus.OFFLINE
    assert StatusBytes(0x12, 0x12, 0x16, 0x12).status() is PrinterStatus.ERROR  # recoverable
    assert StatusBytes(0x12, 0x12, 0x12, 0x1E).status() is PrinterStatus.PAPER_LOW
    assert StatusBytes(0x1A, 0x32, 0x12, 0x7E).status() is PrinterStatus.PAPER_OUT
    assert StatusBytes(0x1A, 0x16, 0x12, 0x12).status() is PrinterStatus.COVER_OPEN


def test_a_late_confirmation_is_the_old_jobs_not_the_next_ones() -> None:
    # A slow printer: the first job's answer comes after the confirmation wait.
    transport = ScriptedTransport(READY, job_reply=b"")
    printer = printer_on(transport)
    assert printer.print_document(receipt()).outcome is PrintOutcome.PRINTED_UNCONFIRMED
    assert printer.confirms is False
    # It arrives while the next job is sent: proof that the printer answers, but not the
    # next job's confirmation.
    transport.job_reply = b"\x00"
    assert printer.print_document(receipt()).outcome is PrintOutcome.PRINTED_UNCONFIRMED
    assert printer.confirms is True
    # That one's own answer then confirms it.
    transport.job_reply = b"\x00\x00"
    assert printer.print_document(receipt()).outcome is PrintOutcome.PRINTED
