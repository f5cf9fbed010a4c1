"""The submission data document (``pop.submission/1``), as sealed by the terminal.

Plaintext JSON, UTF-8, sealed as one JWE; each attachment is sealed on its own and named here::

    {
      "schema": "pop.submission/1",
      "id": "<uuid4, client generated: the idempotency key>",
      "tracking_code": "XXXX-XXXX-XXXX (random, see wire.tracking)",
      "service": {"id": "sperrmuell", "version": 1},
      "terminal_id": "demo-terminal-01",
      "language": "de",
      "started_at": "<ISO 8601 with offset>", "submitted_at": "<ISO 8601 with offset>",
      "form": {"<field key>": "<text>" | {"street": ..., ...}},
      "identity": null | {"document_type": "id_card", "prefilled_fields": ["family_name", ...],
                          "access_protocol": "PACE" | "BAC" | "",
                          "authenticity": "valid" | "invalid" | "unknown_csca" | "",
                          "authenticity_reason": "<why, no personal data>"},
      "attachments": [{"name": "photo-1.jpg", "media_type": "image/jpeg", "size": 123,
                       "sha256": "<hex of the plaintext bytes>"}],
      "receipt_email": "<optional: where the hub mails the receipt, when the terminal could
                        not print one and the citizen asked for it>"
    }

:func:`parse_document` checks the shape (the hub checks the form against the catalogue).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wire.api import ATTACHMENT_NAME_RE, MAX_ATTACHMENTS, SUBMISSION_ID_RE, TERMINAL_ID_RE
from wire.tracking import normalise_tracking_code

SCHEMA = "pop.submission/1"
#: An e-mail address as a receipt can be sent to: no spaces or line breaks (nothing can be
#: smuggled into a mail header), one @, a dot in the domain, at most 254 characters.
EMAIL_RE = re.compile(
    r"^[^\s@\x00-\x1f\x7f]{1,64}@[^\s@\x00-\x1f\x7f.]+(\.[^\s@\x00-\x1f\x7f.]+)+$"
)
MAX_EMAIL = 254


def is_email(text: str) -> bool:
    return len(text) <= MAX_EMAIL and EMAIL_RE.match(text) is not None


_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_MEDIA_TYPES = {"image/jpeg"}

FormValue = str | dict[str, str]


class DocumentError(ValueError):
    """The document is not a well-formed ``pop.submission/1``; the message says where."""


@dataclass(frozen=True)
class AttachmentRef:
    name: str
    media_type: str
    size: int
    sha256: str


@dataclass(frozen=True)
class SubmissionData:
    id: str
    tracking_code: str
    service_id: str
    service_version: int
    terminal_id: str
    language: str
    started_at: datetime
    submitted_at: datetime
    form: dict[str, FormValue]
    identity: dict[str, Any] | None
    attachments: tuple[AttachmentRef, ...]
    receipt_email: str = ""


def _get(obj: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str = "") -> Any:
    value = obj.get(key)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise DocumentError(f"{where}{key}: missing or of the wrong type")
    return value


def _when(obj: dict[str, Any], key: str) -> datetime:
    text = _get(obj, key, str)
    try:
        value = datetime.fromisoformat(text)
    except ValueError as exc:
        raise DocumentError(f"{key}: not an ISO 8601 time") from exc
    if value.tzinfo is None:
        raise DocumentError(f"{key}: time without offset")
    return value


def parse_document(raw: bytes) -> SubmissionData:
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise DocumentError("not UTF-8 JSON") from exc
    if not isinstance(doc, dict):
        raise DocumentError("not a JSON object")
    if doc.get("schema") != SCHEMA:
        raise DocumentError(f"schema: expected {SCHEMA}")
    sid = _get(doc, "id", str)
    if not SUBMISSION_ID_RE.match(sid):
        raise DocumentError("id: not a lowercase UUID")
    code = normalise_tracking_code(_get(doc, "tracking_code", str))
    if code is None:
        raise DocumentError("tracking_code: not a tracking code")
    service = _get(doc, "service", dict)
    terminal_id = _get(doc, "terminal_id", str)
    if not TERMINAL_ID_RE.match(terminal_id):
        raise DocumentError("terminal_id: not a terminal id")
    language = _get(doc, "language", str)
    if not re.fullmatch(r"[a-z]{2}", language):
        raise DocumentError("language: not a language code")
    form = _get(doc, "form", dict)
    for key, value in form.items():
        ok = isinstance(value, str) or (
            isinstance(value, dict)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
        )
        if not ok:
            raise DocumentError(f"form.{key}: neither text nor an address")
    identity = doc.get("identity")
    if identity is not None and not isinstance(identity, dict):
        raise DocumentError("identity: not an object")
    refs = _get(doc, "attachments", list)
    if len(refs) > MAX_ATTACHMENTS:
        raise DocumentError("attachments: too many")
    attachments: list[AttachmentRef] = []
    for i, ref in enumerate(refs):
        where = f"attachments[{i}]."
        if not isinstance(ref, dict):
            raise DocumentError(f"attachments[{i}]: not an object")
        name = _get(ref, "name", str, where)
        media_type = _get(ref, "media_type", str, where)
        size = _get(ref, "size", int, where)
        digest = _get(ref, "sha256", str, where)
        if (
            not ATTACHMENT_NAME_RE.match(name)
            or media_type not in _MEDIA_TYPES
            or size < 0
            or not _SHA256.match(digest)
        ):
            raise DocumentError(f"attachments[{i}]: malformed")
        attachments.append(AttachmentRef(name, media_type, size, digest))
    if len({a.name for a in attachments}) != len(attachments):
        raise DocumentError("attachments: names repeat")
    receipt_email = doc.get("receipt_email", "")
    if not isinstance(receipt_email, str) or (receipt_email and not is_email(receipt_email)):
        raise DocumentError("receipt_email: not an e-mail address")
    return SubmissionData(
        id=sid,
        tracking_code=code,
        service_id=_get(service, "id", str, "service."),
        service_version=_get(service, "version", int, "service."),
        terminal_id=terminal_id,
        language=language,
        started_at=_when(doc, "started_at"),
        submitted_at=_when(doc, "submitted_at"),
        form=form,
        identity=identity,
        attachments=tuple(attachments),
        receipt_email=receipt_email,
    )
