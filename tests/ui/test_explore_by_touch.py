"""Explore by touch (ui/explore.py), as a citizen who cannot see the screen uses it: a headset
plugged in turns reading and exploring on; one tap reads what is under the finger (nothing is
pressed), two quick taps press it. The whole journey so, in German and in Arabic, and the
access number typed on the on-screen keyboard's keys without a digit heard aloud."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from tests.support.sound_server import SoundServer
from tests.support.speech_server import SpeechServer
from tests.ui.conftest import KioskDriver
from ui.explore import DOUBLE_TAP_S

Make = Callable[..., KioskDriver]


def said(k: KioskDriver) -> str:
    return str(k.ui.models.read_aloud.core.last_said)


def centre(k: KioskDriver, item: QQuickItem) -> QPointF:
    k.ensure_visible(item)
    return item.mapToScene(QPointF(item.width() / 2, item.height() / 2))


def tap(k: KioskDriver, point: QPointF) -> None:
    QTest.mouseClick(k.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     point.toPoint())  # fmt: skip


def apart(k: KioskDriver) -> None:
    """A pause longer than a double tap's: the next tap is one of its own."""
    k.qtbot.wait(int(DOUBLE_TAP_S * 1000) + 60)


def explore(k: KioskDriver, name: str) -> str:
    """One tap on ``name``: it is read (and pressed not)."""
    apart(k)
    item = k.wait_for(name)
    point = centre(k, item)
    screen = k.screen
    tap(k, point)
    k.qtbot.wait(50)
    assert k.screen == screen, "a single tap pressed something"
    return said(k)


def choose(k: KioskDriver, name: str) -> None:
    """Two quick taps: read, then pressed."""
    apart(k)
    item = k.wait_for(name)
    point = centre(k, item)
    tap(k, point)
    tap(k, point)
    k.qtbot.wait(50)


def plug_in_headset(k: KioskDriver) -> None:
    k.ui.terminal.devices.sound.headset = True  # type: ignore[attr-defined]
    read = k.ui.models.read_aloud
    k.qtbot.waitUntil(lambda: read.property("exploreByTouch"), timeout=3000)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_journey_by_explore_by_touch(
    make_kiosk: Make, speech: tuple[SpeechServer, SoundServer], language: str
) -> None:
    k = make_kiosk()
    plug_in_headset(k)
    if language == "ar":
        choose(k, "attractLanguage_ar")
        k.qtbot.waitUntil(lambda: k.ui.models.kiosk.property("language") == "ar")
    start = explore(k, "startButton")
    assert k.text_of("startButton") in start
    choose(k, "startButton")
    k.wait_screen("home")
    assert "Mängel melden" in explore(k, "tile_maengel-melden")
    choose(k, "tile_maengel-melden")
    k.wait_screen("service")
    choose(k, "proceedButton")
    k.wait_screen("identify")
    choose(k, "skipIdentificationButton")
    k.wait_screen("form")
    choose(k, "choice_category_pothole")
    choose(k, "input_location")
    k.type_into("input_location", "Vor der Kirche 3")  # (as its keys commit it: see below)
    choose(k, "nextButton")
    k.wait_for("input_description")
    choose(k, "input_description")
    k.type_into("input_description", "Tiefes Schlagloch")
    choose(k, "nextButton")
    k.wait_screen("attachments")
    choose(k, "takePhotoButton")
    k.wait_for("photo_0")
    choose(k, "photosDoneButton")
    k.wait_screen("review")
    choose(k, "consentToggle")
    k.qtbot.waitUntil(lambda: k.ui.models.review.property("consent"), timeout=2000)
    choose(k, "submitButton")
    k.wait_screen("done")
    k.shot(f"explore-done-{language}")
    choose(k, "finishButton")
    k.wait_screen("attract")


def keyboard_key(k: KioskDriver, text: str) -> QQuickItem:
    keys = [i for i in k.items() if i.property("key") is not None
            and i.property("text") == text and k.is_shown(i)]  # fmt: skip
    assert keys, f"no key {text!r} on the on-screen keyboard"
    return keys[0]


def test_the_access_number_typed_on_the_keys_by_touch(
    make_kiosk: Make, speech: tuple[SpeechServer, SoundServer]
) -> None:
    k = make_kiosk()
    plug_in_headset(k)
    k.ui.terminal.devices.sound.headset = False  # type: ignore[attr-defined]
    k.qtbot.waitUntil(lambda: not k.ui.models.read_aloud.property("private"), timeout=3000)
    choose(k, "startButton")
    k.wait_screen("home")
    choose(k, "tile_maengel-melden")
    k.wait_screen("service")
    choose(k, "proceedButton")
    k.wait_screen("identify")
    choose(k, "sampleCard_erika")
    choose(k, "canInput")
    k.qtbot.waitUntil(lambda: k.ui.models.read_aloud.property("on"), timeout=2000)
    heard: list[str] = []
    k.ui.terminal.devices.sound.speech().on_spoken = heard.append  # type: ignore[attr-defined]
    for digit in "123":
        key = keyboard_key(k, digit)
        apart(k)
        tap(k, centre(k, key))
        k.qtbot.wait(50)
        # (no headset: the key is read as a key, never as its digit)
        assert said(k) == "Taste", said(k)
        tap(k, centre(k, key))
        k.qtbot.wait(50)
    k.qtbot.waitUntil(lambda: k.text_of("canInput") == "123", timeout=3000)
    assert not any(d in text for text in heard for d in "123" if "Ziffern" not in text), heard
