"""PACE against the worked example of ICAO 9303 Part 11 Appendix G (ECDH, generic mapping,
brainpoolP256r1, AES-128; the German ID card specimen T22000129). Values typed from the
appendix; the EC arithmetic is also cross-checked against OpenSSL through ``cryptography``."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from drivers.card.icao.ec import BRAINPOOL_P256R1 as CURVE
from drivers.card.icao.ec import generic_mapping
from drivers.card.icao.mrz import bac_key_input
from drivers.card.icao.pace import (
    decrypt_nonce,
    encrypt_nonce,
    password_from_can,
    password_from_mrz,
    password_key,
)

H = bytes.fromhex
MRZ = bac_key_input("T22000129", "640812", "101031")
Z = H("95A3A016522EE98D01E76CB6B98B42C3")
S = H("3F00C4D39D153F2B2A214A078D899B22")
SK_PCD_MAP = 0x7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99
SK_PICC_MAP = 0x498FF49756F2DC1587840041839A85982BE7761D14715FB091EFA7BCE9058560
PK_PCD_MAP = (
    0x7ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E,
    0x544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D,
)
PK_PICC_MAP = (
    0x824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F57,
    0x30D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54,
)
H_X = 0x60332EF2450B5D247EF6D3868397D398852ED6E8CAF6FFEEF6BF85CA57057FD5
G_MAPPED = (
    0x8CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E2,
    0x8C879506743F8611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522,
)


def test_password_key_and_nonce() -> None:
    k_pi = password_key(password_from_mrz(MRZ))
    assert k_pi == H("89DED1B26624EC1E634C1989302849DD")
    assert decrypt_nonce(k_pi, Z) == S
    assert encrypt_nonce(k_pi, S) == Z


def test_mapping_keys_and_the_mapped_generator() -> None:
    assert CURVE.contains(CURVE.g)
    assert CURVE.multiply(SK_PCD_MAP, CURVE.g) == PK_PCD_MAP
    assert CURVE.multiply(SK_PICC_MAP, CURVE.g) == PK_PICC_MAP
    shared = CURVE.multiply(SK_PCD_MAP, PK_PICC_MAP)
    assert shared is not None and shared[0] == H_X
    assert shared == CURVE.multiply(SK_PICC_MAP, PK_PCD_MAP)  # both sides agree
    assert generic_mapping(CURVE, int.from_bytes(S, "big"), shared) == G_MAPPED
    assert CURVE.contains(G_MAPPED)


def test_the_arithmetic_agrees_with_openssl() -> None:
    for secret in (1, 2, 3, 0xDEADBEEF, CURVE.n - 1, SK_PCD_MAP):
        key = ec.derive_private_key(secret, ec.BrainpoolP256R1()).public_key().public_numbers()
        assert CURVE.multiply(secret, CURVE.g) == (key.x, key.y)
    assert CURVE.multiply(CURVE.n, CURVE.g) is None


def test_points_from_the_chip_are_checked() -> None:
    good = CURVE.encode(PK_PICC_MAP)
    assert CURVE.decode(good) == PK_PICC_MAP
    off_curve = good[:-1] + bytes([good[-1] ^ 1])
    for bad in (off_curve, good[:-1], b"\x02" + good[1:33], b""):
        with pytest.raises(ValueError):
            CURVE.decode(bad)


def test_can() -> None:
    assert password_from_can("123456") == b"123456"
    for bad in ("12345", "12345a", ""):
        with pytest.raises(ValueError):
            password_from_can(bad)


SK_PCD = 0xA73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595
SK_PICC = 0x107CF58696EF6155053340FD633392BA81909DF7B9706F226F32086C7AFF974A
PK_PCD = (
    0x2DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C,
    0x3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462,
)
PK_PICC = (
    0x9E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB,
    0x7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094,
)


def test_key_agreement_session_keys_and_tokens() -> None:
    from drivers.card.icao.pace import (
        OID_PACE_ECDH_GM_AES_128,
        authentication_token,
        session_keys,
    )

    assert CURVE.multiply(SK_PCD, G_MAPPED) == PK_PCD
    assert CURVE.multiply(SK_PICC, G_MAPPED) == PK_PICC
    shared = CURVE.multiply(SK_PCD, PK_PICC)
    assert shared == CURVE.multiply(SK_PICC, PK_PCD)
    assert shared is not None
    assert shared[0] == 0x28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925
    ks_enc, ks_mac = session_keys(shared[0].to_bytes(32, "big"))
    assert ks_enc == H("F5F0E35C0D7161EE6724EE513A0D9A7F")
    assert ks_mac == H("FE251C7858B356B24514B3BD5F4297D1")
    oid = OID_PACE_ECDH_GM_AES_128
    # Each side MACs the other side's public key.
    assert authentication_token(ks_mac, oid, CURVE.encode(PK_PICC)) == H("C2B0BD78D94BA866")
    assert authentication_token(ks_mac, oid, CURVE.encode(PK_PCD)) == H("3ABB9674BCE93C08")
