"""Drive the real QML interface offscreen: find items by objectName, click, type, screenshot."""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.config import KioskConfig, Orientation
from tests.support.clock import FrozenClock
from tests.support.configs import ROOT, demo_config
from tests.support.sound_server import SoundServer, sound_server
from tests.support.speech_server import SpeechServer, speech_server
from ui.app import KioskUi
from ui.models.enums import Screen
from ui.qt_scheduler import QtScheduler

ARTEFACTS = Path(os.environ.get("POP_ARTEFACTS", ROOT / "artifacts"))


@pytest.fixture(scope="session")
def qapp_cls() -> type[QGuiApplication]:
    return QGuiApplication


class KioskDriver:
    """What a person does at the terminal, as test steps."""

    def __init__(self, qtbot: Any, ui: KioskUi, label: str, clock: FrozenClock) -> None:
        self.qtbot = qtbot
        self.ui = ui
        #: The terminal's wall clock: every date a test types counts from it.
        self.clock = clock
        assert ui.window is not None
        self.window: QQuickWindow = ui.window
        self.label = label

    # --- finding -------------------------------------------------------------------------------

    def items(self) -> Iterator[QQuickItem]:
        stack = [self.window.contentItem()]
        while stack:
            item = stack.pop()
            yield item
            stack.extend(item.childItems())

    def find_all(self, name: str) -> list[QQuickItem]:
        return [i for i in self.items() if i.objectName() == name]

    def find(self, name: str) -> QQuickItem:
        visible = [i for i in self.find_all(name) if self.is_shown(i)]
        assert visible, f"no visible item named {name!r} on screen {self.screen!r}"
        return visible[0]

    def exists(self, name: str) -> bool:
        return any(self.is_shown(i) for i in self.find_all(name))

    @staticmethod
    def is_shown(item: QQuickItem) -> bool:
        node: QQuickItem | None = item
        while node is not None:
            if not node.isVisible() or node.opacity() == 0:
                return False
            node = node.parentItem()
        return True

    @property
    def screen(self) -> str:
        """The screen's name in the core's spelling (``"out_of_service"``), for readable tests."""
        name = Screen.Value(self.ui.models.navigation.property("screen")).name
        return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()

    def wait_screen(self, name: str, timeout: int = 5000) -> None:
        """Wait until the screen is shown and laid out (layouts settle in the event loop)."""
        self.qtbot.waitUntil(lambda: self.screen == name, timeout=timeout)
        loader = self.find_all("screenLoader")[0]

        def laid_out() -> bool:
            item = loader.property("item")
            return item is not None and item.width() > 0 and item.height() > 0

        self.qtbot.waitUntil(laid_out, timeout=timeout)

    def wait_for(self, name: str, timeout: int = 5000) -> QQuickItem:
        def ready() -> bool:
            return any(
                self.is_shown(i) and i.width() > 0 and i.height() > 0 for i in self.find_all(name)
            )

        self.qtbot.waitUntil(ready, timeout=timeout)
        return self.find(name)

    # --- acting --------------------------------------------------------------------------------

    def ensure_visible(self, item: QQuickItem) -> None:
        """Scroll the enclosing Flickable so that ``item`` is on screen."""
        node = item.parentItem()
        while node is not None:
            if (
                node.property("contentY") is not None
                and node.property("contentHeight") is not None
                and node.inherits("QQuickFlickable")
            ):
                content = node.property("contentItem")
                top = item.mapToItem(content, QPointF(0, 0)).y()
                height = node.height()
                current = node.property("contentY")
                if top < current or top + item.height() > current + height:
                    limit = max(0.0, node.property("contentHeight") - height)
                    node.setProperty("contentY", min(max(0.0, top - 20), limit))
                return
            node = node.parentItem()

    def click(self, name: str) -> None:
        item = self.wait_for(name)
        self.qtbot.waitUntil(lambda: bool(item.isEnabled()), timeout=3000)
        # Scrolled to where the item is once the layouts have settled (just after larger
        # text, the tiles are still moving: scrolled too early, the touch lands off screen).
        self._settled_centre(item)
        self.ensure_visible(item)
        centre = self._settled_centre(item)
        QTest.mouseClick(
            self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
        )

    def choose_language(self, code: str) -> None:
        """The citizen's language from the top bar (through its list when there are more than
        two)."""
        if self.exists("languageButton"):
            self.click("languageButton")
        self.click(f"language_{code}")
        self.qtbot.waitUntil(lambda: self.ui.models.kiosk.property("language") == code)

    def _settled_centre(self, item: QQuickItem) -> Any:
        """Where to touch ``item``, once layouts have stopped moving it (Qt Quick layouts
        settle during polish, on a later turn of the event loop)."""
        last: list[Any] = [None]

        def stable() -> bool:
            centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
            done = centre == last[0]
            last[0] = centre
            return done

        self.window.grabWindow()  # forces polish, so positions are final
        self.qtbot.waitUntil(stable, timeout=3000)
        return last[0]

    def type_into(self, name: str, text: str) -> None:
        """Focus a field and type through the input method, as the on-screen keyboard does
        (QTest.keyClicks with umlauts crashes the process: see FIELD-NOTES)."""
        item = self.wait_for(name)
        self.ensure_visible(item)
        item.forceActiveFocus()
        self.qtbot.waitUntil(lambda: bool(item.hasActiveFocus()), timeout=2000)
        select_all = QInputMethodEvent("", [])
        select_all.setCommitString(
            text, -len(str(item.property("text") or "")), len(str(item.property("text") or ""))
        )
        QCoreApplication.sendEvent(item, select_all)

    def text_of(self, name: str) -> str:
        return str(self.find(name).property("text"))

    def hand_in_a_page(self) -> None:
        """From the service page of *Unterlagen nachreichen* to its review, the shortest
        submission: a tracking number typed as it is read off a receipt, and one photo."""
        self.click("proceedButton")
        self.wait_screen("form")
        self.type_into("input_tracking_number", "7k3m-q9xd-2af8")
        self.click("nextButton")
        self.wait_screen("attachments")
        self.click("takePhotoButton")
        self.wait_for("photo_0")
        self.click("photosDoneButton")
        self.wait_screen("review")

    def shot(self, name: str) -> Path:
        """Save what the citizen sees now."""
        folder = ARTEFACTS / "screens"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{self.label}-{name}.png"
        image = self.window.grabWindow()
        assert not image.isNull()
        image.save(str(path))
        # Every screen shot is also checked for controls a screen reader could not name.
        from tests.ui.accessible_names import small_controls, unnamed_controls

        unnamed = unnamed_controls(self.window)
        assert not unnamed, f"controls without an accessible name on {name!r}: {unnamed}"
        small = small_controls(self.window)
        assert not small, f"controls smaller than 15 mm on {name!r}: {small}"
        # And for text and controls a citizen could not make out (WCAG 1.4.3, 1.4.11).
        from tests.ui.contrast import low_contrast

        low = low_contrast(self.window, image)
        assert not low, f"too little contrast on {name!r}:\n" + "\n".join(low)
        return path


@pytest.fixture
def make_kiosk(qtbot: Any, tmp_path: Path) -> Iterator[Callable[..., KioskDriver]]:
    created: list[KioskUi] = []

    def make(
        orientation: str = "landscape",
        config: KioskConfig | None = None,
        scheduler: QtScheduler | None = None,
        clock: FrozenClock | None = None,
        defer_setup: bool = False,
        **timeouts: float,
    ) -> KioskDriver:
        cfg = config or demo_config(tmp_path / "data", **timeouts)
        cfg = dataclasses.replace(
            cfg, display=dataclasses.replace(cfg.display, orientation=Orientation(orientation))
        )
        clock = clock or FrozenClock()
        ui = KioskUi(cfg, scheduler=scheduler, clock=clock, defer_setup=defer_setup)
        created.append(ui)
        window = ui.start()
        qtbot.waitExposed(window)
        lang = ui.models.kiosk.property("language")
        return KioskDriver(qtbot, ui, f"{orientation}-{lang}", clock)

    yield make
    for ui in created:
        ui.shutdown()


def read_sample_card(k: KioskDriver, sample: str = "erika") -> None:
    """Place a sample card, type what is printed on it, confirm the identity."""
    k.click(f"sampleCard_{sample}")
    if sample == "anna":
        k.type_into("documentNumberInput", "L898902C3")
        k.type_into("birthInput", "12.08.1974")
        k.type_into("expiryInput", "15.04.2034")
    else:
        k.type_into("canInput", "123456")
    k.click("accessSubmitButton")  # beside the fields: the on-screen keyboard leaves it free
    k.wait_for("confirmIdentityButton", timeout=10000)
    k.click("confirmIdentityButton")


@pytest.fixture(scope="module")
def speech() -> Iterator[tuple[SpeechServer, SoundServer]]:
    """A private speech-dispatcher (espeak-ng) playing into a private sound server, for the
    kiosks of one test module that read aloud (drivers.sound.speech finds it through
    ``SPEECHD_ADDRESS`` when it first connects)."""
    with sound_server() as sound, speech_server(sound) as server:
        before = os.environ.get("SPEECHD_ADDRESS")
        os.environ["SPEECHD_ADDRESS"] = server.address
        try:
            yield server, sound
        finally:
            if before is None:
                os.environ.pop("SPEECHD_ADDRESS", None)
            else:
                os.environ["SPEECHD_ADDRESS"] = before
