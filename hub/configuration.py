"""The terminals' configuration (:mod:`wire.configuration`), published and signed by the hub.

What every terminal gets is made once at start from what this hub serves with: its catalogue
(the file's text, as checked at start), its public key, its CSCA trust store, the STUN/TURN
servers of its calls and the terminals' settings file (``terminal-settings.json`` in the data
folder, or ``serve --terminal-settings``). Its SHA-256 names it in the database: new content
gets the next version number, the same content after a restart keeps its number, so a
terminal fetches only what changed. Each terminal's copy names that terminal and is signed
with the CA's configuration-signing certificate (:meth:`hub.pki.CertificateAuthority.
configuration_signer`) when first asked for, then kept in memory.

Only enrolled terminals, over the terminals' mutual-TLS listener, are given it: a terminal
with a bearer credential has no CA to check a signature against.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from hub.problems import PROBLEM_SCHEMA, ProblemError
from wire.api import MEDIA_TYPE_JSON, ProblemType
from wire.configuration import (
    CONFIGURATION_PATH,
    Configuration,
    ConfigurationError,
    Envelope,
    TerminalSettings,
    settings_from,
)

if TYPE_CHECKING:
    from drivers.card.icao.passive import TrustStore
    from hub.pki import CertificateAuthority
    from hub.store import Store

log = logging.getLogger(__name__)
router = APIRouter()

SETTINGS_FILE = "terminal-settings.json"
#: Signed copies kept in memory (one per terminal and version: a few kB each).
MAX_SIGNED = 20_000


class SettingsError(ValueError):
    pass


def read_settings(path: Path | None, turn_urls: tuple[str, ...] = ()) -> TerminalSettings:
    """The terminals' settings from ``path`` (JSON; absent file: none), with the hub's
    STUN/TURN servers for the self-test unless the file names its own."""
    found: Any = {}
    if path is not None and path.exists():
        try:
            found = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise SettingsError(f"{path}: not readable JSON ({exc})") from None
    try:
        settings = settings_from(found)
    except ConfigurationError as exc:
        raise SettingsError(f"{path}: {exc}") from None
    if not settings.turn_urls and turn_urls:
        settings = replace(settings, turn_urls=turn_urls)
    return settings


@dataclass(frozen=True)
class Published:
    """The configuration every terminal gets (``terminal_id`` left empty)."""

    template: Configuration

    @property
    def version(self) -> int:
        return self.template.version


def publish(
    store: Store,
    catalogue_yaml: str,
    public_jwk: dict[str, Any],
    csca: TrustStore,
    settings: TerminalSettings,
    now: dt.datetime | None = None,
) -> Published:
    from cryptography.hazmat.primitives import serialization

    moment = now or dt.datetime.now(dt.UTC)
    pems = tuple(
        sorted(
            c.public_bytes(serialization.Encoding.PEM).decode("ascii") for c in csca.certificates()
        )
    )
    draft = Configuration(
        version=1,
        terminal_id="",
        published_at="",
        catalogue_yaml=catalogue_yaml,
        hub_public_key=public_jwk,
        csca=pems,
        settings=settings,
    )
    digest = hashlib.sha256(draft.payload()).hexdigest()
    version, published = store.configuration_version(digest, moment.timestamp())
    when = dt.datetime.fromtimestamp(published, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    log.info("terminals' configuration: version %d (%s)", version, digest[:12])
    return Published(replace(draft, version=version, published_at=when))


class Signer:
    """Signs each terminal's copy of the published configuration (and keeps it)."""

    def __init__(self, published: Published, ca: CertificateAuthority) -> None:
        self.published = published
        self._ca = ca
        self._lock = threading.Lock()
        self._signed: dict[str, bytes] = {}

    def envelope(self, terminal_id: str) -> bytes:
        with self._lock:
            found = self._signed.get(terminal_id)
        if found is not None:
            return found
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec

        key, certificate = self._ca.configuration_signer()
        payload = replace(self.published.template, terminal_id=terminal_id).payload()
        signature = key.sign(payload, ec.ECDSA(hashes.SHA256()))
        signer = certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")
        body = Envelope(payload, signature, signer).to_json()
        with self._lock:
            if len(self._signed) >= MAX_SIGNED:
                self._signed.clear()
            self._signed[terminal_id] = body
        return body


_ENVELOPE_SCHEMA = {
    "type": "object",
    "required": ["format", "payload", "signature", "signer"],
    "properties": {
        "format": {"const": "pop.configuration/1"},
        "payload": {"type": "string", "contentEncoding": "base64"},
        "signature": {"type": "string", "contentEncoding": "base64"},
        "signer": {"type": "string"},
    },
}


@router.get(
    CONFIGURATION_PATH,
    responses={
        200: {"description": "The signed configuration", "content": {
            MEDIA_TYPE_JSON: {"schema": _ENVELOPE_SCHEMA}}},
        304: {"description": "The terminal has this version already"},
        401: {"description": "No terminal credential", **PROBLEM_SCHEMA},
        403: {"description": "Not this terminal's, or not over mutual TLS", **PROBLEM_SCHEMA},
    },
    summary="An enrolled terminal's signed configuration (mutual TLS only)",
)  # fmt: skip
async def configuration(request: Request, terminal_id: str) -> Response:
    from hub.intake import require_terminal
    from hub.listeners import client_certificate_der

    if client_certificate_der(request.scope) is None:
        raise ProblemError(
            403,
            ProblemType.FORBIDDEN,
            "the configuration is for enrolled terminals, on the terminals' port",
        )
    terminal = await run_in_threadpool(require_terminal, request)
    if terminal.id != terminal_id:
        raise ProblemError(403, ProblemType.FORBIDDEN, "a terminal fetches its own configuration")
    signer: Signer = request.app.state.configuration
    etag = f'"{signer.published.version}"'
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag})
    body = await run_in_threadpool(signer.envelope, terminal.id)
    return Response(body, media_type=MEDIA_TYPE_JSON, headers={"ETag": etag})
