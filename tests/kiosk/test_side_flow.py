"""The seam for flows beside the main one (the coming video call, the camera): a dummy side
flow lies over a screen, the main flow waits, and the citizen comes back to it exactly."""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.session import EndReason, Overlay, Screen
from kiosk.session.visit import Visit
from tests.kiosk.conftest import Kiosk
from tests.kiosk.journeys import JOURNEYS, fill, start_service, to_review


@dataclass
class DummyCall:
    name: str = "call"
    stopped_for: list[Visit] = field(default_factory=list)

    def stopped(self, visit: Visit) -> None:
        self.stopped_for.append(visit)


def test_a_side_flow_suspends_and_resumes_the_main_one(kiosk: Kiosk) -> None:
    s = start_service(kiosk, "maengel-melden")
    s.skip_identification()
    fill(s, {"category": "pothole", "location": "Hauptstraße 5"})
    s.next_page()
    assert (s.screen, s.page_index) == (Screen.FORM, 1)
    fill(s, {"description": "Tiefes Schlagloch"})
    visit = s.visit
    call = DummyCall()

    assert s.begin_side_flow(call)
    assert s.overlay is Overlay.SIDE_FLOW and s.side_flow is call
    # The main flow waits: its actions are refused, and nobody is timed out during a call.
    s.back()
    s.next_page()
    s.request_cancel()
    assert (s.screen, s.page_index, s.overlay) == (Screen.FORM, 1, Overlay.SIDE_FLOW)
    assert "inactivity" not in kiosk.scheduler.pending_timers()
    kiosk.scheduler.advance(10 * 60)
    assert s.overlay is Overlay.SIDE_FLOW

    assert s.finish_side_flow(call)
    assert s.overlay is Overlay.NONE and s.side_flow is None
    assert (s.screen, s.page_index) == (Screen.FORM, 1)
    assert s.visit is visit
    assert s.values["description"] == "Tiefes Schlagloch"
    assert "inactivity" in kiosk.scheduler.pending_timers()
    assert call.stopped_for == []
    assert not s.finish_side_flow(call)  # only once


def test_a_side_flow_is_stopped_when_the_visit_ends(kiosk: Kiosk) -> None:
    s = start_service(kiosk, "maengel-melden")
    visit = s.visit
    call = DummyCall()
    assert s.begin_side_flow(call)
    s.end(EndReason.FAULT)
    assert call.stopped_for == [visit]
    assert s.screen is Screen.ATTRACT and s.overlay is Overlay.NONE and s.side_flow is None
    assert not s.finish_side_flow(call)
    assert visit is not None and visit.wiped


def test_no_side_flow_without_a_citizen(kiosk: Kiosk) -> None:
    assert not kiosk.session.begin_side_flow(DummyCall())
    assert kiosk.session.overlay is Overlay.NONE


def test_no_side_flow_while_the_application_is_being_stored(kiosk: Kiosk) -> None:
    """The outbox's answer must find its screen: a call begun while storing would leave the
    citizen on "storing …" for ever after it (the table refused STORED under the overlay)."""
    to_review(kiosk, next(j for j in JOURNEYS if j.service_id == "termin"))
    s = kiosk.session
    s.set_consent(True)
    s.submit()
    assert s.screen is Screen.SUBMITTING
    assert not s.begin_side_flow(DummyCall())
    kiosk.wait_for(lambda: s.screen is Screen.DONE)
    assert s.begin_side_flow(call := DummyCall())  # on the done screen it may
    assert s.finish_side_flow(call)
