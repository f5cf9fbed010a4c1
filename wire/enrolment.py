"""Enrolling a terminal with the hub: the one-time code, the invitation the technician carries
to the terminal (typed, or scanned as a QR code), and the enrolment request and answer.

The invitation holds the hub's address, the code and the SHA-256 fingerprint of the hub's CA
certificate, so that the terminal trusts the right hub from the first byte::

    POP-ENROL:1;hub=https://hub.example:8443;code=K7QM2XDF9PRW;ca=<64 hex digits>

The code is short enough to type: twelve characters of Crockford's base32 (60 random bits;
no I, L, O or U, so nothing reads as another), shown in groups of four (``K7QM-2XDF-9PRW``).
Typed in lower case, with spaces or dashes, with O for 0 or I/L for 1, it is still the same
code. The hub keeps only its SHA-256; it is single-use, expires, and belongs to one terminal.

    terminal → hub   POST /api/v1/enrolment  {"code": "K7QM2XDF9PRW", "csr": "<PEM>"}
    hub → terminal   201 {"terminal_id": "…", "certificate": "<PEM>", "ca": "<PEM>",
                          "terminal_url": "https://…:8701"}  (where to talk from now on, with
                          mutual TLS; "": the address enrolled at)
                     403 problem (code unknown, used, expired; terminal taken out of service)

    terminal → hub   POST /api/v1/terminals/{id}/certificate  {"csr": "<PEM>"}  (mutual TLS,
                     with the current certificate; well before it expires)
    hub → terminal   201 {"certificate": "<PEM>"}
"""

from __future__ import annotations

import hashlib
import re
import secrets
import urllib.parse
from dataclasses import dataclass

ENROLMENT_PATH = "/api/v1/enrolment"
CA_PATH = "/api/v1/ca"
#: An enrolled terminal renews its certificate here, with the one it has (mutual TLS only).
RENEWAL_PATH = "/api/v1/terminals/{terminal_id}/certificate"
PREFIX = "POP-ENROL:1;"
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12
#: What a mistyped code's letters are read as (Crockford's base32).
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
_FINGERPRINT = re.compile(r"^[0-9a-f]{64}$")


class InvitationError(ValueError):
    pass


def new_code() -> str:
    """A fresh code, as the hub stores and the terminal sends it (no dashes)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def shown(code: str) -> str:
    """``code`` as a person reads and types it: ``K7QM-2XDF-9PRW``."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalise_code(text: str) -> str | None:
    """The code a person typed, or None if it cannot be one."""
    code = re.sub(r"[\s\-]", "", text).upper().translate(_READ_AS)
    if len(code) != CODE_LENGTH or any(c not in ALPHABET for c in code):
        return None
    return code


def code_digest(code: str) -> str:
    return hashlib.sha256(code.encode("ascii")).hexdigest()


@dataclass(frozen=True)
class Invitation:
    hub_url: str
    code: str
    #: SHA-256 of the hub's CA certificate (DER), 64 lowercase hex digits.
    ca_sha256: str

    def text(self) -> str:
        hub = urllib.parse.quote(self.hub_url, safe=":/")
        return f"{PREFIX}hub={hub};code={self.code};ca={self.ca_sha256}"


def parse_invitation(text: str) -> Invitation:
    """The invitation in ``text`` (from a QR code), or :class:`InvitationError` saying what is
    wrong with it — a QR code that is not ours is refused, never followed."""
    if not text.startswith(PREFIX):
        raise InvitationError("this is not a Point of Public enrolment code")
    fields: dict[str, str] = {}
    for part in text[len(PREFIX) :].split(";"):
        name, _, value = part.partition("=")
        fields[name] = value
    hub = urllib.parse.unquote(fields.get("hub", ""))
    parts = urllib.parse.urlsplit(hub)
    if parts.scheme != "https" or not parts.hostname:
        raise InvitationError("the hub's address is not an https:// address")
    code = normalise_code(fields.get("code", ""))
    if code is None:
        raise InvitationError("the enrolment code is not a valid code")
    ca = fields.get("ca", "").lower()
    if not _FINGERPRINT.match(ca):
        raise InvitationError("the hub's certificate fingerprint is missing or malformed")
    return Invitation(hub.rstrip("/"), code, ca)
