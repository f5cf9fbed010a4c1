"""The submission document and the citizen's tracking number."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import uuid
from datetime import UTC, date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.camera.base import Photo
from drivers.card.base import DocumentData, DocumentType
from kiosk.catalogue.loader import load_catalogue
from kiosk.catalogue.model import Field, FieldKind, LocalText, TextFormat
from kiosk.submission import SCHEMA, build_document, tracking_number
from kiosk.validation import check_field
from tests.support.configs import ROOT

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TRACKING = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$")
TRACKING_FIELD = Field(
    "n", FieldKind.TEXT, LocalText.of(de="Nummer"), text_format=TextFormat.TRACKING_NUMBER
)


@settings(max_examples=500, deadline=None, database=None)
@given(submission_id=st.uuids())
def test_tracking_number_format_and_stability(submission_id: uuid.UUID) -> None:
    number = tracking_number(str(submission_id))
    assert len(number) == 12
    assert TRACKING.match(number)
    assert set(number.replace("-", "")) <= set(CROCKFORD)
    assert tracking_number(str(submission_id)) == number
    # The same id written differently is the same submission.
    assert tracking_number(str(submission_id).upper()) == number
    assert tracking_number(submission_id.hex) == number
    # It is the id's first 50 bits in Crockford base32.
    bits = 0
    for char in number.replace("-", ""):
        bits = bits * 32 + CROCKFORD.index(char)
    assert bits == submission_id.int >> 78
    # The terminal's own check accepts what its receipts print, typed in any of the ways.
    today = date(2025, 1, 1)
    for typed in (number, number.lower(), number.replace("-", "")):
        assert check_field(TRACKING_FIELD, typed, today) is None


def test_tracking_number_examples() -> None:
    assert tracking_number("00000000-0000-0000-0000-000000000000") == "0000-0000-00"
    assert tracking_number("ffffffff-ffff-ffff-ffff-ffffffffffff") == "ZZZZ-ZZZZ-ZZ"


def test_build_document() -> None:
    catalogue = load_catalogue(ROOT / "catalogues" / "musterstadt.yaml")
    service = catalogue.service("sperrmuell")
    jpeg = b"\xff\xd8\xff\xe0 a photo \xff\xd9"
    identity = DocumentData(
        DocumentType.ID_CARD,
        "T22000129",
        "Erika",
        "Mustermann",
        date(1983, 8, 12),
        "D",
        date(2031, 10, 31),
    )
    started = datetime(2025, 6, 15, 9, 0, tzinfo=UTC)
    submitted = datetime(2025, 6, 15, 9, 4, tzinfo=UTC)
    sid = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
    document = build_document(
        service=service,
        values={"given_names": "Erika", "items": "1 Sofa", "not_a_field": "dropped"},
        identity=identity,
        prefilled={"given_names"},
        photos=[Photo(bytearray(jpeg), 2, 1)],
        terminal_id="t-1",
        language="en",
        started_at=started,
        submitted_at=submitted,
        submission_id=sid,
    )
    assert document.id == sid
    assert document.tracking_number == tracking_number(sid)
    doc = json.loads(document.payload.decode("utf-8"))
    assert doc["schema"] == SCHEMA == "pop.submission/1"
    assert doc["id"] == sid
    assert doc["tracking_number"] == document.tracking_number
    assert doc["service"] == {"id": "sperrmuell", "version": 1}
    assert doc["terminal_id"] == "t-1"
    assert doc["language"] == "en"
    assert datetime.fromisoformat(doc["started_at"]) == started
    assert datetime.fromisoformat(doc["submitted_at"]) == submitted
    # Only the service's own fields, in the catalogue's order.
    assert doc["form"] == {"given_names": "Erika", "items": "1 Sofa"}
    # Which fields came from the chip, not the chip's content.
    assert doc["identity"] == {"document_type": "id_card", "prefilled_fields": ["given_names"]}
    assert "T22000129" not in document.payload.decode("utf-8")
    [attachment] = doc["attachments"]
    assert attachment == {
        "name": "photo-1.jpg",
        "media_type": "image/jpeg",
        "size": len(jpeg),
        "sha256": hashlib.sha256(jpeg).hexdigest(),
        "data_b64": base64.b64encode(jpeg).decode("ascii"),
    }


def test_each_document_gets_its_own_id() -> None:
    catalogue = load_catalogue(ROOT / "catalogues" / "musterstadt.yaml")
    now = datetime.now(UTC)
    ids = {
        build_document(
            service=catalogue.service("termin"),
            values={},
            identity=None,
            prefilled=set(),
            photos=[],
            terminal_id="t",
            language="de",
            started_at=now,
            submitted_at=now,
        ).id
        for _ in range(20)
    }
    assert len(ids) == 20
    for sid in ids:
        assert uuid.UUID(sid).version == 4
