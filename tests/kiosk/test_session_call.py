"""The video call as a flow beside the main one: consent, queue, call, chat, hang-up, and back
to exactly the screen the citizen left. The link to the hub is a stand-in here; the real one
(aiortc, the hub, a clerk in Chromium) is exercised by tests/e2e/test_call.py."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from drivers.camera.frames import LatestFrame
from kiosk.call.link import CallEvent, CallPhase
from kiosk.session import Overlay, Screen
from kiosk.session.call import CLOSE_AFTER_S, CONSENT_FOR_S
from kiosk.session.states import CallStep
from tests.kiosk.conftest import Kiosk
from tests.kiosk.journeys import fill, start_service


@dataclass
class StandInLink:
    events: Callable[[CallEvent], None]
    camera: LatestFrame | None
    started: list[tuple[str, str]] = field(default_factory=list)
    chats: list[str] = field(default_factory=list)
    hung_up: int = 0
    muted: bool = False
    camera_on: bool = True
    printed: list[str] = field(default_factory=list)
    clerk_frames: LatestFrame = field(default_factory=LatestFrame)
    forms: list[str] = field(default_factory=list)

    def start(self, topic: str, language: str, redial_of: str = "") -> None:
        self.started.append((topic, language))

    def hang_up(self) -> None:
        self.hung_up += 1

    def chat(self, text: str) -> None:
        self.chats.append(text)

    def set_camera(self, on: bool) -> None:
        self.camera_on = on

    def set_muted(self, muted: bool) -> None:
        self.muted = muted

    def report_printed(self, outcome: str) -> None:
        self.printed.append(outcome)

    def share_form(self, snapshot: str) -> None:
        self.forms.append(snapshot)

    def form(self) -> dict[str, Any]:
        """The form as the clerk last saw it."""
        return dict(json.loads(self.forms[-1]))


@dataclass
class StandInDialer:
    links: list[StandInLink] = field(default_factory=list)

    def dial(self, events: Callable[[CallEvent], None], camera: LatestFrame | None) -> StandInLink:
        link = StandInLink(events, camera)
        self.links.append(link)
        return link


def with_dialer(kiosk: Kiosk) -> StandInDialer:
    dialer = StandInDialer()
    kiosk.terminal.equipment.call_dialer = dialer
    return dialer


def tell(kiosk: Kiosk, link: StandInLink, phase: CallPhase, **fields: object) -> None:
    """The link's thread says something; the session hears it on its own thread."""
    link.events(CallEvent(phase, "call-1", **fields))  # type: ignore[arg-type]
    kiosk.scheduler.drain()


def test_a_citizen_calls_talks_writes_and_is_back_on_their_form(kiosk: Kiosk) -> None:
    dialer = with_dialer(kiosk)
    s = start_service(kiosk, "maengel-melden")
    s.skip_identification()
    fill(s, {"category": "pothole", "location": "Hauptstraße 5"})
    s.call_clerk()
    assert s.overlay is Overlay.SIDE_FLOW and s.call is not None
    assert s.call.step is CallStep.CONSENT and dialer.links == []  # nothing before consent
    s.consent_to_call()
    (link,) = dialer.links
    assert link.started == [("Mängel melden", "de")]
    assert s.call.step is CallStep.CONNECTING
    tell(kiosk, link, CallPhase.QUEUED, position=2, wait_s=240.0, clerks=1)
    assert (s.call.step, s.call.position, s.call.wait_s) == (CallStep.WAITING, 2, 240.0)
    tell(kiosk, link, CallPhase.ANSWERED, clerk="Frau Weber")
    assert (s.call.step, s.call.clerk) == (CallStep.ANSWERED, "Frau Weber")
    tell(kiosk, link, CallPhase.CONNECTED)
    assert s.call.step is CallStep.IN_CALL
    # Nobody is timed out while talking.
    kiosk.scheduler.advance(15 * 60)
    assert s.call is not None and s.call.step is CallStep.IN_CALL
    # Text both ways; mute and camera off reach the link.
    tell(kiosk, link, CallPhase.CHAT, text="Guten Tag!")
    s.send_call_chat("  Ich höre   schlecht  ")
    assert [(c.from_citizen, c.text) for c in s.call.chat] == [
        (False, "Guten Tag!"),
        (True, "Ich höre schlecht"),
    ]
    assert link.chats == ["Ich höre schlecht"]
    s.set_call_muted(True)
    s.set_call_camera(False)
    assert link.muted and not link.camera_on and s.call.muted and not s.call.camera_on
    # The loudspeaker failed: the citizen reads that the call goes on in writing.
    assert not s.call.sound_missing
    tell(kiosk, link, CallPhase.NO_SOUND)
    assert s.call.sound_missing and s.call.step is CallStep.IN_CALL
    # The clerk hangs up: the citizen reads it, then is back on the form as it was.
    tell(kiosk, link, CallPhase.ENDED, reason="hung_up")
    assert (s.call.step, s.call.reason) == (CallStep.ENDED, "hung_up")
    chat = s.call.chat
    s.close_call()
    assert s.call is None and s.overlay is Overlay.NONE and chat == []
    assert s.screen is Screen.FORM and s.values["location"] == "Hauptstraße 5"


def test_the_citizen_hangs_up_and_a_late_event_changes_nothing(kiosk: Kiosk) -> None:
    dialer = with_dialer(kiosk)
    s = start_service(kiosk, "maengel-melden")
    s.call_clerk()
    s.consent_to_call()
    (link,) = dialer.links
    tell(kiosk, link, CallPhase.QUEUED, position=1, wait_s=0.0, clerks=1)
    s.hang_up_call()
    assert link.hung_up == 1 and s.call is not None and s.call.step is CallStep.ENDED
    tell(kiosk, link, CallPhase.ANSWERED, clerk="Frau Weber")  # too late: ignored
    assert s.call.step is CallStep.ENDED and s.call.clerk == ""
    # Left alone, the overlay closes by itself.
    kiosk.scheduler.advance(CLOSE_AFTER_S + 1)
    assert s.call is None and s.overlay is Overlay.NONE


def test_without_a_hub_the_phone_number_is_offered_instead(kiosk: Kiosk) -> None:
    kiosk.terminal.equipment.call_dialer = None
    s = start_service(kiosk, "maengel-melden")
    assert not s.call_possible
    s.call_clerk()
    assert s.call is not None and s.call.step is CallStep.UNAVAILABLE
    assert s.call.reason == "no_hub"
    s.consent_to_call()  # nothing to consent to
    assert s.call.step is CallStep.UNAVAILABLE
    s.hang_up_call()
    assert s.call is None and s.overlay is Overlay.NONE


def test_an_unreachable_hub_is_said_plainly(kiosk: Kiosk) -> None:
    dialer = with_dialer(kiosk)
    s = start_service(kiosk, "maengel-melden")
    s.call_clerk()
    s.consent_to_call()
    tell(kiosk, dialer.links[0], CallPhase.FAILED, reason="unreachable")
    assert s.call is not None and (s.call.step, s.call.reason) == (
        CallStep.UNAVAILABLE,
        "unreachable",
    )


def test_an_unanswered_consent_closes_and_a_visit_ending_hangs_up(kiosk: Kiosk) -> None:
    dialer = with_dialer(kiosk)
    s = start_service(kiosk, "maengel-melden")
    s.call_clerk()
    kiosk.scheduler.advance(CONSENT_FOR_S + 1)
    assert s.call is None and s.overlay is Overlay.NONE
    s.call_clerk()
    s.consent_to_call()
    tell(kiosk, dialer.links[0], CallPhase.CONNECTED)
    tell(kiosk, dialer.links[0], CallPhase.CHAT, text="persönlich")
    view = s.call
    assert view is not None
    from kiosk.session import EndReason

    s.end(EndReason.FAULT)
    assert dialer.links[0].hung_up == 1 and s.call is None and view.chat == []
    assert s.screen is Screen.ATTRACT


def test_the_clerk_prints_a_checklist_at_the_terminal(kiosk: Kiosk) -> None:
    from drivers.printer.simulated import SimulatedPrinter

    dialer = with_dialer(kiosk)
    printer = kiosk.terminal.equipment.devices.printer
    assert isinstance(printer, SimulatedPrinter)
    # What reaches the virtual printer behind the simulator, decoded from its ESC/POS bytes.
    papers: list[list[str]] = []
    take = printer.virtual.take_printouts

    def taken() -> list[Any]:
        done = take()
        papers.extend([line.text.strip() for line in paper.lines] for paper in done)
        return done

    printer.virtual.take_printouts = taken  # type: ignore[method-assign]
    s = start_service(kiosk, "maengel-melden")
    s.call_clerk()
    s.consent_to_call()
    (link,) = dialer.links
    reported = link.printed
    tell(kiosk, link, CallPhase.CONNECTED)
    tell(
        kiosk,
        link,
        CallPhase.PRINT,
        text="Mitbringen zum Termin",
        print_kind="checklist",
        print_lines=("Personalausweis", "Meldebescheinigung"),
    )
    assert s.call is not None and s.call.printout == "Mitbringen zum Termin"
    assert s.call.print_state == "printing"
    kiosk.wait_for(lambda: s.call is not None and s.call.print_state != "printing")
    assert s.call.print_state == "printed" and reported == ["printed"]
    (text,) = papers
    assert "Mitbringen zum Termin" in text
    assert any("Personalausweis" in line for line in text)
    assert any("während Ihres Videogesprächs" in line for line in text)


def test_a_printer_without_paper_is_reported_to_the_clerk(kiosk: Kiosk) -> None:
    from drivers.printer.simulated import SimulatedPrinter

    dialer = with_dialer(kiosk)
    printer = kiosk.terminal.equipment.devices.printer
    assert isinstance(printer, SimulatedPrinter)
    printer.paper = 0
    kiosk.terminal.equipment.print_station.refresh()
    kiosk.wait_for(lambda: not kiosk.terminal.equipment.print_station.can_print)
    s = start_service(kiosk, "maengel-melden")
    s.call_clerk()
    s.consent_to_call()
    (link,) = dialer.links
    reported = link.printed
    tell(kiosk, link, CallPhase.CONNECTED)
    tell(kiosk, link, CallPhase.PRINT, text="Termin", print_kind="appointment", print_lines=())
    kiosk.wait_for(lambda: bool(reported))
    assert reported == ["paper_out"]
    assert s.call is not None and s.call.print_state == "paper_out"


def test_a_broken_connection_is_told_and_the_call_comes_back(kiosk: Kiosk) -> None:
    dialer = with_dialer(kiosk)
    s = start_service(kiosk, "maengel-melden")
    s.call_clerk()
    s.consent_to_call()
    (link,) = dialer.links
    tell(kiosk, link, CallPhase.ANSWERED, clerk="Frau Weber")
    tell(kiosk, link, CallPhase.CONNECTED)
    tell(kiosk, link, CallPhase.RECONNECTING)
    assert s.call is not None and s.call.step is CallStep.RECONNECTING
    # The re-dial is answered by the same clerk: the citizen stays on "reconnecting" until
    # picture and sound are back, then is in the call again.
    tell(kiosk, link, CallPhase.ANSWERED, clerk="Frau Weber")
    assert s.call.step is CallStep.RECONNECTING
    tell(kiosk, link, CallPhase.CONNECTED)
    assert s.call.step is CallStep.IN_CALL and s.call.clerk == "Frau Weber"
    # Had it not come back: said plainly, entries kept.
    tell(kiosk, link, CallPhase.ENDED, reason="connection_lost")
    assert (s.call.step, s.call.reason) == (CallStep.ENDED, "connection_lost")


def test_nobody_at_the_desk_the_citizen_asks_for_a_call_back(kiosk: Kiosk) -> None:
    dialer = with_dialer(kiosk)
    s = start_service(kiosk, "maengel-melden")
    s.skip_identification()
    fill(s, {"category": "pothole", "location": "Hauptstraße 5"})
    s.call_clerk()
    s.consent_to_call()
    (link,) = dialer.links
    # Somebody at the desk: no call-back offered, the citizen waits.
    tell(kiosk, link, CallPhase.QUEUED, position=1, wait_s=60.0, clerks=1)
    assert s.call is not None and not s.call.call_back_offered
    s.ask_call_back()
    assert s.call.step is CallStep.WAITING
    # Nobody: said honestly, and a call-back offered.
    tell(kiosk, link, CallPhase.QUEUED, position=1, wait_s=240.0, clerks=0)
    assert s.call.call_back_offered
    s.ask_call_back()
    assert s.call.step is CallStep.CALL_BACK and link.hung_up == 1
    assert s.call_back_service is not None
    assert [f.key for f in s.call_back_service.fields()] == ["phone", "topic", "when"]
    # The catalogue's rules check it: a number that is none, no topic.
    s.send_call_back({"phone": "abc", "when": "morning"})
    assert set(s.call.call_back_problems) == {"phone", "topic"}
    s.send_call_back(
        {"phone": "+49 170 1234567", "topic": "Frage zur Sperrmüllabholung", "when": "afternoon"}
    )
    kiosk.wait_for(lambda: s.call is not None and s.call.step is CallStep.CALL_BACK_SENT)
    code = s.call.call_back_code
    assert len(code.replace("-", "")) == 12
    # Stored sealed in the outbox like any submission; the form underneath is untouched.
    (stored,) = kiosk.stored_payloads()
    assert stored["service"]["id"] == "rueckruf" and stored["tracking_code"] == code
    assert stored["form"]["phone"] == "+49 170 1234567"
    assert stored["form"]["when"] == "afternoon"
    s.close_call()
    assert s.screen is Screen.FORM and s.values["location"] == "Hauptstraße 5"


def test_a_call_that_cannot_be_placed_offers_the_call_back_too(kiosk: Kiosk) -> None:
    kiosk.terminal.equipment.call_dialer = None
    s = start_service(kiosk, "maengel-melden")
    s.call_clerk()
    assert s.call is not None and s.call.call_back_offered
    s.ask_call_back()
    assert s.call.step is CallStep.CALL_BACK


def test_a_citizen_who_walks_away_leaves_no_call_waiting(kiosk: Kiosk) -> None:
    from kiosk.session.call import NOBODY_WAIT_FOR_S, WAIT_FOR_S

    dialer = with_dialer(kiosk)
    s = start_service(kiosk, "maengel-melden")
    s.call_clerk()
    s.consent_to_call()
    (link,) = dialer.links
    # Nobody at the desk: given up after a few minutes, said so, a call-back offered.
    tell(kiosk, link, CallPhase.QUEUED, position=1, wait_s=240.0, clerks=0)
    kiosk.scheduler.advance(NOBODY_WAIT_FOR_S + 1)
    assert link.hung_up == 1 and s.call is not None
    assert (s.call.step, s.call.reason) == (CallStep.ENDED, "no_clerk")
    assert s.call.call_back_offered
    # Nobody touches it: the overlay closes, the inactivity timer counts again.
    kiosk.scheduler.advance(CLOSE_AFTER_S * 3 + 1)
    assert s.call is None and s.overlay is Overlay.NONE
    assert "inactivity" in kiosk.scheduler.pending_timers()
    # With clerks at the desk the wait is longer, but not endless.
    s.call_clerk()
    s.consent_to_call()
    second = dialer.links[1]
    tell(kiosk, second, CallPhase.QUEUED, position=3, wait_s=600.0, clerks=2)
    kiosk.scheduler.advance(NOBODY_WAIT_FOR_S + 1)
    assert s.call is not None and s.call.step is CallStep.WAITING
    kiosk.scheduler.advance(WAIT_FOR_S - NOBODY_WAIT_FOR_S)
    assert second.hung_up == 1 and s.call is not None and s.call.step is CallStep.ENDED


def test_a_full_queue_is_said_and_a_call_back_offered(kiosk: Kiosk) -> None:
    dialer = with_dialer(kiosk)
    s = start_service(kiosk, "maengel-melden")
    s.call_clerk()
    s.consent_to_call()
    tell(kiosk, dialer.links[0], CallPhase.ENDED, reason="busy")
    assert s.call is not None and s.call.step is CallStep.UNAVAILABLE
    assert s.call.call_back_offered


def test_a_second_touch_on_send_stores_one_call_back(kiosk: Kiosk) -> None:
    kiosk.terminal.equipment.call_dialer = None
    s = start_service(kiosk, "maengel-melden")
    s.call_clerk()
    s.ask_call_back()
    values = {"phone": "+49 170 1234567", "topic": "Eine Frage", "when": "any"}
    s.send_call_back(values)
    s.send_call_back(values)
    kiosk.wait_for(lambda: s.call is not None and s.call.step is CallStep.CALL_BACK_SENT)
    assert len(kiosk.stored_payloads()) == 1


def test_the_clerk_s_confirmation_goes_with_the_application(kiosk: Kiosk) -> None:
    from tests.kiosk.journeys import JOURNEYS, to_review

    dialer = with_dialer(kiosk)
    termin = next(j for j in JOURNEYS if j.service_id == "termin")
    to_review(kiosk, termin)
    s = kiosk.session
    s.call_clerk()
    s.consent_to_call()
    (link,) = dialer.links
    tell(kiosk, link, CallPhase.CONNECTED)
    link.events(CallEvent(CallPhase.IDENTITY_CONFIRMED, "call-abc-123"))
    kiosk.scheduler.drain()
    assert s.call is not None and s.call.identity_confirmed
    s.close_call()
    s.set_consent(True)
    s.submit()
    kiosk.wait_for(lambda: s.screen is Screen.DONE)
    (stored,) = kiosk.stored_payloads()
    assert stored["confirmed_in_call"] == "call-abc-123"


def test_a_call_back_that_cannot_be_stored_keeps_the_form_to_try_again(
    make_kiosk: Any, monkeypatch: Any
) -> None:
    from tests.kiosk.fakes import OutboxControl, disk_full, scripted_outbox

    control = OutboxControl(disk_full())
    monkeypatch.setattr("offline_queue.outbox.Outbox", scripted_outbox(control))
    k = make_kiosk()
    k.terminal.equipment.call_dialer = None
    s = start_service(k, "maengel-melden")
    s.call_clerk()
    s.ask_call_back()
    values = {"phone": "+49 170 1234567", "topic": "Eine Frage", "when": "any"}
    s.send_call_back(values)
    k.wait_for(lambda: s.call is not None and s.call.call_back_failed)
    assert s.call is not None and s.call.step is CallStep.CALL_BACK
    control.failure = None
    s.send_call_back(values)
    k.wait_for(lambda: s.call is not None and s.call.step is CallStep.CALL_BACK_SENT)


def test_a_catalogue_without_a_call_back_form_offers_none(kiosk: Kiosk) -> None:
    import dataclasses

    from kiosk.session.call_back import CallBack

    catalogue = kiosk.terminal.catalogue
    assert catalogue is not None and catalogue.contact is not None
    core = kiosk.session._core  # the flow's own view of the terminal
    for contact in (
        None,
        dataclasses.replace(catalogue.contact, call_back_service=""),
        dataclasses.replace(catalogue.contact, call_back_service="no-such-form"),
    ):
        monkeyed = dataclasses.replace(catalogue, contact=contact)
        original, core.catalogue = core.catalogue, monkeyed
        try:
            call_back = CallBack(core, None if contact is None else object(), None)  # type: ignore[arg-type]
            assert call_back.service is None and call_back.problems({}) == {}
            told: list[str | None] = []
            call_back.send({}, told.append)
            assert told == [None]
        finally:
            core.catalogue = original


def test_the_clerk_sees_the_form_and_the_citizen_takes_or_leaves_suggestions(
    kiosk: Kiosk,
) -> None:
    from kiosk.session.coview import PendingSuggestion

    dialer = with_dialer(kiosk)
    s = start_service(kiosk, "maengel-melden")
    s.skip_identification()
    fill(s, {"category": "pothole", "location": "Hauptstr 5"})
    s.set_language("en")  # the citizen reads English; the clerk's view stays German
    s.call_clerk()
    s.consent_to_call()
    (link,) = dialer.links
    tell(kiosk, link, CallPhase.ANSWERED, clerk="Frau Weber")
    tell(kiosk, link, CallPhase.CONNECTED)
    assert link.forms == []  # nothing until the clerk's side of the channel is open
    tell(kiosk, link, CallPhase.FORM_WANTED)
    form = link.form()
    assert form["service"] == "Mängel melden" and form["page"] == 0
    first = {f["key"]: f for f in form["pages"][0]["fields"]}
    assert first["location"]["value"] == "Hauptstr 5" and first["location"]["label"] == "Wo ist es?"
    assert first["category"]["shown"] == "Schlagloch oder Straßenschaden"
    # Only the form: the pages' fields, and nothing else of the visit.
    assert set(form) == {"type", "service", "page", "pages", "pending", "answered"}
    # The clerk corrects the place: it waits, marked, for the citizen.
    tell(kiosk, link, CallPhase.SUGGESTION, key="location", value="Hauptstraße 5")
    assert s.values["location"] == "Hauptstr 5"
    assert s.call_suggestions == [
        PendingSuggestion("location", "Where is it?", "Hauptstr 5", "Hauptstraße 5")
    ]
    assert link.form()["pending"] == {"location": "Hauptstraße 5"}
    s.answer_suggestion("location", True)
    assert s.values["location"] == "Hauptstraße 5" and s.call_suggestions == []
    visit = kiosk.session.visit
    assert visit is not None and visit.from_clerk == {"location"}
    assert link.form()["answered"] == {"location": "accepted"}
    # One the citizen leaves: the form keeps theirs.
    tell(kiosk, link, CallPhase.SUGGESTION, key="category", value="street_light")
    s.answer_suggestion("category", False)
    assert s.values["category"] == "pothole" and link.form()["answered"]["category"] == "declined"
    # What the form cannot take is left aside: no such field, no such choice, two lines in a
    # one-line field, an address for a text.
    for key, value in (
        ("iban", "DE00"),
        ("category", "flood"),
        ("location", "a\nb"),
        ("location", {"street": "x"}),
    ):
        tell(kiosk, link, CallPhase.SUGGESTION, key=key, value=value)
        assert s.call_suggestions == []
    # The call ends: a suggestion still waiting is no longer offered, nor taken unseen; it
    # goes with the call, and what was taken stays.
    tell(kiosk, link, CallPhase.SUGGESTION, key="location", value="Kirchplatz")
    assert len(s.call_suggestions) == 1
    tell(kiosk, link, CallPhase.ENDED, reason="hung_up")
    assert s.call_suggestions == []
    s.answer_suggestion("location", True)
    assert s.values["location"] == "Hauptstraße 5"
    s.close_call()
    assert s.call_suggestions == [] and s.values["location"] == "Hauptstraße 5"
    assert visit.suggested == {} and visit.from_clerk == {"location"}


def test_the_clerk_gets_the_chip_s_photo_to_compare_with_the_person(kiosk: Kiosk) -> None:
    import base64

    from tests.kiosk.journeys import read_card

    dialer = with_dialer(kiosk)
    s = start_service(kiosk, "briefwahl")
    read_card(kiosk, "erika")
    visit = kiosk.session.visit
    assert visit is not None and visit.identity is not None and visit.identity.photo_jpeg
    s.call_clerk()
    s.consent_to_call()
    (link,) = dialer.links
    tell(kiosk, link, CallPhase.CONNECTED)
    tell(kiosk, link, CallPhase.FORM_WANTED)
    photo, form = (json.loads(m) for m in link.forms)
    assert (photo["type"], photo["source"], form["type"]) == ("photo", "chip", "form")
    assert base64.b64decode(photo["data"]) == bytes(visit.identity.photo_jpeg)
    assert photo["mime"] in ("image/jpeg", "image/png")
    # A re-dial or a transfer opens the channel anew: the new clerk gets it too.
    tell(kiosk, link, CallPhase.FORM_WANTED)
    assert [json.loads(m)["type"] for m in link.forms[2:]] == ["photo", "form"]


def in_call(kiosk: Kiosk, service: str = "maengel-melden") -> tuple[Any, StandInLink]:
    dialer = with_dialer(kiosk)
    s = start_service(kiosk, service)
    s.skip_identification()
    s.call_clerk()
    s.consent_to_call()
    (link,) = dialer.links
    tell(kiosk, link, CallPhase.ANSWERED, clerk="Frau Weber")
    tell(kiosk, link, CallPhase.CONNECTED)
    tell(kiosk, link, CallPhase.FORM_WANTED)
    return s, link


def test_docked_the_citizen_fills_in_the_form_and_the_clerk_sees_it_as_typed(
    kiosk: Kiosk,
) -> None:
    from kiosk.session.call import SHARE_AFTER_S

    s, link = in_call(kiosk)
    assert s.screen is Screen.FORM and s.overlay is Overlay.SIDE_FLOW
    s.dock_call()
    assert s.call is not None and s.call.docked and s.call.step is CallStep.IN_CALL
    assert s.overlay is Overlay.NONE and s.screen is Screen.FORM
    sent = len(link.forms)
    # A burst of typing is one message to the clerk, a quarter second after its first key.
    for text in ("K", "Ki", "Kirchplatz"):
        s.set_value("location", text)
    kiosk.scheduler.drain()
    assert len(link.forms) == sent
    kiosk.scheduler.advance(SHARE_AFTER_S + 0.01)
    assert len(link.forms) == sent + 1
    fields = {f["key"]: f for f in link.form()["pages"][0]["fields"]}
    assert fields["location"]["value"] == "Kirchplatz"
    # A choice tapped, and the next page, follow too.
    s.set_value("category", "pothole")
    kiosk.scheduler.advance(SHARE_AFTER_S + 0.01)
    assert {f["key"]: f for f in link.form()["pages"][0]["fields"]}["category"]["value"] == (
        "pothole"
    )
    # Nobody is timed out while talking, docked or not.
    kiosk.scheduler.advance(15 * 60)
    assert s.call is not None and s.overlay is Overlay.NONE and s.screen is Screen.FORM
    # The clerk writes: the dock counts it until the call is looked at again.
    tell(kiosk, link, CallPhase.CHAT, text="Welche Hausnummer?")
    assert s.call.unread == 1
    s.call_clerk()  # *Mit dem Rathaus sprechen* (or the dock): the call large again
    assert s.overlay is Overlay.SIDE_FLOW and not s.call.docked and s.call.unread == 0
    assert s.values["location"] == "Kirchplatz"


def test_hanging_up_in_the_dock_leaves_the_citizen_on_their_screen(kiosk: Kiosk) -> None:
    s, link = in_call(kiosk)
    s.dock_call()
    s.hang_up_call()
    assert link.hung_up == 1 and s.call is None and s.overlay is Overlay.NONE
    assert s.screen is Screen.FORM
    # The timers run again: inactivity brings the warning as on any form.
    kiosk.scheduler.advance(kiosk.session._core.setting.timeouts.inactivity_s + 1)
    assert s.overlay is Overlay.TIMEOUT_WARNING
    # Typing after the call sends nothing.
    sent = len(link.forms)
    s.extend()
    s.set_value("location", "x")
    kiosk.scheduler.advance(5)
    assert len(link.forms) == sent


def test_a_call_ending_in_the_dock_is_laid_over_the_screen_to_say_so(kiosk: Kiosk) -> None:
    s, link = in_call(kiosk)
    s.dock_call()
    tell(kiosk, link, CallPhase.ENDED, reason="hung_up")
    assert s.call is not None and s.call.step is CallStep.ENDED and not s.call.docked
    assert s.overlay is Overlay.SIDE_FLOW
    s.close_call()
    assert s.overlay is Overlay.NONE and s.screen is Screen.FORM


def test_a_call_ending_under_a_dialog_closes_and_leaves_the_dialog(kiosk: Kiosk) -> None:
    s, link = in_call(kiosk)
    s.dock_call()
    s.request_cancel()
    assert s.overlay is Overlay.CONFIRM_CANCEL
    tell(kiosk, link, CallPhase.ENDED, reason="hung_up")
    assert s.call is None and s.overlay is Overlay.CONFIRM_CANCEL
    s.confirm_cancel()
    # Cancelling the visit in the dock's presence ends the call with it.
    s2, link2 = in_call(kiosk)
    s2.dock_call()
    s2.request_cancel()
    s2.confirm_cancel()
    assert s2.call is None and link2.hung_up == 1 and s2.screen is Screen.ATTRACT


def test_only_a_call_in_progress_can_be_docked(kiosk: Kiosk) -> None:
    dialer = with_dialer(kiosk)
    s = start_service(kiosk, "maengel-melden")
    s.call_clerk()
    s.dock_call()  # the consent question: not yet
    assert s.call is not None and not s.call.docked and s.overlay is Overlay.SIDE_FLOW
    s.consent_to_call()
    (link,) = dialer.links
    tell(kiosk, link, CallPhase.QUEUED, position=1, wait_s=0.0, clerks=1)
    s.dock_call()  # waiting in the queue: not yet
    assert not s.call.docked


def test_the_clerk_asks_for_the_id_document_and_gets_its_photo_or_a_no(kiosk: Kiosk) -> None:
    import cv2
    import numpy as np

    from drivers.camera.scenes import Scene
    from drivers.camera.simulated import SimulatedCamera
    from kiosk.session.call import DOCUMENT_LONG_SIDE
    from wire.coview import MAX_PHOTO_BYTES

    s, link = in_call(kiosk)
    camera = kiosk.terminal.devices.camera
    assert isinstance(camera, SimulatedCamera)
    camera.hold(Scene.PASSPORT, "anna")
    s.send_document_to_clerk()  # not asked for: nothing is taken
    assert s.call is not None and s.call.document == ""
    tell(kiosk, link, CallPhase.DOCUMENT_WANTED)
    assert s.call.document == "wanted"
    s.send_document_to_clerk()
    assert s.call.document == "taking"
    kiosk.wait_for(lambda: s.call is not None and s.call.document == "sent")
    sent = json.loads(link.forms[-1])
    assert (sent["type"], sent["source"], sent["mime"]) == ("photo", "camera", "image/jpeg")
    import base64

    jpeg = base64.b64decode(sent["data"])
    assert len(jpeg) <= MAX_PHOTO_BYTES
    picture = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert picture is not None and max(picture.shape[:2]) <= DOCUMENT_LONG_SIDE
    # Asked again, the citizen says no: the clerk is told, nothing is taken.
    tell(kiosk, link, CallPhase.DOCUMENT_WANTED)
    s.decline_document_for_clerk()
    assert s.call.document == "" and json.loads(link.forms[-1])["type"] == "document_declined"
    # A camera that gives no picture: the citizen and the clerk are told.
    camera.working = False
    tell(kiosk, link, CallPhase.DOCUMENT_WANTED)
    s.send_document_to_clerk()
    kiosk.wait_for(lambda: s.call is not None and s.call.document == "failed")
    assert json.loads(link.forms[-1])["type"] == "document_failed"


def test_a_document_photo_taken_as_the_call_ends_goes_nowhere_and_is_wiped(
    kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    from drivers.camera.base import Photo

    wiped: list[int] = []
    original = Photo.wipe

    def wipe(photo: Photo) -> None:
        wiped.append(len(photo.jpeg))
        original(photo)

    monkeypatch.setattr(Photo, "wipe", wipe)
    s, link = in_call(kiosk)
    tell(kiosk, link, CallPhase.DOCUMENT_WANTED)
    s.send_document_to_clerk()
    sent = len(link.forms)
    tell(kiosk, link, CallPhase.ENDED, reason="hung_up")
    done: list[object] = []  # the camera's worker takes one job after another
    kiosk.terminal.equipment.camera_worker.submit(lambda: None, done.append)
    kiosk.wait_for(lambda: bool(done))
    assert len(link.forms) == sent
    assert wiped and wiped[0] > 0  # the photo was taken, and wiped unsent


def test_a_photo_taken_while_the_connection_is_broken_is_not_said_to_be_sent(
    kiosk: Kiosk,
) -> None:
    s, link = in_call(kiosk)
    tell(kiosk, link, CallPhase.DOCUMENT_WANTED)
    s.send_document_to_clerk()
    tell(kiosk, link, CallPhase.RECONNECTING)
    kiosk.wait_for(lambda: s.call is not None and s.call.document != "taking")
    assert s.call is not None and s.call.document == "wanted"  # (send it again, later)
    assert all(json.loads(m)["type"] != "photo" or json.loads(m)["source"] != "camera"
               for m in link.forms)  # fmt: skip


def test_a_docked_call_handed_to_a_colleague_is_laid_over_the_screen_again(
    kiosk: Kiosk,
) -> None:
    s, link = in_call(kiosk)
    tell(kiosk, link, CallPhase.DOCUMENT_WANTED)
    s.dock_call()
    # Broken for a moment: the dock says so and stays.
    tell(kiosk, link, CallPhase.RECONNECTING)
    assert s.call is not None and s.call.docked and s.call.document == ""
    tell(kiosk, link, CallPhase.CONNECTED)
    assert s.call.docked
    # Handed on: the citizen sees who comes next, over the screen.
    tell(kiosk, link, CallPhase.ANSWERED, clerk="Herr Berg")
    assert not s.call.docked and s.overlay is Overlay.SIDE_FLOW
    assert (s.call.step, s.call.clerk) == (CallStep.ANSWERED, "Herr Berg")
