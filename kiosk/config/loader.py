"""Loading the configuration file: every key documented in config/kiosk.example.toml."""

from __future__ import annotations

import dataclasses
import math
import re
import tomllib
from pathlib import Path
from typing import Any

from kiosk.config.camera import read_camera
from kiosk.config.model import (
    MIN_WARNING_S,
    ConfigError,
    DeviceChoice,
    Devices,
    Display,
    Hub,
    KioskConfig,
    Orientation,
    Timeouts,
)
from kiosk.config.printer import read_printer
from kiosk.config.reader import Reader, resolve
from kiosk.config.sound import read_sound
from kiosk.languages import SUPPORTED as _SUPPORTED_LANGUAGES
from offline_queue.hub_address import hub_url_problem
from wire.report_interval import MAX_REPORT_INTERVAL_S, MIN_REPORT_INTERVAL_S


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
    r = Reader(data)
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
        sound=r.choice("devices", "sound", DeviceChoice, DeviceChoice.SIMULATED),
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
        found = resolve(base, text)
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
    printer_settings, printer_poll_s = read_printer(r, devices.printer is DeviceChoice.REAL)
    devices = dataclasses.replace(
        devices, printer_settings=printer_settings, printer_poll_s=printer_poll_s
    )
    receipt_email = r.get("receipt", "email", bool, False)
    logo_text = r.get("receipt", "logo", str, "")
    receipt_logo = resolve(base, logo_text) if logo_text else None
    if receipt_logo is not None and not receipt_logo.is_file():
        r.problems.append(f'[receipt] logo: "{logo_text}" does not exist')
    devices = dataclasses.replace(
        devices,
        camera_settings=read_camera(r, devices.camera is DeviceChoice.REAL, base),
        sound_settings=read_sound(r),
    )
    display = Display(
        fullscreen=r.get("display", "fullscreen", bool, False),
        orientation=r.choice("display", "orientation", Orientation, Orientation.LANDSCAPE),
        read_aloud=r.get("display", "read_aloud", bool, False),
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
    enrol_url = r.get("hub", "enrol_url", str, "").rstrip("/")
    enrol_ca = r.get("hub", "enrol_ca_sha256", str, "").lower()
    if enrol_url and not re.fullmatch(r"https://[^\s/?#]+", enrol_url):
        r.problems.append(f'[hub] enrol_url = "{enrol_url}": must be an https:// address')
    if enrol_ca and not re.fullmatch(r"[0-9a-f]{64}", enrol_ca):
        r.problems.append("[hub] enrol_ca_sha256: the CA certificate's SHA-256, 64 hex digits")
    if bool(enrol_url) != bool(enrol_ca):
        r.problems.append("[hub] enrol_url and enrol_ca_sha256 go together")
    r.unknown_keys()

    if not catalogue_text:
        r.problems.append("[catalogue] path: the service catalogue file must be named")
    if not municipality:
        r.problems.append("[terminal] municipality: the municipality's name must be given")
    if r.problems:
        raise ConfigError(path, r.problems)

    data_dir = data_dir_override or resolve(base, data_dir_text)
    if simulated_pki:
        devices = dataclasses.replace(devices, simulated_pki_dir=data_dir / "demo-pki")
    hub = Hub(
        url=hub_url.rstrip("/"),
        public_key=resolve(data_dir, public_key_text),
        credential_file=resolve(data_dir, credential_text),
        identity_dir=data_dir / hub_defaults.identity_dir,
        min_free_mb=min_free_mb,
        connect_timeout_s=connect_timeout_s,
        read_timeout_s=read_timeout_s,
        allow_insecure_loopback=allow_insecure_loopback,
        health_interval_s=health_interval_s,
        enrol_url=enrol_url,
        enrol_ca_sha256=enrol_ca,
    )
    return KioskConfig(
        terminal_id=terminal_id,
        municipality=municipality,
        catalogue_path=resolve(base, catalogue_text),
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
