"""The access data the citizen types: checked before the chip is asked."""

from __future__ import annotations

import pytest

from drivers.card.emrtd import CanAccess, MrzAccess
from kiosk.identify import AccessKind, AccessProblem, parse_access


def test_can() -> None:
    assert parse_access(AccessKind.CAN, {"can": " 123 456 "}) == CanAccess("123456")
    for typed in ("", "12345", "1234567", "12a456"):
        assert parse_access(AccessKind.CAN, {"can": typed}) is AccessProblem.CAN_FORMAT


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
