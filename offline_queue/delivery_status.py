"""What the delivery worker publishes: the way to the hub, and the queue's state.

Split from :mod:`offline_queue.delivery`: these feed the kiosk's "offline — N waiting"
indicator and the health report, and are imported from ``offline_queue.delivery`` as before.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from offline_queue.outbox import Outbox


#: While a queue drains, its depth is reported at most this often.
PUBLISH_INTERVAL_S = 0.25


class Connection(StrEnum):
    UNKNOWN = "unknown"  # nothing sent since start
    ONLINE = "online"  # the last request got an answer the hub meant
    OFFLINE = "offline"  # the last request failed: no network, hub down or overloaded
    REFUSED = "refused"  # the hub refuses this terminal (credential, address): call a technician


@dataclass(frozen=True)
class DeliveryStatus:
    connection: Connection
    depth: int
    oldest_created_at: float | None
    dead_letters: int
    #: The last failure's non-personal reason ("no connection", "HTTP 503 unavailable",
    #: "proxy/hub refuses: HTTP 413 (not the hub's answer)").
    last_error: str = ""
    #: The newest dead letter's reason ("" if there is none).
    last_dead_letter: str = ""
    #: The outbox itself is in trouble (damaged, deleted, disk): "" when it is fine.
    outbox_problem: str = ""
    #: Items waiting with their own backoff, and the oldest one's reason ("proxy/hub refuses:
    #: HTTP 413 (not the hub's answer)"): stays visible while the others are delivered.
    held: int = 0
    held_reason: str = ""


class StatusBoard:
    """The status last published, and publishing a new one when it differs."""

    def __init__(self, outbox: Outbox, on_status: Callable[[DeliveryStatus], None]) -> None:
        self._outbox = outbox
        self._on_status = on_status
        #: Read by the health report too.
        self.published: DeliveryStatus | None = None
        self._at = 0.0

    def _show(self, status: DeliveryStatus) -> None:
        if status != self.published:
            self.published = status
            self._on_status(status)

    def publish(
        self,
        connection: Connection,
        last_error: str,
        outbox_problem: str,
        *,
        after_delivery: bool = False,
    ) -> None:
        # Counting a long queue costs more than sending one item: while it drains, the depth
        # is reported a few times a second, not after every item.
        now = time.monotonic()
        if after_delivery and now - self._at < PUBLISH_INTERVAL_S:
            return
        self._at = now
        stats = self._outbox.stats()
        self._show(
            DeliveryStatus(
                connection,
                stats.depth,
                stats.oldest_created_at,
                stats.dead_letters,
                last_error,
                stats.last_dead_letter,
                outbox_problem,
                stats.held,
                stats.held_reason,
            )
        )

    def publish_safely(self, connection: Connection, last_error: str, outbox_problem: str) -> None:
        """:meth:`publish`, or, when the outbox cannot be read, a status that says so."""
        # Here, not at the top: the kiosk's interface reads this module's states before its
        # first frame, long before any outbox is opened.
        from offline_queue.outbox import OutboxError

        try:
            self.publish(connection, last_error, outbox_problem)
        except OutboxError:
            problem = outbox_problem or "outbox unreadable"
            self._show(DeliveryStatus(connection, 0, None, 0, last_error, outbox_problem=problem))
