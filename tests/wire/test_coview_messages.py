"""What the clerk's browser may send over the form co-view's data channel (wire/coview.py)."""

from __future__ import annotations

import json

import pytest

from wire.coview import (
    MAX_MESSAGE_BYTES,
    MAX_VALUE_CHARS,
    CoViewError,
    DocumentWanted,
    Ping,
    Suggestion,
    message,
    parse_from_clerk,
)


def test_a_suggestion_is_text_or_an_address() -> None:
    assert parse_from_clerk(message("suggest", key="location", value="Hauptstraße 5")) == (
        Suggestion("location", "Hauptstraße 5")
    )
    address = {"street": "Hauptstraße", "house_number": "5"}
    assert parse_from_clerk(message("suggest", key="address", value=address)).value == address
    assert parse_from_clerk(message("ping", t=12.5)) == Ping(12.5, answer=False)
    assert parse_from_clerk(message("pong", t=3)) == Ping(3.0, answer=True)
    assert parse_from_clerk(message("want_document")) == DocumentWanted()


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("[]", "not a message"),
        ("{", "not JSON"),
        (message("form", pages=[]), "a clerk sends"),
        (message("suggest", value="x"), "key"),
        (message("suggest", key="k" * 65, value="x"), "key"),
        (message("suggest", key="a", value=3), "not text or an address"),
        (message("suggest", key="a", value={}), "not text or an address"),
        (message("suggest", key="a", value={"street": 5}), "address part"),
        (message("suggest", key="a", value="x" * (MAX_VALUE_CHARS + 1)), "too long"),
        (message("suggest", key="a", value="a\x07b"), "control"),
        (message("ping", t="now"), "not a number"),
        (message("ping", t=True), "not a number"),
        ('{"type": "ping", "t": NaN}', "not a number"),
        (message("suggest", key="a", value="a\u0085b"), "control"),  # C1: a "next line"
        (message("suggest", key="a", value="\u202eevil"), "control"),  # bidi override
        ("[" * 5000, "not JSON"),  # nested deeper than the parser recurses
        (json.dumps({"type": "suggest", "key": "a", "value": "x" * MAX_MESSAGE_BYTES}), "large"),
    ],
)
def test_anything_else_is_refused_saying_why(body: str, says: str) -> None:
    with pytest.raises(CoViewError, match=says):
        parse_from_clerk(body)
