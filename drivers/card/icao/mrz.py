"""MRZ check digits and the access key for BAC (ICAO 9303 Part 3 §4.9, Part 11 §4.3.2)."""

from __future__ import annotations

from dataclasses import dataclass

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


class MrzError(ValueError):
    """The MRZ is not well-formed or a check digit does not match; the message says which."""


@dataclass(frozen=True)
class Mrz:
    """The machine-readable zone of a TD1 (ID card) or TD3 (passport) document."""

    format: str  # "TD1" or "TD3"
    document_code: str
    issuing_state: str
    document_number: str
    date_of_birth: str  # YYMMDD as printed
    sex: str  # "M", "F" or "<" (unspecified)
    date_of_expiry: str  # YYMMDD
    nationality: str
    family_name: str
    given_names: tuple[str, ...]
    optional_data: str

    @property
    def bac_key_input(self) -> str:
        return bac_key_input(self.document_number, self.date_of_birth, self.date_of_expiry)


_ALLOWED = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")


def _checked(field: str, digit: str, what: str) -> str:
    if check_digit(field) != digit:
        raise MrzError(f"check digit of the {what} does not match")
    return field


def _names(field: str) -> tuple[str, tuple[str, ...]]:
    """``ERIKSSON<<ANNA<MARIA<<<`` → ("ERIKSSON", ("ANNA", "MARIA")); fillers become spaces."""
    primary, _, secondary = field.rstrip("<").partition("<<")
    family = primary.replace("<", " ").strip()
    given = tuple(g for g in (n.strip() for n in secondary.split("<")) if g)
    return family, given


def parse_mrz(text: str) -> Mrz:
    """Parse a TD1 (3 × 30) or TD3 (2 × 44) MRZ, verifying every check digit."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    joined = "".join(lines)
    if set(joined) - _ALLOWED:
        raise MrzError("the MRZ contains characters that are not allowed")
    if len(lines) == 2 and all(len(line) == 44 for line in lines):
        return _td3(*lines)
    if len(lines) == 3 and all(len(line) == 30 for line in lines):
        return _td1(*lines)
    raise MrzError("not a TD1 (3 lines of 30) or TD3 (2 lines of 44) MRZ")


def _td3(first: str, second: str) -> Mrz:
    number = _checked(second[0:9], second[9], "document number")
    birth = _checked(second[13:19], second[19], "date of birth")
    expiry = _checked(second[21:27], second[27], "date of expiry")
    optional = second[28:42]
    if optional.strip("<") and check_digit(optional) != second[42]:
        raise MrzError("check digit of the personal number does not match")
    composite = second[0:10] + second[13:20] + second[21:43]
    _checked(composite, second[43], "whole line")
    family, given = _names(first[5:44])
    return Mrz(
        "TD3",
        first[0:2].rstrip("<"),
        first[2:5],
        number.rstrip("<"),
        birth,
        second[20],
        expiry,
        second[10:13],
        family,
        given,
        optional.rstrip("<"),
    )


def _td1(first: str, second: str, third: str) -> Mrz:
    number, optional1 = first[5:14], first[15:30]
    if first[14] == "<" and optional1.strip("<"):
        # A long document number continues in the optional data, its check digit after it.
        rest = optional1.rstrip("<").partition("<")[0]
        full, digit = number + rest[:-1], rest[-1:]
        _checked(full, digit, "document number")
        number = full
    else:
        _checked(number, first[14], "document number")
    birth = _checked(second[0:6], second[6], "date of birth")
    expiry = _checked(second[8:14], second[14], "date of expiry")
    composite = first[5:30] + second[0:7] + second[8:15] + second[18:29]
    _checked(composite, second[29], "whole zone")
    family, given = _names(third)
    return Mrz(
        "TD1",
        first[0:2].rstrip("<"),
        first[2:5],
        number.rstrip("<"),
        birth,
        second[7],
        expiry,
        second[15:18],
        family,
        given,
        (optional1 + second[18:29]).strip("<"),
    )


def format_td3(
    *,
    issuing_state: str,
    family_name: str,
    given_names: tuple[str, ...],
    document_number: str,
    nationality: str,
    date_of_birth: str,
    sex: str,
    date_of_expiry: str,
    optional_data: str = "",
    document_code: str = "P",
) -> str:
    """The two 44-character lines a passport's data page prints (ICAO 9303 Part 4), with every
    check digit: the simulator's specimens and the MRZ reader's tests are made from it."""

    def field(text: str, length: int) -> str:
        clean = "".join(c if c.isalnum() else "<" for c in text.upper())
        return clean[:length].ljust(length, "<")

    names = field(family_name, 39)
    if given_names:
        names = field(family_name + "<<" + "<".join(given_names), 39)
    first = field(document_code, 2) + field(issuing_state, 3) + names
    number = field(document_number, 9)
    optional = field(optional_data, 14)
    optional_digit = check_digit(optional) if optional.strip("<") else "<"
    second = (
        number
        + check_digit(number)
        + field(nationality, 3)
        + date_of_birth
        + check_digit(date_of_birth)
        + field(sex, 1)
        + date_of_expiry
        + check_digit(date_of_expiry)
        + optional
        + optional_digit
    )
    composite = second[0:10] + second[13:20] + second[21:43]
    return first + "\n" + second + check_digit(composite)
