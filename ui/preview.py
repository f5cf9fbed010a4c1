"""The camera's live picture on screen: frames go from the camera's newest-frame slot into a
QML ``VideoOutput``'s video sink.

Per frame, on the feed's own thread: a QImage over the frame's pixels (no copy) becomes a
QVideoFrame (one conversion to BGRX, ~1 ms at 1280×720). The GUI thread then only sets it on the
sink, which Qt Multimedia draws as a texture on the scene graph's next frame. No image is
encoded and no image provider is asked. The feed wants frames (:meth:`LatestFrame.want`) while
it runs, so the camera runs while a preview is on screen, and no longer.

Why the sink is set on the GUI thread, not on the feed's: the sink belongs to its QML item,
which QML destroys on the GUI thread whenever its screen goes. A frame set from another thread
at that moment went into a freed sink: the kiosk crashed or hung (a CI run hung for an hour).
On the GUI thread the sink is either still there or known to be gone, never half destroyed.
Only the newest converted frame waits for the GUI thread: a busy GUI thread skips frames, it
never queues them.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from contextlib import suppress
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
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


class _Handover(QObject):
    """Lives on the GUI thread: ``ready`` emitted on the feed's thread calls the feed's
    :meth:`PreviewFeed.show_pending` there, queued.

    Owned by the application, not by Python: a garbage collection on some other thread must
    not delete it while a hand-over is queued for it. The feed's thread ends it with
    ``deleteLater`` after its last hand-over (Qt then drops nothing still queued unseen), and
    it knows the feed only weakly (no cycle for the collector to find)."""

    ready = Signal()

    def __init__(self, feed: PreviewFeed) -> None:
        super().__init__(QCoreApplication.instance())
        self._feed = weakref.ref(feed)
        self.ready.connect(self.show)

    @Slot()
    def show(self) -> None:
        feed = self._feed()
        if feed is not None:
            feed.show_pending()


class PreviewFeed:
    """Feeds ``frames`` into ``sink`` from :meth:`start` to :meth:`stop` (both called on the
    GUI thread, as the sink is created and destroyed there)."""

    def __init__(self, frames: LatestFrame, sink: QVideoSink) -> None:
        self._frames = frames
        self._sink = sink
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._demand: Demand | None = None
        self._lock = threading.Lock()
        #: The newest converted frame not yet on the sink, and when it was captured.
        self._pending: tuple[QVideoFrame, float] | None = None
        self._handover = _Handover(self)
        #: Frames put on the sink (the tests and bench/preview.py count them).
        self.shown = 0
        #: The newest frame's capture time when it reached the sink (capture-to-sink latency).
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
        first = not self._stop.is_set()
        self._stop.set()
        # Not waited for (the screen leaving must not stall): the thread ends after its wait,
        # and a frame it still hands over is dropped by show_pending.
        if first and self._thread is None:  # never started: no thread to end the hand-over
            self._handover.deleteLater()
        self._thread = None
        with self._lock:
            self._pending = None
        demand, self._demand = self._demand, None
        if demand is not None:
            demand.release()
        # The last picture must not stay in the sink for the next screen (or citizen); a
        # sink that went with its screen holds nothing any more.
        if shiboken6.isValid(self._sink):
            self._sink.setVideoFrame(QVideoFrame())

    def show_pending(self) -> None:
        """On the GUI thread: the newest converted frame onto the sink."""
        with self._lock:
            pending, self._pending = self._pending, None
        if pending is None or self._stop.is_set() or not shiboken6.isValid(self._sink):
            return
        picture, captured_at = pending
        self._sink.setVideoFrame(picture)
        self.shown += 1
        self.last_latency_s = time.monotonic() - captured_at

    def _run(self) -> None:
        latest = self._frames.latest()
        sequence = latest.sequence if latest is not None else 0  # nothing from before
        try:
            while not self._stop.is_set():
                frame = self._frames.newer_than(sequence, POLL_S)
                if frame is None or self._stop.is_set():
                    continue
                sequence = frame.sequence
                try:
                    picture = video_frame(frame)
                except (BufferError, ValueError):  # one odd frame must not freeze the picture
                    log.exception("camera preview: a frame could not be shown")
                    continue
                with self._lock:
                    waiting = self._pending is not None
                    self._pending = (picture, frame.captured_at)
                if waiting:
                    continue  # the GUI thread has yet to take the one before: replaced
                try:
                    self._handover.ready.emit()
                except RuntimeError:  # the application is going away
                    log.info("camera preview: the interface is gone")
                    return
        finally:
            # However the feed ends, the camera may rest.
            demand, self._demand = self._demand, None
            if demand is not None:
                demand.release()
            with suppress(RuntimeError):  # (the application is gone, and the object with it)
                self._handover.deleteLater()
