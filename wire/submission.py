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
                        not print one and the citizen asked for it>",
      "confirmed_in_call": "<optional: the video call in which a clerk confirmed the citizen's
                            identity; the hub checks it against its own call log>"
    }

This module is the one typed model of that document (pydantic): the terminal builds it
(:meth:`SubmissionData.to_json`, see kiosk.submission) and the hub parses it
(:func:`parse_document` turns bytes into :class:`SubmissionData` or raises
:class:`DocumentError` — nothing else, whatever the bytes).
Every value is typed and bounded here, at the boundary, so that what the hub stores it can
always store (integers fit SQLite's 64 bits, texts are valid UTF-8) and always show again
(times convert to UTC and to local time, the identity block has the shape the inbox reads).
The hub checks the form against the catalogue (:mod:`hub.checks`); this module checks shape.
Messages name the place, never the value: a value may be a citizen's data.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any, Final, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainSerializer,
    Strict,
    Tag,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from wire.api import (
    ATTACHMENT_NAME_RE,
    MAX_ADDRESS_TEXT,
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENTS,
    MAX_FIELD_TEXT,
    SUBMISSION_ID_RE,
    TERMINAL_ID_RE,
)
from wire.document_errors import DocumentError, document_errors
from wire.email import EMAIL_RE, MAX_EMAIL, is_email
from wire.tracking import normalise_tracking_code

# Re-exported: their homes are wire.email and wire.api (light, for the terminal's start).
__all__ = [
    "EMAIL_RE",
    "MAX_ADDRESS_TEXT",
    "MAX_EMAIL",
    "MAX_FIELD_TEXT",
    "DocumentError",
    "document_errors",
    "is_email",
]

SCHEMA: Final = "pop.submission/1"

#: Service ids and form field keys, as the catalogue loader allows them.
IDENT_RE = re.compile(r"^[a-z][a-z0-9_-]{0,62}$")
#: Names of the identity evidence parts (e.g. ``sod``, ``dg1``) and their base64 texts.
EVIDENCE_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")
BASE64_RE = re.compile(r"^[A-Za-z0-9+/_-]*={0,2}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
#: A call id as the hub makes them (secrets.token_urlsafe(12)).
CALL_ID_RE = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
#: Two letters, or a private-use variant of them: Leichte Sprache is "de-x-ls".
_LANGUAGE = re.compile(r"^[a-z]{2}(-x-[a-z]{2,8})?$")

#: Catalogue versions are small counters; the bound keeps them far inside SQLite's INTEGER.
MAX_SERVICE_VERSION = 1_000_000
MAX_FORM_FIELDS = 200
MAX_ADDRESS_PARTS = 8
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


class DocumentType(StrEnum):
    ID_CARD = "id_card"
    PASSPORT = "passport"


# --- the values: pydantic checks type and length, these what pydantic cannot say ----------


def _problem(message: str, at: str = "") -> PydanticCustomError:
    """A refusal in our words; ``at`` continues the place below the value pydantic names."""
    return PydanticCustomError("pop", message, {"at": at})


def _storable(value: str) -> str:
    try:
        # JSON can spell lone surrogates ("\ud800"); they cannot be stored or shown.
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _problem("not valid Unicode") from None
    if "\x00" in value:
        raise _problem("contains a NUL character")
    return value


def _matching(pattern: re.Pattern[str]) -> AfterValidator:
    def check(value: str) -> str:
        if not pattern.fullmatch(value):  # fullmatch: no trailing newline past $
            raise _problem("malformed")
        return value

    return AfterValidator(check)


def _text(max_len: int) -> Any:
    """Text of at most ``max_len`` characters that can be stored and shown again."""
    return Field(strict=True, max_length=max_len)


_Storable = AfterValidator(_storable)
_NoneIsEmpty = BeforeValidator(lambda value: "" if value is None else value)

Ident = Annotated[str, _text(63), _Storable, _matching(IDENT_RE)]
FieldText = Annotated[str, _text(MAX_FIELD_TEXT), _Storable]
AddressText = Annotated[str, _text(MAX_ADDRESS_TEXT), _Storable]
Address = Annotated[dict[Ident, AddressText], Field(max_length=MAX_ADDRESS_PARTS)]


def _form_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "#text"
    return "#address" if isinstance(value, dict) else None


#: A form value: a text, or an address of named parts. The tags never show in a message.
FormValue = Annotated[
    Annotated[FieldText, Tag("#text")] | Annotated[Address, Tag("#address")],
    Discriminator(
        _form_kind,
        custom_error_type="pop",
        custom_error_message="neither text nor an address",
        custom_error_context={"at": ""},
    ),
]


def _when(value: Any) -> datetime:
    if isinstance(value, str):  # parsed; the terminal builds with a datetime
        if len(value) > MAX_TIME_TEXT:
            raise _problem(f"longer than {MAX_TIME_TEXT} characters")
        try:
            value = datetime.fromisoformat(_storable(value))
        except ValueError:
            raise _problem("not an ISO 8601 time") from None
    if not isinstance(value, datetime):
        raise _problem("not text")
    if value.tzinfo is None:
        raise _problem("time without offset")
    try:
        utc = value.astimezone(UTC)  # year 1 at +14:00 has no UTC time
    except OverflowError:
        raise _problem("outside the representable times") from None
    if not EARLIEST <= utc < LATEST:
        raise _problem(f"not between {EARLIEST.year} and {LATEST.year}")
    return value


#: A time with its offset, written as Python writes it (what terminals have always sent).
When = Annotated[
    datetime, BeforeValidator(_when), PlainSerializer(datetime.isoformat, return_type=str)
]


def _tracking_code(value: str) -> str:
    code = normalise_tracking_code(value)
    if code is None:
        raise _problem("not a tracking code")
    return code


def _receipt_email(value: str) -> str:
    if value and not is_email(value):
        raise _problem("not an e-mail address")
    return value


# --- the document ------------------------------------------------------------------------


class _Part(BaseModel):
    # Unknown keys are ignored: a newer terminal may add some, an older hub must still store.
    model_config = ConfigDict(frozen=True, extra="ignore")


class ServiceRef(_Part):
    id: Ident
    version: Annotated[int, Strict(), Field(ge=1, le=MAX_SERVICE_VERSION)]


class AttachmentRef(_Part):
    name: Annotated[str, _text(64), _Storable, _matching(ATTACHMENT_NAME_RE)]
    media_type: Literal["image/jpeg"]
    size: Annotated[int, Strict(), Field(ge=0, le=MAX_ATTACHMENT_BYTES)]
    sha256: Annotated[str, _text(64), _matching(_SHA256)]


#: The validation context of a document the hub received (see parse_document).
_RECEIVED = {"received": True}


def _cut_reason(value: str, info: ValidationInfo) -> str:
    # The hub keeps a short reason; the terminal sends what it has, as it always has (the
    # body's SHA-256 is the outbox's and the hub's identity of a submission).
    return value[:MAX_REASON_TEXT] if info.context == _RECEIVED else value


class Identity(_Part):
    """What the terminal says about the chip it read (the hub judges the evidence itself)."""

    document_type: DocumentType
    #: Form keys whose values came from the chip (every one is a key of the form).
    prefilled_fields: tuple[Ident, ...]
    access_protocol: Annotated[str, _NoneIsEmpty, _text(MAX_PROTOCOL_TEXT), _Storable] = ""
    authenticity: Annotated[str, _NoneIsEmpty, _text(MAX_VERDICT_TEXT), _Storable] = ""
    authenticity_reason: Annotated[
        str, _NoneIsEmpty, _text(MAX_REASON_ACCEPTED), _Storable, AfterValidator(_cut_reason)
    ] = ""
    #: Part name → base64 text of what the chip gave (EF.SOD, data groups); not interpreted
    #: here (see wire.evidence), only bounded. Absent from the document when there is none.
    evidence: Annotated[
        dict[
            Annotated[str, _text(32), _Storable, _matching(EVIDENCE_NAME_RE)],
            Annotated[str, _text(MAX_FIELD_TEXT * 8), _Storable, _matching(BASE64_RE)],
        ],
        BeforeValidator(lambda value: {} if value is None else value),
        Field(max_length=MAX_EVIDENCE_PARTS, exclude_if=lambda value: not value),
    ] = Field(default_factory=dict)


class SubmissionData(_Part):
    """The document; its fields in the order the JSON has always had them."""

    schema_name: Literal["pop.submission/1"] = Field(alias="schema")
    id: Annotated[str, _text(36), _matching(SUBMISSION_ID_RE)]
    tracking_code: Annotated[str, _text(64), _Storable, AfterValidator(_tracking_code)]
    service: ServiceRef
    terminal_id: Annotated[str, _text(63), _matching(TERMINAL_ID_RE)]
    language: Annotated[str, _text(16), _matching(_LANGUAGE)]
    started_at: When
    submitted_at: When
    form: Annotated[dict[Ident, FormValue], Field(max_length=MAX_FORM_FIELDS)]
    identity: Identity | None = None
    attachments: Annotated[tuple[AttachmentRef, ...], Field(max_length=MAX_ATTACHMENTS)]
    #: Only when the printer could not print and the citizen asked for the receipt by mail.
    receipt_email: Annotated[
        str,
        _text(MAX_EMAIL),
        _Storable,
        AfterValidator(_receipt_email),
        Field(exclude_if=lambda value: not value),
    ] = ""
    #: The video call in which a clerk confirmed who the citizen is (wire.call's call id): a
    #: claim the hub believes only when its own call log has that confirmation.
    confirmed_in_call: Annotated[
        str,
        _text(64),
        _Storable,
        _matching(CALL_ID_RE),
        Field(exclude_if=lambda value: not value),
    ] = ""

    @property
    def service_id(self) -> str:
        return self.service.id

    @property
    def service_version(self) -> int:
        return self.service.version

    @field_validator("identity")
    @classmethod
    def _prefilled_from_the_form(cls, identity: Identity | None, info: ValidationInfo) -> Any:
        form = info.data.get("form")
        if identity is None or form is None:  # no form: its own error says why
            return identity
        for i, name in enumerate(identity.prefilled_fields):
            if name not in form:
                raise _problem("not a field of this form", f".prefilled_fields[{i}]")
            if name in identity.prefilled_fields[:i]:
                raise _problem("named twice", f".prefilled_fields[{i}]")
        return identity

    @field_validator("attachments")
    @classmethod
    def _names_once(cls, refs: tuple[AttachmentRef, ...]) -> tuple[AttachmentRef, ...]:
        if len({a.name for a in refs}) != len(refs):
            raise _problem("names repeat")
        return refs

    def to_json(self) -> bytes:
        """The document as the terminal seals it: compact UTF-8 JSON, keys in their order."""
        doc = self.model_dump(mode="json", by_alias=True)
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# --- parsing: bytes in, the model or DocumentError out ------------------------------------


def parse_document(raw: bytes) -> SubmissionData:
    """The typed document, or :class:`DocumentError` (the only exception this raises)."""
    try:
        # Python's JSON, not pydantic's: it reads lone surrogates, which are then refused
        # with their place named, and what it accepts is what the hub has always accepted.
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        # ValueError includes Python's limit on the digits of huge integers.
        raise DocumentError("not UTF-8 JSON") from exc
    if not isinstance(doc, dict):
        raise DocumentError("the document: not an object")
    with document_errors():
        document = SubmissionData.model_validate(doc, context=_RECEIVED)
    return document
