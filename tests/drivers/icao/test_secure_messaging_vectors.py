"""3DES secure messaging against ICAO 9303 Part 11 Appendix D.4 (fixed vectors)."""

from __future__ import annotations

import contextlib

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.card.icao.crypto import pad
from drivers.card.icao.secure_messaging import (
    AesSuite,
    ChipChannel,
    SecureChannel,
    SecureMessagingError,
    TripleDesSuite,
)
from drivers.card.icao.tlv import TlvError, objects, read, tlv

H = bytes.fromhex
KS_ENC = H("979EC13B1CBFE9DCD01AB0FED307EAE5")
KS_MAC = H("F1CB1F1FB5ADF208806B89DC579DC1F8")
SSC = H("887022120C06C226")


def test_select_read_the_appendix_example() -> None:
    channel = SecureChannel.tdes(KS_ENC, KS_MAC, SSC)
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
    channel = SecureChannel.tdes(KS_ENC, KS_MAC, SSC)
    channel.protect(0x00, 0xA4, 0x02, 0x0C, H("011E"))
    forged = H("990290008E08FA855A5D4C50A8EE9000")
    with pytest.raises(SecureMessagingError):
        channel.unprotect(forged)
    replay = SecureChannel.tdes(KS_ENC, KS_MAC, SSC)
    replay.protect(0x00, 0xA4, 0x02, 0x0C, H("011E"))
    replay.unprotect(H("990290008E08FA855A5D4C50A8ED9000"))
    replay.protect(0x00, 0xA4, 0x02, 0x0C, H("011E"))
    with pytest.raises(SecureMessagingError):  # the same answer again: wrong counter
        replay.unprotect(H("990290008E08FA855A5D4C50A8ED9000"))


@settings(max_examples=400, deadline=None, database=None)
@given(st.binary(max_size=300))
def test_anything_the_chip_sends_is_an_answer_or_a_clear_error(noise: bytes) -> None:
    channel = SecureChannel.tdes(KS_ENC, KS_MAC, SSC)
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


def test_the_chip_side_against_the_appendix_example() -> None:
    chip = ChipChannel(TripleDesSuite(KS_ENC, KS_MAC), SSC)
    select = chip.open_command(H("0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800"))
    assert (select.cla, select.ins, select.p1, select.p2, select.data) == (
        0,
        0xA4,
        2,
        0x0C,
        H("011E"),
    )
    assert chip.protect_response(b"", 0x9000) == H("990290008E08FA855A5D4C50A8ED9000")
    read_binary = chip.open_command(H("0CB000000D9701048E08ED6705417E96BA5500"))
    assert (read_binary.ins, read_binary.le, read_binary.data) == (0xB0, 4, b"")
    assert chip.protect_response(H("60145F01"), 0x9000) == H(
        "8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000"
    )


def test_a_forged_command_is_refused_by_the_chip() -> None:
    chip = ChipChannel(TripleDesSuite(KS_ENC, KS_MAC), SSC)
    with pytest.raises(SecureMessagingError):
        chip.open_command(H("0CA4020C158709016375432908C044F68E08BF8B92D635FF25F800"))
    with pytest.raises(SecureMessagingError):
        chip.open_command(H("00A4020C02011E"))  # plain command inside a session


@pytest.mark.parametrize("le", [None, 1, 224, 256, 1000, 65536])
@pytest.mark.parametrize("data", [b"", b"\x01\x1e", bytes(range(250))])
def test_aes_both_sides_agree(le: int | None, data: bytes) -> None:
    ks_enc, ks_mac = H("F5F0E35C0D7161EE6724EE513A0D9A7F"), H("FE251C7858B356B24514B3BD5F4297D1")
    terminal = SecureChannel.aes(ks_enc, ks_mac)
    chip = ChipChannel(AesSuite(ks_enc, ks_mac), bytes(16))
    for _ in range(3):
        command = chip.open_command(terminal.protect(0x00, 0xB0, 0x81, 0x00, data, le))
        assert (command.ins, command.p1, command.data, command.le) == (0xB0, 0x81, data, le)
        answer = terminal.unprotect(chip.protect_response(bytes(reversed(data)), 0x9000))
        assert (answer.data, answer.sw) == (bytes(reversed(data)), 0x9000)
    assert terminal.ssc == bytes(15) + b"\x06"


def test_aes_iv_is_the_encrypted_counter() -> None:
    # §9.8.6.1: with AES the IV is E(KS_enc, SSC); a zero IV would give another ciphertext.
    suite = AesSuite(bytes(16), bytes(16))
    ssc = bytes(15) + b"\x01"
    block = pad(b"\x01\x1e", 16)
    iv = Cipher(algorithms.AES(bytes(16)), modes.ECB()).encryptor().update(ssc)
    plain_xor = bytes(a ^ b for a, b in zip(block, iv, strict=True))
    expected = Cipher(algorithms.AES(bytes(16)), modes.ECB()).encryptor().update(plain_xor)
    assert suite.encrypt(ssc, block) == expected


@settings(max_examples=400, deadline=None, database=None)
@given(st.binary(max_size=300))
def test_anything_a_terminal_sends_is_a_command_or_a_clear_error(noise: bytes) -> None:
    chip = ChipChannel(AesSuite(bytes(16), bytes(16)), bytes(16))
    with contextlib.suppress(SecureMessagingError):
        chip.open_command(noise)
