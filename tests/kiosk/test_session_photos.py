"""The session's photos flow."""

from __future__ import annotations

from pathlib import Path

from drivers.camera.base import CameraError, CameraStatus
from drivers.camera.opencv_camera import OpenCvCamera
from drivers.camera.settings import CaptureSettings
from kiosk.session import (
    Screen,
)
from tests.drivers.camera.test_capture import SIZE, write_video
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


def test_a_photo_from_the_real_camera_driver(make_kiosk: MakeKiosk, tmp_path: Path) -> None:
    # OpenCV's capture on a video file, started and closed by the terminal with its devices.
    video = write_video(tmp_path / "street.avi")
    devices = simulated_devices()
    devices.camera = OpenCvCamera(CaptureSettings(str(video), loop=True))
    k = make_kiosk(devices=devices)
    s = start_service(k, "unterlagen-nachreichen")
    fill(s, {"tracking_number": "7K3M-Q9XD-2AF8"})
    s.next_page()
    k.wait_for(lambda: devices.camera.status is CameraStatus.READY)
    s.take_photo()
    k.wait_for(lambda: not s.capturing)
    assert s.camera_failed is False
    [photo] = s.photos
    assert (photo.width, photo.height) == SIZE
    assert bytes(photo.jpeg[:2]) == b"\xff\xd8"  # JPEG
    k.terminal.shutdown()
    assert devices.camera.frames.latest() is None  # the capture stopped, its frame wiped


def test_a_camera_that_is_not_there_is_told_before_a_photo_service_starts(
    make_kiosk: MakeKiosk,
) -> None:
    k = make_kiosk()
    camera = k.terminal.devices.camera
    camera.working = False  # type: ignore[attr-defined]
    s = k.session
    s.start()
    s.choose_service("maengel-melden")  # takes photos
    assert s.camera_unavailable is True
    s.back()
    s.choose_service("termin")  # takes none: nothing to tell
    assert s.camera_unavailable is False
    s.back()
    camera.working = True  # type: ignore[attr-defined]
    s.choose_service("maengel-melden")
    assert s.camera_unavailable is False
