"""The form's pages: the fields of the current page, its title, where the citizen is, and the
problems found (the form screen)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton, QQmlEngine

from kiosk.session import Change
from ui.models.context import ModelContext, action, singleton
from ui.models.lists import FieldListModel

if TYPE_CHECKING:
    from kiosk.session import Session

QML_IMPORT_NAME = "PointOfPublic"
QML_IMPORT_MAJOR_VERSION = 1

_FORM = frozenset({Change.FORM, Change.LANGUAGE, Change.SCREEN})


@QmlNamedElement("Form")
@QmlSingleton
class FormModel(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    formChanged = Signal()

    def __init__(self, context: ModelContext) -> None:
        super().__init__()
        self.context = context
        self._fields = FieldListModel()
        context.subscribe(self._changed)

    @staticmethod
    def create(engine: QQmlEngine) -> FormModel:
        return singleton(FormModel, engine)

    def _changed(self, changes: frozenset[Change]) -> None:
        if changes & _FORM:
            self._fields.refresh(self.context.session)
            self.formChanged.emit()

    @Property(QObject, constant=True)
    def fields(self) -> FieldListModel:
        return self._fields

    @Property(str, notify=formChanged)
    def pageTitle(self) -> str:
        s = self.context.session
        page = s.page if s else None
        return page.title.get(self.context.language) if page else ""

    @Property(int, notify=formChanged)
    def pageIndex(self) -> int:
        s = self.context.session
        return s.page_index if s else 0

    @Property(int, notify=formChanged)
    def pageCount(self) -> int:
        s = self.context.session
        return len(s.service.pages) if s and s.service else 0

    @Property(bool, notify=formChanged)
    def hasProblems(self) -> bool:
        return bool(self.context.session and self.context.session.problems)

    @Slot(str, str)
    @action
    def setValue(self, session: Session, key: str, value: str) -> None:
        session.set_value(key, value)

    @Slot(str, str, str)
    @action
    def setAddressPart(self, session: Session, key: str, part: str, value: str) -> None:
        session.set_address_part(key, part, value)

    @Slot()
    @action
    def nextPage(self, session: Session) -> None:
        session.next_page()
