"""*Unterlagen nachreichen* photographs pages: the page is found live (its outline on the
preview, a word on what is wrong), and the photo taken is the page straightened."""

from __future__ import annotations

import io
from collections.abc import Callable

from PIL import Image

from tests.support.xvfb import on_xvfb
from tests.ui.conftest import KioskDriver
from tests.ui.test_journey import to_service

Make = Callable[..., KioskDriver]


def test_a_page_is_found_live_and_photographed_flat(make_kiosk: Make) -> None:
    k = make_kiosk()
    to_service(k, "unterlagen-nachreichen")
    k.wait_screen("form")
    k.type_into("input_tracking_number", "7k3m-q9xd-2af8")
    k.click("nextButton")
    k.wait_screen("attachments")
    photos = k.ui.models.photos
    assert photos.property("documents")
    # The street: no page.
    k.wait_for("pageHint")
    assert "Legen Sie die Seite" in k.text_of("pageHint")
    k.click("demoHoldDocument")
    k.qtbot.waitUntil(lambda: len(photos.property("pageCorners")) == 8, timeout=10000)
    k.qtbot.waitUntil(lambda: "Seite erkannt" in k.text_of("pageHint"), timeout=10000)
    if on_xvfb():
        k.wait_for("pageOutline")
    k.shot("attachments-page-found")
    k.click("takePhotoButton")
    k.wait_for("photo_0", timeout=10000)
    session = k.ui.terminal.session
    assert session is not None
    photo = session.photos[0]
    assert photo.straightened and not photo.problems
    image = Image.open(io.BytesIO(bytes(photo.jpeg)))
    assert 1.3 < image.height / image.width < 1.5  # a page (1:√2), upright, not the 16:9 frame
    assert not k.exists("photoProblem_0")
    k.shot("attachments-page-photo")
    # Leaving the screen stops looking for pages (the camera rests).
    k.click("photosDoneButton")
    k.wait_screen("review")
    frames = k.ui.terminal.equipment.devices.camera.live
    assert frames is not None
    k.qtbot.waitUntil(lambda: not frames.wanted, timeout=5000)
    assert photos.property("pageCorners") == []
