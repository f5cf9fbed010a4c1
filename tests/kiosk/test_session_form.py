"""The session's form flow: pages, checks, going back, and leaving a service."""

from __future__ import annotations

from catalogue.validation import FieldProblem, Problem
from kiosk.session import (
    Change,
    Screen,
)
from tests.kiosk.conftest import Kiosk
from tests.kiosk.journeys import (
    JOURNEYS,
    fill,
    german,
    later,
    maengel_with_one_photo,
    read_card,
    start_service,
    submit_and_print,
    take_photos,
    to_review,
)

# --- the form -------------------------------------------------------------------------------


def test_validation_errors_keep_you_on_the_page_until_fixed(kiosk: Kiosk) -> None:
    s = start_service(kiosk, "termin")
    changes: list[frozenset[Change]] = []
    s.subscribe(changes.append)
    s.next_page()
    assert s.screen is Screen.FORM
    assert s.page_index == 0
    assert s.problems == {
        "topic": FieldProblem(Problem.REQUIRED),
        "preferred_date": FieldProblem(Problem.REQUIRED),
        "morning": FieldProblem(Problem.REQUIRED),
    }
    assert changes == [frozenset({Change.FORM})]
    s.set_value("topic", "id_card")  # fixed: the message goes at once
    assert "topic" not in s.problems
    assert changes[-1] == frozenset({Change.FORM, Change.VALUES})
    s.set_value("preferred_date", "gestern")  # still wrong: shown when they try to go on
    assert s.problems["preferred_date"] == FieldProblem(Problem.REQUIRED)
    s.next_page()
    assert s.problems["preferred_date"] == FieldProblem(Problem.NOT_A_DATE)
    s.set_value("preferred_date", german(later(-1)))
    s.set_value("morning", "no")
    s.next_page()
    assert s.problems["preferred_date"].problem is Problem.DATE_TOO_EARLY
    assert s.page_index == 0
    s.set_value("preferred_date", german(later(1)))
    assert "preferred_date" not in s.problems
    s.next_page()
    assert s.problems == {}
    assert s.page_index == 1
    assert s.values["preferred_date"] == german(later(1))  # normalised only on submit


def test_address_parts_are_entered_one_by_one(kiosk: Kiosk) -> None:
    s = start_service(kiosk, "sperrmuell")
    s.skip_identification()
    fill(s, {"given_names": "Max", "family_name": "Muster"})
    s.set_address_part("address", "street", "Am Markt")
    s.set_address_part("address", "house_number", "1")
    s.set_address_part("address", "planet", "Erde")  # not a part of an address
    s.next_page()
    assert s.problems == {"address": FieldProblem(Problem.ADDRESS_INCOMPLETE, part="postcode")}
    s.set_address_part("address", "postcode", "00999")
    s.set_address_part("address", "city", "Irgendwo")
    s.next_page()
    assert s.problems == {"address": FieldProblem(Problem.NOT_A_POSTCODE, part="postcode")}
    s.set_address_part("address", "postcode", "٩٩٩٩٩")  # (from an Arabic keypad)
    assert s.problems == {}
    assert s.values["address"] == {
        "street": "Am Markt",
        "house_number": "1",
        "postcode": "99999",
        "city": "Irgendwo",
    }


def test_back_from_every_screen(kiosk: Kiosk) -> None:
    s = kiosk.session
    s.back()
    assert s.screen is Screen.ATTRACT
    s.start()
    s.back()
    assert s.screen is Screen.HOME
    s.choose_service("maengel-melden")
    s.back()
    assert (s.screen, s.service) == (Screen.HOME, None)
    s.choose_service("maengel-melden")
    s.proceed()
    assert s.screen is Screen.IDENTIFY
    s.back()
    assert s.screen is Screen.SERVICE
    s.proceed()
    s.skip_identification()
    assert (s.screen, s.page_index) == (Screen.FORM, 0)
    s.back()  # no card read, identification optional: back to the card
    assert s.screen is Screen.IDENTIFY
    s.skip_identification()
    fill(s, {"category": "dumping", "location": "Am Bach"})
    s.next_page()
    assert (s.screen, s.page_index) == (Screen.FORM, 1)
    s.back()
    assert (s.screen, s.page_index) == (Screen.FORM, 0)
    assert s.values["location"] == "Am Bach"
    s.next_page()
    fill(s, {"description": "Alte Reifen im Bach"})
    s.next_page()
    assert s.screen is Screen.ATTACHMENTS
    s.back()
    assert (s.screen, s.page_index) == (Screen.FORM, 1)
    s.next_page()
    take_photos(kiosk, 1)
    s.photos_done()
    assert s.screen is Screen.REVIEW
    s.back()  # a service with photos: back to the photos
    assert s.screen is Screen.ATTACHMENTS
    assert len(s.photos) == 1
    s.photos_done()
    assert s.screen is Screen.REVIEW
    submit_and_print(kiosk)
    s.back()
    assert s.screen is Screen.DONE


def test_back_without_photos_and_with_identity(kiosk: Kiosk) -> None:
    termin = next(j for j in JOURNEYS if j.service_id == "termin")
    to_review(kiosk, termin)
    s = kiosk.session
    s.back()  # no photos: back to the last page
    assert (s.screen, s.page_index) == (Screen.FORM, 1)
    s.back()
    assert (s.screen, s.page_index) == (Screen.FORM, 0)
    s.back()  # no identification needed: back to the service page
    assert s.screen is Screen.SERVICE
    s.request_cancel()
    s.confirm_cancel()
    s = start_service(kiosk, "briefwahl")
    read_card(kiosk, "erika")
    s.back()  # the card was read: not back to the reader, but to the service page
    assert s.screen is Screen.SERVICE


def test_edit_page_from_review_returns_to_review(kiosk: Kiosk) -> None:
    termin = next(j for j in JOURNEYS if j.service_id == "termin")
    to_review(kiosk, termin)
    s = kiosk.session
    s.edit_page(0)
    assert (s.screen, s.page_index) == (Screen.FORM, 0)
    s.set_value("morning", "no")
    s.next_page()
    assert s.screen is Screen.REVIEW
    s.edit_page(1)
    s.set_value("phone", "12")
    s.next_page()
    assert (s.screen, s.page_index) == (Screen.FORM, 1)
    assert s.problems["phone"] == FieldProblem(Problem.NOT_A_PHONE)
    s.set_value("phone", "0221 654321")
    s.next_page()
    assert s.screen is Screen.REVIEW
    s.edit_page(2)  # there is no third page
    s.edit_page(-1)
    assert s.screen is Screen.REVIEW
    submit_and_print(kiosk)
    [payload] = kiosk.stored_payloads()
    assert payload["form"]["morning"] == "no"
    assert payload["form"]["phone"] == "0221 654321"


def test_edit_photos_from_review(kiosk: Kiosk) -> None:
    maengel = next(j for j in JOURNEYS if j.service_id == "maengel-melden")
    to_review(kiosk, maengel)
    s = kiosk.session
    s.edit_photos()
    assert s.screen is Screen.ATTACHMENTS
    s.remove_photo(0)
    assert len(s.photos) == 1
    s.photos_done()
    assert s.screen is Screen.REVIEW


def test_submit_needs_consent_and_checks_every_page_again(kiosk: Kiosk) -> None:
    termin = next(j for j in JOURNEYS if j.service_id == "termin")
    to_review(kiosk, termin)
    s = kiosk.session
    s.submit()
    assert s.screen is Screen.REVIEW  # no consent, nothing happens
    s.set_consent(True)
    s.set_value("preferred_date", "30.02.2030")
    s.submit()
    assert (s.screen, s.page_index) == (Screen.FORM, 0)
    assert s.problems == {"preferred_date": FieldProblem(Problem.NOT_A_DATE)}
    assert kiosk.stored_payloads() == []


# --- leaving a service --------------------------------------------------------------------


def test_identity_from_one_service_does_not_travel_to_another(kiosk: Kiosk) -> None:
    # Card read for "Sperrmüll", then back to the start page and on to "Termin" (which asks
    # for no identification): nothing of the Sperrmüll identity goes with the Termin.
    s = start_service(kiosk, "sperrmuell")
    read_card(kiosk, "erika")
    s.back()
    s.back()
    assert s.screen is Screen.HOME
    termin = next(j for j in JOURNEYS if j.service_id == "termin")
    s.choose_service("termin")
    s.proceed()
    for values in termin.pages:
        fill(s, values)
        s.next_page()
    submit_and_print(kiosk)
    [payload] = kiosk.stored_payloads()
    assert payload["form"] == termin.form
    assert payload["identity"] is None


def test_a_new_service_starts_without_the_last_ones_photos(kiosk: Kiosk) -> None:
    # Back from the "Mängel" review to the start page, then "Unterlagen nachreichen": no
    # pothole photo attached, and the form does not jump to the review visited before.
    s = maengel_with_one_photo(kiosk)
    while s.screen is not Screen.HOME:
        s.back()
    s.choose_service("unterlagen-nachreichen")
    s.proceed()
    fill(s, {"tracking_number": "7K3M-Q9XD-2AF8"})
    s.next_page()
    assert s.screen is Screen.ATTACHMENTS
    assert s.photos == []
