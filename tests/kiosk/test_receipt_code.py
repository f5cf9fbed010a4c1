"""Only this terminal's receipts: the QR code must be exactly the status address with a
well-formed tracking number; anything else is refused (never opened)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.receipt_code import tracking_from_qr
from wire.tracking import new_tracking_code

URL = "https://status.musterstadt.example/antrag/{tracking}"


def test_a_receipt_s_code_gives_its_tracking_number() -> None:
    code = new_tracking_code()
    assert tracking_from_qr(URL.format(tracking=code), URL) == code


def test_a_template_with_text_after_the_number_works_too() -> None:
    url = "https://status.example/?code={tracking}&lang=de"
    code = new_tracking_code()
    assert tracking_from_qr(url.format(tracking=code), url) == code


@pytest.mark.parametrize(
    "text",
    [
        "https://evil.example/antrag/7K3M-Q9XD-2AF8",  # another host
        "https://status.musterstadt.example/antrag/7K3M-Q9XD-2AF",  # too short
        "https://status.musterstadt.example/antrag/7k3m-q9xd-2af8",  # not as printed
        "https://status.musterstadt.example/antrag/7K3M-Q9XD-2AF8/../../admin",
        "https://status.musterstadt.example/antrag/7K3M-Q9XD-2AF8?x=1",
        "BCD\n002\n1\nSCT\nBIC\nName\nDE89370400440532013000\nEUR12.34",  # a payment code
        "7K3M-Q9XD-2AF8",  # the bare number (not a receipt's code)
        "",
        "https://status.musterstadt.example/antrag/" + "A" * 600,
    ],
)
def test_anything_else_is_refused(text: str) -> None:
    assert tracking_from_qr(text, URL) is None


@given(st.text(max_size=200))
def test_no_text_is_ever_taken_for_a_receipt_unless_it_is_one(text: str) -> None:
    code = tracking_from_qr(text, URL)
    assert code is None or URL.format(tracking=code) == text


def test_a_status_address_with_braces_still_reads_its_receipts() -> None:
    url = "https://status.example/{{v1}}/{tracking}"  # str.format: "{{" prints as "{"
    code = new_tracking_code()
    assert tracking_from_qr(url.format(tracking=code), url) == code
    assert tracking_from_qr("https://status.example/{{v1}}/" + code, url) is None
