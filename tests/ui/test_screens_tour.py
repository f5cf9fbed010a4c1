"""Walk through every screen, in both orientations and both languages, saving screenshots."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPointF

from tests.ui.conftest import KioskDriver


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
@pytest.mark.parametrize("language", ["de", "en", "ar", "de-x-ls"])
def test_every_screen_renders(
    make_kiosk: Callable[..., KioskDriver], orientation: str, language: str
) -> None:
    k = make_kiosk(orientation)
    k.label = f"{orientation}-{language}"
    if language != "de":
        k.click(f"attractLanguage_{language}")
    k.wait_screen("attract")
    k.shot("01-attract")
    k.click("startButton")
    k.wait_screen("home")
    k.shot("02-home")
    k.click("tile_sperrmuell")
    k.wait_screen("service")
    k.shot("03-service")
    k.click("proceedButton")
    k.wait_screen("identify")
    k.shot("04-identify")
    k.click("sampleCard_erika")
    k.wait_for("canInput")
    k.type_into("canInput", "123456")
    k.shot("04b-identify-can")
    # The marked CAN on the specimen and the button stay above the on-screen keyboard.
    panel = k.find("inputPanel")
    k.qtbot.waitUntil(lambda: bool(panel.property("active")))
    keyboard_top = panel.mapToScene(QPointF(0, 0)).y()
    for name in ("accessSpecimen", "accessSubmitButton"):
        item = k.find(name)
        assert item.mapToScene(QPointF(0, item.height())).y() <= keyboard_top, name
    k.click("accessSubmitButton")
    k.wait_for("confirmIdentityButton")
    k.shot("04c-identify-confirm")
    k.click("confirmIdentityButton")
    k.wait_screen("form")
    k.shot("05-form-prefilled")
    k.click("nextButton")
    k.wait_for("pageProgress")
    k.click("nextButton")
    k.wait_for("problem_items")
    k.shot("06-form-problems")
    k.type_into("input_items", "1 Sofa, 2 Stühle")
    k.type_into("input_volume", "2,5")
    k.type_into("input_preferred_date", k.clock.german(9))  # sperrmuell: 7 to 90 days ahead
    k.shot("07-form-filled-keyboard")
    k.click("nextButton")
    k.wait_screen("review")
    k.shot("08-review")
    k.click("consentToggle")
    k.shot("09-review-consent")
    k.click("submitButton")
    k.wait_screen("done")
    k.wait_for("receiptImage")
    k.shot("10-done")
    k.click("clerkButton")
    k.wait_for("clerkDialog")
    k.shot("11-clerk")
    k.click("clerkCloseButton")
    k.click("finishButton")
    k.wait_screen("attract")
    # No hub in this test: the submission waits, and the terminal says so discreetly.
    k.wait_for("attractOfflineNotice")
    k.shot("12-attract-offline")
    k.click("startButton")
    k.wait_for("offlineNotice")
    k.shot("13-home-offline")
