"""The call desk: who is waiting to talk to the town hall, which clerk talks to whom.

All the queue and call state lives behind this one class, so that a hub of several processes
(PostgreSQL, a later issue) replaces it alone. It is plain, synchronous Python, called only
from the event loop's thread; what it has to say to a terminal or a clerk it hands to that
party's :class:`Party` (which queues the message for the party's socket and never blocks).

Fairness: callers are served first come, first served; a clerk takes a call from the queue
("take"), and only one clerk gets it. A terminal whose connection broke during a call may ring
again naming that call (``redial_of``): it goes to the same clerk if that clerk is still at
the desk and free, ahead of the queue.
"""

from __future__ import annotations

import logging
import secrets
import statistics
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from wire.call import EndReason, message

log = logging.getLogger(__name__)

#: The estimated length of a call before the desk has seen any (seconds).
DEFAULT_CALL_S = 240.0
#: Finished calls the estimate is the median of.
RECENT_CALLS = 20
#: A terminal whose call broke may ring its clerk again within this long (then: the queue).
REDIAL_WINDOW_S = 90.0
#: Callers waiting at most: beyond, a ring is refused ("busy") rather than queued.
MAX_WAITING = 200
#: A caller waits at most this long (the terminal gives up sooner; this is the hub's own
#: bound, for a terminal that never does).
MAX_WAIT_S = 30 * 60.0


class DeskFullError(Exception):
    """The queue is full: the terminal is told to try later."""


class Party(Protocol):
    """One end of the desk's connections: a terminal's or a clerk's socket."""

    def send(self, text: str) -> None:
        """Queue ``text`` for the socket (never blocks; a party gone drops it)."""


class CallState(StrEnum):
    WAITING = "waiting"
    CONNECTED = "connected"
    ENDED = "ended"


@dataclass
class Clerk:
    user: str
    party: Party
    call: Call | None = None
    #: How the citizen sees them in a call ("Frau Weber"; the login name if none is set).
    display: str = ""
    #: Set themselves away (working the inbox, a break): calls do not count on them, and the
    #: desk does not ring for them; they still see the queue and may take a call.
    away: bool = False


@dataclass
class Call:
    call_id: str
    terminal_id: str
    place: str
    language: str
    topic: str
    terminal: Party
    queued_at: float
    state: CallState = CallState.WAITING
    clerk: Clerk | None = None
    answered_at: float | None = None
    ended_at: float | None = None
    end_reason: EndReason | None = None
    #: A call that was broken off and is rung again goes to this clerk first.
    wanted_clerk: str = ""


@dataclass
class _Finished:
    lengths: deque[float] = field(default_factory=lambda: deque(maxlen=RECENT_CALLS))

    def typical_s(self) -> float:
        return statistics.median(self.lengths) if self.lengths else DEFAULT_CALL_S


class CallDesk:
    def __init__(
        self,
        ice_servers: Callable[[str], list[dict[str, Any]]] = lambda _who: [],
        on_ended: Callable[[Call], None] = lambda _call: None,
        monotonic: Callable[[], float] = time.monotonic,
        ice_policy: str = "all",
        on_confirmed: Callable[[Call, str], None] = lambda _call, _basis: None,
    ) -> None:
        #: Records a clerk's identity confirmation (the call log) before the terminal hears it.
        self._on_confirmed = on_confirmed
        #: "all", or "relay": both ends send media only through TURN.
        self._ice_policy = ice_policy
        #: The ICE servers (STUN/TURN with fresh credentials) for a party, by its name.
        self._ice_servers = ice_servers
        self._on_ended = on_ended
        self._monotonic = monotonic
        self._waiting: list[Call] = []
        self._calls: dict[str, Call] = {}
        self._clerks: list[Clerk] = []
        self._finished = _Finished()
        #: Calls broken off lately: (call id, terminal, clerk, when), for a re-dial to the same
        #: clerk.
        self._recent: deque[tuple[str, str, str, float]] = deque(maxlen=200)

    # --- terminals ------------------------------------------------------------------------

    def ring(
        self,
        terminal_id: str,
        place: str,
        language: str,
        topic: str,
        party: Party,
        redial_of: str = "",
    ) -> Call:
        # One call per terminal: a ring replaces what the terminal had going (a call that broke
        # before this hub noticed, its socket lingering until a ping times out, or a stale
        # one), so a terminal cannot fill the queue, and the clerk is free for a re-dial.
        for old in [c for c in self._calls.values() if c.terminal_id == terminal_id]:
            self.hang_up(old, EndReason.TERMINAL_GONE, by="terminal")
        if len(self._waiting) >= MAX_WAITING:
            raise DeskFullError
        call = Call(
            call_id=secrets.token_urlsafe(12),
            terminal_id=terminal_id,
            place=place,
            language=language,
            topic=topic,
            terminal=party,
            queued_at=self._monotonic(),
            wanted_clerk=self._clerk_of(redial_of, terminal_id),
        )
        self._calls[call.call_id] = call
        clerk = self._free_clerk(call.wanted_clerk) if call.wanted_clerk else None
        if clerk is not None:
            log.info("call %s: re-dialled, straight to the same clerk", call.call_id)
            self._connect(call, clerk)
        elif call.wanted_clerk:
            # The clerk is busy (took the next caller meanwhile): first in the queue.
            self._waiting.insert(0, call)
            log.info("call %s: re-dialled, first in the queue", call.call_id)
        else:
            self._waiting.append(call)
            log.info("call %s: waiting (%d in the queue)", call.call_id, len(self._waiting))
        self._tell_everyone()
        return call

    def hang_up(self, call: Call, reason: EndReason, by: str) -> None:
        """End ``call`` (``by``: "terminal" or "clerk", who ended it); the other side is told."""
        if call.state is CallState.ENDED:
            return
        was_waiting = call.state is CallState.WAITING
        call.state = CallState.ENDED
        call.ended_at = self._monotonic()
        call.end_reason = reason
        if was_waiting:
            self._waiting.remove(call)
        clerk = call.clerk
        if clerk is not None:
            clerk.call = None
            if reason is EndReason.TERMINAL_GONE:
                self._recent.append((call.call_id, call.terminal_id, clerk.user, call.ended_at))
            if call.answered_at is not None:
                self._finished.lengths.append(call.ended_at - call.answered_at)
            if by != "clerk":
                clerk.party.send(message("ended", reason=reason.value, call_id=call.call_id))
        if by != "terminal":
            call.terminal.send(message("ended", reason=reason.value, call_id=call.call_id))
        del self._calls[call.call_id]
        log.info("call %s ended: %s", call.call_id, reason.value)
        self._on_ended(call)
        if clerk is not None and clerk in self._clerks:
            # A re-dialled call that waited for this clerk gets them now.
            again = next((c for c in self._waiting if c.wanted_clerk == clerk.user), None)
            if again is not None:
                self._waiting.remove(again)
                self._connect(again, clerk)
        self._tell_everyone()

    # --- clerks ---------------------------------------------------------------------------

    def sit_down(self, user: str, party: Party, display: str = "") -> Clerk:
        clerk = Clerk(user, party, display=display or user)
        self._clerks.append(clerk)
        log.info("a clerk joined the desk (%d there)", len(self._clerks))
        self._tell_everyone()
        return clerk

    def set_away(self, clerk: Clerk, away: bool) -> None:
        if clerk not in self._clerks or clerk.away == away:
            return
        clerk.away = away
        log.info("a clerk is %s (%d at the desk)", "away" if away else "back", self.clerks)
        if not away and clerk.call is None:
            # A call handed to them (or re-dialled) while they were away gets them now.
            again = next((c for c in self._waiting if c.wanted_clerk == clerk.user), None)
            if again is not None:
                self._waiting.remove(again)
                self._connect(again, clerk)
        self._tell_everyone()

    def leave(self, clerk: Clerk) -> None:
        if clerk.call is not None:
            self.hang_up(clerk.call, EndReason.CLERK_GONE, by="clerk")
        if clerk in self._clerks:
            self._clerks.remove(clerk)
        self._tell_everyone()

    def take(self, clerk: Clerk, call_id: str) -> bool:
        """``clerk`` answers the waiting call ``call_id``: False if another clerk was quicker,
        the caller gave up, or the clerk is in a call already."""
        call = self._calls.get(call_id)
        if call is None or call.state is not CallState.WAITING or clerk.call is not None:
            return False
        self._waiting.remove(call)
        self._connect(call, clerk)
        self._tell_everyone()
        return True

    def transfer(self, clerk: Clerk, to_user: str) -> bool:
        """``clerk`` hands their call to a colleague at the desk: at once if the colleague is
        free (the terminal is answered anew and sends a new offer), else first in the queue,
        waiting for that colleague. False if there is no call or no such colleague."""
        call = clerk.call
        colleague_here = any(c.user == to_user for c in self._clerks)
        if call is None or call.state is not CallState.CONNECTED or not colleague_here:
            return False
        if to_user == clerk.user:
            return False
        clerk.call = None
        clerk.party.send(message("ended", reason=EndReason.TRANSFERRED.value, call_id=call.call_id))
        log.info("call %s: handed on to a colleague", call.call_id)
        free = self._free_clerk(to_user)
        if free is not None:
            self._connect(call, free)
        else:
            call.state, call.clerk, call.wanted_clerk = CallState.WAITING, None, to_user
            self._waiting.insert(0, call)
        self._tell_everyone()
        return True

    def confirm_identity(self, clerk: Clerk, basis: str) -> bool:
        """``clerk`` confirms who the citizen in their call is, having compared them with
        ``basis`` (``wire.call.CONFIRMATION_BASES``: the chip's photo, the document held to the
        camera, the document in the video): recorded first, then the terminal is told, so that
        a submission naming this call finds the confirmation at the hub."""
        call = clerk.call
        if call is None or call.state is not CallState.CONNECTED:
            return False
        self._on_confirmed(call, basis)
        call.terminal.send(message("identity_confirmed", call_id=call.call_id))
        log.info("call %s: the clerk confirmed the citizen's identity", call.call_id)
        return True

    # --- the inbox, live -------------------------------------------------------------------

    def new_submission(self, submission_id: str, service: str, place: str) -> None:
        """A submission arrived: every clerk at the desk sees it at once (what it is and from
        where; its content only in the inbox)."""
        text = message("submission", id=submission_id, service=service, place=place)
        for clerk in self._clerks:
            clerk.party.send(text)

    # --- both -----------------------------------------------------------------------------

    def relay(self, call: Call, sender: str, text: str) -> None:
        """Hand a session description or a chat line to the other end of ``call``."""
        if call.state is not CallState.CONNECTED or call.clerk is None:
            return
        (call.clerk.party if sender == "terminal" else call.terminal).send(text)

    def expire(self) -> int:
        """End the calls that have waited longer than :data:`MAX_WAIT_S` (called now and then
        by the hub); how many."""
        limit = self._monotonic() - MAX_WAIT_S
        old = [call for call in self._waiting if call.queued_at < limit]
        for call in old:
            self.hang_up(call, EndReason.NO_CLERK, by="hub")
        return len(old)

    def waiting(self) -> list[dict[str, Any]]:
        now = self._monotonic()
        return [
            {
                "call_id": call.call_id,
                "terminal": call.terminal_id,
                "place": call.place,
                "language": call.language,
                "topic": call.topic,
                "waiting_s": round(now - call.queued_at),
            }
            for call in self._waiting
        ]

    def estimated_wait_s(self, position: int) -> float:
        """Before the caller at ``position`` (1: next) is answered, roughly."""
        present = [c for c in self._clerks if not c.away]
        clerks = max(1, len(present))
        free_now = sum(1 for c in present if c.call is None)
        if position <= free_now:
            return 0.0
        return self._finished.typical_s() * (position - free_now) / clerks

    @property
    def clerks(self) -> int:
        """Clerks at the desk and not away: whom a caller can expect."""
        return sum(1 for c in self._clerks if not c.away)

    # --- inside ---------------------------------------------------------------------------

    def _connect(self, call: Call, clerk: Clerk) -> None:
        call.state = CallState.CONNECTED
        call.clerk = clerk
        call.answered_at = self._monotonic()
        clerk.call = call
        log.info("call %s answered", call.call_id)
        call.terminal.send(
            message(
                "answered",
                call_id=call.call_id,
                clerk=clerk.display or clerk.user,
                ice_servers=self._ice_servers(call.terminal_id),
                ice_policy=self._ice_policy,
            )
        )
        clerk.party.send(
            message(
                "connected",
                call_id=call.call_id,
                terminal=call.terminal_id,
                place=call.place,
                language=call.language,
                topic=call.topic,
                ice_servers=self._ice_servers(clerk.user),
                ice_policy=self._ice_policy,
            )
        )

    def _free_clerk(self, user: str) -> Clerk | None:
        return next(
            (c for c in self._clerks if c.user == user and c.call is None and not c.away), None
        )

    def _clerk_of(self, call_id: str, terminal_id: str) -> str:
        """The clerk of this terminal's call that broke off lately (a call that was hung up, an
        old one, another terminal's: none, and the re-dial waits in the queue like any)."""
        if not call_id:
            return ""
        since = self._monotonic() - REDIAL_WINDOW_S
        found = (
            user
            for cid, tid, user, ended in self._recent
            if cid == call_id and tid == terminal_id and ended >= since
        )
        return next(found, "")

    def _tell_everyone(self) -> None:
        waiting = self.waiting()
        queue = message(
            "queue",
            waiting=waiting,
            clerks=self.clerks,
            free=sorted({c.user for c in self._clerks if c.call is None and not c.away}),
        )
        for clerk in self._clerks:
            clerk.party.send(queue)
        for position, call in enumerate(self._waiting, start=1):
            call.terminal.send(
                message(
                    "queued",
                    call_id=call.call_id,
                    position=position,
                    wait_s=round(self.estimated_wait_s(position)),
                    clerks=self.clerks,
                )
            )
