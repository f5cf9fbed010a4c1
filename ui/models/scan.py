"""A receipt's QR code held to the camera instead of typing its tracking number (``Scan`` in
QML; the form screen's tracking-number fields)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton, QQmlEngine

from kiosk.session import Change
from ui.models.context import ModelContext, action, singleton
from ui.models.enums import SCAN_PROBLEM_OF, ScanState

if TYPE_CHECKING:
    from kiosk.session import Session

QML_IMPORT_NAME = "PointOfPublic"
QML_IMPORT_MAJOR_VERSION = 1

_SCAN = frozenset({Change.SCAN, Change.SCREEN, Change.FORM})


@QmlNamedElement("Scan")
@QmlSingleton
class ScanModel(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    scanChanged = Signal()

    def __init__(self, context: ModelContext) -> None:
        super().__init__()
        self.context = context
        context.subscribe(self._changed)

    @staticmethod
    def create(engine: QQmlEngine) -> ScanModel:
        return singleton(ScanModel, engine)

    def _changed(self, changes: frozenset[Change]) -> None:
        if changes & _SCAN:
            self.scanChanged.emit()

    @Property(int, notify=scanChanged)
    def state(self) -> int:
        s = self.context.session
        if s is None:
            return ScanState.Value.Idle
        problem = s.scan_problem
        if problem is not None:  # a refused code: told while the camera goes on looking
            return SCAN_PROBLEM_OF[problem]
        return ScanState.Value.Looking if s.scanning else ScanState.Value.Idle

    @Property(str, notify=scanChanged)
    def field(self) -> str:
        """The field being scanned into ("": none)."""
        s = self.context.session
        return s.scanning if s else ""

    @Slot(str)
    @action
    def start(self, session: Session, key: str) -> None:
        session.start_scan(key)

    @Slot()
    @action
    def stop(self, session: Session) -> None:
        session.stop_scan()
