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
      "identity": null | {"document_type": "id_card" | "passport",
                          "prefilled_fields": ["family_name", ...],
                          "access_protocol": "PACE" | "BAC" | "",
                          "authenticity": "valid" | "invalid" | "unknown_csca" | "",
                          "authenticity_reason": "<why, no personal data>",
                          "evidence": {"<name, e.g. sod>": "<base64 of what the chip gave>"}},
      "attachments": [{"name": "photo-1.jpg", "media_type": "image/jpeg", "size": 123,
                       "sha256": "<hex of the plaintext bytes>"}],
      "receipt_email": "<optional: where the hub mails the receipt, when the terminal could
                        not print one and the citizen asked for it>"
    }

This module is the one typed model of that document: :func:`parse_document` turns bytes into
:class:`SubmissionData` or raises :class:`DocumentError` — nothing else, whatever the bytes.
Every value is typed and bounded here, at the boundary, so that what the hub stores it can
always store (integers fit SQLite's 64 bits, texts are valid UTF-8) and always show again
(times convert to UTC and to local time, the identity block has the shape the inbox reads).
The hub checks the form against the catalogue (:mod:`hub.checks`); this module checks shape.
Messages name the place, never the value: a value may be a citizen's data.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from wire.api import (
    ATTACHMENT_NAME_RE,
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENTS,
    SUBMISSION_ID_RE,
    TERMINAL_ID_RE,
)
from wire.tracking import normalise_tracking_code

SCHEMA = "pop.submission/1"
#: An e-mail address as a receipt can be sent to: no spaces or line breaks (nothing can be
#: smuggled into a mail header), one @, a dot in the domain, at most 254 characters.
EMAIL_RE = re.compile(
    r"^[^\s@\x00-\x1f\x7f]{1,64}@[^\s@\x00-\x1f\x7f.]+(\.[^\s@\x00-\x1f\x7f.]+)+$"
)
MAX_EMAIL = 254

#: Service ids and form field keys, as the catalogue loader allows them.
IDENT_RE = re.compile(r"^[a-z][a-z0-9_-]{0,62}$")
#: Names of the identity evidence parts (e.g. ``sod``, ``dg1``) and their base64 texts.
EVIDENCE_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")
BASE64_RE = re.compile(r"^[A-Za-z0-9+/_-]*={0,2}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")
_MEDIA_TYPES = {"image/jpeg"}

#: Catalogue versions are small counters; the bound keeps them far inside SQLite's INTEGER.
MAX_SERVICE_VERSION = 1_000_000
MAX_FORM_FIELDS = 200
MAX_FIELD_TEXT = 20_000
MAX_ADDRESS_PARTS = 8
MAX_ADDRESS_TEXT = 500
MAX_TIME_TEXT = 64
MAX_PROTOCOL_TEXT = 32
MAX_VERDICT_TEXT = 32
#: The terminal's reason is a diagnostic built from its checker's messages (possibly long): a
#: long one is cut to MAX_REASON_TEXT, not a reason to refuse a citizen's submission; beyond
#: MAX_REASON_ACCEPTED it is not a reason but junk.
MAX_REASON_TEXT = 500
MAX_REASON_ACCEPTED = MAX_FIELD_TEXT
MAX_EVIDENCE_PARTS = 32
#: Times a terminal can have made a submission at, in UTC. Fixed (not relative to the clock)
#: so that what was accepted once still parses when a clerk opens it years later; wide enough
#: for any real clock, narrow enough that every conversion (UTC, local time) is defined.
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)


def is_email(text: str) -> bool:
    return len(text) <= MAX_EMAIL and EMAIL_RE.match(text) is not None


FormValue = str | dict[str, str]


class DocumentError(ValueError):
    """The document is not a well-formed ``pop.submission/1``; the message says where."""


class DocumentType(StrEnum):
    ID_CARD = "id_card"
    PASSPORT = "passport"


@dataclass(frozen=True)
class AttachmentRef:
    name: str
    media_type: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Identity:
    """What the terminal says about the chip it read (the hub judges the evidence itself)."""

    document_type: DocumentType
    #: Form keys whose values came from the chip (every one is a key of the form).
    prefilled_fields: tuple[str, ...]
    access_protocol: str = ""
    authenticity: str = ""
    authenticity_reason: str = ""
    #: Part name → base64 text of what the chip gave (EF.SOD, data groups); not interpreted
    #: here (see wire.evidence), only bounded.
    evidence: dict[str, str] = field(default_factory=dict)


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
    identity: Identity | None
    attachments: tuple[AttachmentRef, ...]
    receipt_email: str = ""


# --- typed readers: each takes a JSON value and its place, returns it typed or raises ------


def _text(value: Any, where: str, max_len: int, pattern: re.Pattern[str] | None = None) -> str:
    if not isinstance(value, str):
        raise DocumentError(f"{where}: missing or not text")
    if len(value) > max_len:
        raise DocumentError(f"{where}: longer than {max_len} characters")
    try:
        # JSON can spell lone surrogates ("\ud800"); they cannot be stored or shown.
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise DocumentError(f"{where}: not valid Unicode") from None
    if "\x00" in value:
        raise DocumentError(f"{where}: contains a NUL character")
    if pattern is not None and not pattern.fullmatch(value):  # no trailing newline past $
        raise DocumentError(f"{where}: malformed")
    return value


def _int(value: Any, where: str, low: int, high: int) -> int:
    # bool is an int in Python, not in JSON's sense.
    if not isinstance(value, int) or isinstance(value, bool):
        raise DocumentError(f"{where}: missing or not an integer")
    if not low <= value <= high:
        raise DocumentError(f"{where}: not between {low} and {high}")
    return value


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DocumentError(f"{where}: missing or not an object")
    return value


def _when(value: Any, where: str) -> datetime:
    text = _text(value, where, MAX_TIME_TEXT)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise DocumentError(f"{where}: not an ISO 8601 time") from None
    if parsed.tzinfo is None:
        raise DocumentError(f"{where}: time without offset")
    try:
        utc = parsed.astimezone(UTC)  # year 1 at +14:00 has no UTC time
    except OverflowError:
        raise DocumentError(f"{where}: outside the representable times") from None
    if not EARLIEST <= utc < LATEST:
        raise DocumentError(f"{where}: not between {EARLIEST.year} and {LATEST.year}")
    return parsed


def _form(value: Any) -> dict[str, FormValue]:
    raw = _object(value, "form")
    if len(raw) > MAX_FORM_FIELDS:
        raise DocumentError(f"form: more than {MAX_FORM_FIELDS} fields")
    form: dict[str, FormValue] = {}
    for key, item in raw.items():
        _text(key, "form: a key", 63, IDENT_RE)
        where = f"form.{key}"
        if isinstance(item, str):
            form[key] = _text(item, where, MAX_FIELD_TEXT)
        elif isinstance(item, dict):
            if len(item) > MAX_ADDRESS_PARTS:
                raise DocumentError(f"{where}: more than {MAX_ADDRESS_PARTS} address parts")
            form[key] = {
                _text(k, f"{where}: a key", 63, IDENT_RE): _text(
                    v, f"{where}.{k}", MAX_ADDRESS_TEXT
                )
                for k, v in item.items()
            }
        else:
            raise DocumentError(f"{where}: neither text nor an address")
    return form


def _identity(value: Any, form: dict[str, FormValue]) -> Identity | None:
    if value is None:
        return None
    raw = _object(value, "identity")
    kind = _text(raw.get("document_type"), "identity.document_type", 32)
    try:
        document_type = DocumentType(kind)
    except ValueError:
        raise DocumentError("identity.document_type: not a known document type") from None
    names = raw.get("prefilled_fields")
    if not isinstance(names, list):
        raise DocumentError("identity.prefilled_fields: missing or not a list")
    prefilled: list[str] = []
    for i, name in enumerate(names):
        where = f"identity.prefilled_fields[{i}]"
        _text(name, where, 63, IDENT_RE)
        if name not in form:
            raise DocumentError(f"{where}: not a field of this form")
        if name in prefilled:
            raise DocumentError(f"{where}: named twice")
        prefilled.append(name)
    evidence_raw = raw.get("evidence", {})
    evidence_raw = {} if evidence_raw is None else _object(evidence_raw, "identity.evidence")
    if len(evidence_raw) > MAX_EVIDENCE_PARTS:
        raise DocumentError(f"identity.evidence: more than {MAX_EVIDENCE_PARTS} parts")
    evidence = {
        _text(k, "identity.evidence: a name", 32, EVIDENCE_NAME_RE): _text(
            v, f"identity.evidence.{k}", MAX_FIELD_TEXT * 8, BASE64_RE
        )
        for k, v in evidence_raw.items()
    }
    return Identity(
        document_type=document_type,
        prefilled_fields=tuple(prefilled),
        access_protocol=_optional_text(raw, "access_protocol", MAX_PROTOCOL_TEXT),
        authenticity=_optional_text(raw, "authenticity", MAX_VERDICT_TEXT),
        authenticity_reason=_optional_text(raw, "authenticity_reason", MAX_REASON_ACCEPTED)[
            :MAX_REASON_TEXT
        ],
        evidence=evidence,
    )


def _optional_text(raw: dict[str, Any], key: str, max_len: int) -> str:
    value = raw.get(key)
    return "" if value is None else _text(value, f"identity.{key}", max_len)


def _attachments(value: Any) -> tuple[AttachmentRef, ...]:
    if not isinstance(value, list):
        raise DocumentError("attachments: missing or not a list")
    if len(value) > MAX_ATTACHMENTS:
        raise DocumentError("attachments: too many")
    refs: list[AttachmentRef] = []
    for i, item in enumerate(value):
        where = f"attachments[{i}]"
        ref = _object(item, where)
        media_type = _text(ref.get("media_type"), f"{where}.media_type", 64)
        if media_type not in _MEDIA_TYPES:
            raise DocumentError(f"{where}.media_type: not an accepted type")
        refs.append(
            AttachmentRef(
                name=_text(ref.get("name"), f"{where}.name", 64, ATTACHMENT_NAME_RE),
                media_type=media_type,
                size=_int(ref.get("size"), f"{where}.size", 0, MAX_ATTACHMENT_BYTES),
                sha256=_text(ref.get("sha256"), f"{where}.sha256", 64, _SHA256),
            )
        )
    if len({a.name for a in refs}) != len(refs):
        raise DocumentError("attachments: names repeat")
    return tuple(refs)


def parse_document(raw: bytes) -> SubmissionData:
    """The typed document, or :class:`DocumentError` (the only exception this raises)."""
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        # ValueError includes Python's limit on the digits of huge integers.
        raise DocumentError("not UTF-8 JSON") from exc
    doc = _object(doc, "the document")
    if doc.get("schema") != SCHEMA:
        raise DocumentError(f"schema: expected {SCHEMA}")
    code = normalise_tracking_code(_text(doc.get("tracking_code"), "tracking_code", 64))
    if code is None:
        raise DocumentError("tracking_code: not a tracking code")
    service = _object(doc.get("service"), "service")
    form = _form(doc.get("form"))
    receipt_email = _text(doc.get("receipt_email", ""), "receipt_email", MAX_EMAIL)
    if receipt_email and not is_email(receipt_email):
        raise DocumentError("receipt_email: not an e-mail address")
    return SubmissionData(
        id=_text(doc.get("id"), "id", 36, SUBMISSION_ID_RE),
        tracking_code=code,
        service_id=_text(service.get("id"), "service.id", 63, IDENT_RE),
        service_version=_int(service.get("version"), "service.version", 1, MAX_SERVICE_VERSION),
        terminal_id=_text(doc.get("terminal_id"), "terminal_id", 63, TERMINAL_ID_RE),
        language=_text(doc.get("language"), "language", 2, _LANGUAGE),
        started_at=_when(doc.get("started_at"), "started_at"),
        submitted_at=_when(doc.get("submitted_at"), "submitted_at"),
        form=form,
        identity=_identity(doc.get("identity"), form),
        attachments=_attachments(doc.get("attachments")),
        receipt_email=receipt_email,
    )
