"""Sealing what clerks write (status messages, their history) before it is stored.

Submissions arrive sealed by the terminal for the hub's RSA key. What the hub writes itself —
the clerk's message to the citizen and every earlier one — is sealed here with AES-256-GCM
under a key derived from the hub's private key (HKDF-SHA256), so the database file alone
reveals no more than it does for submissions, and no second secret needs a backup. An RSA
operation per status lookup would cost a few milliseconds each; AES-GCM costs microseconds.

Stored form: ``sealed:v2:`` + base64url(nonce ‖ ciphertext ‖ tag). The associated data bind
a message to where it is stored — the submission's id and, for the current message, the time
of its status change; for a history entry, its time — so someone who can write the database
but lacks the key cannot move a message to another submission or entry: it no longer opens.
``sealed:v1:`` (a constant as associated data) and text without a prefix were written by
earlier hubs; :meth:`AtRest.open_legacy` opens them once, for the re-sealing at start.
"""

from __future__ import annotations

import base64
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from joserfc.jwk import RSAKey

PREFIX = "sealed:v2:"
LEGACY_PREFIX = "sealed:v1:"
_INFO = b"point-of-public hub at-rest v1"


class AtRestError(Exception):
    """A stored text cannot be opened with this hub's key."""


def derive_secret(hub_key: RSAKey, info: bytes) -> bytes:
    """A 256-bit secret for one purpose (``info``), derived from the hub's private key: no
    second secret to keep and back up; a new hub key makes new secrets."""
    secret = hub_key.private_key
    if secret is None:
        raise AtRestError("the hub key has no private half")
    d = secret.private_numbers().d
    material = d.to_bytes((d.bit_length() + 7) // 8, "big")
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(material)


class AtRest:
    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)

    @classmethod
    def from_key(cls, hub_key: RSAKey) -> AtRest:
        return cls(derive_secret(hub_key, _INFO))

    def seal(self, text: str, context: str) -> str:
        """Seal ``text`` for the place ``context`` names (:func:`current_context`,
        :func:`history_context`); it opens only with the same context."""
        if not text:
            return ""  # nothing to hide; keeps "no message" cheap to test in SQL
        nonce = os.urandom(12)
        blob = nonce + self._aead.encrypt(nonce, text.encode("utf-8"), _ad(context))
        return PREFIX + base64.urlsafe_b64encode(blob).decode("ascii")

    def open(self, stored: str, context: str) -> str:
        if not stored:
            return ""
        if not stored.startswith(PREFIX):
            # Text in clear or sealed without its place: re-sealed at start, so one found
            # now was put there by someone other than this hub.
            raise AtRestError("a stored message is not sealed for its place")
        return self._open(stored[len(PREFIX) :], _ad(context))

    def open_legacy(self, stored: str) -> str:
        """A message as an earlier hub stored it: in clear, or sealed with the constant."""
        if not stored.startswith(LEGACY_PREFIX):
            return stored
        return self._open(stored[len(LEGACY_PREFIX) :], _INFO)

    def _open(self, encoded: str, ad: bytes) -> str:
        try:
            blob = base64.urlsafe_b64decode(encoded)
            return self._aead.decrypt(blob[:12], blob[12:], ad).decode("utf-8")
        except (ValueError, InvalidTag) as exc:
            raise AtRestError("a stored message cannot be opened with this hub's key") from exc


def _ad(context: str) -> bytes:
    return _INFO + b"\x00" + context.encode("utf-8")


def current_context(submission_id: str, changed_at: float) -> str:
    """Where a submission's current message lives: its id and the time of the change."""
    return f"current|{submission_id}|{changed_at!r}"


def history_context(submission_id: str, at: float) -> str:
    """Where a history entry's message lives: the submission's id and the entry's time."""
    return f"history|{submission_id}|{at!r}"
