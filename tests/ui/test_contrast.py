"""The contrast check on every screenshot (tests/ui/contrast.py): its arithmetic, that it finds
pale text and controls in a live scene, and what it measures on every screen of the tour in both
colour schemes (written to ``artifacts/contrast/``)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import numpy as np
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtQml import QQmlComponent
from PySide6.QtQuick import QQuickItem

from tests.support.qt_scheduler import ManualClockQtScheduler
from tests.ui.conftest import ARTEFACTS, KioskDriver
from tests.ui.contrast import Measured, Report, luminance, measure, ratio, text_contrast
from tests.ui.test_text_fits import Tour, _walk


def _lum(colour: int) -> float:
    return float(luminance(np.array([colour], np.uint32))[0])


def test_the_ratio_is_wcag_s() -> None:
    assert ratio(_lum(0xFFFFFF), _lum(0x000000)) == pytest.approx(21.0)
    # The classic boundary cases: #767676 on white just passes 4.5:1, #777777 does not.
    assert ratio(_lum(0xFFFFFF), _lum(0x767676)) == pytest.approx(4.54, abs=0.01)
    assert ratio(_lum(0xFFFFFF), _lum(0x777777)) < 4.5
    assert ratio(_lum(0xFFFFFF), _lum(0x949494)) == pytest.approx(3.03, abs=0.01)


def test_a_stray_pixel_does_not_decide_the_foreground() -> None:
    """Grey text (7:1 on white) with its anti-aliased rim, and two black pixels of something
    else in its box: the text is measured, not the stray pixels."""
    box = np.full((40, 200), 0xFFFFFFFF, np.uint32)
    box[10:30, 20:180:4] = 0xFF595959  # the glyphs' cores
    box[10:30, 21:181:4] = 0xFFA0A0A0  # their rims
    box[10:30, 22:182:4] = 0xFFD8D8D8
    box[0, 0] = box[39, 199] = 0xFF000000
    measured, foreground, background = text_contrast(box)
    assert background == 0xFFFFFFFF
    assert foreground & 0xFFFFFF == 0x595959
    assert measured == pytest.approx(7.0, abs=0.05)
    # A text in its background's colour has no ink at all.
    assert text_contrast(np.full((40, 200), 0xFF808080, np.uint32))[0] == 1.0


#: Placed over the home screen: what must fail, and what must pass.
_SAMPLES = """
import QtQuick
import QtQuick.Controls
Rectangle {
    x: 40; y: 230; width: 1400; height: 830; z: 1000
    color: "#f4f1ea"
    Column {
        x: 40; y: 30; spacing: 24
        // 1.4:1: fails at any size.
        Rectangle {
            width: 500; height: 60; color: "#9a9a9a"
            Text { objectName: "greyOnGrey"; anchors.centerIn: parent; text: "Grau auf Grau"
                   font.pixelSize: 28; color: "#808080" }
        }
        // 3.1:1: enough for large text, not for small.
        Text { objectName: "paleSmall"; text: "Kleiner Hinweis"; font.pixelSize: 20
               color: "#8a8a84" }
        Text { objectName: "paleLarge"; text: "Großer Hinweis"; font.pixelSize: 36
               color: "#8a8a84" }
        Text { objectName: "dark"; text: "Gut lesbar"; font.pixelSize: 20; color: "#1d1d1b" }
        Row {
            spacing: 30
            // Nothing a citizen can make out: no text, a pale fill on the page, no border.
            Rectangle { objectName: "paleButton"; width: 120; height: 96; radius: 14
                        color: "#ebe7dd"; Accessible.role: Accessible.Button
                        Accessible.name: "Weiter" }
            // As pale, but its text says what it is (WCAG's text-only button).
            Rectangle { objectName: "textButton"; width: 240; height: 96; radius: 14
                        color: "#ebe7dd"; Accessible.role: Accessible.Button
                        Accessible.name: "Weiter"
                        Text { anchors.centerIn: parent; text: "Weiter"; font.pixelSize: 28
                               color: "#1d1d1b" } }
            // No text, but a border.
            Rectangle { objectName: "borderedButton"; width: 120; height: 96; radius: 14
                        color: "#ffffff"; border.width: 3; border.color: "#005a9c"
                        Accessible.role: Accessible.Button; Accessible.name: "Weiter" }
            // Disabled: its text must still be readable (contrast.py, why).
            Button { objectName: "disabledButton"; enabled: false; width: 260; height: 96
                     text: "Absenden"
                     contentItem: Text { text: "Absenden"; font.pixelSize: 28; color: "#c4c4c0"
                                         horizontalAlignment: Text.AlignHCenter
                                         verticalAlignment: Text.AlignVCenter }
                     background: Rectangle { radius: 14; color: "#f4f1ea"; border.width: 2
                                             border.color: "#d8d8d4" } }
        }
        Row {
            spacing: 30
            // Where to type is not seen, however legible what it holds.
            TextField { objectName: "paleField"; width: 400; height: 96; text: "Erika"
                        font.pixelSize: 28; color: "#1d1d1b"; Accessible.name: "Vorname"
                        background: Rectangle { color: "#ffffff"; border.width: 2
                                                border.color: "#e0e0e0" } }
            TextField { objectName: "field"; width: 400; height: 96; text: "Erika"
                        font.pixelSize: 28; color: "#1d1d1b"; Accessible.name: "Vorname"
                        background: Rectangle { color: "#ffffff"; border.width: 2
                                                border.color: "#8a8a84" } }
        }
        // Behind a dialog's dimming: inert, exempt.
        Item {
            width: 500; height: 80
            Text { objectName: "dimmed"; text: "Hinter dem Dialog"; font.pixelSize: 20
                   color: "#1d1d1b" }
            Rectangle { anchors.fill: parent; color: "#b0000000" }
        }
    }
}
"""

_FAIL = {"greyOnGrey", "paleSmall", "paleButton", "paleField", "'Absenden'", "disabledButton"}
_PASS = {"paleLarge", "dark", "textButton", "borderedButton", "field"}


def test_the_check_finds_pale_text_and_controls(make_kiosk: Callable[..., KioskDriver]) -> None:
    k = make_kiosk("landscape")
    k.click("startButton")
    k.wait_screen("home")
    assert not measure(k.window, k.window.grabWindow()).failures
    component = QQmlComponent(k.ui.engine)
    component.setData(_SAMPLES.encode(), QUrl())
    samples = component.create()
    assert isinstance(samples, QQuickItem), component.errorString()
    samples.setParent(k.window.contentItem())
    samples.setParentItem(k.window.contentItem())
    report = measure(k.window, k.window.grabWindow())
    failed = {m.name for m in report.failures}
    assert failed == _FAIL, "\n".join(map(str, report.failures))
    measured = {m.name: m for m in report.texts + report.controls}
    for name in _PASS:
        assert measured[name].passes, measured[name]
    assert "dimmed" not in measured and report.dimmed >= 1
    # What each needs: small text 4.5:1, large 3:1, a control's boundary 3:1.
    assert measured["paleSmall"].required == 4.5
    assert measured["paleLarge"].required == measured["paleButton"].required == 3.0
    assert measured["greyOnGrey"].ratio == pytest.approx(1.40, abs=0.01)  # #808080 on #9a9a9a
    # The screenshot of every UI test says so, with the figures.
    bad = r"text greyOnGrey 'Grau auf Grau': 1\.40:1 \(#808080 on #9a9a9a\), needs 3:1"
    with pytest.raises(AssertionError, match=bad):
        k.shot("contrast-check")
    samples.deleteLater()


class _ContrastTour(Tour):
    """The text-fit tour (every screen and dialog), with the contrast recorded at each stop."""

    def __init__(
        self, k: KioskDriver, scheduler: ManualClockQtScheduler, high_contrast: bool
    ) -> None:
        super().__init__(k, scheduler, "de", large=False)
        self.high_contrast = high_contrast
        self.rows: list[tuple[str, str, Report]] = []
        self.costs: list[float] = []

    def start(self) -> None:
        super().start()
        if self.high_contrast and not self.k.ui.theme.property("highContrast"):
            self.k.click("contrastButton")
            self.k.qtbot.waitUntil(lambda: bool(self.k.ui.theme.property("highContrast")))

    def stop(self, name: str) -> None:
        super().stop(name)  # (the screenshot: checked there)
        image = self.k.window.grabWindow()
        began = time.perf_counter()
        report = measure(self.k.window, image)
        self.costs.append((time.perf_counter() - began) * 1000)
        theme = "high contrast" if self.k.ui.theme.property("highContrast") else "normal"
        self.rows.append((name, theme, report))


def _in_scheme(found: Measured) -> bool:
    """Drawn in the colour scheme's colours: not the on-screen keyboard (Qt's own style) nor
    the specimen card (a picture of the document, in its own colours)."""
    return not {"inputPanel", "accessSpecimen"} & set(found.where.split("/"))


def _cell(found: Measured | None) -> str:
    if found is None:
        return "—"
    return f"{found.ratio:.2f} ({found.name}, {found.foreground} on {found.background})"


def _table(tour: _ContrastTour) -> str:
    lines = [
        "| screen | scheme | lowest text | lowest control | keyboard, specimen | texts "
        "| controls |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, theme, report in tour.rows:
        ours = Report([m for m in report.texts if _in_scheme(m)], report.controls)
        others = Report([m for m in report.texts if not _in_scheme(m)])
        lines.append(
            f"| {name} | {theme} | {_cell(ours.lowest('text'))} | "
            f"{_cell(ours.lowest('control'))} | {_cell(others.lowest('text'))} | "
            f"{len(report.texts)} | {len(report.controls)} |"
        )
    costs = sorted(tour.costs)
    lines.append(
        f"\nmeasure() per screenshot: median {statistics.median(costs):.1f} ms, "
        f"max {costs[-1]:.1f} ms ({len(costs)} screenshots)"
    )
    return "\n".join(lines)


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
@pytest.mark.parametrize("theme", ["normal", "high-contrast"])
def test_every_screen_has_the_contrast_it_needs(
    make_kiosk: Callable[..., KioskDriver], orientation: str, theme: str
) -> None:
    """Every screen and dialog of the tour (tests/ui/test_text_fits.py), the citizen having
    chosen high contrast or not; the lowest figures go to ``artifacts/contrast/``."""
    scheduler = ManualClockQtScheduler()
    k = make_kiosk(orientation, scheduler=scheduler)
    k.label = f"contrast-{orientation}-{theme}"
    tour = _ContrastTour(k, scheduler, high_contrast=theme == "high-contrast")
    _walk(tour)
    table = _table(tour)
    folder = ARTEFACTS / "contrast"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{orientation}-{theme}.md").write_text(table + "\n", encoding="utf-8")
    print(f"\n{orientation}, {theme}:\n{table}")
    assert not tour.found, "\n".join(tour.found)
    # Every stop measured something (a check that sees nothing passes everything).
    for name, _, report in tour.rows:
        assert report.texts and (report.controls or name == "23-out-of-service"), name
        assert not report.failures, (name, report.failures)
    if theme == "high-contrast":
        # Black, white and yellow: AAA (7:1) for every text in the scheme's colours.
        for name, shown, report in tour.rows:
            ours = [m for m in report.texts if _in_scheme(m)]
            low = [str(m) for m in ours if m.ratio < 7]
            assert shown == "normal" or not low, (name, low)
