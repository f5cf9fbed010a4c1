"""What leaves the terminal: its outbox, the delivery thread that empties it towards the hub,
and the queue's health (what the fleet report and the technician see).

The :class:`~kiosk.terminal.Terminal` owns one for the life of the process and opens it in the
second step of its start; like the terminal, this module imports the outbox and the delivery
machinery only when they are first used (after the first frame).
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.config import KioskConfig
from kiosk.scheduling import Scheduler

if TYPE_CHECKING:
    from common.supervised import WorkerReport
    from kiosk.equipment import Equipment
    from kiosk.health import QueueHealth
    from kiosk.scheduling import Worker
    from offline_queue.delivery import Backoff, DeliveryStatus, DeliveryWorker
    from offline_queue.outbox import Outbox, OutboxStats
    from wire.orders import Order

log = logging.getLogger(__name__)


#: When this program started (the health report's uptime).
STARTED = time.monotonic()


@dataclass(frozen=True)
class DeviceStates:
    camera: str = ""
    printer: str = ""
    card_reader: str = ""
    config_version: str = ""
    config_problem: str = ""


class Outbound:
    """The outbox and its delivery thread. Status changes and deliveries come back to the
    scheduler's thread through ``on_status`` and ``on_delivered``."""

    def __init__(
        self,
        config: Callable[[], KioskConfig],
        scheduler: Scheduler,
        backoff: Backoff | None = None,
    ) -> None:
        #: The terminal's configuration, read where it is used (the terminal's may be replaced).
        self._config = config
        self._scheduler = scheduler
        self._backoff = backoff
        self.outbox: Outbox | None = None
        #: The delivery thread (None until started, or when the hub's address is refused).
        self.worker: DeliveryWorker | None = None
        #: The outbox's writer thread (the equipment's), once delivery has started.
        self.writer: Worker | None = None
        #: Where a damaged outbox was moved at start (for the health report), if it was.
        self.recovered_from: Path | None = None
        #: What was salvaged from it ("" if nothing was damaged).
        self.salvage = ""
        #: The supervised delivery thread's state ("running", "recovering after 2 faults …").
        self.delivery_worker = ""
        self._storage_was_ok = True
        self._version: str | None = None
        #: Out of order by the hub's order (the health report says so).
        self.disabled = False
        #: An order whose confirmation, once the hub has it, lets something happen (the
        #: decommissioning's wipe): its id, whether a report carried it, and what to do.
        self._confirming: tuple[int, Callable[[], None]] | None = None
        self._confirm_sent = False
        #: The last self-test for the report: when, and (name, result, detail) per check.
        self.self_test: tuple[float, tuple[tuple[str, str, str], ...]] = (0.0, ())
        #: The hub's orders carried out lately, confirmed in every report (the hub marks each
        #: once; a few more than an answer brings, so none is lost to a report that failed).
        self._orders_done: deque[int] = deque(maxlen=32)
        self._orders_lock = threading.Lock()  # (filled on the core's thread, read on delivery's)
        #: The devices' states for the health report (the terminal sets it; read on the
        #: delivery thread: plain attribute reads).
        self.device_states: Callable[[], DeviceStates | None] = lambda: None
        #: Called (on the scheduler's thread) with the orders an answer of the hub carried.
        self.on_orders: Callable[[tuple[Order, ...]], None] = lambda orders: None
        #: Called (on the scheduler's thread) with the configuration version the hub names.
        self.on_configuration: Callable[[int], None] = lambda version: None

    @property
    def config(self) -> KioskConfig:
        return self._config()

    def open(self) -> Outbox:
        """The outbox, opened (and its folder made private) on the first call. Raises
        :class:`~offline_queue.outbox.OutboxError` or :class:`OSError` when it cannot be."""
        if self.outbox is not None:
            return self.outbox
        from offline_queue.outbox import Outbox

        self.config.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.config.data_dir.chmod(0o700)
        outbox = Outbox(self.config.data_dir / "outbox.sqlite")
        if outbox.recovered_from is not None:
            self.recovered_from = outbox.recovered_from
            log.error(
                "outbox was damaged and was moved aside (%s); a fresh one is in use",
                outbox.recovered_from.name,
            )
        if outbox.salvage is not None:
            self.salvage = outbox.salvage.summary()
        self.outbox = outbox
        return outbox

    def start_delivery(
        self,
        equipment: Equipment,
        on_status: Callable[[DeliveryStatus], None],
        on_delivered: Callable[[str], None],
    ) -> None:
        """Start the delivery thread (once), and give ``equipment`` its status look-up."""
        if self.worker is not None or self.outbox is None:
            return
        self.writer = equipment.outbox_worker
        from kiosk.hub_link import call_dialer, hub_client, hub_probe, status_lookup
        from offline_queue.delivery import DeliveryStatus, DeliveryWorker

        hub = self.config.hub
        client = hub_client(hub, self.outbox)
        equipment.status_lookup = status_lookup(hub)
        equipment.call_dialer = call_dialer(hub, equipment.devices.sound)
        # While the way to the hub fails: asks it cheaply whether it is back (~every 20 s).
        probe = hub_probe(hub)
        if isinstance(client, DeliveryStatus):
            on_status(client)
            return

        def health_document(status: DeliveryStatus) -> bytes:
            # On the delivery thread, with its newest status (the posted copy may lag).
            report = equipment.devices.card_reader.worker_report()
            return self._health_document(status, report)

        self.worker = DeliveryWorker(
            self.outbox,
            client,
            on_status=lambda status: self._scheduler.post(lambda: on_status(status)),
            on_delivered=lambda sid: self._scheduler.post(lambda: on_delivered(sid)),
            on_orders=lambda orders: self._scheduler.post(lambda: self.on_orders(orders)),
            on_configuration=lambda v: self._scheduler.post(lambda: self.on_configuration(v)),
            on_health_acknowledged=self._health_acknowledged,
            on_report=self._worker_report,
            backoff=self._backoff,
            health=health_document,
            health_interval_s=hub.health_interval_s,
            probe=probe,
        )
        self.worker.start()

    def wake(self, on_status: Callable[[DeliveryStatus], None], status: DeliveryStatus) -> None:
        """A submission was stored: send it now. Without a sender the queue only grows;
        ``on_status`` then gets a status that says so (the last ``status``'s connection)."""
        if self.worker is not None:
            self.worker.wake()
        elif self.outbox is not None:
            from kiosk.hub_link import queue_status

            on_status(queue_status(self.outbox, status.connection))

    def _health_document(self, status: DeliveryStatus, card_reader: WorkerReport | None) -> bytes:
        from kiosk.health import health_report, software_version

        if self._version is None:
            self._version = software_version()  # importlib.metadata: not before the first frame
        health = self.queue_health(status, card_reader, devices=self.device_states())
        report = health_report(health, self._version, self.config.hub.health_interval_s)
        with self._orders_lock:
            done = tuple(self._orders_done)
        with self._orders_lock:
            confirming = self._confirming
            if confirming is not None and confirming[0] in done:
                self._confirm_sent = True  # (this report carries it: its ack counts)
        tested_at, checks = self.self_test
        report = dataclasses.replace(
            report,
            orders_done=done,
            disabled=self.disabled,
            self_test_at=tested_at,
            self_test=checks,
        )
        return report.to_json()

    def order_done(self, order_id: int) -> None:
        with self._orders_lock:
            if order_id not in self._orders_done:
                self._orders_done.append(order_id)

    def confirm_then(self, order_id: int, then: Callable[[], None]) -> None:
        """Call ``then`` (on the delivery thread) once a report confirming ``order_id`` has
        the hub's acknowledgement (set before the order is marked done: a report built in
        between must count)."""
        with self._orders_lock:
            if self._confirming is not None and self._confirming[0] == order_id:
                return
            self._confirm_sent = False
            self._confirming = (order_id, then)

    def _health_acknowledged(self) -> None:
        with self._orders_lock:
            confirming = self._confirming if self._confirm_sent else None
            if confirming is not None:
                self._confirming = None
        if confirming is not None:
            confirming[1]()

    def queue_stats(self) -> OutboxStats | None:
        """The outbox's own count now (not a status posted a moment ago), or None when it
        cannot be read."""
        from offline_queue.outbox import OutboxError

        if self.outbox is None:
            return None
        try:
            return self.outbox.stats()
        except OutboxError:
            return None

    def wipe_outbox(self) -> None:
        """Decommissioned: the queue's database and its files removed (delivered or handed
        over before: nothing of a citizen's is in it)."""
        path = self.config.data_dir / "outbox.sqlite"
        self.close_outbox()
        for name in (path.name, path.name + "-wal", path.name + "-shm"):
            (path.parent / name).unlink(missing_ok=True)

    def resend_dead_letters(self, order_id: int, then: Callable[[], None]) -> None:
        """The hub's order: every dead letter back into the queue (on the outbox's writer
        thread: SQLite writes), then ``then`` (wakes delivery) and the order confirmed. They
        are sent as any queued item; one the hub refuses again becomes a dead letter again,
        with the new reason."""
        outbox, worker = self.outbox, self.writer
        if outbox is None or worker is None:
            return  # (no outbox yet: not confirmed; the hub names the order again)

        def requeue() -> int:
            return sum(outbox.requeue_dead_letter(d.id) for d in outbox.dead_letters())

        def done(result: object) -> None:
            if isinstance(result, Exception):
                log.error("dead letters not put back (%s)", type(result).__name__)
                return
            log.warning("%s dead letter(s) put back into the queue on the hub's order", result)
            self.order_done(order_id)
            then()
            self.report_soon()

        worker.submit(requeue, done)

    def report_soon(self) -> None:
        """Send a health report now (an order was carried out: the hub shows it at once)."""
        if self.worker is not None:
            self.worker.report_soon()

    def _worker_report(self, report: WorkerReport) -> None:
        # Any thread; a plain attribute read by queue_health (no session state touched).
        from kiosk.health import describe_worker

        self.delivery_worker = describe_worker(report)

    def queue_health(
        self,
        status: DeliveryStatus,
        card_reader: WorkerReport | None,
        now: float | None = None,
        camera: str = "",
        devices: DeviceStates | None = None,
    ) -> QueueHealth:
        """The queue's state for the fleet report (reads plain attributes and stats the
        outbox's file: safe on the delivery thread)."""
        from kiosk.health import QueueHealth, describe_worker, threads_died

        # The outbox may have set a damaged file aside while running (not only at start).
        outbox = self.outbox
        recovered = self.recovered_from
        salvage = self.salvage
        if outbox is not None and outbox.recovered_from is not None:
            recovered = outbox.recovered_from
            salvage = outbox.salvage.summary() if outbox.salvage else salvage
        oldest = status.oldest_created_at
        when = time.time() if now is None else now
        return QueueHealth(
            connection=status.connection.value,
            depth=status.depth,
            oldest_age_s=0.0 if oldest is None else max(0.0, when - oldest),
            dead_letters=status.dead_letters,
            last_error=status.last_error,
            outbox_recovered_from=recovered.name if recovered else "",
            storage_ok=self.storage_ok(log_problem=False),
            last_dead_letter=status.last_dead_letter,
            outbox_salvage=salvage,
            outbox_problem=status.outbox_problem,
            held=status.held,
            held_reason=status.held_reason,
            delivery_worker=self.delivery_worker,
            card_reader_worker=describe_worker(card_reader),
            threads_died=threads_died(),
            camera=devices.camera if devices is not None else camera,
            printer=devices.printer if devices is not None else "",
            card_reader=devices.card_reader if devices is not None else "",
            uptime_s=time.monotonic() - STARTED,
            config_version=devices.config_version if devices is not None else "",
            config_problem=devices.config_problem if devices is not None else "",
        )

    def storage_ok(self, log_problem: bool = True) -> bool:
        """Whether a new submission can be stored: checked before a citizen starts a form."""
        if self.outbox is None:
            return False
        if not self.outbox.usable():
            # Its file was deleted or replaced: told before a form is started, never after.
            if log_problem and self._storage_was_ok:
                log.error("outbox file is gone or replaced; no new submissions")
                self._storage_was_ok = False
            return False
        free = self.outbox.free_bytes()
        ok = free >= self.config.hub.min_free_mb * 1_000_000
        if log_problem and ok != self._storage_was_ok:
            # State, logged when it changes, not for every citizen who asks.
            if ok:
                log.info("disk space available again: %d MB free", free // 1_000_000)
            else:
                log.error("disk almost full: %d MB free; no new submissions", free // 1_000_000)
            self._storage_was_ok = ok
        return ok

    def stop_delivery(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker = None

    def close_outbox(self) -> None:
        """Last at shutdown: after the devices' workers, whose queued jobs (a submission being
        stored) still write to it."""
        if self.outbox is not None:
            self.outbox.close()
            self.outbox = None
