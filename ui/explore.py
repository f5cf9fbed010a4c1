"""Explore by touch: a touch reads what is under the finger, a double tap presses it.

As phones' screen readers do it (TalkBack, VoiceOver), for a citizen who cannot see the screen:
while it is on, no touch reaches the controls directly. One tap reads the control under the
finger (the focus stays where it was); a second tap soon after, anywhere, presses what was read
last: the touch is then handed to the screen where that control is, as a tap of its own (so
the on-screen keyboard's keys type, as every control does what a tap does).

On when reading was started by a headset or the help key (someone who may not see the screen),
and from the reading settings; off with reading, and for the next citizen.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtQuick import QQuickItem, QQuickWindow

__all__ = ["DOUBLE_TAP_S", "ExploreByTouch"]

log = logging.getLogger(__name__)

#: A second tap within this time presses what the first one read.
DOUBLE_TAP_S = 0.45
_TOUCH = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
}


def _point(event: QEvent) -> QPointF | None:
    if isinstance(event, QMouseEvent):
        return event.position()
    points = getattr(event, "points", None)
    if callable(points):
        found = points()
        if found:
            return QPointF(found[0].position())
    return None


class ExploreByTouch(QObject):
    def __init__(
        self,
        window: QQuickWindow,
        describe: Callable[[QQuickItem], None],
        on: Callable[[], bool],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._describe = describe
        self._on = on
        #: What the last tap read, and where and when.
        self._read: tuple[QQuickItem, QPointF, float] | None = None
        self._replaying = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or event.type() not in _TOUCH or not self._on():
            return False
        try:
            return self._touch(event)
        except Exception as exc:  # (a bug here: logged, the touch passes on)
            log.error("explore by touch: %s", type(exc).__name__)
            log.debug("explore fault", exc_info=exc)
            return False

    def _touch(self, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd):
            return True  # (the finger rests: nothing happens until it lifts)
        point = _point(event)
        if point is None:
            return True
        now = time.monotonic()
        read = self._read
        if read is not None and now - read[2] <= DOUBLE_TAP_S and shiboken6.isValid(read[0]):
            self._read = None
            self._press_at(read[1])
            return True
        self.explore(point)
        return True

    def explore(self, point: QPointF) -> QQuickItem | None:
        """Read what is at ``point`` (window coordinates)."""
        from ui.speech.screen_reader import item_at

        item = item_at(self._window.contentItem(), point)
        if item is None:
            self._read = None
            return None
        self._read = (item, point, time.monotonic())
        # Read, not focused: the focus stays where typing goes (moving it would close the
        # on-screen keyboard and shift the screen under the finger before the second tap).
        self._describe(item)
        return item

    def _press_at(self, point: QPointF) -> None:
        """A tap of its own where the control read last is (past this filter)."""
        window = self._window
        at = QPointF(window.mapToGlobal(point.toPoint()))
        self._replaying = True
        try:
            for kind, buttons in (
                (QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
                (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton),
            ):
                tap = QMouseEvent(
                    kind, point, at, Qt.MouseButton.LeftButton, buttons,
                    Qt.KeyboardModifier.NoModifier,
                )  # fmt: skip
                QCoreApplication.sendEvent(window, tap)
        finally:
            self._replaying = False
