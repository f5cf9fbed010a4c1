"""Access control over APDUs, the terminal's side: BAC and PACE (ICAO 9303 Part 11 §4.3, §4.4).

Each function runs the whole exchange through a ``Transmit`` and returns the secure channel
the rest of the read uses. A wrong MRZ or CAN ends in :class:`AccessDeniedError`; neither BAC nor
PACE with MRZ/CAN has a retry counter, so nothing on the chip is locked by it.
"""

from __future__ import annotations

import os
import secrets

from drivers.card.icao import bac, pace
from drivers.card.icao.apdu import (
    SW_AUTH_FAILED,
    SW_OK,
    SW_SECURITY_STATUS,
    AccessDeniedError,
    ChipError,
    Transmit,
    command,
    expect_ok,
    split,
)
from drivers.card.icao.card_access import PaceInfo
from drivers.card.icao.ec import (
    STANDARD_CURVES,
    Curve,
    generic_mapping,
    multiply_generator,
    shared_x,
)
from drivers.card.icao.secure_messaging import SecureChannel
from drivers.card.icao.tlv import TlvError, objects, tlv

PASSWORD_MRZ = 0x01
PASSWORD_CAN = 0x02

SW_SM_OBJECTS = 0x6988


def access_refused(sw: int) -> bool:
    """The chip's way of saying "wrong MRZ values / CAN" at the end of BAC or PACE.

    Chips differ: 6300 ("authentication failed"), 63Cx (with a counter — a PIN's, not ours),
    6982 ("security status not satisfied") and 6988 ("secure messaging objects incorrect": the
    chip could not verify our cryptogram, made with keys from the wrong values) all mean the
    same to the citizen: check the typed values. None of them means "place the card again".
    """
    return sw in (SW_AUTH_FAILED, SW_SECURITY_STATUS, SW_SM_OBJECTS) or sw & 0xFFF0 == 0x63C0


def run_bac(transmit: Transmit, mrz_information: str) -> SecureChannel:
    rnd_icc = expect_ok(transmit(command(0x00, 0x84, 0x00, 0x00, le=8)), "GET CHALLENGE")
    if len(rnd_icc) != 8:
        raise ChipError("challenge of the wrong length")
    rnd_ifd, k_ifd = os.urandom(8), os.urandom(16)
    keys = bac.access_keys(mrz_information)
    data = bac.authenticate_command(keys, rnd_icc, rnd_ifd, k_ifd)
    answer, sw = split(transmit(command(0x00, 0x82, 0x00, 0x00, data, le=40)))
    if access_refused(sw):
        raise AccessDeniedError("BAC: the chip refused the MRZ values")
    if sw != SW_OK:
        raise ChipError("EXTERNAL AUTHENTICATE", sw)
    try:
        keys_session = bac.open_response(keys, answer, rnd_icc, rnd_ifd, k_ifd)
    except bac.BacError as exc:
        raise ChipError(str(exc)) from exc
    return SecureChannel.tdes(keys_session.ks_enc, keys_session.ks_mac, keys_session.ssc)


def _general_authenticate(transmit: Transmit, tag: int, value: bytes, last: bool) -> bytes:
    body = tlv(tag, value) if tag else b""
    cla = 0x00 if last else 0x10
    data, sw = split(transmit(command(cla, 0x86, 0x00, 0x00, tlv(0x7C, body), le=0)))
    # A wrong password shows at the token (the last step), but chips differ in where they
    # stop: a refusal at any step is the citizen's typing, not a broken card.
    if access_refused(sw):
        raise AccessDeniedError("PACE: the chip refused the password")
    if sw != SW_OK:
        raise ChipError("GENERAL AUTHENTICATE", sw)
    try:
        outer = list(objects(data))
        if len(outer) != 1 or outer[0][0] != 0x7C:
            raise ChipError("GENERAL AUTHENTICATE answer is not dynamic authentication data")
        return b"".join(tlv(t, v) for t, v in objects(outer[0][1]))
    except TlvError as exc:
        raise ChipError("GENERAL AUTHENTICATE answer is not well-formed") from exc


def _field(data: bytes, tag: int) -> bytes:
    for t, v in objects(data):
        if t == tag:
            return v
    raise ChipError(f"GENERAL AUTHENTICATE answer without object {tag:02X}")


def _point(curve: Curve, data: bytes) -> tuple[int, int]:
    try:
        return curve.decode(data)
    except ValueError as exc:
        raise ChipError("the chip's public key is not a point on the curve") from exc


def run_pace(
    transmit: Transmit, password: bytes, password_ref: int, info: PaceInfo
) -> SecureChannel:
    """PACE ECDH generic mapping with AES secure messaging."""
    curve = STANDARD_CURVES[info.parameter_id or 0]
    bits = info.key_bits
    set_at = (
        tlv(0x80, info.oid)
        + tlv(0x83, bytes([password_ref]))
        + tlv(0x84, bytes([info.parameter_id or 0]))
    )
    _, sw = split(transmit(command(0x00, 0x22, 0xC1, 0xA4, set_at)))
    if sw != SW_OK and (sw & 0xFFF0) != 0x63C0:  # 63Cx: a PIN's retry counter, not ours
        raise ChipError("MSE:Set AT", sw)

    encrypted = _field(_general_authenticate(transmit, 0, b"", last=False), 0x80)
    try:
        nonce = pace.decrypt_nonce(pace.password_key(password, bits), encrypted)
    except ValueError as exc:
        raise ChipError(str(exc)) from exc

    sk_map = 1 + secrets.randbelow(curve.n - 1)
    pk_map = multiply_generator(curve, sk_map)
    answer = _general_authenticate(transmit, 0x81, curve.encode(pk_map), last=False)
    chip_map = _point(curve, _field(answer, 0x82))
    shared = curve.multiply(sk_map, chip_map)
    try:
        mapped = generic_mapping(curve, int.from_bytes(nonce, "big"), shared)
    except ValueError as exc:
        raise ChipError(str(exc)) from exc

    sk_eph = 1 + secrets.randbelow(curve.n - 1)
    pk_eph = curve.multiply(sk_eph, mapped)
    answer = _general_authenticate(transmit, 0x83, curve.encode(pk_eph), last=False)
    chip_eph = _point(curve, _field(answer, 0x84))
    if chip_eph == pk_eph:
        raise ChipError("the chip echoed our ephemeral key")
    ks_enc, ks_mac = pace.session_keys(shared_x(curve, sk_eph, chip_eph), bits)

    token = pace.authentication_token(ks_mac, info.oid, curve.encode(chip_eph))
    answer = _general_authenticate(transmit, 0x85, token, last=True)
    expected = pace.authentication_token(ks_mac, info.oid, curve.encode(pk_eph))
    if _field(answer, 0x86) != expected:
        raise ChipError("the chip's authentication token does not verify")
    return SecureChannel.aes(ks_enc, ks_mac)
