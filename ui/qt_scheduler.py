"""The core's :class:`~kiosk.scheduling.Scheduler`, backed by Qt: named QTimers and a queued
signal that brings work from worker threads onto the Qt (GUI) thread."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot


class _QtTimerHandle:
    """Cancels one single-shot timer. The QTimer is deleted once it has fired or been
    cancelled, while the core may keep the handle (PrintStation keeps the handle of the status
    poll that fired): after that, ``cancel`` does nothing instead of touching a deleted C++
    object (which raised "QTimer already deleted" and wiped the citizen's session)."""

    def __init__(self, timer: QTimer) -> None:
        self._timer: QTimer | None = timer

    def fired(self) -> None:
        self._timer = None

    def cancel(self) -> None:
        timer, self._timer = self._timer, None
        # isValid: cancel_all() may have deleted the timer behind this handle's back.
        if timer is not None and shiboken6.isValid(timer):
            timer.stop()
            timer.deleteLater()


class QtScheduler(QObject):
    _posted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Queued: emitted from any thread, delivered on the thread this object lives in.
        self._posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def post(self, callback: Callable[[], None]) -> None:
        self._posted.emit(callback)

    @Slot(object)
    def _run(self, callback: Callable[[], None]) -> None:
        callback()

    def cancel_all(self) -> None:
        """Stop every pending timer (the interface is shutting down)."""
        for timer in self.findChildren(QTimer):
            timer.stop()
            timer.deleteLater()

    def call_later(self, name: str, delay_s: float, callback: Callable[[], None]) -> _QtTimerHandle:
        timer = QTimer(self)
        timer.setObjectName(name)
        timer.setSingleShot(True)
        handle = _QtTimerHandle(timer)

        def fire() -> None:
            handle.fired()
            timer.deleteLater()
            callback()

        timer.timeout.connect(fire)
        timer.start(max(0, int(delay_s * 1000)))
        return handle
