"""The delivery worker: sends queued submissions to the hub, oldest first, until each is confirmed.

One thread (``delivery``). For the oldest item it sends the parts the hub has not confirmed yet
(attachments, then the data document); every confirmed part is recorded, so a restart resumes
where it stopped, and an item leaves the outbox only after the hub confirmed its data part.
Sending a part twice is harmless: the hub answers 200 for what it already has. That is the
whole of *exactly once in effect*: at-least-once sending plus an idempotent receiver.

When the hub cannot be reached the worker backs off exponentially with jitter (so a village of
terminals does not stampede a recovering hub) and follows ``Retry-After``. The status it
publishes (:class:`DeliveryStatus`) feeds the kiosk's "offline — N waiting" indicator and the
health report.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from offline_queue.hub_client import Answer, HubClient, Outcome
from offline_queue.outbox import Outbox, OutboxError, QueuedItem

log = logging.getLogger(__name__)

#: A 409 "other content under this id" cannot heal by itself; after this many tries the item
#: goes to the dead letters, where a technician sees it.
MAX_CONFLICTS = 3
#: The hub lost attachments it had confirmed: start the item over at most this often.
MAX_RESENDS = 3
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
    #: The last failure's non-personal reason ("no connection", "HTTP 503 unavailable").
    last_error: str = ""


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff with "equal jitter": half the delay fixed, half random."""

    base_s: float = 1.0
    cap_s: float = 300.0

    def delay(self, failures: int, rng: random.Random, retry_after_s: float | None) -> float:
        step = min(self.cap_s, self.base_s * 2.0 ** min(failures - 1, 30))
        delay = step / 2 + rng.uniform(0, step / 2)
        if retry_after_s is not None:
            # The hub knows best when it will be back, even beyond our own cap (the client
            # bounds it at an hour); a little jitter still spreads the terminals.
            delay = retry_after_s + rng.uniform(0, min(1.0, self.base_s))
        return delay


class DeliveryWorker:
    def __init__(
        self,
        outbox: Outbox,
        client: HubClient,
        *,
        on_status: Callable[[DeliveryStatus], None] = lambda status: None,
        on_delivered: Callable[[str], None] = lambda submission_id: None,
        backoff: Backoff | None = None,
        rng: random.Random | None = None,
        idle_poll_s: float = 60.0,
    ) -> None:
        self._outbox = outbox
        self._client = client
        self._on_status = on_status
        self._on_delivered = on_delivered
        self._backoff = backoff or Backoff()
        self._rng = rng or random.Random()
        self._idle_poll_s = idle_poll_s
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._connection = Connection.UNKNOWN
        self._last_error = ""
        self._failures = 0
        self._published: DeliveryStatus | None = None
        self._published_at = 0.0
        #: Conflicts and resends per item id since start (network failures do not count).
        self._item_troubles: dict[str, int] = {}

    # -- control (any thread) ------------------------------------------------------------

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="delivery", daemon=True)
            self._thread.start()

    def wake(self) -> None:
        """Something was enqueued: send it now unless the worker is backing off."""
        self._wake.set()

    def stop(self, timeout_s: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
            self._thread = None
        self._client.close()

    @property
    def connection(self) -> Connection:
        return self._connection

    # -- the worker thread ---------------------------------------------------------------

    def _run(self) -> None:
        self._publish()
        while not self._stop.is_set():
            try:
                delay = self._step()
            except OutboxError as exc:
                log.error("delivery: %s", exc)
                delay = self._backoff.cap_s
            except Exception as exc:
                log.error("delivery: unexpected %s", type(exc).__name__)
                log.debug("delivery fault", exc_info=exc)
                delay = self._backoff.cap_s
            if delay is None:
                continue
            if delay > 0:
                self._stop.wait(delay)

    def _step(self) -> float | None:
        """Handle the oldest item; returns how long to wait before the next step (None: go)."""
        item = self._outbox.oldest()
        if item is None:
            self._publish()  # always: an empty queue is news
            self._wake.wait(self._idle_poll_s)
            self._wake.clear()
            return None
        answer = self._send_item(item)
        if answer.outcome is Outcome.ACCEPTED:
            self._outbox.delivered(item)
            self._item_troubles.pop(item.id, None)
            self._set_connection(Connection.ONLINE, "")
            self._failures = 0
            log.info("delivered: attempts=%d", item.attempts + 1)
            self._on_delivered(item.id)
            self._publish(after_delivery=True)
            return None
        self._outbox.failed_attempt(item, answer.reason)
        if answer.outcome in (Outcome.CONFLICT, Outcome.RESEND):
            self._item_troubles[item.id] = self._item_troubles.get(item.id, 0) + 1
        limit = MAX_CONFLICTS if answer.outcome is Outcome.CONFLICT else MAX_RESENDS
        if answer.outcome is Outcome.REJECTED or (
            answer.outcome in (Outcome.CONFLICT, Outcome.RESEND)
            and self._item_troubles[item.id] >= limit
        ):
            log.error("delivery refused for good, kept as dead letter: %s", answer.reason)
            self._outbox.dead_letter(item, answer.reason)
            self._item_troubles.pop(item.id, None)
            self._set_connection(Connection.ONLINE, answer.reason)
            self._publish()
            return None
        if answer.outcome is Outcome.RESEND:
            self._outbox.restart_parts(item)
            self._set_connection(Connection.ONLINE, answer.reason)
            self._publish()
            return None
        self._failures += 1
        state = Connection.REFUSED if answer.refused else Connection.OFFLINE
        if answer.outcome is Outcome.CONFLICT:
            state = Connection.ONLINE
        self._set_connection(state, answer.reason)
        self._publish()
        return self._backoff.delay(self._failures, self._rng, answer.retry_after_s)

    def _send_item(self, item: QueuedItem) -> Answer:
        answer = Answer(Outcome.ACCEPTED)
        for index in range(item.parts_done, item.parts_total):
            if self._stop.is_set():
                return Answer(Outcome.RETRY, reason="stopping")
            part = self._outbox.part(item, index)
            answer = self._client.send(item.id, part)
            if answer.outcome is not Outcome.ACCEPTED:
                return answer
            if index < item.parts_total - 1:
                self._outbox.part_done(item, index)
        return answer

    def _set_connection(self, connection: Connection, error: str) -> None:
        if connection is not self._connection:
            # Availability is state: logged once when it changes, not on every retry.
            log.warning("hub connection: %s%s", connection.value, f" ({error})" if error else "")
        self._connection = connection
        self._last_error = error

    def _publish(self, *, after_delivery: bool = False) -> None:
        # Counting a long queue costs more than sending one item: while it drains, the depth
        # is reported a few times a second, not after every item.
        now = time.monotonic()
        if after_delivery and now - self._published_at < PUBLISH_INTERVAL_S:
            return
        self._published_at = now
        stats = self._outbox.stats()
        status = DeliveryStatus(
            self._connection,
            stats.depth,
            stats.oldest_created_at,
            stats.dead_letters,
            self._last_error,
        )
        if status != self._published:
            self._published = status
            self._on_status(status)
