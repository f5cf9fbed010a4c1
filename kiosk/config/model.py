"""The terminal's configuration as typed, immutable values (read by :mod:`kiosk.config.loader`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from drivers.camera.settings import CaptureSettings
from drivers.printer.settings import PrinterSettings
from drivers.sound.settings import SoundSettings


class DeviceChoice(StrEnum):
    """Which implementation of a device driver the terminal uses."""

    SIMULATED = "simulated"
    REAL = "real"


class Orientation(StrEnum):
    LANDSCAPE = "landscape"
    PORTRAIT = "portrait"


#: The shortest countdown a citizen gets before the session is wiped (EN 301 549, 5.10:
#: timing must leave time to react; the issue asks for at least 20 s).
MIN_WARNING_S = 20


@dataclass(frozen=True)
class Timeouts:
    inactivity_s: float = 90.0
    warning_s: float = 30.0
    done_s: float = 60.0
    out_of_service_retry_s: float = 30.0


@dataclass(frozen=True)
class Devices:
    card_reader: DeviceChoice = DeviceChoice.SIMULATED
    printer: DeviceChoice = DeviceChoice.SIMULATED
    camera: DeviceChoice = DeviceChoice.SIMULATED
    #: The microphone and loudspeaker of the call (simulated: a tone, nothing played).
    sound: DeviceChoice = DeviceChoice.SIMULATED
    #: Seconds the simulated card reader takes to "read" a card; the demo feels real, tests use 0.
    simulated_read_s: float = 0.8
    #: Where the simulated reader keeps the test PKI its sample chips are signed with
    #: (``[devices] simulated_pki = true``: ``<data_dir>/demo-pki``), so that the local hub can
    #: trust its CSCA (``hub serve --csca``); None: a fresh one each start.
    simulated_pki_dir: Path | None = None
    #: The real card reader: part of its PC/SC name ("" takes the first reader pcscd lists).
    card_reader_name: str = ""
    #: CSCA certificates for passive authentication: certificate files (PEM/DER), CSCA master
    #: lists, or folders of them.
    csca_trust_store: tuple[Path, ...] = ()
    #: The receipt printer: its connection and model (``[printer]``).
    printer_settings: PrinterSettings = field(default_factory=PrinterSettings)
    #: Seconds between two questions for the printer's status.
    printer_poll_s: float = 30.0
    #: The real camera: its source and what it is asked for (``[camera]``).
    camera_settings: CaptureSettings = field(default_factory=lambda: CaptureSettings(""))
    #: The sound server and its devices (``[sound]``).
    sound_settings: SoundSettings = field(default_factory=SoundSettings)


@dataclass(frozen=True)
class Display:
    fullscreen: bool = False
    orientation: Orientation = Orientation.LANDSCAPE
    #: Read the screens aloud for every citizen from the start (a terminal where many cannot
    #: see it well); otherwise a citizen turns it on, or plugs in a headset.
    read_aloud: bool = False


@dataclass(frozen=True)
class Hub:
    """Where submissions go. Relative file names are inside the terminal's data folder."""

    #: The hub's base URL; empty: nothing is sent (submissions stay queued, sealed).
    url: str = ""
    #: The hub's public key (JWK): submissions are sealed for it before they are stored.
    public_key: Path = Path("hub-public.jwk")
    #: This terminal's credential (one line, from ``hub terminals add``), until it is enrolled.
    credential_file: Path = Path("hub-credential")
    #: The device identity from enrolment (``python -m provisioning enrol``): when there is
    #: one, the terminal talks to the hub with mutual TLS at the address it was told then.
    identity_dir: Path = Path("identity")
    #: Below this much free disk space no new submission is started.
    min_free_mb: float = 200.0
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 30.0
    #: Permit a plain http:// hub on this machine (127.0.0.1, ::1, localhost): the demo and
    #: tests only. Any other http:// address is refused (see offline_queue.hub_client).
    allow_insecure_loopback: bool = False
    #: A health report goes to the hub after every change of dead letters, held items or
    #: connection, and at least this often (seconds).
    health_interval_s: float = 300.0
    #: For enrolment by a typed code (the service mode): the hub's https:// address and the
    #: SHA-256 of its CA certificate, as the municipality's image for its terminals sets
    #: them. Without them only a scanned QR code (which holds both) enrols.
    enrol_url: str = ""
    enrol_ca_sha256: str = ""
    #: The STUN/TURN servers of the calls (from the hub's configuration): the self-test
    #: checks that each answers from here.
    turn_urls: tuple[str, ...] = ()


@dataclass(frozen=True)
class KioskConfig:
    terminal_id: str
    municipality: str
    catalogue_path: Path
    data_dir: Path
    languages: tuple[str, ...] = ("de", "en")
    default_language: str = "de"
    timeouts: Timeouts = field(default_factory=Timeouts)
    devices: Devices = field(default_factory=Devices)
    display: Display = field(default_factory=Display)
    hub: Hub = field(default_factory=Hub)
    demo: bool = False
    #: Where a receipt's QR code points; ``{tracking}`` is replaced by the tracking number.
    status_url: str = "https://status.example.org/{tracking}"
    #: The municipality's logo at the top of each receipt (an image file), if any.
    receipt_logo: Path | None = None
    #: When the printer cannot print, offer to have the hub mail the receipt (the municipality
    #: enables it: its hub must be set up to send mail).
    receipt_email: bool = False
    source: Path | None = None


class ConfigError(Exception):
    """The configuration file cannot be used; the message says every reason."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"The configuration {path} cannot be used:\n{lines}")
