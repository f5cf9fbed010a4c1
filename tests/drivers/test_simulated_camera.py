"""The simulated camera: a live source drawing its scene only while frames are wanted; JPEG
photos; a camera that is switched off."""

from __future__ import annotations

import io
import time

import pytest
from PIL import Image

from drivers.camera.base import CameraError, CameraStatus, Photo
from drivers.camera.scenes import Scene, SceneRenderer
from drivers.camera.simulated import SimulatedCamera


def test_capture_returns_a_jpeg_of_the_configured_size() -> None:
    camera = SimulatedCamera(width=320, height=240, seed=1)
    assert camera.status is CameraStatus.READY
    photo = camera.capture()
    assert isinstance(photo.jpeg, bytearray)
    assert bytes(photo.jpeg[:3]) == b"\xff\xd8\xff"
    assert bytes(photo.jpeg[-2:]) == b"\xff\xd9"
    assert (photo.width, photo.height) == (320, 240)
    image = Image.open(io.BytesIO(bytes(photo.jpeg)))
    assert image.format == "JPEG"
    assert image.size == (320, 240)


def test_default_size_is_720p() -> None:
    photo = SimulatedCamera(seed=2).capture()
    assert (photo.width, photo.height) == (1280, 720)
    assert Image.open(io.BytesIO(bytes(photo.jpeg))).size == (1280, 720)


def test_switched_off_camera_raises_camera_error() -> None:
    camera = SimulatedCamera(width=64, height=48, working=False)
    assert camera.status is CameraStatus.NOT_FOUND
    with pytest.raises(CameraError):
        camera.capture()
    camera.working = True
    assert camera.status is CameraStatus.READY
    assert bytes(camera.capture().jpeg[:2]) == b"\xff\xd8"


def test_photo_wipe_zeroes_and_empties_the_buffer() -> None:
    photo = SimulatedCamera(width=64, height=48, seed=3).capture()
    buffer = photo.jpeg
    assert any(buffer)
    photo.wipe()
    assert buffer == bytearray()
    assert photo.jpeg is buffer
    Photo(bytearray(), 0, 0).wipe()


def test_the_running_simulator_draws_frames_only_while_they_are_wanted() -> None:
    camera = SimulatedCamera(width=320, height=240, seed=4, fps=30)
    camera.start()
    try:
        time.sleep(0.2)
        assert camera.frames.latest() is None  # nobody looks: nothing drawn
        with camera.frames.want():
            first = camera.frames.newer_than(0, timeout_s=5)
            assert first is not None
            started = time.monotonic()
            later = camera.frames.newer_than(first.sequence + 9, timeout_s=5)
            assert later is not None
            # Paced like a camera (30 fps): ten frames take about a third of a second.
            assert time.monotonic() - started > 0.2
            assert not (later.pixels == first.pixels).all()  # a live scene: it moves
        time.sleep(0.1)
        settled = camera.frames.latest()
        time.sleep(0.2)
        assert camera.frames.latest() is settled
        photo = camera.capture()  # a photo wants a fresh frame itself
        assert (photo.width, photo.height) == (320, 240)
    finally:
        camera.close()
    assert camera.frames.latest() is None


@pytest.mark.parametrize("scene", list(Scene))
def test_every_scene_is_drawn_at_the_camera_s_size(scene: Scene) -> None:
    renderer = SceneRenderer(scene, (640, 360), seed=5, payload="https://example.invalid/x")
    pixels = renderer.frame(0.5)
    assert pixels.shape == (360, 640, 3)
    assert pixels.std() > 10  # something to see
    if scene is not Scene.STREET:
        # A page held up: its four corners inside the picture.
        assert len(renderer.corners) == 4
        assert all(0 <= x < 640 and 0 <= y < 360 for x, y in renderer.corners)


def test_a_receipt_held_up_carries_its_qr_code() -> None:
    import zxingcpp

    camera = SimulatedCamera(seed=6)
    camera.hold(Scene.RECEIPT, "https://status.example/ABCD-EFGH")
    assert camera.scene is Scene.RECEIPT
    frame = SceneRenderer(Scene.RECEIPT, (1280, 720), 6, "https://status.example/ABCD-EFGH")
    found = zxingcpp.read_barcodes(frame.frame(0.0))
    assert [b.text for b in found] == ["https://status.example/ABCD-EFGH"]
