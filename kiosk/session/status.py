"""The status look-up flow: a service of kind ``status_lookup`` asks the hub where an
application is, by the tracking number the citizen typed, and shows the answer at once.

Nothing is stored or sent for it. The question runs on the equipment's ``status-lookup`` worker
(one try, a short timeout); the answer is matched to the visit that asked
(:func:`kiosk.session.visit.for_visit`). Without a hub, or while it cannot be reached, the
citizen is told so and may ask again.
"""

from __future__ import annotations

import logging

from catalogue.model import ServiceKind, TextFormat
from catalogue.validation import normalise
from kiosk.session.core import Core
from kiosk.session.machine import Effect, Event, Guard
from kiosk.session.states import Change
from kiosk.session.visit import Visit, for_visit
from offline_queue.status_lookup import Lookup, LookupOutcome

log = logging.getLogger(__name__)


class StatusQuestion:
    def __init__(self, core: Core) -> None:
        self._core = core
        core.guards.update(
            {
                Guard.LOOKS_UP_STATUS: self._looks_up,
                Guard.LOOKUP_RETRYABLE: self._retryable,
            }
        )
        core.effects[Effect.LOOK_UP_STATUS] = self._ask

    def _looks_up(self) -> bool:
        service = self._core.current.service
        return service is not None and service.kind is ServiceKind.STATUS_LOOKUP

    def _retryable(self) -> bool:
        visit = self._core.current
        return (
            not visit.looking_up
            and visit.lookup is not None
            and visit.lookup.outcome is not LookupOutcome.FOUND
        )

    def _code(self, visit: Visit) -> str:
        service = visit.service
        assert service is not None
        for field in service.fields():
            if field.text_format is TextFormat.TRACKING_NUMBER:
                value = normalise(field, visit.values.get(field.key) or "")
                return value if isinstance(value, str) else ""
        return ""

    def _ask(self) -> None:
        visit = self._core.visit
        if visit is None:
            return
        visit.lookup = None
        visit.looking_up = True
        equipment = self._core.equipment
        client = equipment.status_lookup
        if client is None:
            # No hub configured (or not admitted): the same answer as no connection.
            self._core.scheduler.post(
                lambda: self._answered(visit, Lookup(LookupOutcome.OFFLINE, reason="no hub"))
            )
            return
        code = self._code(visit)
        equipment.lookup_worker.submit(
            lambda: client.look_up(code),
            for_visit(visit, lambda: self._core.visit, lambda r: self._answered(visit, r)),
        )

    def _answered(self, visit: Visit, result: Lookup | BaseException) -> None:
        if visit is not self._core.visit:
            return
        if isinstance(result, BaseException):
            raise result  # a bug in the client: the last-resort handler takes it
        visit.looking_up = False
        visit.lookup = result
        level = logging.INFO if result.outcome is LookupOutcome.FOUND else logging.WARNING
        if result.outcome in (LookupOutcome.UNKNOWN, LookupOutcome.BUSY):
            level = logging.INFO
        log.log(level, "status look-up: %s (%s)", result.outcome.value, result.reason)
        if not self._core.fire(Event.LOOKED_UP):
            self._core.changed(Change.STATUS)

    def retry(self) -> None:
        self._core.fire(Event.RETRY_LOOKUP, Change.STATUS)
