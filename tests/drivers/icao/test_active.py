"""Active Authentication's verification (ICAO 9303-11 §6.1): ECDSA plain signatures and RSA
ISO/IEC 9796-2 scheme 1, each built here from the standard's layout — not only by the virtual
chip's code — and fuzzed: a chip's bytes give True, False or ActiveAuthError, nothing else."""

from __future__ import annotations

import contextlib
import hashlib
import os

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.card.icao import active
from drivers.card.virtual.active import AaKey, AaScheme
from drivers.card.virtual.active import dg14 as make_dg14

RSA_KEY = rsa.generate_private_key(65537, 1024)
CHALLENGE = bytes.fromhex("0123456789ABCDEF")


def iso9796_2(
    key: rsa.RSAPrivateKey, challenge: bytes, hash_id: int | None, smaller: bool
) -> bytes:
    """Scheme 1 with partial recovery: 6A || M1 || H(M1 || M2) || trailer, then s or n - s."""
    algorithm = {None: hashlib.sha1, 0x33: hashlib.sha1, 0x34: hashlib.sha256}[hash_id]
    trailer = b"\xbc" if hash_id is None else bytes([hash_id, 0xCC])
    k = key.key_size // 8
    m1 = os.urandom(k - 1 - algorithm().digest_size - len(trailer))
    f = b"\x6a" + m1 + algorithm(m1 + challenge).digest() + trailer
    numbers = key.private_numbers()
    n = numbers.public_numbers.n
    s = pow(int.from_bytes(f, "big"), numbers.d, n)
    return (min(s, n - s) if smaller else max(s, n - s)).to_bytes(k, "big")


@pytest.mark.parametrize("hash_id", [None, 0x33, 0x34], ids=["BC", "33CC", "34CC"])
@pytest.mark.parametrize("smaller", [True, False], ids=["min(s,n-s)", "max(s,n-s)"])
def test_rsa_iso9796_2(hash_id: int | None, smaller: bool) -> None:
    public = RSA_KEY.public_key()
    signature = iso9796_2(RSA_KEY, CHALLENGE, hash_id, smaller)
    assert active.verify(public, CHALLENGE, signature)
    assert not active.verify(public, bytes(8), signature)
    other = iso9796_2(rsa.generate_private_key(65537, 1024), CHALLENGE, hash_id, smaller)
    assert not active.verify(public, CHALLENGE, other)


def test_ecdsa_plain_signature_with_and_without_dg14() -> None:
    key = AaKey.generate(AaScheme.ECDSA)
    dg14 = make_dg14(key.dg14_info())
    public = active.parse_dg15(key.dg15())
    assert active.ecdsa_hash_from_dg14(dg14) is hashes.SHA256
    signature = key.sign(CHALLENGE)
    assert len(signature) == 64
    assert active.verify(public, CHALLENGE, signature, hashes.SHA256)
    assert active.verify(public, CHALLENGE, signature)  # no DG14: the usual hashes are tried
    assert not active.verify(public, CHALLENGE, signature, hashes.SHA1)
    assert not active.verify(public, bytes(8), signature)
    assert not active.verify(public, CHALLENGE, signature[:-1])


def test_the_virtual_chips_rsa_signature() -> None:
    key = AaKey.generate(AaScheme.RSA)
    assert key.dg14_info() == b""
    public = active.parse_dg15(key.dg15())
    assert isinstance(public, rsa.RSAPublicKey)
    assert all(active.verify(public, CHALLENGE, key.sign(CHALLENGE)) for _ in range(6))


def test_dg15_with_something_else() -> None:
    for bad in (b"", b"\x6f\x00", b"\x6e\x03\x30\x01\x00", b"\x6f\x03\x30\x01\x00"):
        with pytest.raises(active.ActiveAuthError):
            active.parse_dg15(bad)


EC_PUBLIC = ec.generate_private_key(ec.SECP256R1()).public_key()


@settings(max_examples=300, deadline=None, database=None)
@given(st.binary(max_size=300), st.binary(max_size=200))
def test_chip_bytes_give_a_verdict_never_a_crash(signature: bytes, noise: bytes) -> None:
    assert active.verify(RSA_KEY.public_key(), CHALLENGE, signature) in (True, False)
    assert active.verify(EC_PUBLIC, CHALLENGE, signature) in (True, False)
    with contextlib.suppress(active.ActiveAuthError):
        active.parse_dg15(b"\x6f" + bytes([len(noise[:127])]) + noise[:127])
    with contextlib.suppress(active.ActiveAuthError):
        active.ecdsa_hash_from_dg14(b"\x6e" + bytes([len(noise[:127])]) + noise[:127])


@pytest.mark.parametrize("scheme", [AaScheme.ECDSA, AaScheme.RSA])
def test_dg15_with_explicit_curve_parameters(scheme: AaScheme) -> None:
    """BSI-style keys spell out the curve (OpenSSL refuses those): matched to the named curve.
    Before, such a genuine passport's AA could not even start."""
    key = AaKey.generate(scheme)
    public = active.parse_dg15(key.dg15(explicit=True))
    assert active.verify(public, CHALLENGE, key.sign(CHALLENGE))
