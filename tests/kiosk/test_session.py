"""The citizen session, driven like the UI drives it, on virtual time with simulated devices."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import date

import pytest

from catalogue.model import Identification
from catalogue.validation import FieldProblem, FieldValue, Problem
from drivers.camera.base import CameraError
from drivers.card.base import DocumentData, DocumentType, ReaderStatus, ReadFailure
from drivers.card.icao import active
from drivers.card.simulated import SimulatedCardReader
from drivers.printer.base import PrintOutcome
from drivers.printer.simulated import SimulatedPrinter
from kiosk.identify import AccessKind, AccessProblem
from kiosk.session import (
    ALL_CHANGES,
    PRINT_DELAY_S,
    Change,
    EndReason,
    IdentifyState,
    Overlay,
    Screen,
    Session,
    SubmitFailure,
)
from offline_queue.outbox import Fault, OutboxError
from tests.kiosk.conftest import Kiosk, MakeKiosk, idle_timers, simulated_devices
from tests.kiosk.fakes import (
    FAKE_JPEG,
    HeldCamera,
    OutboxControl,
    ScriptedCamera,
    ScriptedPrinter,
    disk_full,
    scripted_outbox,
)
from tests.support.clock import FrozenClock
from wire.tracking import normalise_tracking_code

PNG = b"\x89PNG\r\n\x1a\n"
ERIKA_ADDRESS = {"street": "Heidestraße", "house_number": "17", "postcode": "51147", "city": "Köln"}


def later(days: int) -> date:
    """The municipality's today + ``days`` by the clock the test terminals start with."""
    return FrozenClock().day(days)


def german(day: date) -> str:
    return day.strftime("%d.%m.%Y")


# --- the journeys -------------------------------------------------------------------------


@dataclass(frozen=True)
class Journey:
    service_id: str
    #: The sample card to read, or None to skip (or not need) identification.
    card: str | None
    #: What the citizen types on each form page.
    pages: tuple[dict[str, FieldValue], ...]
    photos: int
    #: The form as it must arrive in the submission (normalised).
    form: dict[str, FieldValue]
    prefilled: tuple[str, ...] = field(default=())

    @property
    def name(self) -> str:
        return f"{self.service_id}-{self.card or 'typed'}"


ERIKA_FORM = {"given_names": "Erika", "family_name": "Mustermann"}

JOURNEYS = [
    Journey(
        "maengel-melden",
        None,
        (
            {"category": "pothole", "location": "  Hauptstraße 5 "},
            {"description": "Tiefes Schlagloch vor der Kirche", "contact_email": "e@example.org"},
        ),
        photos=2,
        form={
            "category": "pothole",
            "location": "Hauptstraße 5",
            "description": "Tiefes Schlagloch vor der Kirche",
            "contact_email": "e@example.org",
        },
    ),
    Journey(
        "sperrmuell",
        "erika",
        ({}, {"items": "1 Sofa, 2 Stühle", "volume": "2,5", "preferred_date": german(later(30))}),
        photos=0,
        form={
            **ERIKA_FORM,
            "address": ERIKA_ADDRESS,
            "items": "1 Sofa, 2 Stühle",
            "volume": "2,5",
            "preferred_date": later(30).isoformat(),
        },
        prefilled=("address", "family_name", "given_names"),
    ),
    Journey(
        "sperrmuell",
        None,
        (
            {
                "given_names": "Max",
                "family_name": "Muster",
                "address": {
                    "street": "Am Markt",
                    "house_number": "1a",
                    "postcode": "01067",
                    "city": "Dresden",
                },
                "phone": "+49 351 1234567",
            },
            {"items": "Schrank", "volume": "8", "preferred_date": later(7).isoformat()},
        ),
        photos=0,
        form={
            "given_names": "Max",
            "family_name": "Muster",
            "address": {
                "street": "Am Markt",
                "house_number": "1a",
                "postcode": "01067",
                "city": "Dresden",
            },
            "phone": "+49 351 1234567",
            "items": "Schrank",
            "volume": "8",
            "preferred_date": later(7).isoformat(),
        },
    ),
    Journey(
        "briefwahl",
        "erika",
        ({}, {"delivery": "home"}),
        photos=0,
        form={**ERIKA_FORM, "date_of_birth": "1983-08-12", "delivery": "home"},
        prefilled=("date_of_birth", "family_name", "given_names"),
    ),
    Journey(
        "meldebescheinigung",
        "erika",
        ({}, {"kind": "extended", "purpose": "Wohnungssuche"}),
        photos=0,
        form={
            **ERIKA_FORM,
            "date_of_birth": "1983-08-12",
            "address": ERIKA_ADDRESS,
            "kind": "extended",
            "purpose": "Wohnungssuche",
        },
        prefilled=("address", "date_of_birth", "family_name", "given_names"),
    ),
    Journey(
        "termin",
        None,
        (
            {"topic": "id_card", "preferred_date": german(later(10)), "morning": "yes"},
            {"name": "Erika Mustermann", "phone": "0221 123456", "email": "erika@example.org"},
        ),
        photos=0,
        form={
            "topic": "id_card",
            "preferred_date": later(10).isoformat(),
            "morning": "yes",
            "name": "Erika Mustermann",
            "phone": "0221 123456",
            "email": "erika@example.org",
        },
    ),
    Journey(
        "unterlagen-nachreichen",
        None,
        ({"tracking_number": "7k3m-q9xd-2af8", "note": "Seite 2 fehlte"},),
        photos=3,
        form={"tracking_number": "7K3M-Q9XD-2AF8", "note": "Seite 2 fehlte"},
    ),
    Journey(
        "antragsstatus",
        None,
        ({"tracking_number": "7K3MQ9XD2AF8"},),
        photos=0,
        form={"tracking_number": "7K3M-Q9XD-2AF8"},
    ),
]


def fill(session: Session, values: dict[str, FieldValue]) -> None:
    for key, value in values.items():
        session.set_value(key, value)


SAMPLE_ACCESS = {
    "erika": {"can": "123456"},
    "anna": {"document_number": "L898902C3", "date_of_birth": "12.08.1974", "expiry": "15.04.2034"},
}


def read_card(k: Kiosk, sample: str, confirm: bool = True) -> None:
    """Place a sample card, type its access data, wait until the read has ended (well or
    badly) and confirm the identity."""
    s = k.session
    inserted: list[bool] = []

    def watch(_: frozenset[Change]) -> None:
        if s.identify_state is IdentifyState.READING:
            inserted.append(True)

    s.subscribe(watch)
    s.place_sample_card(sample)
    k.wait_for(
        lambda: bool(inserted) and s.identify_state in (IdentifyState.ACCESS, IdentifyState.FAILED)
    )
    if s.identify_state is IdentifyState.FAILED:
        return
    s.submit_access(SAMPLE_ACCESS[sample])
    k.wait_for(lambda: s.identify_state in (IdentifyState.CONFIRM, IdentifyState.FAILED))
    if confirm and s.identify_state is IdentifyState.CONFIRM:
        s.confirm_identity()


def take_photos(k: Kiosk, count: int) -> None:
    s = k.session
    for _ in range(count):
        before = len(s.photos)
        s.take_photo()
        assert s.capturing
        k.wait_for(lambda: not s.capturing)
        assert len(s.photos) == before + 1


def to_review(k: Kiosk, journey: Journey) -> None:
    """From the attract screen to the review, as a citizen would go."""
    s = k.session
    s.start()
    assert s.screen is Screen.HOME
    s.choose_service(journey.service_id)
    assert s.screen is Screen.SERVICE
    s.proceed()
    assert s.service is not None
    if s.service.identification is Identification.NONE:
        assert s.screen is Screen.FORM
    else:
        assert s.screen is Screen.IDENTIFY
        assert s.identify_state is IdentifyState.WAITING
        if journey.card is None:
            s.skip_identification()
        else:
            read_card(k, journey.card)
    for index, values in enumerate(journey.pages):
        assert s.screen is Screen.FORM
        assert s.page_index == index
        fill(s, values)
        s.next_page()
        assert s.problems == {}
    if journey.photos:
        assert s.screen is Screen.ATTACHMENTS
        take_photos(k, journey.photos)
        s.photos_done()
    assert s.screen is Screen.REVIEW


def submit(k: Kiosk) -> None:
    s = k.session
    s.set_consent(True)
    s.submit()
    k.wait_for(lambda: s.screen is not Screen.SUBMITTING)


def submit_and_print(k: Kiosk) -> None:
    submit(k)
    s = k.session
    assert s.screen is Screen.DONE
    k.scheduler.advance(PRINT_DELAY_S)  # the receipt prints once the done screen is up
    k.wait_for(lambda: s.print_result is not None)


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
    assert ids == {j.service_id for j in JOURNEYS}
    assert len(ids) == 7


def test_two_citizens_one_after_the_other(kiosk: Kiosk) -> None:
    termin = next(j for j in JOURNEYS if j.service_id == "termin")
    for citizen in range(2):
        to_review(kiosk, termin)
        submit_and_print(kiosk)
        kiosk.session.finish()
        assert kiosk.session.sessions_completed == citizen + 1
    first, second = kiosk.stored_payloads()
    assert first["id"] != second["id"]


# --- identification -----------------------------------------------------------------------


def start_service(k: Kiosk, service_id: str) -> Session:
    s = k.session
    s.start()
    s.choose_service(service_id)
    s.proceed()
    return s


def test_identify_with_erika_prefills_and_locks_fields(kiosk: Kiosk) -> None:
    s = start_service(kiosk, "sperrmuell")
    assert s.demo_samples == ["anna", "broken", "erika"]
    read_card(kiosk, "erika")
    assert s.screen is Screen.FORM
    assert s.page_index == 0
    assert s.identity is not None
    assert s.identity.document_number == "T22000129"
    assert s.prefilled == {"given_names", "family_name", "address"}
    assert s.values == {
        "given_names": "Erika",
        "family_name": "Mustermann",
        "address": ERIKA_ADDRESS,
    }
    s.set_value("given_names", "Max")
    s.set_address_part("address", "city", "Bonn")
    assert s.values["given_names"] == "Erika"
    assert s.values["address"] == ERIKA_ADDRESS
    # Fields the card does not fill stay the citizen's.
    s.set_value("phone", "0221 123456")
    assert s.values["phone"] == "0221 123456"


def test_identify_prefills_the_date_of_birth_in_german_form(kiosk: Kiosk) -> None:
    s = start_service(kiosk, "briefwahl")
    read_card(kiosk, "erika")
    assert s.values["date_of_birth"] == "12.08.1983"
    assert "date_of_birth" in s.prefilled
    s.next_page()
    assert s.problems == {}
    assert s.page_index == 1


def test_broken_card_fails_then_a_good_one_works(kiosk: Kiosk) -> None:
    s = start_service(kiosk, "briefwahl")
    read_card(kiosk, "broken")
    assert s.screen is Screen.IDENTIFY
    assert s.identify_state is IdentifyState.FAILED
    assert s.identify_failure is ReadFailure.UNREADABLE
    assert s.identity is None
    read_card(kiosk, "erika")
    assert s.screen is Screen.FORM
    assert s.identify_failure is None


def test_card_taken_away_during_the_read(make_kiosk: MakeKiosk) -> None:
    reader = SimulatedCardReader(read_seconds=60.0)
    devices = simulated_devices()
    devices.card_reader = reader
    k = make_kiosk(devices=devices)
    s = start_service(k, "meldebescheinigung")
    s.place_sample_card("erika")
    k.wait_for(lambda: s.identify_state is IdentifyState.ACCESS)
    s.submit_access({"can": "123456"})
    k.wait_for(lambda: s.identify_state is IdentifyState.READING)
    reader.remove_card()
    k.wait_for(lambda: s.identify_state is IdentifyState.FAILED)
    assert s.identify_failure is ReadFailure.REMOVED_TOO_EARLY
    assert s.screen is Screen.IDENTIFY


def test_skip_identification_only_where_it_is_optional(kiosk: Kiosk) -> None:
    s = start_service(kiosk, "briefwahl")
    assert not s.can_skip_identification
    s.skip_identification()
    assert s.screen is Screen.IDENTIFY
    s.back()
    s.back()
    s.choose_service("meldebescheinigung")
    s.proceed()
    assert not s.can_skip_identification
    s.skip_identification()
    assert s.screen is Screen.IDENTIFY
    s.back()
    s.back()
    s.choose_service("maengel-melden")
    s.proceed()
    assert s.can_skip_identification
    s.skip_identification()
    assert s.screen is Screen.FORM
    assert s.identity is None
    assert s.prefilled == set()


def test_services_without_identification_go_straight_to_the_form(kiosk: Kiosk) -> None:
    for service_id in ("termin", "unterlagen-nachreichen", "antragsstatus"):
        s = start_service(kiosk, service_id)
        assert s.screen is Screen.FORM
        assert not s.can_skip_identification
        s.request_cancel()
        s.confirm_cancel()


def test_reader_status_reaches_the_identify_screen(make_kiosk: MakeKiosk) -> None:
    k = make_kiosk(boot=False)
    k.terminal.boot()  # the reader's "ready" is still on its way to the core thread
    s = start_service(k, "sperrmuell")
    assert s.identify_state is IdentifyState.NO_READER
    k.scheduler.drain()
    assert s.reader_status is ReaderStatus.READY
    assert s.identify_state is IdentifyState.WAITING
    s.on_reader_status(ReaderStatus.FAILED)
    assert s.identify_state is IdentifyState.NO_READER


def test_card_read_outside_the_identify_screen_is_wiped(kiosk: Kiosk) -> None:
    s = start_service(kiosk, "termin")
    data = DocumentData(
        DocumentType.ID_CARD,
        "T22000129",
        "Erika",
        "Mustermann",
        date(1983, 8, 12),
        "D",
        date(2031, 10, 31),
        dict(ERIKA_ADDRESS),
        bytearray(b"\xff\xd8 chip photo"),
    )
    photo = data.photo_jpeg
    s.on_document_read(data)  # nobody asked for it
    assert s.identity is None
    assert s.values == {}
    assert (data.given_names, data.address, photo) == ("", {}, bytearray())


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
    assert changes[-1] == frozenset({Change.FORM})
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
    s.set_address_part("address", "postcode", "99999")
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


# --- photos ---------------------------------------------------------------------------------


def test_camera_failure_is_shown_and_the_next_try_works(make_kiosk: MakeKiosk) -> None:
    camera = ScriptedCamera(CameraError("unplugged"))
    devices = simulated_devices()
    devices.camera = camera
    k = make_kiosk(devices=devices)
    s = start_service(k, "unterlagen-nachreichen")
    fill(s, {"tracking_number": "7K3M-Q9XD-2AF8"})
    s.next_page()
    assert s.screen is Screen.ATTACHMENTS
    s.take_photo()
    k.wait_for(lambda: not s.capturing)
    assert s.camera_failed is True
    assert s.photos == []
    s.photos_done()  # at least one photo is needed
    assert s.screen is Screen.ATTACHMENTS
    s.take_photo()
    k.wait_for(lambda: not s.capturing)
    assert s.camera_failed is False
    assert [bytes(p.jpeg) for p in s.photos] == [FAKE_JPEG]
    s.photos_done()
    assert s.screen is Screen.REVIEW


def test_simulated_camera_switched_off(make_kiosk: MakeKiosk) -> None:
    k = make_kiosk()
    camera = k.terminal.devices.camera
    camera.working = False  # type: ignore[attr-defined]
    s = start_service(k, "maengel-melden")
    s.skip_identification()
    fill(s, {"category": "other", "location": "Hier"})
    s.next_page()
    fill(s, {"description": "Etwas ist kaputt"})
    s.next_page()
    s.take_photo()
    k.wait_for(lambda: not s.capturing)
    assert s.camera_failed is True


def test_no_more_photos_than_allowed(kiosk: Kiosk) -> None:
    maengel = next(j for j in JOURNEYS if j.service_id == "maengel-melden")
    to_review(kiosk, maengel)
    s = kiosk.session
    s.edit_photos()
    take_photos(kiosk, 1)
    assert len(s.photos) == 3
    s.take_photo()  # the service takes at most three
    assert not s.capturing
    assert len(s.photos) == 3


# --- submitting -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (disk_full(), SubmitFailure.STORAGE),
        (OutboxError(Fault.BUG, "outbox write failed: SQLITE_MISUSE"), SubmitFailure.INTERNAL),
        (RuntimeError("unexpected"), SubmitFailure.INTERNAL),
    ],
    ids=["environment", "bug", "unexpected"],
)
def test_a_failing_outbox_keeps_the_citizen_on_the_review(
    make_kiosk: MakeKiosk,
    monkeypatch: pytest.MonkeyPatch,
    failure: BaseException,
    expected: SubmitFailure,
) -> None:
    control = OutboxControl(failure)
    monkeypatch.setattr("kiosk.terminal.Outbox", scripted_outbox(control))
    k = make_kiosk()
    journey = next(j for j in JOURNEYS if j.service_id == "sperrmuell" and j.card)
    to_review(k, journey)
    s = k.session
    values = dict(s.values)
    submit(k)
    assert control.attempts == 1
    assert s.screen is Screen.REVIEW
    assert s.submit_failure is expected
    assert s.values == values
    assert s.identity is not None
    assert s.prefilled == set(journey.prefilled)
    assert s.consent is True
    assert s.tracking_number == ""
    assert k.stored_payloads() == []
    assert "inactivity" in k.scheduler.pending_timers()
    # The technician frees the disk; the citizen tries again.
    control.failure = None
    s.submit()
    k.wait_for(lambda: s.screen is not Screen.SUBMITTING)
    assert s.screen is Screen.DONE
    [payload] = k.stored_payloads()
    assert payload["form"] == journey.form


def test_printer_out_of_paper_then_reprint(make_kiosk: MakeKiosk) -> None:
    printer = SimulatedPrinter(paper=0)
    devices = simulated_devices()
    devices.printer = printer
    k = make_kiosk(devices=devices)
    termin = next(j for j in JOURNEYS if j.service_id == "termin")
    to_review(k, termin)
    submit_and_print(k)
    s = k.session
    assert s.print_result is not None
    assert s.print_result.outcome is PrintOutcome.PAPER_OUT
    assert s.print_result.preview_png == bytearray()
    assert len(k.stored_payloads()) == 1  # the submission is safe either way
    printer.paper = 2
    s.reprint()
    assert s.printing
    k.wait_for(lambda: not s.printing)
    assert s.print_result.outcome is PrintOutcome.PRINTED
    assert bytes(s.print_result.preview_png[:8]) == PNG
    assert printer.paper == 1
    s.reprint()  # printed: nothing to do
    assert not s.printing
    assert printer.paper == 1


def test_printer_that_breaks_shows_failed(make_kiosk: MakeKiosk) -> None:
    printer = ScriptedPrinter(None, PrintOutcome.OFFLINE, PrintOutcome.PRINTED)
    devices = simulated_devices()
    devices.printer = printer
    k = make_kiosk(devices=devices)
    to_review(k, next(j for j in JOURNEYS if j.service_id == "antragsstatus"))
    submit_and_print(k)
    s = k.session
    assert s.print_result is not None
    assert s.print_result.outcome is PrintOutcome.FAILED
    for outcome in (PrintOutcome.OFFLINE, PrintOutcome.PRINTED):
        s.reprint()
        k.wait_for(lambda: not s.printing)
        assert s.print_result.outcome is outcome
    assert len(printer.receipts) == 3


# --- ending ---------------------------------------------------------------------------------


def test_cancel_asks_first(kiosk: Kiosk) -> None:
    s = start_service(kiosk, "termin")
    fill(s, {"topic": "other"})
    s.request_cancel()
    assert s.overlay is Overlay.CONFIRM_CANCEL
    assert s.screen is Screen.FORM
    s.dismiss_cancel()
    assert s.overlay is Overlay.NONE
    assert (s.screen, s.values) == (Screen.FORM, {"topic": "other"})
    assert s.service is not None
    s.request_cancel()
    s.confirm_cancel()
    assert s.screen is Screen.ATTRACT
    assert s.overlay is Overlay.NONE
    assert s.values == {}
    assert s.service is None


def test_cancel_on_home_needs_no_confirmation(kiosk: Kiosk) -> None:
    s = kiosk.session
    s.confirm_cancel()
    s.request_cancel()
    assert s.screen is Screen.ATTRACT
    s.start()
    s.request_cancel()
    assert s.screen is Screen.ATTRACT
    assert s.overlay is Overlay.NONE


def test_cancel_is_not_offered_while_storing(kiosk: Kiosk) -> None:
    to_review(kiosk, next(j for j in JOURNEYS if j.service_id == "antragsstatus"))
    s = kiosk.session
    s.set_consent(True)
    s.submit()
    assert s.screen is Screen.SUBMITTING
    s.request_cancel()
    assert s.overlay is Overlay.NONE
    kiosk.wait_for(lambda: s.screen is Screen.DONE)
    s.request_cancel()  # on the done screen: just finish
    assert s.screen is Screen.ATTRACT


def test_inactivity_warning_counts_down_and_extend_rearms(kiosk: Kiosk) -> None:
    s = start_service(kiosk, "termin")
    fill(s, {"topic": "other"})
    sched = kiosk.scheduler
    sched.advance(89)
    assert s.overlay is Overlay.NONE
    sched.advance(1)
    assert s.overlay is Overlay.TIMEOUT_WARNING
    assert s.countdown_s == 30
    for expected in (29, 28, 27):
        sched.advance(1)
        assert s.countdown_s == expected
    s.touch()  # a stray touch does not hide the warning
    sched.advance(1)
    assert (s.overlay, s.countdown_s) == (Overlay.TIMEOUT_WARNING, 26)
    s.extend()
    assert (s.overlay, s.countdown_s) == (Overlay.NONE, 0)
    assert s.values == {"topic": "other"}
    sched.advance(89)
    assert s.overlay is Overlay.NONE
    sched.advance(1)
    assert (s.overlay, s.countdown_s) == (Overlay.TIMEOUT_WARNING, 30)


def test_running_out_of_time_ends_the_session(kiosk: Kiosk) -> None:
    s = start_service(kiosk, "briefwahl")
    read_card(kiosk, "erika")
    identity = s.identity
    assert identity is not None
    kiosk.scheduler.advance(90)
    assert s.overlay is Overlay.TIMEOUT_WARNING
    kiosk.scheduler.advance(29)
    assert (s.screen, s.countdown_s) == (Screen.FORM, 1)
    kiosk.scheduler.advance(1)
    assert s.screen is Screen.ATTRACT
    assert s.overlay is Overlay.NONE
    assert s.countdown_s == 0
    assert s.values == {}
    assert s.prefilled == set()
    assert s.identity is None
    assert identity.given_names == identity.family_name == identity.document_number == ""
    assert idle_timers(kiosk.scheduler) in ([], ["collect-garbage"])


def test_touch_rearms_the_inactivity_timer(kiosk: Kiosk) -> None:
    s = start_service(kiosk, "termin")
    kiosk.scheduler.advance(60)
    s.touch()
    kiosk.scheduler.advance(60)
    assert s.overlay is Overlay.NONE
    kiosk.scheduler.advance(29)
    assert s.overlay is Overlay.NONE
    kiosk.scheduler.advance(1)
    assert s.overlay is Overlay.TIMEOUT_WARNING


def test_attract_screen_has_no_timer(kiosk: Kiosk) -> None:
    s = kiosk.session
    s.touch()
    kiosk.scheduler.advance(10_000)
    assert (s.screen, s.overlay) == (Screen.ATTRACT, Overlay.NONE)
    assert idle_timers(kiosk.scheduler) in ([], ["collect-garbage"])


def test_done_screen_returns_to_attract_after_done_s(kiosk: Kiosk) -> None:
    to_review(kiosk, next(j for j in JOURNEYS if j.service_id == "termin"))
    submit_and_print(kiosk)
    s = kiosk.session
    kiosk.scheduler.advance(59)
    assert s.screen is Screen.DONE
    assert s.overlay is Overlay.NONE
    kiosk.scheduler.advance(1)
    assert s.screen is Screen.ATTRACT
    assert s.overlay is Overlay.NONE
    assert s.tracking_number == ""


def test_custom_timeouts(make_kiosk: MakeKiosk) -> None:
    k = make_kiosk(inactivity_s=10, warning_s=20, done_s=5)
    s = start_service(k, "antragsstatus")
    k.scheduler.advance(10)
    assert (s.overlay, s.countdown_s) == (Overlay.TIMEOUT_WARNING, 20)
    k.scheduler.advance(20)
    assert s.screen is Screen.ATTRACT


def test_end_wipes_photos_receipt_and_identity(kiosk: Kiosk) -> None:
    maengel = next(j for j in JOURNEYS if j.service_id == "maengel-melden")
    to_review(kiosk, Journey(maengel.service_id, "erika", maengel.pages, 2, maengel.form))
    s = kiosk.session
    submit_and_print(kiosk)
    photos = [p.jpeg for p in s.photos]
    assert s.print_result is not None
    receipt = s.print_result.preview_png
    identity = s.identity
    values = s.values
    assert identity is not None
    assert all(len(p) > 0 for p in photos)
    assert len(receipt) > 0
    s.set_language("en")
    s.finish()
    assert all(p == bytearray() for p in photos)
    assert receipt == bytearray()
    assert identity.given_names == identity.family_name == identity.document_number == ""
    assert identity.nationality == ""
    assert identity.address == {}
    assert identity.photo_jpeg == bytearray()
    assert values == {}
    assert s.values == {}
    assert s.identity is None
    assert s.photos == []
    assert s.print_result is None
    assert s.prefilled == set()
    assert s.problems == {}
    assert s.consent is False
    assert s.tracking_number == ""
    assert s.service is None
    assert s.language == "de"
    assert (s.screen, s.overlay) == (Screen.ATTRACT, Overlay.NONE)


def test_removed_photo_is_wiped(kiosk: Kiosk) -> None:
    s = start_service(kiosk, "unterlagen-nachreichen")
    fill(s, {"tracking_number": "7K3M-Q9XD-2AF8"})
    s.next_page()
    take_photos(kiosk, 2)
    first = s.photos[0].jpeg
    s.remove_photo(0)
    assert first == bytearray()
    assert len(s.photos) == 1
    s.remove_photo(5)
    assert len(s.photos) == 1


# --- leaving a service --------------------------------------------------------------------


def maengel_with_one_photo(k: Kiosk) -> Session:
    maengel = next(j for j in JOURNEYS if j.service_id == "maengel-melden")
    to_review(k, Journey(maengel.service_id, None, maengel.pages, 1, maengel.form))
    return k.session


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
    last(Change.FORM)  # the fixed problems went away
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
    assert heard[1:] == [frozenset({Change.PHOTOS})] * 2  # capturing, captured
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
    from drivers.card.base import DocumentData, DocumentType

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


# --- access data and confirmation ---------------------------------------------------------------


def test_a_typo_in_the_can_is_caught_before_the_chip_is_asked(kiosk: Kiosk) -> None:
    s = start_service(kiosk, "briefwahl")
    s.place_sample_card("erika")
    kiosk.wait_for(lambda: s.identify_state is IdentifyState.ACCESS)
    assert s.access_kind is AccessKind.CAN
    s.submit_access({"can": "12345"})
    assert (s.identify_state, s.access_problem) == (IdentifyState.ACCESS, AccessProblem.CAN_FORMAT)
    s.submit_access({"can": "654321"})  # plausible but wrong: the chip says no
    kiosk.wait_for(lambda: s.identify_failure is ReadFailure.ACCESS_DENIED)
    assert s.identify_state is IdentifyState.ACCESS and s.access_problem is None
    s.submit_access({"can": "123456"})  # nothing locked: the right one works
    kiosk.wait_for(lambda: s.identify_state is IdentifyState.CONFIRM)
    assert s.screen is Screen.IDENTIFY and s.values == {}  # not prefilled before confirming


def test_the_mrz_instead_of_the_can(kiosk: Kiosk) -> None:
    s = start_service(kiosk, "briefwahl")
    s.place_sample_card("erika")
    kiosk.wait_for(lambda: s.identify_state is IdentifyState.ACCESS)
    s.use_mrz_instead()
    assert s.access_kind is AccessKind.MRZ
    s.submit_access(
        {"document_number": "T22000129", "date_of_birth": "12.08.1983", "expiry": "31.10.2031"}
    )
    kiosk.wait_for(lambda: s.identify_state is IdentifyState.CONFIRM)
    assert s.identity is not None and s.identity.access_protocol == "PACE"


def test_a_passport_asks_for_the_mrz_values(kiosk: Kiosk) -> None:
    s = start_service(kiosk, "briefwahl")
    s.place_sample_card("anna")
    kiosk.wait_for(lambda: s.identify_state is IdentifyState.ACCESS)
    assert s.access_kind is AccessKind.MRZ
    read_card(kiosk, "anna")
    assert s.screen is Screen.FORM


def test_not_me_forgets_what_was_read(kiosk: Kiosk) -> None:
    s = start_service(kiosk, "briefwahl")
    read_card(kiosk, "erika", confirm=False)
    identity = s.identity
    assert identity is not None and s.identify_state is IdentifyState.CONFIRM
    s.reject_identity()
    assert s.identity is None and s.identify_state is IdentifyState.WAITING
    assert (identity.family_name, identity.photo_jpeg) == ("", bytearray())
    assert s.values == {}


def test_a_card_put_down_before_the_identify_screen_is_asked_for_then(kiosk: Kiosk) -> None:
    s = kiosk.session
    s.start()
    s.choose_service("briefwahl")
    s.devices.card_reader.place_card("erika")  # type: ignore[attr-defined]
    kiosk.scheduler.wait_for(lambda: s._card_waiting is not None, timeout_s=20.0)
    assert s.screen is Screen.SERVICE
    s.proceed()
    assert (s.identify_state, s.access_kind) == (IdentifyState.ACCESS, AccessKind.CAN)
    s.submit_access({"can": "123456"})
    kiosk.wait_for(lambda: s.identify_state is IdentifyState.CONFIRM)
