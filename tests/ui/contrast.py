"""Contrast measured from the rendered screen (EN 301 549 11.1.4.3 and 11.1.4.11, which are
WCAG 2.1 1.4.3 and 1.4.11), on every screenshot the UI tests take, in whichever colour scheme
and text size is on.

Nothing here reads a colour from the QML: every figure comes from the pixels of the grabbed
window, so an opacity, a colour blended by an ancestor or a text drawn over the wrong surface is
measured as the citizen sees it.

**Text** (1.4.3). Every visible text item (``Text``, ``TextInput``/``TextField``,
``TextEdit``/``TextArea``, placeholders included) with a non-empty text, inside the window, not
clipped away by a clipping ancestor, not under an opaque item painted later, with an effective
opacity (its own times its ancestors') above zero. Within its *painted* text box
(``boundingRect()``: the laid-out lines where alignment puts them, not the item's whole box):

- the background is the most frequent colour;
- the foreground is the colour of the pixels most distinct from it: of the pixels that differ
  from the background at all (contrast > 1.1:1), the one at the 90th percentile of contrast.
  The anti-aliased rim of the glyphs is below it, a stray pixel of a neighbour cannot reach
  it (it would have to be a tenth of the ink), and the glyphs' solid cores are above it;
- the ratio is WCAG's, from the relative luminance of both (sRGB linearised).

Required: 4.5:1, or 3:1 for large text (≥ 24 px, or ≥ 18.66 px and bold). The pixels are the
terminal's own: on the reference panel (21.5", 1080p, 0.248 mm a pixel) 24 px is 6 mm, more
than WCAG's 18 pt (24 CSS px, 4.5 mm at the 500 mm this terminal is read from), so this
threshold is the stricter reading. Sizes scale with the window as the interface does.

*Disabled controls are not exempt.* WCAG exempts "inactive user interface components"; here a
disabled *Send* button tells the citizen what comes once the consent is ticked, and a citizen who
cannot read it does not know why nothing happens, so its text must be readable too (the theme's
``muted`` on ``background`` is, 7.9:1 and 21:1). What is exempt is what lies *behind* a modal
layer, text and controls: a translucent rectangle painted over all of it (a dialog's dimming, a
popup's modal shade) makes it deliberately inert and out of attention, and nothing there can be
reached until the dialog closes.

**Controls** (1.4.11). 1.4.11 asks for 3:1 for "visual information *required to identify*
user interface components and states", against the adjacent colours; it does not ask every
control to have a boundary. So, for the controls that must be named (the roles of
``accessible_names.CONTROLS``):

- buttons, links, combo boxes with a visible text that meets 1.4.3 are identified by that text
  (WCAG's own example: a text-only button passes); their fill or border may be as pale as the
  designer likes. Without such a text (an icon, a photo), the control's boundary must reach 3:1
  against what is just outside it, or its content (the icon) 3:1 against its fill;
- text fields always need a boundary of 3:1: their text is the citizen's input, not what tells
  them where to type (an empty field has none at all);
- check boxes and radio buttons always need it too: their state is shown by their own fill and
  border (the consent box, the choices drawn as buttons), so that is "information required to
  identify the state".

The boundary is measured on the middle half of each edge (rounded corners and neighbours at the
corners stay out): *outside*, the most frequent colour in a strip 2–5 px beyond the edge;
*inside*, the 90th percentile of contrast against it in the 6 px inside the edge, which is the
border where there is one (2 px of 6 is a third) and the fill where that is the more distinct.
The control's figure is its weakest edge. Edges beyond the window or a clipping ancestor are not
measured; a control with none left is not checked.

Cost: one walk over the visible item tree (in paint order, for what covers what) and small
numpy crops, about 15 ms a screenshot (median over the tour's stops, at most ~30 ms, on a
two-core test machine; the checks of accessible_names take ~8 ms). test_contrast.py writes the
figures to ``artifacts/contrast/``.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QAccessible, QColor, QFont, QImage
from PySide6.QtQuick import QQuickItem, QQuickWindow

from tests.ui.accessible_names import CONTROLS

Role = QAccessible.Role

#: WCAG 1.4.3 (AA): normal text, large text; 1.4.11: user interface components.
TEXT_MIN = 4.5
LARGE_TEXT_MIN = 3.0
NON_TEXT_MIN = 3.0
#: Large text at the interface's 1080-pixel scale (WCAG: 18 pt, or 14 pt bold).
LARGE_PX = 24.0
LARGE_BOLD_PX = 18.66

#: Controls whose boundary is required whatever their text (see the module's docstring).
BOUNDARY_REQUIRED = {Role.EditableText, Role.CheckBox, Role.RadioButton}

#: A pixel belongs to the ink if it differs from the background by more than this.
_INK = 1.1
#: Which of the ink's pixels is the foreground (see the module's docstring).
_PERCENTILE = 0.9
#: Fewer ink pixels than this: nothing is drawn (a text in its background's colour).
_MIN_INK = 3
#: A rectangle painted over a text hides it from this alpha on; dims it from _DIM on.
_OPAQUE = 0.99
_DIM = 0.05
#: The boundary's strips (px): inside the edge, and the gap and width of the one outside.
_INSIDE = 6
_GAP = 2
_OUTSIDE = 3


@dataclasses.dataclass(frozen=True)
class Measured:
    """One measured text or control."""

    kind: str  # "text" or "control"
    name: str  # objectName, else the text (shortened), else the accessible name
    ratio: float
    required: float
    foreground: str  # "#rrggbb" (for a control: its boundary)
    background: str  # (for a control: just outside it)
    #: The named items around it, outermost first ("screenLoader/formScreen/…").
    where: str = ""
    #: Its text (shortened), shown beside an objectName.
    text: str = ""

    @property
    def passes(self) -> bool:
        return self.ratio >= self.required

    def __str__(self) -> str:
        text = f" {self.text!r}" if self.text and repr(self.text) != self.name else ""
        where = f" in {self.where}" if self.where else ""
        return (
            f"{self.kind} {self.name}{text}{where}: {self.ratio:.2f}:1 ({self.foreground} on "
            f"{self.background}), needs {self.required:g}:1"
        )


@dataclasses.dataclass
class Report:
    """Everything measured on one screen."""

    texts: list[Measured] = dataclasses.field(default_factory=list)
    controls: list[Measured] = dataclasses.field(default_factory=list)
    #: Texts behind a modal layer (exempt), and how many were hidden or clipped away.
    dimmed: int = 0
    hidden: int = 0

    @property
    def failures(self) -> list[Measured]:
        return [m for m in self.texts + self.controls if not m.passes]

    def lowest(self, kind: str) -> Measured | None:
        """The lowest ratio measured of one kind, relative to what it needs."""
        found = self.texts if kind == "text" else self.controls
        return min(found, key=lambda m: m.ratio / m.required, default=None)


# --- pixels --------------------------------------------------------------------------------------


def _linear(channel: NDArray[np.float64]) -> NDArray[np.float64]:
    c = channel / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


#: sRGB channel value → its share of relative luminance, one table per channel.
_LUT = _linear(np.arange(256, dtype=np.float64))
_LUT_R = (0.2126 * _LUT).astype(np.float32)
_LUT_G = (0.7152 * _LUT).astype(np.float32)
_LUT_B = (0.0722 * _LUT).astype(np.float32)


def luminance(pixels: NDArray[np.uint32]) -> NDArray[np.float32]:
    """WCAG relative luminance of packed 0xAARRGGBB pixels."""
    lum = _LUT_R[(pixels >> 16) & 0xFF] + _LUT_G[(pixels >> 8) & 0xFF] + _LUT_B[pixels & 0xFF]
    return lum  # type: ignore[no-any-return]


def ratio(a: float, b: float) -> float:
    """WCAG contrast ratio of two relative luminances."""
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def _ratios(lum: NDArray[np.float32], other: float) -> NDArray[np.floating[Any]]:
    return (np.maximum(lum, other) + 0.05) / (np.minimum(lum, other) + 0.05)


def _hex(pixel: int) -> str:
    return f"#{int(pixel) & 0xFFFFFF:06x}"


def pixels_of(image: QImage) -> NDArray[np.uint32]:
    """The image as rows of packed 0xffRRGGBB pixels (a view where the format allows)."""
    converted = image.format() not in (QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32)
    if converted:  # (a window grabbed from OpenGL, under Xvfb: RGBA8888)
        image = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    data = np.frombuffer(image.constBits(), dtype=np.uint32)
    rows = data.reshape(height, image.bytesPerLine() // 4)[:, :width]
    # (The grabbed window is opaque; an alpha below 255 here would mean a transparent window.)
    # A converted image lives only in this function: its pixels are copied out before it goes
    # (a view would read freed memory).
    return rows.copy() if converted else rows


def _mode(pixels: NDArray[np.uint32]) -> int:
    """The most frequent colour (every second pixel of a large patch is plenty)."""
    if pixels.size > 4096 and pixels.ndim == 2:
        pixels = pixels[::2, ::2]
    values, counts = np.unique(pixels, return_counts=True)
    return int(values[counts.argmax()])


def _most_distinct(pixels: NDArray[np.uint32], background: int) -> tuple[float, int]:
    """The ratio and colour of the pixels most distinct from ``background``: the 90th
    percentile of those that differ from it at all (module docstring)."""
    flat = pixels.ravel()
    contrast = _ratios(luminance(flat), float(luminance(np.array([background], np.uint32))[0]))
    ink = np.flatnonzero(contrast > _INK)
    if ink.size < _MIN_INK:
        return 1.0, background
    k = int(_PERCENTILE * (ink.size - 1))
    chosen = ink[np.argpartition(contrast[ink], k)[k]]
    return float(contrast[chosen]), int(flat[chosen])


def text_contrast(pixels: NDArray[np.uint32]) -> tuple[float, int, int]:
    """Ratio, foreground and background of a text's painted box."""
    background = _mode(pixels)
    measured, foreground = _most_distinct(pixels, background)
    return measured, foreground, background


def boundary_contrast(
    image: NDArray[np.uint32], rect: QRectF, clip: QRectF, over: Sequence[QRectF] = ()
) -> tuple[float, int, int] | None:
    """The weakest edge's contrast of a control against what is just outside it (module
    docstring); None when no edge can be measured. Edges within ``clip`` only, and none that
    ``over`` (what is painted over the control) touches."""
    height, width = image.shape
    left, top = math.floor(rect.left() + 0.5), math.floor(rect.top() + 0.5)
    right, bottom = math.floor(rect.right() + 0.5), math.floor(rect.bottom() + 0.5)
    reach = _GAP + _OUTSIDE
    limit = (
        max(0, math.ceil(clip.left())),
        max(0, math.ceil(clip.top())),
        min(width, math.floor(clip.right())),
        min(height, math.floor(clip.bottom())),
    )
    if right - left < 2 * _INSIDE or bottom - top < 2 * _INSIDE:
        return None
    qx = (right - left) // 4
    qy = (bottom - top) // 4
    # (inside strip, outside strip) per edge, as (y0, y1, x0, x1): top, bottom, left, right.
    across, down = (left + qx, right - qx), (top + qy, bottom - qy)
    edges = [
        ((top, top + _INSIDE, *across), (top - reach, top - _GAP, *across)),
        ((bottom - _INSIDE, bottom, *across), (bottom + _GAP, bottom + reach, *across)),
        ((*down, left, left + _INSIDE), (*down, left - reach, left - _GAP)),
        ((*down, right - _INSIDE, right), (*down, right + _GAP, right + reach)),
    ]
    worst: tuple[float, int, int] | None = None
    for inside, outside in edges:
        y0, y1, x0, x1 = outside
        if y0 < limit[1] or y1 > limit[3] or x0 < limit[0] or x1 > limit[2]:
            continue  # beyond the window or a clipping ancestor
        strip = QRectF(x0, y0, x1 - x0, y1 - y0).united(
            QRectF(inside[2], inside[0], inside[3] - inside[2], inside[1] - inside[0])
        )
        if any(layer.intersects(strip) for layer in over):
            continue  # under the on-screen keyboard, a dialog, the top bar
        around = _mode(image[y0:y1, x0:x1])
        y0, y1, x0, x1 = inside
        measured, edge = _most_distinct(image[y0:y1, x0:x1], around)
        if worst is None or measured < worst[0]:
            worst = (measured, edge, around)
    return worst


def content_contrast(image: NDArray[np.uint32], rect: QRectF) -> tuple[float, int, int]:
    """What a control without text shows inside (its icon) against its own fill."""
    inset = _INSIDE + 2
    y0, y1 = math.ceil(rect.top()) + inset, math.floor(rect.bottom()) - inset
    x0, x1 = math.ceil(rect.left()) + inset, math.floor(rect.right()) - inset
    if y1 - y0 < 2 or x1 - x0 < 2:
        return 1.0, 0, 0
    return text_contrast(image[y0:y1, x0:x1])


# --- the item tree -------------------------------------------------------------------------------


@dataclasses.dataclass
class _Text:
    item: QQuickItem
    order: int
    clip: QRectF
    control: int | None  # index into controls of the nearest control around it
    #: The last paint order of its own children (what is painted over it by itself).
    end: int = 0


@dataclasses.dataclass
class _Control:
    item: QQuickItem
    role: QAccessible.Role
    rect: QRectF
    clip: QRectF
    order: int
    end: int = 0
    texts: list[Measured] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class _Layer:
    order: int
    rect: QRectF
    alpha: float


def _kind(item: QQuickItem) -> str:
    """The item's kind: "text", "rect" or "" (not cached by class name: see _name)."""
    if (
        item.inherits("QQuickText")
        or item.inherits("QQuickTextInput")
        or item.inherits("QQuickTextEdit")
    ):
        return "text"
    if item.inherits("QQuickRectangle"):
        return "rect"
    return ""


class _Walk:
    """The visible items in paint order: texts, controls, and rectangles that may cover them."""

    def __init__(self, window: QQuickWindow) -> None:
        self.texts: list[_Text] = []
        self.controls: list[_Control] = []
        self.layers: list[_Layer] = []
        self.order = 0
        whole = QRectF(0, 0, window.width(), window.height())
        self._visit(window.contentItem(), whole, 1.0, None)

    def _visit(self, item: QQuickItem, clip: QRectF, opacity: float, control: int | None) -> None:
        if not item.isVisible():
            return
        opacity *= item.opacity()
        if opacity <= 0:
            return
        rect: QRectF | None = None
        if item.clip():
            rect = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
            clip = clip.intersected(rect)
            if clip.isEmpty():
                return
        children = item.childItems()
        if len(children) > 1:
            children = sorted(children, key=lambda child: child.z())
        below = [child for child in children if child.z() < 0]
        for child in below:
            self._visit(child, clip, opacity, control)
        # The item itself, between its children below and above it (Qt Quick's paint order).
        self.order += 1
        kind = _kind(item)
        text: _Text | None = None
        if kind == "text":
            if str(item.property("text") or "").strip():
                text = _Text(item, self.order, clip, control)
                self.texts.append(text)
        elif kind == "rect":
            colour = item.property("color")
            alpha = (colour.alphaF() if isinstance(colour, QColor) else 0.0) * opacity
            if alpha >= _DIM:
                rect = rect or item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
                self.layers.append(_Layer(self.order, rect.intersected(clip), alpha))
        iface = QAccessible.queryAccessibleInterface(item)
        own: _Control | None = None
        if iface is not None and iface.isValid() and iface.role() in CONTROLS:
            rect = rect or item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
            own = _Control(item, iface.role(), rect, clip, self.order)
            self.controls.append(own)
            control = len(self.controls) - 1
        for child in children[len(below) :]:
            self._visit(child, clip, opacity, control)
        if text is not None:
            text.end = self.order
        if own is not None:
            own.end = self.order


def _text(item: QQuickItem) -> str:
    text = str(item.property("text") or "").strip()
    return text if len(text) <= 40 else text[:39] + "…"


def _name(item: QQuickItem) -> str:
    """objectName, else the text, else the accessible name, else where it is. (Not the class
    name: a wrapper of ``metaObject()`` outlives its QML type, and a later item allocated at its
    address comes back from ``childItems()`` as a QMetaObject.)"""
    if item.objectName():
        return item.objectName()
    text = _text(item)
    if not text:
        iface = QAccessible.queryAccessibleInterface(item)
        text = iface.text(QAccessible.Text.Name).strip() if iface is not None else ""
    if text:
        return repr(text)
    corner = item.mapToScene(QPointF(0, 0))
    return f"unnamed item at ({corner.x():.0f}, {corner.y():.0f})"


def _where(item: QQuickItem) -> str:
    names = []
    node = item.parentItem()
    while node is not None:
        if node.objectName():
            names.append(node.objectName())
        node = node.parentItem()
    return "/".join(reversed(names))


def _font(item: QQuickItem) -> tuple[float, bool]:
    """A text item's size in pixels and whether it is bold."""
    font = item.property("font")
    if not isinstance(font, QFont):
        return 0.0, False
    size = font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() * 96 / 72
    return size, font.weight() >= QFont.Weight.Bold


def required(size: float, bold: bool, scale: float = 1.0) -> float:
    """The contrast a text needs (``scale``: the window's short side / 1080)."""
    if size >= LARGE_PX * scale or (bold and size >= LARGE_BOLD_PX * scale):
        return LARGE_TEXT_MIN
    return TEXT_MIN


def _uncovered(box: QRectF, end: int, layers: list[_Layer]) -> tuple[QRectF, bool]:
    """What of a text's box no opaque rectangle painted after it (and its own children, up to
    paint order ``end``) covers, and whether a translucent one (a modal shade) lies over all
    of it."""
    dimmed = False
    for layer in layers:
        if layer.order <= end or not layer.rect.intersects(box):
            continue
        if layer.alpha < _OPAQUE:
            dimmed = dimmed or layer.rect.contains(box)
            continue
        if layer.rect.contains(box):
            return QRectF(), dimmed
        # Partly covered (the on-screen keyboard over the lower lines, the top bar over a
        # scrolled page): the largest part of the box beside what covers it.
        over = layer.rect.intersected(box)
        parts = [
            QRectF(box.left(), box.top(), box.width(), over.top() - box.top()),
            QRectF(box.left(), over.bottom(), box.width(), box.bottom() - over.bottom()),
            QRectF(box.left(), box.top(), over.left() - box.left(), box.height()),
            QRectF(over.right(), box.top(), box.right() - over.right(), box.height()),
        ]
        box = max(parts, key=lambda part: part.width() * part.height())
    return box, dimmed


def _crop(image: NDArray[np.uint32], box: QRectF) -> NDArray[np.uint32] | None:
    height, width = image.shape
    x0, y0 = max(0, math.floor(box.left())), max(0, math.floor(box.top()))
    x1, y1 = min(width, math.ceil(box.right())), min(height, math.ceil(box.bottom()))
    if x1 - x0 < 2 or y1 - y0 < 2:
        return None
    return image[y0:y1, x0:x1]


def measure(window: QQuickWindow, image: QImage) -> Report:
    """Every visible text's contrast and every control's boundary, from the grabbed image."""
    pixels = pixels_of(image)
    # (A window grabbed at a device pixel ratio above 1 would need the boxes scaled; offscreen
    # and on the terminal it is 1.)
    assert pixels.shape == (window.height(), window.width()), (pixels.shape, window.size())
    scale = min(window.width(), window.height()) / 1080
    walk = _Walk(window)
    report = Report()
    for text in walk.texts:
        whole = text.item.mapRectToScene(text.item.boundingRect())
        box, dimmed = _uncovered(whole.intersected(text.clip), text.end, walk.layers)
        size, bold = _font(text.item)
        # Cut by a clip or something painted over it: what is left must hold at least half a
        # line to be judged (a sliver shows the glyphs' tips, or only the gap between lines).
        cut = box != whole
        crop = None if box.isEmpty() else _crop(pixels, box)
        if crop is None or (cut and min(box.width(), box.height()) < size / 2):
            report.hidden += 1
            continue
        if dimmed:
            report.dimmed += 1
            continue
        measured, foreground, background = text_contrast(crop)
        if cut and foreground == background:
            report.hidden += 1  # no ink in what is left of it
            continue
        found = Measured(
            "text",
            _name(text.item),
            measured,
            required(size, bold, scale),
            _hex(foreground),
            _hex(background),
            _where(text.item),
            _text(text.item),
        )
        report.texts.append(found)
        if text.control is not None:
            walk.controls[text.control].texts.append(found)
    for control in walk.controls:
        over = [
            layer.rect
            for layer in walk.layers
            if layer.order > control.end and layer.alpha >= _DIM
            and layer.rect.intersects(control.rect.adjusted(-8, -8, 8, 8))
        ]  # fmt: skip
        found_control = _control(pixels, control, over)
        if found_control is not None:
            report.controls.append(found_control)
    return report


def _control(pixels: NDArray[np.uint32], control: _Control, over: list[QRectF]) -> Measured | None:
    rect = control.rect.intersected(control.clip)
    if rect.isEmpty() or any(layer.contains(rect) for layer in over):
        return None  # clipped away, or under something painted later
    name = _name(control.item)
    boundary = boundary_contrast(pixels, control.rect, control.clip, over)
    if control.role not in BOUNDARY_REQUIRED:
        legible = [t for t in control.texts if t.passes]
        if legible:
            best = max(legible, key=lambda t: t.ratio / t.required)
            # Identified by its text: recorded with the text's figure and threshold.
            return dataclasses.replace(
                best, kind="control", name=name, where=_where(control.item), text=best.text
            )
        if boundary is None or boundary[0] < NON_TEXT_MIN:
            content = content_contrast(pixels, rect)
            if content[0] >= NON_TEXT_MIN:
                boundary = content
    if boundary is None:
        return None
    measured, inside, outside = boundary
    where, text = _where(control.item), _text(control.item)
    return Measured(
        "control", name, measured, NON_TEXT_MIN, _hex(inside), _hex(outside), where, text
    )


def low_contrast(window: QQuickWindow, image: QImage) -> list[str]:
    """Every text and control on the screen below the contrast it needs, as a readable line."""
    return [str(m) for m in measure(window, image).failures]
