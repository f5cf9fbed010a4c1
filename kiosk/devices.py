"""The terminal's devices, chosen by configuration."""

from __future__ import annotations

from dataclasses import dataclass

from drivers.camera.base import Camera
from drivers.camera.simulated import SimulatedCamera
from drivers.card.base import CardReader
from drivers.card.chip_reader import ChipCardReader
from drivers.card.icao.passive import TrustStore
from drivers.card.pcsc import PcscSlot
from drivers.card.simulated import SimulatedCardReader
from drivers.card.virtual.pki import TestPki
from drivers.printer.base import ReceiptPrinter
from drivers.printer.escpos_printer import EscposPrinter
from drivers.printer.simulated import SimulatedPrinter
from drivers.printer.transport import open_transport
from kiosk.config import DeviceChoice
from kiosk.config import Devices as DeviceConfig


@dataclass
class Devices:
    card_reader: CardReader
    printer: ReceiptPrinter
    camera: Camera


def build_devices(config: DeviceConfig) -> Devices:
    """Make the drivers the configuration names.

    Card reader (PC/SC) and printer (ESC/POS) have real drivers; the camera is simulated in this
    version — the configuration loader refuses ``real`` for it with a clear message, so reaching
    the error below is a bug.
    """
    if config.camera is not DeviceChoice.SIMULATED:
        raise ValueError(f"no camera driver for {config.camera!r} yet")
    card_reader: CardReader
    if config.card_reader is DeviceChoice.REAL:
        card_reader = ChipCardReader(
            PcscSlot(config.card_reader_name),
            TrustStore.from_paths(config.csca_trust_store),
            name="card-reader",
        )
    else:
        pki = None
        if config.simulated_pki_dir is not None:
            pki = TestPki.load_or_create(config.simulated_pki_dir)
        card_reader = SimulatedCardReader(read_seconds=config.simulated_read_s, pki=pki)
    printer: ReceiptPrinter
    if config.printer is DeviceChoice.REAL:
        printer = EscposPrinter(open_transport(config.printer_settings), config.printer_settings)
    else:
        printer = SimulatedPrinter(settings=config.printer_settings)
    return Devices(
        card_reader=card_reader,
        printer=printer,
        camera=SimulatedCamera(),
    )
