"""No text on any screen is elided, clipped or cut off: every language, text size, orientation.

One kiosk per combination walks every screen and overlay once (the screen tour's path, then a
second citizen while the terminal is offline, on the passport path); on each stop every visible
text (labels, button captions, placeholders) is checked:

- not elided or cut to a line count (``truncated``);
- no wider than its box, and no word broken inside because it is wider than the box;
- no taller than its box;
- inside every clipping ancestor, every rectangle and control that draws around it, and the
  window (inside a Flickable: within its width and its scrollable content).

About 3-4 s per combination here (8 combinations).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QRectF, QUrl
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtQml import QQmlComponent
from PySide6.QtQuick import QQuickItem

from kiosk.languages import LANGUAGES
from tests.support.qt_scheduler import ManualClockQtScheduler
from tests.ui.conftest import KioskDriver

#: Slack for sub-pixel rounding of layouts (px).
_SLACK = 1.5
#: Where a line may break: white space, and after a hyphen or slash (UAX #14).
_BREAKS = re.compile(r"\s+|(?<=[-/])")


def _ancestors(item: QQuickItem) -> Iterator[QQuickItem]:
    node = item.parentItem()
    while node is not None:
        yield node
        node = node.parentItem()


def _describe(item: QQuickItem) -> str:
    names = [item.objectName()] + [a.objectName() for a in _ancestors(item)]
    path = "/".join(n for n in reversed(names) if n)
    return f"{str(item.property('text'))[:60]!r} ({path or type(item).__name__})"


def _inside(inner: QRectF, outer: QRectF, horizontal_only: bool = False) -> bool:
    if inner.left() < outer.left() - _SLACK or inner.right() > outer.right() + _SLACK:
        return False
    if horizontal_only:
        return True
    return inner.top() >= outer.top() - _SLACK and inner.bottom() <= outer.bottom() + _SLACK


def _scene_rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def text_problems(k: KioskDriver) -> list[str]:
    """Every visible text that does not fit, as a readable line each."""
    window = QRectF(0, 0, k.window.width(), k.window.height())
    keyboard = k.find_all("inputPanel")
    problems: list[str] = []
    for item in k.items():
        if not item.inherits("QQuickText") or not k.is_shown(item):
            continue
        text = str(item.property("text") or "")
        if not text.strip() or any(a in keyboard for a in _ancestors(item)):
            continue  # the virtual keyboard's own keys are Qt's
        what = _describe(item)
        width, height = item.width(), item.height()
        if item.property("truncated"):
            problems.append(f"elided: {what}")
        if float(item.property("contentWidth")) > width + _SLACK:
            problems.append(f"wider than its box ({width:.0f}px): {what}")
        if float(item.property("contentHeight")) > height + _SLACK:
            problems.append(f"taller than its box ({height:.0f}px): {what}")
        # A word wider than the box is broken inside (Text.Wrap) or overflows (WordWrap).
        metrics = QFontMetricsF(QFont(item.property("font")))
        longest = max(_BREAKS.split(text), key=metrics.horizontalAdvance)
        if metrics.horizontalAdvance(longest) > width + _SLACK:
            problems.append(f"word {longest!r} broken ({width:.0f}px): {what}")
        rect = _scene_rect(item)
        in_flickable = False
        for ancestor in _ancestors(item):
            if ancestor.inherits("QQuickFlickable"):
                in_flickable = True
                content = ancestor.property("contentItem")
                box = item.mapRectToItem(content, QRectF(0, 0, width, height))
                scrollable = QRectF(
                    0,
                    0,
                    max(float(ancestor.property("contentWidth")), ancestor.width()),
                    max(float(ancestor.property("contentHeight")), ancestor.height()),
                )
                if not _inside(rect, _scene_rect(ancestor), horizontal_only=True) or not _inside(
                    box, scrollable
                ):
                    problems.append(f"outside its scroll area {ancestor.objectName()!r}: {what}")
                    break
            elif (
                ancestor.clip()
                or ancestor.inherits("QQuickRectangle")
                or ancestor.inherits("QQuickControl")
            ) and not _inside(rect, _scene_rect(ancestor)):
                problems.append(f"sticks out of {_describe(ancestor)}: {what}")
                break
        if not _inside(rect, window, horizontal_only=in_flickable):
            problems.append(f"off the window: {what}")
    return problems


class Tour:
    """A kiosk walked through every screen, checking the texts at every stop."""

    def __init__(
        self, k: KioskDriver, scheduler: ManualClockQtScheduler, language: str, large: bool
    ) -> None:
        self.k = k
        self.scheduler = scheduler
        self.language = language
        self.large = large
        self.found: list[str] = []

    def stop(self, name: str) -> None:
        k = self.k
        QCoreApplication.processEvents()  # calls deferred with Qt.callLater (scrolling)
        k.window.grabWindow()  # forces polish: layouts are final
        k.shot(name)
        self.found.extend(f"{k.label}-{name}: {p}" for p in text_problems(k))
        # Whoever runs the terminal is named on every screen of a session.
        if k.screen not in ("attract", "out_of_service") and not k.exists("municipalityName"):
            self.found.append(f"{k.label}-{name}: the municipality's name is not shown")

    def start(self) -> None:
        """A citizen starts (each in the default language: the tour's is chosen again)."""
        k = self.k
        if k.ui.models.kiosk.property("language") != self.language:
            k.click(f"attractLanguage_{self.language}")
            k.qtbot.waitUntil(lambda: k.ui.models.kiosk.property("language") == self.language)
        k.click("startButton")
        k.wait_screen("home")
        if self.large and not k.ui.theme.property("largeText"):
            k.click("largeTextButton")
            k.qtbot.waitUntil(lambda: bool(k.ui.theme.property("largeText")))


def _walk(tour: Tour) -> None:
    k = tour.k
    k.wait_screen("attract")
    tour.stop("01-attract")
    tour.start()
    tour.stop("02-home")
    k.click("tile_sperrmuell")
    k.wait_screen("service")
    tour.stop("03-service")
    k.click("proceedButton")
    k.wait_screen("identify")
    tour.stop("04-identify")
    k.click("sampleCard_erika")
    k.wait_for("canInput")
    tour.stop("04b-identify-can")
    k.type_into("canInput", "123456")
    tour.stop("04c-identify-can-keyboard")
    k.click("accessSubmitButton")
    k.wait_for("confirmIdentityButton", timeout=10000)
    tour.stop("04d-identify-confirm")
    k.click("confirmIdentityButton")
    k.wait_screen("form")
    tour.stop("05-form-prefilled")
    k.click("nextButton")
    k.wait_for("input_items")
    k.click("nextButton")
    k.wait_for("problem_items")
    tour.stop("06-form-problems")
    k.type_into("input_items", "1 Sofa, 2 Stühle")
    k.type_into("input_volume", "2,5")
    k.type_into("input_preferred_date", k.clock.german(9))
    tour.stop("07-form-keyboard")
    k.click("nextButton")
    k.wait_screen("review")
    tour.stop("08-review")
    k.click("consentToggle")
    k.click("submitButton")
    k.wait_screen("done")
    _advance_until(tour, lambda: k.exists("receiptImage"))
    tour.stop("09-done")
    k.click("clerkButton")
    k.wait_for("clerkDialog")
    tour.stop("10-clerk")
    k.click("clerkCloseButton")
    k.click("finishButton")
    # No hub: the application waits, and the terminal is offline from here on.
    k.wait_screen("attract")
    k.wait_for("attractOfflineNotice")
    tour.stop("11-attract-offline")
    tour.start()
    k.wait_for("offlineNotice")
    tour.stop("12-home-offline")
    k.click("tile_meldebescheinigung")
    k.wait_screen("service")
    tour.stop("13-service-offline")
    k.click("proceedButton")
    k.wait_screen("identify")
    k.click("sampleCard_anna")
    k.wait_for("documentNumberInput")
    tour.stop("14-identify-passport")
    k.type_into("birthInput", "12.08.1974")
    tour.stop("14b-identify-passport-keyboard")
    k.click("cancelButton")
    k.wait_for("cancelDialog")
    tour.stop("15-cancel")
    k.click("cancelYesButton")
    # A third citizen reports a pothole while the printer has no paper: the notice, the photos
    # and the receipt on the screen.
    k.wait_screen("attract")
    tour.start()
    camera = k.ui.terminal.devices.camera
    camera.working = False  # type: ignore[attr-defined]  # told on the service page too
    k.click("tile_maengel-melden")
    k.wait_screen("service")
    k.click("demoPaperOut")
    k.wait_for("receiptOnScreenNotice")
    k.wait_for("cameraUnavailableNotice")
    tour.stop("16-service-no-paper")
    camera.working = True  # type: ignore[attr-defined]  # back for the photos below
    k.click("proceedButton")
    k.wait_screen("identify")
    k.click("skipIdentificationButton")
    k.wait_screen("form")
    k.click("choice_category_pothole")
    k.type_into("input_location", "Vor der Kirche, Hauptstraße 3")
    k.click("nextButton")
    k.type_into("input_description", "Tiefes Schlagloch, Radfahrer müssen ausweichen.")
    k.click("nextButton")
    k.wait_screen("attachments")
    k.click("takePhotoButton")
    _advance_until(tour, lambda: k.exists("photo_0"))
    tour.stop("17-attachments")
    tour.scheduler.advance(k.ui.config.timeouts.inactivity_s)
    k.wait_for("timeoutDialog")
    tour.stop("18-timeout")
    k.click("extendButton")
    k.qtbot.waitUntil(lambda: not k.exists("timeoutDialog"))
    k.click("photosDoneButton")
    k.wait_screen("review")
    tour.stop("19-review-photos")
    k.click("consentToggle")
    k.click("submitButton")
    k.wait_screen("done")
    _advance_until(tour, lambda: k.exists("screenReceipt"))
    tour.stop("20-done-screen-receipt")
    # A fourth asks for the status of an application (the terminal is offline) and for the
    # town hall's telephone.
    k.click("finishButton")
    k.wait_screen("attract")
    tour.start()
    k.click("clerkButton")
    k.wait_for("clerkPhone")
    tour.stop("21-clerk-dialog")
    k.click("clerkCloseButton")
    k.click("tile_antragsstatus")
    k.wait_screen("service")
    k.click("proceedButton")
    k.wait_screen("form")
    k.type_into("input_tracking_number", "7k3m-q9xd-2af8")
    k.click("nextButton")
    k.wait_screen("status")
    _advance_until(tour, lambda: k.exists("statusRetryButton"))
    tour.stop("22-status-offline")
    # The calm screen after a fault.
    k.ui.terminal.fault(RuntimeError("text-fit tour"))
    k.wait_screen("out_of_service")
    tour.stop("23-out-of-service")


def _advance_until(tour: Tour, done: Callable[[], bool]) -> None:
    """Wait for a device's steps that run on the manual clock (printer, camera)."""

    def advanced() -> bool:
        tour.scheduler.advance(0.1)
        return done()

    tour.k.qtbot.waitUntil(advanced, timeout=10000)


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
@pytest.mark.parametrize("size", ["normal", "large"])
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_no_text_is_cut_off(
    make_kiosk: Callable[..., KioskDriver], orientation: str, size: str, language: str
) -> None:
    scheduler = ManualClockQtScheduler()
    k = make_kiosk(orientation, scheduler=scheduler)
    k.label = f"fit-{orientation}-{language}-{size}"
    if language != "de":  # the attract screen in the tour's language too
        k.click(f"attractLanguage_{language}")
        k.qtbot.waitUntil(lambda: k.ui.models.kiosk.property("language") == language)
    tour = Tour(k, scheduler, language, large=size == "large")
    _walk(tour)
    assert not tour.found, "\n".join(tour.found)


_BAD_TEXTS = b"""
import QtQuick
Item {
    width: 300; height: 100; clip: true
    Text { objectName: "squeezed"; width: 120; font.pixelSize: 34; wrapMode: Text.WordWrap
           text: "Meldebescheinigung beantragen" }
    Text { objectName: "elided"; y: 40; width: 60; elide: Text.ElideRight; text: "Abbrechen" }
    Text { objectName: "outside"; x: 250; y: 70; text: "Abbrechen" }
}
"""


def test_the_check_sees_text_that_does_not_fit(make_kiosk: Callable[..., KioskDriver]) -> None:
    """The check itself: a broken word, an elided caption, a caption clipped by its box."""
    k = make_kiosk("landscape")
    k.click("startButton")
    k.wait_screen("home")
    k.window.grabWindow()
    assert text_problems(k) == []
    component = QQmlComponent(k.ui.engine)
    component.setData(_BAD_TEXTS, QUrl())
    box = component.create()
    assert isinstance(box, QQuickItem), component.errorString()
    box.setParent(k.window.contentItem())
    box.setParentItem(k.window.contentItem())
    k.window.grabWindow()
    problems = "\n".join(text_problems(k))
    assert "word 'Meldebescheinigung' broken" in problems
    assert "elided: 'Abbrechen' (elided)" in problems
    assert "sticks out of" in problems and "(outside)" in problems
