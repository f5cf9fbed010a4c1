"""Basic Access Control: keys from the MRZ, mutual authentication, session keys (9303-11 §4.3).

The terminal's side as pure functions: the reader transport sends GET CHALLENGE and EXTERNAL
AUTHENTICATE and hands the answers here. The virtual chip uses the same functions from the
other side, and both are checked against the worked example of Part 11 Appendix D.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from drivers.card.icao.crypto import (
    ENC,
    MAC,
    derive_3des_key,
    pad,
    retail_mac,
    tdes_decrypt,
    tdes_encrypt,
)


class BacError(Exception):
    """Mutual authentication failed: wrong MRZ data, or not the chip we are talking to."""


@dataclass(frozen=True)
class AccessKeys:
    k_enc: bytes
    k_mac: bytes


@dataclass(frozen=True)
class SessionKeys:
    ks_enc: bytes
    ks_mac: bytes
    ssc: bytes


def key_seed(mrz_information: str) -> bytes:
    return hashlib.sha1(mrz_information.encode("ascii")).digest()[:16]


def access_keys(mrz_information: str) -> AccessKeys:
    seed = key_seed(mrz_information)
    return AccessKeys(derive_3des_key(seed, ENC), derive_3des_key(seed, MAC))


def authenticate_command(keys: AccessKeys, rnd_icc: bytes, rnd_ifd: bytes, k_ifd: bytes) -> bytes:
    """The EXTERNAL AUTHENTICATE data: E_IFD || M_IFD (40 bytes)."""
    e_ifd = tdes_encrypt(keys.k_enc, rnd_ifd + rnd_icc + k_ifd)
    return e_ifd + retail_mac(keys.k_mac, pad(e_ifd))


def open_response(
    keys: AccessKeys, response: bytes, rnd_icc: bytes, rnd_ifd: bytes, k_ifd: bytes
) -> SessionKeys:
    """Check the chip's E_IC || M_IC and derive the session keys and send sequence counter."""
    if len(response) != 40:
        raise BacError("the chip's answer has the wrong length")
    e_ic, m_ic = response[:32], response[32:]
    if not hmac.compare_digest(retail_mac(keys.k_mac, pad(e_ic)), m_ic):
        raise BacError("the chip's answer does not authenticate")
    plain = tdes_decrypt(keys.k_enc, e_ic)
    if plain[:8] != rnd_icc or plain[8:16] != rnd_ifd:
        raise BacError("the chip's answer is for another challenge")
    return session_keys(k_ifd, plain[16:32], rnd_icc, rnd_ifd)


def session_keys(k_ifd: bytes, k_icc: bytes, rnd_icc: bytes, rnd_ifd: bytes) -> SessionKeys:
    seed = bytes(a ^ b for a, b in zip(k_ifd, k_icc, strict=True))
    return SessionKeys(
        derive_3des_key(seed, ENC),
        derive_3des_key(seed, MAC),
        rnd_icc[4:] + rnd_ifd[4:],
    )
