"""A status look-up's answer (the status screen of *Antragsstatus*): where the citizen's
application is, or why that cannot be said now."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton, QQmlEngine

from kiosk.session import Change
from offline_queue.status_lookup import LookupOutcome
from ui.messages import application_status_text, lookup_text
from ui.models.context import ModelContext, action, singleton
from ui.models.enums import LOOKUP_STATE_OF, LookupState
from wire.status import StatusReport

if TYPE_CHECKING:
    from kiosk.session import Session

QML_IMPORT_NAME = "PointOfPublic"
QML_IMPORT_MAJOR_VERSION = 1

_STATUS = frozenset({Change.STATUS, Change.SCREEN, Change.LANGUAGE})


@QmlNamedElement("StatusLookup")
@QmlSingleton
class StatusLookupModel(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    answerChanged = Signal()

    def __init__(self, context: ModelContext) -> None:
        super().__init__()
        self.context = context
        context.subscribe(self._changed)

    @staticmethod
    def create(engine: QQmlEngine) -> StatusLookupModel:
        return singleton(StatusLookupModel, engine)

    def _changed(self, changes: frozenset[Change]) -> None:
        if changes & _STATUS:
            self.answerChanged.emit()

    @Property(int, notify=answerChanged)
    def state(self) -> int:
        s = self.context.session
        if s is None or s.looking_up or s.lookup is None:
            return LookupState.Value.Asking
        return LOOKUP_STATE_OF[s.lookup.outcome]

    @Property(str, notify=answerChanged)
    def trackingNumber(self) -> str:
        """The number asked for, as the receipt writes it."""
        s = self.context.session
        return s.lookup_code if s is not None else ""

    @Property(str, notify=answerChanged)
    def statusWord(self) -> str:
        report = self._report()
        return application_status_text(report.status) if report else ""

    @Property(str, notify=answerChanged)
    def message(self) -> str:
        """The clerk's message to the citizen, if any ("" when none or nothing was found)."""
        report = self._report()
        return report.message if report else lookup_text(self._outcome())

    @Property(bool, notify=answerChanged)
    def hasClerkMessage(self) -> bool:
        report = self._report()
        return bool(report and report.message)

    @Property(str, notify=answerChanged)
    def receivedAt(self) -> str:
        report = self._report()
        return self._when(report.received_at) if report else ""

    @Property(str, notify=answerChanged)
    def updatedAt(self) -> str:
        report = self._report()
        return self._when(report.updated_at) if report else ""

    @Property(bool, notify=answerChanged)
    def canRetry(self) -> bool:
        s = self.context.session
        return s is not None and s.can_retry_lookup

    @Slot()
    @action
    def retry(self, session: Session) -> None:
        session.retry_lookup()

    def _outcome(self) -> LookupOutcome | None:
        s = self.context.session
        if s is None or s.looking_up or s.lookup is None:
            return None
        return s.lookup.outcome

    def _report(self) -> StatusReport | None:
        s = self.context.session
        lookup = s.lookup if s is not None and not s.looking_up else None
        return lookup.report if lookup is not None else None

    def _when(self, moment: datetime) -> str:
        s = self.context.session
        local = moment.astimezone(s.catalogue.time_zone) if s is not None else moment
        if self.context.language == "de":
            return local.strftime("%d.%m.%Y, %H:%M Uhr")
        return local.strftime("%d %b %Y, %H:%M")
