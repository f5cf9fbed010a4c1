"""Photos from the terminal's camera (the attachments screen)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton, QQmlEngine

from catalogue.model import PhotoSubject, Service
from kiosk.session import Change
from ui.models.context import ModelContext, action, singleton

if TYPE_CHECKING:
    from kiosk.session import Session

QML_IMPORT_NAME = "PointOfPublic"
QML_IMPORT_MAJOR_VERSION = 1

#: The service (limits, label) and the language change what is shown, too.
_PHOTOS = frozenset({Change.PHOTOS, Change.LANGUAGE, Change.SCREEN})
#: A page seen by the camera (documents), several times a second: its own signal.
_PAGE = frozenset({Change.PAGE, Change.SCREEN})


@QmlNamedElement("Photos")
@QmlSingleton
class PhotosModel(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    photosChanged = Signal()
    pageChanged = Signal()

    def __init__(self, context: ModelContext) -> None:
        super().__init__()
        self.context = context
        #: Part of every photo's URL: it changes with the photos, so QML never shows a stale one.
        self._revision = 0
        context.subscribe(self._changed)

    @staticmethod
    def create(engine: QQmlEngine) -> PhotosModel:
        return singleton(PhotosModel, engine)

    def _changed(self, changes: frozenset[Change]) -> None:
        if Change.PHOTOS in changes:
            self._revision += 1
        if changes & _PHOTOS:
            self.photosChanged.emit()
        if changes & _PAGE:
            self.pageChanged.emit()

    def _service(self) -> Service | None:
        s = self.context.session
        return s.service if s else None

    @Property(bool, notify=photosChanged)
    def documents(self) -> bool:
        """The service photographs document pages: the page is looked for and straightened."""
        service = self._service()
        return service is not None and service.attachments.subject is PhotoSubject.DOCUMENT

    @Property(list, notify=pageChanged)
    def pageCorners(self) -> list[float]:
        """The page the camera sees: x, y of its four corners as shares of the picture."""
        s = self.context.session
        return list(s.page_corners) if s else []

    @Property(list, notify=pageChanged)
    def pictureProblems(self) -> list[str]:
        """What is wrong with the picture of the page: blurred, dark, glare, cut_off."""
        s = self.context.session
        return sorted(s.picture_problems) if s else []

    @Property(list, notify=photosChanged)
    def photoProblems(self) -> list[str]:
        """Per photo taken, the first thing that may be wrong with it ("" if nothing)."""
        s = self.context.session
        if s is None:
            return []
        order = ("cut_off", "blurred", "dark", "glare")
        return [next((p for p in order if p in photo.problems), "") for photo in s.photos]

    @Property(int, notify=photosChanged)
    def count(self) -> int:
        s = self.context.session
        return len(s.photos) if s else 0

    @Property(int, notify=photosChanged)
    def minimum(self) -> int:
        service = self._service()
        return service.attachments.min_photos if service else 0

    @Property(int, notify=photosChanged)
    def maximum(self) -> int:
        service = self._service()
        return service.attachments.max_photos if service else 0

    @Property(int, notify=photosChanged)
    def revision(self) -> int:
        return self._revision

    @Property(str, notify=photosChanged)
    def label(self) -> str:
        service = self._service()
        return service.attachments.label.get(self.context.language) if service else ""

    @Property(str, notify=photosChanged)
    def help(self) -> str:
        service = self._service()
        return service.attachments.help.get(self.context.language) if service else ""

    @Property(bool, notify=photosChanged)
    def capturing(self) -> bool:
        return bool(self.context.session and self.context.session.capturing)

    @Property(bool, notify=photosChanged)
    def cameraFailed(self) -> bool:
        return bool(self.context.session and self.context.session.camera_failed)

    @Property(bool, notify=photosChanged)
    def complete(self) -> bool:
        return bool(self.context.session and self.context.session.photos_complete)

    @Slot()
    @action
    def takePhoto(self, session: Session) -> None:
        session.take_photo()

    @Slot(int)
    @action
    def removePhoto(self, session: Session, index: int) -> None:
        session.remove_photo(index)

    @Slot()
    @action
    def done(self, session: Session) -> None:
        session.photos_done()
