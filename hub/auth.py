"""Who may talk to the hub: terminals (bearer credential) and clerks (password, session).

Terminals: an enrolled terminal proves itself with its device certificate in the TLS handshake
of the hub's terminals' listener (``hub.listeners``, ``hub.pki``): the certificate names the
terminal, and the hub believes it only while it knows that certificate as issued to that
terminal, unrevoked and unexpired. Terminals set up before enrolment existed use
``Authorization: Bearer <terminal id>.<secret>`` (256 random bits, stored as SHA-256, compared
in constant time) until they enrol: from then on their bearer secret no longer works.
:func:`authenticate_terminal` is the one place both are checked.

Clerks: argon2id password hashes; a session is a random 256-bit cookie (stored hashed) with an
idle and an absolute expiry, and a synchronizer CSRF token checked on every form POST. A
disabled or removed account has no session: the lookup joins the account, so the end is
immediate even when another process (``python -m hub users disable``) made the change.

Everything here blocks (argon2 takes ~50 ms of a core, SQLite commits fsync): call it from
sync handlers (FastAPI runs them in its thread pool) or through ``anyio.to_thread``.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from hub.store import Store, TerminalRow
from wire.api import parse_bearer_token

if TYPE_CHECKING:
    from hub.state import SessionPolicy

_hasher = PasswordHasher()


# A hash to verify against when the user does not exist, so that the answer takes as long.
@functools.cache
def dummy_password_hash() -> str:
    # Made when first needed (~0.1 s): the command line's other commands need none.
    return _hasher.hash("not a password anybody has")


def secret_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def authenticate_terminal(
    store: Store, authorization: str | None, certificate_der: bytes | None = None
) -> TerminalRow | None:
    """The terminal a request comes from: by its device certificate (verified in the TLS
    handshake) or, for a terminal not enrolled yet, by its bearer credential; None if neither
    holds."""
    if certificate_der is not None:
        return _terminal_by_certificate(store, certificate_der)
    if not authorization or not authorization.startswith("Bearer "):
        return None
    parsed = parse_bearer_token(authorization[len("Bearer ") :].strip())
    if parsed is None:
        return None
    terminal_id, secret = parsed
    terminal = store.terminal(terminal_id)
    expected = terminal.secret_sha256 if terminal else secret_digest("no such terminal")
    ok = hmac.compare_digest(expected, secret_digest(secret))
    if terminal is None or not ok or terminal.revoked_at is not None:
        return None
    return terminal


@functools.lru_cache(maxsize=65536)
def _names_in(der: bytes) -> tuple[str | None, str] | None:
    """(terminal named, serial) of a device certificate, parsed once per certificate: every
    request of a kept connection brings the same one (the hub's records are asked anew each
    time below, so a revocation still counts at once)."""
    from cryptography import x509

    from hub.pki import serial_text, terminal_of

    try:
        certificate = x509.load_der_x509_certificate(der)
    except ValueError:
        return None
    return terminal_of(certificate), serial_text(certificate)


def _terminal_by_certificate(store: Store, der: bytes) -> TerminalRow | None:
    names = _names_in(der)
    if names is None:
        return None
    terminal_id, serial = names
    known = store.device_certificate(serial)
    if terminal_id is None or known is None:
        return None
    owner, not_after, revoked_at = known
    if owner != terminal_id or revoked_at is not None or not_after < time.time():
        return None
    terminal = store.terminal(terminal_id)
    if terminal is None or terminal.revoked_at is not None:
        return None
    if terminal.secret_sha256:
        # Its first request with the certificate: from now on its old bearer credential
        # (from before enrolment) is refused. Not earlier: an enrolment whose answer got lost
        # leaves the terminal its way in.
        store.forget_terminal_secret(terminal_id)
    return terminal


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password(store: Store, user: str, password: str) -> bool:
    stored = store.password_hash(user)
    try:
        _hasher.verify(stored or dummy_password_hash(), password)
    except (VerificationError, InvalidHashError):
        return False
    if stored is None:
        return False
    if _hasher.check_needs_rehash(stored):
        store.set_password(user, _hasher.hash(password))
    return True


@dataclass(frozen=True)
class ClerkSession:
    user: str
    csrf_token: str
    token_sha256: str


def start_session(store: Store, user: str, policy: SessionPolicy) -> tuple[str, ClerkSession]:
    """(cookie value, session)."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    digest = secret_digest(token)
    store.create_session(digest, user, csrf, time.time() + policy.idle_s)
    return token, ClerkSession(user, csrf, digest)


def clerk_session(
    store: Store, cookie: str | None, policy: SessionPolicy, now: float | None = None
) -> ClerkSession | None:
    if not cookie or len(cookie) > 100:
        return None
    digest = secret_digest(cookie)
    found = store.session(digest)
    if found is None:
        return None
    user, csrf, created_at, expires_at = found
    now = time.time() if now is None else now
    if expires_at < now or created_at + policy.absolute_s < now:
        store.delete_session(digest)
        return None
    # Slide the idle expiry, at most once a minute (each write is an fsync).
    if expires_at - now < policy.idle_s - 60:
        store.extend_session(digest, now + policy.idle_s)
    return ClerkSession(user, csrf, digest)


def csrf_ok(expected: str, given: str | None) -> bool:
    # As bytes: compare_digest refuses str with non-ASCII characters (TypeError, a 500 for
    # any form field a client fills with "ä").
    if not given:
        return False
    return hmac.compare_digest(
        expected.encode("utf-8", "surrogatepass"), given.encode("utf-8", "surrogatepass")
    )
