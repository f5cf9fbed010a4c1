"""The camera's live picture on screen: frames go from the camera's newest-frame slot straight
into a QML ``VideoOutput``'s video sink, on a thread of their own.

Per frame: a QImage over the frame's pixels (no copy) becomes a QVideoFrame (one conversion to
BGRX, ~1 ms at 1280×720) and is set on the sink, which Qt Multimedia draws as a texture on the
scene graph's next frame. No image is encoded, no image provider is asked, and the GUI thread
only draws: the same path Qt's own camera backends take, which also deliver from their own
threads. The feed wants frames (:meth:`LatestFrame.want`) while it runs, so the camera runs
while a preview is on screen, and no longer.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QVideoFrame, QVideoSink

if TYPE_CHECKING:
    from drivers.camera.frames import Demand, Frame, LatestFrame

log = logging.getLogger(__name__)

#: How long the feed waits for a frame before it looks whether it should stop.
POLL_S = 0.25


def video_frame(frame: Frame) -> QVideoFrame:
    """``frame`` as Qt Multimedia takes it (copied: the camera's pixels are not kept)."""
    pixels = frame.pixels
    image = QImage(
        pixels.data, frame.width, frame.height, int(pixels.strides[0]), QImage.Format.Format_BGR888
    )
    return QVideoFrame(image)


class PreviewFeed:
    """Feeds ``frames`` into ``sink`` from :meth:`start` to :meth:`stop`."""

    def __init__(self, frames: LatestFrame, sink: QVideoSink) -> None:
        self._frames = frames
        self._sink = sink
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._demand: Demand | None = None
        #: Frames handed to the sink (the tests and bench/preview.py count them).
        self.shown = 0
        #: The newest frame's capture time when it was handed over (capture-to-sink latency).
        self.last_latency_s = 0.0

    @property
    def sink(self) -> QVideoSink:
        return self._sink

    def start(self) -> None:
        if self._thread is not None:
            return
        self._demand = self._frames.want()
        self._thread = threading.Thread(target=self._run, name="camera-preview", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        # Not waited for (the screen leaving must not stall): the thread ends after its wait.
        self._thread = None
        demand, self._demand = self._demand, None
        if demand is not None:
            demand.release()
        # The last picture must not stay in the sink for the next screen (or citizen); a
        # sink that went with its screen holds nothing any more.
        if shiboken6.isValid(self._sink):
            self._sink.setVideoFrame(QVideoFrame())

    def _run(self) -> None:
        import time

        latest = self._frames.latest()
        sequence = latest.sequence if latest is not None else 0  # nothing from before
        try:
            while not self._stop.is_set():
                frame = self._frames.newer_than(sequence, POLL_S)
                if frame is None or self._stop.is_set():
                    continue
                sequence = frame.sequence
                try:
                    self._sink.setVideoFrame(video_frame(frame))
                except RuntimeError:  # the sink's QML item went away under us: the feed ends
                    log.info("camera preview: the video output is gone")
                    return
                self.shown += 1
                self.last_latency_s = time.monotonic() - frame.captured_at
        finally:
            # However the feed ends, the camera may rest.
            demand, self._demand = self._demand, None
            if demand is not None:
                demand.release()
