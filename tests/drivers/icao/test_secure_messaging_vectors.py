"""3DES secure messaging against ICAO 9303 Part 11 Appendix D.4 (fixed vectors)."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.card.icao.secure_messaging import SecureChannel, SecureMessagingError
from drivers.card.icao.tlv import TlvError, objects, read, tlv

H = bytes.fromhex
KS_ENC = H("979EC13B1CBFE9DCD01AB0FED307EAE5")
KS_MAC = H("F1CB1F1FB5ADF208806B89DC579DC1F8")
SSC = H("887022120C06C226")


def test_select_read_the_appendix_example() -> None:
    channel = SecureChannel(KS_ENC, KS_MAC, SSC)
    # SELECT EF.COM (file id 011E)
    assert channel.protect(0x00, 0xA4, 0x02, 0x0C, H("011E")) == H(
        "0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800"
    )
    answer = channel.unprotect(H("990290008E08FA855A5D4C50A8ED9000"))
    assert (answer.data, answer.sw) == (b"", 0x9000)
    # READ BINARY of the first four bytes
    assert channel.protect(0x00, 0xB0, 0x00, 0x00, le=4) == H(
        "0CB000000D9701048E08ED6705417E96BA5500"
    )
    answer = channel.unprotect(H("8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000"))
    assert (answer.data, answer.sw) == (H("60145F01"), 0x9000)
    assert channel.ssc == H("887022120C06C22A")


def test_a_forged_or_replayed_answer_is_refused() -> None:
    channel = SecureChannel(KS_ENC, KS_MAC, SSC)
    channel.protect(0x00, 0xA4, 0x02, 0x0C, H("011E"))
    forged = H("990290008E08FA855A5D4C50A8EE9000")
    with pytest.raises(SecureMessagingError):
        channel.unprotect(forged)
    replay = SecureChannel(KS_ENC, KS_MAC, SSC)
    replay.protect(0x00, 0xA4, 0x02, 0x0C, H("011E"))
    replay.unprotect(H("990290008E08FA855A5D4C50A8ED9000"))
    replay.protect(0x00, 0xA4, 0x02, 0x0C, H("011E"))
    with pytest.raises(SecureMessagingError):  # the same answer again: wrong counter
        replay.unprotect(H("990290008E08FA855A5D4C50A8ED9000"))


@settings(max_examples=400, deadline=None, database=None)
@given(st.binary(max_size=300))
def test_anything_the_chip_sends_is_an_answer_or_a_clear_error(noise: bytes) -> None:
    channel = SecureChannel(KS_ENC, KS_MAC, SSC)
    with contextlib.suppress(SecureMessagingError):
        channel.unprotect(noise)


@settings(max_examples=400, deadline=None, database=None)
@given(st.binary(max_size=300))
def test_tlv_parsing_never_crashes(noise: bytes) -> None:
    with contextlib.suppress(TlvError):
        list(objects(noise))


def test_tlv_lengths() -> None:
    for size in (0, 1, 127, 128, 255, 256, 70000):
        value = bytes(size)
        assert read(tlv(0x5F1F, value)) == (0x5F1F, value, len(tlv(0x5F1F, value)))
    with pytest.raises(TlvError):
        read(H("5F"))
    with pytest.raises(TlvError):
        read(H("0185"))
    with pytest.raises(TlvError):
        read(H("01820100"))
