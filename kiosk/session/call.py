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

:class:`CallFlow` holds the call and its timers; beside it :mod:`.call_view` (what the overlay
shows), :mod:`.call_events` (the link's events), :mod:`.call_document` (the ID document's photo
for the clerk), :mod:`.call_back` and :mod:`.coview`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from catalogue.model import Service
from drivers.camera.base import CameraStatus
from kiosk.session.call_back import CallBack
from kiosk.session.call_document import DOCUMENT_LONG_SIDE, DocumentRequest
from kiosk.session.call_events import PRINT_FOOTER, LinkEvents
from kiosk.session.call_view import MAX_CHAT_CHARS, CallView, ChatLine
from kiosk.session.core import Core
from kiosk.session.coview import CoView, PendingSuggestion
from kiosk.session.side import SideFlows
from kiosk.session.states import CallStep, Change
from kiosk.session.visit import Visit

if TYPE_CHECKING:
    from kiosk.call.dialer import Link
    from kiosk.call.link import CallEvent
    from kiosk.scheduling import TimerHandle

# The view, the chat's and the document's sizes and the print footer live in the modules beside
# this one; they are exported here too, where the UI and the tests have always imported them.
__all__ = [
    "CLOSE_AFTER_S",
    "CONNECT_FOR_S",
    "CONSENT_FOR_S",
    "DOCUMENT_LONG_SIDE",
    "MAX_CHAT_CHARS",
    "NOBODY_WAIT_FOR_S",
    "PRINT_FOOTER",
    "SHARE_AFTER_S",
    "WAIT_FOR_S",
    "CallFlow",
    "CallView",
    "ChatLine",
]

log = logging.getLogger(__name__)

# The timers' lengths: read from this module each time a timer is set (also by the link's
# events, through the flow), so a test that sets them here sets them for all of the call.
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
        self._events = LinkEvents(core, self, coview)
        self._document = DocumentRequest(core, self)
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
            scheduler.post(lambda: self._events.handle(visit, link, found))

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
        if view is None or view.docked or not self.talking or not self._side.dock(self):
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
        if self.talking:
            self._coview.answer(self._link, key, take)

    @property
    def suggestions(self) -> list[PendingSuggestion]:
        """Only while the clerk is there: after the call a suggestion is not taken unseen."""
        return self._coview.pending() if self.talking else []

    @property
    def talking(self) -> bool:
        """The clerk is there (in the call, or the link reconnecting to it)."""
        view = self.view
        return view is not None and view.step in (CallStep.IN_CALL, CallStep.RECONNECTING)

    def _seen(self, changes: frozenset[Change]) -> None:
        """The citizen typed, chose, or went to another page: the clerk's copy follows."""
        if self._share_timer is not None or self._link is None or not self.talking:
            return
        if changes & {Change.VALUES, Change.FORM, Change.SCREEN}:
            self._share_timer = self._core.scheduler.call_later(
                "call-form", SHARE_AFTER_S, self._share_now
            )

    def _share_now(self) -> None:
        self._share_timer = None
        if self.talking:
            self._coview.share(self._link)

    # --- the ID document, held to the camera for the clerk (.call_document) -----------------

    def send_document(self) -> None:
        """The citizen sends the clerk a photo of their ID document (only when asked)."""
        self._document.send()

    def decline_document(self) -> None:
        self._document.decline()

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

    # --- the timers, set by the link's events too (.call_events) -----------------------------

    def wait_in_queue(self, clerks: int) -> None:
        """In the queue: give up after a while, sooner with nobody at the desk."""
        self._give_up_later(NOBODY_WAIT_FOR_S if clerks == 0 else WAIT_FOR_S)

    def wait_for_picture(self) -> None:
        """Answered, or reconnecting: give up if the clerk's picture does not come."""
        self._give_up_later(CONNECT_FOR_S)

    def stop_waiting(self) -> None:
        self._cancel_timer()

    def link_ended(self) -> bool:
        """The link's call ended or failed (the view says why): forget the link and show the
        end for a while. False if the call closed at once (see :meth:`_shown_ended`)."""
        self._link = None
        if not self._shown_ended():
            return False
        self._close_later(CLOSE_AFTER_S)
        return True

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
