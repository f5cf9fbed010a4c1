"""The simulated camera: JPEG pictures, and a camera that is switched off."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from drivers.camera.base import CameraError, CameraStatus, Photo
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
