"""Much more time on request (WCAG 2.2.1 "adjust"): asked for in the inactivity warning, kept
for the rest of the visit, gone for the next citizen."""

from __future__ import annotations

from collections.abc import Callable

from tests.support.qt_scheduler import ManualClockQtScheduler
from tests.ui.conftest import KioskDriver

Make = Callable[..., KioskDriver]


def test_more_time_from_the_warning_lasts_the_visit(make_kiosk: Make) -> None:
    scheduler = ManualClockQtScheduler()  # (time through the clock seam: nothing waited out)
    k = make_kiosk(scheduler=scheduler, inactivity_s=90, warning_s=30)
    k.click("startButton")
    k.wait_screen("home")
    scheduler.advance(90)
    k.wait_for("moreTimeButton")
    k.shot("more-time-warning")
    k.click("moreTimeButton")
    nav = k.ui.models.navigation
    k.qtbot.waitUntil(lambda: nav.property("moreTime"), timeout=3000)
    assert not k.exists("timeoutDialog")
    # Ten times the inactivity time: no warning at the old time, nor just before the new one.
    scheduler.advance(90)
    assert not k.exists("timeoutDialog")
    scheduler.advance(9 * 90 - 100)
    assert not k.exists("timeoutDialog")
    scheduler.advance(100)
    k.wait_for("timeoutDialog")
    # … and twice the countdown: still there after the usual 30 s.
    scheduler.advance(31)
    assert k.exists("timeoutDialog")
    scheduler.advance(31)  # (the visit ends unattended: the next citizen starts afresh)
    k.wait_screen("attract")
    k.qtbot.waitUntil(lambda: not nav.property("moreTime"))
