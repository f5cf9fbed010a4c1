"""The passport's photo page held under the camera instead of typing its MRZ values.

While the identify screen asks for the MRZ values (a passport, or an ID card without its CAN),
the citizen may hold the data page under the camera: an analyser thread reads the MRZ
(:mod:`drivers.camera.mrz`, a few frames a second), and only a reading whose every check digit
holds and that two frames agree on (:class:`drivers.camera.mrz.MrzVotes`) opens the chip. A
misread never reaches the reader: a wrong MRZ would cost the citizen the chip's tries. The
typed form stays beside it. Scanning stops with the chip opened, on "type instead", when the
screen's step changes, after :data:`SCAN_FOR_S`, and with the visit.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from drivers.camera.base import CameraStatus
from drivers.card.access_data import MrzAccess
from kiosk.identify import AccessKind
from kiosk.session.camera_watch import CameraWatch
from kiosk.session.core import Core
from kiosk.session.identification import Identification
from kiosk.session.states import Change, IdentifyState, ScanProblem, Screen
from kiosk.session.visit import Visit

if TYPE_CHECKING:
    from drivers.camera.frames import Frame
    from drivers.card.icao.mrz import Mrz

log = logging.getLogger(__name__)

#: How long the camera looks for the MRZ before it rests (the citizen may start again).
SCAN_FOR_S = 60.0
#: MRZ readings a second: the chip waits anyway, the preview keeps its CPU.
READS_PER_S = 8


class MrzScan:
    def __init__(self, core: Core, identification: Identification) -> None:
        self._core = core
        self._identification = identification
        self._watch: CameraWatch[Mrz] = CameraWatch(core)
        core.subscribe(self._changed)

    def can_scan(self) -> bool:
        visit = self._core.visit
        return (
            visit is not None
            and self._core.screen is Screen.IDENTIFY
            and visit.identify_state is IdentifyState.ACCESS
            and visit.access_kind is AccessKind.MRZ
            # A passport (its chip takes no CAN): an ID card's MRZ is on its back, in the
            # three-line format the camera does not read.
            and self._core.equipment.card_waiting is False
        )

    def start(self) -> None:
        visit = self._core.visit
        if visit is None or not self.can_scan() or self._watch.running:
            return
        camera = self._core.equipment.devices.camera
        live = camera.live
        visit.mrz_scan_problem = None
        from drivers.camera.mrz import mrz_readable

        if live is None or camera.status is not CameraStatus.READY or not mrz_readable():
            visit.mrz_scan_problem = ScanProblem.CAMERA_UNAVAILABLE
            self._core.changed(Change.IDENTIFY)
            return
        from drivers.camera.mrz import MrzVotes

        votes = MrzVotes()

        def analyse(frame: Frame) -> Mrz | None:
            from drivers.camera.mrz import read_mrz

            # Voted on the analyser's thread: only an agreed reading is posted on.
            return votes.add(read_mrz(frame.pixels))

        visit.mrz_scanning = True
        self._watch.start(
            "camera-mrz",
            visit,
            live,
            analyse,
            self._found,
            interval_s=1.0 / READS_PER_S,
            limit_s=SCAN_FOR_S,
            gave_up=self._gave_up,
        )
        log.info("MRZ scan started")
        self._core.changed(Change.IDENTIFY)

    def stop(self) -> None:
        visit = self._core.visit
        self._watch.stop()
        if visit is not None and (visit.mrz_scanning or visit.mrz_scan_problem):
            visit.mrz_scanning = False
            visit.mrz_scan_problem = None
            self._core.changed(Change.IDENTIFY)

    def _found(self, visit: Visit, mrz: Mrz) -> None:
        if not self.can_scan():
            return  # late: the step is over
        self._watch.stop()
        visit.mrz_scanning = False
        log.info("MRZ read by the camera")
        self._identification.provide_access(
            MrzAccess(mrz.document_number, mrz.date_of_birth, mrz.date_of_expiry)
        )
        self._core.changed(Change.IDENTIFY)

    def _gave_up(self, visit: Visit) -> None:
        visit.mrz_scanning = False
        visit.mrz_scan_problem = ScanProblem.NOTHING_FOUND
        log.info("MRZ scan: nothing read, stopped")
        self._core.changed(Change.IDENTIFY)

    def _changed(self, changes: frozenset[Change]) -> None:
        # The step moved on (reading, another screen): the camera rests.
        if self._watch.running and not self.can_scan():
            self._watch.stop()
            visit = self._core.visit
            if visit is not None:
                visit.mrz_scanning = False
