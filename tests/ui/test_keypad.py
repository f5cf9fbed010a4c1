"""The whole journey from a keypad alone (ui/keypad.py): arrows from control to control, Enter
to press, back, help; in German and in Arabic (mirrored). No touch on the screen: every key
goes to the window as a keypad's would, and what has the focus shows a ring and is read."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from tests.ui.conftest import KioskDriver

Make = Callable[..., KioskDriver]
Key = Qt.Key


def press(k: KioskDriver, key: Key, times: int = 1) -> None:
    for _ in range(times):
        QTest.keyClick(k.window, key)
        k.qtbot.wait(20)


def focused(k: KioskDriver) -> QQuickItem | None:
    return k.window.activeFocusItem()


def focused_name(k: KioskDriver) -> str:
    item = focused(k)
    return item.objectName() if item is not None else ""


def arrow_to(k: KioskDriver, name: str, key: Key = Key.Key_Down, limit: int = 60) -> None:
    """Arrow on until ``name`` has the focus (as a citizen listening would)."""
    k.wait_for(name)
    seen = []
    for _ in range(limit):
        if focused_name(k) == name:
            return
        press(k, key)
        seen.append(focused_name(k))
    raise AssertionError(f"{name!r} never got the focus; went through {seen}")


def rings(item: QQuickItem | None) -> list[QQuickItem]:
    """The focus rings drawn inside ``item``."""
    if item is None:
        return []
    found = [item] if item.objectName() == "focusRing" else []
    for child in item.childItems():
        found += rings(child)
    return found


def choose(k: KioskDriver, name: str) -> None:
    arrow_to(k, name)
    press(k, Key.Key_Return)


def type_text(k: KioskDriver, field: str, text: str) -> None:
    """As from a keypad: Enter on the field, its text on the on-screen keyboard, back."""
    arrow_to(k, field)
    press(k, Key.Key_Return)
    assert k.ui.keypad is not None and k.ui.keypad.editing
    # (the text as the on-screen keyboard commits it; its keys walked by the arrows are
    # test_the_on_screen_keyboard_is_walked_with_arrows)
    k.type_into(field, text)
    k.qtbot.waitUntil(lambda: k.text_of(field) == text, timeout=3000)
    press(k, Key.Key_Escape)  # done typing: the arrows move between controls again
    assert not k.ui.keypad.editing and focused_name(k) == field


@pytest.mark.parametrize("language", ["de", "ar"])
def test_a_pothole_is_reported_from_the_keypad_alone(make_kiosk: Make, language: str) -> None:
    k = make_kiosk()
    k.qtbot.waitUntil(lambda: k.ui.keypad is not None, timeout=3000)
    if language == "ar":
        choose(k, f"attractLanguage_{language}")
        k.qtbot.waitUntil(lambda: k.ui.models.kiosk.property("language") == "ar")
    choose(k, "startButton")
    k.wait_screen("home")
    choose(k, "tile_maengel-melden")
    k.wait_screen("service")
    k.shot(f"keypad-service-{language}")
    choose(k, "proceedButton")
    k.wait_screen("identify")
    choose(k, "skipIdentificationButton")
    k.wait_screen("form")
    choose(k, "choice_category_pothole")
    type_text(k, "input_location", "Vor der Kirche 3")
    choose(k, "nextButton")
    k.wait_for("input_description")
    type_text(k, "input_description", "Tiefes Schlagloch")
    choose(k, "nextButton")
    k.wait_screen("attachments")
    choose(k, "takePhotoButton")
    k.wait_for("photo_0")
    choose(k, "photosDoneButton")
    k.wait_screen("review")
    choose(k, "consentToggle")
    k.qtbot.waitUntil(lambda: k.ui.models.review.property("consent"), timeout=2000)
    k.shot(f"keypad-review-{language}")
    choose(k, "submitButton")
    k.wait_screen("done")
    choose(k, "finishButton")
    k.wait_screen("attract")


def test_back_help_and_the_focus_ring(make_kiosk: Make, speech: object) -> None:
    k = make_kiosk()
    k.qtbot.waitUntil(lambda: k.ui.keypad is not None, timeout=3000)
    choose(k, "startButton")
    k.wait_screen("home")
    choose(k, "tile_termin")
    k.wait_screen("service")
    press(k, Key.Key_Escape)  # back
    k.wait_screen("home")
    # The focused control shows it: its ring is drawn.
    arrow_to(k, "tile_sperrmuell")
    assert any(ring.isVisible() for ring in rings(focused(k))), "no focus ring on the tile"
    k.shot("keypad-focus-ring")
    # Help: reading on, the keys explained (the engine itself: tests/ui/test_read_aloud.py).
    press(k, Key.Key_F1)
    assert k.ui.models.read_aloud.property("on")
    assert "Pfeiltasten" in k.ui.models.read_aloud.core.last_said
    # Back over a dialog closes it the safe way (not cancelled).
    choose(k, "tile_maengel-melden")
    k.wait_screen("service")
    choose(k, "proceedButton")
    k.wait_screen("identify")
    choose(k, "skipIdentificationButton")
    k.wait_screen("form")
    choose(k, "choice_category_pothole")
    choose(k, "cancelButton")
    k.wait_for("cancelNoButton")
    press(k, Key.Key_Escape)
    k.qtbot.waitUntil(lambda: not k.exists("cancelDialog"), timeout=2000)
    assert k.screen == "form"
    # The focus is back where it was before the dialog (WCAG 2.4.3), not at the top.
    k.qtbot.waitUntil(lambda: focused_name(k) == "cancelButton", timeout=2000)


def test_the_on_screen_keyboard_is_walked_with_arrows(make_kiosk: Make) -> None:
    k = make_kiosk()
    k.qtbot.waitUntil(lambda: k.ui.keypad is not None, timeout=3000)
    choose(k, "startButton")
    k.wait_screen("home")
    choose(k, "tile_maengel-melden")
    k.wait_screen("service")
    choose(k, "proceedButton")
    k.wait_screen("identify")
    choose(k, "sampleCard_erika")  # (the demo's card on the reader: its access number asked)
    arrow_to(k, "canInput")
    k.qtbot.waitUntil(lambda: QGuiApplication.inputMethod().isVisible(), timeout=3000)
    press(k, Key.Key_Return)  # (Enter on the field: typing from the keypad begins)
    assert k.ui.keypad is not None and k.ui.keypad.editing
    # The keys: an arrow to reach one, Enter to type it; three digits, no touch.
    for _ in range(3):
        press(k, Key.Key_Right)
        press(k, Key.Key_Return)
    k.qtbot.waitUntil(lambda: len(k.text_of("canInput")) == 3, timeout=3000)
    assert k.text_of("canInput").isdigit()
    assert focused_name(k) == "canInput"
    # Back: typing stops, the arrows move between controls again.
    press(k, Key.Key_Escape)
    assert not k.ui.keypad.editing
    press(k, Key.Key_Down)
    assert focused_name(k) != "canInput"


def test_the_focused_control_is_scrolled_into_sight(make_kiosk: Make) -> None:
    # Portrait, larger text: the services go on below the screen's edge.
    k = make_kiosk(orientation="portrait")
    k.qtbot.waitUntil(lambda: k.ui.keypad is not None, timeout=3000)
    k.ui.theme.toggleLargeText()
    choose(k, "startButton")
    k.wait_screen("home")
    tiles = [i.objectName() for i in k.items() if i.objectName().startswith("tile_")]
    last = max(tiles, key=lambda n: k.find_all(n)[0].mapToScene(QPointF(0, 0)).y())
    grid = k.find("serviceGrid")
    assert grid.property("contentHeight") > grid.height()  # (some is out of sight)
    arrow_to(k, last)
    assert grid.property("contentY") > 0  # (scrolled to it)
    item = k.find(last)
    top = item.mapToScene(QPointF(0, 0)).y()
    assert top >= 0 and top + item.height() <= k.window.height(), (top, item.height())
    k.shot("keypad-scrolled-portrait")
