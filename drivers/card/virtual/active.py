"""The virtual chip's Active Authentication key (ICAO 9303 Part 11 §6.1): DG15, DG14's
ActiveAuthenticationInfo, and the INTERNAL AUTHENTICATE signature — ECDSA (plain r || s) or
RSA with ISO/IEC 9796-2 scheme 1, as passports in the field use them.

The terminal's side is :mod:`drivers.card.icao.active`; this is the other, written from the
standard rather than from the terminal's code.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from enum import StrEnum

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from drivers.card.icao.cms import encode_oid
from drivers.card.icao.ec import STANDARD_CURVES
from drivers.card.icao.tlv import tlv

OID_ACTIVE_AUTHENTICATION = "2.23.136.1.1.5"
OID_ECDSA_PLAIN_SHA256 = "0.4.0.127.0.7.1.1.4.1.3"


class AaScheme(StrEnum):
    NONE = ""
    ECDSA = "ecdsa"  # P-256, SHA-256, DG14 names the algorithm
    RSA = "rsa"  # ISO/IEC 9796-2 scheme 1, SHA-1 (trailer BC), as most RSA passports


@dataclass
class AaKey:
    scheme: AaScheme
    private: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey

    @classmethod
    def generate(cls, scheme: AaScheme, rsa_bits: int = 1024) -> AaKey:
        if scheme is AaScheme.ECDSA:
            return cls(scheme, ec.generate_private_key(ec.SECP256R1()))
        if scheme is AaScheme.RSA:
            # 1024 bits by default, like many passports; newer ones have 2048 (whose signature
            # needs an extended-length answer under secure messaging).
            return cls(scheme, rsa.generate_private_key(65537, rsa_bits))
        raise ValueError("no Active Authentication scheme")

    def dg15(self, explicit: bool = False) -> bytes:
        """DG15: the public key; ``explicit``: EC domain parameters spelled out (BSI style)."""
        return tlv(0x6F, subject_public_key_info(self.private.public_key(), explicit))

    def dg14_info(self) -> bytes:
        """The ActiveAuthenticationInfo an ECDSA chip must have in DG14 (none for RSA)."""
        if self.scheme is not AaScheme.ECDSA:
            return b""
        return tlv(
            0x30,
            tlv(0x06, encode_oid(OID_ACTIVE_AUTHENTICATION))
            + tlv(0x02, b"\x01")
            + tlv(0x06, encode_oid(OID_ECDSA_PLAIN_SHA256)),
        )

    def sign(self, challenge: bytes) -> bytes:
        key = self.private
        if isinstance(key, ec.EllipticCurvePrivateKey):
            r, s = decode_dss_signature(key.sign(challenge, ec.ECDSA(hashes.SHA256())))
            size = (key.curve.key_size + 7) // 8
            return r.to_bytes(size, "big") + s.to_bytes(size, "big")
        numbers = key.private_numbers()
        n = numbers.public_numbers.n
        k = (key.key_size + 7) // 8
        m1 = os.urandom(k - 2 - 20)  # the recoverable part: the chip's own random bytes
        f = b"\x6a" + m1 + hashlib.sha1(m1 + challenge).digest() + b"\xbc"
        s_int = pow(int.from_bytes(f, "big"), numbers.d, n)
        return min(s_int, n - s_int).to_bytes(k, "big")  # ISO/IEC 9796-2: the smaller one


def dg14(security_infos: bytes) -> bytes:
    """DG14: the set of security infos (Active and Chip Authentication entries)."""
    return tlv(0x6E, tlv(0x31, security_infos))


_EXPLICIT_CURVES = {c.name: c for c in STANDARD_CURVES.values()}


def _der_integer(n: int) -> bytes:
    return tlv(0x02, n.to_bytes(n.bit_length() // 8 + 1, "big"))


def subject_public_key_info(
    key: ec.EllipticCurvePublicKey | rsa.RSAPublicKey, explicit: bool = False
) -> bytes:
    """The key's SubjectPublicKeyInfo; EC keys with ``explicit`` domain parameters (which
    OpenSSL will not write, so they are written here: RFC 3279 ECParameters)."""
    if not explicit or not isinstance(key, ec.EllipticCurvePublicKey):
        return key.public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    curve = _EXPLICIT_CURVES[key.curve.name]
    size = curve.size
    parameters = tlv(
        0x30,
        _der_integer(1)
        + tlv(0x30, tlv(0x06, encode_oid("1.2.840.10045.1.1")) + _der_integer(curve.p))
        + tlv(
            0x30,
            tlv(0x04, curve.a.to_bytes(size, "big")) + tlv(0x04, curve.b.to_bytes(size, "big")),
        )
        + tlv(0x04, curve.encode(curve.g))
        + _der_integer(curve.n)
        + _der_integer(1),
    )
    algorithm = tlv(0x30, tlv(0x06, encode_oid("1.2.840.10045.2.1")) + parameters)
    point = key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return tlv(0x30, algorithm + tlv(0x03, b"\x00" + point))
