"""Everything entered, on one page: the sections to check and change, the receipt address,
the privacy notice, consent and send (the review screen)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QCoreApplication, QObject, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton, QQmlEngine

from catalogue.model import Field, FieldKind
from catalogue.validation import FieldValue
from kiosk.session import Change, Screen
from ui.messages import submit_failure_text
from ui.models.context import ModelContext, action, singleton

if TYPE_CHECKING:
    from kiosk.session import Session

QML_IMPORT_NAME = "PointOfPublic"
QML_IMPORT_MAJOR_VERSION = 1

_REVIEW = frozenset({Change.REVIEW, Change.SCREEN, Change.LANGUAGE, Change.PRINTER})


@QmlNamedElement("Review")
@QmlSingleton
class ReviewModel(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    reviewChanged = Signal()

    def __init__(self, context: ModelContext) -> None:
        super().__init__()
        self.context = context
        context.subscribe(self._changed)

    @staticmethod
    def create(engine: QQmlEngine) -> ReviewModel:
        return singleton(ReviewModel, engine)

    def _changed(self, changes: frozenset[Change]) -> None:
        if changes & _REVIEW:
            self.reviewChanged.emit()

    @Property(list, notify=reviewChanged)
    def sections(self) -> list[dict[str, Any]]:
        s = self.context.session
        if s is None or s.service is None or s.screen is not Screen.REVIEW:
            return []
        lang = self.context.language
        return [
            {
                "title": page.title.get(lang),
                "pageIndex": index,
                "items": [
                    {
                        "label": f.label.get(lang),
                        "value": self._display(f, s.values.get(f.key)),
                        "prefilled": f.key in s.prefilled,
                    }
                    for f in page.fields
                ],
            }
            for index, page in enumerate(s.service.pages)
        ]

    def _display(self, f: Field, value: FieldValue | None) -> str:
        if value is None or (isinstance(value, str) and not value.strip()):
            return "—"
        if isinstance(value, dict):
            v = value
            return (
                f"{v.get('street', '')} {v.get('house_number', '')}, "
                f"{v.get('postcode', '')} {v.get('city', '')}".strip()
            )
        if f.kind is FieldKind.CHOICE:
            choice = next((c for c in f.choices if c.value == value), None)
            return choice.label.get(self.context.language) if choice else value
        if f.kind is FieldKind.YES_NO:
            return (
                QCoreApplication.translate("ReviewModel", "Yes")
                if value == "yes"
                else QCoreApplication.translate("ReviewModel", "No")
            )
        return value

    @Property(bool, notify=reviewChanged)
    def consent(self) -> bool:
        return bool(self.context.session and self.context.session.consent)

    @Property(bool, notify=reviewChanged)
    def offersReceiptEmail(self) -> bool:
        return bool(self.context.session and self.context.session.offers_receipt_email)

    @Property(str, notify=reviewChanged)
    def receiptEmail(self) -> str:
        s = self.context.session
        return s.receipt_email if s else ""

    @Property(bool, notify=reviewChanged)
    def receiptEmailInvalid(self) -> bool:
        return bool(self.context.session and self.context.session.receipt_email_invalid)

    @Property(str, notify=reviewChanged)
    def submitMessage(self) -> str:
        s = self.context.session
        return submit_failure_text(s.submit_failure) if s else ""

    @Property(str, notify=reviewChanged)
    def privacyNotice(self) -> str:
        s = self.context.session
        return s.catalogue.privacy_notice.get(self.context.language) if s else ""

    @Slot(int)
    @action
    def editPage(self, session: Session, index: int) -> None:
        session.edit_page(index)

    @Slot()
    @action
    def editPhotos(self, session: Session) -> None:
        session.edit_photos()

    @Slot(bool)
    @action
    def setConsent(self, session: Session, given: bool) -> None:
        session.set_consent(given)

    @Slot(str)
    @action
    def setReceiptEmail(self, session: Session, text: str) -> None:
        session.set_receipt_email(text)

    @Slot()
    @action
    def submit(self, session: Session) -> None:
        session.submit()
