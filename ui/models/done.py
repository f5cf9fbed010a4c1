"""After sending: the tracking number, where the application is, the receipt (the done
screen)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton, QQmlEngine

from kiosk.session import Change
from ui.messages import delivery_text, print_text
from ui.models.context import ModelContext, action, singleton
from ui.models.enums import DELIVERY_STATE_OF, PRINT_STATE_OF, DeliveryState, PrintState

if TYPE_CHECKING:
    from kiosk.session import Session

QML_IMPORT_NAME = "PointOfPublic"
QML_IMPORT_MAJOR_VERSION = 1

_RECEIPT = frozenset({Change.RECEIPT, Change.LANGUAGE})
_DELIVERY = frozenset({Change.DELIVERY, Change.LANGUAGE})


@QmlNamedElement("Done")
@QmlSingleton
class DoneModel(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    receiptChanged = Signal()
    deliveryChanged = Signal()

    def __init__(self, context: ModelContext) -> None:
        super().__init__()
        self.context = context
        #: Part of the receipt images' URLs: it changes with the receipt.
        self._receipt_revision = 0
        context.subscribe(self._changed)

    @staticmethod
    def create(engine: QQmlEngine) -> DoneModel:
        return singleton(DoneModel, engine)

    def _changed(self, changes: frozenset[Change]) -> None:
        if changes & _RECEIPT:
            self._receipt_revision += 1
            self.receiptChanged.emit()
        if changes & _DELIVERY:
            self.deliveryChanged.emit()

    @Property(str, notify=receiptChanged)
    def trackingNumber(self) -> str:
        s = self.context.session
        return s.tracking_number if s else ""

    @Property(int, notify=receiptChanged)
    def printState(self) -> int:
        s = self.context.session
        if s is not None and s.printing:
            return PrintState.Value.Printing
        if s is None or s.print_result is None:
            return PrintState.Value.Idle
        return PRINT_STATE_OF[s.print_result.outcome]

    @Property(str, notify=receiptChanged)
    def printMessage(self) -> str:
        s = self.context.session
        if s is None:
            return ""
        return print_text(s.print_result.outcome if s.print_result else None, s.printing)

    @Property(bool, notify=receiptChanged)
    def receiptMailRequested(self) -> bool:
        return bool(self.context.session and self.context.session.receipt_mail_requested)

    @Property(bool, notify=receiptChanged)
    def showScreenReceipt(self) -> bool:
        """No paper receipt came out: the done screen shows its QR code and number instead."""
        return bool(self.context.session and self.context.session.show_receipt_on_screen)

    @Property(int, notify=receiptChanged)
    def receiptRevision(self) -> int:
        return self._receipt_revision

    @Property(bool, notify=receiptChanged)
    def hasReceiptImage(self) -> bool:
        s = self.context.session
        return bool(s and s.print_result and s.print_result.preview_png)

    @Property(int, notify=deliveryChanged)
    def deliveryState(self) -> int:
        s = self.context.session
        return DELIVERY_STATE_OF[s.delivery] if s else DeliveryState.Value.Pending

    @Property(str, notify=deliveryChanged)
    def deliveryMessage(self) -> str:
        s = self.context.session
        return delivery_text(s.delivery) if s else ""

    @Slot()
    @action
    def reprint(self, session: Session) -> None:
        session.reprint()
