"""Sealing: only the hub's key opens it, only our algorithms are accepted, photos of MBs fit."""

from __future__ import annotations

import base64
import gc
import json
import os

import pytest
from joserfc import jwe

from tests.support.configs import hub_private_key
from wire.api import MAX_ATTACHMENT_BYTES
from wire.sealing import SealError, import_key, open_sealed, public_jwk, seal


def public() -> object:
    return import_key(public_jwk(hub_private_key()))


def test_a_photo_of_the_largest_allowed_size_round_trips() -> None:
    photo = os.urandom(MAX_ATTACHMENT_BYTES)
    token = seal(photo, public(), "image/jpeg")  # type: ignore[arg-type]
    assert open_sealed(token, hub_private_key()) == (photo, "image/jpeg")


def test_other_algorithms_are_refused() -> None:
    key = public()
    made = 0
    for alg, enc in (
        ("RSA1_5", "A256GCM"),
        ("RSA-OAEP", "A256GCM"),
        ("RSA-OAEP-256", "A128CBC-HS256"),
    ):
        registry = jwe.JWERegistry(algorithms=[alg, enc])
        try:
            token = jwe.encrypt_compact({"alg": alg, "enc": enc}, b"{}", key, registry=registry)
        except Exception:  # noqa: BLE001 - joserfc may refuse to even make some of these
            continue
        made += 1
        with pytest.raises(SealError):
            open_sealed(token, hub_private_key())
    assert made >= 2


def test_tampering_is_detected() -> None:
    token = seal(b'{"a": 1}', public(), "application/json")  # type: ignore[arg-type]
    header, key, iv, ciphertext, tag = token.split(".")
    flipped = base64.urlsafe_b64decode(ciphertext + "==")
    flipped = bytes([flipped[0] ^ 1]) + flipped[1:]
    bad = ".".join([header, key, iv, base64.urlsafe_b64encode(flipped).decode().rstrip("="), tag])
    with pytest.raises(SealError):
        open_sealed(bad, hub_private_key())
    assert json.loads(base64.urlsafe_b64decode(header + "==")) == {
        "alg": "RSA-OAEP-256",
        "enc": "A256GCM",
        "cty": "application/json",
        "kid": hub_private_key().kid,
    }


def test_opening_leaves_nothing_for_the_cycle_collector() -> None:
    # joserfc's decrypt result and its recipient form a reference cycle holding the decoded
    # ciphertext; a 13 MB photo left ~40 MB behind until the cyclic collector happened to run.
    key = hub_private_key()
    token = seal(os.urandom(2 * 1024 * 1024), public(), "image/jpeg")  # type: ignore[arg-type]
    head, wrapped, iv, ciphertext, _ = token.split(".")
    forged = ".".join((head, wrapped, iv, ciphertext, "A" * 22))  # wrong tag
    gc.collect()
    gc.disable()
    try:
        assert open_sealed(token, key)[1] == "image/jpeg"
        assert gc.collect() == 0
        with pytest.raises(SealError):
            open_sealed(forged, key)
        assert gc.collect() == 0
    finally:
        gc.enable()
