"""The core's :class:`~kiosk.scheduling.Scheduler`, backed by Qt: named QTimers and a queued
signal that brings work from worker threads onto the Qt (GUI) thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot


class _QtTimerHandle:
    def __init__(self, timer: QTimer) -> None:
        self._timer = timer

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer.deleteLater()


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

        def fire() -> None:
            timer.deleteLater()
            callback()

        timer.timeout.connect(fire)
        timer.start(max(0, int(delay_s * 1000)))
        return _QtTimerHandle(timer)
