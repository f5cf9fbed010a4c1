"""The citizen's journeys through the demo catalogue, and the steps the session tests share."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from catalogue.model import Identification
from catalogue.validation import FieldValue
from kiosk.session import (
    PRINT_DELAY_S,
    Change,
    IdentifyState,
    Screen,
    Session,
)
from tests.kiosk.conftest import Kiosk
from tests.support.clock import FrozenClock

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
]


def fill(session: Session, values: dict[str, FieldValue]) -> None:
    for key, value in values.items():
        session.set_value(key, value)


SAMPLE_ACCESS = {
    "erika": {"can": "123456"},
    "anna": {"document_number": "L898902C3", "date_of_birth": "12.08.1974", "expiry": "15.04.2034"},
}


def place_card(s: Session, sample: str) -> None:
    """The demo's panel: put a sample document on the simulated reader."""
    demo = s.devices.demo
    assert demo is not None
    demo.place_sample_card(sample)


def read_card(k: Kiosk, sample: str, confirm: bool = True) -> None:
    """Place a sample card, type its access data, wait until the read has ended (well or
    badly) and confirm the identity."""
    s = k.session
    inserted: list[bool] = []

    def watch(_: frozenset[Change]) -> None:
        if s.identify_state is IdentifyState.READING:
            inserted.append(True)

    s.subscribe(watch)
    place_card(s, sample)
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


def start_service(k: Kiosk, service_id: str) -> Session:
    s = k.session
    s.start()
    s.choose_service(service_id)
    s.proceed()
    return s


def maengel_with_one_photo(k: Kiosk) -> Session:
    maengel = next(j for j in JOURNEYS if j.service_id == "maengel-melden")
    to_review(k, Journey(maengel.service_id, None, maengel.pages, 1, maengel.form))
    return k.session
