"""What a call tells the session (:class:`CallEvent`, by :class:`CallPhase`), and the check of
the one message from the clerk that carries more than a line of text: a document to print.

Plain Python with nothing of aiortc or the WebSocket library: the session's types, whichever
module of the call (:mod:`kiosk.call.link`, :mod:`kiosk.call.peer`) makes the event.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

log = logging.getLogger(__name__)


class CallPhase(StrEnum):
    QUEUED = "queued"  # waiting for a clerk (position, wait)
    ANSWERED = "answered"  # a clerk took it; media is being connected
    CONNECTED = "connected"  # media flows
    RECONNECTING = "reconnecting"  # the connection broke: dialling the same clerk again
    CHAT = "chat"  # a line of text from the clerk
    PRINT = "print"  # the clerk sends a document to the terminal's printer
    IDENTITY_CONFIRMED = "identity_confirmed"  # the clerk confirmed who the citizen is
    NO_SOUND = "no_sound"  # the microphone or loudspeaker failed: picture and text only
    FORM_WANTED = "form_wanted"  # the clerk's view of the form is open: send the form
    SUGGESTION = "suggestion"  # the clerk suggests a value for a field (key, value)
    DOCUMENT_WANTED = "document_wanted"  # the clerk asks for a photo of the ID document
    ENDED = "ended"  # over (reason)
    FAILED = "failed"  # never started: the hub was not reachable or refused


@dataclass(frozen=True)
class CallEvent:
    phase: CallPhase
    call_id: str = ""
    position: int = 0
    wait_s: float = 0.0
    clerks: int = 0
    clerk: str = ""
    text: str = ""
    reason: str = ""
    #: PRINT: what to print (wire.call's "print" message, checked there).
    print_kind: str = ""
    print_lines: tuple[str, ...] = ()
    #: SUGGESTION: the field and the value the clerk suggests (checked by wire.coview).
    key: str = ""
    value: str | dict[str, str] = ""


def print_event(found: dict[str, Any], call_id: str) -> CallEvent | None:
    """The PRINT event for a clerk's ``print`` message, or None (logged) if the terminal
    cannot take it — the caller then tells the clerk it was refused."""
    # The hub relays what a clerk's browser sent: checked as the hub checked it.
    from wire.call import CallMessageError, Sender, parse_message

    try:
        checked = parse_message(json.dumps(found), Sender.CLERK)
    except CallMessageError as exc:
        log.warning("call: a print the terminal cannot take (%s)", exc)
        return None
    return CallEvent(
        CallPhase.PRINT,
        call_id,
        text=checked["title"],
        print_kind=checked["kind"],
        print_lines=tuple(checked["lines"]),
    )
