"""The video call as its overlay shows it (:mod:`kiosk.session.call`): the step, the queue, the
chat, and what the clerk asked for or sent.

The UI reads it; only the call flow and the link's events (:mod:`kiosk.session.call_events`)
change it. The chat and the clerk's name are personal data: :meth:`CallView.wipe` clears them
when the call is over.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from catalogue.validation import FieldProblem
from kiosk.session.states import CallStep

#: A chat line the citizen writes: real-time text, not a letter.
MAX_CHAT_CHARS = 500


@dataclass
class ChatLine:
    from_citizen: bool
    text: str


@dataclass
class CallView:
    """The call as the overlay shows it."""

    step: CallStep
    position: int = 0
    wait_s: float = 0.0
    clerks: int = 0
    clerk: str = ""
    #: Why it ended or is unavailable (wire.call.EndReason's values, or "unreachable", "refused",
    #: "no_hub").
    reason: str = ""
    muted: bool = False
    camera_on: bool = True
    chat: list[ChatLine] = field(default_factory=list)
    #: The title of what the clerk sent to the printer ("": nothing), and how it came out:
    #: "printing", then a PrintOutcome value.
    printout: str = ""
    print_state: str = ""
    #: A call-back can be asked for (nobody to answer the call, or it could not be placed).
    call_back_offered: bool = False
    #: The call-back form's problems by field key, and the tracking code once it is stored.
    call_back_problems: dict[str, FieldProblem] = field(default_factory=dict)
    call_back_code: str = ""
    call_back_failed: bool = False
    call_back_sending: bool = False
    #: The clerk confirmed who the citizen is (it goes with the submission).
    identity_confirmed: bool = False
    #: The microphone or loudspeaker failed: the call goes on in picture and text.
    sound_missing: bool = False
    #: Docked beside the screen (the citizen works on the form; the clerk stays small).
    docked: bool = False
    #: The clerk's chat lines that came while the call was docked (the dock says so).
    unread: int = 0
    #: The clerk asked for a photo of the ID document: "wanted", then "taking", "sent" or
    #: "failed" ("": not asked, or the citizen said no).
    document: str = ""

    def wipe(self) -> None:
        for line in self.chat:
            line.text = ""
        self.chat.clear()
        self.clerk = self.printout = self.call_back_code = ""
        self.call_back_problems.clear()
