"""MRZ check digits and the access key for BAC (ICAO 9303 Part 3 §4.9, Part 11 §4.3.2)."""

from __future__ import annotations

_WEIGHTS = (7, 3, 1)


def _value(char: str) -> int:
    if char.isdigit():
        return ord(char) - ord("0")
    if "A" <= char <= "Z":
        return ord(char) - ord("A") + 10
    if char == "<":
        return 0
    raise ValueError(f"not an MRZ character: {char!r}")


def check_digit(field: str) -> str:
    """The check digit of an MRZ field: weights 7, 3, 1 repeating, sum modulo 10."""
    total = sum(_value(c) * _WEIGHTS[i % 3] for i, c in enumerate(field))
    return str(total % 10)


def bac_key_input(document_number: str, date_of_birth: str, date_of_expiry: str) -> str:
    """The "MRZ information" that seeds BAC: each field followed by its check digit.

    Dates are YYMMDD. A document number shorter than 9 characters is padded with ``<``.
    """
    number = document_number.upper().ljust(9, "<")
    for date in (date_of_birth, date_of_expiry):
        if len(date) != 6 or not date.isdigit():
            raise ValueError("dates are six digits, YYMMDD")
    return (
        number
        + check_digit(number)
        + date_of_birth
        + check_digit(date_of_birth)
        + date_of_expiry
        + check_digit(date_of_expiry)
    )
