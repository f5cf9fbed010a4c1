"""The call signalling WebSockets: ``/api/v1/calls`` for terminals, ``/desk/ws`` for clerks.

A terminal authenticates as it does for the intake (its bearer credential, checked before
the socket is accepted: a refused terminal gets HTTP 403, never a socket). A clerk's browser
brings its session cookie, and the browser must say the page is ours (``Sec-Fetch-Site``, as
for the inbox's forms); then its first message must carry the session's CSRF token, so a page
of another site that opens a socket with the clerk's cookie gets nothing.

Each socket has a writer task that sends what the desk queued for it, in order; a party that
does not read (a stalled browser) is dropped once its queue is full, not buffered forever.
What either side sends is checked (:func:`wire.call.parse_message`) before the desk sees it.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, cast

import anyio
from fastapi import APIRouter, WebSocket, WebSocketDisconnect

from hub.auth import authenticate_terminal, clerk_session, csrf_ok
from hub.calls.desk import Call, CallDesk, Clerk, DeskFullError
from hub.inbox import COOKIE
from hub.listeners import client_certificate_der
from hub.state import HubState
from wire.call import CallMessage, CallMessageError, EndReason, Sender, message, parse_message

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)

TERMINAL_PATH = "/api/v1/calls"
CLERK_PATH = "/desk/ws"
#: Messages waiting for a socket that does not read; one more closes it.
MAX_QUEUED = 200
#: The first message (ring, hello) must come within this.
FIRST_MESSAGE_S = 15.0
#: WebSocket close codes of ours (4000-4999 are the application's).
CLOSE_REFUSED = 4403
CLOSE_BAD_MESSAGE = 4400
CLOSE_TOO_SLOW = 4408
#: A clerk's session (logout, expiry, a disabled account) is checked this often on the desk.
SESSION_CHECK_S = 30.0


class _Socket:
    """A :class:`hub.calls.desk.Party`: the desk's messages, queued for one WebSocket.

    The queue's state (``queue`` for clerks, ``queued`` for a terminal) is sent as a whole each
    time: a newer one waiting replaces the older, so a busy desk never floods a slow browser.
    Other messages (descriptions, chat, prints) are kept in order; too many of them waiting
    means the other side does not read, and the socket is closed."""

    _STATES = ('{"type":"queue"', '{"type":"queued"')

    def __init__(self, ws: WebSocket) -> None:
        self._ws = ws
        self._pending: deque[str] = deque()
        self._ready = asyncio.Event()
        self._closed = False
        self.overflowed = False

    def send(self, text: str) -> None:
        if self._closed:
            return
        if text.startswith(self._STATES):
            kind = text[: text.index(",")]
            self._pending = deque(t for t in self._pending if not t.startswith(kind + ","))
        if len(self._pending) >= MAX_QUEUED:
            self.overflowed = self._closed = True
        else:
            self._pending.append(text)
        self._ready.set()

    def close(self) -> None:
        self._closed = True
        self._ready.set()

    async def pump(self) -> None:
        while True:
            await self._ready.wait()
            self._ready.clear()
            if self.overflowed:
                await self._ws.close(CLOSE_TOO_SLOW)
                return
            while self._pending:
                await self._ws.send_text(self._pending.popleft())
            if self._closed:
                return


async def _text(ws: WebSocket) -> str:
    """The next message as text (a binary frame is read as a message nobody sends: refused
    by parse_message, not a crash of the socket)."""
    message_ = await ws.receive()
    if message_["type"] == "websocket.disconnect":
        raise WebSocketDisconnect(message_.get("code", 1000))
    text = message_.get("text")
    return text if isinstance(text, str) else "<binary>"


def _desk(ws: WebSocket) -> CallDesk:
    return cast(CallDesk, ws.app.state.calls)


def _hub(ws: WebSocket) -> HubState:
    return cast(HubState, ws.app.state.hub)


async def _first(ws: WebSocket, sender: Sender, kind: str) -> CallMessage | None:
    try:
        with anyio.fail_after(FIRST_MESSAGE_S):
            text = await _text(ws)
        found = parse_message(text, sender)
    except (TimeoutError, CallMessageError, WebSocketDisconnect, KeyError) as exc:
        log.info("call socket: no %s first (%s)", kind, type(exc).__name__)
        return None
    return found if found.type == kind else None


async def _run(party: _Socket, read: Coroutine[Any, Any, None]) -> None:
    """Send the party's queue and read its messages until either side ends."""
    async with anyio.create_task_group() as tasks:

        async def reading() -> None:
            try:
                await read
            finally:
                tasks.cancel_scope.cancel()

        async def writing() -> None:
            try:
                await party.pump()
            finally:
                tasks.cancel_scope.cancel()

        tasks.start_soon(reading)
        tasks.start_soon(writing)


@router.websocket(TERMINAL_PATH)
async def terminal_socket(ws: WebSocket) -> None:
    hub = _hub(ws)
    terminal = await anyio.to_thread.run_sync(
        authenticate_terminal,
        hub.store,
        ws.headers.get("authorization"),
        client_certificate_der(ws.scope),
    )
    if terminal is None:
        await ws.close(CLOSE_REFUSED)  # before accept: HTTP 403
        return
    await ws.accept()
    ring = await _first(ws, Sender.TERMINAL, "ring")
    if ring is None:
        await ws.close(CLOSE_BAD_MESSAGE)
        return
    desk = _desk(ws)
    party = _Socket(ws)
    try:
        call = desk.ring(
            terminal.id,
            terminal.place or terminal.name,
            ring["language"],
            ring["topic"],
            party,
            redial_of=ring.fields.get("redial_of", ""),
        )
    except DeskFullError:
        log.warning("call refused: the queue is full")
        await ws.send_text(message("ended", reason=EndReason.BUSY.value, call_id=""))
        await ws.close()
        return
    reason = EndReason.TERMINAL_GONE
    try:
        reason = await _run_terminal(ws, party, desk, call)
    finally:
        desk.hang_up(call, reason, by="terminal")
        party.close()


async def _run_terminal(ws: WebSocket, party: _Socket, desk: CallDesk, call: Call) -> EndReason:
    outcome = [EndReason.TERMINAL_GONE]

    async def read() -> None:
        while True:
            try:
                found = parse_message(await _text(ws), Sender.TERMINAL)
            except WebSocketDisconnect:
                return
            except CallMessageError as exc:
                log.info("call %s: terminal sent a bad message (%s)", call.call_id, exc)
                continue
            if found.type == "hangup":
                outcome[0] = EndReason.HUNG_UP if call.clerk else EndReason.CANCELLED
                return
            if found.type in ("offer", "chat", "printed", "sound"):
                desk.relay(call, "terminal", _relayed(found))

    await _run(party, read())
    return outcome[0]


@router.websocket(CLERK_PATH)
async def clerk_socket(ws: WebSocket) -> None:
    hub = _hub(ws)
    fetch_site = ws.headers.get("sec-fetch-site")
    if fetch_site is not None and fetch_site.lower() != "same-origin":
        await ws.close(CLOSE_REFUSED)
        return
    session = await anyio.to_thread.run_sync(
        clerk_session, hub.store, ws.cookies.get(COOKIE), hub.sessions
    )
    if session is None:
        await ws.close(CLOSE_REFUSED)
        return
    await ws.accept()
    hello = await _first(ws, Sender.CLERK, "hello")
    if hello is None or not csrf_ok(session.csrf_token, hello["csrf"]):
        await ws.close(CLOSE_REFUSED)
        return
    desk = _desk(ws)
    party = _Socket(ws)
    display = await anyio.to_thread.run_sync(hub.store.display_name, session.user)
    clerk = desk.sit_down(session.user, party, display)

    async def still_logged_in() -> bool:
        # Logged out, expired, or the account disabled: the desk is closed to this browser.
        found = await anyio.to_thread.run_sync(
            clerk_session, hub.store, ws.cookies.get(COOKIE), hub.sessions
        )
        return found is not None and found.token_sha256 == session.token_sha256

    try:
        await _run(party, _read_clerk(ws, desk, clerk, still_logged_in))
    finally:
        desk.leave(clerk)
        party.close()


async def _read_clerk(
    ws: WebSocket,
    desk: CallDesk,
    clerk: Clerk,
    still_logged_in: Callable[[], Awaitable[bool]],
) -> None:
    checked = asyncio.get_running_loop().time()
    while True:
        found: CallMessage | None = None
        try:
            with anyio.move_on_after(SESSION_CHECK_S):
                text = await _text(ws)
                found = parse_message(text, Sender.CLERK)
        except WebSocketDisconnect:
            return
        except CallMessageError as exc:
            log.info("desk: a clerk's browser sent a bad message (%s)", exc)
            if str(exc).startswith("confirm_identity"):
                # (a page from before the hub's update, say): the clerk reads it did not count
                clerk.party.send(message("identity", confirmed=False))
            continue
        now = asyncio.get_running_loop().time()
        if now - checked >= SESSION_CHECK_S or found is None or found.type == "take":
            checked = now
            if not await still_logged_in():
                log.info("desk: a clerk's session ended; their desk socket is closed")
                await ws.close(CLOSE_REFUSED)
                return
        if found is None:
            continue
        if found.type == "take":
            if not desk.take(clerk, found["call_id"]):
                clerk.party.send(message("missed", call_id=found["call_id"]))
        elif found.type == "hangup" and clerk.call is not None:
            # Only the call the clerk sees: a late hang-up of a broken call must not end the
            # re-dialled one that has just replaced it.
            wanted = found.fields.get("call_id", clerk.call.call_id)
            if wanted == clerk.call.call_id:
                desk.hang_up(clerk.call, EndReason.HUNG_UP, by="clerk")
        elif found.type == "transfer":
            if not desk.transfer(clerk, found["to"]):
                clerk.party.send(message("transfer_failed", to=found["to"]))
        elif found.type == "away":
            desk.set_away(clerk, found["away"])
        elif found.type == "confirm_identity":
            confirmed = desk.confirm_identity(clerk, found["basis"])
            clerk.party.send(message("identity", confirmed=confirmed))
        elif found.type in ("answer", "chat", "print") and clerk.call is not None:
            desk.relay(clerk.call, "clerk", _relayed(found))


def _relayed(found: CallMessage) -> str:
    return message(found.type, **found.fields)
