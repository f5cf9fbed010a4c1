"""What the core may expect of every :class:`kiosk.scheduling.Scheduler`'s timers, checked
against each scheduler the project has: the manual one (core tests, benchmarks), the Qt one
(the kiosk) and the manual-clock Qt one (UI tests).

The core keeps timer handles past their callback (``PrintStation`` keeps the handle of the
status poll that fired, and cancels it on the next refresh): a cancel after the timer fired must
do nothing, on every scheduler. The Qt scheduler raised "QTimer already deleted" there, and the
fault handler wiped the citizen's session.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from kiosk.scheduling import ManualScheduler, Scheduler
from tests.support.qt_scheduler import ManualClockQtScheduler
from ui.qt_scheduler import QtScheduler

#: Delays: "soon" fires within the test, "later" must not (unless cancelled first, it would).
SOON_S = 0.01
LATER_S = 0.2


@dataclass
class Timers:
    scheduler: Scheduler
    #: Let time pass until ``done()`` holds, then let the event loop clean up after the timers
    #: that fired (Qt deletes a fired QTimer on the next turn of the loop).
    pass_time: Callable[[Callable[[], bool]], None]


def _manual() -> Timers:
    scheduler = ManualScheduler()

    def pass_time(done: Callable[[], bool]) -> None:
        scheduler.advance(LATER_S * 2)
        assert done()

    return Timers(scheduler, pass_time)


def _qt(qtbot: Any, scheduler: QtScheduler) -> Timers:
    def pass_time(done: Callable[[], bool]) -> None:
        qtbot.waitUntil(done, timeout=5000)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    return Timers(scheduler, pass_time)


def _manual_clock_qt() -> Timers:
    scheduler = ManualClockQtScheduler()

    def pass_time(done: Callable[[], bool]) -> None:
        scheduler.advance(LATER_S * 2)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert done()

    return Timers(scheduler, pass_time)


@pytest.fixture(params=["manual", "qt", "manual-clock-qt"])
def timers(request: pytest.FixtureRequest, qtbot: Any) -> Iterator[Timers]:
    if request.param == "manual":
        yield _manual()
    elif request.param == "qt":
        scheduler = QtScheduler()
        yield _qt(qtbot, scheduler)
        scheduler.cancel_all()
    else:
        yield _manual_clock_qt()


def test_a_timer_fires_once_and_cancel_never_fails(timers: Timers) -> None:
    fired: list[str] = []
    schedule = timers.scheduler.call_later

    kept = schedule("status-poll", SOON_S, lambda: fired.append("kept"))
    stopped = schedule("stopped", SOON_S, lambda: fired.append("stopped"))
    stopped.cancel()
    own: list[Any] = []
    # A callback that cancels its own timer (PrintStation.refresh, run by its poll timer).
    own.append(schedule("own", SOON_S, lambda: (own[0].cancel(), fired.append("own"))))
    # Fires after the others: once it has, they have had their chance.
    schedule("marker", LATER_S, lambda: fired.append("marker"))

    timers.pass_time(lambda: "marker" in fired)

    assert sorted(fired) == ["kept", "marker", "own"]
    # The timers have fired (and Qt has deleted them): cancelling now, or twice, does nothing.
    kept.cancel()
    kept.cancel()
    own[0].cancel()
    stopped.cancel()
    assert sorted(fired) == ["kept", "marker", "own"]


def test_a_handle_outlives_the_qt_scheduler_s_shutdown(qtbot: Any) -> None:
    # KioskUi.shutdown() stops every timer at once (cancel_all); the core may still hold
    # handles and cancel them afterwards (Terminal.shutdown runs first today, but need not).
    scheduler = QtScheduler()
    fired: list[str] = []
    handle = scheduler.call_later("retry", LATER_S, lambda: fired.append("retry"))
    scheduler.cancel_all()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    handle.cancel()
    assert fired == []
