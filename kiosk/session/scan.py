"""Holding a receipt's QR code to the camera instead of typing its tracking number.

On a form page with a tracking-number field (*Antragsstatus*, *Unterlagen nachreichen*) the
citizen may scan the receipt: the camera's frames are searched for QR codes on an analyser
thread of their own (:mod:`drivers.camera.analyser`, zxing-cpp), and the first code that is one
of this terminal's receipts (:mod:`kiosk.receipt_code`) fills the field. On *Antragsstatus*,
whose page asks for nothing else, the status is then looked up at once, as if "Next" had been
pressed. A code that is not ours is refused with a plain message, never opened. Scanning stops
with the field filled, on "cancel", when the page is left, after :data:`SCAN_FOR_S` without a
receipt, and with the visit.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from catalogue.model import FieldKind, ServiceKind, TextFormat
from drivers.camera.base import CameraStatus
from kiosk.receipt_code import tracking_from_qr
from kiosk.session.camera_watch import CameraWatch
from kiosk.session.core import Core
from kiosk.session.form import Form
from kiosk.session.states import Change, ScanProblem, Screen
from kiosk.session.visit import Visit

if TYPE_CHECKING:
    from drivers.camera.frames import Frame

log = logging.getLogger(__name__)

#: How long the camera looks for a receipt before it rests (the citizen may start again).
SCAN_FOR_S = 60.0


class ReceiptScan:
    def __init__(self, core: Core, form: Form) -> None:
        self._core = core
        self._form = form
        self._watch: CameraWatch[list[str]] = CameraWatch(core)
        core.subscribe(self._changed)

    def can_scan(self, key: str) -> bool:
        """``key`` is a tracking-number field on the page shown."""
        spec = self._form.field(key)
        return (
            self._core.screen is Screen.FORM
            and spec is not None
            and spec.kind is FieldKind.TEXT
            and spec.text_format is TextFormat.TRACKING_NUMBER
        )

    def start(self, key: str) -> None:
        visit = self._core.visit
        if visit is None or not self.can_scan(key):
            return
        live = self._core.equipment.devices.camera.live
        self._watch.stop()
        visit.scan_problem = None
        if live is None or self._core.equipment.devices.camera.status is not CameraStatus.READY:
            visit.scanning = ""
            visit.scan_problem = ScanProblem.CAMERA_UNAVAILABLE
            self._core.changed(Change.SCAN)
            return
        visit.scanning = key
        self._watch.start(
            "camera-qr",
            visit,
            live,
            _codes_in,
            self._found,
            limit_s=SCAN_FOR_S,
            gave_up=self._gave_up,
        )
        log.info("receipt scan started")
        self._core.changed(Change.SCAN)

    def stop(self) -> None:
        """The citizen cancelled the scan (or typed instead)."""
        visit = self._core.visit
        self._watch.stop()
        if visit is not None and (visit.scanning or visit.scan_problem):
            visit.scanning = ""
            visit.scan_problem = None
            self._core.changed(Change.SCAN)

    def _found(self, visit: Visit, texts: list[str]) -> None:
        if not visit.scanning:
            return
        key = visit.scanning
        for text in texts:
            code = tracking_from_qr(text, self._core.setting.status_url)
            if code is not None:
                self._watch.stop()
                visit.scanning = ""
                visit.scan_problem = None
                log.info("receipt scanned")
                self._form.set_value(key, code)
                self._core.changed(Change.SCAN, Change.FORM)
                self._go_on(visit)
                return
        if visit.scan_problem is not ScanProblem.FOREIGN_CODE:
            # Told once; the camera goes on looking (the right receipt may come next).
            log.info("receipt scan: a QR code that is not a receipt of ours")
            visit.scan_problem = ScanProblem.FOREIGN_CODE
            self._core.changed(Change.SCAN)

    def _go_on(self, visit: Visit) -> None:
        """*Antragsstatus* asks for nothing but the number: look it up at once."""
        service = visit.service
        page = self._form.page
        if (
            service is not None
            and service.kind is ServiceKind.STATUS_LOOKUP
            and page is not None
            and len(page.fields) == 1
        ):
            self._form.next_page()

    def _gave_up(self, visit: Visit) -> None:
        visit.scanning = ""
        visit.scan_problem = ScanProblem.NOTHING_FOUND
        log.info("receipt scan: nothing found, stopped")
        self._core.changed(Change.SCAN)

    def _changed(self, changes: frozenset[Change]) -> None:
        # Leaving the page (to another page of the form, too) ends the scan: the camera rests,
        # and no later code fills a field the citizen no longer sees.
        if Change.SCREEN in changes and self._watch.running:
            self._watch.stop()
            visit = self._core.visit
            if visit is not None:
                visit.scanning = ""


def _codes_in(frame: Frame) -> list[str] | None:
    from drivers.camera.qr import read_qr_codes

    return read_qr_codes(frame.pixels) or None
