"""Enrolment at the hub: a technician makes a one-time code for a registered terminal
(``python -m hub terminals enrol``); the terminal spends it, with a certificate signing
request over its own key, for a device certificate (``POST /api/v1/enrolment``).

The code is the only secret the technician carries: single use, expiring (24 hours unless
said otherwise), bound to one terminal, stored hashed. Refusals say why in plain words (a
code unknown, used, expired, or the terminal taken out of service), and each client address
has a few tries a minute, so 60 random bits cannot be guessed at this door.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from hub.pki import CertificateAuthority, PkiError, requested_key
from hub.problems import PROBLEM_SCHEMA, ProblemError
from hub.state import HubState, RateLimiter, client_key
from hub.store import Store
from wire.api import MEDIA_TYPE_JSON, ProblemType
from wire.enrolment import (
    CA_PATH,
    ENROLMENT_PATH,
    RENEWAL_PATH,
    Invitation,
    code_digest,
    new_code,
    normalise_code,
)

log = logging.getLogger(__name__)

#: How long a code works unless the technician says otherwise.
DEFAULT_VALID_S = 24 * 3600.0
MAX_VALID_S = 14 * 24 * 3600.0
#: An enrolment request: a code and a CSR (a few hundred bytes; an RSA-4096 one ~1.7 kB).
MAX_REQUEST_BYTES = 16_000
#: Refused tries per client address: 10 at once, then one every 6 s (an enrolment that
#: succeeds, or a request refused for its form, gives its try back).
TRIES = RateLimiter(burst=10, refill_s=6.0)

_WHY = {
    "unknown": "This enrolment code is not known to the hub. Check it, or ask for a new one.",
    "used": "This enrolment code has been used already. Ask for a new one.",
    "expired": "This enrolment code has expired. Ask for a new one.",
    "revoked": "This terminal has been taken out of service at the hub.",
}

router = APIRouter()


@dataclass(frozen=True)
class IssuedCode:
    code: str
    expires_at: float
    invitation: Invitation


def issue_code(
    store: Store,
    ca: CertificateAuthority,
    terminal_id: str,
    hub_url: str,
    valid_s: float = DEFAULT_VALID_S,
    now: float | None = None,
) -> IssuedCode:
    """A new code for ``terminal_id`` (registered, in service); earlier unused ones stop
    working. :class:`ValueError` says why none can be made."""
    terminal = store.terminal(terminal_id)
    if terminal is None:
        raise ValueError(f"no terminal {terminal_id!r}: register it first")
    if terminal.revoked_at is not None:
        raise ValueError(f"terminal {terminal_id!r} has been taken out of service")
    if not 0 < valid_s <= MAX_VALID_S:
        raise ValueError("a code is valid for at most 14 days")
    code = new_code()
    expires_at = (time.time() if now is None else now) + valid_s
    store.add_enrolment_code(code_digest(code), terminal_id, expires_at)
    return IssuedCode(code, expires_at, Invitation(hub_url, code, ca.fingerprint))


def enrol(
    store: Store, ca: CertificateAuthority, code_text: str, csr: str, now: float | None = None
) -> tuple[str, bytes]:
    """Spend the code for a device certificate: (terminal id, certificate PEM), or
    :class:`ProblemError`."""
    code = normalise_code(code_text)
    if code is None:
        raise ProblemError(403, ProblemType.FORBIDDEN, _WHY["unknown"])
    moment = time.time() if now is None else now
    # Checked before the code is spent: a malformed request does not cost the technician
    # their code.
    try:
        requested_key(csr)
    except PkiError as exc:
        detail = f"certificate signing request: {exc}"
        raise ProblemError(422, ProblemType.MALFORMED, detail) from None
    terminal_id, why = store.use_enrolment_code(code_digest(code), moment)
    if terminal_id is None:
        log.warning("enrolment refused: code %s", why)
        raise ProblemError(403, ProblemType.FORBIDDEN, _WHY[why])
    issued = ca.issue_device(csr, terminal_id)
    # Enrolled anew (a replaced disk, a suspected theft of the key): the certificates it had
    # before end now, at the handshake too.
    if store.revoke_device_certificates(terminal_id, moment):
        revocations_changed(store, ca, moment)
    store.add_device_certificate(issued.serial, terminal_id, moment, issued.not_after.timestamp())
    log.info("terminal %s enrolled (certificate %s)", terminal_id, issued.serial)
    return terminal_id, issued.pem


async def _capped_body(request: Request) -> bytes:
    """The request's body, read no further than :data:`MAX_REQUEST_BYTES` (413 beyond): the
    enrolment door is open to anyone, and a body of gigabytes must not fill the hub."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > MAX_REQUEST_BYTES):
        raise ProblemError(413, ProblemType.TOO_LARGE, "an enrolment request is a few kB")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_REQUEST_BYTES:
            raise ProblemError(413, ProblemType.TOO_LARGE, "an enrolment request is a few kB")
    return bytes(body)


def revocations_changed(store: Store, ca: CertificateAuthority, now: float) -> None:
    """Sign the revocation list anew from the store (the listener takes it in within
    seconds)."""
    import datetime as dt

    ca.revocation_list(
        (serial, dt.datetime.fromtimestamp(when, dt.UTC))
        for serial, when in store.revoked_certificates(now)
    )


def _terminal_url(request: Request) -> str:
    """Where the terminal talks from now on: the configured address, or the host it just
    reached the hub at, on the terminals' port (an IPv6 address in brackets)."""
    configured: str = request.app.state.terminal_url
    if configured:
        return configured
    host = request.url.hostname or "localhost"
    if ":" in host:
        host = f"[{host}]"
    return f"https://{host}:{request.app.state.terminal_port}"


_PROBLEMS: dict[int | str, dict[str, Any]] = {
    code: {"description": text, **PROBLEM_SCHEMA}
    for code, text in (
        (400, "Not JSON, or without its fields"),
        (403, "The code or the certificate does not allow it (the detail says why)"),
        (413, "More than an enrolment request's few kB"),
        (422, "Not a usable certificate signing request"),
        (429, "Too many refused tries from this address: Retry-After"),
    )
}
_CERTIFICATE = {
    "application/json": {
        "schema": {"type": "object", "properties": {"certificate": {"type": "string"}}}
    }
}


@router.get(
    CA_PATH,
    responses={
        200: {
            "description": "The hub's CA certificate (PEM)",
            "content": {"application/x-pem-file": {"schema": {"type": "string"}}},
        }
    },
)
def ca_certificate(request: Request) -> Response:
    """The hub's CA certificate (public): the terminal checks it against the fingerprint of
    its invitation before it trusts anything this hub says."""
    ca: CertificateAuthority = request.app.state.pki
    return Response(ca.pem, media_type="application/x-pem-file")


@router.post(
    ENROLMENT_PATH,
    status_code=201,
    responses={201: {"description": "Enrolled", "content": _CERTIFICATE}, **_PROBLEMS},
)
async def enrolment(request: Request) -> Response:
    if not request.app.state.terminal_port:
        raise ProblemError(
            503,
            ProblemType.UNAVAILABLE,
            "this hub enrols no terminals: it serves no TLS of its own (serve --tls-name)",
        )
    hub: HubState = request.app.state.hub
    client = client_key(request.client.host if request.client else None)
    wait = TRIES.allow(client)
    if wait:
        raise ProblemError(
            429,
            ProblemType.RATE_LIMITED,
            "too many enrolment attempts from this address; try again shortly",
            headers={"Retry-After": str(int(wait) + 1)},
        )
    body = await _capped_body(request)
    try:
        fields: Any = json.loads(body)
    except ValueError:
        raise ProblemError(400, ProblemType.MALFORMED, "the request is not JSON") from None
    if not isinstance(fields, dict) or not all(
        isinstance(fields.get(k), str) for k in ("code", "csr")
    ):
        raise ProblemError(400, ProblemType.MALFORMED, "the request needs a code and a csr")
    ca: CertificateAuthority = request.app.state.pki
    try:
        terminal_id, pem = await run_in_threadpool(
            enrol, hub.store, ca, fields["code"], fields["csr"]
        )
    except ProblemError as exc:
        if exc.status != 403:
            TRIES.refund(client)  # not a guess at a code
        raise
    TRIES.refund(client)
    return JSONResponse(
        {
            "terminal_id": terminal_id,
            "certificate": pem.decode("ascii"),
            "ca": ca.pem.decode("ascii"),
            "terminal_url": _terminal_url(request),
        },
        status_code=201,
        media_type=MEDIA_TYPE_JSON,
    )


@router.post(
    RENEWAL_PATH,
    status_code=201,
    responses={201: {"description": "Renewed", "content": _CERTIFICATE}, **_PROBLEMS},
)
async def renewal(request: Request, terminal_id: str) -> Response:
    """A new certificate for an enrolled terminal, asked for with the one it has (only over
    the terminals' mutual-TLS listener: a bearer credential cannot become a certificate)."""
    from hub.intake import require_terminal
    from hub.listeners import client_certificate_der

    if client_certificate_der(request.scope) is None:
        raise ProblemError(
            403,
            ProblemType.FORBIDDEN,
            "a certificate is renewed with the current one, on the terminals' port",
        )
    terminal = await run_in_threadpool(require_terminal, request)
    if terminal.id != terminal_id:
        raise ProblemError(403, ProblemType.FORBIDDEN, "a terminal renews its own certificate")
    body = await _capped_body(request)
    try:
        fields: Any = json.loads(body)
    except ValueError:
        raise ProblemError(400, ProblemType.MALFORMED, "the request is not JSON") from None
    if not isinstance(fields, dict) or not isinstance(fields.get("csr"), str):
        raise ProblemError(400, ProblemType.MALFORMED, "the request needs a csr")
    hub: HubState = request.app.state.hub
    ca: CertificateAuthority = request.app.state.pki
    try:
        # A renewal, not a new key: a stolen certificate cannot move itself to another key.
        current = x509.load_der_x509_certificate(client_certificate_der(request.scope) or b"")
        if requested_key(fields["csr"]) != current.public_key():
            raise PkiError("a renewal keeps the terminal's key (enrol again for a new one)")
        issued = await run_in_threadpool(ca.issue_device, fields["csr"], terminal.id)
    except PkiError as exc:
        detail = f"certificate signing request: {exc}"
        raise ProblemError(422, ProblemType.MALFORMED, detail) from None
    await run_in_threadpool(
        hub.store.add_device_certificate,
        issued.serial,
        terminal.id,
        time.time(),
        issued.not_after.timestamp(),
    )
    log.info("terminal %s renewed its certificate (%s)", terminal.id, issued.serial)
    return JSONResponse(
        {"certificate": issued.pem.decode("ascii")}, status_code=201, media_type=MEDIA_TYPE_JSON
    )
