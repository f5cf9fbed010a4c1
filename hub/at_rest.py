"""Sealing what clerks write (status messages, their history) before it is stored.

Submissions arrive sealed by the terminal for the hub's RSA key. What the hub writes itself —
the clerk's message to the citizen and every earlier one — is sealed here with AES-256-GCM
under a key derived from the hub's private key (HKDF-SHA256), so the database file alone
reveals no more than it does for submissions, and no second secret needs a backup. An RSA
operation per status lookup would cost a few milliseconds each; AES-GCM costs microseconds.

Stored form: ``sealed:v1:`` + base64url(nonce ‖ ciphertext ‖ tag). Text without that prefix
is read as it is (written by a hub before this existed) and sealed when it is next written.
"""

from __future__ import annotations

import base64
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from joserfc.jwk import RSAKey

PREFIX = "sealed:v1:"
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

    def seal(self, text: str) -> str:
        if not text:
            return ""  # nothing to hide; keeps "no message" cheap to test in SQL
        nonce = os.urandom(12)
        blob = nonce + self._aead.encrypt(nonce, text.encode("utf-8"), _INFO)
        return PREFIX + base64.urlsafe_b64encode(blob).decode("ascii")

    def open(self, stored: str) -> str:
        if not stored.startswith(PREFIX):
            return stored
        try:
            blob = base64.urlsafe_b64decode(stored[len(PREFIX) :])
            return self._aead.decrypt(blob[:12], blob[12:], _INFO).decode("utf-8")
        except (ValueError, InvalidTag) as exc:
            raise AtRestError("a stored message cannot be opened with this hub's key") from exc
