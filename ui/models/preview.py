"""The camera's live preview (``Preview`` in QML): a screen's ``VideoOutput`` attaches its
video sink while it is on screen, and the camera's frames flow into it (:mod:`ui.preview`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton, QQmlEngine

from kiosk.session import Change
from ui.models.context import ModelContext, fenced, singleton

if TYPE_CHECKING:
    from drivers.camera.frames import LatestFrame
    from ui.preview import PreviewFeed

QML_IMPORT_NAME = "PointOfPublic"
QML_IMPORT_MAJOR_VERSION = 1


_TYPING = frozenset({Change.VALUES})


@QmlNamedElement("Preview")
@QmlSingleton
class PreviewModel(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    previewChanged = Signal()

    def __init__(self, context: ModelContext) -> None:
        super().__init__()
        self.context = context
        self._feeds: dict[int, PreviewFeed] = {}
        # Whether the camera is live follows the terminal (set up, out of service).
        context.subscribe(self._changed)

    @staticmethod
    def create(engine: QQmlEngine) -> PreviewModel:
        return singleton(PreviewModel, engine)

    def _changed(self, changes: frozenset[Change]) -> None:
        if changes - _TYPING:  # (not on every key the citizen types)
            self.previewChanged.emit()

    def _frames(self) -> LatestFrame | None:
        terminal = self.context.terminal
        if terminal.session is None:
            return None  # not set up yet, or out of service
        return terminal.equipment.devices.camera.live

    @Property(bool, notify=previewChanged)
    def live(self) -> bool:
        """The camera gives a live picture (a test's still-only camera does not)."""
        return self._frames() is not None

    @property
    def feeds(self) -> list[PreviewFeed]:
        return list(self._feeds.values())

    @Slot(QObject)
    @fenced
    def attach(self, sink: QObject) -> None:
        """A video output is on screen: feed it the camera's frames."""
        from PySide6.QtMultimedia import QVideoSink

        from ui.preview import PreviewFeed

        if not isinstance(sink, QVideoSink) or not shiboken6.isValid(sink):
            return
        frames = self._frames()
        key = sink_key(sink)
        if frames is None or key in self._feeds:
            return
        feed = PreviewFeed(frames, sink)
        self._feeds[key] = feed
        feed.start()

    @Slot(QObject)
    @fenced
    def detach(self, sink: QObject) -> None:
        """The video output leaves the screen: stop feeding it (the camera may rest)."""
        if sink is None:
            return
        feed = self._feeds.pop(sink_key(sink), None)
        if feed is None:
            # Its wrapper no longer knows its C++ object: the feed that has this sink.
            key = next((k for k, f in self._feeds.items() if f.sink is sink), None)
            feed = self._feeds.pop(key, None) if key is not None else None
        if feed is not None:
            feed.stop()

    def stop_all(self) -> None:
        """The interface shuts down: every feed ends."""
        for key in list(self._feeds):
            self._feeds.pop(key).stop()


def sink_key(sink: QObject) -> int:
    """The sink's C++ address: Python may hand QML's object over in a new wrapper each time."""
    return int(shiboken6.getCppPointer(sink)[0]) if shiboken6.isValid(sink) else id(sink)
