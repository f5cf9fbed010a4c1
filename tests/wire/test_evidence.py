"""``identity.evidence``: the chip's files as they travel in the sealed data document."""

from __future__ import annotations

import base64
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wire.evidence import MAX_FILE_BYTES, EvidenceError, decode_evidence, encode_evidence


def test_round_trip() -> None:
    sod, groups = b"\x77\x03abc", {1: b"\x61\x01M", 11: bytearray(b"\x6b\x01N")}
    encoded = encode_evidence(bytearray(sod), groups)
    assert sorted(encoded) == ["dg1", "dg11", "sod"]
    decoded = decode_evidence(json.loads(json.dumps(encoded)))
    assert decoded.sod == sod
    assert decoded.data_groups == {1: b"\x61\x01M", 11: b"\x6b\x01N"}
    assert decoded.aa_signature is None


def test_the_active_authentication_signature_travels_as_aa() -> None:
    encoded = encode_evidence(b"\x77\x01a", {15: b"\x6f\x01k"}, bytearray(b"sig"))
    assert sorted(encoded) == ["aa", "dg15", "sod"]
    assert decode_evidence(encoded).aa_signature == b"sig"
    with pytest.raises(EvidenceError, match=r"identity\.evidence\.aa: empty"):
        decode_evidence({**encoded, "aa": ""})


@pytest.mark.parametrize(
    ("obj", "where"),
    [
        (None, "identity.evidence: not an object"),
        (["sod"], "identity.evidence: not an object"),
        ({"dg1": "YQ=="}, "identity.evidence.sod: missing"),
        ({"sod": "not base64!"}, "identity.evidence.sod: not base64"),
        ({"sod": ""}, "identity.evidence.sod: empty"),
        ({"sod": 7}, "identity.evidence.sod: not text"),
        ({"sod": "YQ==", "dg17": "YQ=="}, "unknown key 'dg17'"),
        ({"sod": "YQ==", "dg0": "YQ=="}, "unknown key 'dg0'"),
        ({"sod": "YQ==", "DG1": "YQ=="}, "unknown key 'DG1'"),
        ({"sod": "A" * (MAX_FILE_BYTES * 2)}, "not text of a bounded length"),
    ],
)
def test_malformed_evidence_is_named(obj: object, where: str) -> None:
    with pytest.raises(EvidenceError, match=where.replace("(", r"\(")):
        decode_evidence(obj)


def test_no_data_group_beyond_16() -> None:
    with pytest.raises(ValueError, match="no data group 17"):
        encode_evidence(b"x", {17: b"y"})


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4)
    ),
    max_leaves=12,
)


@given(
    st.dictionaries(
        st.sampled_from(["sod", "dg1", "dg11", "dg16", "x"]),
        _json | st.binary(max_size=40).map(lambda b: base64.b64encode(b).decode()),
    )
    | _json
)
def test_anything_a_terminal_sends_gives_evidence_or_evidence_error(obj: object) -> None:
    try:
        decoded = decode_evidence(obj)
    except EvidenceError:
        return
    assert decoded.sod
