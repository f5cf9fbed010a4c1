"""The access data the citizen types: checked before the chip is asked."""

from __future__ import annotations

import pytest

from drivers.card.emrtd import CanAccess, MrzAccess
from kiosk.identify import AccessKind, AccessProblem, parse_access


def test_can() -> None:
    assert parse_access(AccessKind.CAN, {"can": " 123 456 "}) == CanAccess("123456")
    for typed in ("", "12345", "1234567", "12a456"):
        assert parse_access(AccessKind.CAN, {"can": typed}) is AccessProblem.CAN_FORMAT


def test_digits_from_an_arabic_keypad_open_the_chip_as_printed() -> None:
    # The Arabic keyboard's number pad types Arabic-Indic digits (U+0660-0669).
    assert parse_access(AccessKind.CAN, {"can": "١٢٣ ٤٥٦"}) == CanAccess("123456")
    # Other digits \d would take (Devanagari) are not the document's.
    assert parse_access(AccessKind.CAN, {"can": "१२३४५६"}) is AccessProblem.CAN_FORMAT
    mrz = {"document_number": "C01X00T47", "date_of_birth": "١٢.٠٨.١٩٦٤", "expiry": "٣١.١٠.٢٠٣٠"}
    assert parse_access(AccessKind.MRZ, mrz) == MrzAccess("C01X00T47", "640812", "301031")


def test_mrz_values_as_printed_on_the_card() -> None:
    typed = {"document_number": "l898902c3", "date_of_birth": "12.08.1974", "expiry": "15.4.2034"}
    assert parse_access(AccessKind.MRZ, typed) == MrzAccess("L898902C3", "740812", "340415")
    # The letter O is never part of a document number's check: read as the digit 0.
    assert parse_access(AccessKind.MRZ, {**typed, "document_number": "T22OOO129"}) == MrzAccess(
        "T22000129", "740812", "340415"
    )


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"document_number": ""}, AccessProblem.NUMBER_FORMAT),
        ({"document_number": "ABCDEFGHIJ"}, AccessProblem.NUMBER_FORMAT),
        ({"document_number": "L89-902"}, AccessProblem.NUMBER_FORMAT),
        ({"date_of_birth": "31.02.1974"}, AccessProblem.BIRTH_FORMAT),
        ({"date_of_birth": "1974-08-12"}, AccessProblem.BIRTH_FORMAT),
        ({"expiry": ""}, AccessProblem.EXPIRY_FORMAT),
    ],
)
def test_mrz_mistakes_the_terminal_can_see(change: dict[str, str], problem: AccessProblem) -> None:
    typed = {"document_number": "L898902C3", "date_of_birth": "12.08.1974", "expiry": "15.04.2034"}
    assert parse_access(AccessKind.MRZ, {**typed, **change}) is problem
