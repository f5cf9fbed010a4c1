"""The video call to a clerk, a flow beside the main one (:mod:`kiosk.session.side`).

*Mit dem Rathaus sprechen* lays the call over whatever screen the citizen is on: first the
consent to camera and microphone, then the queue (position and estimated wait), the call
itself (mute, camera off, hang up, text chat), and when it is over the citizen is back on
exactly that screen, nothing of the form lost. Without a hub to call, or when the hub cannot
be reached, the overlay says so and shows the town hall's phone number and hours instead.

In the call the citizen can *dock* it (:meth:`SideFlows.dock`): the clerk stays small beside
the screen while the citizen goes on with the form, and the clerk sees every value as it is
typed. Anything that needs the citizen's eyes (the call ending) lays it over the screen again.

The call runs on the link's own thread (:mod:`kiosk.call.link`); its events are posted here
and matched to the visit and the link that asked, so a late event of an old call changes
nothing. The chat is personal data: it is wiped with the call and never stored.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from catalogue.model import Service
from catalogue.validation import FieldProblem
from drivers.camera.base import CameraError, CameraStatus, Photo
from kiosk.session.call_back import CallBack
from kiosk.session.core import Core
from kiosk.session.coview import CoView, PendingSuggestion
from kiosk.session.side import SideFlows
from kiosk.session.states import CallStep, Change
from kiosk.session.visit import Visit, for_visit

if TYPE_CHECKING:
    from drivers.printer.base import PrintResult
    from kiosk.call.dialer import Link
    from kiosk.call.link import CallEvent
    from kiosk.scheduling import TimerHandle

log = logging.getLogger(__name__)

#: A chat line the citizen writes: real-time text, not a letter.
MAX_CHAT_CHARS = 500
#: The overlay closes by itself this long after the call ended (or could not start), and
#: when nobody answers the consent question: a citizen who walked away leaves no call open.
CLOSE_AFTER_S = 20.0
CONSENT_FOR_S = 60.0
#: How long a citizen waits for a clerk before the call is given up (the overlay says so and
#: closes): with clerks at the desk, and with nobody there at all. A citizen who walked away
#: leaves no call that a clerk could answer hours later, and no form open behind it.
WAIT_FOR_S = 15 * 60.0
NOBODY_WAIT_FOR_S = 3 * 60.0
#: Until the clerk's picture comes (answered, or reconnecting): then the call is over.
CONNECT_FOR_S = 90.0
#: The clerk's copy of the form follows the citizen's typing: at most one message per this
#: long, sent this long after the first change it carries (not one per key).
SHARE_AFTER_S = 0.25
#: The ID document's photo for the clerk: its longer side (a card's photo and lines legible,
#: and small enough for one data-channel message).
DOCUMENT_LONG_SIDE = 960
#: Under what a clerk prints: where it came from.
PRINT_FOOTER = {
    "de": "Vom Rathaus während Ihres Videogesprächs gedruckt.",
    "en": "Printed by the town hall during your video call.",
}


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


class CallFlow:
    name = "call"

    def __init__(self, core: Core, side: SideFlows, call_back: CallBack, coview: CoView) -> None:
        self._core = core
        self._side = side
        self._call_back = call_back
        self._coview = coview
        self._link: Link | None = None
        self._timer: TimerHandle | None = None
        self._share_timer: TimerHandle | None = None
        self.view: CallView | None = None
        core.subscribe(self._seen)

    @property
    def possible(self) -> bool:
        """A call can be placed (a hub to call is configured)."""
        return self._core.equipment.call_dialer is not None

    def open(self) -> None:
        """The citizen pressed *Mit dem Rathaus sprechen* (or the docked call, to see it
        large again)."""
        if self.view is not None:
            self.undock()
            return
        if not self._side.begin(self):
            return
        if self.possible:
            self.view = CallView(CallStep.CONSENT)
            self._close_later(CONSENT_FOR_S)
        else:
            self.view = CallView(
                CallStep.UNAVAILABLE,
                reason="no_hub",
                call_back_offered=self._call_back.service is not None,
            )
            self._close_later(CLOSE_AFTER_S * 3)
        log.info("call overlay opened (%s)", self.view.step.value)
        self._core.changed(Change.CALL)

    def consent(self) -> None:
        """Camera and microphone agreed to: ring the town hall."""
        view, visit, dialer = self.view, self._core.visit, self._core.equipment.call_dialer
        if view is None or visit is None or view.step is not CallStep.CONSENT or dialer is None:
            return
        self._cancel_timer()
        camera = self._core.equipment.devices.camera
        frames = camera.live if camera.status is CameraStatus.READY else None
        scheduler = self._core.scheduler
        link: Link | None = None

        def event(found: CallEvent) -> None:
            scheduler.post(lambda: self._event(visit, link, found))

        link = dialer.dial(event, frames)
        self._link = link
        view.step = CallStep.CONNECTING
        self._give_up_later(CONNECT_FOR_S)
        service = self._core.current.service
        topic = service.title.get(self._core.language) if service is not None else ""
        link.start(topic or "", self._core.language)
        self._core.changed(Change.CALL)

    def hang_up(self) -> None:
        view = self.view
        if view is None:
            return
        link, self._link = self._link, None
        if link is not None:
            link.hang_up()
        if view.docked or view.step in (
            CallStep.CONSENT,
            CallStep.UNAVAILABLE,
            CallStep.CALL_BACK,
            CallStep.CALL_BACK_SENT,
        ):
            self.close()
            return
        view.step, view.reason = CallStep.ENDED, "hung_up_here"
        self._close_later(CLOSE_AFTER_S)
        self._core.changed(Change.CALL)

    def dock(self) -> None:
        """In the call: step aside, so the citizen can go on with the form while talking."""
        view = self.view
        if view is None or view.docked or not self._talking() or not self._side.dock(self):
            return
        view.docked = True
        log.info("call docked beside the screen")
        self._core.changed(Change.CALL, Change.OVERLAY)

    def undock(self) -> bool:
        """Lay the docked call over the screen again (False: it is not docked, or the screen
        cannot be left now: a dialog lies over it, or the submission is being stored)."""
        view = self.view
        if view is None or not view.docked or not self._side.undock(self):
            return False
        view.docked, view.unread = False, 0
        self._core.changed(Change.CALL, Change.OVERLAY)
        return True

    def close(self) -> None:
        """Back to the screen under the call, exactly as it was."""
        self._drop()
        self._side.finish(self)
        self._core.changed(Change.CALL)

    def _drop(self) -> None:
        """Hang up, stop the timer, and wipe what the call showed (the chat)."""
        link, self._link = self._link, None
        if link is not None:
            link.hang_up()
        self._cancel_timer()
        share, self._share_timer = self._share_timer, None
        if share is not None:
            share.cancel()
        view, self.view = self.view, None
        if view is not None:
            view.wipe()
        visit = self._core.visit
        if visit is not None:
            visit.suggested.clear()  # not answered in the call: not kept for later

    # --- the form, seen with the clerk --------------------------------------------------------

    def answer_suggestion(self, key: str, take: bool) -> None:
        if self._talking():
            self._coview.answer(self._link, key, take)

    @property
    def suggestions(self) -> list[PendingSuggestion]:
        """Only while the clerk is there: after the call a suggestion is not taken unseen."""
        return self._coview.pending() if self._talking() else []

    def _talking(self) -> bool:
        view = self.view
        return view is not None and view.step in (CallStep.IN_CALL, CallStep.RECONNECTING)

    def _seen(self, changes: frozenset[Change]) -> None:
        """The citizen typed, chose, or went to another page: the clerk's copy follows."""
        if self._share_timer is not None or self._link is None or not self._talking():
            return
        if changes & {Change.VALUES, Change.FORM, Change.SCREEN}:
            self._share_timer = self._core.scheduler.call_later(
                "call-form", SHARE_AFTER_S, self._share_now
            )

    def _share_now(self) -> None:
        self._share_timer = None
        if self._talking():
            self._coview.share(self._link)

    # --- the ID document, held to the camera for the clerk -----------------------------------

    def send_document(self) -> None:
        """The citizen holds their ID document to the camera and sends the clerk a photo of
        it (straightened where the card is found). Sent only to the clerk, over the call; not
        kept here."""
        view, visit, link = self.view, self._core.visit, self._link
        if view is None or visit is None or link is None or view.step is not CallStep.IN_CALL:
            return
        if view.document not in ("wanted", "failed"):
            return
        from drivers.camera.live import LiveCamera

        equipment = self._core.equipment
        camera = equipment.devices.camera
        if not isinstance(camera, LiveCamera) or camera.status is not CameraStatus.READY:
            self._document_failed(view, link)
            return
        from drivers.camera.document import document_photo
        from wire.coview import MAX_PHOTO_BYTES

        def take() -> Photo:
            return document_photo(camera, MAX_PHOTO_BYTES, DOCUMENT_LONG_SIDE)

        def taken(result: Photo | BaseException) -> None:
            self._document_taken(view, link, result)

        view.document = "taking"
        self._core.changed(Change.CALL)
        equipment.camera_worker.submit(take, for_visit(visit, lambda: self._core.visit, taken))

    def decline_document(self) -> None:
        view, link = self.view, self._link
        if view is None or link is None or view.document not in ("wanted", "failed"):
            return
        from wire.coview import message

        view.document = ""
        link.share_form(message("document_declined"))
        self._core.changed(Change.CALL)

    def _document_taken(self, view: CallView, link: Link, result: Photo | BaseException) -> None:
        from kiosk.call.coview import document_message

        if not isinstance(result, Photo):
            if not isinstance(result, CameraError):
                raise result
            log.warning("call: no photo of the document (%s)", type(result).__name__)
        if self.view is not view or self._link is not link or view.step is not CallStep.IN_CALL:
            if isinstance(result, Photo):
                result.wipe()  # the call ended or broke meanwhile: nobody to send it to
            if self.view is view and view.document == "taking":
                view.document = "wanted" if self._talking() else ""
                self._core.changed(Change.CALL)
            return
        if not isinstance(result, Photo):
            self._document_failed(view, link)
            return
        sent = document_message(result.jpeg)
        result.wipe()
        if sent is None:
            self._document_failed(view, link)
            return
        link.share_form(sent)
        view.document = "sent"
        log.info("call: the citizen sent the clerk a photo of their document")
        self._core.changed(Change.CALL)

    def _document_failed(self, view: CallView, link: Link) -> None:
        from wire.coview import message

        view.document = "failed"
        link.share_form(message("document_failed"))
        self._core.changed(Change.CALL)

    # --- a call-back instead -----------------------------------------------------------------

    def ask_call_back(self) -> None:
        """Nobody can answer: leave the queue and fill in the call-back form instead."""
        view = self.view
        if view is None or not view.call_back_offered:
            return
        link, self._link = self._link, None
        if link is not None:
            link.hang_up()
        view.step = CallStep.CALL_BACK
        view.call_back_problems.clear()
        self._close_later(CONSENT_FOR_S * 3)
        self._core.changed(Change.CALL)

    def send_call_back(self, values: dict[str, str]) -> None:
        view, visit = self.view, self._core.visit
        if view is None or visit is None or view.step is not CallStep.CALL_BACK:
            return
        if view.call_back_sending:
            return  # a second touch while the first is being stored
        view.call_back_problems = self._call_back.problems(values)
        view.call_back_failed = False
        if view.call_back_problems:
            self._core.changed(Change.CALL)
            return
        view.call_back_sending = True

        def done(code: str | None) -> None:
            view.call_back_sending = False
            if self.view is not view or visit is not self._core.visit:
                return
            if code is None:
                view.call_back_failed = True  # the form stays; the citizen can try again
            else:
                view.step, view.call_back_code = CallStep.CALL_BACK_SENT, code
                self._close_later(CLOSE_AFTER_S * 3)
            self._core.changed(Change.CALL)

        self._call_back.send(values, done)

    def send_chat(self, text: str) -> None:
        text = " ".join(text.split())[:MAX_CHAT_CHARS]
        view = self.view
        if not text or view is None or self._link is None or view.step is not CallStep.IN_CALL:
            return
        self._link.chat(text)
        view.chat.append(ChatLine(True, text))
        self._core.changed(Change.CALL)

    def set_muted(self, muted: bool) -> None:
        if self.view is not None and self._link is not None:
            self.view.muted = muted
            self._link.set_muted(muted)
            self._core.changed(Change.CALL)

    def set_camera(self, on: bool) -> None:
        if self.view is not None and self._link is not None:
            self.view.camera_on = on
            self._link.set_camera(on)
            self._core.changed(Change.CALL)

    @property
    def call_back_service(self) -> Service | None:
        return self._call_back.service

    @property
    def link(self) -> Link | None:
        return self._link

    # --- SideFlow ---------------------------------------------------------------------------

    def stopped(self, visit: Visit) -> None:
        """The visit ended under the call (the terminal shuts down, a fault): hang up, keep
        nothing."""
        del visit
        self._drop()

    # --- the link's events (posted here) ----------------------------------------------------

    def _event(self, visit: Visit, link: Link | None, found: CallEvent) -> None:
        from kiosk.call.link import CallPhase

        view = self.view
        if view is None or visit is not self._core.visit or link is not self._link:
            return  # an old call's last words
        phase = found.phase
        if phase is CallPhase.QUEUED:
            nobody_before = view.step is CallStep.WAITING and view.clerks == 0
            first = view.step is not CallStep.WAITING
            view.step = CallStep.WAITING
            view.position, view.wait_s, view.clerks = found.position, found.wait_s, found.clerks
            # Nobody at the desk: say so honestly, and offer to be called back.
            view.call_back_offered = found.clerks == 0 and self._call_back.service is not None
            if first or nobody_before != (found.clerks == 0):
                self._give_up_later(NOBODY_WAIT_FOR_S if found.clerks == 0 else WAIT_FOR_S)
        elif phase is CallPhase.ANSWERED and view.step is not CallStep.RECONNECTING:
            view.step, view.clerk = CallStep.ANSWERED, found.clerk
            self._give_up_later(CONNECT_FOR_S)
        elif phase is CallPhase.CONNECTED:
            view.step = CallStep.IN_CALL
            self._cancel_timer()  # the clerk is there: the call lasts as long as it lasts
        elif phase is CallPhase.RECONNECTING:
            view.step = CallStep.RECONNECTING
            self._give_up_later(CONNECT_FOR_S)
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
            self._link = None
            busy = found.reason == "busy"  # the hub's queue is full
            ended = phase is CallPhase.ENDED and not busy
            view.step = CallStep.ENDED if ended else CallStep.UNAVAILABLE
            view.reason = found.reason
            view.call_back_offered = not ended and self._call_back.service is not None
            if not self._shown_ended():
                return
            self._close_later(CLOSE_AFTER_S)
        if phase in (CallPhase.QUEUED, CallPhase.ANSWERED, CallPhase.RECONNECTING):
            # Another clerk, or this one again after a break: what was asked or sent for
            # the document belongs to the conversation before (the desk has dropped it).
            if view.document != "taking":
                view.document = ""
            if view.docked and view.step is not CallStep.RECONNECTING:
                self.undock()  # handed on to a colleague: the citizen sees who comes next
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
            if self.view is view and visit is self._core.visit:
                view.print_state = result.outcome.value
                self._core.changed(Change.CALL)

        self._core.equipment.print_station.print(document, done)

    def _give_up_later(self, delay_s: float) -> None:
        """Nobody answered (or the picture never came) within ``delay_s``: hang up and say so."""
        self._cancel_timer()
        self._timer = self._core.scheduler.call_later("call-wait", delay_s, self._waited_out)

    def _waited_out(self) -> None:
        self._timer = None
        view = self.view
        if view is None or view.step not in (
            CallStep.CONNECTING,
            CallStep.WAITING,
            CallStep.ANSWERED,
            CallStep.RECONNECTING,
        ):
            return
        link, self._link = self._link, None
        if link is not None:
            link.hang_up()
        log.info("call: nobody answered in time")
        view.step, view.reason = CallStep.ENDED, "no_clerk"
        view.call_back_offered = self._call_back.service is not None
        if not self._shown_ended():
            return
        self._close_later(CLOSE_AFTER_S * 3)
        self._core.changed(Change.CALL)

    def _shown_ended(self) -> bool:
        """The call ended while docked: lay it over the screen to say so. False when the
        screen cannot be left now (a dialog, the submission being stored): then the call
        closes and the screen stays the citizen's."""
        view = self.view
        if view is None or not view.docked or self.undock():
            return True
        self.close()
        return False

    def _close_later(self, delay_s: float) -> None:
        self._cancel_timer()
        self._timer = self._core.scheduler.call_later("call-close", delay_s, self._time_up)

    def _time_up(self) -> None:
        self._timer = None
        if self.view is not None:
            self.close()

    def _cancel_timer(self) -> None:
        timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()
