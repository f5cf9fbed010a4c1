"""The terminal: wires configuration, catalogue, devices, outbox and the citizen session.

It also owns the terminal's availability. A broken catalogue or an unusable data folder puts
the terminal *out of service* (a calm screen for the citizen, the reason in the log) and it
retries on a timer; an unexpected error (a bug) wipes the session, shows the same screen for a
moment and comes back. Only repeated faults keep it out of service until the next retry.

Start-up comes in two steps when the kiosk asks for it (``defer_setup``): :meth:`Terminal.boot`
loads the catalogue, which is all the attract screen shows, and :meth:`Terminal.finish_start`
(called once that screen's first frame is on the display) opens the outbox, loads the hub's
key, builds the devices and the session and starts delivery. What only the second step needs
is imported there, not at the top of this module: the first frame does not wait for the card
stack, the sealing library or the delivery machinery.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from catalogue.loader import CatalogueError, load_catalogue
from catalogue.model import Catalogue
from kiosk.config import KioskConfig
from kiosk.scheduling import Clock, Scheduler, TimerHandle, system_clock
from kiosk.session.states import EndReason

if TYPE_CHECKING:
    from common.supervised import WorkerReport
    from drivers.devices import Devices
    from kiosk.equipment import Equipment
    from kiosk.health import QueueHealth
    from kiosk.session import Session
    from offline_queue.delivery import Backoff, DeliveryStatus, DeliveryWorker
    from offline_queue.outbox import Outbox

__all__ = [
    "FAULT_RECOVERY_S",
    "FAULT_WINDOW_S",
    "MAX_FAULTS",
    "Availability",
    "OutOfServiceReason",
    "Terminal",
]

log = logging.getLogger(__name__)

#: Seconds the out-of-service screen stays after a fault before the terminal comes back.
FAULT_RECOVERY_S = 8.0
#: More faults than this within FAULT_WINDOW_S keep the terminal out of service.
MAX_FAULTS = 3
FAULT_WINDOW_S = 600.0


class Availability(StrEnum):
    STARTING = "starting"
    IN_SERVICE = "in_service"
    OUT_OF_SERVICE = "out_of_service"


class OutOfServiceReason(StrEnum):
    CATALOGUE = "catalogue"
    STORAGE = "storage"
    SETUP = "setup"  # the hub's key is missing or unusable: nothing could be sealed
    FAULT = "fault"


@dataclass(frozen=True)
class Offer:
    """What the citizen is offered: the catalogue and the languages both it and the
    configuration have (the attract screen needs nothing else)."""

    catalogue: Catalogue
    languages: tuple[str, ...]
    default_language: str


class Terminal:
    """The terminal for the life of the process: its devices and their state (``equipment``),
    the outbox and delivery, its availability, and the session object serving citizens."""

    def __init__(
        self,
        config: KioskConfig,
        scheduler: Scheduler,
        devices: Devices | Callable[[], Devices],
        monotonic: Callable[[], float] = time.monotonic,
        backoff: Backoff | None = None,
        clock: Clock = system_clock,
        known_icons: Collection[str] | None = None,
        defer_setup: bool = False,
    ) -> None:
        self.config = config
        #: The icons the interface can draw: the catalogue may name no other.
        self._known_icons = known_icons
        #: The first boot() stops after the catalogue; finish_start() does the rest. The kiosk
        #: calls it once its first frame is on screen: until then the outbox, the hub's key, the
        #: devices and the delivery thread would compete with that frame for the interpreter.
        self._setup_deferred = defer_setup
        #: The catalogue loaded by a boot() whose second step is still to come.
        self._offer: Offer | None = None
        self._scheduler = scheduler
        #: The wall clock the session dates submissions by and checks dates against.
        self.clock = clock
        # Built when first needed (the first boot), so that no driver is imported before it.
        self._make_devices = devices
        self._equipment: Equipment | None = None
        self._monotonic = monotonic
        self.availability = Availability.STARTING
        self.reason: OutOfServiceReason | None = None
        self.session: Session | None = None
        self._outbox: Outbox | None = None
        self._retry: TimerHandle | None = None
        self._fault_times: list[float] = []
        self._listeners: list[Callable[[], None]] = []
        self._reader_started = False
        self._backoff = backoff
        self._delivery: DeliveryWorker | None = None
        #: Where a damaged outbox was moved at start (for the health report), if it was.
        self.outbox_recovered_from: Path | None = None
        #: What was salvaged from it ("" if nothing was damaged).
        self.outbox_salvage = ""
        #: The supervised delivery thread's state ("running", "recovering after 2 faults …").
        self.delivery_worker = ""
        self._storage_was_ok = True
        self._version: str | None = None

    @property
    def equipment(self) -> Equipment:
        """The devices and their state (the first use builds the devices)."""
        if self._equipment is None:
            from drivers.devices import Devices
            from kiosk.equipment import Equipment

            made = self._make_devices
            devices = made if isinstance(made, Devices) else made()
            self._equipment = Equipment(
                devices, self._scheduler, printer_poll_s=self.config.devices.printer_poll_s
            )
        return self._equipment

    @property
    def devices(self) -> Devices:
        return self.equipment.devices

    @property
    def delivery_status(self) -> DeliveryStatus:
        """The link to the hub and the queue's depth (device state: kept without a session)."""
        return self.equipment.hub

    def subscribe(self, listener: Callable[[], None]) -> None:
        """``listener`` is called whenever availability or the session object changes."""
        self._listeners.append(listener)

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()

    @property
    def catalogue(self) -> Catalogue | None:
        """The catalogue the citizen is offered (None while out of service)."""
        if self.session is not None:
            return self.session.catalogue
        return self._offer.catalogue if self._offer is not None else None

    @property
    def language(self) -> str:
        """The language on screen: the session's, or before it exists the default one."""
        if self.session is not None:
            return self.session.language
        if self._offer is not None:
            return self._offer.default_language
        return self.config.default_language

    @property
    def starting(self) -> bool:
        """The attract screen can be shown; the rest is being set up (finish_start)."""
        return self.availability is Availability.STARTING and self._offer is not None

    def boot(self) -> None:
        """Load what the terminal needs; on failure go out of service and retry later."""
        self._retry = None
        offer = self._load_offer()
        if offer is None:
            return
        if self._setup_deferred:
            self._offer = offer
            self._notify()
            return
        self._set_up(offer)

    def finish_start(self) -> None:
        """The second step of a deferred start (``defer_setup``): called once the attract
        screen is on the display. Later calls do nothing."""
        if not self._setup_deferred:
            return
        self._setup_deferred = False
        offer, self._offer = self._offer, None
        if offer is not None and self.availability is Availability.STARTING:
            self._set_up(offer)

    def _load_offer(self) -> Offer | None:
        try:
            catalogue = load_catalogue(self.config.catalogue_path, self._known_icons)
        except CatalogueError as exc:
            for problem in exc.problems:
                log.error("catalogue: %s", problem)
            self._out_of_service(
                OutOfServiceReason.CATALOGUE, self.config.timeouts.out_of_service_retry_s
            )
            return None
        languages = tuple(lang for lang in self.config.languages if lang in catalogue.languages)
        if not languages:
            log.error(
                "catalogue: none of the configured languages %s is in the catalogue",
                ",".join(self.config.languages),
            )
            self._out_of_service(
                OutOfServiceReason.CATALOGUE, self.config.timeouts.out_of_service_retry_s
            )
            return None
        default_language = self.config.default_language
        if default_language not in languages:
            log.warning(
                "catalogue lacks the default language %s; using %s", default_language, languages[0]
            )
            default_language = languages[0]
        return Offer(catalogue, languages, default_language)

    def _set_up(self, offer: Offer) -> None:
        from kiosk.equipment import CardEvents
        from kiosk.receipt import read_logo
        from kiosk.session import Session
        from offline_queue.outbox import Outbox, OutboxError
        from wire.sealing import SealError, load_public_key

        try:
            if self._outbox is None:
                self.config.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
                self.config.data_dir.chmod(0o700)
                self._outbox = Outbox(self.config.data_dir / "outbox.sqlite")
                if self._outbox.recovered_from is not None:
                    self.outbox_recovered_from = self._outbox.recovered_from
                    log.error(
                        "outbox was damaged and was moved aside (%s); a fresh one is in use",
                        self._outbox.recovered_from.name,
                    )
                if self._outbox.salvage is not None:
                    self.outbox_salvage = self._outbox.salvage.summary()
        except (OutboxError, OSError) as exc:
            log.error("outbox: %s", exc)
            self._out_of_service(
                OutOfServiceReason.STORAGE, self.config.timeouts.out_of_service_retry_s
            )
            return
        try:
            hub_key = load_public_key(self.config.hub.public_key)
        except SealError as exc:
            log.error("hub key: %s", exc)
            self._out_of_service(
                OutOfServiceReason.SETUP, self.config.timeouts.out_of_service_retry_s
            )
            return
        equipment = self.equipment
        equipment.start()
        self._start_delivery(self._outbox)
        if self.session is not None:
            self.session.close()
        self.session = Session(
            catalogue=offer.catalogue,
            equipment=equipment,
            outbox=self._outbox,
            scheduler=self._scheduler,
            timeouts=self.config.timeouts,
            terminal_id=self.config.terminal_id,
            languages=offer.languages,
            default_language=offer.default_language,
            status_url=self.config.status_url,
            hub_key=hub_key,
            storage_ok=self._storage_ok,
            on_stored=self._wake_delivery,
            receipt_logo=read_logo(self.config.receipt_logo),
            receipt_email=self.config.receipt_email,
            clock=self.clock,
        )
        if not self._reader_started:
            events = CardEvents(self._scheduler, equipment, lambda: self.session)
            equipment.devices.card_reader.start(events)
            self._reader_started = True
        if self.availability is not Availability.IN_SERVICE:
            log.info("terminal in service")
        self.availability = Availability.IN_SERVICE
        self.reason = None
        self._notify()

    # --- delivery ------------------------------------------------------------------------

    def _start_delivery(self, outbox: Outbox) -> None:
        if self._delivery is not None:
            return
        from kiosk.hub_link import hub_client, hub_probe, status_lookup
        from offline_queue.delivery import DeliveryStatus, DeliveryWorker

        hub = self.config.hub
        client = hub_client(hub, outbox)
        self.equipment.status_lookup = status_lookup(hub)
        # While the way to the hub fails: asks it cheaply whether it is back (~every 20 s).
        probe = hub_probe(hub)
        if isinstance(client, DeliveryStatus):
            self._delivery_status(client)
            return
        self._delivery = DeliveryWorker(
            outbox,
            client,
            on_status=lambda status: self._scheduler.post(lambda: self._delivery_status(status)),
            on_delivered=lambda sid: self._scheduler.post(lambda: self._delivered(sid)),
            on_report=self._worker_report,
            backoff=self._backoff,
            health=self._health_document,
            health_interval_s=hub.health_interval_s,
            probe=probe,
        )
        self._delivery.start()

    def _health_document(self, status: DeliveryStatus) -> bytes:
        # Called on the delivery thread with its newest status (the posted copy may lag);
        # the rest of queue_health reads plain attributes and stats the outbox's file.
        from kiosk.health import health_report, software_version

        if self._version is None:
            self._version = software_version()  # importlib.metadata: not before the first frame
        report = health_report(
            self.queue_health(status=status), self._version, self.config.hub.health_interval_s
        )
        return report.to_json()

    def _delivery_status(self, status: DeliveryStatus) -> None:
        if self.session is not None:
            self.session.on_delivery_status(status)
        else:
            self.equipment.hub = status

    def _worker_report(self, report: WorkerReport) -> None:
        # Any thread; a plain attribute read by queue_health (no session state touched).
        from kiosk.health import describe_worker

        self.delivery_worker = describe_worker(report)

    def _delivered(self, submission_id: str) -> None:
        if self.session is not None:
            self.session.on_delivered(submission_id)

    def _wake_delivery(self) -> None:
        if self._delivery is not None:
            self._delivery.wake()
        elif self._outbox is not None:
            from kiosk.hub_link import queue_status

            # No sender: the queue only grows; keep the indicator true.
            self._delivery_status(queue_status(self._outbox, self.delivery_status.connection))

    def queue_health(
        self, now: float | None = None, status: DeliveryStatus | None = None
    ) -> QueueHealth:
        from kiosk.health import QueueHealth, describe_worker, threads_died

        status = self.delivery_status if status is None else status
        # The outbox may have set a damaged file aside while running (not only at boot).
        outbox = self._outbox
        recovered = self.outbox_recovered_from
        salvage = self.outbox_salvage
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
            storage_ok=self._storage_ok(log_problem=False),
            last_dead_letter=status.last_dead_letter,
            outbox_salvage=salvage,
            outbox_problem=status.outbox_problem,
            held=status.held,
            held_reason=status.held_reason,
            delivery_worker=self.delivery_worker,
            # Not built yet (out of service since start): nothing to report, nothing to build.
            card_reader_worker=describe_worker(
                self._equipment.devices.card_reader.worker_report() if self._equipment else None
            ),
            threads_died=threads_died(),
        )

    def _storage_ok(self, log_problem: bool = True) -> bool:
        """Whether a new submission can be stored: checked before a citizen starts a form."""
        if self._outbox is None:
            return False
        if not self._outbox.usable():
            # Its file was deleted or replaced: told before a form is started, never after.
            if log_problem and self._storage_was_ok:
                log.error("outbox file is gone or replaced; no new submissions")
                self._storage_was_ok = False
            return False
        free = self._outbox.free_bytes()
        ok = free >= self.config.hub.min_free_mb * 1_000_000
        if log_problem and ok != self._storage_was_ok:
            # State, logged when it changes, not for every citizen who asks.
            if ok:
                log.info("disk space available again: %d MB free", free // 1_000_000)
            else:
                log.error("disk almost full: %d MB free; no new submissions", free // 1_000_000)
            self._storage_was_ok = ok
        return ok

    def _out_of_service(self, reason: OutOfServiceReason, retry_s: float) -> None:
        if self.availability is not Availability.OUT_OF_SERVICE or self.reason is not reason:
            log.warning("terminal out of service: %s", reason.value)
        self.availability = Availability.OUT_OF_SERVICE
        self.reason = reason
        self._offer = None
        if self.session is not None:
            self.session.close()
        self.session = None
        if self._retry is not None:
            self._retry.cancel()
        self._retry = self._scheduler.call_later("out-of-service-retry", retry_s, self.boot)
        self._notify()

    def fault(self, exc: BaseException) -> None:
        """Last resort for an unexpected error: wipe, calm screen, come back.

        Only the exception's type is logged here: its text may contain personal data. The
        traceback goes to the log at debug level for developers running with ``--debug``.
        """
        log.error("unexpected fault: %s", type(exc).__name__)
        log.debug("fault details", exc_info=exc)
        if self.session is not None:
            try:
                self.session.end(EndReason.FAULT)
            except Exception as wipe_exc:  # noqa: BLE001 - the wipe must not stop the recovery
                log.error("wipe after fault failed: %s", type(wipe_exc).__name__)
        now = self._monotonic()
        self._fault_times = [t for t in self._fault_times if now - t < FAULT_WINDOW_S] + [now]
        if len(self._fault_times) > MAX_FAULTS:
            self._out_of_service(
                OutOfServiceReason.FAULT, self.config.timeouts.out_of_service_retry_s
            )
        else:
            self._out_of_service(OutOfServiceReason.FAULT, FAULT_RECOVERY_S)

    def shutdown(self) -> None:
        if self.session is not None:
            self.session.end(EndReason.FINISHED)
            self.session.close()
        if self._retry is not None:
            self._retry.cancel()
        if self._reader_started:
            self.devices.card_reader.stop()
            self._reader_started = False
        if self._delivery is not None:
            self._delivery.stop()
            self._delivery = None
        if self._equipment is not None:
            self._equipment.close()
        if self._outbox is not None:
            self._outbox.close()
            self._outbox = None
