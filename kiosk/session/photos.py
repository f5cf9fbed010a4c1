"""The photos flow: the attachments screen takes pictures on the camera's worker thread.

A picture that arrives after its visit ended (a hung camera) is wiped, never shown to the next
citizen: results are matched to the visit that asked (:func:`kiosk.session.visit.for_visit`).

For document pages (the service's ``attachments.subject``), a page analyser runs while the
screen is shown (:mod:`drivers.camera.document`, a few times a second on its own thread): its
corners are drawn on the preview and what is wrong with the picture is said before the shot;
the photo taken is the page found and straightened.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from catalogue.model import PhotoSubject
from drivers.camera.base import CameraError, Photo
from kiosk.session.camera_watch import CameraWatch
from kiosk.session.core import Core
from kiosk.session.machine import Effect, Event, Guard
from kiosk.session.states import Change, Screen
from kiosk.session.visit import Visit, for_visit

if TYPE_CHECKING:
    from drivers.camera.document import PageFinding
    from drivers.camera.frames import Frame

log = logging.getLogger(__name__)

#: Page analyses a second: enough for the corners to follow a hand, little CPU beside the preview.
PAGE_LOOKS_PER_S = 8
#: A place's picture checked for blur and darkness, a few times a second.
QUALITY_LOOKS_PER_S = 4


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
        self._pages: CameraWatch[tuple[PageFinding, tuple[int, int]]] = CameraWatch(core)
        core.subscribe(self._changed)

    @property
    def needs_photos(self) -> bool:
        service = self._core.current.service
        return service is not None and service.attachments.max_photos > 0

    @property
    def complete(self) -> bool:
        visit = self._core.current
        return visit.service is None or len(visit.photos) >= visit.service.attachments.min_photos

    @property
    def documents(self) -> bool:
        """The service photographs document pages (found and straightened)."""
        service = self._core.current.service
        return service is not None and service.attachments.subject is PhotoSubject.DOCUMENT

    def _open(self) -> None:
        self._core.current.camera_failed = False

    # --- the live page analyser (documents) ----------------------------------------------

    def _look_for_pages(self) -> None:
        visit = self._core.visit
        live = self._core.equipment.devices.camera.live
        if visit is None or live is None or self._pages.running:
            return
        documents = self.documents

        def analyse(frame: Frame) -> tuple[PageFinding, tuple[int, int]]:
            from drivers.camera.document import PageFinding, find_page, judge_picture

            if documents:
                return find_page(frame.pixels), (frame.width, frame.height)
            # A place: only whether the picture is sharp and bright enough.
            return PageFinding(None, judge_picture(frame.pixels)), (frame.width, frame.height)

        self._pages.start(
            "camera-page" if documents else "camera-quality",
            visit,
            live,
            analyse,
            self._page_seen,
            interval_s=1.0 / (PAGE_LOOKS_PER_S if documents else QUALITY_LOOKS_PER_S),
        )

    def _page_seen(self, visit: Visit, seen: tuple[PageFinding, tuple[int, int]]) -> None:
        finding, (w, h) = seen
        corners: tuple[float, ...] = ()
        if finding.corners is not None:
            corners = tuple(v for x, y in finding.corners for v in (x / w, y / h))
        problems = frozenset(q.value for q in finding.problems)
        if corners != visit.page_corners or problems != visit.picture_problems:
            visit.page_corners, visit.picture_problems = corners, problems
            self._core.changed(Change.PAGE)

    def _changed(self, changes: frozenset[Change]) -> None:
        # The analyser runs while the photo screen shows the preview: on it (however it was
        # reached: from the form, back from the review), and while a photo can still be taken.
        if not changes & {Change.SCREEN, Change.PHOTOS}:
            return
        visit = self._core.visit
        service = visit.service if visit is not None else None
        wanted = (
            visit is not None
            and service is not None
            and self._core.screen is Screen.ATTACHMENTS
            and len(visit.photos) < service.attachments.max_photos
        )
        if wanted:
            self._look_for_pages()
        else:
            self._stop_pages()

    def _stop_pages(self) -> None:
        self._pages.stop()
        visit = self._core.visit
        if visit is not None:
            visit.page_corners, visit.picture_problems = (), frozenset()

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
        camera = equipment.devices.camera
        take = camera.capture
        if self.documents and camera.live is not None:
            from drivers.camera.document import document_photo
            from drivers.camera.live import LiveCamera

            if isinstance(camera, LiveCamera):
                live_camera = camera

                def take() -> Photo:
                    return document_photo(live_camera)

        equipment.camera_worker.submit(
            take, for_visit(visit, lambda: self._core.visit, lambda r: self._taken(visit, r))
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
