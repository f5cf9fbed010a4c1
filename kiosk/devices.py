"""The terminal's devices, chosen by configuration."""

from __future__ import annotations

from dataclasses import dataclass

from drivers.camera.base import Camera
from drivers.camera.simulated import SimulatedCamera
from drivers.card.base import CardReader
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

    Only simulated drivers exist in this version; the configuration loader already refuses
    ``real`` with a clear message, so reaching the error below is a bug.
    """
    for choice in (config.card_reader, config.printer, config.camera):
        if choice is not DeviceChoice.SIMULATED:
            raise ValueError(f"no driver for {choice!r} yet")
    return Devices(
        card_reader=SimulatedCardReader(read_seconds=config.simulated_read_s),
        printer=SimulatedPrinter(),
        camera=SimulatedCamera(),
    )
