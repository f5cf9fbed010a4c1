"""The terminal: wires configuration, catalogue, devices, outbox and the citizen session.

It also owns the terminal's availability. A broken catalogue or an unusable data folder puts
the terminal *out of service* (a calm screen for the citizen, the reason in the log) and it
retries on a timer; an unexpected error (a bug) wipes the session, shows the same screen for a
moment and comes back. Only repeated faults keep it out of service until the next retry.
"""

from __future__ import annotations

import dataclasses
import importlib.metadata
import logging
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from catalogue.loader import CatalogueError, load_catalogue
from common.supervised import WorkerReport, uncaught_faults
from drivers.card.base import CardReaderListener, DocumentData, ReaderStatus, ReadFailure
from kiosk.config import KioskConfig
from kiosk.devices import Devices, build_devices
from kiosk.scheduling import Clock, Scheduler, TimerHandle, system_clock
from kiosk.session import EndReason, Session
from offline_queue.delivery import Backoff, Connection, DeliveryStatus, DeliveryWorker
from offline_queue.hub_client import HubAddressError, HubClient
from offline_queue.outbox import Outbox, OutboxError
from offline_queue.probe import HubProbe
from wire.health import Connection as HealthConnection
from wire.health import TerminalHealth, reason
from wire.sealing import SealError, load_public_key

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
class QueueHealth:
    """The outbox's part of the terminal's health report; sent to the hub's fleet page as
    :class:`wire.health.TerminalHealth` (:func:`health_report`)."""

    connection: str
    depth: int
    oldest_age_s: float
    dead_letters: int
    last_error: str
    #: File name a damaged outbox was moved to at start, or "".
    outbox_recovered_from: str
    storage_ok: bool
    #: The newest dead letter's reason, "" if there is none.
    last_dead_letter: str = ""
    #: What the salvage of a damaged outbox copied and could not read, "" if there was none.
    outbox_salvage: str = ""
    #: The outbox is in trouble while running (damaged, deleted, disk), "" when it is fine.
    outbox_problem: str = ""
    #: Items waiting with their own trouble (e.g. a proxy's 413), and the oldest one's reason.
    held: int = 0
    held_reason: str = ""
    #: The supervised delivery thread: "running", "recovering after 3 faults (bug: KeyError)".
    delivery_worker: str = ""
    #: The card reader's supervised thread, described the same way ("" if it has none).
    card_reader_worker: str = ""
    #: Threads that ended by an uncaught exception since start: "2 (last: camera: bug: …)".
    threads_died: str = ""


def _describe_worker(report: WorkerReport | None) -> str:
    if report is None:
        return ""
    fault = f" after {report.failures} faults ({report.last_fault})" if report.failures else ""
    parked = f", {report.parked} parked" if report.parked else ""
    return f"{report.state.value}{fault}{parked}"


def software_version() -> str:
    """The installed package's version (what the fleet page shows), "0" if not installed."""
    try:
        return importlib.metadata.version("point-of-public")
    except importlib.metadata.PackageNotFoundError:
        return "0"


def health_report(health: QueueHealth, version: str, interval_s: float) -> TerminalHealth:
    """The hub's health document (wire.health) from the terminal's own report: counts,
    states and short reasons, cut to the document's bounds; no personal data."""
    return TerminalHealth(
        software_version=version,
        connection=HealthConnection(health.connection),
        depth=health.depth,
        oldest_age_s=min(health.oldest_age_s, 10 * 365 * 86400.0),
        dead_letters=health.dead_letters,
        last_dead_letter=reason(health.last_dead_letter),
        held=health.held,
        held_reason=reason(health.held_reason),
        storage_ok=health.storage_ok,
        outbox_problem=reason(health.outbox_problem),
        delivery_worker=reason(health.delivery_worker),
        card_reader_worker=reason(health.card_reader_worker),
        threads_died=reason(health.threads_died),
        report_interval_s=interval_s,
    )


def _threads_died() -> str:
    count, last = uncaught_faults()
    return f"{count} (last: {last})" if count else ""


class _CardEvents(CardReaderListener):
    """Hands the reader's events (worker thread) to the session (core thread)."""

    def __init__(self, scheduler: Scheduler, session: Callable[[], Session | None]) -> None:
        self._post = scheduler.post
        self._session = session

    def _deliver(self, action: Callable[[Session], None]) -> None:
        def run() -> None:
            session = self._session()
            if session is not None:
                action(session)

        self._post(run)

    def card_inserted(self) -> None:
        self._deliver(lambda s: s.on_card_inserted())

    def card_removed(self) -> None:
        self._deliver(lambda s: s.on_card_removed())

    def document_read(self, data: DocumentData) -> None:
        def run() -> None:
            session = self._session()
            if session is None:
                data.wipe()
            else:
                session.on_document_read(data)

        self._post(run)

    def read_failed(self, failure: ReadFailure) -> None:
        self._deliver(lambda s: s.on_read_failed(failure))

    def reader_status_changed(self, status: ReaderStatus) -> None:
        self._deliver(lambda s: s.on_reader_status(status))

    def access_needed(self, kind: str, accepts_can: bool) -> None:
        self._deliver(lambda s: s.on_access_needed(kind, accepts_can))

    def read_progress(self, fraction: float) -> None:
        self._deliver(lambda s: s.on_read_progress(fraction))


class Terminal:
    def __init__(
        self,
        config: KioskConfig,
        scheduler: Scheduler,
        devices: Devices | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        backoff: Backoff | None = None,
        clock: Clock = system_clock,
        known_icons: Collection[str] | None = None,
    ) -> None:
        self.config = config
        #: The icons the interface can draw: the catalogue may name no other.
        self._known_icons = known_icons
        self._scheduler = scheduler
        #: The wall clock the session dates submissions by and checks dates against.
        self.clock = clock
        self.devices = devices or build_devices(config.devices)
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
        self.delivery_status = DeliveryStatus(Connection.UNKNOWN, 0, None, 0)
        #: Where a damaged outbox was moved at start (for the health report), if it was.
        self.outbox_recovered_from: Path | None = None
        #: What was salvaged from it ("" if nothing was damaged).
        self.outbox_salvage = ""
        #: The supervised delivery thread's state ("running", "recovering after 2 faults …").
        self.delivery_worker = ""
        self._storage_was_ok = True
        self._version = software_version()

    def subscribe(self, listener: Callable[[], None]) -> None:
        """``listener`` is called whenever availability or the session object changes."""
        self._listeners.append(listener)

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()

    def boot(self) -> None:
        """Load what the terminal needs; on failure go out of service and retry later."""
        self._retry = None
        try:
            catalogue = load_catalogue(self.config.catalogue_path, self._known_icons)
        except CatalogueError as exc:
            for problem in exc.problems:
                log.error("catalogue: %s", problem)
            self._out_of_service(
                OutOfServiceReason.CATALOGUE, self.config.timeouts.out_of_service_retry_s
            )
            return
        languages = tuple(lang for lang in self.config.languages if lang in catalogue.languages)
        if not languages:
            log.error(
                "catalogue: none of the configured languages %s is in the catalogue",
                ",".join(self.config.languages),
            )
            self._out_of_service(
                OutOfServiceReason.CATALOGUE, self.config.timeouts.out_of_service_retry_s
            )
            return
        default_language = self.config.default_language
        if default_language not in languages:
            log.warning(
                "catalogue lacks the default language %s; using %s", default_language, languages[0]
            )
            default_language = languages[0]
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
        self._start_delivery(self._outbox)
        if self.session is not None:
            self.session.close()
        self.session = Session(
            catalogue=catalogue,
            devices=self.devices,
            outbox=self._outbox,
            scheduler=self._scheduler,
            timeouts=self.config.timeouts,
            terminal_id=self.config.terminal_id,
            languages=languages,
            default_language=default_language,
            status_url=self.config.status_url,
            hub_key=hub_key,
            storage_ok=self._storage_ok,
            on_stored=self._wake_delivery,
            printer_poll_s=self.config.devices.printer_poll_s,
            receipt_logo=self._receipt_logo(),
            receipt_email=self.config.receipt_email,
            clock=self.clock,
        )
        self.session.on_delivery_status(self.delivery_status)
        if not self._reader_started:
            self.devices.card_reader.start(_CardEvents(self._scheduler, lambda: self.session))
            self._reader_started = True
        else:
            self.session.on_reader_status(self.devices.card_reader.status)
        if self.availability is not Availability.IN_SERVICE:
            log.info("terminal in service")
        self.availability = Availability.IN_SERVICE
        self.reason = None
        self._notify()

    def _receipt_logo(self) -> bytes:
        path = self.config.receipt_logo
        if path is None:
            return b""
        try:
            return path.read_bytes()
        except OSError as exc:
            # A receipt without the logo is still a receipt.
            log.error("receipt logo unreadable (%s): printing without it", exc.strerror)
            return b""

    # --- delivery ------------------------------------------------------------------------

    def _start_delivery(self, outbox: Outbox) -> None:
        if self._delivery is not None:
            return
        hub = self.config.hub
        if not hub.url:
            log.warning("no hub configured: submissions stay queued on this terminal")
            self._delivery_status(self._queue_status(outbox, Connection.OFFLINE))
            return
        try:
            token = hub.credential_file.read_text(encoding="utf-8").strip()
        except OSError:
            token = ""
        if not token:
            log.error("hub credential missing (%s): nothing can be sent", hub.credential_file.name)
            self._delivery_status(self._queue_status(outbox, Connection.REFUSED))
            return
        try:
            client = HubClient(
                hub.url,
                token,
                connect_timeout_s=hub.connect_timeout_s,
                read_timeout_s=hub.read_timeout_s,
                allow_insecure_loopback=hub.allow_insecure_loopback,
            )
            # While the way to the hub fails: asks it cheaply whether it is back (~every 20 s).
            probe = HubProbe(
                hub.url,
                token,
                connect_timeout_s=hub.connect_timeout_s,
                read_timeout_s=hub.connect_timeout_s,
                allow_insecure_loopback=hub.allow_insecure_loopback,
            )
        except HubAddressError as exc:
            # The configuration file is checked when loaded; an address set another way (a
            # command-line override) is checked here, by the same rule.
            log.error("hub address refused: %s", exc)
            status = self._queue_status(outbox, Connection.REFUSED)
            self._delivery_status(
                dataclasses.replace(status, last_error="hub address refused: not https://")
            )
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
        report = health_report(
            self.queue_health(status=status), self._version, self.config.hub.health_interval_s
        )
        return report.to_json()

    @staticmethod
    def _queue_status(outbox: Outbox, connection: Connection) -> DeliveryStatus:
        try:
            stats = outbox.stats()
        except OutboxError:
            return DeliveryStatus(connection, 0, None, 0)
        return DeliveryStatus(
            connection,
            stats.depth,
            stats.oldest_created_at,
            stats.dead_letters,
            last_dead_letter=stats.last_dead_letter,
        )

    def _delivery_status(self, status: DeliveryStatus) -> None:
        self.delivery_status = status
        if self.session is not None:
            self.session.on_delivery_status(status)

    def _worker_report(self, report: WorkerReport) -> None:
        # Any thread; a plain attribute read by queue_health (no session state touched).
        self.delivery_worker = _describe_worker(report)

    def _delivered(self, submission_id: str) -> None:
        if self.session is not None:
            self.session.on_delivered(submission_id)

    def _wake_delivery(self) -> None:
        if self._delivery is not None:
            self._delivery.wake()
        elif self._outbox is not None:
            # No sender: the queue only grows; keep the indicator true.
            self._delivery_status(self._queue_status(self._outbox, self.delivery_status.connection))

    def queue_health(
        self, now: float | None = None, status: DeliveryStatus | None = None
    ) -> QueueHealth:
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
            card_reader_worker=_describe_worker(self.devices.card_reader.worker_report()),
            threads_died=_threads_died(),
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
        self.devices.printer.close()
        if self._outbox is not None:
            self._outbox.close()
            self._outbox = None
