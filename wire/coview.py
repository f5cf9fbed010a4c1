"""The form co-view (``pop.form/1``): the citizen's form as structured data between the
terminal and the clerk's browser, over the call's WebRTC data channel ``pop.form``.

Peer to peer, beside the picture and sound: the hub never sees it. The terminal sends what is
on the citizen's form, and beside it only the chip's photo when a document was read, and a
photo of the ID document when the clerk asks for one and the citizen sends it (the clerk
compares them with the person before confirming who they are; the consent says so); the clerk
may suggest a value for a field, which the citizen sees marked and takes or leaves.

    terminal → clerk   {"type": "form", "service": "…", "page": 0, "pages": [{"title": "…",
                        "fields": [{"key", "label", "kind", "value", "shown", "required",
                        "locked", "problem", "choices": [{"value", "label"}]}]}],
                        "pending": {"key": value}, "answered": {"key": "accepted"|"declined"}}
    terminal → clerk   {"type": "photo", "source": "chip", "mime": "image/jpeg", "data": "<base64>"}
                       (the chip's photo, when the citizen's document was read: the clerk
                       compares it with the person on video before confirming who they are)
    clerk → terminal   {"type": "suggest", "key": "…", "value": "…" | {"street": "…", …}}
    clerk → terminal   {"type": "want_document"}  (the clerk asks for a photo of the
                       citizen's ID document; the citizen holds it to the camera and sends it,
                       or does not)
    terminal → clerk   {"type": "photo", "source": "camera", …}, or {"type":
                       "document_declined"}, or {"type": "document_failed"} (no picture came)
    either → other     {"type": "ping", "t": 12.5}   answered {"type": "pong", "t": 12.5}

:func:`parse_from_clerk` is the terminal's one reader of what the clerk sends.
"""

from __future__ import annotations

import json
import math
import unicodedata
from dataclasses import dataclass
from typing import Any

CHANNEL = "pop.form"
#: A suggested value: a line or a short paragraph, not a document.
MAX_VALUE_CHARS = 2000
MAX_KEY_CHARS = 64
#: What a form snapshot or a suggestion may take on the channel.
MAX_MESSAGE_BYTES = 64_000
#: A photo as sent (base64 grows it by a third): a chip's face image is 10-30 kB; the ID held
#: to the camera is sent at most 960 pixels wide to fit.
MAX_PHOTO_BYTES = 45_000


class CoViewError(ValueError):
    pass


@dataclass(frozen=True)
class Suggestion:
    key: str
    #: Text, or an address's parts (street, postcode, city …).
    value: str | dict[str, str]


@dataclass(frozen=True)
class DocumentWanted:
    """The clerk asks for a photo of the citizen's ID document."""


@dataclass(frozen=True)
class Ping:
    t: float
    #: True: an answer to our own ping.
    answer: bool


def parse_from_clerk(data: str | bytes) -> Suggestion | Ping | DocumentWanted:
    """One message of the clerk's, or :class:`CoViewError` saying what is wrong."""
    if len(data) > MAX_MESSAGE_BYTES:
        raise CoViewError("message too large")
    try:
        body = json.loads(data)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:  # (deep nesting: recursion)
        raise CoViewError("not JSON") from exc
    if not isinstance(body, dict):
        raise CoViewError("not a message")
    kind = body.get("type")
    if kind in ("ping", "pong"):
        t = body.get("t")
        if not isinstance(t, (int, float)) or isinstance(t, bool) or not math.isfinite(t):
            raise CoViewError(f"{kind}: t is not a number")
        return Ping(float(t), answer=kind == "pong")
    if kind == "want_document":
        return DocumentWanted()
    if kind != "suggest":
        raise CoViewError("a clerk sends suggest, want_document, ping or pong")
    key = body.get("key")
    if not isinstance(key, str) or not key or len(key) > MAX_KEY_CHARS:
        raise CoViewError("suggest: key missing or too long")
    return Suggestion(key, _value(body.get("value")))


def _value(value: Any) -> str | dict[str, str]:
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, dict) and 0 < len(value) <= 8:
        parts: dict[str, str] = {}
        for part, text in value.items():
            if not isinstance(part, str) or len(part) > MAX_KEY_CHARS or not isinstance(text, str):
                raise CoViewError("suggest: an address part is not text")
            parts[part] = _text(text)
        return parts
    raise CoViewError("suggest: value is not text or an address")


def _text(text: str) -> str:
    if len(text) > MAX_VALUE_CHARS:
        raise CoViewError("suggest: value too long")
    # Control and format characters (C0, C1, bidi overrides …), but for a line break.
    if any(c != "\n" and unicodedata.category(c) in ("Cc", "Cf") for c in text):
        raise CoViewError("suggest: value has control characters")
    return text


def message(kind: str, /, **fields: Any) -> str:
    return json.dumps({"type": kind, **fields}, ensure_ascii=False, separators=(",", ":"))
