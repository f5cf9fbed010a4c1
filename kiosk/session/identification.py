"""The identify flow: the card on the reader, its CAN or MRZ values, reading, confirming.

Its steps (:class:`IdentifyState`) are the identify screen's own sub-states; the reader's events
arrive through the terminal on the core's thread and count only while that screen is shown.
Device state (the reader's status, a card lying on it) is the terminal's
(:class:`kiosk.equipment.Equipment`); this flow only reads and reports it.
"""

from __future__ import annotations

import logging

from drivers.card.access_data import AccessData
from drivers.card.base import DocumentData, ReaderStatus, ReadFailure
from drivers.card.icao.challenge import submission_challenge
from kiosk.identify import AccessKind, AccessProblem, parse_access
from kiosk.session.core import Core
from kiosk.session.form import Form
from kiosk.session.machine import Effect, Event, Guard
from kiosk.session.states import IdentifyState
from kiosk.session.visit import Visit

log = logging.getLogger(__name__)


class Identification:
    def __init__(self, core: Core, form: Form) -> None:
        self._core = core
        self._form = form
        core.effects[Effect.START_IDENTIFY] = self._start
        core.effects[Effect.PREFILL] = self._prefill
        core.effects[Effect.NO_ID] = self._without_identity
        core.guards[Guard.IDENTITY_READ] = self._identity_read

    def _identity_read(self) -> bool:
        visit = self._core.current
        return visit.identify_state is IdentifyState.CONFIRM and visit.identity is not None

    def _start(self) -> None:
        visit = self._core.current
        equipment = self._core.equipment
        ready = equipment.reader_status is ReaderStatus.READY
        visit.identify_state = IdentifyState.WAITING if ready else IdentifyState.NO_READER
        visit.identify_failure = None
        if equipment.card_waiting is not None and ready:
            # The card was put down early (on the service page): ask for its number now.
            visit.identify_state = IdentifyState.ACCESS
            visit.access_kind = AccessKind.CAN if equipment.card_waiting else AccessKind.MRZ
            visit.access_problem = None
        visit.ensure_submission_id()

    def _without_identity(self) -> None:
        # "Continue without ID card" while a read waits for confirmation: what the chip said
        # was never confirmed, so it must not travel with the application.
        visit = self._core.current
        visit.forget_identity()
        visit.page_index = 0

    def _prefill(self) -> None:
        visit = self._core.current
        assert visit.identity is not None
        self._form.prefill(visit.identity)
        visit.page_index = 0

    # --- the citizen ---------------------------------------------------------------------------

    def submit_access(self, values: dict[str, str]) -> None:
        """The citizen typed the CAN or the MRZ values; the reader opens the chip with them."""
        visit = self._core.visit
        if visit is None:
            return
        parsed = parse_access(visit.access_kind, values)
        if isinstance(parsed, AccessProblem):

            def mistyped(visit: Visit) -> None:
                visit.access_problem = parsed

            self._core.step(Event.ACCESS_MISTYPED, mistyped)
            return
        self.provide_access(parsed)

    def provide_access(self, access: AccessData) -> None:
        """Open the chip with checked access values (typed, or the MRZ read by the camera)."""
        visit = self._core.visit
        if visit is None:
            return

        def typed(visit: Visit) -> None:
            visit.access_problem = None
            visit.identify_failure = None
            visit.read_progress = 0.0

        if self._core.step(Event.ACCESS_TYPED, typed) is None:
            return
        self._core.equipment.card_waiting = None
        challenge = submission_challenge(visit.ensure_submission_id())
        self._core.equipment.devices.card_reader.provide_access(access, challenge)

    def use_mrz_instead(self) -> None:
        """A German ID card can also be opened with the MRZ values (e.g. the CAN is worn)."""

        def mrz(visit: Visit) -> None:
            visit.access_kind = AccessKind.MRZ
            visit.access_problem = None

        self._core.step(Event.USE_MRZ, mrz)

    def confirm_identity(self) -> None:
        """The citizen confirms the name, date of birth and photo read from the chip."""
        if self._core.fire(Event.IDENTITY_CONFIRMED):
            self._form.entered()

    def reject_identity(self) -> None:
        """Not me / wrong document: forget what was read."""
        self._core.step(Event.IDENTITY_REJECTED, Visit.forget_identity)

    # --- the reader (posted to the core's thread by the terminal) -------------------------------

    def card_inserted(self) -> None:
        def reading(visit: Visit) -> None:
            visit.identify_failure = None
            visit.read_progress = 0.0

        self._core.step(Event.CARD_INSERTED, reading)

    def card_removed(self) -> None:
        self._core.equipment.card_waiting = None
        self._core.step(Event.CARD_REMOVED)

    def access_needed(self, accepts_can: bool) -> None:
        self._core.equipment.card_waiting = accepts_can

        def ask(visit: Visit) -> None:
            visit.access_kind = AccessKind.CAN if accepts_can else AccessKind.MRZ
            visit.access_problem = None

        self._core.step(Event.ACCESS_NEEDED, ask)

    def read_progress(self, fraction: float) -> None:
        def progress(visit: Visit) -> None:
            visit.read_progress = fraction

        self._core.step(Event.READ_PROGRESS, progress)

    def read_failed(self, failure: ReadFailure) -> None:
        retry = failure in (ReadFailure.ACCESS_DENIED, ReadFailure.NEEDS_MRZ)

        def failed(visit: Visit) -> None:
            log.info("document read failed: %s", failure.value)
            visit.identify_failure = failure
            if retry:
                # The card is still on the reader and nothing is locked: try again.
                self._core.equipment.card_waiting = failure is ReadFailure.ACCESS_DENIED and (
                    visit.access_kind is AccessKind.CAN
                )
                if failure is ReadFailure.NEEDS_MRZ:
                    visit.access_kind = AccessKind.MRZ

        self._core.step(Event.READ_RETRY if retry else Event.READ_FAILED, failed)

    def document_read(self, data: DocumentData) -> None:
        def keep(visit: Visit) -> None:
            log.info("document read: %s", data.document_type.value)
            if visit.identity is not None and visit.identity is not data:
                visit.identity.wipe()  # an earlier card of this visit
                visit.prefilled.clear()
            visit.identity = data

        if self._core.step(Event.DOCUMENT_READ, keep) is None:
            data.wipe()  # nobody asked for it: do not keep it

    def reader_status(self, status: ReaderStatus) -> None:
        if self._core.equipment.reader_changed(status):
            ready = status is ReaderStatus.READY
            self._core.step(Event.READER_READY if ready else Event.READER_LOST)
