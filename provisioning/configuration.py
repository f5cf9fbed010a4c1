"""The configuration the hub sends this terminal (:mod:`wire.configuration`): fetched over
mutual TLS, checked, and kept — a new one only once all of it has been checked, the last good
one otherwise.

    configuration/
        current           the version in use ("7"), replaced atomically
        7/                written and checked in full before ``current`` names it
            envelope.json     as the hub signed it (for the technician; not read again)
            catalogue.yaml    the service catalogue
            hub-public.jwk    the key submissions are sealed for
            csca.pem          the CSCA certificates for passive authentication (if any)
            settings.json     the terminal's settings from the hub

What is checked before it is taken: the signer's certificate was issued by the CA this
terminal enrolled with, for code signing, and is valid now; the signature covers the payload;
the payload names this terminal and a version newer than the one in use; the catalogue passes
the kiosk's checks (``check``: the same the kiosk runs at start), the key is an RSA public key,
every CSCA certificate parses. Anything else is refused with :class:`ConfigurationError` in
words, and the version in use stays. Reading the kept one at start needs no cryptography: it
was checked when it came, and whoever can write this folder could also change the key beside
it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from provisioning.identity import DeviceIdentity
from wire.configuration import (
    CONFIGURATION_PATH,
    MAX_CONFIGURATION_BYTES,
    Configuration,
    ConfigurationError,
    RefusedConfigurationError,
    TerminalSettings,
    parse_envelope,
    parse_payload,
    settings_from,
)

log = logging.getLogger(__name__)

FOLDER = "configuration"
CURRENT = "current"
PREVIOUS = "previous"
CATALOGUE, HUB_KEY, CSCA, SETTINGS, ENVELOPE = (
    "catalogue.yaml",
    "hub-public.jwk",
    "csca.pem",
    "settings.json",
    "envelope.json",
)
TIMEOUT_S = 20.0

__all__ = [
    "ConfigurationError",
    "ConfigurationStore",
    "Installed",
    "RefusedConfigurationError",
    "fetch",
    "update",
    "verify",
]


@dataclass(frozen=True)
class Installed:
    """The configuration in use, as files the kiosk reads like its own."""

    version: int
    folder: Path
    settings: TerminalSettings

    @property
    def catalogue(self) -> Path:
        return self.folder / CATALOGUE

    @property
    def hub_key(self) -> Path:
        return self.folder / HUB_KEY

    @property
    def csca(self) -> Path | None:
        path = self.folder / CSCA
        return path if path.exists() else None


class ConfigurationStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def current(self) -> Installed | None:
        """The configuration in use: the current one, or (its folder damaged, by a power cut
        say) the one before it; None when there is neither."""
        return self._read(CURRENT) or self._read(PREVIOUS)

    def _read(self, pointer: str) -> Installed | None:
        try:
            version = int((self.folder / pointer).read_text(encoding="ascii").strip())
            folder = self.folder / str(version)
            settings = settings_from(json.loads((folder / SETTINGS).read_text(encoding="utf-8")))
        except (OSError, ValueError, RecursionError):
            return None
        if not (folder / CATALOGUE).exists() or not (folder / HUB_KEY).exists():
            return None
        return Installed(version, folder, settings)

    @property
    def version(self) -> int:
        current = self.current()
        return current.version if current is not None else 0

    def install(
        self, configuration: Configuration, envelope: bytes, check: Callable[[Path], None]
    ) -> Installed:
        """Write ``configuration`` beside the one in use, have ``check`` look at its folder
        (it raises ConfigurationError to refuse), then make it the one in use. The one in
        use so far is kept as the one before (the kiosk still reads it until it has switched;
        and should the new one's files be lost, it is used again); older ones are removed."""
        try:
            return self._install(configuration, envelope, check)
        except OSError as exc:
            raise ConfigurationError(f"not kept: {exc.strerror or type(exc).__name__}") from None

    def _install(
        self, configuration: Configuration, envelope: bytes, check: Callable[[Path], None]
    ) -> Installed:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        before = self._read(CURRENT)
        final = self.folder / str(configuration.version)
        draft = self.folder / f"{configuration.version}.part"
        shutil.rmtree(draft, ignore_errors=True)
        draft.mkdir(mode=0o700)
        try:
            _write(draft / ENVELOPE, envelope)
            _write(draft / CATALOGUE, configuration.catalogue_yaml.encode("utf-8"))
            _write(draft / HUB_KEY, json.dumps(configuration.hub_public_key).encode("ascii"))
            if configuration.csca:
                _write(draft / CSCA, "".join(configuration.csca).encode("ascii"))
            settings = configuration.settings.as_json()
            _write(draft / SETTINGS, json.dumps(settings).encode("ascii"))
            check(draft)
            _sync(draft)
            shutil.rmtree(final, ignore_errors=True)
            draft.replace(final)
            _sync(self.folder)
        except BaseException:
            shutil.rmtree(draft, ignore_errors=True)
            raise
        # The switch: one rename. A power cut before it leaves the last good one in use.
        keep = {final.name}
        if before is not None and before.version != configuration.version:
            _write(self.folder / PREVIOUS, f"{before.version}\n".encode("ascii"))
            keep.add(before.folder.name)
        _write(self.folder / CURRENT, f"{configuration.version}\n".encode("ascii"))
        _sync(self.folder)
        for other in self.folder.iterdir():
            if other.is_dir() and other.name not in keep:
                shutil.rmtree(other, ignore_errors=True)
        log.info("configuration version %d in use", configuration.version)
        return Installed(configuration.version, final, configuration.settings)

    def wipe(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def verify(
    body: bytes, ca_file: Path, terminal_id: str, have: int, now: dt.datetime
) -> Configuration:
    """The configuration in ``body`` if the hub's CA signed it for this terminal and it is
    newer than ``have``; :class:`ConfigurationError` in words otherwise."""
    from cryptography import x509
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID

    envelope = parse_envelope(body)
    try:
        ca = x509.load_pem_x509_certificate(ca_file.read_bytes())
        signer = x509.load_pem_x509_certificate(envelope.signer_pem.encode("ascii"))
    except (OSError, ValueError, UnicodeEncodeError) as exc:
        raise ConfigurationError(f"the signer's certificate cannot be read ({exc})") from None
    try:
        signer.verify_directly_issued_by(ca)
    except (ValueError, TypeError, InvalidSignature):
        why = "not signed by the hub this terminal enrolled with"
        raise RefusedConfigurationError(why) from None
    if not signer.not_valid_before_utc <= now <= signer.not_valid_after_utc:
        raise ConfigurationError("the hub's signing certificate is not valid now")
    try:
        usage = signer.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        usage = None
    if usage is None or ExtendedKeyUsageOID.CODE_SIGNING not in usage:
        raise RefusedConfigurationError("signed with a certificate not made for configurations")
    key = signer.public_key()
    if not isinstance(key, ec.EllipticCurvePublicKey):
        raise RefusedConfigurationError("the signer's key is not an EC key")
    try:
        key.verify(envelope.signature, envelope.payload, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        why = "the signature does not match: changed on the way"
        raise RefusedConfigurationError(why) from None
    configuration = parse_payload(envelope.payload)
    if configuration.terminal_id != terminal_id:
        why = f"made for terminal {configuration.terminal_id!r}, not this one"
        raise RefusedConfigurationError(why)
    if configuration.version < have:
        raise RefusedConfigurationError(
            f"version {configuration.version} is older than version {have} in use"
        )
    for pem in configuration.csca:
        try:
            x509.load_pem_x509_certificate(pem.encode("ascii"))
        except (ValueError, UnicodeEncodeError):
            raise RefusedConfigurationError("a CSCA certificate cannot be read") from None
    return configuration


def fetch(identity: DeviceIdentity, have: int) -> bytes | None:
    """The hub's configuration for this terminal over mutual TLS (None: nothing newer than
    ``have``); :class:`ConfigurationError` when it cannot be had."""
    import requests
    from urllib3.exceptions import HTTPError

    enrolment = identity.enrolment()
    if enrolment is None or not identity.enrolled:
        raise ConfigurationError("this terminal is not enrolled")
    url = enrolment.terminal_url + CONFIGURATION_PATH.format(terminal_id=enrolment.terminal_id)
    try:
        with requests.Session() as http:
            http.trust_env = False
            answer = http.get(
                url,
                headers={"If-None-Match": f'"{have}"'} if have else {},
                cert=(str(identity.cert_file), str(identity.key_file)),
                verify=str(identity.ca_file),
                timeout=TIMEOUT_S,
                allow_redirects=False,
                stream=True,
            )
            body = answer.raw.read(MAX_CONFIGURATION_BYTES + 1, decode_content=True)
    except (requests.RequestException, HTTPError) as exc:
        # (urllib3's own errors come through while the body is read: cut off, timed out)
        raise ConfigurationError(f"the hub cannot be reached ({type(exc).__name__})") from None
    except (OSError, ValueError) as exc:
        raise ConfigurationError(
            f"the device identity cannot be used ({type(exc).__name__})"
        ) from None
    if answer.status_code == 304:
        return None
    if answer.status_code != 200:
        raise ConfigurationError(f"the hub refused (HTTP {answer.status_code})")
    return bytes(body)


def update(
    identity: DeviceIdentity,
    store: ConfigurationStore,
    check: Callable[[Path], None],
    now: dt.datetime,
) -> Installed | None:
    """Fetch, verify and install a newer configuration (None: the hub has nothing newer)."""
    enrolment = identity.enrolment()
    if enrolment is None:
        raise ConfigurationError("this terminal is not enrolled")
    have = store.version
    body = fetch(identity, have)
    if body is None:
        return None
    configuration = verify(body, identity.ca_file, enrolment.terminal_id, have, now)
    if configuration.version == have:
        return None
    return store.install(configuration, body, check)


def _write(path: Path, data: bytes) -> None:
    part = path.with_name(path.name + ".tmp")
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    part.replace(path)


def _sync(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
