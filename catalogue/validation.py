"""Checking what a citizen typed against a catalogue field.

The result is a :class:`FieldProblem`: an enum code plus the numbers it needs. The wording is the
UI's job (it must be translatable with Qt's tooling), so nothing here builds sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from catalogue.model import ADDRESS_PARTS, Field, FieldKind, TextFormat
from wire.api import MAX_ADDRESS_TEXT, MAX_FIELD_TEXT
from wire.tracking import normalise_tracking_code

#: A form value: text for every field kind, the parts of a postal address for ``address``.
FieldValue = str | dict[str, str]


class Problem(StrEnum):
    REQUIRED = "required"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    PATTERN = "pattern"
    NOT_A_NUMBER = "not_a_number"
    TOO_SMALL = "too_small"
    TOO_LARGE = "too_large"
    NOT_A_DATE = "not_a_date"
    DATE_TOO_EARLY = "date_too_early"
    DATE_TOO_LATE = "date_too_late"
    NOT_AN_EMAIL = "not_an_email"
    NOT_A_PHONE = "not_a_phone"
    NOT_A_POSTCODE = "not_a_postcode"
    NOT_A_TRACKING_NUMBER = "not_a_tracking_number"
    NOT_A_CHOICE = "not_a_choice"
    ADDRESS_INCOMPLETE = "address_incomplete"


@dataclass(frozen=True)
class FieldProblem:
    problem: Problem
    #: Numbers or dates the message needs ("at least {limit} characters").
    limit: str = ""
    #: For an address: which part is wrong.
    part: str = ""
    extra: dict[str, str] = field(default_factory=dict)


_NUMBER = re.compile(r"^[+-]?[0-9]+([.,][0-9]+)?$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")
# Digits with the usual separators, optionally international; 6 to 20 digits in all.
_PHONE = re.compile(r"^\+?[0-9 ()/-]{6,25}$")
_POSTCODE = re.compile(r"^(?!00)[0-9]{5}$")


def parse_date(text: str) -> date | None:
    """Accept the German ``TT.MM.JJJJ`` and ISO ``JJJJ-MM-TT``."""
    text = text.strip()
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
    try:
        if m:
            return date(int(m[3]), int(m[2]), int(m[1]))
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    return None


def parse_number(text: str) -> float | None:
    """German decimal comma or point; no thousands separators."""
    text = text.strip()
    if not _NUMBER.match(text):  # float() would also take "inf", "nan" and "1_000"
        return None
    return float(text.replace(",", "."))


def is_empty(value: FieldValue | None) -> bool:
    if value is None:
        return True
    if isinstance(value, dict):
        return not any(v.strip() for v in value.values())
    return not value.strip()


def check_field(spec: Field, value: FieldValue | None, today: date) -> FieldProblem | None:
    """The first problem with ``value`` for ``spec``, or ``None`` if it is acceptable."""
    if is_empty(value):
        return FieldProblem(Problem.REQUIRED) if spec.required else None
    assert value is not None
    if spec.kind is FieldKind.ADDRESS:
        return _check_address(value if isinstance(value, dict) else {})
    if isinstance(value, dict):
        return FieldProblem(Problem.REQUIRED)
    text = value.strip()
    if len(text) > MAX_FIELD_TEXT:
        # Whatever the field's kind and bounds: no value is longer than a submission may
        # carry, or the hub would refuse the whole submission, after the citizen has left.
        return FieldProblem(Problem.TOO_LONG, str(MAX_FIELD_TEXT))
    kind = spec.kind
    if kind is FieldKind.NUMBER:
        return _check_number(spec, text)
    if kind is FieldKind.DATE:
        return _check_date(spec, text, today)
    if kind is FieldKind.CHOICE:
        allowed = {c.value for c in spec.choices}
        return None if text in allowed else FieldProblem(Problem.NOT_A_CHOICE)
    if kind is FieldKind.YES_NO:
        return None if text in ("yes", "no") else FieldProblem(Problem.NOT_A_CHOICE)
    if kind is FieldKind.EMAIL and not _EMAIL.match(text):
        return FieldProblem(Problem.NOT_AN_EMAIL)
    if kind is FieldKind.PHONE and (
        not _PHONE.match(text) or not 6 <= sum(ch.isdigit() for ch in text) <= 20
    ):
        return FieldProblem(Problem.NOT_A_PHONE)
    if spec.min_length is not None and len(text) < spec.min_length:
        return FieldProblem(Problem.TOO_SHORT, str(spec.min_length))
    if spec.max_length is not None and len(text) > spec.max_length:
        return FieldProblem(Problem.TOO_LONG, str(spec.max_length))
    if spec.text_format is TextFormat.DE_POSTCODE and not _POSTCODE.match(text):
        return FieldProblem(Problem.NOT_A_POSTCODE)
    if spec.text_format is TextFormat.TRACKING_NUMBER and normalise_tracking_code(text) is None:
        return FieldProblem(Problem.NOT_A_TRACKING_NUMBER)
    if spec.pattern is not None and not re.fullmatch(spec.pattern, text):
        return FieldProblem(Problem.PATTERN)
    return None


def _check_number(spec: Field, text: str) -> FieldProblem | None:
    number = parse_number(text)
    if number is None or number != number:  # NaN is not a number a citizen means
        return FieldProblem(Problem.NOT_A_NUMBER)
    if spec.min_value is not None and number < spec.min_value:
        return FieldProblem(Problem.TOO_SMALL, f"{spec.min_value:g}")
    if spec.max_value is not None and number > spec.max_value:
        return FieldProblem(Problem.TOO_LARGE, f"{spec.max_value:g}")
    return None


def _check_date(spec: Field, text: str, today: date) -> FieldProblem | None:
    day = parse_date(text)
    if day is None:
        return FieldProblem(Problem.NOT_A_DATE)
    # Without explicit bounds a date must still be plausible: no one was born before 1900 and
    # no appointment is booked a century ahead.
    low = today + timedelta(days=spec.min_days) if spec.min_days is not None else date(1900, 1, 1)
    high = (
        today + timedelta(days=spec.max_days)
        if spec.max_days is not None
        else today + timedelta(days=366 * 5)
    )
    if day < low:
        return FieldProblem(Problem.DATE_TOO_EARLY, low.strftime("%d.%m.%Y"))
    if day > high:
        return FieldProblem(Problem.DATE_TOO_LATE, high.strftime("%d.%m.%Y"))
    return None


def _check_address(parts: dict[str, str]) -> FieldProblem | None:
    for part in ADDRESS_PARTS:
        if not parts.get(part, "").strip():
            return FieldProblem(Problem.ADDRESS_INCOMPLETE, part=part)
        if len(parts[part].strip()) > MAX_ADDRESS_TEXT:
            return FieldProblem(Problem.TOO_LONG, str(MAX_ADDRESS_TEXT), part=part)
    if not _POSTCODE.match(parts["postcode"].strip()):
        return FieldProblem(Problem.NOT_A_POSTCODE, part="postcode")
    return None


def normalise(spec: Field, value: FieldValue) -> FieldValue:
    """The value as it goes into the submission: trimmed, dates in ISO form."""
    if isinstance(value, dict):
        return {k: v.strip() for k, v in value.items()}
    text = value.strip()
    if spec.kind is FieldKind.DATE:
        day = parse_date(text)
        return day.isoformat() if day else text
    if spec.text_format is TextFormat.TRACKING_NUMBER:
        return normalise_tracking_code(text) or text.upper()
    return text
