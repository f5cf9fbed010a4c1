"""The terminal's set of devices and the drivers-level settings that choose them.

Plain data, importing no driver: the core (``kiosk/``) types against it, and
:mod:`drivers.factory` builds it, importing each driver only when it is chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from drivers.camera.base import Camera
from drivers.camera.settings import CaptureSettings
from drivers.card.base import CardReader
from drivers.printer.base import ReceiptPrinter
from drivers.printer.settings import PrinterSettings
from drivers.sound.base import Sound
from drivers.sound.settings import SoundSettings


class DemoPanel(Protocol):
    """The demo's controls over its simulators (``drivers.demo.DemoControls``): what the
    demo screen offers besides the product. Typed here so that the core needs no simulator."""

    #: Called after the paper was changed (the terminal asks the printer's status at once).
    on_printer_changed: Callable[[], None]

    def samples(self) -> list[str]: ...
    def sample_access_text(self, sample: str) -> str: ...
    def printer_has_paper(self) -> bool | None: ...
    def set_printer_paper(self, loaded: bool) -> None: ...
    def place_sample_card(self, sample: str) -> None: ...
    def camera_simulated(self) -> bool: ...
    def hold_to_camera(self, scene: str, payload: str = "") -> None: ...
    def hold_passport(self, sample: str) -> None: ...


@dataclass
class Devices:
    card_reader: CardReader
    printer: ReceiptPrinter
    camera: Camera
    #: The microphone and loudspeaker for the call to a clerk.
    sound: Sound
    #: The demo's controls, if any device is a simulator (set by ``drivers.factory``).
    demo: DemoPanel | None = None


@dataclass(frozen=True)
class DeviceSettings:
    """Which drivers to build (the kiosk's ``[devices]`` configuration, converted)."""

    real_card_reader: bool = False
    real_printer: bool = False
    real_camera: bool = False
    real_sound: bool = False
    #: Seconds the simulated card reader takes to "read" a card.
    simulated_read_s: float = 0.8
    #: Where the simulated reader keeps its test PKI (None: a fresh one each start).
    simulated_pki_dir: Path | None = None
    #: The real card reader: part of its PC/SC name ("" takes the first reader).
    card_reader_name: str = ""
    #: CSCA certificates for passive authentication (files, master lists or folders).
    csca_trust_store: tuple[Path, ...] = ()
    printer_settings: PrinterSettings = field(default_factory=PrinterSettings)
    #: The real camera's source and format (``[camera]``).
    camera_settings: CaptureSettings = field(default_factory=lambda: CaptureSettings(""))
    #: The sound server and its devices (``[sound]``).
    sound_settings: SoundSettings = field(default_factory=SoundSettings)
