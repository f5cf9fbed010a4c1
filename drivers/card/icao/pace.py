"""PACE (ICAO 9303 Part 11 §4.4): the password key and the nonce; the mapping is in ``ec``.

Step 1: the chip sends a random nonce encrypted with K_π, a key derived from the password —
the MRZ information (hashed) or the CAN printed on a German ID card. Only a terminal that knows
the password can decrypt it; a wrong password gives a wrong nonce and the later token check
fails, without anything on the chip being locked by a wrong MRZ.
"""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.cmac import CMAC

from drivers.card.icao.tlv import tlv

PACE_COUNTER = b"\x00\x00\x00\x03"


def password_from_mrz(mrz_information: str) -> bytes:
    return hashlib.sha1(mrz_information.encode("ascii")).digest()


def password_from_can(can: str) -> bytes:
    if len(can) != 6 or not can.isdigit():
        raise ValueError("the CAN has six digits")
    return can.encode("ascii")


def kdf_aes(secret: bytes, counter: bytes, bits: int = 128) -> bytes:
    """KDF for AES keys: SHA-1 for 128-bit keys, SHA-256 for 192 and 256 (§9.7.1.2)."""
    if bits == 128:
        return hashlib.sha1(secret + counter).digest()[:16]
    return hashlib.sha256(secret + counter).digest()[: bits // 8]


def password_key(password: bytes, bits: int = 128) -> bytes:
    return kdf_aes(password, PACE_COUNTER, bits)


def decrypt_nonce(k_pi: bytes, encrypted: bytes) -> bytes:
    if len(encrypted) % 16:
        raise ValueError("the encrypted nonce is not whole AES blocks")
    decryptor = Cipher(algorithms.AES(k_pi), modes.CBC(bytes(16))).decryptor()
    return decryptor.update(encrypted) + decryptor.finalize()


def encrypt_nonce(k_pi: bytes, nonce: bytes) -> bytes:
    """The chip's side (the virtual chip uses it)."""
    encryptor = Cipher(algorithms.AES(k_pi), modes.CBC(bytes(16))).encryptor()
    return encryptor.update(nonce) + encryptor.finalize()


#: id-PACE-ECDH-GM-AES-CBC-CMAC-128 (BSI TR-03110: 0.4.0.127.0.7.2.2.4.2.2), DER contents.
OID_PACE_ECDH_GM_AES_128 = bytes.fromhex("04007F00070202040202")


def session_keys(shared_x: bytes, bits: int = 128) -> tuple[bytes, bytes]:
    """KS_enc, KS_mac from the x-coordinate of the PACE key agreement."""
    return kdf_aes(shared_x, b"\x00\x00\x00\x01", bits), kdf_aes(
        shared_x, b"\x00\x00\x00\x02", bits
    )


def authentication_token(ks_mac: bytes, oid: bytes, other_public_key: bytes) -> bytes:
    """T = CMAC(KS_mac, 7F49{06 OID, 86 the *other* side's ephemeral public point})[:8]."""
    mac = CMAC(algorithms.AES(ks_mac))
    mac.update(tlv(0x7F49, tlv(0x06, oid) + tlv(0x86, other_public_key)))
    return mac.finalize()[:8]
