"""The virtual chip's Chip Authentication (ICAO 9303-11 §6.2, CA version 1 with ECDH): its
static key, the DG14 entries that publish it, and the chip's half of the key agreement.

The terminal's side is :mod:`drivers.card.icao.chip_auth`; this one is written from the
standard: MSE:Set KAT (3DES) or MSE:Set AT + GENERAL AUTHENTICATE (AES) carry the terminal's
ephemeral public key; the answer still goes under the old keys, everything after it under the
new ones (send sequence counter zero).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum

from cryptography.hazmat.primitives.asymmetric import ec

from drivers.card.icao.cms import encode_oid
from drivers.card.icao.crypto import ENC, MAC, derive_3des_key
from drivers.card.icao.secure_messaging import AesSuite, ChipChannel, TripleDesSuite
from drivers.card.icao.tlv import tlv
from drivers.card.virtual.active import subject_public_key_info

ID_CA_ECDH_3DES = "0.4.0.127.0.7.2.2.3.2.1"
ID_CA_ECDH_AES_128 = "0.4.0.127.0.7.2.2.3.2.2"
ID_PK_ECDH = "0.4.0.127.0.7.2.2.1.2"


class CaCipher(StrEnum):
    NONE = ""
    AES = "aes"  # AES-128 secure messaging after it (the German ID card's choice)
    TDES = "3des"  # 3DES, as passports with BAC do


@dataclass
class CaKey:
    cipher: CaCipher
    private: ec.EllipticCurvePrivateKey

    @classmethod
    def generate(cls, cipher: CaCipher) -> CaKey:
        if cipher is CaCipher.NONE:
            raise ValueError("no Chip Authentication")
        return cls(cipher, ec.generate_private_key(ec.BrainpoolP256R1()))

    @property
    def protocol(self) -> str:
        return ID_CA_ECDH_AES_128 if self.cipher is CaCipher.AES else ID_CA_ECDH_3DES

    def security_infos(self, explicit: bool = False) -> bytes:
        """ChipAuthenticationInfo and ChipAuthenticationPublicKeyInfo, for DG14."""
        info = tlv(0x30, tlv(0x06, encode_oid(self.protocol)) + tlv(0x02, b"\x01"))
        spki = subject_public_key_info(self.private.public_key(), explicit)
        public = tlv(0x30, tlv(0x06, encode_oid(ID_PK_ECDH)) + spki)
        return info + public

    def agree(self, terminal_public: bytes) -> ChipChannel:
        """The chip's secure messaging after CA with the terminal's ephemeral key (raises
        ValueError for a point not on the curve)."""
        public = ec.EllipticCurvePublicKey.from_encoded_point(self.private.curve, terminal_public)
        secret = self.private.exchange(ec.ECDH(), public)
        if self.cipher is CaCipher.TDES:
            suite = TripleDesSuite(derive_3des_key(secret, ENC), derive_3des_key(secret, MAC))
            return ChipChannel(suite, bytes(8))
        ks_enc = hashlib.sha1(secret + b"\x00\x00\x00\x01").digest()[:16]
        ks_mac = hashlib.sha1(secret + b"\x00\x00\x00\x02").digest()[:16]
        return ChipChannel(AesSuite(ks_enc, ks_mac), bytes(16))
