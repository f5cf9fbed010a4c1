"""The camera's live picture in the real QML scene (offscreen): frames from the running
simulated camera reach the VideoOutput, and the camera rests when no preview is shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF

from tests.support.xvfb import on_xvfb, run_under_xvfb
from tests.ui.conftest import KioskDriver
from tests.ui.test_journey import to_pothole_photos

Make = Callable[..., KioskDriver]


def test_the_preview_shows_the_camera_live_and_stops_with_its_screen(make_kiosk: Make) -> None:
    k = make_kiosk()
    to_pothole_photos(k)
    preview = k.wait_for("cameraPreview")
    model = k.ui.models.preview
    k.qtbot.waitUntil(lambda: len(model.feeds) == 1, timeout=5000)
    feed = model.feeds[0]
    k.qtbot.waitUntil(lambda: feed.shown >= 15, timeout=10000)
    frames = k.ui.terminal.equipment.devices.camera.live
    assert frames is not None and frames.wanted
    # The frames reach the output's video sink at the camera's size. (Drawing them needs the
    # scene graph on a GPU API, as on a terminal: offscreen Qt Quick renders in software, so
    # the drawn picture is checked under Xvfb with OpenGL, below.)
    shown = feed.sink.videoFrame()
    assert shown.isValid() and (shown.width(), shown.height()) == (1280, 720)
    if on_xvfb():
        # Drawn: the street scene's sky at the top of the picture, not the empty dark box.
        image = k.window.grabWindow()
        corner = preview.mapToScene(QPointF(0, 0))
        sky = image.pixelColor(
            int(corner.x() + preview.width() / 2), int(corner.y() + preview.height() * 0.15)
        )
        assert sky.blue() > 150 and sky.red() < 180, sky.name()
    k.shot("attachments-preview")
    # A photo while the preview runs: taken from the same frames, no second capture.
    k.click("takePhotoButton")
    k.wait_for("photo_0")
    k.click("takePhotoButton")
    k.wait_for("photo_1")
    k.shot("attachments-preview-two-photos")
    # A photo looked at large, then taken again.
    k.click("photo_0")
    k.wait_for("photoLarge")
    k.shot("attachments-photo-large")
    k.click("photoLargeRetake")
    k.qtbot.waitUntil(lambda: not k.exists("photoLarge") and not k.exists("photo_1"))
    k.click("takePhotoButton")
    k.wait_for("photo_1")
    k.click("photosDoneButton")
    k.wait_screen("review")
    # The review shows the photos that will be sent, not only how many.
    k.ensure_visible(k.wait_for("reviewPhoto_1"))  # (the page scrolls)
    k.shot("review-photos")
    k.qtbot.waitUntil(lambda: not model.feeds, timeout=5000)
    assert not frames.wanted  # nobody looks: the camera may rest


def test_the_preview_is_drawn_where_qt_quick_has_opengl() -> None:
    if on_xvfb():
        return  # this is the run below
    # The photo screen, the receipt scan of Antragsstatus, a document page and the passport's
    # photo page (for their screenshots, drawn).
    done = run_under_xvfb(
        "tests/ui/test_camera_preview.py::test_the_preview_shows_the_camera_live_and_stops_with_its_screen",
        "tests/ui/test_status_screen.py::test_a_receipt_held_to_the_camera_shows_its_status",
        "tests/ui/test_document_photo.py::test_a_page_is_found_live_and_photographed_flat",
        "tests/ui/test_passport_camera.py::test_the_photo_page_under_the_camera_opens_the_passport",
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "4 passed" in done.stdout


def test_a_call_s_frame_with_padded_rows_is_shown(qapp: object) -> None:
    # Chromium scales the clerk's video to whatever width the bandwidth allows; PyAV then
    # hands over rows with padding between them (width 482: 1,446 bytes a row in a 1,488
    # stride), which Qt's image could not take until publishing made them one block.
    import av

    from drivers.camera.frames import LatestFrame
    from ui.preview import video_frame

    decoded = av.VideoFrame(482, 270, "yuv420p").to_ndarray(format="bgr24")
    assert not decoded.flags.c_contiguous  # (else this test proves nothing)
    picture = video_frame(LatestFrame().publish(decoded))
    assert picture.isValid() and (picture.width(), picture.height()) == (482, 270)
