"""The citizen's form as the clerk sees it in a call (``wire.coview``), and the check of what
the clerk suggests for it.

Only the form goes out: each field's label, kind, value (as entered), how it reads, whether it
is required, locked (from the chip) or has a problem, and the answers to the clerk's
suggestions. Nothing of the visit that is not on the form (the chip's other data, photos,
the receipt) is in it. Labels are in the terminal's first language, which the town hall's
clerks read, whatever language the citizen chose.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from catalogue.model import ADDRESS_PARTS, Field, FieldKind, Service
from catalogue.validation import FieldValue, Problem, check_field
from kiosk.session.visit import Visit
from wire.coview import MAX_MESSAGE_BYTES, MAX_PHOTO_BYTES, Suggestion, message

log = logging.getLogger(__name__)

#: The most a field's text box on the terminal shows (FieldEditor.qml's maximumLength).
MAX_EDITOR_CHARS = 1000

_YES_NO = {"de": {"yes": "Ja", "no": "Nein"}, "en": {"yes": "Yes", "no": "No"}}


def shown(spec: Field, value: FieldValue | None, language: str) -> str:
    """``value`` as a person reads it (a choice's label, an address on one line)."""
    if value is None or value == "":
        return ""
    if isinstance(value, dict):
        street = " ".join(p for p in (value.get("street", ""), value.get("house_number", "")) if p)
        town = " ".join(p for p in (value.get("postcode", ""), value.get("city", "")) if p)
        return ", ".join(p for p in (street, town) if p)
    if spec.kind is FieldKind.CHOICE:
        return next((c.label.get(language) for c in spec.choices if c.value == value), value)
    if spec.kind is FieldKind.YES_NO:
        return _YES_NO.get(language, _YES_NO["en"]).get(value, value)
    return value


def form_snapshot(visit: Visit, language: str) -> str:
    """The ``form`` message for ``visit`` (an empty form before a service is chosen).

    It fits the channel's message limit, which the clerk's page enforces: long texts are
    shown to the clerk shortened (first to 1,000 characters, then 200), never dropped."""
    service = visit.service
    for clip in (MAX_EDITOR_CHARS, 200):
        pages = [] if service is None else _pages(service, visit, language, clip)
        sent = message(
            "form",
            service=service.title.get(language) if service is not None else "",
            page=visit.page_index,
            pages=pages,
            pending={k: _clipped(v, clip) for k, v in visit.suggested.items()},
            answered=dict(visit.suggestion_answers),
        )
        if len(sent.encode()) <= MAX_MESSAGE_BYTES:
            return sent
    log.warning("call: the form is too long for the clerk's view; long texts are cut short")
    return sent


def _clipped(value: FieldValue | None, clip: int) -> FieldValue:
    if value is None:
        return ""
    if isinstance(value, dict):
        return {part: text[:clip] for part, text in value.items()}
    return value if len(value) <= clip else value[:clip] + "…"


def photo_message(visit: Visit) -> str | None:
    """The ``photo`` message with the chip's photo (None: no document was read, it has no
    photo, or one too large to send)."""
    identity = visit.identity
    return _photo("chip", bytes(identity.photo_jpeg) if identity is not None else b"")


def document_message(jpeg: bytes | bytearray) -> str | None:
    """The ``photo`` message with the ID document the citizen held to the camera when the
    clerk asked (None: too large to send)."""
    return _photo("camera", jpeg)


def _photo(source: str, photo: bytes | bytearray) -> str | None:
    import base64

    if not photo or len(photo) > MAX_PHOTO_BYTES:
        return None
    mime = "image/png" if photo.startswith(b"\x89PNG") else "image/jpeg"
    return message("photo", source=source, mime=mime, data=base64.b64encode(photo).decode())


def _pages(service: Service, visit: Visit, language: str, clip: int) -> list[dict[str, Any]]:
    pages = []
    for page in service.pages:
        fields = []
        for spec in page.fields:
            value = visit.values.get(spec.key)
            problem = visit.problems.get(spec.key)
            fields.append(
                {
                    "key": spec.key,
                    "label": spec.label.get(language),
                    "kind": spec.kind.value,
                    "value": _clipped(value, clip),
                    "shown": str(_clipped(shown(spec, value, language), clip)),
                    "required": spec.required,
                    "locked": spec.key in visit.prefilled,
                    "problem": problem.problem.value if problem is not None else "",
                    "choices": [
                        {"value": c.value, "label": c.label.get(language)} for c in spec.choices
                    ],
                }
            )
        pages.append({"title": page.title.get(language), "fields": fields})
    return pages


def accepted_value(
    service: Service | None, visit: Visit, found: Suggestion, today: date
) -> FieldValue | None:
    """The clerk's suggestion as the field would hold it, or None when the form cannot take
    it: no such field, a field from the chip (locked), a value of the wrong shape, or one the
    field's own checks refuse (too long, not a date …: the citizen is never offered what the
    form would then reject). An address suggestion names the parts it changes; the others are
    kept from what the citizen entered."""
    if service is None:
        return None
    spec = next((f for f in service.fields() if f.key == found.key), None)
    if spec is None or spec.key in visit.prefilled:
        return None
    value = found.value
    taken: FieldValue
    if spec.kind is FieldKind.ADDRESS:
        if not isinstance(value, dict) or not set(value) <= set(ADDRESS_PARTS):
            return None
        if any("\n" in text for text in value.values()):
            return None
        current = visit.values.get(spec.key)
        parts = dict(current) if isinstance(current, dict) else {}
        parts.update({part: text.strip() for part, text in value.items()})
        taken = {part: parts.get(part, "") for part in ADDRESS_PARTS}
    else:
        if not isinstance(value, str):
            return None
        if spec.kind is not FieldKind.MULTILINE and "\n" in value:
            return None
        if len(value) > MAX_EDITOR_CHARS:
            return None  # more than the field's text box shows
        taken = value.strip()
    problem = check_field(spec, taken, today)
    if problem is not None and problem.problem not in (
        Problem.REQUIRED,
        Problem.ADDRESS_INCOMPLETE,
    ):
        return None
    return taken
