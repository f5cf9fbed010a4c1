"""E-mail addresses in submissions: what a receipt may be sent to."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wire.submission import is_email


@pytest.mark.parametrize(
    "address", ["erika@example.org", "e.m+kiosk@gemeinde-musterstadt.de", "x@a.b.c.example"]
)
def test_addresses(address: str) -> None:
    assert is_email(address)


@pytest.mark.parametrize(
    "address",
    ["", "erika", "@example.org", "erika@", "erika@example", "a b@example.org",
     "erika@example.org\r\nBcc: x@y.org", "erika@@example.org", "a" * 65 + "@example.org",
     "erika@example.org\x00", "erika@.org", "erika@example..org"],
)  # fmt: skip
def test_not_addresses(address: str) -> None:
    assert not is_email(address)


@given(st.text())
def test_nothing_with_a_control_character_or_space_passes(text: str) -> None:
    if is_email(text):
        assert not any(c.isspace() or ord(c) < 0x20 or c == "\x7f" for c in text)
        assert text.count("@") == 1
