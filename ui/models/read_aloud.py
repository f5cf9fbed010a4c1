"""``ReadAloud``: reading aloud (*Vorlesen*) on every screen, for QML.

It reads the front of the window when the screen or a dialog changes, the control that gets
the focus, what the citizen types, and what a screen announces (a validation message, the
countdown: :meth:`ReadAloudModel.announce`). What may be heard where is kiosk.read_aloud's
decision; the words come from the items (ui.speech.screen_reader); the voice is the sound
device's (drivers.sound.speech: speech-dispatcher, on a thread of its own).
"""

from __future__ import annotations

import logging
from contextlib import suppress

import shiboken6
from PySide6.QtCore import Property, QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton, QQmlEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.languages import language as language_of
from kiosk.read_aloud import MAX_RATE_STEP, MAX_VOLUME_STEP, ReadAloud, SpeechOutput, Spoken
from kiosk.session import Change
from ui.models.context import Changes, ModelContext, fenced, singleton

QML_IMPORT_NAME = "PointOfPublic"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

#: How often the headset is looked for (the sound driver answers from its last look).
HEADSET_POLL_MS = 1000


@QmlNamedElement("ReadAloud")
@QmlSingleton
class ReadAloudModel(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    changed = Signal()

    @staticmethod
    def create(engine: QQmlEngine) -> ReadAloudModel:
        return singleton(ReadAloudModel, engine)

    def __init__(self, context: ModelContext) -> None:
        super().__init__()
        self.context = context
        self.core = ReadAloud(self._engine, self._headset_plugged)
        self._window: QQuickWindow | None = None
        self._focused: QQuickItem | None = None
        self._identify_state: object = None
        #: The first frame is on screen (ui.app): before it nothing is read (the walk over
        #: the screen's items would delay that frame, and nobody has heard anything yet).
        self.shown = False
        #: The text field whose typing is read (connected to its textChanged).
        self._watched: QQuickItem | None = None
        self._focused_text = ""
        #: A screen was just shown: its reading waits until QML has laid it out.
        self._front_due = QTimer(self)
        self._front_due.setSingleShot(True)
        self._front_due.setInterval(0)
        self._front_due.timeout.connect(self.readScreen)
        #: Messages announced in one turn of the event loop (a form's problems), read together.
        self._announced: list[Spoken] = []
        self._announce_due = QTimer(self)
        self._announce_due.setSingleShot(True)
        self._announce_due.setInterval(0)
        self._announce_due.timeout.connect(self._read_announced)
        self._poll = QTimer(self)
        self._poll.setInterval(HEADSET_POLL_MS)
        self._poll.timeout.connect(self._look_at_headset)
        context.subscribe(self._on_changes)

    # --- wiring ------------------------------------------------------------------------------

    def attach(self, window: QQuickWindow, for_everyone: bool = False) -> None:
        """The window whose screens are read (ui.app, once Main.qml is loaded); with
        ``for_everyone`` (``[display] read_aloud``) reading is on for every citizen."""
        self._window = window
        if for_everyone:
            self.core.on_for_everyone = True
            self.core.turn_on()
        window.activeFocusItemChanged.connect(self._focus_changed)
        self._poll.start()

    def _engine(self) -> SpeechOutput | None:
        """The sound's voice (drivers.sound.speech); None before the devices are built."""
        equipment = self.context.terminal.equipment_if_built
        return equipment.devices.sound.speech() if equipment is not None else None

    def _headset_plugged(self) -> bool:
        equipment = self.context.terminal.equipment_if_built
        return equipment is not None and equipment.devices.sound.headset_plugged()

    @fenced
    def _look_at_headset(self) -> None:
        private = self.core.private
        if self.core.look_at_headset():
            self.changed.emit()
            self._say(
                [Spoken(QCoreApplication.translate("ReadAloud", "Read aloud is on."))], front=True
            )
        elif self.core.private != private:
            self.changed.emit()  # (unplugged: private no more)

    def _on_changes(self, changes: Changes) -> None:
        session = self.context.session
        # A step within the identify screen (card found, read, confirm) is a new screen to
        # someone who cannot see it; its progress in between is not.
        state = session.identify_state if session is not None else None
        stepped = Change.IDENTIFY in changes and state != self._identify_state
        self._identify_state = state
        screen_changed = stepped or changes & {Change.SCREEN, Change.OVERLAY, Change.LANGUAGE}
        if self.core.on and self.shown and screen_changed:
            self.core.stop()  # (at once: what was said belongs to the screen that went)
            self._front_due.start()

    def prepare(self) -> None:
        """Once the terminal is set up (after the first frame): if reading is on from the
        start, the engine is asked for and the screen in front read."""
        if not self.core.on:
            return
        if self.core.output is None:
            self.core.turn_off()  # (no engine here: said in the log)
            self.changed.emit()
            return
        self._front_due.start()  # (the attract screen, read as soon as it is laid out)

    # --- what QML calls ----------------------------------------------------------------------

    @Slot()
    @fenced
    def toggle(self) -> None:
        if self.core.on:
            self.core.turn_off()
            self.changed.emit()
            return
        self.core.turn_on()
        self.changed.emit()
        if self.core.output is None:
            self.core.turn_off()  # (no engine here: said in the log)
            self.changed.emit()
            return
        self._say(
            [Spoken(QCoreApplication.translate("ReadAloud", "Read aloud is on."))], front=True
        )

    @Slot()
    @fenced
    def toggleExplore(self) -> None:
        on = not self.core.explore
        self.core.explore_by_touch(on)
        self.changed.emit()
        if on:
            said = QCoreApplication.translate(
                "ReadAloud", "Explore by touch is on: one touch reads, two quick touches choose."
            )
        else:
            said = QCoreApplication.translate("ReadAloud", "Explore by touch is off.")
        self._say([Spoken(said)])

    @Slot()
    @fenced
    def faster(self) -> None:
        self.core.faster()
        self._settings_changed(QCoreApplication.translate("ReadAloud", "Faster"))

    @Slot()
    @fenced
    def slower(self) -> None:
        self.core.slower()
        self._settings_changed(QCoreApplication.translate("ReadAloud", "Slower"))

    @Slot()
    @fenced
    def louder(self) -> None:
        self.core.louder()
        self._settings_changed(QCoreApplication.translate("ReadAloud", "Louder"))

    @Slot()
    @fenced
    def quieter(self) -> None:
        self.core.quieter()
        self._settings_changed(QCoreApplication.translate("ReadAloud", "Quieter"))

    @Slot()
    @fenced
    def help(self) -> None:
        """The help key: reading on, how the keys work, then the screen."""
        if not self.core.on or not self.core.explore:
            self.core.explore_by_touch(True)
            self.changed.emit()
        hint = (
            QCoreApplication.translate(
                "ReadAloud",
                "Arrow keys: from one control to the next. Enter: choose. Back: one step back. "
                "Help: read this again.",
            )
            + " "
            + QCoreApplication.translate(
                "ReadAloud", "On the screen: one touch reads, two quick touches choose."
            )
        )
        self._say([Spoken(hint)], front=True)

    @fenced
    def keyboard_hint(self) -> None:
        """Typing from a keypad has begun (ui.keypad): how the on-screen keyboard is used."""
        hint = QCoreApplication.translate(
            "ReadAloud",
            "Keyboard: the arrow keys choose a key, Enter types it. Back: done typing.",
        )
        self._say([Spoken(hint)])

    @Slot()
    @fenced
    def readScreen(self) -> None:
        """Read the front of the window again, every text on it (and the focused control)."""
        self._say([], front=True, whole=True)

    @Slot()
    @fenced
    def readReceipt(self) -> None:
        """Everything the receipt says (EN 301 549 5.1.3.16), its number only into a headset."""
        session = self.context.session
        if session is None:
            return
        self._say(
            [
                Spoken(
                    text,
                    personal=own,
                    instead=QCoreApplication.translate("ReadAloud", "your tracking number")
                    if own
                    else "",
                )
                for text, own in session.receipt_read_aloud()
            ]
        )

    @Slot(str)
    @fenced
    def announce(self, text: str) -> None:
        """A message the screen shows now (a validation problem, the countdown): read at
        once, interrupting; several in one go are read one after the other."""
        if text and self.core.on:
            self._announced.append(Spoken(text))
            self._announce_due.start()

    @fenced
    def _read_announced(self) -> None:
        parts, self._announced = self._announced, []
        self._say(parts)

    @Slot(QQuickItem)
    @fenced
    def describe(self, item: QQuickItem) -> None:
        """Read one item (explore by touch: the item under the finger)."""
        from ui.speech.screen_reader import describe

        self._say(describe(item))

    def reset(self) -> None:
        """A new citizen (the session ended): settings back to normal."""
        was_on = self.core.on
        self.core.reset()
        # (nothing of the last citizen's typing kept)
        self._focused_text = ""
        self._announced.clear()
        if was_on or self.core.on:
            self.changed.emit()

    # --- properties -------------------------------------------------------------------------

    @Property(bool, notify=changed)
    def on(self) -> bool:
        return self.core.on

    @Property(bool, notify=changed)
    def exploreByTouch(self) -> bool:
        return self.core.explore

    @Property(bool, notify=changed)
    def private(self) -> bool:
        """Speech goes into a headset."""
        return self.core.private

    @Property(int, notify=changed)
    def rateStep(self) -> int:
        return self.core.rate_step

    @Property(int, notify=changed)
    def volumeStep(self) -> int:
        return self.core.volume_step

    @Property(int, constant=True)
    def maxRateStep(self) -> int:
        return MAX_RATE_STEP

    @Property(int, constant=True)
    def maxVolumeStep(self) -> int:
        return MAX_VOLUME_STEP

    # --- inside --------------------------------------------------------------------------------

    def _settings_changed(self, word: str) -> None:
        self.changed.emit()
        self._say([Spoken(word)])

    def _say(self, parts: list[Spoken], front: bool = False, whole: bool = False) -> None:
        if not self.core.on:
            return
        if front:
            parts = parts + self._front(whole)
        self.core.say(parts, language_of(self.context.language).base)

    def _front(self, whole: bool = False) -> list[Spoken]:
        from ui.speech.screen_reader import describe, dialog_in_front, read_front

        window = self._window
        if window is None or not shiboken6.isValid(window):
            return []
        root = window.contentItem()
        loader = window.findChild(QQuickItem, "screenLoader")
        screen = loader.property("item") if loader is not None else None
        parts = read_front(root, screen if isinstance(screen, QQuickItem) else None, whole)
        focused = window.activeFocusItem()
        if focused is not None and dialog_in_front(root) is None and focused is not root:
            parts += describe(focused)
        return parts

    @fenced
    def _focus_changed(self) -> None:
        window = self._window
        watched, self._watched = self._watched, None
        if watched is not None and shiboken6.isValid(watched):
            with suppress(RuntimeError, TypeError):
                watched.textChanged.disconnect(self._typed)  # type: ignore[attr-defined]
        self._focused = window.activeFocusItem() if window is not None else None
        item = self._focused
        if item is None:
            return
        text = item.property("text")
        self._focused_text = text if isinstance(text, str) else ""
        if hasattr(item, "textChanged") and item.property("readOnly") is False:
            item.textChanged.connect(self._typed)
            self._watched = item
        if self.core.on and not self._front_due.isActive():
            from ui.speech.screen_reader import describe

            self._say(describe(item))

    @fenced
    def _typed(self) -> None:
        item = self._focused
        if item is None or not shiboken6.isValid(item):
            return
        text = item.property("text")
        after = text if isinstance(text, str) else ""
        before, self._focused_text = self._focused_text, after
        if self.core.on:
            from ui.speech.screen_reader import typed

            self._say(typed(item, before, after))
