"""The delivery worker: sends queued submissions to the hub, oldest first, until each is confirmed.

One supervised thread (``delivery``, :class:`common.supervised.SupervisedThread`). For the
oldest item that is due it sends the parts the hub has not acknowledged yet (attachments, then
the data document); every acknowledged part is recorded, so a restart resumes where it stopped,
and an item leaves the outbox only after the hub acknowledged its data part. Sending a part
twice is harmless: the hub answers "already have it". That is the whole of *exactly once in
effect*: at-least-once sending plus an idempotent receiver.

Two kinds of trouble, two backoffs:

- *The way to the hub is down* (no connection, timeouts, 502/503/504, 429, a captive portal or
  maintenance page, this terminal refused): every item would fail alike. The worker backs off
  as a whole, exponentially with jitter (a village of terminals does not stampede a recovering
  hub), and follows ``Retry-After``. No item is blamed.
  While it waits, it probes the hub cheaply (:mod:`offline_queue.probe`: an authenticated GET,
  about every 20 s, :class:`ProbePolicy`) and sends at once when the hub itself answers, so
  a recovered hub is used within ~25 s, not at the end of a 5-minute backoff.
- *This item's own trouble* (a server error on this request, a proxy's 413, a conflict): the
  item gets its own backoff (:class:`ItemPolicy`, kept in its outbox row, so a restart keeps
  it) and the items behind it go on. After ``max_tries`` counted failures, or ``max_age_s``
  after its first, it is parked as a dead letter with its reason — never dropped. Once two
  different items have failed so with nothing delivered in between, it is the hub failing for
  everyone: no failure counts against an item until something is delivered again, and the
  worker backs off as a whole as well.

A step that raises (a bug) is the supervisor's: logged once, retried with backoff, and an item
that keeps making it fail is parked as a dead letter (a poison item). The outbox's integrity is
checked every ``integrity_check_s`` seconds; damage found (by that check or any statement) is
set aside and salvaged at once (:meth:`Outbox.recover`). The status it publishes
(:class:`DeliveryStatus`) feeds the kiosk's "offline — N waiting" indicator and the health
report.

The health report (:mod:`wire.health`, scheduled by :mod:`offline_queue.health_reports`) goes
to the hub from this thread too, through the same client, after an item's step, never while the
worker backs off as a whole. Its content comes from a callable handed in (the kiosk's
``Outbound.queue_health``: this package knows nothing of the kiosk).

The published status and the waits live in :mod:`offline_queue.delivery_status` and
:mod:`offline_queue.backoff` (their names are imported from here as before).
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable

from common.supervised import Backoff as StepBackoff
from common.supervised import SupervisedThread, WorkerReport, WorkerState
from offline_queue.backoff import Backoff, ItemPolicy, ProbePolicy
from offline_queue.delivery_status import Connection, DeliveryStatus, StatusBoard
from offline_queue.health_reports import HealthReports
from offline_queue.hub_client import Answer, HubClient, Outcome
from offline_queue.outbox import Outbox, OutboxError, QueuedItem
from offline_queue.probe import Pause
from wire.health import MIN_INTERVAL_S as HEALTH_MIN_INTERVAL_S
from wire.orders import Order

# Re-exported: the worker's users import these from here.
__all__ = [
    "Backoff",
    "Connection",
    "DeliveryStatus",
    "DeliveryWorker",
    "ItemPolicy",
    "ProbePolicy",
]

log = logging.getLogger(__name__)

#: How often the outbox's database is checked for damage while the terminal runs.
INTEGRITY_CHECK_S = 3600.0
#: How often a health report goes to the hub when nothing changes (``[hub] health_interval_s``).
HEALTH_INTERVAL_S = 300.0


class DeliveryWorker:
    def __init__(
        self,
        outbox: Outbox,
        client: HubClient,
        *,
        on_status: Callable[[DeliveryStatus], None] = lambda status: None,
        on_delivered: Callable[[str], None] = lambda submission_id: None,
        on_orders: Callable[[tuple[Order, ...]], None] = lambda orders: None,
        on_configuration: Callable[[int], None] = lambda version: None,
        on_health_acknowledged: Callable[[], None] = lambda: None,
        on_report: Callable[[WorkerReport], None] | None = None,
        backoff: Backoff | None = None,
        item_policy: ItemPolicy | None = None,
        rng: random.Random | None = None,
        idle_poll_s: float = 60.0,
        integrity_check_s: float = INTEGRITY_CHECK_S,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
        health: Callable[[DeliveryStatus], bytes] | None = None,
        health_interval_s: float = HEALTH_INTERVAL_S,
        health_min_interval_s: float = HEALTH_MIN_INTERVAL_S,
        probe: Callable[[], Answer] | None = None,
        probe_policy: ProbePolicy | None = None,
    ) -> None:
        """``probe``: asks the hub cheaply whether it is back while the way to it fails
        (:class:`offline_queue.probe.HubProbe`); without one, only the backoff ends a wait."""
        self._outbox = outbox
        self._client = client
        self._on_delivered = on_delivered
        self._on_orders = on_orders
        self._on_configuration = on_configuration
        self._on_health_acknowledged = on_health_acknowledged
        self._backoff = backoff or Backoff()
        self._items = item_policy or ItemPolicy()
        self._rng = rng or random.Random()
        self._idle_poll_s = idle_poll_s
        self._integrity_check_s = integrity_check_s
        self._clock = clock
        self._monotonic = monotonic
        self._thread = SupervisedThread(
            "delivery",
            self._step,
            on_poison=self._park_poison,
            backoff=StepBackoff(first_s=self._backoff.base_s, cap_s=self._backoff.cap_s),
            on_report=on_report,
        )
        self._connection = Connection.UNKNOWN
        self._last_error = ""
        self._outbox_problem = ""
        self._failures = 0
        self._storage_failures = 0
        #: The way to the hub is down: nothing is sent until this pause ends (or a probe does).
        self._pause = Pause(probe, probe_policy or ProbePolicy(), self._rng, monotonic)
        self._next_check = monotonic() + integrity_check_s
        #: Items that met their own trouble since the last delivery.
        self._troubled: set[str] = set()
        self._board = StatusBoard(outbox, on_status)
        self._health = (
            HealthReports(
                health, interval_s=health_interval_s, min_interval_s=health_min_interval_s
            )
            if health is not None
            else None
        )

    # -- control (any thread) ------------------------------------------------------------

    def start(self) -> None:
        self._publish_safely()
        self._thread.start()

    def wake(self) -> None:
        """Something was enqueued: send it now unless the worker is backing off."""
        self._thread.wake()

    def report_soon(self) -> None:
        """Send a health report as soon as the hub's rate allows (an order was carried out)."""
        if self._health is not None:
            self._health.report_soon()
            self._thread.wake()

    def stop(self, timeout_s: float = 10.0) -> None:
        self._thread.stop(timeout_s)
        self._client.close()
        self._pause.close()

    @property
    def connection(self) -> Connection:
        return self._connection

    def report(self) -> WorkerReport:
        """The supervised thread's own health (running, recovering after faults, parked)."""
        return self._thread.report()

    # -- the worker thread ---------------------------------------------------------------

    def _step(self) -> float | None:
        """One step; returns how long to wait before the next (None: go on at once)."""
        delay = self._step_delivery()
        if self._health is None or self._published is None:
            return delay
        wait = self._health_step()
        if wait is None or delay is None:
            return delay
        return min(delay, wait)

    def _step_delivery(self) -> float | None:
        generation = self._outbox.generation
        try:
            delay = self._step_outbox()
        except OutboxError as exc:
            if exc.damaged:
                return self._recover(exc, generation)
            # The storage's fault, not the item's: reported, retried, no item parked for it.
            self._storage_failures += 1
            if self._outbox_problem != str(exc):
                log.error("delivery: %s", exc)
            self._outbox_problem = str(exc)
            self._publish_safely()
            return self._backoff.delay(self._storage_failures, self._rng, None)
        if self._outbox_problem:
            log.info("delivery: the outbox works again")
            self._outbox_problem = ""
            self._storage_failures = 0
            self._publish_safely()
        return delay

    def _health_step(self) -> float | None:
        """Send the health report if it is due; returns the seconds until it is due next
        (None when nothing waits for it: the delivery's own delay decides)."""
        assert self._health is not None and self._published is not None
        mono = self._monotonic()
        if self._pause.on(mono):
            return None  # the way to the hub is down: the report waits with the submissions
        if self._thread.report().state is WorkerState.IDLE:
            # The supervisor marks the worker running when its first step ends: the first
            # report waits for the next step (at once), so that it says how the worker is.
            return 0.0
        wait = self._health.wait(mono, self._published)
        if wait > 0:
            return wait
        # The newest status, not the last published: while a queue drains, deliveries publish
        # only every PUBLISH_INTERVAL_S. One count per report, at most one per 10 s.
        # The outbox's own trouble is the delivery step's to handle; the report says so.
        self._publish_safely()
        orders: list[Order] = []
        configuration: list[int] = []

        def send(body: bytes) -> Answer:
            answer = self._client.send_health(body)
            orders.extend(answer.orders)
            if answer.configuration is not None:
                configuration.append(answer.configuration)
            return answer

        delivered = self._health.send(mono, self._published, send, self._monotonic)
        if delivered:
            self._on_health_acknowledged()
        if orders:
            self._on_orders(tuple(orders))  # the hub's orders: carried out by the terminal
        if configuration:
            self._on_configuration(configuration[-1])  # fetched if newer than the terminal's
        if delivered and self._connection is Connection.UNKNOWN:
            # The hub's own acknowledgement: it is reachable (the next report says so).
            self._set_connection(Connection.ONLINE, self._last_error)
            self._publish()
        return None

    def _recover(self, damage: OutboxError, generation: int) -> float | None:
        """The database is damaged: set it aside and salvage it now, not at the next boot."""
        log.error("delivery: %s; recovering the outbox", damage)
        try:
            report = self._outbox.recover(generation)
        except OutboxError as exc:
            self._storage_failures += 1
            self._outbox_problem = str(exc)
            self._publish_safely()
            return self._backoff.delay(self._storage_failures, self._rng, None)
        self._outbox_problem = ""
        self._publish_safely()
        if report is not None:
            log.warning("delivery: outbox recovered (%s)", report.summary())
        return None

    def _step_outbox(self) -> float | None:
        mono = self._monotonic()
        if mono >= self._next_check:
            self._next_check = mono + self._integrity_check_s
            self._outbox.check()
        # A wake during the global backoff (a new submission) does not shorten it; only the
        # hub's own answer to a probe does.
        wait = self._pause.wait(mono)
        if wait is not None:
            return wait
        now = self._clock()
        item = self._outbox.next_due(now, self._items.cap_s)
        if item is None:
            self._publish()  # always: an empty queue is news
            due = self._outbox.next_due_at()
            if due is None:
                return self._idle_poll_s
            return min(self._idle_poll_s, max(0.01, due - now))
        self._thread.working_on(item.id)
        answer = self._send_item(item)
        if answer.outcome is Outcome.ACCEPTED:
            self._outbox.delivered(item)
            self._thread.item_done(item.id)
            self._troubled.clear()
            self._set_connection(Connection.ONLINE, "")
            self._failures = 0
            self._pause.delivered()
            log.info("delivered: attempts=%d", item.attempts + 1)
            self._on_delivered(item.id)
            self._publish(after_delivery=True)
            return None
        self._thread.working_on(None)
        if answer.outcome is Outcome.RETRY:
            return self._path_down(item, answer)
        return self._item_trouble(item, answer, now)

    def _path_down(self, item: QueuedItem, answer: Answer) -> float:
        """The way to the hub failed: every item would alike; back off as a whole."""
        self._outbox.failed_attempt(item, answer.reason)
        self._failures += 1
        self._set_connection(
            Connection.REFUSED if answer.refused else Connection.OFFLINE, answer.reason
        )
        self._publish()
        delay = self._backoff.delay(
            self._failures, self._rng, answer.retry_after_s, from_hub=answer.from_hub
        )
        return self._pause.start(delay, answer.retry_after_s, probe=True)

    def _item_trouble(self, item: QueuedItem, answer: Answer, now: float) -> float | None:
        """This item met its own trouble: its own backoff or the dead letters; others go on."""
        if answer.outcome is Outcome.REJECTED:
            self._park(item, answer.reason)
            return None
        counts = answer.outcome is not Outcome.ITEM_RETRY or answer.counts
        if counts:
            self._troubled.add(item.id)
        hub_wide = len(self._troubled) > 1
        if hub_wide:
            # Another item failed alike, nothing delivered since: the hub fails for everyone.
            # Nobody is blamed; the worker pauses as a whole as well.
            counts = False
        delay = self._items.delay(item.attempts + 1, self._rng)
        if answer.retry_after_s is not None:
            delay = max(delay, answer.retry_after_s)
        not_before = now + delay
        if answer.outcome is Outcome.RESEND:
            self._outbox.restart_parts(item)
            not_before = now  # starting over is the cure: at once
        tries = self._outbox.item_failed(item, answer.reason, counts=counts, not_before=not_before)
        first = item.first_failed_at if item.first_failed_at is not None or not counts else now
        if self._items.gives_up(answer.outcome, tries if counts else None, first, now):
            self._park(item, f"{answer.reason} ({tries} tries)")
            return None
        log.warning("delivery: one item waits (%s); the others go on", answer.reason)
        self._set_connection(
            Connection.ONLINE if answer.from_hub else self._connection, answer.reason
        )
        self._publish()
        if hub_wide:
            self._failures += 1
            pause = self._backoff.delay(
                self._failures, self._rng, answer.retry_after_s, from_hub=answer.from_hub
            )
            # The hub answers but fails for everyone: a probe would say "here" and the sends
            # would fail again; only the backoff ends this wait.
            return self._pause.start(pause, answer.retry_after_s, probe=False)
        return None

    def _park(self, item: QueuedItem, reason: str) -> None:
        log.error("delivery given up for one item, kept as dead letter: %s", reason)
        self._outbox.dead_letter(item, reason)
        self._thread.item_done(item.id)
        self._troubled.discard(item.id)
        self._set_connection(Connection.ONLINE, reason)
        self._publish()

    def _park_poison(self, item_id: str, fault: str) -> None:
        """The supervisor found ``item_id`` making the step fail again and again (a bug)."""
        self._outbox.dead_letter_by_id(item_id, f"delivery fault: {fault}")
        self._publish_safely()

    def _send_item(self, item: QueuedItem) -> Answer:
        answer = Answer(Outcome.ACCEPTED)
        for index in range(item.parts_done, item.parts_total):
            if self._thread.stopping:
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
            # Back (or there from the start) is good news; lost or refused is a warning.
            level = logging.INFO if connection is Connection.ONLINE else logging.WARNING
            log.log(level, "hub connection: %s%s", connection.value, f" ({error})" if error else "")
        self._connection = connection
        self._last_error = error

    @property
    def _published(self) -> DeliveryStatus | None:
        return self._board.published

    def _publish_safely(self) -> None:
        self._board.publish_safely(self._connection, self._last_error, self._outbox_problem)

    def _publish(self, *, after_delivery: bool = False) -> None:
        self._board.publish(
            self._connection, self._last_error, self._outbox_problem, after_delivery=after_delivery
        )
