"""The session's identify flow: the reader's events, the CAN or MRZ values, confirming."""

from __future__ import annotations

from datetime import date

from drivers.card.base import DocumentData, DocumentType, ReaderStatus, ReadFailure
from drivers.card.simulated import SimulatedCardReader
from kiosk.identify import AccessKind, AccessProblem
from kiosk.session import (
    IdentifyState,
    Screen,
)
from tests.kiosk.conftest import Kiosk, MakeKiosk, simulated_devices
from tests.kiosk.journeys import (
    ERIKA_ADDRESS,
    place_card,
    read_card,
    start_service,
)

# --- identification -----------------------------------------------------------------------


def test_identify_with_erika_prefills_and_locks_fields(kiosk: Kiosk) -> None:
    s = start_service(kiosk, "sperrmuell")
    assert s.devices.demo is not None
    assert s.devices.demo.samples() == ["anna", "broken", "erika"]
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
    place_card(s, "erika")
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


# --- access data and confirmation ---------------------------------------------------------------


def test_a_typo_in_the_can_is_caught_before_the_chip_is_asked(kiosk: Kiosk) -> None:
    s = start_service(kiosk, "briefwahl")
    place_card(s, "erika")
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
    place_card(s, "erika")
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
    place_card(s, "anna")
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


def test_continuing_without_id_forgets_a_read_that_was_not_confirmed(kiosk: Kiosk) -> None:
    """The name, birth date and photo read from the chip go with the application only if the
    citizen confirmed them; "continue without ID card" instead drops them (failed before:
    the unconfirmed identity was sent)."""
    s = start_service(kiosk, "maengel-melden")
    read_card(kiosk, "erika", confirm=False)
    assert s.identity is not None
    identity = s.identity
    s.skip_identification()
    assert s.screen is Screen.FORM
    assert s.identity is None
    assert identity.family_name == "" and not identity.photo_jpeg  # blanked, not just dropped
