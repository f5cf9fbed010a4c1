"""Chip Authentication (ICAO 9303 Part 11 §6.2, BSI TR-03110 CA version 1), the terminal's side.

The chip's static key pair: the public key in DG14 (covered by EF.SOD), the private key inside
the chip. The terminal sends an ephemeral public key; both sides compute the ECDH secret and
restart secure messaging with keys from it. Only a chip holding the private key can answer the
next command with a MAC that verifies — a copy of the files on another chip cannot. Unlike
Active Authentication, it also protects everything read afterwards with fresh keys.

ECDH only (the chips in use; DH is rare): with 3DES secure messaging (MSE:Set KAT) or AES
(MSE:Set AT + GENERAL AUTHENTICATE).
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from drivers.card.icao.cms import CmsError, decode_oid, encode_oid
from drivers.card.icao.crypto import ENC, MAC, derive_3des_key
from drivers.card.icao.keys import load_public_key
from drivers.card.icao.pace import kdf_aes
from drivers.card.icao.secure_messaging import SecureChannel
from drivers.card.icao.tlv import TlvError, objects, read, tlv

ID_CA_ECDH = "0.4.0.127.0.7.2.2.3.2"
ID_PK_ECDH = "0.4.0.127.0.7.2.2.1.2"
#: id-CA-ECDH-… → secure messaging after it: "3des" or AES key bits.
CA_ECDH_CIPHERS: dict[str, str | int] = {
    ID_CA_ECDH + ".1": "3des",
    ID_CA_ECDH + ".2": 128,
    ID_CA_ECDH + ".3": 192,
    ID_CA_ECDH + ".4": 256,
}


class ChipAuthError(ValueError):
    """DG14's chip authentication entries are malformed or not usable."""


@dataclass(frozen=True)
class ChipAuthInfo:
    protocol: str  # the id-CA-ECDH-… OID, dotted
    public_key: ec.EllipticCurvePublicKey
    key_id: int | None = None

    @property
    def cipher(self) -> str | int:
        return CA_ECDH_CIPHERS[self.protocol]


def _integer(value: bytes) -> int:
    return int.from_bytes(value, "big")


def parse_dg14(data: bytes) -> ChipAuthInfo | None:
    """The chip authentication DG14 offers (ECDH, a cipher we have), or None."""
    try:
        tag, value, _ = read(data)
        if tag != 0x6E:
            raise ChipAuthError(f"DG14 has tag {tag:X}")
        sets = [v for t, v in objects(value) if t == 0x31]
        if len(sets) != 1:
            raise ChipAuthError("DG14 holds no set of security infos")
        protocols: dict[int | None, str] = {}
        keys: dict[int | None, ec.EllipticCurvePublicKey] = {}
        for t, info in objects(sets[0]):
            if t != 0x30:
                continue
            parts = list(objects(info))
            if len(parts) < 2 or parts[0][0] != 0x06:
                continue
            oid = decode_oid(parts[0][1])
            if oid in CA_ECDH_CIPHERS and parts[1][0] == 0x02:
                key_id = _integer(parts[2][1]) if len(parts) > 2 and parts[2][0] == 0x02 else None
                protocols[key_id] = oid
            elif oid == ID_PK_ECDH and parts[1][0] == 0x30:
                key_id = _integer(parts[2][1]) if len(parts) > 2 and parts[2][0] == 0x02 else None
                key = load_public_key(tlv(0x30, parts[1][1]))
                if isinstance(key, ec.EllipticCurvePublicKey):
                    keys[key_id] = key
    except (TlvError, CmsError, UnsupportedAlgorithm, ValueError) as exc:
        if isinstance(exc, ChipAuthError):
            raise
        raise ChipAuthError("DG14's chip authentication entries are malformed") from exc
    for key_id, key in keys.items():
        protocol = protocols.get(key_id)
        if protocol is None and len(keys) == 1 and len(protocols) == 1:
            # One key and one protocol: they belong together even if only one names a keyId.
            protocol = next(iter(protocols.values()))
        if protocol is not None:
            return ChipAuthInfo(protocol, key, key_id)
    return None


def ephemeral_key(info: ChipAuthInfo) -> tuple[ec.EllipticCurvePrivateKey, bytes]:
    """A one-time key pair on the chip's curve, and its public key as an uncompressed point."""
    private = ec.generate_private_key(info.public_key.curve)
    public = private.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return private, public


def commands(info: ChipAuthInfo, ephemeral_public: bytes) -> list[tuple[int, int, int, bytes]]:
    """(INS, P1, P2, data) of the commands that run it, under the current secure messaging."""
    key_ref = b""
    if info.key_id is not None:
        size = max(1, (info.key_id.bit_length() + 7) // 8)
        key_ref = tlv(0x84, info.key_id.to_bytes(size, "big"))
    if info.cipher == "3des":
        return [(0x22, 0x41, 0xA6, tlv(0x91, ephemeral_public) + key_ref)]
    set_at = tlv(0x80, encode_oid(info.protocol)) + key_ref
    return [
        (0x22, 0x41, 0xA4, set_at),
        (0x86, 0x00, 0x00, tlv(0x7C, tlv(0x80, ephemeral_public))),
    ]


def channel_after(info: ChipAuthInfo, private: ec.EllipticCurvePrivateKey) -> SecureChannel:
    """Secure messaging with the keys from the ECDH secret (send sequence counter at zero)."""
    secret = private.exchange(ec.ECDH(), info.public_key)
    cipher = info.cipher
    if cipher == "3des":
        return SecureChannel.tdes(
            derive_3des_key(secret, ENC), derive_3des_key(secret, MAC), bytes(8)
        )
    assert isinstance(cipher, int)
    ks_enc = kdf_aes(secret, b"\x00\x00\x00\x01", cipher)
    ks_mac = kdf_aes(secret, b"\x00\x00\x00\x02", cipher)
    return SecureChannel.aes(ks_enc, ks_mac)
