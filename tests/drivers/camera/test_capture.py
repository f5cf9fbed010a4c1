"""The real capture path: OpenCV's VideoCapture (FFmpeg inside the wheel) on video files the
tests write, read by the supervised capture thread into the newest-frame slot."""

from __future__ import annotations

import itertools
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest

from drivers.camera.capture import CameraState, CaptureSettings, CaptureThread, SourceKind
from drivers.camera.frames import LatestFrame
from tests.support.configs import ROOT
from tests.support.hub_runner import free_port

SIZE = (320, 240)


def write_video(path: Path, frames: int = 15, fps: float = 30.0) -> Path:
    """An MJPG video whose frame n is filled with grey level 8·n (its number, read back)."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, SIZE)
    assert writer.isOpened()
    for n in range(frames):
        writer.write(np.full((SIZE[1], SIZE[0], 3), 8 * n, np.uint8))
    writer.release()
    return path


def number_of(pixels: np.ndarray) -> int:
    return round(float(pixels.mean()) / 8)


def wait_until(condition: Callable[[], bool], timeout_s: float = 10.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_every_consumer_takes_the_newest_frame_and_none_waits_for_another(
    tmp_path: Path,
) -> None:
    frames = LatestFrame()
    settings = CaptureSettings(str(write_video(tmp_path / "scene.avi")), loop=True)
    capture = CaptureThread(settings, frames)
    seen: dict[str, list[int]] = {"preview": [], "analyser": []}
    stop = threading.Event()

    def consume(name: str, work_s: float) -> None:
        last = 0
        while not stop.is_set():
            frame = frames.newer_than(last, timeout_s=0.5)
            if frame is None:
                continue
            seen[name].append(frame.sequence)
            last = frame.sequence
            time.sleep(work_s)  # a slow analyser must not hold up the others

    consumers = [
        threading.Thread(target=consume, args=("preview", 0.0)),
        threading.Thread(target=consume, args=("analyser", 0.2)),
    ]
    demand = frames.want()  # (each consumer of the terminal holds one: see frames.py)
    capture.start()
    for c in consumers:
        c.start()
    try:
        wait_until(lambda: len(seen["analyser"]) >= 4)
    finally:
        stop.set()
        for c in consumers:
            c.join()
        demand.release()
        capture.stop()
    assert capture.state is CameraState.READY
    preview, analyser = seen["preview"], seen["analyser"]
    assert preview == sorted(set(preview)) and analyser == sorted(set(analyser))
    # The slow analyser skipped frames (never a backlog), while the preview went on.
    assert any(b - a > 1 for a, b in itertools.pairwise(analyser))
    assert len(preview) > 2 * len(analyser)
    # Past its end the file played again from the start (loop), frames still counting up.
    assert preview[-1] > 15


def test_a_frame_is_the_camera_s_picture_and_read_only(tmp_path: Path) -> None:
    frames = LatestFrame()
    capture = CaptureThread(CaptureSettings(str(write_video(tmp_path / "v.avi"))), frames)
    demand = frames.want()
    capture.start()
    try:
        frame = frames.newer_than(0, timeout_s=10)
        assert frame is not None
        assert (frame.width, frame.height) == SIZE
        assert number_of(frame.pixels) <= 2  # the first frames, in order
        with pytest.raises(ValueError, match="read-only"):
            frame.pixels[0, 0, 0] = 1
    finally:
        demand.release()
        capture.stop()
    # Stopping wipes what the slot held: a frame is personal data.
    assert frames.latest() is None
    assert not frame.pixels.any()


def test_a_camera_that_goes_away_is_not_found_and_used_again_when_back(tmp_path: Path) -> None:
    video = write_video(tmp_path / "camera.avi", frames=6)
    kept = tmp_path / "unplugged.avi"
    states: list[CameraState] = []
    frames = LatestFrame()
    settings = CaptureSettings(str(video), stall_s=0.3)
    capture = CaptureThread(settings, frames, on_state=states.append)
    demand = frames.want()  # in use: a stall is noticed at once
    capture.start()
    try:
        wait_until(lambda: capture.state is CameraState.READY)
        video.rename(kept)  # unplugged: no more frames, and it cannot be opened again
        wait_until(lambda: capture.state is CameraState.NOT_FOUND)
        assert CameraState.STALLED in states  # first no frame for stall_s, then not there
        before = frames.latest()
        kept.rename(video)  # plugged back in
        wait_until(lambda: capture.state is CameraState.READY)
        after = frames.newer_than(before.sequence if before else 0, timeout_s=10)
        assert after is not None
    finally:
        demand.release()
        capture.stop()
    # Each change told once, in order.
    assert states[0] is CameraState.READY
    assert all(a is not b for a, b in itertools.pairwise(states))
    assert states[-1] is CameraState.READY
    assert capture.report().name == "camera-capture"


def test_a_source_that_never_opens_is_not_found(tmp_path: Path) -> None:
    capture = CaptureThread(CaptureSettings(str(tmp_path / "none.avi")), LatestFrame())
    capture.start()
    try:
        wait_until(lambda: capture.state is CameraState.NOT_FOUND)
    finally:
        capture.stop()


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("0", SourceKind.DEVICE),
        ("/dev/video2", SourceKind.DEVICE),
        ("http://192.0.2.7/video.mjpg", SourceKind.STREAM),
        ("RTSP://192.0.2.7/stream1", SourceKind.STREAM),
        ("demo/scene.avi", SourceKind.FILE),
    ],
)
def test_the_source_says_what_it_is(source: str, kind: SourceKind) -> None:
    assert CaptureSettings(source).kind is kind


def test_a_consumer_waits_for_a_newer_frame_and_is_woken_by_close() -> None:
    frames = LatestFrame()
    assert frames.newer_than(0, timeout_s=0.01) is None
    first = frames.publish(np.zeros((2, 2, 3), np.uint8))
    assert frames.newer_than(0, timeout_s=0.01) is first
    assert frames.newer_than(first.sequence, timeout_s=0.01) is None
    woken: list[object] = []
    waiter = threading.Thread(target=lambda: woken.append(frames.newer_than(1, timeout_s=30)))
    waiter.start()
    time.sleep(0.05)
    frames.close()
    waiter.join(5)
    assert woken == [None]


# --- a network camera (MJPEG over HTTP) in a process of its own ----------------------------


class NetworkCamera:
    def __init__(self, port: int, frames: int) -> None:
        self.port, self.frames = port, frames
        self.proc: subprocess.Popen[str] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.support.mjpeg_server", str(self.port), str(self.frames)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline().strip() == "serving"

    def kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()  # SIGKILL: gone at once, as a camera losing power
            self.proc.wait()
            if self.proc.stdout is not None:
                self.proc.stdout.close()
            self.proc = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/video.mjpg"


@pytest.fixture
def network_camera() -> Iterator[Callable[[int], NetworkCamera]]:
    made: list[NetworkCamera] = []

    def make(frames: int) -> NetworkCamera:
        camera = NetworkCamera(free_port(), frames)
        camera.start()
        made.append(camera)
        return camera

    yield make
    for camera in made:
        camera.kill()


def test_a_network_camera_that_stalls_is_reconnected(
    network_camera: Callable[[int], NetworkCamera],
) -> None:
    camera = network_camera(12)  # 12 frames per connection, then silence
    states: list[CameraState] = []
    frames = LatestFrame()
    capture = CaptureThread(
        CaptureSettings(camera.url, stall_s=0.5), frames, on_state=states.append
    )
    demand = frames.want()
    capture.start()
    try:
        wait_until(lambda: capture.state is CameraState.READY)
        wait_until(lambda: CameraState.STALLED in states)
        # Reconnected: a new connection, new frames.
        wait_until(lambda: states[-1] is CameraState.READY and states.count(CameraState.READY) > 1)
        frame = frames.latest()
        assert frame is not None and (frame.width, frame.height) == SIZE
    finally:
        demand.release()
        capture.stop()


def test_a_network_camera_switched_off_is_not_found_until_it_is_back(
    network_camera: Callable[[int], NetworkCamera],
) -> None:
    camera = network_camera(10**6)
    frames = LatestFrame()
    capture = CaptureThread(CaptureSettings(camera.url, stall_s=0.5), frames)
    demand = frames.want()
    capture.start()
    try:
        wait_until(lambda: capture.state is CameraState.READY)
        camera.kill()
        wait_until(lambda: capture.state is CameraState.NOT_FOUND)
        last = frames.latest()
        camera.start()  # the same address, back
        wait_until(lambda: capture.state is CameraState.READY, timeout_s=20)
        assert frames.newer_than(last.sequence if last else 0, timeout_s=10) is not None
    finally:
        demand.release()
        capture.stop()


# --- on demand: the camera is held only while frames are wanted ---------------------------


def test_the_camera_is_released_when_nobody_wants_frames_and_reopened_when_wanted(
    tmp_path: Path,
) -> None:
    frames = LatestFrame()
    settings = CaptureSettings(
        str(write_video(tmp_path / "v.avi", frames=30)), loop=True, idle_release_s=0.3
    )
    capture = CaptureThread(settings, frames)
    capture.start()
    try:
        # Opened once at the start (is it there?), then released: the lamp goes out and the
        # last frame is wiped.
        wait_until(lambda: capture.state is CameraState.READY)
        wait_until(lambda: frames.latest() is None)
        released = frames.latest()
        time.sleep(0.3)
        assert frames.latest() is released is None  # nothing captured meanwhile
        assert capture.state is CameraState.READY  # released, still available
        with frames.want():
            first = frames.newer_than(0, timeout_s=10)
            assert first is not None
            later = frames.newer_than(first.sequence + 5, timeout_s=10)
            assert later is not None
        # Let go: held for idle_release_s (a photo right after the preview), then released
        # and the slot wiped (as on stop, below).
        wait_until(lambda: frames.latest() is None)
        quiet = frames.newer_than(0, timeout_s=0.3)
        assert quiet is None
    finally:
        capture.stop()


def test_a_camera_that_goes_away_while_released_is_not_found_at_once(tmp_path: Path) -> None:
    video = write_video(tmp_path / "camera.avi", frames=6)
    kept = tmp_path / "unplugged.avi"
    frames = LatestFrame()
    capture = CaptureThread(CaptureSettings(str(video), idle_release_s=0.0), frames)
    capture.start()
    try:
        wait_until(lambda: capture.state is CameraState.READY)
        wait_until(lambda: frames.latest() is None)  # released
        video.rename(kept)  # unplugged while nobody used it
        wait_until(lambda: capture.state is CameraState.NOT_FOUND, timeout_s=5)
        kept.rename(video)
        wait_until(lambda: capture.state is CameraState.READY, timeout_s=15)
        with frames.want():
            assert frames.newer_than(0, timeout_s=10) is not None
    finally:
        capture.stop()


def test_demand_counts_every_consumer_and_wakes_the_capture() -> None:
    now = [100.0]
    frames = LatestFrame(monotonic=lambda: now[0])
    woken: list[bool] = []
    frames.on_demand(lambda: woken.append(True))
    assert not frames.wanted and frames.idle_since == 100.0
    preview = frames.want()
    with frames.want():
        assert frames.wanted and frames.idle_since is None
    assert frames.wanted  # the preview still wants frames
    now[0] = 105.0
    preview.release()
    preview.release()  # twice is once
    assert not frames.wanted and frames.idle_since == 105.0
    assert woken == [True, True]
