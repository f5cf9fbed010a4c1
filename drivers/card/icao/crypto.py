"""The symmetric cryptography of BAC and 3DES secure messaging (ICAO 9303 Part 11 §9.7, §9.8).

3DES in CBC with a zero IV, ISO 9797-1 padding method 2, the "retail MAC" (ISO 9797-1 MAC
algorithm 3 with single DES and two keys), and the SHA-1 key derivation with DES parity.
"""

from __future__ import annotations

import hashlib

from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
from cryptography.hazmat.primitives.ciphers import Cipher, modes

ENC = b"\x00\x00\x00\x01"
MAC = b"\x00\x00\x00\x02"
_ZERO_IV = bytes(8)


def with_parity(key: bytes) -> bytes:
    """Each byte's low bit set so that the byte has odd parity (DES keys)."""
    out = bytearray()
    for b in key:
        high = b & 0xFE
        out.append(high | (bin(high).count("1") % 2 == 0))
    return bytes(out)


def derive_3des_key(seed: bytes, counter: bytes) -> bytes:
    """K = SHA-1(seed || counter)[:16] with parity: the two-key 3DES key for ENC or MAC."""
    return with_parity(hashlib.sha1(seed + counter).digest()[:16])


def pad(data: bytes, block: int = 8) -> bytes:
    """ISO 9797-1 padding method 2: 0x80, then zeros to a whole block."""
    data += b"\x80"
    return data + bytes(-len(data) % block)


def unpad(data: bytes) -> bytes:
    stripped = data.rstrip(b"\x00")
    if not stripped.endswith(b"\x80"):
        raise ValueError("bad padding")
    return stripped[:-1]


def _3des(key: bytes) -> TripleDES:
    return TripleDES(key + key[:8] if len(key) == 16 else key)


def tdes_encrypt(key: bytes, data: bytes, iv: bytes = _ZERO_IV) -> bytes:
    encryptor = Cipher(_3des(key), modes.CBC(iv)).encryptor()
    return encryptor.update(data) + encryptor.finalize()


def tdes_decrypt(key: bytes, data: bytes, iv: bytes = _ZERO_IV) -> bytes:
    decryptor = Cipher(_3des(key), modes.CBC(iv)).decryptor()
    return decryptor.update(data) + decryptor.finalize()


class RetailMac:
    """ISO 9797-1 MAC algorithm 3 (8 bytes out) under one key, its ciphers built once.

    CBC with single DES under the first half of the key, then the last block decrypted with the
    second half and encrypted again with the first — which is the same as single-DES CBC over all
    but the last block, then one two-key 3DES (EDE) encryption of the last chained block. Secure
    messaging MACs every APDU twice; building the ciphers once per session key halves the cost.
    """

    def __init__(self, key: bytes) -> None:
        ka, kb = key[:8], key[8:16]
        self._single = Cipher(TripleDES(ka * 3), modes.CBC(_ZERO_IV))
        self._final = Cipher(TripleDES(ka + kb + ka), modes.ECB())

    def __call__(self, data: bytes) -> bytes:
        if len(data) % 8 or not data:
            raise ValueError("pad the data first")
        chained = _ZERO_IV
        if len(data) > 8:
            single = self._single.encryptor()
            chained = (single.update(data[:-8]) + single.finalize())[-8:]
        last = bytes(a ^ b for a, b in zip(chained, data[-8:], strict=True))
        return self._final.encryptor().update(last)


def retail_mac(key: bytes, data: bytes) -> bytes:
    """ISO 9797-1 MAC algorithm 3 over already padded ``data`` (8 bytes out)."""
    return RetailMac(key)(data)
