"""The transport rules every slot applies (ISO 7816-3/-4): 61xx and 6Cxx, against a scripted
card (a list of expected commands and its answers)."""

from __future__ import annotations

import pytest

from drivers.card.icao.apdu import ChipError, with_transport_rules


class Script:
    def __init__(self, *exchanges: tuple[str, str]) -> None:
        self.exchanges = [(bytes.fromhex(c), bytes.fromhex(a)) for c, a in exchanges]

    def __call__(self, apdu: bytes) -> bytes:
        expected, answer = self.exchanges.pop(0)
        assert apdu == expected, f"sent {apdu.hex()}, expected {expected.hex()}"
        return answer


def test_61xx_is_fetched_with_get_response_until_done() -> None:
    card = Script(
        ("00B0000000", "6104"),
        ("00C0000004", "AABBCCDD6102"),
        ("00C0000002", "EEFF9000"),
    )
    assert with_transport_rules(card)(bytes.fromhex("00B0000000")) == bytes.fromhex(
        "AABBCCDDEEFF9000"
    )
    assert not card.exchanges


@pytest.mark.parametrize(
    ("command", "again"),
    [
        ("00B09E0008", "00B09E0003"),  # case 2: Le only
        ("0CB09E000D970100" + "8E08" + "00" * 8 + "00", None),  # case 4: Le last
    ],
)
def test_6cxx_sends_the_command_again_with_that_le(command: str, again: str | None) -> None:
    retry = again or command[:-2] + "03"
    card = Script((command, "6C03"), (retry, "0102039000"))
    assert with_transport_rules(card)(bytes.fromhex(command)) == bytes.fromhex("0102039000")


def test_6cxx_to_a_command_without_le_is_passed_up() -> None:
    card = Script(("00A4020C020101", "6C03"))
    assert with_transport_rules(card)(bytes.fromhex("00A4020C020101")) == bytes.fromhex("6C03")


def test_a_chip_that_never_stops_announcing_more_is_not_believed() -> None:
    def endless(apdu: bytes) -> bytes:
        return b"\x00\x61\x01"

    with pytest.raises(ChipError):
        with_transport_rules(endless)(bytes.fromhex("00B0000000"))
