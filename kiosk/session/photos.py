"""The photos flow: the attachments screen takes pictures on the camera's worker thread.

A picture that arrives after its visit ended (a hung camera) is wiped, never shown to the next
citizen: results are matched to the visit that asked (:func:`kiosk.session.visit.for_visit`).
"""

from __future__ import annotations

import logging

from drivers.camera.base import CameraError, Photo
from kiosk.session.core import Core
from kiosk.session.machine import Effect, Event, Guard
from kiosk.session.states import Change, Screen
from kiosk.session.visit import Visit, for_visit

log = logging.getLogger(__name__)


class Photos:
    def __init__(self, core: Core) -> None:
        self._core = core
        core.guards.update(
            {
                Guard.NEEDS_PHOTOS: lambda: self.needs_photos,
                Guard.PHOTOS_COMPLETE: lambda: self.complete and not core.current.capturing,
                Guard.PHOTOS_MISSING: lambda: self.needs_photos and not self.complete,
                Guard.CAMERA_FREE: self._camera_free,
            }
        )
        core.effects[Effect.OPEN_CAMERA] = self._open

    @property
    def needs_photos(self) -> bool:
        service = self._core.current.service
        return service is not None and service.attachments.max_photos > 0

    @property
    def complete(self) -> bool:
        visit = self._core.current
        return visit.service is None or len(visit.photos) >= visit.service.attachments.min_photos

    def _open(self) -> None:
        self._core.current.camera_failed = False

    def _camera_free(self) -> bool:
        visit = self._core.current
        service = visit.service
        return (
            not visit.capturing
            and service is not None
            and len(visit.photos) < service.attachments.max_photos
        )

    def take_photo(self) -> None:
        visit = self._core.visit

        def act() -> None:
            assert visit is not None
            visit.capturing = True
            visit.camera_failed = False

        if visit is None or not self._core.fire(Event.TAKE_PHOTO, act=act):
            return
        equipment = self._core.equipment
        equipment.camera_worker.submit(
            equipment.devices.camera.capture,
            for_visit(visit, lambda: self._core.visit, lambda r: self._taken(visit, r)),
        )

    def _taken(self, visit: Visit, result: Photo | BaseException) -> None:
        visit.capturing = False
        if isinstance(result, Photo):
            if self._core.screen is Screen.ATTACHMENTS:
                visit.photos.append(result)
            else:
                result.wipe()  # the citizen went back meanwhile
        elif isinstance(result, CameraError):
            log.warning("camera failed: %s", type(result).__name__)
            visit.camera_failed = True
        else:
            raise result
        self._core.changed(Change.PHOTOS)

    def remove_photo(self, index: int) -> None:
        visit = self._core.current
        if 0 <= index < len(visit.photos):
            visit.photos.pop(index).wipe()
            self._core.changed(Change.PHOTOS)

    def photos_done(self) -> None:
        self._core.fire(Event.PHOTOS_DONE)

    def edit_photos(self) -> None:
        self._core.fire(Event.EDIT_PHOTOS)
