"""The service mode as the technician meets it on the screen (issue 16): the attract screen's
corner held for three seconds (a tap there starts a visit like anywhere), the PIN pad, the
terminal's state and the self-test; rendered and saved as screenshots."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from kiosk.session.states import EndReason
from tests.ui.conftest import KioskDriver

Make = Callable[..., KioskDriver]


def hold_corner(k: KioskDriver, ms: int) -> None:
    corner = k.find("serviceCorner")
    where = corner.mapToScene(QPointF(corner.width() / 2, corner.height() / 2)).toPoint()
    QTest.mousePress(k.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
    k.qtbot.wait(ms)
    QTest.mouseRelease(k.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)


def test_the_technician_opens_the_service_mode_and_runs_the_self_test(make_kiosk: Make) -> None:
    k = make_kiosk()
    k.wait_screen("attract")
    # A citizen's tap in the corner starts a visit as anywhere else.
    hold_corner(k, 100)
    k.wait_screen("home")
    session = k.ui.terminal.session
    assert session is not None
    session.end(EndReason.CANCELLED)
    k.wait_screen("attract")
    hold_corner(k, 3300)
    k.wait_for("technicianPanel")
    assert k.screen == "attract"  # no visit was started
    k.shot("service-1-pin")
    for digit in "1239":
        k.click(f"pinKey{digit}")
    assert k.text_of("technicianPinDots") == "●●●●"
    k.click("pinKeyOK")
    k.qtbot.waitUntil(lambda: "Falsche PIN" in k.text_of("technicianMessage"), timeout=5000)
    k.shot("service-2-wrong-pin")
    for digit in "1234":
        k.click(f"pinKey{digit}")
    k.click("pinKeyOK")
    k.wait_for("technicianSelfTest")
    k.click("technicianSelfTest")
    k.qtbot.waitUntil(lambda: k.ui.terminal.orders.last_self_test is not None, timeout=40000)
    k.qtbot.wait(200)
    k.shot("service-3-open")
    k.click("technicianClose")
    k.qtbot.waitUntil(lambda: not k.exists("technicianPanel"), timeout=3000)
    k.wait_screen("attract")
