"""The passport journey with the MRZ read by the camera: the sample passport on the simulated
reader, its photo page held up to the simulated camera, the chip opened without typing."""

from __future__ import annotations

from collections.abc import Callable

from tests.support.xvfb import on_xvfb
from tests.ui.conftest import KioskDriver
from tests.ui.test_text_fits import text_problems

Make = Callable[..., KioskDriver]


def test_the_photo_page_under_the_camera_opens_the_passport(make_kiosk: Make) -> None:
    k = make_kiosk()
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_briefwahl")
    k.wait_screen("service")
    k.click("proceedButton")
    k.wait_screen("identify")
    k.click("sampleCard_anna")
    k.wait_for("documentNumberInput", timeout=10000)  # a passport: the MRZ values are asked
    k.click("mrzCameraButton")
    k.wait_for("mrzScanPanel")
    k.wait_for("cameraPreview")
    if on_xvfb():
        k.qtbot.wait(300)  # a few frames on the preview, for the screenshot
    k.shot("identify-passport-camera")
    assert text_problems(k) == []
    k.click("demoHoldPassport")
    # Read, checked, agreed by two frames, handed to the chip: no value typed.
    k.wait_for("confirmIdentityButton", timeout=20000)
    assert not k.exists("mrzScanPanel")
    frames = k.ui.terminal.equipment.devices.camera.live
    assert frames is not None
    k.qtbot.waitUntil(lambda: not frames.wanted, timeout=5000)
    k.shot("identify-passport-camera-read")
    k.click("confirmIdentityButton")
    k.wait_screen("form")
