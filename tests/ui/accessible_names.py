"""Every control a citizen can reach has an accessible name: what a screen reader and the
terminal's own reading aloud say of it (EN 301 549 5.1.3.6, 11.4.1.2). Checked on every
screenshot the UI tests take, in every language, so a new button without a name fails at once.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QAccessible
from PySide6.QtQuick import QQuickItem, QQuickWindow

Role = QAccessible.Role
#: The kinds of control that must be named.
CONTROLS = {
    Role.Button,
    Role.CheckBox,
    Role.RadioButton,
    Role.EditableText,
    Role.ComboBox,
    Role.Link,
}


def _shown(item: QQuickItem) -> Iterator[QQuickItem]:
    if not item.isVisible() or item.opacity() == 0:
        return
    yield item
    for child in item.childItems():
        yield from _shown(child)


def unnamed_controls(window: QQuickWindow) -> list[str]:
    """The visible controls with neither an accessible name nor a text."""
    found = []
    for item in _shown(window.contentItem()):
        iface = QAccessible.queryAccessibleInterface(item)
        if iface is None or not iface.isValid() or iface.role() not in CONTROLS:
            continue
        name = iface.text(QAccessible.Text.Name).strip()
        text = item.property("text")
        if not name and not (iface.role() is not Role.EditableText and isinstance(text, str)
                             and text.strip()):  # fmt: skip
            found.append(
                f"{item.objectName() or item.metaObject().className()} ({iface.role().name})"
            )
    return found


#: 15 mm (EN 301 549 / ISO 9241-410 for touch) on the reference panel, a 21.5" 1920×1080
#: screen (0.248 mm a pixel), at the interface's 1080-pixel scale.
MIN_TARGET_PX = 61


def small_controls(window: QQuickWindow) -> list[str]:
    """The visible controls a finger could miss: narrower or lower than 15 mm."""
    scale = min(window.width(), window.height()) / 1080
    found = []
    for item in _shown(window.contentItem()):
        iface = QAccessible.queryAccessibleInterface(item)
        if iface is None or not iface.isValid() or iface.role() not in CONTROLS:
            continue
        if min(item.width(), item.height()) < MIN_TARGET_PX * scale:
            found.append(f"{item.objectName() or item.metaObject().className()} "
                         f"({item.width():.0f}×{item.height():.0f})")  # fmt: skip
    return found
