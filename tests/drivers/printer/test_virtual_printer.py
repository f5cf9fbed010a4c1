"""The virtual printer itself: status answers per fault, stopping and going on, streaming."""

from __future__ import annotations

import pytest

from drivers.printer.escpos_encoder import encode_document
from drivers.printer.escpos_printer import CLEAR_BUFFERS
from drivers.printer.settings import PrinterSettings
from drivers.printer.virtual.decoder import Decoder, StatusRequest
from drivers.printer.virtual.printer import VirtualPrinter
from tests.drivers.printer.conftest import receipt

DLE_EOT = [b"\x10\x04" + bytes([n]) for n in (1, 2, 3, 4)]


def answers(printer: VirtualPrinter) -> list[int]:
    return [printer.receive(q)[0] for q in DLE_EOT]


@pytest.mark.parametrize(
    ("faults", "expected"),
    [
        ({}, [0x12, 0x12, 0x12, 0x12]),
        ({"paper_near_end": True}, [0x12, 0x12, 0x12, 0x1E]),
        ({"paper_out": True}, [0x1A, 0x32, 0x12, 0x7E]),
        ({"cover_open": True}, [0x1A, 0x16, 0x12, 0x12]),
        ({"offline": True}, [0x1A, 0x12, 0x12, 0x12]),
        ({"cutter_error": True}, [0x1A, 0x52, 0x1A, 0x12]),
    ],
)
def test_dle_eot_answers(faults: dict[str, bool], expected: list[int]) -> None:
    printer = VirtualPrinter()
    printer.set_faults(**faults)
    assert answers(printer) == expected


def test_a_silent_printer_answers_nothing() -> None:
    printer = VirtualPrinter()
    printer.set_faults(silent=True)
    assert all(printer.receive(q) == b"" for q in DLE_EOT)
    with pytest.raises(AttributeError):
        printer.set_faults(no_such_fault=True)


def test_gs_r_is_answered_in_order_after_the_job() -> None:
    printer = VirtualPrinter()
    data = encode_document(receipt(), PrinterSettings())
    assert printer.receive(data + b"\x1dr\x01") == b"\x00"
    assert len(printer.printouts) == 1


def test_commands_split_across_reads_wait_for_their_rest() -> None:
    data = encode_document(receipt(), PrinterSettings())
    whole = Decoder()
    whole.feed(data)
    pieces = Decoder()
    for i in range(0, len(data), 7):
        pieces.feed(data[i : i + 7])
    assert pieces.pending == 0
    assert [p.text for p in pieces.finished] == [p.text for p in whole.finished]
    assert [p.qr_codes for p in pieces.finished] == [p.qr_codes for p in whole.finished]
    assert [p.images for p in pieces.finished] == [p.images for p in whole.finished]


def test_a_stopped_printer_holds_the_job_and_answers_in_real_time() -> None:
    printer = VirtualPrinter()
    printer.set_faults(cover_open=True)
    data = encode_document(receipt(), PrinterSettings())
    # GS r waits with the job; DLE EOT is answered at once, even from the middle of the data.
    reply = printer.receive(data[:100] + DLE_EOT[1] + data[100:] + b"\x1dr\x01")
    assert reply == b"\x16"
    assert printer.printouts == []
    printer.set_faults(cover_open=False)  # closed again: the job comes out
    assert len(printer.printouts) == 1


def test_clearing_the_buffers_drops_what_a_stopped_printer_holds() -> None:
    printer = VirtualPrinter()
    printer.set_faults(paper_out=True)
    printer.receive(encode_document(receipt(), PrinterSettings()))
    printer.receive(CLEAR_BUFFERS)
    printer.set_faults(paper_out=False)
    assert printer.printouts == []
    assert printer.clears == 1


def test_paper_runs_out_in_the_middle_of_a_job() -> None:
    printer = VirtualPrinter()
    printer.set_faults(paper_left_bytes=300)
    reply = printer.receive(encode_document(receipt(logo=False), PrinterSettings()) + b"\x1dr\x01")
    assert reply == b""  # the confirmation never comes
    assert printer.faults.paper_out
    assert printer.printouts == []
    assert "Gemeinde Musterstadt" in printer.current.text  # the top half came out
    assert printer.receive(DLE_EOT[3]) == b"\x7e"


def test_dle_enq_2_clears_only_after_a_recoverable_error() -> None:
    printer = VirtualPrinter()
    printer.set_faults(paper_out=True)
    printer.receive(encode_document(receipt(), PrinterSettings()))
    printer.receive(b"\x10\x05\x02")  # ignored on paper end, as Epson's models do
    printer.set_faults(paper_out=False)
    assert len(printer.printouts) == 1


def test_commands_with_long_parameters_are_skipped_whole() -> None:
    decoder = Decoder()
    # GS $ with 0x10 0x04 as its position must not read as DLE EOT; FS ( A must not print.
    events = decoder.feed(
        b"\x1b@\x1bt\x13\x1d$\x10\x04\x1c(A\x02\x000\x01\x10\x04\x07\x01x\n\x1dV\x00"
    )
    assert events == [StatusRequest("DLE EOT", 7)]
    [printout] = decoder.finished
    assert printout.text.strip() == "x"
