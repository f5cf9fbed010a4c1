"""Colours, sizes and the citizen's accessibility choices (larger text, high contrast).

Sizes are in pixels for a 1080-pixel short side and scale with the window, so the touch targets
stay at least 15 mm on a 21.5–24" terminal screen (1 px ≈ 0.25–0.28 mm at 1080p: 96 px ≥ 24 mm;
the smallest target, 64 px, is ≥ 16 mm). Body text is 28 px at 1080p, 36 px with larger text.

Larger text (EN 301 549 5.1.4): at the 500 mm a standing terminal is read from, a capital H must
subtend 0.7°, 6.1 mm: 24.6 px on the reference panel (21.5", 1920×1080, 0.248 mm a pixel), which
DejaVu Sans (cap height 0.729 em) reaches at 34 px. So larger text is 1.3 times the normal size
and never smaller than 34 px: with it, the small text is 34 px instead of 24 (1.3 times would be
31 px, 5.6 mm), the top bar's captions 34 px instead of 19; the rest is 1.3 times as before
(tests/ui/test_text_size.py computes every size).
"""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from ui.models.context import singleton

#: Larger text: how much larger, and the smallest size it allows (at 1080 px; see above).
LARGE_TEXT_FACTOR = 1.3
LARGE_TEXT_MIN_PX = 34
#: The Theme's text sizes, smallest first.
TEXT_SIZES = ("captionSize", "smallSize", "bodySize", "headingSize", "titleSize", "hugeSize")

QML_IMPORT_NAME = "PointOfPublic"
QML_IMPORT_MAJOR_VERSION = 1

_NORMAL = {
    "background": "#f4f1ea",
    "surface": "#ffffff",
    "text": "#1d1d1b",
    "muted": "#4a4a46",
    "accent": "#005a9c",
    "accentText": "#ffffff",
    "border": "#8a8a84",
    "danger": "#a4000f",
    "success": "#1b6b2f",
    "prefilled": "#e3eef7",
    "bar": "#003a66",
    "barText": "#ffffff",
    # The focused field's border and the keypad's focus ring: at least 3:1 against the page
    # (3.2), a white surface (3.6) and the dark bar (3.3), the colours it is drawn beside or
    # replaces (WCAG 1.4.11, 2.4.13). The amber before (#f0a800) was 1.8:1 on the page.
    "focus": "#e06000",
}
# Black, white and yellow: well above WCAG AAA contrast (7:1) for every pair used together.
_CONTRAST = {
    "background": "#000000",
    "surface": "#000000",
    "text": "#ffffff",
    "muted": "#ffffff",
    "accent": "#ffff00",
    "accentText": "#000000",
    "border": "#ffffff",
    "danger": "#ff8080",
    "success": "#80ff80",
    "prefilled": "#1a1a40",
    "bar": "#000000",
    "barText": "#ffff00",
    "focus": "#00ffff",
}


@QmlElement
@QmlSingleton
class Theme(QObject):
    changed = Signal()

    @staticmethod
    def create(engine: QQmlEngine) -> Theme:
        return singleton(Theme, engine)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._high_contrast = False
        self._large_text = False
        self._scale = 1.0

    def _color(self, name: str) -> str:
        return (_CONTRAST if self._high_contrast else _NORMAL)[name]

    @Property(bool, notify=changed)
    def highContrast(self) -> bool:
        return self._high_contrast

    @Property(bool, notify=changed)
    def largeText(self) -> bool:
        return self._large_text

    @Slot()
    def toggleHighContrast(self) -> None:
        self._high_contrast = not self._high_contrast
        self.changed.emit()

    @Slot()
    def toggleLargeText(self) -> None:
        self._large_text = not self._large_text
        self.changed.emit()

    @Slot()
    def reset(self) -> None:
        """A new citizen starts with the standard settings."""
        if self._high_contrast or self._large_text:
            self._high_contrast = self._large_text = False
            self.changed.emit()

    @Slot(float)
    def setScreenShortSide(self, pixels: float) -> None:
        scale = max(0.5, pixels / 1080.0)
        if abs(scale - self._scale) > 1e-3:
            self._scale = scale
            self.changed.emit()

    def _px(self, value: float) -> int:
        return round(value * self._scale)

    def _text_px(self, value: float) -> int:
        if self._large_text:
            value = max(value * LARGE_TEXT_FACTOR, LARGE_TEXT_MIN_PX)
        return round(value * self._scale)

    background = Property(str, lambda self: self._color("background"), notify=changed)
    surface = Property(str, lambda self: self._color("surface"), notify=changed)
    text = Property(str, lambda self: self._color("text"), notify=changed)
    muted = Property(str, lambda self: self._color("muted"), notify=changed)
    accent = Property(str, lambda self: self._color("accent"), notify=changed)
    accentText = Property(str, lambda self: self._color("accentText"), notify=changed)
    border = Property(str, lambda self: self._color("border"), notify=changed)
    danger = Property(str, lambda self: self._color("danger"), notify=changed)
    success = Property(str, lambda self: self._color("success"), notify=changed)
    prefilled = Property(str, lambda self: self._color("prefilled"), notify=changed)
    bar = Property(str, lambda self: self._color("bar"), notify=changed)
    barText = Property(str, lambda self: self._color("barText"), notify=changed)
    focus = Property(str, lambda self: self._color("focus"), notify=changed)

    bodySize = Property(int, lambda self: self._text_px(28), notify=changed)
    smallSize = Property(int, lambda self: self._text_px(24), notify=changed)
    titleSize = Property(int, lambda self: self._text_px(44), notify=changed)
    headingSize = Property(int, lambda self: self._text_px(34), notify=changed)
    hugeSize = Property(int, lambda self: self._text_px(64), notify=changed)
    #: The words under the top bar's symbols (four fifths of the small text, 19 px).
    captionSize = Property(int, lambda self: self._text_px(24 * 0.8), notify=changed)
    #: The height of a normal touch target and of the smallest one (≥ 15 mm, see above).
    target = Property(int, lambda self: self._px(96), notify=changed)
    smallTarget = Property(int, lambda self: self._px(72), notify=changed)
    spacing = Property(int, lambda self: self._px(24), notify=changed)
    radius = Property(int, lambda self: self._px(14), notify=changed)
    barHeight = Property(int, lambda self: self._px(120), notify=changed)
