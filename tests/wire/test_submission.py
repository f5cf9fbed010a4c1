"""The one typed model of the submission document: what it refuses, and the two properties the
hub relies on — parsing raises nothing but DocumentError, and whatever parses can be stored in
the hub's real SQLite store and opened again as the clerk's page and the receipt mail do."""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hub.store import Put, Store
from tests.support.clock import RUN_STARTED
from wire.submission import (
    EARLIEST,
    LATEST,
    MAX_REASON_TEXT,
    MAX_SERVICE_VERSION,
    SCHEMA,
    AttachmentRef,
    DocumentError,
    DocumentType,
    Identity,
    ServiceRef,
    SubmissionData,
    parse_document,
)
from wire.tracking import new_tracking_code, tracking_digest


def valid() -> dict[str, Any]:
    """A valid document as JSON values, built by the model itself (no copy of the format)."""
    now = datetime.now(UTC)
    doc = SubmissionData(
        schema=SCHEMA,
        id=str(uuid.uuid4()),
        tracking_code=new_tracking_code(),
        service=ServiceRef(id="briefwahl", version=3),
        terminal_id="village-01",
        language="de",
        started_at=now - timedelta(minutes=5),
        submitted_at=now,
        form={
            "family_name": "Mustermann",
            "address": {"street": "Hauptstraße", "house_number": "3", "city": "Musterstadt"},
        },
        identity=Identity(
            document_type=DocumentType.ID_CARD,
            prefilled_fields=("family_name",),
            access_protocol="PACE",
            authenticity="valid",
            evidence={"sod": "MIIBAA==", "dg1": "YWJj"},
        ),
        attachments=(
            AttachmentRef(name="photo-1.jpg", media_type="image/jpeg", size=3, sha256="a" * 64),
        ),
    )
    built: dict[str, Any] = json.loads(doc.to_json())
    return built


def raw(doc: Any) -> bytes:
    return json.dumps(doc).encode()


def test_a_valid_document_is_typed() -> None:
    doc = parse_document(raw(valid()))
    assert doc.service_version == 3
    assert doc.identity is not None
    assert doc.identity.document_type is DocumentType.ID_CARD
    assert doc.identity.prefilled_fields == ("family_name",)
    assert doc.identity.evidence == {"sod": "MIIBAA==", "dg1": "YWJj"}
    assert doc.submitted_at.tzinfo is not None
    without = valid()
    without["identity"] = None
    assert parse_document(raw(without)).identity is None


def _set(doc: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    target = doc
    *parents, last = path.split(".")
    for part in parents:
        target = target[int(part)] if isinstance(target, list) else target[part]
    if isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value
    return doc


def _far(year: int, offset: str) -> str:
    return f"{year:04d}-06-01T12:00:00{offset}"


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        # What independent testing found: each was a 500, or stored and then a 500 for the clerk.
        ("service.version", 2**64, "service.version"),
        ("service.version", 2**63, "service.version"),
        ("service.version", MAX_SERVICE_VERSION + 1, "service.version"),
        ("service.version", 0, "service.version"),
        ("service.version", True, "service.version"),
        ("service.version", 1.5, "service.version"),
        ("submitted_at", _far(9999, "+00:00"), "submitted_at"),
        ("submitted_at", "9999-12-31T23:59:59-14:00", "submitted_at"),
        ("submitted_at", "0001-01-01T00:00:00+14:00", "submitted_at"),
        ("started_at", _far(1, "+00:00"), "started_at"),
        ("submitted_at", f"{RUN_STARTED:%Y-%m-%dT%H:%M:%S}", "submitted_at"),  # no zone
        ("identity.prefilled_fields", 5, "identity.prefilled_fields"),
        ("identity.prefilled_fields", "family_name", "identity.prefilled_fields"),
        ("identity.prefilled_fields", [1], "identity.prefilled_fields[0]"),
        ("identity.prefilled_fields", ["no_such_field"], "identity.prefilled_fields[0]"),
        ("identity.prefilled_fields", ["family_name"] * 2, "identity.prefilled_fields[1]"),
        ("identity.document_type", "driving_licence", "identity.document_type"),
        ("identity.authenticity", ["valid"], "identity.authenticity"),
        ("identity.authenticity_reason", "x" * 30_000, "identity.authenticity_reason"),
        ("identity.evidence", {"sod": "not base64!"}, "identity.evidence.sod"),
        ("identity.evidence", {"../x": "YWJj"}, "identity.evidence"),
        ("identity.evidence", "YWJj", "identity.evidence"),
        ("identity", [], "identity"),
        # Texts that cannot be stored (a lone surrogate) or trip a C API (NUL).
        ("service.id", "brief\ud800wahl", "service.id"),
        ("service.id", "brief\x00wahl", "service.id"),
        ("form.family_name", "Muster\udfffmann", "form.family_name"),
        ("form.address", {"street": 5}, "form.address.street"),
        ("form.address", {f"p{i}": "x" for i in range(20)}, "form.address"),
        # `$` in Python's re matches before a final newline: ids are matched whole.
        ("id", str(uuid.uuid4()) + "\n", "id"),
        ("terminal_id", "village-01\n", "terminal_id"),
        ("attachments.0.size", 2**64, "attachments[0].size"),
        ("attachments.0.size", -1, "attachments[0].size"),
        ("attachments.0.name", "photo-1.jpg\n", "attachments[0].name"),
        ("language", "de\n", "language"),
        ("receipt_email", 5, "receipt_email"),
        ("confirmed_in_call", "call id with spaces", "confirmed_in_call"),
        ("confirmed_in_call", "x" * 65, "confirmed_in_call"),
    ],
)
def test_refused_with_the_place_named_and_not_the_value(path: str, value: Any, where: str) -> None:
    doc = _set(valid(), path, value)
    with pytest.raises(DocumentError) as caught:
        parse_document(raw(doc))
    assert str(caught.value).startswith(where), str(caught.value)
    assert "Muster" not in str(caught.value)
    assert "Input should" not in str(caught.value)  # our words, not pydantic's


def test_what_terminals_have_queued_parses_and_is_written_back_byte_for_byte() -> None:
    """A document as terminals in the field have built (and queued) it: the hub must still
    read it, and the model must write the same bytes (the outbox and the hub identify a
    submission by the SHA-256 of its body)."""
    now = datetime.now(timezone(timedelta(hours=2))).replace(microsecond=250)
    queued = (
        '{"schema":"pop.submission/1","id":"3f2504e0-4f89-41d3-9a0c-0305e82c3301",'
        '"tracking_code":"7K3M-Q9XD-2AF8","service":{"id":"sperrmuell","version":1},'
        f'"terminal_id":"t-1","language":"de","started_at":"{now.isoformat()}",'
        f'"submitted_at":"{now.isoformat()}",'
        '"form":{"items":"1 Sofa, \\"groß\\"\\n\\u0001 😀","address":{"street":"Hauptstraße"}},'
        '"identity":{"document_type":"id_card","prefilled_fields":["items"],'
        '"access_protocol":"PACE","authenticity":"valid","authenticity_reason":"",'
        '"evidence":{"sod":"d0JTTw==","dg1":"YQ=="}},'
        '"attachments":[{"name":"photo-1.jpg","media_type":"image/jpeg","size":9,'
        '"sha256":"' + "ab" * 32 + '"}],"receipt_email":"erika@example.org"}'
    ).encode("utf-8")
    doc = parse_document(queued)
    assert doc.form["items"] == '1 Sofa, "groß"\n\x01 😀'
    assert doc.started_at == now and doc.receipt_email == "erika@example.org"
    assert doc.to_json() == queued
    # Without the optional parts they are left out, as terminals have always left them out.
    plain = valid()
    plain["identity"]["evidence"] = {}
    built = parse_document(raw(plain)).to_json()
    assert b'"evidence"' not in built and b'"receipt_email"' not in built
    assert b'"authenticity_reason":""' in built  # the identity's texts are always there


def test_a_long_reason_from_the_terminal_is_cut_not_refused() -> None:
    doc = parse_document(raw(_set(valid(), "identity.authenticity_reason", "EF.SOD: " * 300)))
    assert doc.identity is not None and len(doc.identity.authenticity_reason) == MAX_REASON_TEXT


def test_the_time_window_is_wide_enough_for_any_real_clock() -> None:
    for when in (EARLIEST, LATEST - timedelta(seconds=1), datetime.now(UTC)):
        for hours in (14, -12, 0):
            text = when.astimezone(timezone(timedelta(hours=hours))).isoformat()
            doc = parse_document(raw(_set(valid(), "submitted_at", text)))
            assert doc.submitted_at.astimezone(UTC) == when
    with pytest.raises(DocumentError):
        parse_document(raw(_set(valid(), "submitted_at", (EARLIEST - timedelta(1)).isoformat())))
    with pytest.raises(DocumentError):
        parse_document(raw(_set(valid(), "submitted_at", LATEST.isoformat())))


@given(st.binary(max_size=2000))
@settings(max_examples=300, deadline=None)
def test_any_bytes_parse_or_raise_document_error(data: bytes) -> None:
    with contextlib.suppress(DocumentError):
        parse_document(data)


#: JSON values as hostile as JSON gets: huge and negative integers, floats, far and odd times,
#: lone surrogates, NUL, very long texts, nesting.
_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            "\ud800",
            "\x00",
            "9999-12-31T23:59:59-14:00",
            "0001-01-01T00:00:00+14:00",
            f"{RUN_STARTED.year}-02-30T00:00:00+01:00",  # no such day in any year
            "x" * 70_000,
            "id_card",
            "family_name",
            "photo-1.jpg",
        ]
    ),
)
_SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([2**63, 2**64, -(2**63) - 1, 10**400]),
    st.floats(allow_nan=True),
    _TEXT,
)
JSON_VALUE = st.recursive(
    _SCALAR,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(_TEXT, children, max_size=4),
    ),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*prefix, i))


def mutated(base: Callable[[], dict[str, Any]] = valid) -> st.SearchStrategy[bytes]:
    """Documents made from ``base()`` with one to three places replaced (or removed) by hostile
    values, as JSON bytes. Also used against a live hub (tests/hub/test_schemathesis.py)."""

    @st.composite
    def documents(draw: st.DrawFn) -> bytes:
        doc = base()
        for _ in range(draw(st.integers(0, 3))):
            paths = [p for p in _paths(doc) if p]
            if not paths:
                break
            path = draw(st.sampled_from(paths))
            parent: Any = doc
            for step in path[:-1]:
                parent = parent[step]
            if isinstance(parent, dict) and draw(st.booleans()) and draw(st.booleans()):
                del parent[path[-1]]
            else:
                parent[path[-1]] = draw(JSON_VALUE)
        # ASCII JSON: lone surrogates are written as \ud800 escapes, NaN as NaN; the parser
        # must cope with both.
        return json.dumps(doc).encode("ascii")

    return documents()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    s = Store(Path(tmp_path_factory.mktemp("store")) / "hub.sqlite")
    s.add_terminal("village-01", "Test", "Testdorf", "0" * 64)
    yield s
    s.close()


def _opened_as_the_clerk_sees_it(doc: SubmissionData) -> None:
    """What hub.inbox and hub.mailer do with an opened document, without a template."""
    doc.submitted_at.astimezone().strftime("%d.%m.%Y %H:%M")
    doc.submitted_at.astimezone(UTC).date()
    doc.started_at.astimezone()
    for key, value in doc.form.items():
        if doc.identity is not None:
            _ = key in doc.identity.prefilled_fields
        texts = list(value.values()) if isinstance(value, dict) else [value]
        for text in (key, *texts):
            text.encode("utf-8")
    if doc.identity is not None:
        doc.identity.authenticity_reason[:200].encode("utf-8")


@given(mutated())
@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_parsed_documents_can_be_stored_and_opened(store: Store, data: bytes) -> None:
    try:
        doc = parse_document(data)
    except DocumentError:
        return
    put = store.put_submission(
        submission_id=doc.id,
        terminal_id="village-01",
        service_id=doc.service_id,
        service_version=doc.service_version,
        language=doc.language,
        tracking_digest=tracking_digest(doc.tracking_code),
        submitted_at=doc.submitted_at.isoformat(),
        content_sha256="0" * 64,
        sealed_data=data.decode("utf-8"),
    )
    if put is Put.CONFLICT:  # a tracking code drawn twice: nothing stored, nothing to open
        return
    row = store.submission(doc.id)
    assert row is not None
    again = parse_document(row.sealed_data.encode("utf-8"))
    assert again == doc
    _opened_as_the_clerk_sees_it(again)


def test_a_clerk_s_confirmation_in_a_call_is_named_by_the_call_and_omitted_when_none() -> None:
    doc = parse_document(raw({**valid(), "confirmed_in_call": "aB3_-xYz09kL"}))
    assert doc.confirmed_in_call == "aB3_-xYz09kL"
    assert b"confirmed_in_call" in doc.to_json()
    assert b"confirmed_in_call" not in parse_document(raw(valid())).to_json()
