"""Tracking codes: random, readable, and read back however a citizen types them."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from catalogue.model import Field, FieldKind, LocalText, TextFormat
from catalogue.validation import check_field
from wire.tracking import (
    ALPHABET,
    new_tracking_code,
    normalise_tracking_code,
    tracking_digest,
)

TRACKING_FIELD = Field(
    "n", FieldKind.TEXT, LocalText.of(de="Nummer"), text_format=TextFormat.TRACKING_NUMBER
)


def test_codes_are_random_and_well_formed() -> None:
    codes = {new_tracking_code() for _ in range(2000)}
    assert len(codes) == 2000
    for code in codes:
        assert len(code) == 14 and code[4] == code[9] == "-"
        assert set(code.replace("-", "")) <= set(ALPHABET)
        assert normalise_tracking_code(code) == code
        # The terminal's own form check accepts what its receipts print.
        for typed in (code, code.lower(), code.replace("-", "")):
            assert check_field(TRACKING_FIELD, typed, date(2025, 1, 1)) is None
    # Every position uses the whole alphabet: 60 bits, not fewer.
    for position in range(14):
        if position in (4, 9):
            continue
        assert len({c[position] for c in codes}) == 32


def test_typing_variants() -> None:
    assert normalise_tracking_code(" 7k3m q9xd 2af8 ") == "7K3M-Q9XD-2AF8"
    assert normalise_tracking_code("7K3MQ9XD2AF8") == "7K3M-Q9XD-2AF8"
    # Copied from an e-mail (no-break spaces), autocorrected dashes, a keypad's minus sign.
    for typed in ("7K3M\u00a0Q9XD\u202f2AF8", "7k3m–q9xd—2af8", "7K3M\u2212Q9XD\u2010 2AF8\t"):
        assert normalise_tracking_code(typed) == "7K3M-Q9XD-2AF8", typed
    # Crockford: I and L read as 1, O as 0.
    assert normalise_tracking_code("7K3M-Q9XD-2AFO") == "7K3M-Q9XD-2AF0"
    assert normalise_tracking_code("IL00-0000-0000") == "1100-0000-0000"
    for bad in ("", "7K3M-Q9XD-2A", "7K3M-Q9XD-2AF8X", "7K3M-Q9XD-2AFU", "x" * 1000):
        assert normalise_tracking_code(bad) is None


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(max_size=80))
def test_anything_typed_is_a_code_or_none(text: str) -> None:
    code = normalise_tracking_code(text)
    assert code is None or normalise_tracking_code(code) == code


def test_the_hub_stores_a_digest_not_the_code() -> None:
    digest = tracking_digest("7K3M-Q9XD-2AF8")
    assert len(digest) == 64 and "7K3M" not in digest
    assert digest == tracking_digest("7K3M-Q9XD-2AF8") != tracking_digest("7K3M-Q9XD-2AF9")
