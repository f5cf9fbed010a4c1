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


def retail_mac(key: bytes, data: bytes) -> bytes:
    """ISO 9797-1 MAC algorithm 3 over already padded ``data`` (8 bytes out).

    CBC with single DES under the first half of the key, then the last block decrypted with the
    second half and encrypted again with the first.
    """
    if len(data) % 8:
        raise ValueError("pad the data first")
    ka, kb = key[:8], key[8:16]
    single = Cipher(TripleDES(ka * 3), modes.CBC(_ZERO_IV)).encryptor()
    chained = single.update(data) + single.finalize()
    last = chained[-8:]
    last = Cipher(TripleDES(kb * 3), modes.ECB()).decryptor().update(last)
    return Cipher(TripleDES(ka * 3), modes.ECB()).encryptor().update(last)
