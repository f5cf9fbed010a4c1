"""The citizen session, driven like the UI drives it, on virtual time with simulated devices:
whole journeys, what listeners hear, and what was found while testing. The flows have their own
files (test_session_identify, _form, _photos, _outcome, _timeouts); the steps are journeys.py."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import uuid
from datetime import date

import pytest

from drivers.card.base import DocumentData, DocumentType
from drivers.card.icao import active
from drivers.printer.base import PrintOutcome
from kiosk.session import (
    ALL_CHANGES,
    PRINT_DELAY_S,
    Change,
    EndReason,
    IdentifyState,
    Screen,
    Session,
)
from tests.kiosk.conftest import Kiosk, MakeKiosk, simulated_devices
from tests.kiosk.fakes import (
    HeldCamera,
)
from tests.kiosk.journeys import (
    JOURNEYS,
    PNG,
    Journey,
    fill,
    german,
    later,
    maengel_with_one_photo,
    read_card,
    start_service,
    submit,
    submit_and_print,
    take_photos,
    to_review,
)
from wire.tracking import normalise_tracking_code

# --- the journeys -------------------------------------------------------------------------


def test_active_authentication_signs_the_challenge_of_this_submission(kiosk: Kiosk) -> None:
    """The submission id is made when the identify step starts; the chip signs the challenge
    derived from it, and the signature travels with the evidence (the hub checks it:
    tests/hub/test_identity_check.py)."""
    journey = Journey(
        "briefwahl",
        "anna",
        ({}, {"delivery": "home"}),
        photos=0,
        form={
            "given_names": "Anna Maria",
            "family_name": "Eriksson",
            "date_of_birth": "1974-08-12",
            "delivery": "home",
        },
        prefilled=("date_of_birth", "family_name", "given_names"),
    )
    to_review(kiosk, journey)
    submit(kiosk)
    [payload] = kiosk.stored_payloads()
    evidence = payload["identity"]["evidence"]
    assert sorted(evidence) == ["aa", "dg1", "dg14", "dg15", "sod"]
    key = active.parse_dg15(base64.b64decode(evidence["dg15"]))
    signature = base64.b64decode(evidence["aa"])
    assert active.verify(key, active.submission_challenge(payload["id"]), signature)


@pytest.mark.parametrize("journey", [pytest.param(j, id=j.name) for j in JOURNEYS])
def test_full_journey(kiosk: Kiosk, journey: Journey) -> None:
    s = kiosk.session
    to_review(kiosk, journey)
    assert s.prefilled == set(journey.prefilled)
    submit_and_print(kiosk)
    assert s.submit_failure is None
    assert s.print_result is not None
    assert s.print_result.outcome is PrintOutcome.PRINTED
    assert bytes(s.print_result.preview_png[:8]) == PNG
    photos = [bytes(p.jpeg) for p in s.photos]
    assert len(photos) == journey.photos

    [payload] = kiosk.stored_payloads()
    assert payload["schema"] == "pop.submission/1"
    assert uuid.UUID(payload["id"]).version == 4
    assert payload["tracking_code"] == s.tracking_number
    assert normalise_tracking_code(s.tracking_number) == s.tracking_number
    assert payload["service"] == {"id": journey.service_id, "version": 1}
    assert payload["terminal_id"] == "demo-terminal-01"
    assert payload["language"] == "de"
    assert payload["form"] == journey.form
    if journey.card is None:
        assert payload["identity"] is None
    else:
        # The chip's signed files, for the hub's own check (tests/hub/test_identity_check.py).
        assert sorted(payload["identity"].pop("evidence")) == ["dg1", "dg11", "sod"]
        assert payload["identity"] == {
            "document_type": "id_card",
            "prefilled_fields": sorted(journey.prefilled),
            # The virtual chip, read with PACE and its CSCA trusted: the clerk sees "valid".
            "access_protocol": "PACE",
            "authenticity": "valid",
            "authenticity_reason": "signature, chain and hashes verified",
        }
    assert [a["sha256"] for a in payload["attachments"]] == [
        hashlib.sha256(p).hexdigest() for p in photos
    ]
    assert [payload["_attachments"][a["name"]] for a in payload["attachments"]] == photos
    assert all(a["media_type"] == "image/jpeg" for a in payload["attachments"])

    s.finish()
    assert s.screen is Screen.ATTRACT
    assert s.sessions_completed == 1
    assert len(kiosk.stored_payloads()) == 1


def test_every_demo_service_has_a_journey(kiosk: Kiosk) -> None:
    ids = {s.id for s in kiosk.session.catalogue.services}
    # Antragsstatus looks up instead of submitting: tests/kiosk/test_session_status.py; the
    # call-back form is filled in over the video call: tests/kiosk/test_session_call.py.
    assert ids == {j.service_id for j in JOURNEYS} | {"antragsstatus", "rueckruf"}
    assert len(ids) == 8


def test_two_citizens_one_after_the_other(kiosk: Kiosk) -> None:
    termin = next(j for j in JOURNEYS if j.service_id == "termin")
    for citizen in range(2):
        to_review(kiosk, termin)
        submit_and_print(kiosk)
        kiosk.session.finish()
        assert kiosk.session.sessions_completed == citizen + 1
    first, second = kiosk.stored_payloads()
    assert first["id"] != second["id"]


# --- what listeners hear ----------------------------------------------------------------------


def test_listeners_get_the_right_changes(kiosk: Kiosk) -> None:
    s = kiosk.session
    heard: list[frozenset[Change]] = []
    s.subscribe(heard.append)

    def last(*expected: Change) -> None:
        assert heard[-1] == frozenset(expected)

    s.start()
    last(Change.SCREEN)
    s.set_language("en")
    last(Change.LANGUAGE)
    count = len(heard)
    s.set_language("fr")  # not offered
    s.set_language("en")  # already
    assert len(heard) == count
    s.choose_service("sperrmuell")
    last(Change.SCREEN, Change.FORM, Change.PRINTER)
    s.proceed()
    last(Change.SCREEN, Change.IDENTIFY)
    read_card(kiosk, "erika", confirm=False)
    last(Change.IDENTIFY)  # read: the citizen is asked to confirm
    s.confirm_identity()
    last(Change.SCREEN, Change.FORM)
    s.next_page()
    last(Change.SCREEN, Change.FORM)
    s.next_page()
    last(Change.FORM)  # problems on the page
    fill(s, {"items": "Tisch", "volume": "1", "preferred_date": german(later(8))})
    last(Change.FORM, Change.VALUES)  # the fixed problems went away
    s.next_page()
    last(Change.SCREEN, Change.REVIEW)
    s.set_consent(True)
    last(Change.REVIEW)
    kiosk.scheduler.advance(90)
    last(Change.OVERLAY, Change.COUNTDOWN)
    kiosk.scheduler.advance(1)
    last(Change.COUNTDOWN)
    s.extend()
    last(Change.OVERLAY, Change.COUNTDOWN)
    s.request_cancel()
    last(Change.OVERLAY)
    s.dismiss_cancel()
    last(Change.OVERLAY)
    count = len(heard)
    s.submit()
    kiosk.wait_for(lambda: s.screen is Screen.DONE)
    kiosk.scheduler.advance(PRINT_DELAY_S)
    kiosk.wait_for(lambda: s.print_result is not None)
    assert heard[count:] == [
        frozenset({Change.SCREEN}),  # submitting
        frozenset({Change.DELIVERY}),  # one more waiting in the queue
        frozenset({Change.SCREEN, Change.RECEIPT, Change.DELIVERY}),  # done, queued
        frozenset({Change.RECEIPT}),  # printing
        frozenset({Change.RECEIPT}),  # printed
    ]
    s.finish()
    assert heard[-1] == ALL_CHANGES


def test_photo_changes(kiosk: Kiosk) -> None:
    s = start_service(kiosk, "unterlagen-nachreichen")
    fill(s, {"tracking_number": "7K3M-Q9XD-2AF8"})
    heard: list[frozenset[Change]] = []
    s.subscribe(heard.append)
    s.next_page()
    assert heard == [frozenset({Change.SCREEN, Change.PHOTOS})]
    take_photos(kiosk, 1)
    # (Meanwhile the page analyser of this document service tells where it sees the page.)
    photos = [c for c in heard[1:] if c != frozenset({Change.PAGE})]
    assert photos == [frozenset({Change.PHOTOS})] * 2  # capturing, captured
    s.remove_photo(0)
    assert heard[-1] == frozenset({Change.PHOTOS})


# --- found while testing ----------------------------------------------------------------------


def test_no_submission_without_the_required_photo(kiosk: Kiosk) -> None:
    # Review -> back to the photos -> remove the only photo -> back to the form -> next:
    # next_page() sees _visited_review and jumps to the review, past the photo step, and
    # submit() checks the form pages again but not min_photos (1 for "Mängel melden").
    s = maengel_with_one_photo(kiosk)
    s.back()
    assert s.screen is Screen.ATTACHMENTS
    s.remove_photo(0)
    s.back()
    assert s.screen is Screen.FORM
    s.next_page()
    s.set_consent(True)  # what the citizen does if the review is shown
    s.submit()
    kiosk.wait_for(lambda: s.screen is not Screen.SUBMITTING)
    assert [len(p["attachments"]) for p in kiosk.stored_payloads()] == []
    assert s.screen is Screen.ATTACHMENTS


def test_a_second_card_read_wipes_the_first_identity(kiosk: Kiosk) -> None:
    # back() from the form returns to the service page with the identity kept; proceeding
    # and reading a card again replaces self.identity without wiping the old DocumentData.
    s = start_service(kiosk, "sperrmuell")
    read_card(kiosk, "erika")
    first = s.identity
    assert first is not None
    s.back()
    assert s.screen is Screen.SERVICE
    s.proceed()
    read_card(kiosk, "erika")
    assert s.identity is not first
    assert first.given_names == ""
    assert first.address == {}


def test_a_prefilled_value_the_form_rejects_stays_editable(kiosk: Kiosk) -> None:

    s = kiosk.session
    s.start()
    s.choose_service("sperrmuell")
    s.proceed()
    card = DocumentData(
        document_type=DocumentType.ID_CARD,
        document_number="T22000129",
        given_names="Erika",
        family_name="Mustermann",
        date_of_birth=date(1983, 8, 12),
        nationality="D",
        expiry=date(2031, 10, 31),
        # As the real chip gives it: street and number in one line, no separate number.
        address={"street": "Heidestraße 17", "postcode": "51147", "city": "Köln"},
    )
    s.on_document_read(card)
    assert s.identify_state is IdentifyState.CONFIRM
    s.confirm_identity()
    assert s.screen is Screen.FORM
    assert "family_name" in s.prefilled
    assert "address" not in s.prefilled
    s.set_address_part("address", "street", "Heidestraße")
    s.set_address_part("address", "house_number", "17")
    s.next_page()
    assert s.page_index == 1


def test_a_language_chosen_on_the_attract_screen_resets_when_nobody_starts(kiosk: Kiosk) -> None:
    s = kiosk.session
    s.set_language("en")
    assert s.language == "en"
    kiosk.scheduler.advance(kiosk.terminal.config.timeouts.inactivity_s)
    assert s.language == "de"


def test_a_late_photo_never_reaches_the_next_citizen(make_kiosk: MakeKiosk) -> None:
    camera = HeldCamera()
    k = make_kiosk(devices=dataclasses.replace(simulated_devices(), camera=camera))
    maengel = next(j for j in JOURNEYS if j.service_id == "maengel-melden")

    def to_photos() -> Session:
        s = k.session
        s.start()
        s.choose_service("maengel-melden")
        s.proceed()
        s.skip_identification()
        for values in maengel.pages:
            fill(s, values)
            s.next_page()
        assert s.screen is Screen.ATTACHMENTS
        return s

    s = to_photos()
    s.take_photo()
    assert camera.busy.wait(10)
    s.end(EndReason.CANCELLED)  # the first citizen walks away; the camera still hangs
    s = to_photos()  # the next one reaches the same screen
    camera.release.set()
    k.wait_for(lambda: bool(camera.given))
    k.scheduler.drain()
    assert s.photos == []
    assert not any(camera.given[0].jpeg)  # wiped, not kept
