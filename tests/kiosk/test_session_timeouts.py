"""Ending a session: cancel, inactivity, the done screen's countdown, the wipe."""

from __future__ import annotations

from kiosk.session import (
    Overlay,
    Screen,
)
from tests.kiosk.conftest import Kiosk, MakeKiosk, idle_timers
from tests.kiosk.journeys import (
    JOURNEYS,
    Journey,
    fill,
    read_card,
    start_service,
    submit_and_print,
    take_photos,
    to_review,
)

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
    to_review(kiosk, next(j for j in JOURNEYS if j.service_id == "termin"))
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


def test_much_more_time_for_the_rest_of_the_visit_on_request(kiosk: Kiosk) -> None:
    # WCAG 2.2.1 "adjust": ten times the inactivity time, asked for in the warning itself.
    s = start_service(kiosk, "termin")
    sched = kiosk.scheduler
    sched.advance(90)
    assert s.overlay is Overlay.TIMEOUT_WARNING and not s.more_time
    s.take_more_time()
    assert (s.overlay, s.countdown_s, s.more_time) == (Overlay.NONE, 0, True)
    sched.advance(899)
    assert s.overlay is Overlay.NONE
    sched.advance(1)
    assert (s.overlay, s.countdown_s) == (Overlay.TIMEOUT_WARNING, 60)
    s.extend()
    s.proceed()  # (any screen after: still ten times)
    sched.advance(899)
    assert s.overlay is Overlay.NONE
    s.back()  # (back to the services: another service, the same visit)
    s.back()
    assert s.more_time
    # The next citizen starts with the usual times.
    s.request_cancel()
    s.confirm_cancel()
    s.start()
    assert not s.more_time
    s.take_more_time()  # (asked for in the top bar, no warning up)
    assert s.more_time
    sched.advance(899)
    assert s.overlay is Overlay.NONE
    s.request_cancel()
    s.confirm_cancel()
    s.start()
    sched.advance(90)
    assert s.overlay is Overlay.TIMEOUT_WARNING


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
