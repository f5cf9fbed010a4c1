"""The video call's signalling messages (``pop.call/1``), one JSON object per WebSocket message.

Three parties speak it through the hub (``hub/calls/``): the terminal (``kiosk/call/``), the
clerk's browser (``hub/static/desk.js``) and the hub itself. The hub relays the session
descriptions and the chat between the two ends of a call; it never looks into them.

A call, in order::

    terminal → hub    {"type": "ring", "topic": "…", "language": "de"}
    hub → terminal    {"type": "queued", "call_id": "…", "position": 1, "wait_s": 120}
                      (again whenever the queue changes)
    clerk → hub       {"type": "take", "call_id": "…"}
    hub → terminal    {"type": "answered", "clerk": "Frau Weber", "ice_servers": [...]}
    hub → clerk       {"type": "connected", "call_id": "…", "terminal": "…", "place": "…",
                       "ice_servers": [...]}
    terminal → hub → clerk    {"type": "offer", "sdp": "…"}   (complete: aiortc does not trickle)
    clerk → hub → terminal    {"type": "answer", "sdp": "…"}
    either → hub → other      {"type": "chat", "text": "…"}
    clerk → hub → terminal    {"type": "print", "kind": "letter", "title": "…", "lines": ["…"]}
    clerk → hub               {"type": "transfer", "to": "<a colleague at the desk>"}
                              (the terminal is answered anew by the colleague: a new offer)
    clerk → hub               {"type": "away", "away": true}  (calls do not count on them
                              until {"away": false}; the desk does not ring for them)
    clerk → hub               {"type": "confirm_identity", "basis": "chip_photo"}  (what the
                              clerk compared the person with: the chip's photo, the document
                              held to the camera, or the document in the video; the hub
                              records it, then tells the terminal {"type":
                              "identity_confirmed", "call_id": "…"})
    terminal → hub → clerk    {"type": "printed", "outcome": "printed" | "no_paper" | …}
    terminal → hub → clerk    {"type": "sound", "ok": false}  (no microphone or loudspeaker:
                              the clerk writes instead of speaking)
    either → hub              {"type": "hangup"}
    hub → the other / both    {"type": "ended", "reason": "hung_up" | …}

The clerk's browser first proves its session with ``{"type": "hello", "csrf": "…"}`` and is then
sent the queue (``{"type": "queue", "waiting": [...], "clerks": 2}``) whenever it changes.

:func:`parse_message` is the one reader: it returns a message the sender was allowed to send, or
raises :class:`CallMessageError` naming what is wrong, never echoing the value.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

SCHEMA = "pop.call/1"
#: A complete SDP with every candidate: a few kB; anything near this is not one.
MAX_SDP_CHARS = 32_000
#: A chat line: real-time text, not letters.
MAX_CHAT_CHARS = 500
MAX_TOPIC_CHARS = 100
#: A document the clerk prints at the terminal: a slip, a checklist, a short letter.
MAX_PRINT_LINES = 60
MAX_PRINT_LINE_CHARS = 500
#: What the clerk may print: the printer logs the kind, never the content.
PRINT_KINDS = ("letter", "checklist", "appointment")
MAX_MESSAGE_BYTES = 64_000


class Sender(StrEnum):
    TERMINAL = "terminal"
    CLERK = "clerk"


class EndReason(StrEnum):
    """Why a call ended, as the call log keeps it and the other side is told."""

    HUNG_UP = "hung_up"  # the other side pressed "hang up"
    TERMINAL_GONE = "terminal_gone"  # the terminal's connection to the hub broke
    CLERK_GONE = "clerk_gone"
    CANCELLED = "cancelled"  # the citizen gave up waiting
    NO_CLERK = "no_clerk"  # nobody answered in time
    BUSY = "busy"  # the hub's queue is full: try later
    TRANSFERRED = "transferred"  # (to the clerk who handed the call on) a colleague has it


class CallMessageError(ValueError):
    pass


#: Which message types each sender may send, and the fields each must have (name → type).
_ALLOWED: dict[Sender, dict[str, dict[str, type]]] = {
    Sender.TERMINAL: {
        "ring": {"topic": str, "language": str},
        "offer": {"sdp": str},
        "chat": {"text": str},
        "printed": {"outcome": str},
        "sound": {"ok": bool},
        "hangup": {},
    },
    Sender.CLERK: {
        "hello": {"csrf": str},
        "take": {"call_id": str},
        "answer": {"sdp": str},
        "chat": {"text": str},
        "print": {"kind": str, "title": str, "lines": list},
        "confirm_identity": {"basis": str},
        "transfer": {"to": str},
        "away": {"away": bool},
        "hangup": {},
    },
}
#: What a clerk compared the person on video with before confirming who they are.
CONFIRMATION_BASES = ("chip_photo", "document_photo", "video")
_LIMITS = {
    "sdp": MAX_SDP_CHARS,
    "text": MAX_CHAT_CHARS,
    "topic": MAX_TOPIC_CHARS,
    "language": 8,
    "csrf": 100,
    "call_id": 64,
    "outcome": 32,
    "kind": 20,
    "title": 100,
    "to": 100,
}


@dataclass(frozen=True)
class CallMessage:
    type: str
    fields: dict[str, Any]

    def __getitem__(self, name: str) -> Any:
        return self.fields[name]


def parse_message(data: str | bytes, sender: Sender) -> CallMessage:
    # Bytes, not characters: what the other end's socket limit counts (text relayed as UTF-8).
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
    if size > MAX_MESSAGE_BYTES:
        raise CallMessageError("message too large")
    try:
        body = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise CallMessageError("not JSON") from exc
    if not isinstance(body, dict) or not isinstance(body.get("type"), str):
        raise CallMessageError("not a message (an object with a type)")
    kind = body["type"]
    expected = _ALLOWED[sender].get(kind)
    if expected is None:
        raise CallMessageError(f"a {sender.value} does not send {kind[:20]!r}")
    fields: dict[str, Any] = {}
    for name, kind_of in expected.items():
        value = body.get(name)
        if not isinstance(value, kind_of):
            raise CallMessageError(f"{kind}: {name} missing or not a {kind_of.__name__}")
        if isinstance(value, str):
            if len(value) > _LIMITS.get(name, MAX_SDP_CHARS):
                raise CallMessageError(f"{kind}: {name} too long")
            if name != "sdp" and any(ord(c) < 32 and c not in "\n" for c in value):
                raise CallMessageError(f"{kind}: {name} has control characters")
        fields[name] = value
    if kind == "print":
        _check_print(fields)
    if kind == "confirm_identity" and fields["basis"] not in CONFIRMATION_BASES:
        raise CallMessageError("confirm_identity: basis is not one the hub records")
    if kind == "ring" and isinstance(body.get("redial_of"), str):
        fields["redial_of"] = body["redial_of"][:64]
    if kind == "hangup" and sender is Sender.CLERK and isinstance(body.get("call_id"), str):
        fields["call_id"] = body["call_id"][:64]
    return CallMessage(kind, fields)


def _check_print(fields: dict[str, Any]) -> None:
    if fields["kind"] not in PRINT_KINDS:
        raise CallMessageError("print: kind is not one the terminal prints")
    lines = fields["lines"]
    if len(lines) > MAX_PRINT_LINES:
        raise CallMessageError("print: too many lines")
    for line in lines:
        if not isinstance(line, str) or len(line) > MAX_PRINT_LINE_CHARS:
            raise CallMessageError("print: a line is not text or too long")
        if any(ord(c) < 32 for c in line):
            raise CallMessageError("print: a line has control characters")


def message(kind: str, /, **fields: Any) -> str:
    """One message as sent (the hub's and the terminal's writer)."""
    return json.dumps({"type": kind, **fields}, ensure_ascii=False, separators=(",", ":"))


def ice_servers_ok(value: Any) -> list[dict[str, Any]] | None:
    """The ICE servers the hub hands out (``[{"urls": [...], "username"?, "credential"?}]``),
    or None if ``value`` is not such a list."""
    if not isinstance(value, list) or len(value) > 8:
        return None
    servers: list[dict[str, Any]] = []
    for item in value:
        if not isinstance(item, dict):
            return None
        urls = item.get("urls")
        urls = [urls] if isinstance(urls, str) else urls
        if not isinstance(urls, list) or not urls or not all(isinstance(u, str) for u in urls):
            return None
        if not all(u.split(":", 1)[0] in ("stun", "turn", "turns") for u in urls):
            return None
        server: dict[str, Any] = {"urls": urls}
        for key in ("username", "credential"):
            if key in item:
                if not isinstance(item[key], str):
                    return None
                server[key] = item[key]
        servers.append(server)
    return servers
