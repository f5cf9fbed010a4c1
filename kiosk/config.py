"""The terminal's configuration: one TOML file, every key documented in config/kiosk.example.toml.

Loading never raises anything but :class:`ConfigError`, whose message lists every problem found
in plain words (file, table, key, what is wrong, what is allowed), so a technician can fix the
file in one go instead of one error per restart.
"""

from __future__ import annotations

import dataclasses
import math
import re
import tomllib
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from drivers.printer.escpos_encoder import EncodeError, check_settings
from drivers.printer.settings import PAPER_DOTS, Connection, PrinterSettings
from offline_queue.hub_client import hub_url_problem
from wire.health import MAX_REPORT_INTERVAL_S, MIN_REPORT_INTERVAL_S


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


@dataclass(frozen=True)
class Display:
    fullscreen: bool = False
    orientation: Orientation = Orientation.LANDSCAPE


@dataclass(frozen=True)
class Hub:
    """Where submissions go. Relative file names are inside the terminal's data folder."""

    #: The hub's base URL; empty: nothing is sent (submissions stay queued, sealed).
    url: str = ""
    #: The hub's public key (JWK): submissions are sealed for it before they are stored.
    public_key: Path = Path("hub-public.jwk")
    #: This terminal's credential (one line, from ``hub terminals add``).
    credential_file: Path = Path("hub-credential")
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


_SUPPORTED_LANGUAGES = ("de", "en")


class _Reader:
    """Reads typed values out of the parsed TOML, collecting problems instead of stopping."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.problems: list[str] = []
        self.seen: set[tuple[str, str]] = set()

    def table(self, name: str) -> dict[str, Any]:
        value = self.data.get(name, {})
        if not isinstance(value, dict):
            problem = f"[{name}] must be a table, not a single value"
            if problem not in self.problems:
                self.problems.append(problem)
            return {}
        return value

    def get(self, table: str, key: str, kind: type, default: Any) -> Any:
        self.seen.add((table, key))
        values = self.table(table)
        if key not in values:
            return default
        value = values[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            self.problems.append(
                f"[{table}] {key} = {value!r}: must be {_KIND_WORDS.get(kind, kind.__name__)}"
            )
            return default
        return value

    def choice(self, table: str, key: str, enum: type[StrEnum], default: StrEnum) -> Any:
        value = self.get(table, key, str, default.value)
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(f'"{m.value}"' for m in enum)
            self.problems.append(f'[{table}] {key} = "{value}": must be one of {allowed}')
            return default

    def unknown_keys(self) -> None:
        for table, values in self.data.items():
            if not isinstance(values, dict):
                if not any(t == table for t, _ in self.seen):
                    self.problems.append(f"{table} = ...: unknown setting at the top level")
                continue
            for key in values:
                if (table, key) not in self.seen:
                    self.problems.append(f"[{table}] {key}: unknown setting (a typo?)")


_KIND_WORDS: dict[type, str] = {
    str: "text in quotes",
    int: "a whole number",
    float: "a number",
    bool: "true or false",
    list: 'a list like ["de", "en"]',
}


def load_config(path: Path, *, data_dir_override: Path | None = None) -> KioskConfig:
    """Load and validate the configuration file at ``path``.

    Relative paths inside the file are taken relative to the file's own folder, so a
    configuration can be moved together with its catalogue.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(path, [f"the file cannot be read ({exc.strerror})"]) from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(path, ["the file is not UTF-8 text"]) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, [f"the file is not valid TOML: {exc}"]) from exc
    return _from_mapping(data, path, data_dir_override)


def _from_mapping(data: dict[str, Any], path: Path, data_dir_override: Path | None) -> KioskConfig:
    r = _Reader(data)
    base = path.parent
    terminal_id = r.get("terminal", "id", str, "unenrolled")
    municipality = r.get("terminal", "municipality", str, "")
    demo = r.get("terminal", "demo", bool, False)
    status_url = r.get("terminal", "status_url", str, "https://status.example.org/{tracking}")
    if "{tracking}" not in status_url:
        r.problems.append(
            "[terminal] status_url: must contain {tracking}, where the receipt's "
            "tracking number goes"
        )
    else:
        try:
            status_url.format(tracking="X")
        except (KeyError, IndexError, ValueError):
            r.problems.append(
                "[terminal] status_url: only {tracking} may stand in curly braces "
                "(write {{ and }} for literal braces)"
            )
    data_dir_text = r.get("terminal", "data_dir", str, "~/.local/share/point-of-public")
    catalogue_text = r.get("catalogue", "path", str, "")

    languages_raw = r.get("languages", "available", list, ["de", "en"])
    default_language = r.get("languages", "default", str, "de")
    languages = tuple(str(x) for x in languages_raw)
    for lang in languages:
        if lang not in _SUPPORTED_LANGUAGES:
            r.problems.append(
                f'[languages] available: "{lang}" is not supported '
                f"(supported: {', '.join(_SUPPORTED_LANGUAGES)})"
            )
    if not languages:
        r.problems.append("[languages] available: at least one language is needed")
    elif default_language not in languages:
        r.problems.append(
            f'[languages] default = "{default_language}": must be one of the available languages'
        )

    defaults = Timeouts()
    timeouts = Timeouts(
        inactivity_s=r.get("timeouts", "inactivity_s", float, defaults.inactivity_s),
        warning_s=r.get("timeouts", "warning_s", float, defaults.warning_s),
        done_s=r.get("timeouts", "done_s", float, defaults.done_s),
        out_of_service_retry_s=r.get(
            "timeouts", "out_of_service_retry_s", float, defaults.out_of_service_retry_s
        ),
    )
    if timeouts.warning_s < MIN_WARNING_S:
        r.problems.append(
            f"[timeouts] warning_s = {timeouts.warning_s:g}: must be at least {MIN_WARNING_S} "
            "seconds, so that a citizen has time to react"
        )
    for key in ("inactivity_s", "warning_s", "done_s", "out_of_service_retry_s"):
        seconds = getattr(timeouts, key)
        if not math.isfinite(seconds) or seconds > 86_400:
            r.problems.append(f"[timeouts] {key}: must be a number of seconds up to one day")
        elif seconds <= 0:
            r.problems.append(f"[timeouts] {key}: must be more than 0 seconds")

    devices = Devices(
        card_reader=r.choice("devices", "card_reader", DeviceChoice, DeviceChoice.SIMULATED),
        printer=r.choice("devices", "printer", DeviceChoice, DeviceChoice.SIMULATED),
        camera=r.choice("devices", "camera", DeviceChoice, DeviceChoice.SIMULATED),
        simulated_read_s=r.get("devices", "simulated_read_s", float, 0.8),
    )
    simulated_pki = r.get("devices", "simulated_pki", bool, False)
    card_reader_name = r.get("card", "reader", str, "")
    trust_texts = r.get("card", "trust_store", list, [])
    trust_store: list[Path] = []
    for text in trust_texts:
        if not isinstance(text, str) or not text:
            r.problems.append("[card] trust_store: must be a list of file or folder names")
            break
        found = _resolve(base, text)
        if not found.exists():
            r.problems.append(f'[card] trust_store: "{text}" does not exist')
        trust_store.append(found)
    if devices.card_reader is DeviceChoice.REAL and not trust_texts:
        r.problems.append(
            "[card] trust_store: name the CSCA certificates or master lists; without them no "
            "document's chip can be checked for authenticity"
        )
    devices = dataclasses.replace(
        devices, card_reader_name=card_reader_name, csca_trust_store=tuple(trust_store)
    )
    printer_settings, printer_poll_s = _printer(r, devices.printer is DeviceChoice.REAL)
    devices = dataclasses.replace(
        devices, printer_settings=printer_settings, printer_poll_s=printer_poll_s
    )
    receipt_email = r.get("receipt", "email", bool, False)
    logo_text = r.get("receipt", "logo", str, "")
    receipt_logo = _resolve(base, logo_text) if logo_text else None
    if receipt_logo is not None and not receipt_logo.is_file():
        r.problems.append(f'[receipt] logo: "{logo_text}" does not exist')
    for name in ("camera",):
        if getattr(devices, name) is DeviceChoice.REAL:
            r.problems.append(
                f'[devices] {name} = "real": the real driver is not part of this version yet; '
                'use "simulated"'
            )
    display = Display(
        fullscreen=r.get("display", "fullscreen", bool, False),
        orientation=r.choice("display", "orientation", Orientation, Orientation.LANDSCAPE),
    )
    hub_defaults = Hub()
    hub_url = r.get("hub", "url", str, "")
    allow_insecure_loopback = r.get("hub", "allow_insecure_loopback", bool, False)
    url_problem = hub_url_problem(hub_url, allow_insecure_loopback) if hub_url else None
    if (
        url_problem is None
        and hub_url
        and not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", hub_url)
    ):
        url_problem = "must be an https:// address"
    if url_problem is not None:
        r.problems.append(f'[hub] url = "{hub_url}": {url_problem}')
    public_key_text = r.get("hub", "public_key", str, str(hub_defaults.public_key))
    credential_text = r.get("hub", "credential_file", str, str(hub_defaults.credential_file))
    min_free_mb = r.get("hub", "min_free_mb", float, hub_defaults.min_free_mb)
    connect_timeout_s = r.get("hub", "connect_timeout_s", float, hub_defaults.connect_timeout_s)
    read_timeout_s = r.get("hub", "read_timeout_s", float, hub_defaults.read_timeout_s)
    health_interval_s = r.get("hub", "health_interval_s", float, hub_defaults.health_interval_s)
    # The hub's model (wire.health) takes these bounds: what loads here, the hub accepts.
    low, high = MIN_REPORT_INTERVAL_S, MAX_REPORT_INTERVAL_S
    if not math.isfinite(health_interval_s) or not low <= health_interval_s <= high:
        r.problems.append(f"[hub] health_interval_s: must be a number from {low:.0f} to {high:.0f}")
    for key, value in (
        ("min_free_mb", min_free_mb),
        ("connect_timeout_s", connect_timeout_s),
        ("read_timeout_s", read_timeout_s),
    ):
        # A timeout of 0 is no timeout to the HTTP library but an error at every send: every
        # item would fail alike. Refused here, where a technician sees it.
        timeout = key != "min_free_mb"
        if not math.isfinite(value) or value < 0 or value > 1e6 or (timeout and value == 0):
            bounds = "more than 0 and at most 1000000 seconds" if timeout else "from 0 to 1000000"
            r.problems.append(f"[hub] {key}: must be a number {bounds}")
    r.unknown_keys()

    if not catalogue_text:
        r.problems.append("[catalogue] path: the service catalogue file must be named")
    if not municipality:
        r.problems.append("[terminal] municipality: the municipality's name must be given")
    if r.problems:
        raise ConfigError(path, r.problems)

    data_dir = data_dir_override or _resolve(base, data_dir_text)
    if simulated_pki:
        devices = dataclasses.replace(devices, simulated_pki_dir=data_dir / "demo-pki")
    hub = Hub(
        url=hub_url.rstrip("/"),
        public_key=_resolve(data_dir, public_key_text),
        credential_file=_resolve(data_dir, credential_text),
        min_free_mb=min_free_mb,
        connect_timeout_s=connect_timeout_s,
        read_timeout_s=read_timeout_s,
        allow_insecure_loopback=allow_insecure_loopback,
        health_interval_s=health_interval_s,
    )
    return KioskConfig(
        terminal_id=terminal_id,
        municipality=municipality,
        catalogue_path=_resolve(base, catalogue_text),
        data_dir=data_dir,
        languages=languages,
        default_language=default_language,
        timeouts=timeouts,
        devices=devices,
        display=display,
        hub=hub,
        demo=demo,
        status_url=status_url,
        receipt_logo=receipt_logo,
        receipt_email=receipt_email,
        source=path,
    )


def _printer(r: _Reader, real: bool) -> tuple[PrinterSettings, float]:
    """``[printer]``: the connection and the model's details."""
    d = PrinterSettings()
    t = "printer"
    connection = r.choice(t, "connection", Connection, d.connection)
    address_key = {
        Connection.NETWORK: "host",
        Connection.SERIAL: "device",
        Connection.FILE: "device",
        Connection.CUPS: "queue",
    }.get(connection, "")
    host = r.get(t, "host", str, "")
    device = r.get(t, "device", str, "")
    queue = r.get(t, "queue", str, "")
    cups_server = r.get(t, "cups_server", str, "")
    if cups_server and not re.fullmatch(r"[A-Za-z0-9.\-\[\]:]+:\d{1,5}", cups_server):
        r.problems.append(f'[printer] cups_server = "{cups_server}": must be "host:port"')
        cups_server = ""
    address = {"host": host, "device": device, "queue": queue}.get(address_key, "")
    number = r.get(t, "codepage_number", int, -1)
    paper_dots = r.get(t, "paper_dots", int, 0)
    settings = PrinterSettings(
        connection=connection,
        address=address,
        port=r.get(t, "port", int, d.port),
        usb_vendor_id=r.get(t, "usb_vendor_id", int, 0),
        usb_product_id=r.get(t, "usb_product_id", int, 0),
        usb_in_ep=r.get(t, "usb_in_ep", int, d.usb_in_ep),
        usb_out_ep=r.get(t, "usb_out_ep", int, d.usb_out_ep),
        serial_baudrate=r.get(t, "baudrate", int, d.serial_baudrate),
        cups_server=cups_server,
        profile=r.get(t, "profile", str, d.profile),
        paper_mm=r.get(t, "paper_mm", int, d.paper_mm),
        paper_dots=paper_dots or None,
        codepage=r.get(t, "codepage", str, d.codepage),
        codepage_number=None if number < 0 else number,
        partial_cut=r.get(t, "partial_cut", bool, d.partial_cut),
        native_qr=r.get(t, "native_qr", bool, d.native_qr),
        status_queries=r.get(t, "status_queries", bool, d.status_queries),
        status_timeout_s=r.get(t, "status_timeout_s", float, d.status_timeout_s),
        job_timeout_s=r.get(t, "job_timeout_s", float, d.job_timeout_s),
        confirm_timeout_s=r.get(t, "confirm_timeout_s", float, d.confirm_timeout_s),
    )
    poll_s = r.get(t, "status_poll_s", float, 30.0)
    if settings.paper_mm not in PAPER_DOTS:
        r.problems.append(f"[printer] paper_mm = {settings.paper_mm}: must be 80 or 58")
        settings = dataclasses.replace(settings, paper_mm=80)
    if paper_dots and not 64 <= paper_dots <= 832:
        r.problems.append("[printer] paper_dots: must be from 64 to 832 (or 0: automatic)")
    if not 0 <= settings.port <= 65535:
        r.problems.append("[printer] port: must be from 1 to 65535")
    if number > 255:
        r.problems.append("[printer] codepage_number: must be from 0 to 255 (ESC t n)")
    for key, value, low in (
        ("status_timeout_s", settings.status_timeout_s, 0.05),
        ("job_timeout_s", settings.job_timeout_s, 1.0),
        ("confirm_timeout_s", settings.confirm_timeout_s, 0.1),
        ("status_poll_s", poll_s, 1.0),
    ):
        if not math.isfinite(value) or not low <= value <= 3600:
            r.problems.append(f"[printer] {key}: must be a number of seconds from {low:g} to 3600")
    try:
        check_settings(settings)
    except EncodeError as exc:
        r.problems.append(f"[printer] {exc}")
    if real:
        if address_key and not address:
            r.problems.append(
                f'[printer] {address_key}: needed for connection = "{connection.value}"'
            )
        if connection is Connection.USB and not (
            settings.usb_vendor_id and settings.usb_product_id
        ):
            r.problems.append(
                "[printer] usb_vendor_id and usb_product_id: needed for a USB printer "
                "(see lsusb, e.g. 0x04b8 and 0x0e15)"
            )
        if connection is Connection.CUPS and not _has_module("cups"):
            r.problems.append(
                '[printer] connection = "cups": needs pycups (pip install pycups, with '
                "Debian's libcups2-dev)"
            )
    return settings, poll_s


def _has_module(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def _resolve(base: Path, text: str) -> Path:
    p = Path(text).expanduser()
    return p if p.is_absolute() else (base / p).resolve()
