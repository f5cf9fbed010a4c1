"""A terminal's configuration from the hub (``pop.configuration/1``): what it offers and how it
behaves, signed by the hub and versioned.

    terminal → hub   GET /api/v1/terminals/{id}/configuration   (mutual TLS only)
                     If-None-Match: "7"   (the version it has)
    hub → terminal   200 {"format": "pop.configuration/1", "payload": "<base64>",
                          "signature": "<base64>", "signer": "<PEM>"}
                     304 (nothing newer)

The payload is JSON (:class:`Configuration`): the service catalogue (YAML text: services, forms,
languages, texts, the town hall's contact and opening hours), the hub's public key the
submissions are sealed for, the CSCA certificates passive authentication trusts, the
languages the terminal offers, its timeouts, its heartbeat interval, the printer's status poll
and the STUN/TURN servers its self-test checks. ``signature`` is ECDSA P-256 with SHA-256 over
the payload's bytes exactly as sent, by the hub's configuration-signing certificate
(``signer``), which the hub's CA issued for code signing only; the terminal checks it against
the CA it enrolled with, and the payload names the terminal it is for, so one terminal's
configuration cannot be replayed to another. Versions only grow: an older one is refused.

The hub tells a terminal its newest version with every answer to a health report
(``"configuration": 7``); the terminal fetches it when it is newer than its own.

This module is the format only (no cryptography): the hub signs (``hub.configuration``), the
terminal checks and keeps it (``provisioning.configuration``).
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from typing import Any

FORMAT = "pop.configuration/1"
CONFIGURATION_PATH = "/api/v1/terminals/{terminal_id}/configuration"
#: The catalogue, a key, a few hundred CSCA certificates: well under this.
MAX_CONFIGURATION_BYTES = 4 * 2**20
MAX_VERSION = 2**53 - 1


class ConfigurationError(ValueError):
    """Not a configuration this terminal can take (now), in words for the technician."""


class RefusedConfigurationError(ConfigurationError):
    """This configuration will never do (its signature, its content, its terminal, its
    version): not asked for again. Its parent is also raised for what may pass later (the
    hub away, the clock not set yet)."""


@dataclass(frozen=True)
class TerminalSettings:
    """What the hub sets for every terminal (absent: the terminal keeps its own setting)."""

    languages: tuple[str, ...] = ()
    default_language: str = ""
    inactivity_s: float | None = None
    warning_s: float | None = None
    done_s: float | None = None
    health_interval_s: float | None = None
    printer_poll_s: float | None = None
    #: The STUN/TURN servers (``turn:host:3478``…) the self-test checks for reachability.
    turn_urls: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for name, value in self.__dict__.items():
            if value not in (None, "", ()):
                found[name] = list(value) if isinstance(value, tuple) else value
        return found


_SECONDS = ("inactivity_s", "warning_s", "done_s", "health_interval_s", "printer_poll_s")
#: Bounds a setting from the hub must keep (a typo must not make a terminal unusable).
_BOUNDS = {
    "inactivity_s": (20.0, 3600.0),
    "warning_s": (20.0, 600.0),
    "done_s": (10.0, 3600.0),
    "health_interval_s": (30.0, 86400.0),
    "printer_poll_s": (5.0, 3600.0),
}


def settings_from(found: Any) -> TerminalSettings:
    if not isinstance(found, dict):
        raise RefusedConfigurationError("settings: not an object")
    unknown = set(found) - set(TerminalSettings.__dataclass_fields__)
    if unknown:
        raise RefusedConfigurationError(f"settings: unknown {', '.join(sorted(unknown))}")
    values: dict[str, Any] = {}
    for name in _SECONDS:
        if name in found:
            value = found[name]
            low, high = _BOUNDS[name]
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise RefusedConfigurationError(f"settings: {name} is not a number")
            if not low <= value <= high:
                why = f"settings: {name} {value} is not within {low}–{high}"
                raise RefusedConfigurationError(why)
            values[name] = float(value)
    for name in ("languages", "turn_urls"):
        if name in found:
            items = found[name]
            if not isinstance(items, list) or not all(
                isinstance(x, str) and 0 < len(x) <= 200 for x in items
            ):
                raise RefusedConfigurationError(f"settings: {name} is not a list of short texts")
            values[name] = tuple(items)
    for url in values.get("turn_urls", ()):
        if url.split(":", 1)[0] not in ("stun", "turn", "turns"):
            raise RefusedConfigurationError(f"settings: {url} is not a stun:, turn: or turns: URL")
    if "default_language" in found:
        if not isinstance(found["default_language"], str) or len(found["default_language"]) > 16:
            raise RefusedConfigurationError("settings: default_language is not a language code")
        values["default_language"] = found["default_language"]
    return TerminalSettings(**values)


@dataclass(frozen=True)
class Configuration:
    version: int
    terminal_id: str
    #: When the hub published this version (ISO 8601, UTC; for people, not compared).
    published_at: str
    catalogue_yaml: str
    hub_public_key: dict[str, Any]
    #: CSCA certificates, PEM.
    csca: tuple[str, ...] = ()
    settings: TerminalSettings = field(default_factory=TerminalSettings)

    def payload(self) -> bytes:
        return json.dumps(
            {
                "format": FORMAT,
                "version": self.version,
                "terminal_id": self.terminal_id,
                "published_at": self.published_at,
                "catalogue": self.catalogue_yaml,
                "hub_public_key": self.hub_public_key,
                "csca": list(self.csca),
                "settings": self.settings.as_json(),
            },
            ensure_ascii=False,
            sort_keys=True,
        ).encode("utf-8")


def parse_payload(payload: bytes) -> Configuration:
    try:
        found = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise RefusedConfigurationError("the payload is not JSON") from None
    if not isinstance(found, dict) or found.get("format") != FORMAT:
        raise RefusedConfigurationError(f"not a {FORMAT} configuration")
    version = found.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or not 0 < version <= MAX_VERSION:
        raise RefusedConfigurationError("no valid version")
    text_fields = ("terminal_id", "published_at", "catalogue")
    if not all(isinstance(found.get(name), str) for name in text_fields):
        raise RefusedConfigurationError("terminal_id, published_at and catalogue are texts")
    key = found.get("hub_public_key")
    if not isinstance(key, dict) or key.get("kty") != "RSA" or "d" in key:
        raise RefusedConfigurationError("hub_public_key is not a public RSA JWK")
    csca = found.get("csca", [])
    if not isinstance(csca, list) or not all(isinstance(x, str) for x in csca):
        raise RefusedConfigurationError("csca is not a list of PEM certificates")
    return Configuration(
        version=version,
        terminal_id=found["terminal_id"],
        published_at=found["published_at"],
        catalogue_yaml=found["catalogue"],
        hub_public_key=key,
        csca=tuple(csca),
        settings=settings_from(found.get("settings", {})),
    )


@dataclass(frozen=True)
class Envelope:
    payload: bytes
    signature: bytes
    signer_pem: str

    def to_json(self) -> bytes:
        return json.dumps(
            {
                "format": FORMAT,
                "payload": base64.b64encode(self.payload).decode("ascii"),
                "signature": base64.b64encode(self.signature).decode("ascii"),
                "signer": self.signer_pem,
            }
        ).encode("ascii")


def parse_envelope(body: bytes) -> Envelope:
    if len(body) > MAX_CONFIGURATION_BYTES:
        raise RefusedConfigurationError("too large")
    try:
        found = json.loads(body)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise RefusedConfigurationError("not JSON") from None
    if not isinstance(found, dict) or found.get("format") != FORMAT:
        raise RefusedConfigurationError(f"not a {FORMAT} envelope")
    parts = (found.get("payload"), found.get("signature"), found.get("signer"))
    if not all(isinstance(x, str) for x in parts):
        raise RefusedConfigurationError("payload, signature and signer are texts")
    try:
        payload = base64.b64decode(found["payload"], validate=True)
        signature = base64.b64decode(found["signature"], validate=True)
    except (binascii.Error, ValueError):
        raise RefusedConfigurationError("payload or signature is not base64") from None
    return Envelope(payload, signature, found["signer"])


def version_in(answer: Any) -> int | None:
    """The newest configuration version a health report's answer names (None: none)."""
    if not isinstance(answer, dict):
        return None
    version = answer.get("configuration")
    if isinstance(version, bool) or not isinstance(version, int) or not 0 < version <= MAX_VERSION:
        return None
    return version
