"""Sealing submissions for the hub's key: JWE compact, RSA-OAEP-256 key wrap, A256GCM content.

The FIT-Connect style: the terminal holds only the hub's *public* key, so once a submission is
sealed the terminal cannot read it back. Every part (the data document, each attachment) is its
own JWE, so a large photo travels in its own request. Only these two algorithms are accepted
when opening, which closes the JOSE "alg confusion" family of attacks.
"""

from __future__ import annotations

import gc
import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wire.api import MAX_SEALED_ATTACHMENT_BYTES

if TYPE_CHECKING:
    # joserfc (with cryptography's RSA, ~50 ms) is imported by the first key or seal, not by
    # importing this module: the kiosk's first frame needs neither.
    from joserfc import jwe
    from joserfc.jwk import RSAKey

ALG = "RSA-OAEP-256"
ENC = "A256GCM"
#: FIT-Connect asks for 4096-bit RSA keys; unwrapping one costs the hub about 1.4 ms.
KEY_BITS = 4096


@cache
def _registry() -> jwe.JWERegistry:
    from joserfc import jwe

    registry = jwe.JWERegistry(algorithms=[ALG, ENC])
    # joserfc refuses ciphertexts over 64 KB by default (a guard for tokens); our parts are
    # photos of several MB, bounded instead by the API's own limit.
    registry.max_ciphertext_length = MAX_SEALED_ATTACHMENT_BYTES
    return registry


CONTENT_TYPE_DATA = "application/json"
CONTENT_TYPE_JPEG = "image/jpeg"


class SealError(Exception):
    """A part cannot be sealed or opened: wrong key, tampered or malformed token."""


def generate_key() -> RSAKey:
    from joserfc.jwk import RSAKey

    return RSAKey.generate_key(KEY_BITS, private=True, auto_kid=True)


def public_jwk(key: RSAKey) -> dict[str, Any]:
    jwk = dict(key.as_dict(private=False))
    jwk.update({"use": "enc", "alg": ALG})
    return jwk


def load_public_key(path: Path) -> RSAKey:
    """The hub's public key from a JWK file; a private key is refused (never on a terminal)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SealError(f"hub key {path} cannot be read") from exc
    if not isinstance(data, dict) or data.get("kty") != "RSA":
        raise SealError(f"hub key {path} is not an RSA JWK")
    if "d" in data:
        raise SealError(f"hub key {path} holds a private key; a terminal gets only the public one")
    return import_key(data)


def import_key(data: dict[str, Any]) -> RSAKey:
    from joserfc.errors import JoseError
    from joserfc.jwk import RSAKey

    try:
        return RSAKey.import_key(data)
    except (JoseError, ValueError, TypeError) as exc:
        raise SealError("not a usable RSA key") from exc


def seal(plaintext: bytes, key: RSAKey, content_type: str) -> str:
    from joserfc import jwe
    from joserfc.errors import JoseError

    header = {"alg": ALG, "enc": ENC, "cty": content_type}
    if key.kid:
        header["kid"] = key.kid
    try:
        return jwe.encrypt_compact(header, plaintext, key, registry=_registry())
    except (JoseError, ValueError) as exc:
        raise SealError("sealing failed") from exc


#: Tokens larger than this leave enough behind a failed opening to collect at once.
_COLLECT_AFTER_FAILURE = 1024 * 1024


def open_sealed(token: str | bytes, key: RSAKey) -> tuple[bytes, str]:
    """The plaintext and its content type; :class:`SealError` for anything not ours to open."""
    # joserfc's result and its recipient point at each other: left as it is, the cycle (with
    # the decoded ciphertext, as large as the plaintext) waits for the cyclic garbage
    # collector, and a burst of 10 MB photos grew the hub by ~40 MB each. On success the cycle
    # is broken below; on failure the half-built result is out of reach, so the young
    # generations are collected — not chained to the SealError, whose traceback would keep it.
    from joserfc import jwe
    from joserfc.errors import JoseError

    try:
        obj = jwe.decrypt_compact(token, key, registry=_registry())
    except (JoseError, ValueError, TypeError, KeyError, IndexError):
        failed = True
    else:
        failed = False
    if failed:
        if len(token) > _COLLECT_AFTER_FAILURE:
            gc.collect(1)
        raise SealError("sealed part cannot be opened")
    header, plaintext = obj.protected, obj.plaintext
    obj.recipient = None
    obj.bytes_segments.clear()
    obj.base64_segments.clear()
    if header.get("alg") != ALG or header.get("enc") != ENC or plaintext is None:
        raise SealError("sealed part uses other algorithms")
    return bytes(plaintext), str(header.get("cty", ""))
