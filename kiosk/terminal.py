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
from typing import TYPE_CHECKING

from catalogue.model import Catalogue
from catalogue.problems import CatalogueError
from kiosk.catalogue_cache import load_catalogue
from kiosk.config import KioskConfig
from kiosk.configuration import installed, overlay
from kiosk.outbound import Outbound
from kiosk.scheduling import Clock, Scheduler, TimerHandle, system_clock
from kiosk.session.states import EndReason
from provisioning.identity import DeviceIdentity
from wire.health import reason

if TYPE_CHECKING:
    from pathlib import Path

    from drivers.devices import Devices
    from kiosk.certificate_renewal import CertificateRenewal
    from kiosk.configuration import ConfigurationUpdates
    from kiosk.equipment import Equipment
    from kiosk.health import QueueHealth
    from kiosk.outbound import DeviceStates
    from kiosk.scheduling import TimerHandle
    from kiosk.self_test import Check
    from kiosk.session import Session
    from kiosk.technician import TechnicianMode
    from offline_queue.delivery import Backoff, DeliveryStatus
    from provisioning.configuration import Installed
    from wire.orders import Order

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
    DISABLED = "disabled"  # the hub ordered it (fleet page, CLI) until it orders it back
    #: Decommissioned: keys, queue and credentials wiped; a technician must enrol it again.
    NOT_ENROLLED = "not_enrolled"


#: In the data folder while the hub has this terminal disabled: a restart keeps it so.
DISABLED_MARKER = "disabled-by-hub"
#: A citizen in the middle of a visit finishes it before a disable order takes effect.
DISABLE_CHECK_S = 5.0
#: While decommissioning (the order's id inside): what is queued is delivered first.
DECOMMISSIONING_MARKER = "decommissioning"
#: Decommissioned: nothing left to serve with until a technician enrols it again.
DECOMMISSIONED_MARKER = "decommissioned"
#: A restart the hub ordered (the order's id inside): confirmed by the first report after it.
RESTART_MARKER = "restart-ordered"
MAX_ORDERS_REMEMBERED = 256


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
        catalogue_cache: Path | None = None,
    ) -> None:
        #: The configuration file's settings; ``config`` is them with the hub's configuration
        #: laid over them (kiosk.configuration), once the terminal has one.
        self._base_config = config
        self.config = overlay(config, installed(config))
        #: The icons the interface can draw: the catalogue may name no other.
        self._known_icons = known_icons
        #: Where the checked catalogue is kept between starts (kiosk.catalogue_cache); None:
        #: read and checked on every boot.
        self._catalogue_cache = catalogue_cache
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
        #: The outbox, its delivery thread and the queue's health.
        self.outbound = Outbound(lambda: self.config, scheduler, backoff)
        self.outbound.on_orders = self.carry_out
        self.outbound.on_configuration = self._configuration_offered
        self._configuration: ConfigurationUpdates | None = None
        self._configuration_timer: TimerHandle | None = None
        self.outbound.device_states = self._device_states
        self._retry: TimerHandle | None = None
        self._fault_times: list[float] = []
        self._listeners: list[Callable[[], None]] = []
        self._reader_started = False
        self._renewal: CertificateRenewal | None = None
        self._self_testing = False
        #: The hub's orders this terminal has taken up (it names each until it is confirmed).
        self._orders_seen: dict[int, None] = {}
        self._decommission_timer: TimerHandle | None = None
        self._decommission_waiting_logged = False
        #: Called (between two citizens) to restart the program: the kiosk quits and starts
        #: itself again (ui.app); tests record it.
        self.on_restart: Callable[[], None] = lambda: log.warning("restart: not possible here")
        self._restart_timer: TimerHandle | None = None
        self._technician: TechnicianMode | None = None
        #: When the last self-test ran, and its checks.
        self.last_self_test: tuple[float, tuple[Check, ...]] | None = None

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
    def scheduler(self) -> Scheduler:
        return self._scheduler

    @property
    def idle(self) -> bool:
        """No citizen at the terminal: the attract screen, or out of service."""
        from kiosk.session import Screen

        return self.session is None or self.session.screen is Screen.ATTRACT

    @property
    def technician_if_made(self) -> TechnicianMode | None:
        """The service mode if anyone asked for it yet (the screen looks without making it)."""
        return self._technician

    @property
    def technician(self) -> TechnicianMode:
        """The service mode (kiosk.technician), made when first asked for."""
        if self._technician is None:
            from kiosk.technician import TechnicianMode

            self._technician = TechnicianMode(self)
        return self._technician

    @property
    def starting(self) -> bool:
        """The attract screen can be shown; the rest is being set up (finish_start)."""
        return self.availability is Availability.STARTING and self._offer is not None

    def boot(self) -> None:
        """Load what the terminal needs; on failure go out of service and retry later."""
        self._retry = None
        if (self.config.data_dir / DECOMMISSIONED_MARKER).exists():
            log.warning("decommissioned: a technician must enrol this terminal again")
            self._not_enrolled()
            return
        if installed(self.config) is None and DeviceIdentity(self.config.hub.identity_dir).enrolled:
            # Enrolled, never configured: the hub's configuration is fetched now, not with the
            # first health report (without a catalogue or key there is none to send it).
            self.configuration_updates.offered(1)
        self._restarted()
        offer = self._load_offer()
        if offer is None:
            return
        if self._setup_deferred and self.availability is Availability.STARTING:
            self._offer = offer
            self._notify()
            return
        # A retry (out of service at the first start) sets up at once, frame or not.
        self._setup_deferred = False
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
            catalogue = load_catalogue(
                self.config.catalogue_path, self._known_icons, self._catalogue_cache
            )
        except CatalogueError as exc:
            for problem in exc.problems:
                log.error("catalogue: %s", problem)
            self._out_of_service(
                OutOfServiceReason.CATALOGUE, self.config.timeouts.out_of_service_retry_s
            )
            return None
        # Every configured language is offered: the screens speak it, and a service the town
        # hall has not written in it falls back to the catalogue's own (and says so).
        languages = tuple(self.config.languages)
        if not any(lang in catalogue.languages for lang in languages):
            log.error(
                "catalogue: none of the configured languages %s is in the catalogue",
                ",".join(self.config.languages),
            )
            self._out_of_service(
                OutOfServiceReason.CATALOGUE, self.config.timeouts.out_of_service_retry_s
            )
            return None
        # (The configuration's default is one of its languages: its loader and the hub's
        # overlay both see to that.)
        return Offer(catalogue, languages, self.config.default_language)

    def _set_up(self, offer: Offer) -> None:
        from kiosk.equipment import CardEvents
        from kiosk.receipt import read_logo
        from kiosk.session import Session
        from offline_queue.outbox import OutboxError
        from wire.sealing import SealError, load_public_key

        try:
            outbox = self.outbound.open()
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
        self.outbound.start_delivery(equipment, self._delivery_status, self._delivered)
        if self.session is not None:
            self.session.close()
        self.session = Session(
            catalogue=offer.catalogue,
            equipment=equipment,
            outbox=outbox,
            scheduler=self._scheduler,
            timeouts=self.config.timeouts,
            terminal_id=self.config.terminal_id,
            languages=offer.languages,
            default_language=offer.default_language,
            status_url=self.config.status_url,
            hub_key=hub_key,
            storage_ok=self.outbound.storage_ok,
            on_stored=self._wake_delivery,
            receipt_logo=read_logo(self.config.receipt_logo),
            receipt_email=self.config.receipt_email,
            clock=self.clock,
        )
        if self._renewal is None and DeviceIdentity(self.config.hub.identity_dir).enrolled:
            # (enrolled: a terminal enrolled later is restarted, as its technician is told)
            from kiosk.certificate_renewal import CertificateRenewal

            self._renewal = CertificateRenewal(
                self.config.hub, self._scheduler, equipment.lookup_worker, self.clock
            )
            self._renewal.start()
        if not self._reader_started:
            events = CardEvents(self._scheduler, equipment, lambda: self.session)
            equipment.devices.card_reader.start(events)
            self._reader_started = True
        if self.disabled:
            # (set up all the same: the queue still drains, and the order to enable it again
            # comes with the answer to a health report)
            self._apply_disabled()
            if self._decommissioning() is not None:
                self._decommission_later(DISABLE_CHECK_S)  # (the order came before a restart)
            return
        if self.availability is not Availability.IN_SERVICE:
            log.info("terminal in service")
        self.availability = Availability.IN_SERVICE
        self.reason = None
        self._notify()

    # --- delivery ------------------------------------------------------------------------

    def _delivery_status(self, status: DeliveryStatus) -> None:
        if self.session is not None:
            self.session.on_delivery_status(status)
        else:
            self.equipment.hub = status

    def _delivered(self, submission_id: str) -> None:
        if self.session is not None:
            self.session.on_delivered(submission_id)

    def _wake_delivery(self) -> None:
        self.outbound.wake(self._delivery_status, self.delivery_status)

    def queue_health(self, now: float | None = None) -> QueueHealth:
        """The queue's state for the fleet report and the technician."""
        # Not built yet (out of service since start): nothing to report, nothing to build.
        equipment = self._equipment
        reader = equipment.devices.card_reader.worker_report() if equipment else None
        camera = equipment.devices.camera.describe() if equipment else ""
        return self.outbound.queue_health(self.delivery_status, reader, now, camera)

    # --- the hub's orders -------------------------------------------------------------------

    @property
    def disabled(self) -> bool:
        return (self.config.data_dir / DISABLED_MARKER).exists()

    def carry_out(self, orders: tuple[Order, ...]) -> None:
        """The hub's orders (with the answer to a health report): carried out once each (the
        hub names an order in every answer until a report confirms it), and confirmed in the
        next report."""
        from wire.orders import OrderKind

        changed = False
        for order in orders:
            if order.id in self._orders_seen:
                continue
            self._orders_seen[order.id] = None
            while len(self._orders_seen) > MAX_ORDERS_REMEMBERED:
                del self._orders_seen[next(iter(self._orders_seen))]
            changed = True
            kind = order.known
            if kind is OrderKind.SELF_TEST:
                self.self_test(order.id)
                continue  # (confirmed with its results)
            if kind is OrderKind.DECOMMISSION:
                self.decommission(order.id)
                continue  # (confirmed once the queue is delivered)
            if kind is OrderKind.RESTART:
                self.restart(order.id)
                continue  # (confirmed by the first report after the restart)
            if kind is OrderKind.RESEND_DEAD_LETTERS:
                self.outbound.resend_dead_letters(order.id, self._wake_delivery)
                continue  # (confirmed once they are back in the queue)
            if kind is OrderKind.DISABLE:
                self.disable()
            elif kind is OrderKind.ENABLE:
                self.enable()
            else:
                log.warning("an order this terminal does not know (%s): ignored", order.kind)
            self.outbound.order_done(order.id)
        if changed:
            self.outbound.report_soon()

    # --- restarting ------------------------------------------------------------------------

    def restart(self, order_id: int | None) -> None:
        """Restart the program when nobody uses the terminal: no citizen, no technician in
        the service mode (the hub's order; ``None``: the service mode's, after enrolling)."""
        if self._restart_timer is not None:
            self._restart_timer.cancel()
            self._restart_timer = None
        if order_id is not None:
            marker = self.config.data_dir / RESTART_MARKER
            log.warning("restart ordered by the hub (once nobody uses the terminal)")
            # (the newest order's id: the hub supersedes an earlier one it gave)
            marker.write_text(f"{order_id}\n", encoding="utf-8")
        self._restart_when_idle()

    def _restart_when_idle(self) -> None:
        self._restart_timer = None
        technician = self._technician
        if not self.idle or (technician is not None and technician.busy):
            self._restart_timer = self._scheduler.call_later(
                "restart", DISABLE_CHECK_S, self._restart_when_idle
            )
            return
        self.on_restart()

    def _restarted(self) -> None:
        """After a restart the hub ordered: the order is confirmed in the first report."""
        marker = self.config.data_dir / RESTART_MARKER
        try:
            order_id = int(marker.read_text(encoding="utf-8").strip())
        except (OSError, ValueError):
            if marker.exists():
                marker.unlink(missing_ok=True)  # (damaged: the hub orders it again if it must)
            return
        log.info("restarted on the hub's order")
        self._orders_seen[order_id] = None
        # The mark goes once the hub has the confirmation: a restart before that (a power
        # cut) confirms it again instead of restarting again.
        self.outbound.confirm_then(order_id, lambda: marker.unlink(missing_ok=True))
        self.outbound.order_done(order_id)

    # --- the hub's configuration ----------------------------------------------------------

    @property
    def configuration_updates(self) -> ConfigurationUpdates:
        if self._configuration is None:
            from kiosk.configuration import ConfigurationUpdates

            self._configuration = ConfigurationUpdates(
                lambda: self.config,
                self.equipment.lookup_worker,
                self.clock,
                self._known_icons,
                self._configuration_installed,
            )
        return self._configuration

    def _configuration_offered(self, version: int) -> None:
        self.configuration_updates.offered(version)

    def _configuration_installed(self, found: Installed) -> None:
        """A newer configuration is kept: taken between two citizens (kiosk.configuration)."""
        from kiosk.configuration import restart_needed

        before, self.config = self.config, overlay(self._base_config, found)
        if restart_needed(before, self.config):
            log.warning("configuration %d: its device settings apply at the next start",
                        found.version)  # fmt: skip
        if self._configuration_timer is not None:
            self._configuration_timer.cancel()
        self._take_configuration()

    def _take_configuration(self) -> None:
        from kiosk.session import Screen

        self._configuration_timer = None
        if self.availability is Availability.OUT_OF_SERVICE and self.reason in (
            OutOfServiceReason.CATALOGUE,
            OutOfServiceReason.SETUP,
        ):
            # Out of service for want of what it brought: at once.
            if self._retry is not None:
                self._retry.cancel()
            self.boot()
            return
        session = self.session
        if session is None:
            return  # (starting: the catalogue loads from the new files anyway)
        if session.screen is not Screen.ATTRACT:
            # A citizen is being served with the catalogue they started with.
            self._configuration_timer = self._scheduler.call_later(
                "configuration", DISABLE_CHECK_S, self._take_configuration
            )
            return
        offer = self._load_offer()
        if offer is not None:
            self._set_up(offer)

    # --- decommissioning -------------------------------------------------------------------

    def decommission(self, order_id: int) -> None:
        """Out of order (after a citizen's visit); what is queued is delivered; then the order
        is confirmed and, once the hub has that report, keys, queue and credentials are wiped
        and the terminal stays unenrolled. Dead letters are not dropped: they wait for the
        technician to hand them over (``python -m offline_queue``)."""
        marker = self.config.data_dir / DECOMMISSIONING_MARKER
        if not marker.exists():
            log.warning("terminal decommissioned by the hub: delivering what is queued")
            marker.write_text(f"{order_id}\n", encoding="utf-8")
        self.disable()
        self._decommission_later(0.0)

    def _decommission_later(self, delay_s: float) -> None:
        if self._decommission_timer is None:
            self._decommission_timer = self._scheduler.call_later(
                "decommission", delay_s, self._decommission_step
            )

    def _decommissioning(self) -> tuple[int, bool] | None:
        """(the order's id, whether its confirmation went out) while decommissioning."""
        try:
            words = (self.config.data_dir / DECOMMISSIONING_MARKER).read_text().split()
            return int(words[0]), words[1:] == ["confirmed"]
        except (OSError, ValueError, IndexError):
            return None

    def _decommission_step(self) -> None:
        from offline_queue.delivery import Connection

        self._decommission_timer = None
        state = self._decommissioning()
        if state is None:
            return
        order_id, confirmed = state
        connection = self.delivery_status.connection
        if confirmed and connection is Connection.REFUSED:
            # The hub has the confirmation (and refuses this terminal now), though its answer
            # never came (lost, or a restart in between): the wipe is due.
            self._wipe()
            return
        if self.reason is not OutOfServiceReason.DISABLED or connection is Connection.UNKNOWN:
            # A citizen still at it, or nothing known of the hub and the queue yet (just
            # started): look again shortly.
            self._decommission_later(DISABLE_CHECK_S)
            return
        stats = self.outbound.queue_stats()
        if stats is None or stats.depth or stats.dead_letters:
            dead = stats.dead_letters if stats is not None and not stats.depth else 0
            if dead and not self._decommission_waiting_logged:
                log.warning(
                    "decommissioning waits: %d dead letters to hand over (python -m offline_queue)",
                    dead,
                )
                self._decommission_waiting_logged = True
            self._decommission_later(DISABLE_CHECK_S)
            return
        if not confirmed:
            (self.config.data_dir / DECOMMISSIONING_MARKER).write_text(
                f"{order_id} confirmed\n", encoding="utf-8"
            )
        self.outbound.confirm_then(order_id, lambda: self._scheduler.post(self._wipe))
        self.outbound.order_done(order_id)
        self.outbound.report_soon()
        self._decommission_later(DISABLE_CHECK_S)  # (for an answer that never comes)

    def _wipe(self) -> None:
        """The hub has the confirmation: nothing of this terminal's service is kept."""

        if self._decommissioning() is None:
            return  # (done already)
        stats = self.outbound.queue_stats()
        if stats is not None and (stats.depth or stats.dead_letters):
            # Never: the confirmation waited for an empty queue, and the terminal took no
            # citizen since. Kept rather than deleted; the technician sees it in the log.
            log.error("decommissioning: the queue is not empty; nothing wiped")
            return
        log.warning("decommissioned: wiping keys, queue and credentials")
        timer, self._decommission_timer = self._decommission_timer, None
        if timer is not None:
            timer.cancel()
        if self.session is not None:
            self.session.end(EndReason.FINISHED)
        self.outbound.stop_delivery()
        self.outbound.wipe_outbox()
        DeviceIdentity(self.config.hub.identity_dir).wipe()
        from kiosk.configuration import configuration_folder
        from provisioning.configuration import ConfigurationStore

        ConfigurationStore(configuration_folder(self.config)).wipe()
        for path in (
            self.config.hub.credential_file,
            self._base_config.hub.public_key,
            self.config.data_dir / DISABLED_MARKER,
        ):
            path.unlink(missing_ok=True)
        (self.config.data_dir / DECOMMISSIONED_MARKER).write_text("\n", encoding="utf-8")
        (self.config.data_dir / DECOMMISSIONING_MARKER).unlink(missing_ok=True)
        self._not_enrolled()

    def _not_enrolled(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None
        if self._retry is not None:
            self._retry.cancel()
            self._retry = None
        self.availability = Availability.OUT_OF_SERVICE
        self.reason = OutOfServiceReason.NOT_ENROLLED
        self._notify()

    # --- self-test ---------------------------------------------------------------------------

    def self_test(self, order_id: int | None = None) -> None:
        """Check each device and the way to the hub (on the service worker: it waits for the
        printer and the hub), when no citizen is at the terminal (a test page must not come
        out beside a citizen's receipt); the results go to the hub with the next report."""
        from kiosk.session import Screen

        if self._self_testing or self._equipment is None:
            if order_id is not None and self._equipment is None:
                self.outbound.order_done(order_id)  # nothing to test yet: said so by silence
            return
        if self.session is not None and self.session.screen is not Screen.ATTRACT:
            self._scheduler.call_later(
                "self-test", DISABLE_CHECK_S, lambda: self.self_test(order_id)
            )
            return
        from kiosk import self_test

        self._self_testing = True
        equipment, config, scheduler = self._equipment, self.config, self._scheduler

        def done(result: tuple[self_test.Check, ...] | BaseException) -> None:
            self._self_testing = False
            if isinstance(result, BaseException):
                raise result
            self.last_self_test = (time.time(), result)
            self.outbound.self_test = (
                self.last_self_test[0],
                tuple((reason(c.name)[:32], c.result, reason(c.detail)) for c in result),
            )
            if order_id is not None:
                self.outbound.order_done(order_id)
            self.outbound.report_soon()
            self._notify()

        equipment.service_worker.submit(lambda: self_test.run(config, equipment, scheduler), done)

    # --- disabled ------------------------------------------------------------------------------

    def disable(self) -> None:
        """Out of order by the hub's order: the out-of-order screen with the town hall's
        contact, until :meth:`enable`. A citizen in the middle of a visit finishes it first."""
        marker = self.config.data_dir / DISABLED_MARKER
        if not marker.exists():
            log.warning("terminal disabled by the hub")
            marker.write_text("disabled by the hub's order\n", encoding="utf-8")
        self._apply_disabled()

    def enable(self) -> None:
        if self._decommissioning() is not None:
            log.warning("an order to enable a terminal being decommissioned: ignored")
            return
        (self.config.data_dir / DISABLED_MARKER).unlink(missing_ok=True)
        self.outbound.disabled = False
        if self.reason is OutOfServiceReason.DISABLED:
            log.info("terminal enabled again by the hub")
            self.availability = Availability.IN_SERVICE
            self.reason = None
            self._notify()

    def _apply_disabled(self) -> None:
        from kiosk.session import Screen

        self.outbound.disabled = True
        if self.reason is OutOfServiceReason.DISABLED or self.session is None:
            if self.session is None and self.availability is not Availability.OUT_OF_SERVICE:
                self.availability = Availability.OUT_OF_SERVICE
                self.reason = OutOfServiceReason.DISABLED
                self._notify()
            return
        if self.session.screen is not Screen.ATTRACT:
            self._scheduler.call_later("disable", DISABLE_CHECK_S, self._apply_if_still_disabled)
            return
        self.availability = Availability.OUT_OF_SERVICE
        self.reason = OutOfServiceReason.DISABLED
        self._notify()

    def _apply_if_still_disabled(self) -> None:
        if self.disabled:
            self._apply_disabled()

    def _device_states(self) -> DeviceStates | None:
        """(Any thread: attribute reads only.) What the health report says of the devices."""
        from kiosk.outbound import DeviceStates

        equipment = self._equipment
        if equipment is None:
            return None
        session, offer = self.session, self._offer  # (once each: the core may change them)
        catalogue = (
            session.catalogue
            if session is not None
            else offer.catalogue
            if offer is not None
            else None
        )
        return DeviceStates(
            camera=equipment.devices.camera.describe(),
            printer=equipment.print_station.status.value,
            card_reader=equipment.reader_status.value,
            config_version=self._config_version(catalogue),
            config_problem=self._configuration.problem if self._configuration else "",
        )

    def _config_version(self, catalogue: Catalogue | None) -> str:
        from kiosk.health import catalogue_version

        found = installed(self.config)
        text = catalogue_version(catalogue) if catalogue is not None else ""
        return f"{found.version} · {text}" if found is not None else text

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
        for timer in (self._restart_timer, self._configuration_timer):
            if timer is not None:
                timer.cancel()
        if self._renewal is not None:
            self._renewal.close()
            self._renewal = None
        if self.session is not None:
            self.session.end(EndReason.FINISHED)
            self.session.close()
        if self._retry is not None:
            self._retry.cancel()
        if self._reader_started:
            self.devices.card_reader.stop()
            self._reader_started = False
        self.outbound.stop_delivery()
        if self._equipment is not None:
            self._equipment.close()  # runs the jobs still queued (a submission being stored)
        self.outbound.close_outbox()
