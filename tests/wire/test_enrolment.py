"""The enrolment code and invitation (wire/enrolment.py): typed as people type, refused when
they are not ours."""

from __future__ import annotations

import pytest

from wire.enrolment import (
    CODE_LENGTH,
    Invitation,
    InvitationError,
    new_code,
    normalise_code,
    parse_invitation,
    shown,
)

FINGERPRINT = "ab" * 32


def test_a_code_reads_in_groups_and_survives_how_people_type_it() -> None:
    code = new_code()
    assert len(code) == CODE_LENGTH and normalise_code(code) == code
    assert shown("K7QM2XDF9PRW") == "K7QM-2XDF-9PRW"
    assert normalise_code(" k7qm-2xdf 9prw ") == "K7QM2XDF9PRW"
    assert normalise_code("K7QM-2XDF-9PRO") == "K7QM2XDF9PR0"  # O is a zero
    assert normalise_code("IL00-0000-0000") == "110000000000"  # I and L are ones
    for wrong in ("", "K7QM-2XDF", "K7QM-2XDF-9PRW-1", "K7QM-2XDF-9PRU", "K7QM-2XDF-9PR!"):
        assert normalise_code(wrong) is None


def test_an_invitation_goes_round_as_its_text() -> None:
    invitation = Invitation("https://hub.example:8443", "K7QM2XDF9PRW", FINGERPRINT)
    assert parse_invitation(invitation.text()) == invitation


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("https://example.org/enrol", "not a Point of Public"),
        (f"POP-ENROL:1;hub=http://hub.example;code=K7QM2XDF9PRW;ca={FINGERPRINT}", "https://"),
        (f"POP-ENROL:1;hub=https://;code=K7QM2XDF9PRW;ca={FINGERPRINT}", "https://"),
        (f"POP-ENROL:1;hub=https://hub.example;code=K7QM;ca={FINGERPRINT}", "not a valid code"),
        ("POP-ENROL:1;hub=https://hub.example;code=K7QM2XDF9PRW;ca=abc", "fingerprint"),
        ("POP-ENROL:1;hub=https://hub.example;code=K7QM2XDF9PRW", "fingerprint"),
    ],
)
def test_what_is_not_an_invitation_is_refused_saying_why(text: str, says: str) -> None:
    with pytest.raises(InvitationError, match=says):
        parse_invitation(text)
