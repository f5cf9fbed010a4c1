"""EF.COM and DG1 from bytes as a chip stores them; malformed files give clear errors."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.card.icao.lds import LdsError, parse_com, parse_dg1
from drivers.card.icao.tlv import tlv
from tests.drivers.icao.test_mrz import TD1, TD3


def test_ef_com() -> None:
    com = tlv(
        0x60, tlv(0x5F01, b"0107") + tlv(0x5F36, b"040000") + tlv(0x5C, bytes([0x61, 0x75, 0x6B]))
    )
    parsed = parse_com(com)
    assert parsed.lds_version == "0107" and parsed.unicode_version == "040000"
    assert parsed.data_groups == (1, 2, 11)


def test_dg1_td3_and_td1() -> None:
    for text, number in ((TD3, "L898902C3"), (TD1, "D23145890")):
        dg1 = tlv(0x61, tlv(0x5F1F, text.replace("\n", "").encode()))
        assert parse_dg1(dg1).document_number == number


@pytest.mark.parametrize(
    "data",
    [
        b"",
        tlv(0x60, b""),
        tlv(0x61, tlv(0x5F1F, b"TOO SHORT")),
        tlv(0x61, tlv(0x5F1F, b"\xff" * 88)),
        tlv(0x61, b"\x5f\x1f\x85"),
        tlv(0x61, tlv(0x5F1F, TD3.replace("\n", "").encode())) + b"trailing",
    ],
)
def test_malformed_dg1(data: bytes) -> None:
    with pytest.raises(LdsError):
        parse_dg1(data)


def test_ef_com_with_an_unknown_group() -> None:
    with pytest.raises(LdsError):
        parse_com(tlv(0x60, tlv(0x5C, b"\x99")))


@settings(max_examples=400, deadline=None, database=None)
@given(st.binary(max_size=200))
def test_any_bytes_are_a_file_or_a_clear_error(noise: bytes) -> None:
    for parse in (parse_com, parse_dg1):
        with contextlib.suppress(LdsError):
            parse(noise)
    with contextlib.suppress(LdsError):
        parse_dg1(tlv(0x61, tlv(0x5F1F, noise)))


def test_dg11_and_dg12() -> None:
    from drivers.card.icao.lds import parse_dg11, parse_dg12

    dg11 = tlv(
        0x6B,
        tlv(0x5C, b"\x5f\x0e\x5f\x2b\x5f\x11\x5f\x42")
        + tlv(0x5F0E, b"MUSTERMANN<<ERIKA<GABRIELE")
        + tlv(0x5F2B, b"19830812")
        + tlv(0x5F11, "KÖLN".encode())
        + tlv(0x5F42, "HEIDESTRASSE 17<51147 KÖLN<D".encode()),
    )
    details = parse_dg11(dg11)
    assert details.full_name == "MUSTERMANN, ERIKA GABRIELE"
    assert details.date_of_birth == "19830812"
    assert details.place_of_birth == "KÖLN"
    assert details.address == ("HEIDESTRASSE 17", "51147 KÖLN", "D")
    dg12 = tlv(0x6C, tlv(0x5F19, "STADT KÖLN".encode()) + tlv(0x5F26, b"20211101"))
    issued = parse_dg12(dg12)
    assert (issued.issuing_authority, issued.date_of_issue) == ("STADT KÖLN", "20211101")
    for broken in (b"", tlv(0x6B, b"\x5f"), tlv(0x61, b"")):
        with pytest.raises(LdsError):
            parse_dg11(broken)
