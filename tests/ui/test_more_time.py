"""Much more time on request (WCAG 2.2.1 "adjust"): asked for in the inactivity warning, kept
for the rest of the visit, gone for the next citizen."""

from __future__ import annotations

from collections.abc import Callable

from tests.ui.conftest import KioskDriver

Make = Callable[..., KioskDriver]


def test_more_time_from_the_warning_lasts_the_visit(make_kiosk: Make) -> None:
    k = make_kiosk(inactivity_s=1.0)
    k.click("startButton")
    k.wait_screen("home")
    k.wait_for("moreTimeButton", timeout=5000)
    k.shot("more-time-warning")
    k.click("moreTimeButton")
    nav = k.ui.models.navigation
    k.qtbot.waitUntil(lambda: nav.property("moreTime"), timeout=3000)
    assert not k.exists("timeoutDialog")
    k.qtbot.wait(3000)  # (ten times the second: no warning yet)
    assert not k.exists("timeoutDialog")
    k.click("cancelButton")
    k.wait_screen("attract")
    assert not nav.property("moreTime")
