"""The real camera behind the Camera interface: a still is a fresh frame of the capture."""

from __future__ import annotations

import time
from pathlib import Path

import cv2
import numpy as np

from drivers.camera.base import CameraError, CameraStatus
from drivers.camera.opencv_camera import OpenCvCamera
from drivers.camera.settings import CaptureSettings
from drivers.devices import DeviceSettings
from drivers.factory import build_devices
from tests.drivers.camera.test_capture import SIZE, wait_until, write_video


def test_a_photo_is_a_frame_taken_after_the_press_as_jpeg(tmp_path: Path) -> None:
    camera = OpenCvCamera(CaptureSettings(str(write_video(tmp_path / "v.avi")), loop=True))
    camera.start()
    try:
        wait_until(lambda: camera.status is CameraStatus.READY)
        with camera.frames.want():  # the preview runs
            before = camera.frames.newer_than(0, timeout_s=10)
            assert before is not None
            photo = camera.capture()
            assert (photo.width, photo.height) == SIZE
            picture = cv2.imdecode(np.frombuffer(bytes(photo.jpeg), np.uint8), cv2.IMREAD_COLOR)
            assert picture.shape == (SIZE[1], SIZE[0], 3)
            latest = camera.frames.latest()
            assert latest is not None and latest.sequence > before.sequence
        # Nobody looks any more: nothing of what the camera saw is kept.
        assert camera.frames.latest() is None
        # A photo with nobody looking: the camera is woken for it.
        assert camera.capture().width == SIZE[0]
    finally:
        camera.close()
    assert camera.frames.latest() is None  # wiped


def test_no_picture_is_a_camera_error_not_a_hang(tmp_path: Path) -> None:
    camera = OpenCvCamera(CaptureSettings(str(tmp_path / "unplugged.avi")))
    camera.start()
    try:
        wait_until(lambda: camera.state.value == "not_found")
        assert camera.status is CameraStatus.NOT_FOUND
        started = time.monotonic()
        try:
            camera.capture()
        except CameraError as exc:
            assert "not_found" in str(exc)
        else:
            raise AssertionError("a photo without a camera")
        assert time.monotonic() - started < 5
    finally:
        camera.close()


def test_the_factory_builds_the_real_camera(tmp_path: Path) -> None:
    settings = DeviceSettings(
        real_camera=True, camera_settings=CaptureSettings(str(tmp_path / "x.avi"))
    )
    devices = build_devices(settings)
    assert isinstance(devices.camera, OpenCvCamera)
    devices.camera.close()
