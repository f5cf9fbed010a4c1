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
from kiosk.scheduling import TimerHandle
from kiosk.session.core import Core
from kiosk.session.machine import Effect, Event, Guard
from kiosk.session.states import Change
from kiosk.session.visit import Visit, for_visit
from offline_queue.status_lookup import Lookup, LookupOutcome

log = logging.getLogger(__name__)

#: How long "ask again" waits after a busy answer that named no Retry-After.
BUSY_WAIT_S = 5.0


class StatusQuestion:
    def __init__(self, core: Core) -> None:
        self._core = core
        core.guards.update(
            {
                Guard.LOOKS_UP_STATUS: self._looks_up,
                Guard.LOOKUP_RETRYABLE: self.retryable,
            }
        )
        core.effects[Effect.LOOK_UP_STATUS] = self._ask
        self._wait: TimerHandle | None = None
        core.on_end.append(lambda _reason: self._cancel_wait())

    def _looks_up(self) -> bool:
        service = self._core.current.service
        return service is not None and service.kind is ServiceKind.STATUS_LOOKUP

    def retryable(self) -> bool:
        """Asking again makes sense: no answer could be had, and the hub's wait is over."""
        visit = self._core.current
        return (
            not visit.looking_up
            and not visit.lookup_waiting
            and visit.lookup is not None
            and visit.lookup.outcome in (LookupOutcome.OFFLINE, LookupOutcome.BUSY)
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
        code = self._code(visit)
        visit.lookup = None
        visit.lookup_code = code
        visit.looking_up = True
        equipment = self._core.equipment
        client = equipment.status_lookup
        if client is None:
            # No hub configured (or not admitted): the same answer as no connection.
            no_hub = Lookup(LookupOutcome.OFFLINE, reason="no hub")
            self._core.scheduler.post(lambda: self._answered(visit, code, no_hub))
            return
        equipment.lookup_worker.submit(
            lambda: client.look_up(code),
            for_visit(visit, lambda: self._core.visit, lambda r: self._answered(visit, code, r)),
        )

    def _answered(self, visit: Visit, code: str, result: Lookup | BaseException) -> None:
        if visit is not self._core.visit or code != visit.lookup_code or not visit.looking_up:
            # The citizen went back and asked for another number meanwhile: this answer is
            # not for the number on the screen.
            return
        if isinstance(result, BaseException):
            raise result  # a bug in the client: the last-resort handler takes it
        visit.looking_up = False
        visit.lookup = result
        if result.outcome is LookupOutcome.BUSY:
            # Asking again at once would only spend the terminal's budget at the hub.
            visit.lookup_waiting = True
            self._cancel_wait()
            self._wait = self._core.scheduler.call_later(
                "status-lookup-wait", result.retry_after_s or BUSY_WAIT_S, self._wait_over
            )
        level = logging.INFO if result.outcome is LookupOutcome.FOUND else logging.WARNING
        if result.outcome in (LookupOutcome.UNKNOWN, LookupOutcome.BUSY):
            level = logging.INFO
        log.log(level, "status look-up: %s (%s)", result.outcome.value, result.reason)
        if not self._core.fire(Event.LOOKED_UP):
            self._core.changed(Change.STATUS)

    def _cancel_wait(self) -> None:
        if self._wait is not None:
            self._wait.cancel()
            self._wait = None

    def _wait_over(self) -> None:
        self._wait = None
        visit = self._core.visit
        if visit is not None and visit.lookup_waiting:
            visit.lookup_waiting = False
            self._core.changed(Change.STATUS)

    def retry(self) -> None:
        self._core.fire(Event.RETRY_LOOKUP, Change.STATUS)
