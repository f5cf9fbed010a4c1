"""Builds the devices the settings name.

Each driver module is imported inside the branch that builds it: a terminal with a real reader
never loads the simulator and its virtual chip, the demo never loads pyscard, and nothing of
either is imported before the devices are built (after the first frame, if the caller wishes).
"""

from __future__ import annotations

from drivers.camera.base import Camera
from drivers.card.base import CardReader
from drivers.devices import Devices, DeviceSettings
from drivers.printer.base import ReceiptPrinter
from drivers.sound.base import Sound


def build_devices(settings: DeviceSettings) -> Devices:
    """Make the drivers ``settings`` name.

    Card reader (PC/SC), printer (ESC/POS), camera (OpenCV) and sound (the sound server) each
    have a real driver and a simulator.
    """
    devices = Devices(
        card_reader=_card_reader(settings),
        printer=_printer(settings),
        camera=_camera(settings),
        sound=_sound(settings),
    )
    if not (settings.real_card_reader and settings.real_printer):
        from drivers.demo import DemoControls

        devices.demo = DemoControls(devices)
    return devices


def _card_reader(settings: DeviceSettings) -> CardReader:
    if settings.real_card_reader:
        from drivers.card.chip_reader import ChipCardReader
        from drivers.card.icao.passive import TrustStore
        from drivers.card.pcsc import PcscSlot

        return ChipCardReader(
            PcscSlot(settings.card_reader_name),
            TrustStore.from_paths(settings.csca_trust_store),
            name="card-reader",
        )
    from drivers.card.simulated import SimulatedCardReader

    pki = None
    if settings.simulated_pki_dir is not None:
        from drivers.card.virtual.pki import TestPki

        pki = TestPki.load_or_create(settings.simulated_pki_dir)
    return SimulatedCardReader(read_seconds=settings.simulated_read_s, pki=pki)


def _printer(settings: DeviceSettings) -> ReceiptPrinter:
    if settings.real_printer:
        from drivers.printer.escpos_printer import EscposPrinter
        from drivers.printer.transport import open_transport

        return EscposPrinter(open_transport(settings.printer_settings), settings.printer_settings)
    from drivers.printer.simulated import SimulatedPrinter

    return SimulatedPrinter(settings=settings.printer_settings)


def _camera(settings: DeviceSettings) -> Camera:
    if settings.real_camera:
        from drivers.camera.opencv_camera import OpenCvCamera

        return OpenCvCamera(settings.camera_settings)
    from drivers.camera.simulated import SimulatedCamera

    return SimulatedCamera()


def _sound(settings: DeviceSettings) -> Sound:
    if settings.real_sound:
        from drivers.sound.pulse import PulseSound

        return PulseSound(settings.sound_settings)
    from drivers.sound.simulated import SimulatedSound

    return SimulatedSound()
