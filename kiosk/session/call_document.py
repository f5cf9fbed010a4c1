"""The ID document held to the camera for the clerk in a video call (:mod:`kiosk.session.call`).

The clerk asks for it (the link's event sets :attr:`CallView.document` to "wanted"); the citizen
sends a photo of it, straightened where the card is found, or says no, and the clerk is told
either way. The photo goes only to the clerk, over the call: it is not kept here, and one taken
as the call ends or breaks is wiped unsent.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from drivers.camera.base import CameraError, CameraStatus, Photo
from kiosk.session.core import Core
from kiosk.session.states import CallStep, Change
from kiosk.session.visit import for_visit

if TYPE_CHECKING:
    from kiosk.call.dialer import Link
    from kiosk.session.call import CallFlow
    from kiosk.session.call_view import CallView

log = logging.getLogger(__name__)

#: The ID document's photo for the clerk: its longer side (a card's photo and lines legible,
#: and small enough for one data-channel message).
DOCUMENT_LONG_SIDE = 960


class DocumentRequest:
    """The clerk's request for a photo of the ID document, and the citizen's answer to it."""

    def __init__(self, core: Core, flow: CallFlow) -> None:
        self._core = core
        self._flow = flow

    def send(self) -> None:
        """The citizen holds their ID document to the camera and sends the clerk a photo of
        it (straightened where the card is found). Sent only to the clerk, over the call; not
        kept here."""
        view, visit, link = self._flow.view, self._core.visit, self._flow.link
        if view is None or visit is None or link is None or view.step is not CallStep.IN_CALL:
            return
        if view.document not in ("wanted", "failed"):
            return
        from drivers.camera.live import LiveCamera

        equipment = self._core.equipment
        camera = equipment.devices.camera
        if not isinstance(camera, LiveCamera) or camera.status is not CameraStatus.READY:
            self._failed(view, link)
            return
        from drivers.camera.document import document_photo
        from wire.coview import MAX_PHOTO_BYTES

        def take() -> Photo:
            return document_photo(camera, MAX_PHOTO_BYTES, DOCUMENT_LONG_SIDE)

        def taken(result: Photo | BaseException) -> None:
            self._taken(view, link, result)

        view.document = "taking"
        self._core.changed(Change.CALL)
        equipment.camera_worker.submit(take, for_visit(visit, lambda: self._core.visit, taken))

    def decline(self) -> None:
        view, link = self._flow.view, self._flow.link
        if view is None or link is None or view.document not in ("wanted", "failed"):
            return
        from wire.coview import message

        view.document = ""
        link.share_form(message("document_declined"))
        self._core.changed(Change.CALL)

    def _taken(self, view: CallView, link: Link, result: Photo | BaseException) -> None:
        from kiosk.call.coview import document_message

        flow = self._flow
        if not isinstance(result, Photo):
            if not isinstance(result, CameraError):
                raise result
            log.warning("call: no photo of the document (%s)", type(result).__name__)
        if flow.view is not view or flow.link is not link or view.step is not CallStep.IN_CALL:
            if isinstance(result, Photo):
                result.wipe()  # the call ended or broke meanwhile: nobody to send it to
            if flow.view is view and view.document == "taking":
                view.document = "wanted" if flow.talking else ""
                self._core.changed(Change.CALL)
            return
        if not isinstance(result, Photo):
            self._failed(view, link)
            return
        sent = document_message(result.jpeg)
        result.wipe()
        if sent is None:
            self._failed(view, link)
            return
        link.share_form(sent)
        view.document = "sent"
        log.info("call: the citizen sent the clerk a photo of their document")
        self._core.changed(Change.CALL)

    def _failed(self, view: CallView, link: Link) -> None:
        from wire.coview import message

        view.document = "failed"
        link.share_form(message("document_failed"))
        self._core.changed(Change.CALL)
