"""A receipt's QR code held to the camera fills the tracking number: the running simulated
camera shows a receipt, zxing-cpp reads it on the analyser thread, the session checks it."""

from __future__ import annotations

import dataclasses

from drivers.camera.scenes import Scene
from drivers.camera.simulated import SimulatedCamera
from kiosk.session import Change, ScanProblem, Screen
from kiosk.session import scan as scan_flow
from tests.kiosk.conftest import Kiosk, MakeKiosk, simulated_devices
from wire.tracking import new_tracking_code


def kiosk_with_camera(make_kiosk: MakeKiosk) -> tuple[Kiosk, SimulatedCamera]:
    camera = SimulatedCamera(1280, 720, seed=9, fps=15)
    k = make_kiosk(devices=dataclasses.replace(simulated_devices(), camera=camera))
    camera.start()
    return k, camera


def to_tracking_field(k: Kiosk, service: str) -> None:
    s = k.session
    s.start()
    s.choose_service(service)
    s.proceed()
    if s.screen is Screen.IDENTIFY:
        s.skip_identification()
    assert s.screen is Screen.FORM


def test_a_receipt_held_up_looks_up_its_status(make_kiosk: MakeKiosk) -> None:
    k, camera = kiosk_with_camera(make_kiosk)
    code = new_tracking_code()
    camera.hold(Scene.RECEIPT, k.config.status_url.format(tracking=code))
    s = k.session
    to_tracking_field(k, "antragsstatus")
    assert s.can_scan("tracking_number")
    changes: list[frozenset[Change]] = []
    s.subscribe(changes.append)
    s.start_scan("tracking_number")
    assert s.scanning == "tracking_number"
    assert camera.frames.wanted  # the camera runs while it looks
    k.wait_for(lambda: s.screen is Screen.STATUS)
    # Filled and asked at once, as if the citizen had typed it and pressed "Next".
    assert s.values["tracking_number"] == code
    assert s.lookup_code == code
    assert s.scanning == "" and s.scan_problem is None
    assert not camera.frames.wanted  # and rests again
    assert any(Change.SCAN in c for c in changes)


def test_a_code_that_is_not_a_receipt_is_refused_and_scanning_goes_on(
    make_kiosk: MakeKiosk,
) -> None:
    k, camera = kiosk_with_camera(make_kiosk)
    camera.hold(Scene.RECEIPT, "https://evil.example/login")
    s = k.session
    to_tracking_field(k, "antragsstatus")
    s.start_scan("tracking_number")
    k.wait_for(lambda: s.scan_problem is ScanProblem.FOREIGN_CODE)
    assert s.scanning == "tracking_number"  # still looking
    assert "tracking_number" not in s.values
    # The right receipt next: accepted.
    code = new_tracking_code()
    camera.hold(Scene.RECEIPT, k.config.status_url.format(tracking=code))
    k.wait_for(lambda: s.screen is Screen.STATUS)
    assert s.values["tracking_number"] == code


def test_the_citizen_can_stop_scanning_and_type(make_kiosk: MakeKiosk) -> None:
    k, camera = kiosk_with_camera(make_kiosk)
    s = k.session
    to_tracking_field(k, "antragsstatus")
    s.start_scan("tracking_number")
    assert camera.frames.wanted
    s.stop_scan()
    assert s.scanning == "" and not camera.frames.wanted
    assert s.screen is Screen.FORM


def test_scanning_stops_after_a_while_without_a_receipt(make_kiosk: MakeKiosk) -> None:
    k, camera = kiosk_with_camera(make_kiosk)  # the street: no QR code anywhere
    s = k.session
    to_tracking_field(k, "antragsstatus")
    s.start_scan("tracking_number")
    k.scheduler.advance(scan_flow.SCAN_FOR_S + 1)
    assert s.scanning == "" and s.scan_problem is ScanProblem.NOTHING_FOUND
    assert not camera.frames.wanted


def test_leaving_the_page_or_the_visit_ends_the_scan(make_kiosk: MakeKiosk) -> None:
    k, camera = kiosk_with_camera(make_kiosk)
    s = k.session
    to_tracking_field(k, "antragsstatus")
    s.start_scan("tracking_number")
    s.back()
    assert s.screen is not Screen.FORM
    assert not camera.frames.wanted
    assert s.screen is Screen.SERVICE
    s.proceed()
    s.start_scan("tracking_number")
    assert camera.frames.wanted
    s.request_cancel()
    s.confirm_cancel()
    assert s.screen is Screen.ATTRACT
    assert not camera.frames.wanted


def test_without_a_working_camera_the_citizen_is_told_to_type(make_kiosk: MakeKiosk) -> None:
    k, camera = kiosk_with_camera(make_kiosk)
    camera.working = False
    s = k.session
    to_tracking_field(k, "antragsstatus")
    s.start_scan("tracking_number")
    assert s.scanning == "" and s.scan_problem is ScanProblem.CAMERA_UNAVAILABLE


def test_only_a_tracking_number_field_can_be_scanned(make_kiosk: MakeKiosk) -> None:
    k, _ = kiosk_with_camera(make_kiosk)
    s = k.session
    to_tracking_field(k, "maengel-melden")
    page_keys = [f.key for f in s.page.fields] if s.page else []
    assert page_keys and not any(s.can_scan(key) for key in page_keys)
    s.start_scan(page_keys[0])
    assert s.scanning == ""


def test_unterlagen_nachreichen_takes_the_number_the_same_way_and_stays_on_the_form(
    make_kiosk: MakeKiosk,
) -> None:
    k, camera = kiosk_with_camera(make_kiosk)
    code = new_tracking_code()
    camera.hold(Scene.RECEIPT, k.config.status_url.format(tracking=code))
    s = k.session
    to_tracking_field(k, "unterlagen-nachreichen")
    assert s.can_scan("tracking_number")
    s.start_scan("tracking_number")
    k.wait_for(lambda: s.values.get("tracking_number") == code)
    # A submission: the citizen goes on when ready (the photos come next).
    assert s.screen is Screen.FORM and s.scanning == ""
    assert not camera.frames.wanted
