"""What a screen says when read aloud, gathered from its items' accessible names and roles.

The same names a screen reader on a hardware-extended terminal gets (Qt's ``Accessible``
attached properties, through :class:`QAccessibleInterface`), so there is one truth for both:
a control without a name is silent to both, and the mechanical check over every screen
(tests/ui/test_accessible_names.py) finds it.

- The *front* of the window: a dialog lying over the screen (``Accessible.Dialog``), or else the
  screen itself.
- A screen is read by its headings (and what it marks ``readOnShow``); a dialog by everything it
  says (it is short).
- A control is read as its name, its kind ("button"), its state ("selected", "not
  available") and, for an input field, its value: the citizen's own data, so marked
  personal (kiosk.read_aloud speaks it into a headset only). A masked field (the card's
  access number) never gives its value: its digits are counted.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QGuiApplication
from PySide6.QtQuick import QQuickItem

from kiosk.read_aloud import Spoken

__all__ = ["describe", "dialog_in_front", "item_at", "read_front", "typed"]

Role = QAccessible.Role


#: What kind of control the citizen is on, in words (translated when spoken).
_ROLE_WORDS: dict[Role, Callable[[], str]] = {
    Role.Button: lambda: QCoreApplication.translate("ReadAloud", "button"),
    Role.CheckBox: lambda: QCoreApplication.translate("ReadAloud", "check box"),
    Role.RadioButton: lambda: QCoreApplication.translate("ReadAloud", "option"),
    Role.EditableText: lambda: QCoreApplication.translate("ReadAloud", "input field"),
    Role.ComboBox: lambda: QCoreApplication.translate("ReadAloud", "list"),
    Role.Link: lambda: QCoreApplication.translate("ReadAloud", "link"),
    Role.Heading: lambda: QCoreApplication.translate("ReadAloud", "heading"),
}


def _interface(item: QQuickItem) -> QAccessibleInterface | None:
    iface = QAccessible.queryAccessibleInterface(item)
    return iface if iface is not None and iface.isValid() else None


def _name(item: QQuickItem, iface: QAccessibleInterface | None) -> str:
    name = iface.text(QAccessible.Text.Name) if iface is not None else ""
    if iface is not None and iface.role() is Role.EditableText:
        return name.strip()  # (never its text: that is the citizen's value, read as such)
    if not name:
        # (Controls fill the accessible name in only while an assistive technology is
        # active; their visible text is the same)
        text = item.property("text")
        name = text if isinstance(text, str) else ""
    return name.strip()


def _visible_items(item: QQuickItem) -> Iterator[QQuickItem]:
    """``item`` and what is visible inside it, in the order the screen lays them out (a
    control's inside is the control's own: not entered)."""
    if not item.isVisible() or item.opacity() == 0:
        return
    yield item
    iface = _interface(item)
    if iface is not None and iface.role() in _ROLE_WORDS and iface.role() is not Role.Heading:
        return
    # In reading order: line by line (items side by side, their heights overlapping, are one
    # line: a small label beside a larger value comes first), right to left in Arabic.
    rtl = QGuiApplication.layoutDirection() is Qt.LayoutDirection.RightToLeft

    def before(a: QQuickItem, b: QQuickItem) -> int:
        overlap = min(a.y() + a.height(), b.y() + b.height()) - max(a.y(), b.y())
        if overlap > 0.5 * min(a.height(), b.height()):
            ax, bx = (-a.x(), -b.x()) if rtl else (a.x(), b.x())
            return (ax > bx) - (ax < bx)
        return (a.y() > b.y()) - (a.y() < b.y())

    for child in sorted(item.childItems(), key=functools.cmp_to_key(before)):
        yield from _visible_items(child)


def dialog_in_front(root: QQuickItem) -> QQuickItem | None:
    """The visible dialog over everything else, if there is one (the highest z)."""
    found: list[QQuickItem] = []

    def walk(item: QQuickItem) -> None:
        if not item.isVisible():
            return
        iface = _interface(item)
        if iface is not None and iface.role() is Role.Dialog:
            found.append(item)
            return
        for child in item.childItems():
            walk(child)

    walk(root)
    return max(found, key=lambda i: i.z()) if found else None


def read_front(
    window_root: QQuickItem, screen: QQuickItem | None, whole: bool = False
) -> list[Spoken]:
    """What the citizen is told on a new screen or dialog: its headings (and what it marks
    ``readOnShow``); ``whole``: every text on it in its order, as *Diese Seite vorlesen* asks
    (the review's values, a service's description: what the keys never reach)."""
    parts: list[Spoken] = []
    dialog = dialog_in_front(window_root)
    if dialog is not None:
        for item in _visible_items(dialog):
            iface = _interface(item)
            role = iface.role() if iface is not None else None
            if role in _ROLE_WORDS and role is not Role.Heading:
                continue  # (the buttons: reached by touch or keys, each read then)
            if item.inherits("QQuickText"):
                parts.append(_as_spoken(item, _name(item, iface)))
        return parts
    if screen is None:
        return parts
    for item in _visible_items(screen):
        iface = _interface(item)
        if item.property("readOnShow") is True:
            # (what the screen wants read with its headings: the attract screen's start, the
            # done screen's tracking number)
            parts += (
                describe(item)
                if iface is not None and iface.role() in _ROLE_WORDS
                else [_as_spoken(item, _name(item, iface))]
            )
        elif (iface is not None and iface.role() is Role.Heading) or (
            whole and item.inherits("QQuickText") and str(item.property("text") or "").strip()
        ):
            parts.append(_as_spoken(item, _name(item, iface)))
    return parts


def _as_spoken(item: QQuickItem, text: str) -> Spoken:
    """A text shown on the screen; personal if the item says so (``personal: true``: what
    the citizen entered or the chip gave, shown back to them)."""
    if item.property("personal") is True:
        return Spoken(
            text, personal=True, instead=QCoreApplication.translate("ReadAloud", "your entry")
        )
    return Spoken(text)


def describe(item: QQuickItem) -> list[Spoken]:
    """A control as the citizen is told it when it gets the focus or is touched."""
    iface = _interface(item)
    name = _name(item, iface)
    role = iface.role() if iface is not None else None
    if _is_key(item):
        # A key of the on-screen keyboard: what is typed is the citizen's (only into a
        # headset; over the loudspeaker the neighbours would hear a name spelled out).
        return [Spoken(name, personal=True, instead=QCoreApplication.translate("ReadAloud", "key"))]
    parts = [_as_spoken(item, name)] if name else []
    if role in _ROLE_WORDS:
        parts.append(Spoken(_ROLE_WORDS[role]()))
    if iface is None:
        return parts
    state = iface.state()
    if state.checkable:
        parts.append(
            Spoken(
                QCoreApplication.translate("ReadAloud", "selected")
                if state.checked
                else QCoreApplication.translate("ReadAloud", "not selected")
            )
        )
    if state.disabled:
        parts.append(Spoken(QCoreApplication.translate("ReadAloud", "not available")))
    if role is Role.EditableText:
        parts.append(_value(item, bool(state.passwordEdit)))
    # (what is wrong with it, as the screen shows it under the field)
    description = iface.text(QAccessible.Text.Description).strip()
    if description:
        parts.append(Spoken(description))
    return parts


def _masked(item: QQuickItem, password_edit: bool) -> bool:
    return password_edit or item.property("masked") is True


def _value(item: QQuickItem, password_edit: bool) -> Spoken:
    text = item.property("text")
    value = text if isinstance(text, str) else ""
    if not value:
        return Spoken(QCoreApplication.translate("ReadAloud", "empty"))
    if _masked(item, password_edit):
        # (a count, not a plural form: Qt's Python tools find no plural in Python)
        said = (
            QCoreApplication.translate("ReadAloud", "digits entered: %1")
            if value.isdigit()
            else QCoreApplication.translate("ReadAloud", "characters entered: %1")
        )
        return Spoken(said.replace("%1", str(len(value))))
    return Spoken(
        value, personal=True, instead=QCoreApplication.translate("ReadAloud", "filled in")
    )


def typed(item: QQuickItem, before: str, after: str) -> list[Spoken]:
    """What is said as the citizen types into ``item``: the character, or for a masked
    field only that a digit was entered."""
    if len(after) < len(before):
        return [Spoken(QCoreApplication.translate("ReadAloud", "deleted"))]
    if len(after) == len(before) or not after:
        return []
    iface = _interface(item)
    password_edit = bool(iface.state().passwordEdit) if iface is not None else False
    if _masked(item, password_edit):
        if after[-1].isdigit():
            return [Spoken(QCoreApplication.translate("ReadAloud", "digit entered"))]
        return [Spoken(QCoreApplication.translate("ReadAloud", "character entered"))]
    return [
        Spoken(
            after[-1],
            personal=True,
            instead=QCoreApplication.translate("ReadAloud", "character entered"),
        )
    ]


def item_at(root: QQuickItem, point: QPointF) -> QQuickItem | None:
    """What a finger at ``point`` (window coordinates) is on: the topmost item there that can
    be read (a control as a whole, a heading, a text, a key of the on-screen keyboard). A
    dialog covers what is behind it, even where it shows nothing."""
    for child in sorted(root.childItems(), key=lambda c: c.z(), reverse=True):
        if not child.isVisible() or child.opacity() == 0:
            continue
        local = child.mapFromScene(point)
        clipped = child.clip() or not child.childItems()
        if clipped and not child.contains(local):
            continue
        iface = _interface(child)
        role = iface.role() if iface is not None else None
        control = role in _ROLE_WORDS and role is not Role.Heading
        if child.contains(local) and (control or _is_key(child)):
            return child  # (a control or a key: read as a whole, its label inside is its own)
        found = item_at(child, point)
        if found is not None:
            return found
        if child.contains(local) and _readable(child):
            return child
        if role is Role.Dialog and child.contains(local):
            return None  # (nothing to read there, and behind a dialog nothing counts)
    return None


def _readable(item: QQuickItem) -> bool:
    iface = _interface(item)
    if iface is not None and iface.role() in _ROLE_WORDS:
        return True
    text = item.property("text")
    if not isinstance(text, str) or not text.strip():
        return False
    return item.inherits("QQuickText") or _is_key(item)


def _is_key(item: QQuickItem) -> bool:
    """A key of the on-screen keyboard (it has a key code and a text)."""
    text = item.property("text")
    return (
        item.property("key") is not None
        and not item.inherits("QQuickText")
        and isinstance(text, str)
        and bool(text)
    )
