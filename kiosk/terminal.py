"""The terminal: wires configuration, catalogue, devices, outbox and the citizen session, and
owns its availability (kiosk.availability). A broken catalogue or an unusable data folder puts
it *out of service* (a calm screen, the reason in the log) and it retries on a timer; a bug
wipes the session, shows the same screen for a moment and comes back (repeated faults: until
the next retry). Start-up comes in two steps (``defer_setup``): :meth:`Terminal.boot` loads the
catalogue, all the attract screen shows; :meth:`Terminal.finish_start`, once that screen is on
the display, does the rest (kiosk.serving). What only that needs is imported there.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Collection
from functools import cached_property
from typing import TYPE_CHECKING

from catalogue.model import Catalogue
from kiosk.availability import (
    DECOMMISSIONED_MARKER,
    DISABLE_CHECK_S,
    FAULT_RECOVERY_S,
    FAULT_WINDOW_S,
    MAX_FAULTS,
    Availability,
    OutOfServiceReason,
)
from kiosk.config import KioskConfig
from kiosk.configuration import installed, overlay
from kiosk.offer import Offer, load_offer
from kiosk.outbound import Outbound
from kiosk.scheduling import Clock, Scheduler, TimerHandle, system_clock
from kiosk.session.states import EndReason
from provisioning.identity import DeviceIdentity

if TYPE_CHECKING:
    from pathlib import Path

    from drivers.devices import Devices
    from kiosk.certificate_renewal import CertificateRenewal
    from kiosk.decommissioning import Decommissioning
    from kiosk.equipment import Equipment
    from kiosk.health import QueueHealth
    from kiosk.hub_configuration import HubConfiguration
    from kiosk.hub_orders import HubOrders
    from kiosk.outbound import DeviceStates
    from kiosk.session import Session
    from kiosk.technician import TechnicianMode
    from offline_queue.delivery import Backoff, DeliveryStatus

__all__ = ["Terminal"]

log = logging.getLogger(__name__)


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
        self.base_config = config
        self.config = overlay(config, installed(config))
        #: The icons the interface can draw: the catalogue may name no other.
        self.known_icons = known_icons
        #: Where the checked catalogue is kept between starts (kiosk.catalogue_cache); None:
        #: read and checked on every boot.
        self._catalogue_cache = catalogue_cache
        #: The first boot() stops after the catalogue; finish_start() does the rest. The kiosk
        #: calls it once its first frame is on screen: until then the outbox, the hub's key, the
        #: devices and the delivery thread would compete with that frame for the interpreter.
        self._setup_deferred = defer_setup
        #: The catalogue loaded by a boot() whose second step is still to come.
        self._offer: Offer | None = None
        self.scheduler = scheduler
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
        self.outbound.on_configuration = lambda version: self.configuration.offered(version)
        self.outbound.device_states = self._device_states
        self._retry: TimerHandle | None = None
        self._fault_times: list[float] = []
        self._listeners: list[Callable[[], None]] = []
        self._reader_started = False
        self._renewal: CertificateRenewal | None = None
        self.outbound.on_orders = lambda orders: self.orders.carry_out(orders)
        self._restart_confirmed = False
        #: Called (between two citizens) to restart the program: the kiosk quits and starts
        #: itself again (ui.app); tests record it.
        self.on_restart: Callable[[], None] = lambda: log.warning("restart: not possible here")

    @property
    def equipment(self) -> Equipment:
        """The devices and their state (the first use builds the devices)."""
        if self._equipment is None:
            from drivers.devices import Devices
            from kiosk.equipment import Equipment

            made = self._make_devices
            devices = made if isinstance(made, Devices) else made()
            self._equipment = Equipment(
                devices, self.scheduler, printer_poll_s=self.config.devices.printer_poll_s
            )
        return self._equipment

    @property
    def devices(self) -> Devices:
        return self.equipment.devices

    @property
    def delivery_status(self) -> DeliveryStatus:
        """The link to the hub and the queue's depth (device state: kept without a session)."""
        return self.equipment.hub

    # --- made when first needed: none of them for the attract screen's first frame ---------

    @cached_property
    def orders(self) -> HubOrders:
        """The hub's orders: disable, enable, restart, self-test, resend dead letters."""
        from kiosk.hub_orders import HubOrders

        return HubOrders(self)

    @cached_property
    def decommissioning(self) -> Decommissioning:
        from kiosk.decommissioning import Decommissioning

        return Decommissioning(self)

    @cached_property
    def configuration(self) -> HubConfiguration:
        """The hub's configuration, laid over the file's and taken between citizens."""
        from kiosk.hub_configuration import HubConfiguration

        return HubConfiguration(self)

    @cached_property
    def technician(self) -> TechnicianMode:
        """The service mode (kiosk.technician)."""
        from kiosk.technician import TechnicianMode

        return TechnicianMode(self)

    @property
    def technician_if_made(self) -> TechnicianMode | None:
        """The service mode if anyone asked for it yet (the screen looks without making it)."""
        return self.__dict__.get("technician")

    @property
    def equipment_if_built(self) -> Equipment | None:
        """The devices if built yet (out of service since the start: not)."""
        return self._equipment

    def subscribe(self, listener: Callable[[], None]) -> None:
        """``listener`` is called whenever availability or the session object changes."""
        self._listeners.append(listener)

    def changed(self) -> None:
        """Tells the listeners (the screens) that availability or what they show changed."""
        for listener in list(self._listeners):
            listener()

    def set_availability(
        self, availability: Availability, reason: OutOfServiceReason | None
    ) -> None:
        self.availability = availability
        self.reason = reason
        self.changed()

    @property
    def catalogue(self) -> Catalogue | None:
        """The catalogue the citizen is offered (None while out of service). Any thread (the
        health report's): each attribute is read once, as the core may change it."""
        session, offer = self.session, self._offer
        if session is not None:
            return session.catalogue
        return offer.catalogue if offer is not None else None

    @property
    def language(self) -> str:
        """The language on screen: the session's, or before it exists the default one."""
        if self.session is not None:
            return self.session.language
        if self._offer is not None:
            return self._offer.default_language
        return self.config.default_language

    @property
    def idle(self) -> bool:
        """No citizen at the terminal: the attract screen, or out of service."""
        from kiosk.session import Screen

        return self.session is None or self.session.screen is Screen.ATTRACT

    @property
    def starting(self) -> bool:
        """The attract screen can be shown; the rest is being set up (finish_start)."""
        return self.availability is Availability.STARTING and self._offer is not None

    def boot(self) -> None:
        """Load what the terminal needs; on failure go out of service and retry later."""
        self._retry = None
        if (self.config.data_dir / DECOMMISSIONED_MARKER).exists():
            log.warning("decommissioned: a technician must enrol this terminal again")
            self.not_enrolled()
            return
        if installed(self.config) is None and DeviceIdentity(self.config.hub.identity_dir).enrolled:
            # Enrolled, never configured: the hub's configuration is fetched now, not with the
            # first health report (without a catalogue or key there is none to send it).
            self.configuration.offered(1)
        offer = self._load_offer()
        if offer is None:
            return
        if self._setup_deferred and self.availability is Availability.STARTING:
            self._offer = offer
            self.changed()
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
        offer = load_offer(self.config, self.known_icons, self._catalogue_cache)
        if offer is None:
            self._out_of_service(
                OutOfServiceReason.CATALOGUE, self.config.timeouts.out_of_service_retry_s
            )
        return offer

    def _set_up(self, offer: Offer) -> None:
        from kiosk.equipment import CardEvents
        from kiosk.serving import serve

        if not self._restart_confirmed:
            # Before delivery starts: its first report confirms a restart the hub ordered.
            self._restart_confirmed = True
            self.orders.restarted()
        failed = serve(self, offer)
        if failed is not None:
            self._out_of_service(failed, self.config.timeouts.out_of_service_retry_s)
            return
        equipment = self.equipment
        if self._renewal is None and DeviceIdentity(self.config.hub.identity_dir).enrolled:
            # (enrolled: a terminal enrolled later is restarted, as its technician is told)
            from kiosk.certificate_renewal import CertificateRenewal

            self._renewal = CertificateRenewal(
                self.config.hub, self.scheduler, equipment.lookup_worker, self.clock
            )
            self._renewal.start()
        if not self._reader_started:
            events = CardEvents(self.scheduler, equipment, lambda: self.session)
            equipment.devices.card_reader.start(events)
            self._reader_started = True
        if self.orders.disabled:
            # (set up all the same: the queue still drains, and the order to enable it again
            # comes with the answer to a health report)
            self.orders.apply_disabled()
            if self.decommissioning.state() is not None:
                self.decommissioning.later(DISABLE_CHECK_S)  # (the order came before a restart)
            return
        if self.availability is not Availability.IN_SERVICE:
            log.info("terminal in service")
        self.availability = Availability.IN_SERVICE
        self.reason = None
        self.changed()

    # --- delivery ------------------------------------------------------------------------

    def delivery_status_changed(self, status: DeliveryStatus) -> None:
        if self.session is not None:
            self.session.on_delivery_status(status)
        else:
            self.equipment.hub = status

    def delivered(self, submission_id: str) -> None:
        if self.session is not None:
            self.session.on_delivered(submission_id)

    def wake_delivery(self) -> None:
        self.outbound.wake(self.delivery_status_changed, self.delivery_status)

    def queue_health(self, now: float | None = None) -> QueueHealth:
        """The queue's state for the fleet report and the technician."""
        from kiosk.health import queue_health

        return queue_health(self, now)

    def retry_now(self) -> None:
        """Out of service: try to start again now, not when the retry timer says."""
        if self._retry is not None:
            self._retry.cancel()
        self.boot()

    def reload(self) -> None:
        """Between two citizens: the catalogue and the session set up again (a new
        configuration)."""
        offer = self._load_offer()
        if offer is not None:
            self._set_up(offer)

    def not_enrolled(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None
        if self._retry is not None:
            self._retry.cancel()
            self._retry = None
        self.set_availability(Availability.OUT_OF_SERVICE, OutOfServiceReason.NOT_ENROLLED)

    def _device_states(self) -> DeviceStates | None:
        from kiosk.health import device_states

        return device_states(self)

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
        self._retry = self.scheduler.call_later("out-of-service-retry", retry_s, self.boot)
        self.changed()

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
        for made in ("orders", "configuration"):
            if made in self.__dict__:
                self.__dict__[made].cancel()
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
