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
from drivers.printer.base import ReceiptPrinter
from drivers.printer.simulated import SimulatedPrinter
from kiosk.config import DeviceChoice
from kiosk.config import Devices as DeviceConfig


@dataclass
class Devices:
    card_reader: CardReader
    printer: ReceiptPrinter
    camera: Camera


def build_devices(config: DeviceConfig) -> Devices:
    """Make the drivers the configuration names.

    The card reader has a real driver (PC/SC); printer and camera are simulated in this version
    — the configuration loader refuses ``real`` for them with a clear message, so reaching the
    error below is a bug.
    """
    for choice in (config.printer, config.camera):
        if choice is not DeviceChoice.SIMULATED:
            raise ValueError(f"no driver for {choice!r} yet")
    card_reader: CardReader
    if config.card_reader is DeviceChoice.REAL:
        card_reader = ChipCardReader(
            PcscSlot(config.card_reader_name),
            TrustStore.from_paths(config.csca_trust_store),
            name="card-reader",
        )
    else:
        card_reader = SimulatedCardReader(read_seconds=config.simulated_read_s)
    return Devices(
        card_reader=card_reader,
        printer=SimulatedPrinter(),
        camera=SimulatedCamera(),
    )
