"""The citizen's form as the clerk sees it in a call (``wire.coview``), and the check of what
the clerk suggests for it.

Only the form goes out: each field's label, kind, value (as entered), how it reads, whether it
is required, locked (from the chip) or has a problem, and the answers to the clerk's
suggestions. Nothing of the visit that is not on the form (the chip's other data, photos,
the receipt) is in it. Labels are in the terminal's first language, which the town hall's
clerks read, whatever language the citizen chose.
"""

from __future__ import annotations

from typing import Any

from catalogue.model import ADDRESS_PARTS, Field, FieldKind, Service
from catalogue.validation import FieldValue
from kiosk.session.visit import Visit
from wire.coview import Suggestion, message

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
    """The ``form`` message for ``visit`` (an empty form before a service is chosen)."""
    service = visit.service
    pages = [] if service is None else _pages(service, visit, language)
    return message(
        "form",
        service=service.title.get(language) if service is not None else "",
        page=visit.page_index,
        pages=pages,
        pending={k: v for k, v in visit.suggested.items()},
        answered=dict(visit.suggestion_answers),
    )


def _pages(service: Service, visit: Visit, language: str) -> list[dict[str, Any]]:
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
                    "value": value if value is not None else "",
                    "shown": shown(spec, value, language),
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


def accepted_value(service: Service | None, visit: Visit, found: Suggestion) -> FieldValue | None:
    """The clerk's suggestion as the field would hold it, or None when the form cannot take
    it: no such field, a field from the chip (locked), or a value of the wrong shape."""
    if service is None:
        return None
    spec = next((f for f in service.fields() if f.key == found.key), None)
    if spec is None or spec.key in visit.prefilled:
        return None
    value = found.value
    if spec.kind is FieldKind.ADDRESS:
        if not isinstance(value, dict) or not set(value) <= set(ADDRESS_PARTS):
            return None
        return {part: value.get(part, "").strip() for part in ADDRESS_PARTS}
    if not isinstance(value, str):
        return None
    if spec.kind is FieldKind.CHOICE and value not in {c.value for c in spec.choices}:
        return None
    if spec.kind is FieldKind.YES_NO and value not in ("yes", "no"):
        return None
    if spec.kind is not FieldKind.MULTILINE and "\n" in value:
        return None
    return value.strip()
