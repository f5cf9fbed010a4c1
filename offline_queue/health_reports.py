"""When the delivery worker sends the terminal's health report, and what became of the last.

Split from :mod:`offline_queue.delivery`. The report (:mod:`wire.health`) goes to the hub
through the same client as the submissions: after a change of dead letters, held items,
connection or the outbox's trouble, and at least every ``interval_s``; never more often than
``min_interval_s`` (the hub's limit, :data:`wire.health.MIN_INTERVAL_S`). A failure is logged
once (until a report gets through) and otherwise ignored: the report is news, not a parcel,
and the next one replaces it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from offline_queue.delivery_status import Connection, DeliveryStatus
from offline_queue.hub_client import Answer, Outcome

log = logging.getLogger(__name__)

#: What a report says that is news when it changes: dead letters, held, connection, outbox.
_Key = tuple[int, int, Connection, bool]


def _key(status: DeliveryStatus) -> _Key:
    return (status.dead_letters, status.held, status.connection, bool(status.outbox_problem))


class HealthReports:
    """The health report's schedule; used by the delivery worker's thread only."""

    def __init__(
        self,
        build: Callable[[DeliveryStatus], bytes],
        *,
        interval_s: float,
        min_interval_s: float,
    ) -> None:
        self._build = build
        self._interval_s = interval_s
        self._min_interval_s = min_interval_s
        #: What the last report that got through said: a change is reported without waiting.
        self._sent: _Key | None = None
        #: No report before this (monotonic): the hub's rate, or a failure's wait.
        self._not_before = 0.0
        #: A report is due at this time even without a change.
        self._due = 0.0
        self._failing = False

    def report_soon(self) -> None:
        """The next report is due now (within the hub's rate): something changed that the
        queue's status does not show (an order carried out). Any thread: two plain writes."""
        self._sent = None
        self._due = 0.0

    def wait(self, mono: float, status: DeliveryStatus) -> float:
        """Seconds until a report about ``status`` is due (0: now)."""
        due = self._not_before
        if _key(status) == self._sent:
            due = max(due, self._due)
        return max(0.0, due - mono)

    def send(
        self,
        mono: float,
        status: DeliveryStatus,
        send: Callable[[bytes], Answer],
        monotonic: Callable[[], float] | None = None,
    ) -> bool:
        """Build the report about ``status`` and send it; True if the hub acknowledged it.

        The hub counts its interval from when it handled the report, which may be well after
        the sending began (a cold connection): the next report counts from the answer
        (``monotonic`` read again once it came), or it would meet the hub's rate limit."""
        try:
            body = self._build(status)
        except Exception as exc:  # noqa: BLE001 - a report's bug must not stop delivery
            self._failed(mono, f"report not built (bug: {type(exc).__name__})", None)
            return False
        answer = send(body)
        if monotonic is not None:
            mono = monotonic()
        if answer.outcome is not Outcome.ACCEPTED:
            self._failed(mono, answer.reason, answer.retry_after_s)
            return False
        if self._failing:
            log.info("health report: delivered again")
        self._failing = False
        self._sent = _key(status)
        self._due = mono + self._interval_s
        self._not_before = mono + self._min_interval_s
        return True

    def _failed(self, mono: float, reason: str, retry_after_s: float | None) -> None:
        if not self._failing:
            # Once until a report gets through again, not on every try.
            log.warning("health report not delivered (%s); delivery goes on", reason)
        self._failing = True
        wait = max(self._min_interval_s, retry_after_s or 0.0)
        self._not_before = mono + min(wait, self._interval_s)
        self._due = mono + self._interval_s
