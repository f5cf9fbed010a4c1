"""The passport's photo page held under the camera opens the chip: the running simulated camera
shows the sample passport's data page, the MRZ is read on the analyser thread, checked, agreed
by two frames, and handed to the simulated reader; the typed form stays the fallback."""

from __future__ import annotations

import dataclasses

from drivers.camera.scenes import Scene
from drivers.camera.simulated import SimulatedCamera
from drivers.card.simulated import SimulatedCardReader
from kiosk.identify import AccessKind
from kiosk.session import IdentifyState, ScanProblem, Screen
from kiosk.session import mrz_scan as mrz_flow
from tests.kiosk.conftest import Kiosk, MakeKiosk, simulated_devices
from tests.kiosk.journeys import place_card


def kiosk_with_camera(make_kiosk: MakeKiosk) -> tuple[Kiosk, SimulatedCamera]:
    camera = SimulatedCamera(1280, 720, seed=21, fps=15)
    k = make_kiosk(devices=dataclasses.replace(simulated_devices(), camera=camera))
    camera.start()
    return k, camera


def passport_on_the_reader(k: Kiosk) -> None:
    s = k.session
    s.start()
    s.choose_service("briefwahl")
    s.proceed()
    assert s.screen is Screen.IDENTIFY
    place_card(s, "anna")
    k.wait_for(lambda: s.identify_state is IdentifyState.ACCESS)
    assert s.access_kind is AccessKind.MRZ
    assert s.can_scan_mrz()


def test_the_photo_page_under_the_camera_opens_the_chip(make_kiosk: MakeKiosk) -> None:
    k, camera = kiosk_with_camera(make_kiosk)
    reader = k.session.devices.card_reader
    assert isinstance(reader, SimulatedCardReader)
    camera.hold(Scene.PASSPORT, reader.sample_mrz("anna"))
    passport_on_the_reader(k)
    s = k.session
    s.start_mrz_scan()
    assert s.mrz_scanning and camera.frames.wanted
    k.wait_for(lambda: s.identify_state in (IdentifyState.CONFIRM, IdentifyState.FAILED))
    assert s.identify_state is IdentifyState.CONFIRM
    assert s.identity is not None and s.identity.family_name.upper() == "ERIKSSON"
    assert not s.mrz_scanning and not camera.frames.wanted


def test_another_passport_under_the_camera_never_reaches_the_chip_unchecked(
    make_kiosk: MakeKiosk,
) -> None:
    # The camera reads only what the check digits confirm: a page with a misprinted date is
    # never handed to the reader (the chip's tries are kept).
    k, camera = kiosk_with_camera(make_kiosk)
    reader = k.session.devices.card_reader
    assert isinstance(reader, SimulatedCardReader)
    first, second = reader.sample_mrz("anna").splitlines()
    misprinted = second[:14] + ("1" if second[14] != "1" else "2") + second[15:]
    camera.hold(Scene.PASSPORT, first + "\n" + misprinted)
    passport_on_the_reader(k)
    s = k.session
    s.start_mrz_scan()
    k.scheduler.advance(mrz_flow.SCAN_FOR_S + 1)
    assert s.identify_state is IdentifyState.ACCESS  # the chip was never asked
    assert s.mrz_scan_problem is ScanProblem.NOTHING_FOUND
    assert not camera.frames.wanted


def test_typing_instead_stops_the_camera(make_kiosk: MakeKiosk) -> None:
    k, camera = kiosk_with_camera(make_kiosk)
    passport_on_the_reader(k)
    s = k.session
    s.start_mrz_scan()
    s.stop_mrz_scan()
    assert not s.mrz_scanning and not camera.frames.wanted
    s.submit_access(
        {"document_number": "L898902C3", "date_of_birth": "12.08.1974", "expiry": "15.04.2034"}
    )
    k.wait_for(lambda: s.identify_state is IdentifyState.CONFIRM)


def test_without_a_camera_the_citizen_types(make_kiosk: MakeKiosk) -> None:
    k, camera = kiosk_with_camera(make_kiosk)
    camera.working = False
    passport_on_the_reader(k)
    s = k.session
    s.start_mrz_scan()
    assert not s.mrz_scanning
    assert s.mrz_scan_problem is ScanProblem.CAMERA_UNAVAILABLE


def test_an_id_card_s_mrz_is_typed_not_scanned(make_kiosk: MakeKiosk) -> None:
    # Its MRZ is on its back in three lines (TD1): the camera reads passports' (TD3).
    k, _ = kiosk_with_camera(make_kiosk)
    s = k.session
    s.start()
    s.choose_service("briefwahl")
    s.proceed()
    place_card(s, "erika")
    k.wait_for(lambda: s.identify_state is IdentifyState.ACCESS)
    s.use_mrz_instead()
    assert s.access_kind is AccessKind.MRZ
    assert not s.can_scan_mrz()
    s.start_mrz_scan()
    assert not s.mrz_scanning
