"""The submission document a terminal sends to the hub, and the citizen's tracking number.

Wire format ``pop.submission/1`` (JSON, UTF-8)::

    {
      "schema": "pop.submission/1",
      "id": "<uuid4, client generated: the idempotency key>",
      "tracking_number": "XXXX-XXXX-XX (Crockford base32 of the id's first 50 bits)",
      "service": {"id": "sperrmuell", "version": 1},
      "terminal_id": "...",
      "language": "de",
      "started_at": "<ISO 8601, UTC>", "submitted_at": "<ISO 8601, UTC>",
      "form": {"<field key>": "<text>" | {"street": ..., ...}},
      "identity": null | {"document_type": "id_card", "prefilled_fields": ["family_name", ...]},
      "attachments": [{"name": "photo-1.jpg", "media_type": "image/jpeg", "size": 123,
                       "sha256": "...", "data_b64": "..."}]
    }

Only data the service's form asks for is sent (DSGVO: collect only what is needed): the identity
block says which fields came from the chip, not the whole chip content.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from drivers.camera.base import Photo
from drivers.card.base import DocumentData
from kiosk.catalogue.model import Service
from kiosk.validation import FieldValue

SCHEMA = "pop.submission/1"
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def tracking_number(submission_id: str) -> str:
    """A short, unambiguous number for the receipt, derived from the submission id."""
    bits = uuid.UUID(submission_id).int >> (128 - 50)
    chars = "".join(_CROCKFORD[(bits >> shift) & 31] for shift in range(45, -5, -5))
    return f"{chars[:4]}-{chars[4:8]}-{chars[8:]}"


@dataclass
class SubmissionDocument:
    id: str
    tracking_number: str
    payload: bytes


def build_document(
    *,
    service: Service,
    values: dict[str, FieldValue],
    identity: DocumentData | None,
    prefilled: set[str],
    photos: list[Photo],
    terminal_id: str,
    language: str,
    started_at: datetime,
    submitted_at: datetime,
    submission_id: str | None = None,
) -> SubmissionDocument:
    sid = submission_id or str(uuid.uuid4())
    number = tracking_number(sid)
    attachments: list[dict[str, Any]] = [
        {
            "name": f"photo-{i + 1}.jpg",
            "media_type": "image/jpeg",
            "size": len(photo.jpeg),
            "sha256": hashlib.sha256(photo.jpeg).hexdigest(),
            "data_b64": base64.b64encode(photo.jpeg).decode("ascii"),
        }
        for i, photo in enumerate(photos)
    ]
    doc = {
        "schema": SCHEMA,
        "id": sid,
        "tracking_number": number,
        "service": {"id": service.id, "version": service.version},
        "terminal_id": terminal_id,
        "language": language,
        "started_at": started_at.isoformat(),
        "submitted_at": submitted_at.isoformat(),
        "form": {f.key: values[f.key] for f in service.fields() if f.key in values},
        "identity": None
        if identity is None
        else {
            "document_type": identity.document_type.value,
            "prefilled_fields": sorted(prefilled),
        },
        "attachments": attachments,
    }
    payload = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return SubmissionDocument(sid, number, payload)
