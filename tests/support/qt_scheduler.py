"""A Qt scheduler whose clock only moves when the test says so (timeouts without waiting)."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.scheduling import ManualScheduler, TimerHandle
from ui.qt_scheduler import QtScheduler


class ManualClockQtScheduler(QtScheduler):
    """Work from worker threads still arrives through Qt's queued signal; timers are manual."""

    def __init__(self) -> None:
        super().__init__()
        self._clock = ManualScheduler()

    def call_later(
        self,
        name: str,
        delay_s: float,  # type: ignore[override]
        callback: Callable[[], None],
    ) -> TimerHandle:
        return self._clock.call_later(name, delay_s, callback)

    def advance(self, seconds: float) -> None:
        self._clock.advance(seconds)

    def pending_timers(self) -> list[str]:
        return self._clock.pending_timers()
