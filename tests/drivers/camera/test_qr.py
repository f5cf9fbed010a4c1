"""QR codes read from camera frames (the simulator's receipt under what real cameras do to a
picture): zxing-cpp reads them, and never reads a wrong text."""

from __future__ import annotations

import pytest

from drivers.camera.conditions import Condition, apply
from drivers.camera.qr import read_qr_codes, read_qr_codes_opencv
from drivers.camera.scenes import Scene, SceneRenderer
from kiosk.receipt_code import tracking_from_qr
from wire.tracking import new_tracking_code

URL = "http://127.0.0.1:8700/status/{tracking}"
FRAMES = 8


@pytest.mark.parametrize("condition", list(Condition))
def test_a_receipt_is_read_in_every_condition_and_never_misread(condition: Condition) -> None:
    code = new_tracking_code()
    payload = URL.format(tracking=code)
    scene = SceneRenderer(Scene.RECEIPT, (1280, 720), seed=11, payload=payload)
    read = 0
    for n in range(FRAMES):
        texts = read_qr_codes(apply(scene.frame(n * 0.41), condition, seed=n))
        assert all(text == payload for text in texts)  # nothing but the truth, or nothing
        read += texts == [payload]
    # The scanner sees ~10 frames a second: every condition is read within a second.
    assert read >= FRAMES // 2, f"{condition}: {read} of {FRAMES}"
    assert tracking_from_qr(payload, URL) == code


def test_opencv_s_detector_reads_the_clear_receipt_too() -> None:
    # The comparison's other side (bench/camera_analysis.py) works at all.
    payload = URL.format(tracking=new_tracking_code())
    scene = SceneRenderer(Scene.RECEIPT, (1280, 720), seed=12, payload=payload)
    readings = [read_qr_codes_opencv(scene.frame(n * 0.3)) for n in range(6)]
    assert [payload] in readings  # (it misses some: bench/camera_analysis.py says how many)
    assert all(r in ([], [payload]) for r in readings)


def test_a_frame_without_a_code_reads_nothing() -> None:
    street = SceneRenderer(Scene.STREET, (1280, 720), seed=13)
    assert read_qr_codes(street.frame(0.0)) == []
