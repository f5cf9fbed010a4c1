"""The submission document, and how it is sealed for the hub before it is stored."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime

import pytest

from catalogue.loader import load_catalogue
from drivers.camera.base import Photo
from drivers.card.base import DocumentData, DocumentType
from kiosk.submission import SubmissionDocument, build_document, seal_document
from offline_queue.parcel import DATA_PART
from tests.support.configs import ROOT, hub_private_key
from wire.sealing import SealError, generate_key, import_key, open_sealed, public_jwk
from wire.submission import SCHEMA, parse_document

SID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
JPEG = b"\xff\xd8\xff\xe0 a photo \xff\xd9"


def sperrmuell_document() -> SubmissionDocument:
    catalogue = load_catalogue(ROOT / "catalogues" / "musterstadt.yaml")
    identity = DocumentData(
        DocumentType.ID_CARD,
        "T22000129",
        "Erika",
        "Mustermann",
        date(1983, 8, 12),
        "D",
        date(2031, 10, 31),
    )
    return build_document(
        service=catalogue.service("sperrmuell"),
        values={"given_names": "Erika", "items": "1 Sofa", "not_a_field": "dropped"},
        identity=identity,
        prefilled={"given_names"},
        photos=[Photo(bytearray(JPEG), 2, 1)],
        terminal_id="t-1",
        language="en",
        started_at=datetime(2025, 6, 15, 9, 0, tzinfo=UTC),
        submitted_at=datetime(2025, 6, 15, 9, 4, tzinfo=UTC),
        submission_id=SID,
        tracking_code="7K3M-Q9XD-2AF8",
    )


def test_build_document() -> None:
    document = sperrmuell_document()
    assert document.id == SID
    doc = json.loads(document.data.decode("utf-8"))
    assert doc["schema"] == SCHEMA == "pop.submission/1"
    assert doc["id"] == SID
    assert doc["tracking_code"] == "7K3M-Q9XD-2AF8"
    assert doc["service"] == {"id": "sperrmuell", "version": 1}
    assert doc["terminal_id"] == "t-1"
    assert doc["language"] == "en"
    assert datetime.fromisoformat(doc["started_at"]) == datetime(2025, 6, 15, 9, 0, tzinfo=UTC)
    # Only the service's own fields, in the catalogue's order.
    assert doc["form"] == {"given_names": "Erika", "items": "1 Sofa"}
    # Which fields came from the chip, not the chip's content.
    assert doc["identity"] == {
        "document_type": "id_card",
        "prefilled_fields": ["given_names"],
        "access_protocol": "",
        "authenticity": "",
        "authenticity_reason": "",
    }
    assert "T22000129" not in document.data.decode("utf-8")
    assert doc["attachments"] == [
        {
            "name": "photo-1.jpg",
            "media_type": "image/jpeg",
            "size": len(JPEG),
            "sha256": hashlib.sha256(JPEG).hexdigest(),
        }
    ]
    assert document.attachments == [("photo-1.jpg", JPEG)]
    # The hub's parser accepts what the terminal builds.
    parsed = parse_document(document.data)
    assert parsed.id == SID
    assert parsed.attachments[0].sha256 == hashlib.sha256(JPEG).hexdigest()


def test_sealed_parts_open_only_with_the_hub_key() -> None:
    document = sperrmuell_document()
    plain = document.data
    parcel = seal_document(document, import_key(public_jwk(hub_private_key())))
    assert parcel.submission_id == SID
    assert parcel.digest == hashlib.sha256(plain).hexdigest()
    assert [p.name for p in parcel.parts] == ["photo-1.jpg", DATA_PART]
    key = hub_private_key()
    assert open_sealed(parcel.parts[0].body, key) == (JPEG, "image/jpeg")
    assert open_sealed(parcel.parts[1].body, key) == (plain, "application/json")
    for part in parcel.parts:
        # Nothing readable in what goes to disk.
        assert b"Erika" not in part.body and b"Sofa" not in part.body
        header = json.loads(_b64(part.body.split(b".")[0]))
        assert header["alg"] == "RSA-OAEP-256" and header["enc"] == "A256GCM"
    other = generate_key()
    with pytest.raises(SealError):
        open_sealed(parcel.parts[1].body, other)
    # Sealing the same document twice gives other ciphertext but the same digest (the outbox
    # recognises a retry by it).
    again = seal_document(sperrmuell_document(), import_key(public_jwk(key)))
    assert again.digest == parcel.digest
    assert again.parts[1].body != parcel.parts[1].body


def _b64(data: bytes) -> bytes:
    import base64

    return base64.urlsafe_b64decode(data + b"=" * (-len(data) % 4))


def test_the_chips_evidence_travels_sealed_and_is_wiped_with_the_session() -> None:
    from drivers.card.base import ChipEvidence
    from wire.evidence import decode_evidence

    catalogue = load_catalogue(ROOT / "catalogues" / "musterstadt.yaml")
    sod, dg1, dg11 = bytearray(b"\x77\x02SO"), bytearray(b"\x61\x01M"), bytearray(b"\x6b\x01N")
    evidence = ChipEvidence(sod, {1: dg1, 11: dg11})
    identity = DocumentData(
        DocumentType.ID_CARD,
        "T22000129",
        "Erika",
        "Mustermann",
        date(1983, 8, 12),
        "D",
        date(2031, 10, 31),
        evidence=evidence,
    )
    now = datetime.now(UTC)
    document = build_document(
        service=catalogue.service("briefwahl"),
        values={"given_names": "Erika"},
        identity=identity,
        prefilled={"given_names"},
        photos=[],
        terminal_id="t-1",
        language="de",
        started_at=now,
        submitted_at=now,
        submission_id=SID,
        tracking_code="7K3M-Q9XD-2AF8",
    )
    sent = decode_evidence(json.loads(document.data)["identity"]["evidence"])
    assert (sent.sod, sent.data_groups) == (b"\x77\x02SO", {1: b"\x61\x01M", 11: b"\x6b\x01N"})
    identity.wipe()
    assert identity.evidence is None
    assert sod == dg1 == dg11 == bytearray()  # zeroed, then emptied: not just dropped


def test_the_terminal_starts_without_the_document_model() -> None:
    """The model brings pydantic (~0.1 s to import): the terminal loads it when a citizen
    submits, not before its first frame."""
    import subprocess
    import sys

    probe = (
        "import sys, kiosk.terminal, kiosk.session, kiosk.config, catalogue.loader;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'wire')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "pydantic" not in loaded and "wire.submission" not in loaded, loaded


def test_what_the_hub_would_refuse_is_refused_when_built_in_the_documents_words() -> None:
    """The terminal builds with the hub's model: a document the hub would refuse is never
    queued (it would end as a dead letter), and the error is ours, not pydantic's."""
    from wire.submission import DocumentError

    catalogue = load_catalogue(ROOT / "catalogues" / "musterstadt.yaml")
    now = datetime.now(UTC)
    with pytest.raises(DocumentError) as caught:
        build_document(
            service=catalogue.service("sperrmuell"),
            values={"items": "1 Sofa"},
            identity=None,
            prefilled=set(),
            photos=[],
            terminal_id="not a terminal id!",
            language="de",
            started_at=now,
            submitted_at=now,
            submission_id=SID,
            tracking_code="7K3M-Q9XD-2AF8",
        )
    assert str(caught.value) == "terminal_id: malformed"
