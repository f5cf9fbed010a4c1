"""Checking what a citizen typed: every problem code, the happy paths, and arbitrary text."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalogue.loader import load_catalogue
from catalogue.model import (
    ADDRESS_PARTS,
    Catalogue,
    Choice,
    Field,
    FieldKind,
    LocalText,
    TextFormat,
)
from catalogue.validation import (
    FieldProblem,
    FieldValue,
    Problem,
    check_field,
    is_empty,
    normalise,
    parse_date,
    parse_number,
)
from tests.support.configs import ROOT
from wire.api import MAX_ADDRESS_TEXT, MAX_FIELD_TEXT

TODAY = date(2025, 6, 15)
FAST = settings(max_examples=300, deadline=None, database=None)


@cache
def demo_catalogue() -> Catalogue:
    return load_catalogue(ROOT / "catalogues" / "musterstadt.yaml")


def spec(kind: FieldKind = FieldKind.TEXT, **options: Any) -> Field:
    return Field(key="f", kind=kind, label=LocalText.of(de="Feld", en="Field"), **options)


CHOICES = (Choice("home", LocalText.of(de="Zuhause")), Choice("other", LocalText.of(de="Andere")))
ADDRESS = {"street": "Heidestraße", "house_number": "17", "postcode": "51147", "city": "Köln"}
FIVE_YEARS = TODAY + timedelta(days=366 * 5)


def with_part(part: str, value: str) -> dict[str, str]:
    return {**ADDRESS, part: value}


# --- every problem code -------------------------------------------------------------------

# (id, field, value, the problem expected)
PROBLEMS: list[tuple[str, Field, FieldValue, FieldProblem]] = [
    ("required empty", spec(required=True), "", FieldProblem(Problem.REQUIRED)),
    ("required blank", spec(required=True), "   \t", FieldProblem(Problem.REQUIRED)),
    (
        "required address",
        spec(FieldKind.ADDRESS, required=True),
        {p: " " for p in ADDRESS_PARTS},
        FieldProblem(Problem.REQUIRED),
    ),
    ("parts for a text field", spec(), {"street": "Hauptstraße"}, FieldProblem(Problem.REQUIRED)),
    ("too short", spec(min_length=3), "ab", FieldProblem(Problem.TOO_SHORT, "3")),
    ("too long", spec(max_length=3), "abcd", FieldProblem(Problem.TOO_LONG, "3")),
    ("pattern", spec(pattern=r"[A-Z]{2}\d{4}"), "ab1234", FieldProblem(Problem.PATTERN)),
    ("not a number", spec(FieldKind.NUMBER), "zwei", FieldProblem(Problem.NOT_A_NUMBER)),
    ("nan", spec(FieldKind.NUMBER), "nan", FieldProblem(Problem.NOT_A_NUMBER)),
    ("thousands point", spec(FieldKind.NUMBER), "1.000,5", FieldProblem(Problem.NOT_A_NUMBER)),
    (
        "too small",
        spec(FieldKind.NUMBER, min_value=0.5),
        "0,4",
        FieldProblem(Problem.TOO_SMALL, "0.5"),
    ),
    (
        "too large",
        spec(FieldKind.NUMBER, max_value=8),
        "8,01",
        FieldProblem(Problem.TOO_LARGE, "8"),
    ),
    ("not a date", spec(FieldKind.DATE), "31.02.2024", FieldProblem(Problem.NOT_A_DATE)),
    ("date words", spec(FieldKind.DATE), "morgen", FieldProblem(Problem.NOT_A_DATE)),
    ("american date", spec(FieldKind.DATE), "12/24/2024", FieldProblem(Problem.NOT_A_DATE)),
    (
        "before 1900",
        spec(FieldKind.DATE),
        "31.12.1899",
        FieldProblem(Problem.DATE_TOO_EARLY, "01.01.1900"),
    ),
    (
        "beyond five years",
        spec(FieldKind.DATE),
        (FIVE_YEARS + timedelta(days=1)).isoformat(),
        FieldProblem(Problem.DATE_TOO_LATE, FIVE_YEARS.strftime("%d.%m.%Y")),
    ),
    (
        "before min_days",
        spec(FieldKind.DATE, min_days=7),
        (TODAY + timedelta(days=6)).strftime("%d.%m.%Y"),
        FieldProblem(Problem.DATE_TOO_EARLY, (TODAY + timedelta(days=7)).strftime("%d.%m.%Y")),
    ),
    (
        "after max_days",
        spec(FieldKind.DATE, max_days=-6570),
        (TODAY - timedelta(days=6569)).isoformat(),
        FieldProblem(Problem.DATE_TOO_LATE, (TODAY - timedelta(days=6570)).strftime("%d.%m.%Y")),
    ),
    (
        "email without domain",
        spec(FieldKind.EMAIL),
        "erika@example",
        FieldProblem(Problem.NOT_AN_EMAIL),
    ),
    (
        "email with space",
        spec(FieldKind.EMAIL),
        "erika mustermann@example.org",
        FieldProblem(Problem.NOT_AN_EMAIL),
    ),
    ("email two at", spec(FieldKind.EMAIL), "a@b@example.org", FieldProblem(Problem.NOT_AN_EMAIL)),
    ("phone too few digits", spec(FieldKind.PHONE), "12345", FieldProblem(Problem.NOT_A_PHONE)),
    ("phone letters", spec(FieldKind.PHONE), "0221 ABC DEF", FieldProblem(Problem.NOT_A_PHONE)),
    ("phone too many digits", spec(FieldKind.PHONE), "1" * 21, FieldProblem(Problem.NOT_A_PHONE)),
    (
        "postcode 00",
        spec(text_format=TextFormat.DE_POSTCODE),
        "00123",
        FieldProblem(Problem.NOT_A_POSTCODE),
    ),
    (
        "postcode four digits",
        spec(text_format=TextFormat.DE_POSTCODE),
        "5114",
        FieldProblem(Problem.NOT_A_POSTCODE),
    ),
    (
        "postcode letters",
        spec(text_format=TextFormat.DE_POSTCODE),
        "5114A",
        FieldProblem(Problem.NOT_A_POSTCODE),
    ),
    (
        "tracking with I and L",
        spec(text_format=TextFormat.TRACKING_NUMBER),
        "ABCD-EFGH-IL",
        FieldProblem(Problem.NOT_A_TRACKING_NUMBER),
    ),
    (
        "tracking too short",
        spec(text_format=TextFormat.TRACKING_NUMBER),
        "ABCD-EFGH-J",
        FieldProblem(Problem.NOT_A_TRACKING_NUMBER),
    ),
    (
        "tracking with spaces",
        spec(text_format=TextFormat.TRACKING_NUMBER),
        "ABCD EFGH JK",
        FieldProblem(Problem.NOT_A_TRACKING_NUMBER),
    ),
    (
        "not a choice",
        spec(FieldKind.CHOICE, choices=CHOICES),
        "work",
        FieldProblem(Problem.NOT_A_CHOICE),
    ),
    (
        "choice by label",
        spec(FieldKind.CHOICE, choices=CHOICES),
        "Zuhause",
        FieldProblem(Problem.NOT_A_CHOICE),
    ),
    ("yes/no in german", spec(FieldKind.YES_NO), "ja", FieldProblem(Problem.NOT_A_CHOICE)),
    (
        "address without city",
        spec(FieldKind.ADDRESS),
        with_part("city", ""),
        FieldProblem(Problem.ADDRESS_INCOMPLETE, part="city"),
    ),
    (
        "address without street",
        spec(FieldKind.ADDRESS),
        {"city": "Köln"},
        FieldProblem(Problem.ADDRESS_INCOMPLETE, part="street"),
    ),
    (
        "address as text",
        spec(FieldKind.ADDRESS),
        "Heidestraße 17, Köln",
        FieldProblem(Problem.ADDRESS_INCOMPLETE, part="street"),
    ),
    (
        "address postcode 00",
        spec(FieldKind.ADDRESS),
        with_part("postcode", "00999"),
        FieldProblem(Problem.NOT_A_POSTCODE, part="postcode"),
    ),
    # What the submission model allows (wire.api), whatever the catalogue says: the hub would
    # refuse the whole submission after the citizen has left.
    (
        "text beyond what a submission carries",
        spec(FieldKind.MULTILINE),
        "x" * (MAX_FIELD_TEXT + 1),
        FieldProblem(Problem.TOO_LONG, str(MAX_FIELD_TEXT)),
    ),
    (
        "number beyond what a submission carries",
        spec(FieldKind.NUMBER),
        "1" * (MAX_FIELD_TEXT + 1),
        FieldProblem(Problem.TOO_LONG, str(MAX_FIELD_TEXT)),
    ),
    (
        "address part beyond what a submission carries",
        spec(FieldKind.ADDRESS),
        with_part("street", "x" * (MAX_ADDRESS_TEXT + 1)),
        FieldProblem(Problem.TOO_LONG, str(MAX_ADDRESS_TEXT), part="street"),
    ),
    (
        "address postcode short",
        spec(FieldKind.ADDRESS),
        with_part("postcode", "511"),
        FieldProblem(Problem.NOT_A_POSTCODE, part="postcode"),
    ),
]


@pytest.mark.parametrize(
    ("field", "value", "expected"), [pytest.param(f, v, e, id=i) for i, f, v, e in PROBLEMS]
)
def test_problem(field: Field, value: FieldValue, expected: FieldProblem) -> None:
    assert check_field(field, value, TODAY) == expected


def test_every_problem_code_is_reachable() -> None:
    assert {expected.problem for _, _, _, expected in PROBLEMS} == set(Problem)


# --- the happy paths -------------------------------------------------------------------------

ACCEPTED: list[tuple[str, Field, FieldValue]] = [
    ("optional empty", spec(), ""),
    ("optional empty address", spec(FieldKind.ADDRESS), {}),
    ("optional missing", spec(FieldKind.DATE), "  "),
    ("text", spec(required=True, min_length=3, max_length=5), "  abc  "),
    ("pattern", spec(pattern=r"[A-Z]{2}\d{4}"), "AB1234"),
    ("german date", spec(FieldKind.DATE), "12.08.1983"),
    ("german date short", spec(FieldKind.DATE), "1.2.2000"),
    ("iso date", spec(FieldKind.DATE), "1983-08-12"),
    ("first of 1900", spec(FieldKind.DATE), "01.01.1900"),
    ("five years ahead", spec(FieldKind.DATE), FIVE_YEARS.isoformat()),
    (
        "min_days",
        spec(FieldKind.DATE, min_days=7, max_days=90),
        (TODAY + timedelta(days=7)).strftime("%d.%m.%Y"),
    ),
    (
        "max_days",
        spec(FieldKind.DATE, min_days=7, max_days=90),
        (TODAY + timedelta(days=90)).strftime("%d.%m.%Y"),
    ),
    (
        "adult",
        spec(FieldKind.DATE, min_days=-45000, max_days=-6570),
        (TODAY - timedelta(days=6570)).isoformat(),
    ),
    ("decimal comma", spec(FieldKind.NUMBER, min_value=0.5, max_value=8), "2,5"),
    ("decimal point", spec(FieldKind.NUMBER, min_value=0.5, max_value=8), "2.5"),
    ("whole number", spec(FieldKind.NUMBER, min_value=0.5, max_value=8), " 8 "),
    ("lower bound", spec(FieldKind.NUMBER, min_value=0.5, max_value=8), "0,5"),
    ("negative", spec(FieldKind.NUMBER), "-3,25"),
    ("email", spec(FieldKind.EMAIL), "erika.mustermann+terminal@example.org"),
    ("phone", spec(FieldKind.PHONE), "0221 123456"),
    ("phone international", spec(FieldKind.PHONE), "+49 (221) 123-456/7"),
    ("postcode", spec(text_format=TextFormat.DE_POSTCODE), "51147"),
    ("postcode 01", spec(text_format=TextFormat.DE_POSTCODE), "01067"),
    ("tracking", spec(text_format=TextFormat.TRACKING_NUMBER), "7K3M-Q9XD-2AF8"),
    ("tracking lower case", spec(text_format=TextFormat.TRACKING_NUMBER), "7k3m-q9xd-2af8"),
    ("tracking without dashes", spec(text_format=TextFormat.TRACKING_NUMBER), "7K3MQ9XD2AF8"),
    ("tracking one dash", spec(text_format=TextFormat.TRACKING_NUMBER), "7k3mq9xd-2af8"),
    ("choice", spec(FieldKind.CHOICE, choices=CHOICES), "other"),
    ("yes", spec(FieldKind.YES_NO), "yes"),
    ("no", spec(FieldKind.YES_NO, required=True), "no"),
    ("address", spec(FieldKind.ADDRESS, required=True), ADDRESS),
    ("address with spaces", spec(FieldKind.ADDRESS), {k: f" {v} " for k, v in ADDRESS.items()}),
]


@pytest.mark.parametrize(("field", "value"), [pytest.param(f, v, id=i) for i, f, v in ACCEPTED])
def test_accepted(field: Field, value: FieldValue) -> None:
    assert check_field(field, value, TODAY) is None


def test_missing_value_is_only_a_problem_when_required() -> None:
    assert check_field(spec(), None, TODAY) is None
    assert check_field(spec(required=True), None, TODAY) == FieldProblem(Problem.REQUIRED)


def test_is_empty() -> None:
    assert is_empty(None)
    assert is_empty(" \n")
    assert is_empty({"street": " ", "city": ""})
    assert not is_empty("x")
    assert not is_empty({"street": "", "city": "Köln"})


def test_parse_date_and_number() -> None:
    assert parse_date("12.08.1983") == date(1983, 8, 12)
    assert parse_date(" 1983-08-12 ") == date(1983, 8, 12)
    assert parse_date("29.02.2023") is None
    assert parse_date("1983-8-12") is None
    assert parse_date("12.08.83") is None
    assert parse_number("2,5") == 2.5
    assert parse_number(" -0,75 ") == -0.75
    assert parse_number("1.000,00") is None
    assert parse_number("") is None


# --- normalise ------------------------------------------------------------------------------


def test_normalise_turns_dates_into_iso() -> None:
    assert normalise(spec(FieldKind.DATE), " 12.08.1983 ") == "1983-08-12"
    assert normalise(spec(FieldKind.DATE), "1983-08-12") == "1983-08-12"
    assert normalise(spec(FieldKind.DATE), "  irgendwann ") == "irgendwann"


def test_normalise_trims_and_uppercases_tracking_numbers() -> None:
    assert normalise(spec(), "  Erika  ") == "Erika"
    assert normalise(spec(FieldKind.NUMBER), " 2,5 ") == "2,5"
    assert (
        normalise(spec(text_format=TextFormat.TRACKING_NUMBER), " 7k3m-q9xd-2af8 ")
        == "7K3M-Q9XD-2AF8"
    )
    assert normalise(spec(FieldKind.ADDRESS), {k: f" {v} " for k, v in ADDRESS.items()}) == ADDRESS


# --- arbitrary text ---------------------------------------------------------------------------

ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)
DATEISH = st.text(st.sampled_from("0123456789.-/ ,eE+"), max_size=14)


@FAST
@given(text=ANY_TEXT | DATEISH)
def test_parse_date_never_raises(text: str) -> None:
    assert parse_date(text) is None or isinstance(parse_date(text), date)


@FAST
@given(text=ANY_TEXT | DATEISH)
def test_parse_number_never_raises(text: str) -> None:
    result = parse_number(text)
    assert result is None or isinstance(result, float)


@FAST
@given(day=st.dates(min_value=date(1000, 1, 1)))
def test_german_and_iso_dates_round_trip(day: date) -> None:
    assert parse_date(day.strftime("%d.%m.%Y")) == day
    assert parse_date(f"{day.day}.{day.month}.{day.year}") == day
    assert parse_date(day.isoformat()) == day
    assert normalise(spec(FieldKind.DATE), day.strftime("%d.%m.%Y")) == day.isoformat()


@FAST
@given(whole=st.integers(-(10**9), 10**9), fraction=st.integers(0, 999))
def test_decimal_comma_round_trips(whole: int, fraction: int) -> None:
    # Numbers as citizens write them: digits and a decimal comma or point, no exponents.
    written = f"{whole}.{fraction:03d}"
    assert parse_number(written.replace(".", ",")) == float(written)
    assert parse_number(written) == float(written)


@FAST
@given(code=st.from_regex(r"[0-9]{5}", fullmatch=True))
def test_german_postcodes(code: str) -> None:
    problem = check_field(spec(text_format=TextFormat.DE_POSTCODE), code, TODAY)
    assert (problem is None) == (not code.startswith("00"))


def _all_demo_fields() -> list[Field]:
    return [f for s in demo_catalogue().services for f in s.fields()]


EXTRA_FIELDS = [
    spec(FieldKind.NUMBER),
    spec(FieldKind.DATE),
    spec(FieldKind.YES_NO, required=True),
    spec(pattern=r"(a|b)+c", min_length=2, max_length=9),
    spec(text_format=TextFormat.DE_POSTCODE, required=True),
]


@FAST
@given(
    field=st.sampled_from(_all_demo_fields() + EXTRA_FIELDS),
    text=ANY_TEXT | DATEISH,
    today=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
)
def test_check_field_never_raises_for_text(field: Field, text: str, today: date) -> None:
    result = check_field(field, text, today)
    assert result is None or isinstance(result.problem, Problem)
    if result is None and not is_empty(text):
        normalise(field, text)


@FAST
@given(
    field=st.sampled_from(_all_demo_fields() + EXTRA_FIELDS),
    parts=st.dictionaries(st.sampled_from([*ADDRESS_PARTS, "country"]), ANY_TEXT),
)
def test_check_field_never_raises_for_address_parts(field: Field, parts: dict[str, str]) -> None:
    result = check_field(field, parts, TODAY)
    assert result is None or isinstance(result.problem, Problem)


# --- found while testing ----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["inf", "-Infinity", "1_000"])
def test_only_numerals_are_numbers(text: str) -> None:
    # parse_number hands the text to float(), which also takes "inf", "infinity" and
    # underscores; a number field without bounds then accepts "inf" as the citizen's answer.
    assert check_field(spec(FieldKind.NUMBER), text, TODAY) == FieldProblem(Problem.NOT_A_NUMBER)
