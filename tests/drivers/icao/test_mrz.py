"""MRZ parsing: the ICAO specimens (TD3 passport, TD1 ID card), check digits, hostile text."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.card.icao.mrz import MrzError, check_digit, parse_mrz

TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
TD1 = (
    "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"
)


def test_td3_passport_specimen() -> None:
    mrz = parse_mrz(TD3)
    assert mrz.format == "TD3" and mrz.document_code == "P"
    assert mrz.issuing_state == "UTO" and mrz.nationality == "UTO"
    assert mrz.document_number == "L898902C3"
    assert (mrz.date_of_birth, mrz.date_of_expiry, mrz.sex) == ("740812", "120415", "F")
    assert mrz.family_name == "ERIKSSON"
    assert mrz.given_names == ("ANNA", "MARIA")
    assert mrz.optional_data == "ZE184226B"
    assert mrz.bac_key_input == "L898902C36" + "7408122" + "1204159"


def test_td1_id_card_specimen() -> None:
    mrz = parse_mrz(TD1)
    assert mrz.format == "TD1" and mrz.document_code == "I"
    assert mrz.document_number == "D23145890"
    assert (mrz.date_of_birth, mrz.date_of_expiry, mrz.sex) == ("740812", "120415", "F")
    assert mrz.family_name == "ERIKSSON" and mrz.given_names == ("ANNA", "MARIA")


@pytest.mark.parametrize(
    ("position", "what"),
    [(9, "document number"), (19, "date of birth"), (27, "date of expiry"), (43, "whole line")],
)
def test_each_wrong_check_digit_is_named(position: int, what: str) -> None:
    first, second = TD3.splitlines()
    wrong = str((int(second[position]) + 1) % 10)
    broken = second[:position] + wrong + second[position + 1 :]
    with pytest.raises(MrzError, match=what):
        parse_mrz(first + "\n" + broken)


def test_check_digit_examples() -> None:
    assert check_digit("D23145890") == "7"
    assert check_digit("740812") == "2"


@settings(max_examples=500, deadline=None, database=None)
@given(st.text(max_size=120) | st.text(alphabet="ABC<0123456789\n", max_size=120))
def test_any_text_is_an_mrz_or_a_clear_error(text: str) -> None:
    with contextlib.suppress(MrzError):
        parse_mrz(text)
