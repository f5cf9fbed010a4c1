"""The call link's events, as the video call (:mod:`kiosk.session.call`) takes them.

The link runs on its own thread (:mod:`kiosk.call.link`); each event is posted to the core's
thread and handled here only if it comes from the link the call flow holds now, for the visit
that dialled it, so a late event of an old call changes nothing. The queue, the clerk's answer,
the chat, a print, the clerk's wishes (the form, a suggestion, the ID document) and the end of
the call change the :class:`~kiosk.session.call_view.CallView`; how long to wait for what is
the flow's to decide.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from kiosk.session.call_view import MAX_CHAT_CHARS, CallView, ChatLine
from kiosk.session.core import Core
from kiosk.session.coview import CoView
from kiosk.session.states import CallStep, Change
from kiosk.session.visit import Visit

if TYPE_CHECKING:
    from drivers.printer.base import PrintResult
    from kiosk.call.dialer import Link
    from kiosk.call.link import CallEvent
    from kiosk.session.call import CallFlow

log = logging.getLogger(__name__)

#: Under what a clerk prints: where it came from.
PRINT_FOOTER = {
    "de": "Vom Rathaus während Ihres Videogesprächs gedruckt.",
    "en": "Printed by the town hall during your video call.",
}


class LinkEvents:
    """What the link tells the call flow that owns it."""

    def __init__(self, core: Core, flow: CallFlow, coview: CoView) -> None:
        self._core = core
        self._flow = flow
        self._coview = coview

    def handle(self, visit: Visit, link: Link | None, found: CallEvent) -> None:
        """``found`` came from ``link``, dialled for ``visit`` (posted to the core's thread)."""
        from kiosk.call.link import CallPhase

        flow = self._flow
        view = flow.view
        if view is None or visit is not self._core.visit or link is not flow.link:
            return  # an old call's last words
        phase = found.phase
        if phase is CallPhase.QUEUED:
            nobody_before = view.step is CallStep.WAITING and view.clerks == 0
            first = view.step is not CallStep.WAITING
            view.step = CallStep.WAITING
            view.position, view.wait_s, view.clerks = found.position, found.wait_s, found.clerks
            # Nobody at the desk: say so honestly, and offer to be called back.
            view.call_back_offered = found.clerks == 0 and flow.call_back_service is not None
            if first or nobody_before != (found.clerks == 0):
                flow.wait_in_queue(found.clerks)
        elif phase is CallPhase.ANSWERED and view.step is not CallStep.RECONNECTING:
            view.step, view.clerk = CallStep.ANSWERED, found.clerk
            flow.wait_for_picture()
        elif phase is CallPhase.CONNECTED:
            view.step = CallStep.IN_CALL
            flow.stop_waiting()  # the clerk is there: the call lasts as long as it lasts
        elif phase is CallPhase.RECONNECTING:
            view.step = CallStep.RECONNECTING
            flow.wait_for_picture()
        elif phase is CallPhase.CHAT:
            view.chat.append(ChatLine(False, found.text[:MAX_CHAT_CHARS]))
            if view.docked:
                view.unread += 1
        elif phase is CallPhase.PRINT and link is not None:
            self._print(visit, link, view, found)
        elif phase is CallPhase.NO_SOUND:
            view.sound_missing = True
        elif phase is CallPhase.FORM_WANTED:
            self._coview.open(link)
        elif phase is CallPhase.SUGGESTION:
            self._coview.suggested(link, found)
        elif phase is CallPhase.DOCUMENT_WANTED and view.document != "taking":
            view.document = "wanted"
        elif phase is CallPhase.IDENTITY_CONFIRMED and found.call_id:
            # Goes with the submission; the hub believes it only from its own call log.
            visit.confirmed_in_call = found.call_id
            view.identity_confirmed = True
        elif phase in (CallPhase.ENDED, CallPhase.FAILED):
            busy = found.reason == "busy"  # the hub's queue is full
            ended = phase is CallPhase.ENDED and not busy
            view.step = CallStep.ENDED if ended else CallStep.UNAVAILABLE
            view.reason = found.reason
            view.call_back_offered = not ended and flow.call_back_service is not None
            if not flow.link_ended():
                return
        if phase in (CallPhase.QUEUED, CallPhase.ANSWERED, CallPhase.RECONNECTING):
            # Another clerk, or this one again after a break: what was asked or sent for
            # the document belongs to the conversation before (the desk has dropped it).
            if view.document != "taking":
                view.document = ""
            if view.docked and view.step is not CallStep.RECONNECTING:
                flow.undock()  # handed on to a colleague: the citizen sees who comes next
        log.info("call: %s", view.step.value)
        self._core.changed(Change.CALL)

    def _print(self, visit: Visit, link: Link, view: CallView, found: CallEvent) -> None:
        """The clerk sends a document: printed here, the citizen told, the clerk answered."""
        from kiosk.call.printout import clerk_document

        footer = PRINT_FOOTER.get(self._core.language, PRINT_FOOTER["en"])
        document = clerk_document(found.print_kind, found.text, found.print_lines, footer)
        view.printout, view.print_state = found.text, "printing"
        log.info("call: the clerk sends a %s to the printer", document.kind.value)

        def done(result: PrintResult) -> None:
            document.wipe()
            result.wipe()
            link.report_printed(result.outcome.value)
            if self._flow.view is view and visit is self._core.visit:
                view.print_state = result.outcome.value
                self._core.changed(Change.CALL)

        self._core.equipment.print_station.print(document, done)
