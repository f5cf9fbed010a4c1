"""The core's :class:`~kiosk.scheduling.Scheduler`, backed by Qt: named QTimers, and posted
events that bring work from worker threads onto the Qt (GUI) thread.

Nothing here touches PySide's ``Qt`` namespace: its ~100 enums cost ~20 ms to build on first
use, before the first frame (bench/cold_start.py)."""

from __future__ import annotations

import weakref
from collections import deque
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

#: The event type that carries posted work (one of the user range, registered once).
_WORK = QEvent.Type(QEvent.registerEventType())


class _QtTimerHandle:
    """Cancels one single-shot timer. The QTimer is deleted once it has fired or been
    cancelled, while the core may keep the handle (PrintStation keeps the handle of the status
    poll that fired): after that, ``cancel`` does nothing instead of touching a deleted C++
    object (which raised "QTimer already deleted" and wiped the citizen's session).

    The handle, not the timer's connection, holds the callback, and lets go of it once the
    timer has fired or been cancelled. The connection lives until Qt deletes the timer
    (``deleteLater``, on a later turn of the event loop); a callback held that long (say
    ``PrintStation._poll``) kept the core, and through it this parentless QtScheduler, alive
    from inside the scheduler's own child. Deleting that child then released the last
    reference, deleted the scheduler from within the child's destructor, and the child a
    second time: "shared QObject was deleted directly", then SIGBUS in whatever event loop
    ran next (tests/ui/test_print_station_qt.py before test_printer_unconfirmed.py)."""

    def __init__(self, timer: QTimer, callback: Callable[[], None]) -> None:
        self._timer: QTimer | None = timer
        self._callback: Callable[[], None] | None = callback

    def fire(self) -> None:
        timer, self._timer = self._timer, None
        callback, self._callback = self._callback, None
        if timer is not None and shiboken6.isValid(timer):
            timer.deleteLater()
        if callback is not None:
            callback()

    def cancel(self) -> None:
        timer, self._timer = self._timer, None
        self._callback = None
        # isValid: cancel_all() may have deleted the timer behind this handle's back.
        if timer is not None and shiboken6.isValid(timer):
            timer.stop()
            timer.deleteLater()


class QtScheduler(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Posted from any thread, run on the thread this object lives in, in order: one event
        # per callback, each event runs the oldest callback waiting (deque: thread-safe ends).
        self._work: deque[Callable[[], None]] = deque()
        #: Handles whose timer may still be pending (each lives as long as its timer's
        #: connection, or longer if the core keeps it).
        self._handles: weakref.WeakSet[_QtTimerHandle] = weakref.WeakSet()

    def post(self, callback: Callable[[], None]) -> None:
        self._work.append(callback)
        QCoreApplication.postEvent(self, QEvent(_WORK))

    def customEvent(self, event: QEvent) -> None:
        if event.type() == _WORK and self._work:
            self._work.popleft()()

    def cancel_all(self) -> None:
        """Stop every pending timer (the interface is shutting down)."""
        # The handles first: they let go of their callbacks now, while this scheduler is
        # still referenced (see _QtTimerHandle).
        for handle in list(self._handles):
            handle.cancel()
        for timer in self.findChildren(QTimer):
            timer.stop()
            timer.deleteLater()

    def call_later(self, name: str, delay_s: float, callback: Callable[[], None]) -> _QtTimerHandle:
        timer = QTimer(self)
        timer.setObjectName(name)
        timer.setSingleShot(True)
        handle = _QtTimerHandle(timer, callback)
        self._handles.add(handle)
        # A plain function: PySide holds a bound method's object only weakly, and a handle the
        # caller drops must still fire.
        timer.timeout.connect(lambda: handle.fire())
        timer.start(max(0, int(delay_s * 1000)))
        return handle
