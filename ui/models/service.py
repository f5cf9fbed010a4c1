"""The chosen service: what it is, what it needs, and what the terminal can do for it now
(the service screen)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton, QQmlEngine

from catalogue.model import Service
from kiosk.session import Change
from ui.messages import camera_unavailable_text, receipt_on_screen_text, storage_full_text
from ui.models.context import ModelContext, action, singleton
from ui.models.enums import IDENTIFICATION_OF, Identification

if TYPE_CHECKING:
    from kiosk.session import Session

QML_IMPORT_NAME = "PointOfPublic"
QML_IMPORT_MAJOR_VERSION = 1

_SERVICE = frozenset({Change.FORM, Change.LANGUAGE, Change.SCREEN})
_PRINTER = frozenset({Change.PRINTER, Change.SCREEN, Change.LANGUAGE})


@QmlNamedElement("Service")
@QmlSingleton
class ServiceModel(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    serviceChanged = Signal()
    printerChanged = Signal()

    def __init__(self, context: ModelContext) -> None:
        super().__init__()
        self.context = context
        context.subscribe(self._changed)

    @staticmethod
    def create(engine: QQmlEngine) -> ServiceModel:
        return singleton(ServiceModel, engine)

    def _changed(self, changes: frozenset[Change]) -> None:
        if changes & _SERVICE:
            self.serviceChanged.emit()
        if changes & _PRINTER:
            self.printerChanged.emit()

    def _service(self) -> Service | None:
        s = self.context.session
        return s.service if s else None

    @Property(str, notify=serviceChanged)
    def title(self) -> str:
        service = self._service()
        return service.title.get(self.context.language) if service else ""

    @Property(str, notify=serviceChanged)
    def description(self) -> str:
        service = self._service()
        return service.description.get(self.context.language) if service else ""

    @Property(str, notify=serviceChanged)
    def icon(self) -> str:
        service = self._service()
        return service.icon if service else "generic"

    @Property(int, notify=serviceChanged)
    def minutes(self) -> int:
        service = self._service()
        return service.duration_minutes if service else 0

    @Property(int, notify=serviceChanged)
    def identification(self) -> int:
        service = self._service()
        return (
            IDENTIFICATION_OF[service.identification] if service else Identification.Value.NotNeeded
        )

    @Property(int, notify=serviceChanged)
    def maxPhotos(self) -> int:
        service = self._service()
        return service.attachments.max_photos if service else 0

    @Property(bool, notify=serviceChanged)
    def storageFull(self) -> bool:
        """The terminal cannot store another application now (the service cannot start)."""
        return bool(self.context.session and self.context.session.storage_full)

    @Property(str, notify=serviceChanged)
    def storageFullMessage(self) -> str:
        return storage_full_text()

    @Property(bool, notify=serviceChanged)
    def cameraUnavailable(self) -> bool:
        """Told up front: the service takes photos and the camera is not available now."""
        return bool(self.context.session and self.context.session.camera_unavailable)

    @Property(str, notify=serviceChanged)
    def cameraUnavailableMessage(self) -> str:
        return camera_unavailable_text()

    @Property(bool, notify=printerChanged)
    def receiptOnScreen(self) -> bool:
        """Told up front: the printer cannot print, the receipt will be on the screen."""
        return bool(self.context.session and self.context.session.receipt_on_screen)

    @Property(str, notify=printerChanged)
    def receiptOnScreenMessage(self) -> str:
        return receipt_on_screen_text()

    @Slot()
    @action
    def proceed(self, session: Session) -> None:
        session.proceed()
