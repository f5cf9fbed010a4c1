"""The identify flow: the card on the reader, its CAN or MRZ values, reading, confirming.

Its steps (:class:`IdentifyState`) are the identify screen's own sub-states; the reader's events
arrive through the terminal on the core's thread and count only while that screen is shown.
Device state (the reader's status, a card lying on it) is the terminal's
(:class:`kiosk.equipment.Equipment`); this flow only reads and reports it.
"""

from __future__ import annotations

import logging

from drivers.card.base import DocumentData, ReaderStatus, ReadFailure
from drivers.card.icao.active import submission_challenge
from kiosk.identify import AccessKind, AccessProblem, parse_access
from kiosk.session.core import Core
from kiosk.session.form import Form
from kiosk.session.machine import Effect, Event
from kiosk.session.states import Change, IdentifyState, Screen
from kiosk.session.visit import Visit

log = logging.getLogger(__name__)

#: The sub-states in which each reader event or citizen action counts.
_ACCEPTS: dict[str, frozenset[IdentifyState]] = {
    "card_removed": frozenset({IdentifyState.READING, IdentifyState.ACCESS}),
    "submit_access": frozenset({IdentifyState.ACCESS}),
    "use_mrz": frozenset({IdentifyState.ACCESS}),
    "progress": frozenset({IdentifyState.READING}),
    "confirm": frozenset({IdentifyState.CONFIRM}),
    "reject": frozenset({IdentifyState.CONFIRM}),
}


class Identification:
    def __init__(self, core: Core, form: Form) -> None:
        self._core = core
        self._form = form
        core.effects[Effect.START_IDENTIFY] = self._start
        core.effects[Effect.PREFILL] = self._prefill

    def _here(self, step: str | None = None) -> Visit | None:
        """The visit, if the identify screen is shown (and in a sub-state that takes ``step``)."""
        visit = self._core.visit
        if self._core.screen is not Screen.IDENTIFY or visit is None:
            return None
        if step is not None and visit.identify_state not in _ACCEPTS[step]:
            return None
        return visit

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

    def _prefill(self) -> None:
        visit = self._core.current
        assert visit.identity is not None
        self._form.prefill(visit.identity)
        visit.page_index = 0

    # --- the citizen ---------------------------------------------------------------------------

    def submit_access(self, values: dict[str, str]) -> None:
        """The citizen typed the CAN or the MRZ values; the reader opens the chip with them."""
        visit = self._here("submit_access")
        if visit is None:
            return
        parsed = parse_access(visit.access_kind, values)
        if isinstance(parsed, AccessProblem):
            visit.access_problem = parsed
            self._core.changed(Change.IDENTIFY)
            return
        visit.access_problem = None
        visit.identify_failure = None
        visit.identify_state = IdentifyState.READING
        visit.read_progress = 0.0
        self._core.equipment.card_waiting = None
        challenge = submission_challenge(visit.ensure_submission_id())
        self._core.equipment.devices.card_reader.provide_access(parsed, challenge)
        self._core.changed(Change.IDENTIFY)

    def use_mrz_instead(self) -> None:
        """A German ID card can also be opened with the MRZ values (e.g. the CAN is worn)."""
        visit = self._here("use_mrz")
        if visit is not None:
            visit.access_kind = AccessKind.MRZ
            visit.access_problem = None
            self._core.changed(Change.IDENTIFY)

    def confirm_identity(self) -> None:
        """The citizen confirms the name, date of birth and photo read from the chip."""
        visit = self._here("confirm")
        if visit is not None and visit.identity is not None:
            self._core.fire(Event.IDENTITY_CONFIRMED)
            self._form.entered()

    def reject_identity(self) -> None:
        """Not me / wrong document: forget what was read."""
        visit = self._here("reject")
        if visit is not None:
            visit.forget_identity()
            visit.identify_state = IdentifyState.WAITING
            self._core.changed(Change.IDENTIFY)

    # --- the reader (posted to the core's thread by the terminal) -------------------------------

    def card_inserted(self) -> None:
        visit = self._here()
        if visit is not None:
            visit.identify_state = IdentifyState.READING
            visit.identify_failure = None
            visit.read_progress = 0.0
            self._core.changed(Change.IDENTIFY)

    def card_removed(self) -> None:
        self._core.equipment.card_waiting = None
        visit = self._here("card_removed")
        if visit is not None:
            visit.identify_state = IdentifyState.WAITING
            self._core.changed(Change.IDENTIFY)

    def access_needed(self, accepts_can: bool) -> None:
        self._core.equipment.card_waiting = accepts_can
        visit = self._here()
        if visit is not None:
            visit.identify_state = IdentifyState.ACCESS
            visit.access_kind = AccessKind.CAN if accepts_can else AccessKind.MRZ
            visit.access_problem = None
            self._core.changed(Change.IDENTIFY)

    def read_progress(self, fraction: float) -> None:
        visit = self._here("progress")
        if visit is not None:
            visit.read_progress = fraction
            self._core.changed(Change.IDENTIFY)

    def read_failed(self, failure: ReadFailure) -> None:
        visit = self._here()
        if visit is None:
            return
        log.info("document read failed: %s", failure.value)
        visit.identify_failure = failure
        if failure in (ReadFailure.ACCESS_DENIED, ReadFailure.NEEDS_MRZ):
            # The card is still on the reader and nothing is locked: try again.
            self._core.equipment.card_waiting = failure is ReadFailure.ACCESS_DENIED and (
                visit.access_kind is AccessKind.CAN
            )
            visit.identify_state = IdentifyState.ACCESS
            if failure is ReadFailure.NEEDS_MRZ:
                visit.access_kind = AccessKind.MRZ
        else:
            visit.identify_state = IdentifyState.FAILED
        self._core.changed(Change.IDENTIFY)

    def document_read(self, data: DocumentData) -> None:
        visit = self._here()
        if visit is None or visit.service is None:
            data.wipe()  # nobody asked for it: do not keep it
            return
        log.info("document read: %s", data.document_type.value)
        if visit.identity is not None and visit.identity is not data:
            visit.identity.wipe()  # an earlier card of this visit
            visit.prefilled.clear()
        visit.identity = data
        visit.identify_state = IdentifyState.CONFIRM
        self._core.changed(Change.IDENTIFY)

    def reader_status(self, status: ReaderStatus) -> None:
        if not self._core.equipment.reader_changed(status):
            return
        visit = self._here()
        if visit is not None:
            ready = status is ReaderStatus.READY
            visit.identify_state = IdentifyState.WAITING if ready else IdentifyState.NO_READER
            self._core.changed(Change.IDENTIFY)
