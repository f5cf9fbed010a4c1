"""Active Authentication (ICAO 9303 Part 11 §6.1): the chip proves it holds DG15's private key.

Passive authentication shows the data were signed by the issuing state; it cannot tell the
original chip from a copy of its files. A chip that offers Active Authentication stores a key
pair: the public key in DG15 (covered by EF.SOD), the private key where no one can read it. The
terminal sends a random 8-byte challenge with INTERNAL AUTHENTICATE; only the original chip
can sign it.

Two signature schemes are in use:

- **ECDSA**: the signature is plain ``r || s`` (BSI TR-03111); the hash is named by the
  ActiveAuthenticationInfo in DG14 — when DG14 is missing or silent, the usual hashes are tried.
- **RSA with ISO/IEC 9796-2 digital signature scheme 1** (message recovery): ``s^e mod n`` gives
  ``6A || M1 || H(M1 || challenge) || trailer``; trailer BC means SHA-1, ``xx CC`` names the hash
  (ISO/IEC 10118-3: 33 SHA-1, 34 SHA-256, 35 SHA-512, 36 SHA-384, 38 SHA-224).

Everything from the chip comes through here as bytes; anything malformed is
:class:`ActiveAuthError` or a failed verification, never another exception.
"""

from __future__ import annotations

import hmac

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

# Re-exported: the challenge lives apart so the session can make it without this module's
# crypto imports.
from drivers.card.icao.challenge import (
    SUBMISSION_CHALLENGE_CONTEXT as SUBMISSION_CHALLENGE_CONTEXT,
)
from drivers.card.icao.challenge import submission_challenge as submission_challenge
from drivers.card.icao.cms import CmsError, decode_oid
from drivers.card.icao.keys import PublicKey, UnusableKeyError, load_public_key
from drivers.card.icao.tlv import TlvError, objects, read

OID_ACTIVE_AUTHENTICATION = "2.23.136.1.1.5"  # id-icao-mrtd-security-aaProtocolObject

#: ActiveAuthenticationInfo's signatureAlgorithm → hash (BSI TR-03111 ecdsa-plain-*, and the
#: X9.62 ecdsa-with-* some issuers write).
_ECDSA_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "0.4.0.127.0.7.1.1.4.1.1": hashes.SHA1,
    "0.4.0.127.0.7.1.1.4.1.2": hashes.SHA224,
    "0.4.0.127.0.7.1.1.4.1.3": hashes.SHA256,
    "0.4.0.127.0.7.1.1.4.1.4": hashes.SHA384,
    "0.4.0.127.0.7.1.1.4.1.5": hashes.SHA512,
    "1.2.840.10045.4.1": hashes.SHA1,
    "1.2.840.10045.4.3.1": hashes.SHA224,
    "1.2.840.10045.4.3.2": hashes.SHA256,
    "1.2.840.10045.4.3.3": hashes.SHA384,
    "1.2.840.10045.4.3.4": hashes.SHA512,
}
_ECDSA_TRIED = (hashes.SHA256, hashes.SHA1, hashes.SHA384, hashes.SHA512, hashes.SHA224)

#: ISO/IEC 10118-3 hash identifiers in a two-byte ISO/IEC 9796-2 trailer (``xx CC``).
_TRAILER_HASHES: dict[int, type[hashes.HashAlgorithm]] = {
    0x33: hashes.SHA1,
    0x34: hashes.SHA256,
    0x35: hashes.SHA512,
    0x36: hashes.SHA384,
    0x38: hashes.SHA224,
}


class ActiveAuthError(ValueError):
    """DG15 or DG14 is not what Active Authentication needs."""


def parse_dg15(data: bytes) -> PublicKey:
    """The chip's public key from DG15 (tag 6F around a SubjectPublicKeyInfo)."""
    try:
        tag, value, _ = read(data)
    except TlvError as exc:
        raise ActiveAuthError("DG15 is not TLV") from exc
    if tag != 0x6F:
        raise ActiveAuthError(f"DG15 has tag {tag:X}")
    try:
        return load_public_key(value)
    except UnusableKeyError as exc:
        raise ActiveAuthError(f"DG15: {exc}") from exc


def signature_length(key: PublicKey) -> int:
    """How long the chip's signature is: RSA the modulus, ECDSA r || s."""
    if isinstance(key, rsa.RSAPublicKey):
        return (key.key_size + 7) // 8
    return 2 * ((key.curve.key_size + 7) // 8)


def ecdsa_hash_from_dg14(data: bytes) -> type[hashes.HashAlgorithm] | None:
    """The hash DG14's ActiveAuthenticationInfo names (None: DG14 has none)."""
    try:
        tag, value, _ = read(data)
        if tag != 0x6E:
            raise ActiveAuthError(f"DG14 has tag {tag:X}")
        (outer,) = [v for t, v in objects(value) if t == 0x31]
        for t, info in objects(outer):
            if t != 0x30:
                continue
            parts = list(objects(info))
            if len(parts) < 3 or parts[0][0] != 0x06 or parts[2][0] != 0x06:
                continue
            if decode_oid(parts[0][1]) == OID_ACTIVE_AUTHENTICATION:
                return _ECDSA_HASHES.get(decode_oid(parts[2][1]))
    except (TlvError, CmsError, ValueError) as exc:
        raise ActiveAuthError("DG14 is not a set of security infos") from exc
    return None


def verify(
    key: PublicKey,
    challenge: bytes,
    signature: bytes,
    ecdsa_hash: type[hashes.HashAlgorithm] | None = None,
) -> bool:
    """Whether ``signature`` is the chip's answer to ``challenge`` under ``key``."""
    if isinstance(key, ec.EllipticCurvePublicKey):
        return _verify_ecdsa(key, challenge, signature, ecdsa_hash)
    return _verify_iso9796_2(key, challenge, signature)


def _verify_ecdsa(
    key: ec.EllipticCurvePublicKey,
    challenge: bytes,
    signature: bytes,
    ecdsa_hash: type[hashes.HashAlgorithm] | None,
) -> bool:
    size = (key.curve.key_size + 7) // 8
    if len(signature) != 2 * size:
        return False
    r, s = int.from_bytes(signature[:size], "big"), int.from_bytes(signature[size:], "big")
    der = encode_dss_signature(r, s)
    for algorithm in (ecdsa_hash,) if ecdsa_hash is not None else _ECDSA_TRIED:
        try:
            key.verify(der, challenge, ec.ECDSA(algorithm()))
        except InvalidSignature:
            continue
        return True
    return False


def _verify_iso9796_2(key: rsa.RSAPublicKey, challenge: bytes, signature: bytes) -> bool:
    numbers = key.public_numbers()
    n, k = numbers.n, (key.key_size + 7) // 8
    s = int.from_bytes(signature, "big")
    if len(signature) != k or not 0 < s < n:
        return False
    j = pow(s, numbers.e, n)
    if j & 0x0F != 0x0C:  # the signer may send n - s (ISO/IEC 9796-2 §B.6): take n - J
        j = n - j
    f = j.to_bytes(k, "big")
    if f[-1] == 0xBC:
        algorithm: type[hashes.HashAlgorithm] | None = hashes.SHA1
        trailer = 1
    elif f[-1] == 0xCC:
        algorithm, trailer = _TRAILER_HASHES.get(f[-2]), 2
    else:
        return False
    if algorithm is None or f[0] != 0x6A:  # 01, partial recovery, no padding, border 1010
        return False
    hash_algorithm = algorithm()
    length = hash_algorithm.digest_size
    end = k - trailer
    if end - length < 1:
        return False
    recovered, digest = f[1 : end - length], f[end - length : end]
    h = hashes.Hash(hash_algorithm)
    h.update(recovered + challenge)
    return hmac.compare_digest(h.finalize(), digest)
