"""The catalogue's pages, fields and photo attachments: read from YAML and checked, each
problem with its line (the rest of the catalogue: :mod:`catalogue.loader`)."""

from __future__ import annotations

import re

import yaml

from catalogue.checker import Checker
from catalogue.model import (
    Attachments,
    Choice,
    Field,
    FieldKind,
    IdentityAttribute,
    Page,
    PhotoSubject,
    TextFormat,
)
from catalogue.problems import CatalogueProblem
from wire.api import MAX_FIELD_TEXT

__all__ = ["problem_at", "read_attachments", "read_page"]

#: Date bounds beyond two centuries are a typo, and beyond the calendar they would crash.
_MAX_DAYS = 365 * 200
# Identity data is only ever filled into fields of a fitting kind.
_PREFILL_KINDS = {
    IdentityAttribute.GIVEN_NAMES: {FieldKind.TEXT},
    IdentityAttribute.FAMILY_NAME: {FieldKind.TEXT},
    IdentityAttribute.DATE_OF_BIRTH: {FieldKind.DATE},
    IdentityAttribute.NATIONALITY: {FieldKind.TEXT},
    IdentityAttribute.DOCUMENT_NUMBER: {FieldKind.TEXT},
    IdentityAttribute.ADDRESS: {FieldKind.ADDRESS},
}


def problem_at(c: Checker, line: int, where: str, message: str) -> CatalogueProblem:
    return CatalogueProblem(c.path, line, where, message)


def read_page(c: Checker, node: yaml.Node, service_where: str, index: int) -> Page | None:
    where = f"{service_where}, page {index + 1}"
    m = c.mapping(node, where)
    if m is None:
        return None
    c.allowed_keys(m, {"key", "title", "fields"}, where)
    key = c.identifier(m, "key", node, where)
    fields = tuple(
        f
        for fn in (c.sequence(m["fields"], where) if "fields" in m else [])
        if (f := _field(c, fn, where)) is not None
    )
    if not fields:
        c.problem(node, where, "a page needs at least one field")
    return Page(key, c.text(m, "title", node, where), fields)


_FIELD_KEYS = {
    "key",
    "type",
    "label",
    "help",
    "required",
    "min_length",
    "max_length",
    "pattern",
    "pattern_hint",
    "format",
    "min",
    "max",
    "min_days",
    "max_days",
    "choices",
    "prefill",
}


def _field(c: Checker, node: yaml.Node, page_where: str) -> Field | None:
    m = c.mapping(node, page_where)
    if m is None:
        return None
    key = c.identifier(m, "key", node, page_where)
    where = f"{page_where}, field '{key}'"
    c.allowed_keys(m, _FIELD_KEYS, where)
    if "type" not in m:
        c.problem(node, where, "'type' is missing")
        return None
    kind = c.enum(m["type"], FieldKind, where, "field type")
    if kind is None:
        return None
    pattern = None
    if "pattern" in m:
        pattern = c.scalar(m["pattern"], where)
        try:
            re.compile(pattern or "")
        except (re.error, OverflowError, RecursionError) as exc:
            c.problem(m["pattern"], where, f"the pattern is not a valid regular expression: {exc}")
            pattern = None
    text_format = c.enum(m["format"], TextFormat, where, "format") if "format" in m else None
    prefill = (
        c.enum(m["prefill"], IdentityAttribute, where, "identity attribute")
        if "prefill" in m
        else None
    )
    if prefill is not None and kind not in _PREFILL_KINDS[prefill]:
        c.problem(
            m["prefill"], where, f"'{prefill.value}' cannot fill a field of type '{kind.value}'"
        )
    choices: list[Choice] = []
    if kind is FieldKind.CHOICE:
        for cn in c.sequence(m["choices"], where) if "choices" in m else []:
            cm = c.mapping(cn, where)
            if cm is not None:
                choices.append(
                    Choice(c.identifier(cm, "value", cn, where), c.text(cm, "label", cn, where))
                )
        if len(choices) < 2:
            c.problem(node, where, "a choice field needs at least two 'choices'")
    elif "choices" in m:
        c.problem(m["choices"], where, "'choices' only belongs to fields of type 'choice'")
    f = Field(
        key=key,
        kind=kind,
        label=c.text(m, "label", node, where),
        help=c.text(m, "help", node, where, required=False),
        required=c.boolean(m, "required", where, False),
        min_length=c.integer(m, "min_length", where, None, low=0),
        max_length=c.integer(m, "max_length", where, None, low=1, high=MAX_FIELD_TEXT),
        pattern=pattern,
        pattern_hint=c.text(m, "pattern_hint", node, where, required=pattern is not None),
        text_format=text_format,
        min_value=c.number(m, "min", where),
        max_value=c.number(m, "max", where),
        min_days=c.integer(m, "min_days", where, None, low=-_MAX_DAYS, high=_MAX_DAYS),
        max_days=c.integer(m, "max_days", where, None, low=-_MAX_DAYS, high=_MAX_DAYS),
        choices=tuple(choices),
        prefill=prefill,
        line=node.start_mark.line + 1,
    )
    for low, high, what in (
        (f.min_length, f.max_length, "length"),
        (f.min_value, f.max_value, "min/max"),
        (f.min_days, f.max_days, "min_days/max_days"),
    ):
        if low is not None and high is not None and low > high:
            c.problem(node, where, f"the {what} range is empty (lower bound above upper bound)")
    return f


def read_attachments(c: Checker, node: yaml.Node | None, where: str) -> Attachments:
    if node is None:
        return Attachments()
    where = f"{where}, attachments"
    m = c.mapping(node, where)
    if m is None:
        return Attachments()
    c.allowed_keys(m, {"min_photos", "max_photos", "label", "help", "subject"}, where)
    low = c.integer(m, "min_photos", where, 0, low=0) or 0
    high = c.integer(m, "max_photos", where, 1, low=1) or 1
    if high > 10:
        c.problem(node, where, "'max_photos' can be at most 10")
    if low > high:
        c.problem(node, where, "'min_photos' is larger than 'max_photos'")
    subject = PhotoSubject.PLACE
    if "subject" in m:
        subject = c.enum(m["subject"], PhotoSubject, where, "photo subject") or subject
    return Attachments(
        low,
        high,
        c.text(m, "label", node, where),
        c.text(m, "help", node, where, required=False),
        subject,
    )
