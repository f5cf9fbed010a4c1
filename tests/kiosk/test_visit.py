"""One citizen's visit: everything personal in one object, wiped once, never carried over
from one service to the next or from one citizen to the next."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from kiosk.session import EndReason, Screen
from kiosk.session.visit import IDLE, Visit
from tests.kiosk.conftest import MakeKiosk, simulated_devices
from tests.kiosk.fakes import HeldCamera
from tests.kiosk.journeys import fill, submit, to_review
from tests.kiosk.test_receipt_email import TERMIN, kiosk_with


def test_an_invalid_receipt_address_does_not_survive_back_to_home(
    make_kiosk: MakeKiosk, tmp_path: Path
) -> None:
    # The old session forgot the address on the way home but not that it was invalid: the
    # next service's review greeted the citizen with "this address is not valid".
    k = kiosk_with(make_kiosk, tmp_path, email=True, paper=0)
    to_review(k, TERMIN)
    s = k.session
    s.set_receipt_email("erika@example")
    submit(k)
    assert s.receipt_email_invalid
    while s.screen is not Screen.HOME:
        s.back()
    to_review(k, TERMIN)
    assert s.offers_receipt_email
    assert s.receipt_email == ""
    assert not s.receipt_email_invalid


def test_a_late_photo_does_not_reach_the_next_service(make_kiosk: MakeKiosk) -> None:
    # The camera hangs; the citizen goes back home and on to another service's photos. The
    # old session kept "capturing" and handed the first service's picture to the second.
    camera = HeldCamera()
    k = make_kiosk(devices=dataclasses.replace(simulated_devices(), camera=camera))
    s = k.session
    s.start()
    s.choose_service("unterlagen-nachreichen")
    first = s.visit
    s.proceed()
    fill(s, {"tracking_number": "7K3M-Q9XD-2AF8"})
    s.next_page()
    assert s.screen is Screen.ATTACHMENTS
    s.take_photo()
    assert camera.busy.wait(10)
    while s.screen is not Screen.HOME:
        s.back()
    assert s.visit is not first and s.visit is not None
    assert first is not None and first.wiped
    s.choose_service("unterlagen-nachreichen")
    s.proceed()
    fill(s, {"tracking_number": "7K3M-Q9XD-2AF8"})
    s.next_page()
    assert s.screen is Screen.ATTACHMENTS
    assert not s.capturing  # the new service's camera is free to use
    camera.release.set()
    k.wait_for(lambda: bool(camera.given))
    k.scheduler.drain()
    assert s.photos == []
    assert not any(camera.given[0].jpeg)  # wiped, not kept


def test_a_visit_is_made_at_start_and_dropped_at_the_end(make_kiosk: MakeKiosk) -> None:
    k = make_kiosk()
    s = k.session
    assert s.visit is None
    s.start()
    visit = s.visit
    assert visit is not None and visit.started_at == k.clock()
    s.end(EndReason.CANCELLED)
    assert s.visit is None
    assert visit.wiped
    assert s.values == {} and s.photos == [] and s.identity is None


def test_the_idle_visit_read_on_the_attract_screen_is_never_written(make_kiosk: MakeKiosk) -> None:
    # Between citizens the session's properties read an empty visit; a journey that wrote into
    # it would hand its data to the attract screen and to the next citizen.
    k = make_kiosk()
    to_review(k, TERMIN)
    submit(k)
    k.session.finish()
    k.session.touch()
    k.session.take_photo()
    k.session.set_value("name", "Erika")
    assert vars(IDLE) == vars(Visit(wiped=True))
