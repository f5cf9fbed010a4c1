"""The session's photos flow."""

from __future__ import annotations

from drivers.camera.base import CameraError
from kiosk.session import (
    Screen,
)
from tests.kiosk.conftest import Kiosk, MakeKiosk, simulated_devices
from tests.kiosk.fakes import (
    FAKE_JPEG,
    ScriptedCamera,
)
from tests.kiosk.journeys import (
    JOURNEYS,
    fill,
    start_service,
    take_photos,
    to_review,
)

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
