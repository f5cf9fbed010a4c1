"""The checks on every screenshot (tests/ui/accessible_names.py) find what they should: an icon
button without a name, a text field known only by its content, a button a finger could miss."""

from __future__ import annotations

from typing import Any

from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from tests.ui.accessible_names import MIN_TARGET_PX, small_controls, unnamed_controls

QML = b"""
import QtQuick
import QtQuick.Controls
Window {
    visible: true; width: 400; height: 400
    Column {
        Button { objectName: "named"; text: "Weiter" }
        Button { objectName: "iconOnly"; icon.name: "go-next" }
        Button { objectName: "iconNamed"; Accessible.name: "Weiter" }
        TextField { objectName: "unnamedField"; text: "Erika Mustermann" }
        TextField { objectName: "namedField"; Accessible.name: "Name" }
        Rectangle { objectName: "tile"; width: 10; height: 10; Accessible.role: Accessible.Button }
        Button { objectName: "hidden"; visible: false }
        Button { objectName: "tiny"; text: "x"; width: 15; height: 15 }
    }
}
"""


def test_the_check_finds_unnamed_controls(qtbot: Any) -> None:
    engine = QQmlApplicationEngine()
    engine.loadData(QML)
    window = engine.rootObjects()[0]
    assert isinstance(window, QQuickWindow)
    qtbot.waitExposed(window)
    found = unnamed_controls(window)
    assert sorted(name.split(" ")[0] for name in found) == ["iconOnly", "tile", "unnamedField"]
    # (the window is 400 px: the 15 mm scale down with it, to 400/1080 of MIN_TARGET_PX)
    small = [name.split(" ")[0] for name in small_controls(window)]
    assert "tiny" in small and "named" not in small, (small, MIN_TARGET_PX)
    window.close()
    engine.deleteLater()


def test_the_review_s_change_buttons_say_what_they_change(make_kiosk: Any) -> None:
    # Seen, "Ändern" sits beside its section's heading; heard alone, it would not say which.
    from PySide6.QtGui import QAccessible

    def name(object_name: str) -> str:
        iface = QAccessible.queryAccessibleInterface(k.find(object_name))
        return str(iface.text(QAccessible.Text.Name))

    k = make_kiosk()
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_unterlagen-nachreichen")
    k.wait_screen("service")
    k.hand_in_a_page()
    assert name("editPage_0") == "Ändern: Zu welchem Antrag?"
    assert name("editPhotos") == "Fotos ändern"
    assert k.text_of("editPage_0") == "Ändern"
