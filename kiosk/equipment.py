"""Device state: what the terminal's devices and its link to the hub are doing.

It lives as long as the process (the :class:`kiosk.terminal.Terminal` owns it), across citizens
and across the session objects a reboot of the terminal's setup makes: the reader's status, a
card left lying on the reader, the printer's status and its worker, the hub link. A session
reads it and is told when it changes; it never owns a device.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from drivers.card.base import CardReaderListener, DocumentData, ReaderStatus, ReadFailure
from drivers.devices import Devices, DeviceSettings
from kiosk.config import DeviceChoice
from kiosk.config import Devices as DeviceConfig
from kiosk.printing import STATUS_POLL_S, PrintStation
from kiosk.scheduling import Scheduler, Worker
from offline_queue.delivery import Connection, DeliveryStatus
from offline_queue.status_lookup import StatusLookup

if TYPE_CHECKING:
    from kiosk.call.dialer import Dialer
    from kiosk.session import Session

log = logging.getLogger(__name__)


def device_settings(config: DeviceConfig) -> DeviceSettings:
    """The kiosk's ``[devices]`` configuration as the drivers' factory takes it."""
    return DeviceSettings(
        real_card_reader=config.card_reader is DeviceChoice.REAL,
        real_printer=config.printer is DeviceChoice.REAL,
        real_camera=config.camera is DeviceChoice.REAL,
        real_sound=config.sound is DeviceChoice.REAL,
        simulated_read_s=config.simulated_read_s,
        simulated_pki_dir=config.simulated_pki_dir,
        card_reader_name=config.card_reader_name,
        csca_trust_store=config.csca_trust_store,
        printer_settings=config.printer_settings,
        camera_settings=config.camera_settings,
        sound_settings=config.sound_settings,
    )


class Equipment:
    """The devices, their workers and their state, for the life of the process."""

    def __init__(
        self, devices: Devices, scheduler: Scheduler, printer_poll_s: float = STATUS_POLL_S
    ) -> None:
        self.devices = devices
        # One thread per resource, for the terminal's lifetime (STYLE: one owner per resource).
        self.print_station = PrintStation(devices.printer, scheduler, poll_s=printer_poll_s)
        self.camera_worker = Worker("camera", scheduler)
        self.outbox_worker = Worker("outbox-writer", scheduler)
        #: Status look-ups for citizens at the terminal (None: no hub to ask).
        self.status_lookup: StatusLookup | None = None
        self.lookup_worker = Worker("status-lookup", scheduler)
        #: The technician's work (the self-test): never in the citizens' look-ups' way.
        self.service_worker = Worker("service", scheduler)
        #: Places video calls to the town hall (None: no hub to call; the phone number shows).
        self.call_dialer: Dialer | None = None
        self.reader_status = ReaderStatus.NO_READER
        #: A card lies on the reader waiting for its CAN/MRZ (put down before the identify
        #: screen, or by the previous citizen). The value: whether the CAN can open it.
        self.card_waiting: bool | None = None
        #: The terminal's link to the hub (for the "offline — N waiting" indicator).
        self.hub = DeliveryStatus(Connection.UNKNOWN, 0, None, 0)
        self._started = False
        if devices.demo is not None:
            # The demo took the paper out or put it back: the status answer says so at once.
            devices.demo.on_printer_changed = self.print_station.refresh

    def start(self) -> None:
        """Start asking the printer for its status and the camera capturing (once; later
        calls do nothing)."""
        if not self._started:
            self._started = True
            self.print_station.start()
            self.devices.camera.start()

    def reader_changed(self, status: ReaderStatus) -> bool:
        """Record the reader's status; whether it changed. Availability is state: logged once
        when it changes, loudly only when lost."""
        if status is self.reader_status:
            return False
        level = logging.INFO if status is ReaderStatus.READY else logging.WARNING
        log.log(level, "card reader status: %s", status.value)
        self.reader_status = status
        return True

    def close(self) -> None:
        """Stop the workers and close the printer (the terminal shuts down)."""
        self.print_station.close()
        for worker in (
            self.camera_worker,
            self.outbox_worker,
            self.lookup_worker,
            self.service_worker,
        ):
            worker.stop()
        if self.status_lookup is not None:
            self.status_lookup.close()
        self.devices.printer.close()
        self.devices.camera.close()
        # The voice and the headset watch: their threads end, speech-dispatcher's connection
        # is closed (a restart would otherwise leave one behind each time).
        self.devices.sound.close()


class CardEvents(CardReaderListener):
    """Hands the reader's events (its worker thread) to the core's thread: to the session if
    there is one, else to the device state alone (a terminal out of service still knows its
    reader's status and a card lying on it)."""

    def __init__(
        self, scheduler: Scheduler, equipment: Equipment, session: Callable[[], Session | None]
    ) -> None:
        self._post = scheduler.post
        self._equipment = equipment
        self._session = session

    def _deliver(
        self, action: Callable[[Session], None], alone: Callable[[], object] = lambda: None
    ) -> None:
        def run() -> None:
            session = self._session()
            if session is not None:
                action(session)
            else:
                alone()

        self._post(run)

    def card_inserted(self) -> None:
        self._deliver(lambda s: s.on_card_inserted())

    def card_removed(self) -> None:
        self._deliver(lambda s: s.on_card_removed(), self._card_gone)

    def _card_gone(self) -> None:
        self._equipment.card_waiting = None

    def document_read(self, data: DocumentData) -> None:
        self._deliver(lambda s: s.on_document_read(data), data.wipe)

    def read_failed(self, failure: ReadFailure) -> None:
        self._deliver(lambda s: s.on_read_failed(failure))

    def reader_status_changed(self, status: ReaderStatus) -> None:
        self._deliver(
            lambda s: s.on_reader_status(status), lambda: self._equipment.reader_changed(status)
        )

    def access_needed(self, kind: str, accepts_can: bool) -> None:
        def alone() -> None:
            self._equipment.card_waiting = accepts_can

        self._deliver(lambda s: s.on_access_needed(kind, accepts_can), alone)

    def read_progress(self, fraction: float) -> None:
        self._deliver(lambda s: s.on_read_progress(fraction))
