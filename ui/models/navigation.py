"""Where the citizen is: the screen, the overlay over it, the countdown, and the ways on, back
and out that every screen shares (top bar, dialogs)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton, QQmlEngine

from kiosk.availability import Availability
from kiosk.session import Change, Overlay, Screen
from ui.models.context import ModelContext, action, fenced, singleton
from ui.models.enums import OVERLAY_OF, SCREEN_OF, OverlayState
from ui.models.enums import Screen as ScreenEnum

if TYPE_CHECKING:
    from kiosk.session import Session

QML_IMPORT_NAME = "PointOfPublic"
QML_IMPORT_MAJOR_VERSION = 1


@QmlNamedElement("Navigation")
@QmlSingleton
class NavigationModel(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    screenChanged = Signal()
    overlayChanged = Signal()
    countdownChanged = Signal()
    clerkInfoChanged = Signal()
    #: After the wipe: QML and the app clear anything they keep outside the models.
    sessionEnded = Signal()

    def __init__(self, context: ModelContext) -> None:
        super().__init__()
        self.context = context
        self._clerk_info = False
        context.subscribe(self._changed)

    @staticmethod
    def create(engine: QQmlEngine) -> NavigationModel:
        return singleton(NavigationModel, engine)

    def _changed(self, changes: frozenset[Change]) -> None:
        if Change.OVERLAY in changes:
            self.overlayChanged.emit()
        if Change.COUNTDOWN in changes:
            self.countdownChanged.emit()
        if Change.SCREEN in changes:
            s = self.context.session
            if s is None or s.screen is Screen.ATTRACT:
                self._set_clerk_info(False)
                self.sessionEnded.emit()
            self.screenChanged.emit()

    def user_activity(self) -> None:
        """Any touch, click or key press: the citizen is there."""
        if self.context.session is not None:
            self.context.session.touch()

    # --- state ---------------------------------------------------------------------------------

    def _screen(self) -> ScreenEnum.Value:
        s = self.context.session
        if self.context.terminal.starting:
            return ScreenEnum.Value.Attract  # drawn from the catalogue; the rest comes next
        if self.context.terminal.availability is not Availability.IN_SERVICE or s is None:
            return ScreenEnum.Value.OutOfService
        return SCREEN_OF[s.screen]

    @Property(int, notify=screenChanged)
    def screen(self) -> int:
        return self._screen()

    @Property(bool, notify=screenChanged)
    def inSession(self) -> bool:
        """A citizen is using the terminal (the top bar shows)."""
        return self._screen() not in (ScreenEnum.Value.Attract, ScreenEnum.Value.OutOfService)

    @Property(int, notify=overlayChanged)
    def overlay(self) -> int:
        s = self.context.session
        return OVERLAY_OF[s.overlay] if s else OverlayState.Value.Closed

    @Property(int, notify=countdownChanged)
    def countdown(self) -> int:
        s = self.context.session
        return s.countdown_s if s else 0

    @Property(bool, notify=countdownChanged)
    def moreTime(self) -> bool:
        """Much more time for this visit (asked for in the warning or the top bar)."""
        s = self.context.session
        return s.more_time if s else False

    @Property(bool, notify=clerkInfoChanged)
    def clerkInfoVisible(self) -> bool:
        return self._clerk_info

    def _set_clerk_info(self, visible: bool) -> None:
        if visible != self._clerk_info:
            self._clerk_info = visible
            self.clerkInfoChanged.emit()

    # --- actions -------------------------------------------------------------------------------

    @Slot()
    @action
    def start(self, session: Session) -> None:
        session.start()

    @Slot()
    @action
    def back(self, session: Session) -> None:
        session.back()

    @Slot()
    @action
    def keypadBack(self, session: Session) -> None:
        """The keypad's back key: closes what lies over the screen (the question stays
        answered the safe way: not cancelled, more time), else one step back."""
        if self._clerk_info:
            self._set_clerk_info(False)
        elif session.overlay is Overlay.CONFIRM_CANCEL:
            session.dismiss_cancel()
        elif session.overlay is Overlay.TIMEOUT_WARNING:
            session.extend()
        else:
            session.back()

    @Slot()
    @action
    def requestCancel(self, session: Session) -> None:
        self._set_clerk_info(False)
        session.request_cancel()

    @Slot()
    @action
    def confirmCancel(self, session: Session) -> None:
        session.confirm_cancel()

    @Slot()
    @action
    def dismissCancel(self, session: Session) -> None:
        session.dismiss_cancel()

    @Slot()
    @action
    def extend(self, session: Session) -> None:
        session.extend()

    @Slot()
    @action
    def takeMoreTime(self, session: Session) -> None:
        session.take_more_time()

    @Slot()
    @action
    def finish(self, session: Session) -> None:
        session.finish()

    @Slot()
    @fenced
    def callClerk(self) -> None:
        """*Mit dem Rathaus sprechen*: the video call over the current screen (from the attract
        screen, a citizen's session starts first); without a hub to call, the phone number."""
        s = self.context.session
        if s is None or not s.call_possible:
            self._set_clerk_info(True)
            return
        if s.screen is Screen.ATTRACT:
            s.start()
        s.call_clerk()

    @Slot()
    @fenced
    def closeClerkInfo(self) -> None:
        self._set_clerk_info(False)
