"""Video outputs made and destroyed while camera frames pour in, each destroyed before its
feed is told to stop (the worst order a screen change can take): run as its own process by
tests/ui/test_preview_churn.py, because what it guards against is a crash or a hang.

    python -m tests.ui.preview_churn [cycles]
"""

from __future__ import annotations

import sys
import threading
import time

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QGuiApplication
from PySide6.QtMultimedia import QVideoSink
from PySide6.QtQml import QQmlComponent, QQmlEngine

from drivers.camera.frames import LatestFrame
from ui.preview import PreviewFeed

OUTPUT = b"""
import QtQuick
import QtMultimedia
VideoOutput { width: 320; height: 180 }
"""


def churn(cycles: int) -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    engine = QQmlEngine()
    component = QQmlComponent(engine)
    component.setData(OUTPUT, "churn.qml")  # type: ignore[call-overload]
    frames = LatestFrame()
    pouring = threading.Event()
    pouring.set()

    def camera() -> None:
        pixels = np.zeros((720, 1280, 3), np.uint8)
        while pouring.is_set():
            frames.publish(pixels.copy())

    threading.Thread(target=camera, name="churn-camera", daemon=True).start()
    shown = 0
    try:
        for _ in range(cycles):
            item = component.create()
            sink = item.property("videoSink")
            assert isinstance(sink, QVideoSink)
            feed = PreviewFeed(frames, sink)
            feed.start()
            until = time.monotonic() + 0.01
            while time.monotonic() < until:
                app.processEvents()
            # The screen goes: its output (and sink) is destroyed, then the feed hears of it.
            item.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            time.sleep(0.002)  # the feed's thread is mid-frame now, more often than not
            feed.stop()
            app.processEvents()
            shown += feed.shown
    finally:
        pouring.clear()
    del engine
    return shown


if __name__ == "__main__":
    cycles = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    shown = churn(cycles)
    print(f"churned {cycles} outputs, {shown} frames shown")
