"""Operation from a keypad or keyboard, without touching the screen (EN 301 549 5.1.6.1).

A terminal's keypad (as EZ-Access has it: arrows, enter, back, help) or a keyboard plugged in:

- **Arrows** (and Tab) move the focus from control to control in the order of the screen,
  within what is in front (a dialog, an open list); the focused control shows a ring and, with
  reading on, is read out. In a text field left and right move the cursor.
- **Enter** (or space) presses the focused control: its accessible *press* action, the same a
  screen reader would use, so every control that can be touched can be pressed. On a text
  field Enter starts typing: the arrows then walk the on-screen keyboard's keys and Enter types
  the one reached (Qt Virtual Keyboard's arrow navigation), until back. Typed on a keyboard
  instead, Enter finishes a one-line field and moves on.
- **Back** (Escape, or Backspace outside a field) goes back a screen; in a field it leaves the
  field (typing on the on-screen keyboard: stops that); over a dialog or list it closes it.
- **Help** (F1, the help key) turns reading on and reads the screen and how the keys work.

An event filter on the window: the keys are seen before any control, and the controls need
nothing but their accessible name, role and press action.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QKeyEvent
from PySide6.QtQuick import QQuickItem, QQuickWindow

__all__ = ["Keypad"]

log = logging.getLogger(__name__)

Key = Qt.Key
_NEXT = {Key.Key_Down, Key.Key_Right, Key.Key_Tab}
_PREVIOUS = {Key.Key_Up, Key.Key_Left, Key.Key_Backtab}
_PRESS = {Key.Key_Return, Key.Key_Enter, Key.Key_Space, Key.Key_Select}
_BACK = {Key.Key_Escape, Key.Key_Back, Key.Key_Backspace}
_HELP = {Key.Key_F1, Key.Key_Help}


def _typing_in(item: QQuickItem | None) -> bool:
    """A field the citizen types into (one filled from the ID card, read-only, is not: it is
    passed by like any control)."""
    if item is None or item.property("readOnly") is True:
        return False
    return any(item.inherits(t) for t in ("QQuickTextInput", "QQuickTextEdit"))


def _inside(item: QQuickItem, container: QQuickItem) -> bool:
    node: QQuickItem | None = item
    while node is not None:
        if node is container:
            return True
        node = node.parentItem()
    return False


def _shown(item: QQuickItem) -> bool:
    node: QQuickItem | None = item
    while node is not None:
        if not node.isVisible() or node.opacity() == 0:
            return False
        node = node.parentItem()
    return True


def _into_view(item: QQuickItem) -> None:
    """Scroll the screen so the focused control and its ring are in sight (WCAG 2.4.11)."""
    flickable = item.parentItem()
    while flickable is not None and not flickable.inherits("QQuickFlickable"):
        flickable = flickable.parentItem()
    if flickable is None:
        return
    content = flickable.property("contentItem")
    if not isinstance(content, QQuickItem):
        return
    margin = 24.0
    top = item.mapToItem(content, QPointF(0, 0)).y() - margin
    bottom = top + item.height() + 2 * margin
    shown_from = float(flickable.property("contentY"))
    height = flickable.height()
    most = max(0.0, float(flickable.property("contentHeight")) - height)
    if top < shown_from:
        flickable.setProperty("contentY", max(0.0, top))
    elif bottom > shown_from + height:
        flickable.setProperty("contentY", min(most, bottom - height))


class Keypad(QObject):
    def __init__(
        self,
        window: QQuickWindow,
        back: Callable[[], None],
        help_: Callable[[], None],
        on_editing: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._back = back
        self._help = help_
        self._on_editing = on_editing
        #: The field whose on-screen keyboard the arrows walk (Enter on it from a keypad).
        self._editing: QQuickItem | None = None
        #: The field typed into from a keyboard (Enter there finishes it).
        self._typed_in: QQuickItem | None = None
        #: The focused control, and the one a dialog or list in front took the focus from.
        self._focus: QQuickItem | None = None
        self._before_front: QQuickItem | None = None
        window.installEventFilter(self)
        window.activeFocusItemChanged.connect(self._focus_changed)

    @property
    def editing(self) -> bool:
        return self._editing is not None and self._window.activeFocusItem() is self._editing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() is not QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        try:
            return self._key(event)
        except Exception as exc:  # (a key handler's bug: logged, the key passes on)
            log.error("keypad: %s", type(exc).__name__)
            log.debug("keypad fault", exc_info=exc)
            return False

    def _key(self, event: QKeyEvent) -> bool:
        key = Key(event.key())
        focused = self._window.activeFocusItem()
        typing = _typing_in(focused)
        if key in _HELP:
            self._help()
            return True
        if typing:
            return self._in_field(key, focused, event.text())
        if key in _NEXT or key in _PREVIOUS:
            forward = key in _NEXT
            if key in (Key.Key_Left, Key.Key_Right) and self._right_to_left():
                forward = not forward  # (Arabic: the next control is to the left)
            self.move(forward=forward)
            return True
        if key in _PRESS:
            if focused is None or focused is self._window.contentItem() or not self.press(focused):
                self.move(forward=True)
            return True
        if key in _BACK:
            self._close_or_back()
            return True
        return False

    @staticmethod
    def _right_to_left() -> bool:
        from PySide6.QtGui import QGuiApplication

        return QGuiApplication.layoutDirection() is Qt.LayoutDirection.RightToLeft

    def _in_field(self, key: Key, field: QQuickItem, text: str) -> bool:
        if self._editing is not None and self._editing is not field:
            self._editing = None
        if key in (Key.Key_Tab, Key.Key_Backtab):
            self._editing = None
            self.move(forward=key is Key.Key_Tab)
            return True
        if self._editing is field:
            if key in (Key.Key_Escape, Key.Key_Back):
                self._editing = None  # (the keys move between controls again)
                return True
            return False  # (arrows and Enter: the on-screen keyboard's keys)
        if key in (Key.Key_Up, Key.Key_Down):
            self.move(forward=key is Key.Key_Down)
            return True
        if key in (Key.Key_Escape, Key.Key_Back):
            self.move(forward=True)  # (out of the field: the keyboard goes with it)
            return True
        if key in (Key.Key_Return, Key.Key_Enter):
            if self._typed_in is field:
                # Typed on a keyboard: Enter is the field's (a new line in a text area); a
                # one-line field is finished by it (it may act on it: the access number opens
                # the chip) and, if it keeps the focus, the next control gets it.
                if field.inherits("QQuickTextInput"):
                    QTimer.singleShot(0, lambda: self._on_if_still(field))
                return False
            # From a keypad: the on-screen keyboard's keys are walked now.
            self._editing = field
            self._on_editing()
            return True
        if text and text.isprintable():
            self._typed_in = field
        return False  # (left and right: the cursor; everything else: typing)

    def _on_if_still(self, field: QQuickItem) -> None:
        if shiboken6.isValid(field) and self._window.activeFocusItem() is field:
            self.move(forward=True)

    # --- the focus around dialogs -------------------------------------------------------------

    def _focus_changed(self) -> None:
        """Into a dialog or an open list, the control the focus came from is kept; when that
        closes, the focus goes back to it (WCAG 2.4.3), not to the top of the screen."""
        item = self._window.activeFocusItem()
        previous, self._focus = self._focus, item
        root = self._window.contentItem()
        front = self.front()
        if front is not root:
            if (
                item is not None
                and _inside(item, front)
                and previous is not None
                and shiboken6.isValid(previous)
                and not _inside(previous, front)
            ):
                self._before_front = previous
                # A dialog that is hidden rather than destroyed keeps the focus unseen: its
                # going is watched for.
                front.visibleChanged.connect(
                    self._front_changed, Qt.ConnectionType.UniqueConnection
                )
            return
        self._front_changed()

    def _front_changed(self) -> None:
        if self._before_front is not None:
            # (with this object as the context: dropped if the window goes first)
            QTimer.singleShot(0, self, self._restore)

    def _restore(self) -> None:
        if not shiboken6.isValid(self._window):
            return
        item, root = self._before_front, self._window.contentItem()
        if item is None or self.front() is not root:
            return  # (still in front, or another dialog came)
        self._before_front = None
        if not shiboken6.isValid(item) or not _shown(item):
            return  # (the screen changed meanwhile: its own first control will do)
        current = self._window.activeFocusItem()
        if current is None or current is root or not _shown(current):
            item.forceActiveFocus(Qt.FocusReason.OtherFocusReason)

    # --- moving and pressing ------------------------------------------------------------------

    def front(self) -> QQuickItem:
        """What is in front: an open list or panel, a dialog, or the whole window."""
        from ui.speech.screen_reader import dialog_in_front

        root = self._window.contentItem()
        for child in reversed(root.childItems()):
            if child.inherits("QQuickOverlay"):
                popups = [p for p in child.childItems() if p.isVisible()]
                if popups:
                    return popups[-1]
        return dialog_in_front(root) or root

    def move(self, forward: bool) -> None:
        """The focus to the next (previous) control within what is in front."""
        front = self.front()
        start = self._window.activeFocusItem()
        if start is None or not _inside(start, front):
            start = front
        item = start
        for _ in range(500):  # (the chain is a ring; a screen has far fewer controls)
            item = item.nextItemInFocusChain(forward)
            if item is None or item is start:
                return
            if _inside(item, front) and _shown(item) and item.isEnabled() and item is not front:
                item.forceActiveFocus(Qt.FocusReason.TabFocusReason)
                _into_view(item)
                return

    def press(self, item: QQuickItem) -> bool:
        """The item's accessible press action; False if it has none."""
        iface = QAccessible.queryAccessibleInterface(item)
        actions = iface.actionInterface() if iface is not None else None
        if actions is None or QAccessibleActionInterface.pressAction() not in actions.actionNames():
            return False
        actions.doAction(QAccessibleActionInterface.pressAction())
        return True

    def _close_or_back(self) -> None:
        front = self.front()
        if front.inherits("QQuickPopupItem"):
            popup = front.parent()
            if popup is not None and hasattr(popup, "close"):
                popup.close()
            return
        self._back()
