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
from collections.abc import Coroutine
from contextlib import suppress
from typing import Any, cast

import anyio
from fastapi import APIRouter, WebSocket, WebSocketDisconnect

from hub.auth import authenticate_terminal, clerk_session, csrf_ok
from hub.calls.desk import Call, CallDesk, Clerk
from hub.inbox import COOKIE
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


class _Socket:
    """A :class:`hub.calls.desk.Party`: the desk's messages, queued for one WebSocket."""

    def __init__(self, ws: WebSocket) -> None:
        self._ws = ws
        self._queue: asyncio.Queue[str | None] = asyncio.Queue(MAX_QUEUED)
        self.overflowed = False

    def send(self, text: str) -> None:
        if self.overflowed:
            return
        try:
            self._queue.put_nowait(text)
        except asyncio.QueueFull:
            self.overflowed = True
            self._queue = asyncio.Queue(1)
            self._queue.put_nowait(None)

    def close(self) -> None:
        with suppress(asyncio.QueueFull):
            self._queue.put_nowait(None)

    async def pump(self) -> None:
        while (text := await self._queue.get()) is not None:
            await self._ws.send_text(text)
        if self.overflowed:
            await self._ws.close(CLOSE_TOO_SLOW)


def _desk(ws: WebSocket) -> CallDesk:
    return cast(CallDesk, ws.app.state.calls)


def _hub(ws: WebSocket) -> HubState:
    return cast(HubState, ws.app.state.hub)


async def _first(ws: WebSocket, sender: Sender, kind: str) -> CallMessage | None:
    try:
        with anyio.fail_after(FIRST_MESSAGE_S):
            text = await ws.receive_text()
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
        authenticate_terminal, hub.store, ws.headers.get("authorization")
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
    call = desk.ring(
        terminal.id,
        terminal.place or terminal.name,
        ring["language"],
        ring["topic"],
        party,
        redial_of=ring.fields.get("redial_of", ""),
    )
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
                found = parse_message(await ws.receive_text(), Sender.TERMINAL)
            except WebSocketDisconnect:
                return
            except CallMessageError as exc:
                log.info("call %s: terminal sent a bad message (%s)", call.call_id, exc)
                continue
            if found.type == "hangup":
                outcome[0] = EndReason.HUNG_UP if call.clerk else EndReason.CANCELLED
                return
            if found.type in ("offer", "chat", "printed"):
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
    clerk = desk.sit_down(session.user, party)
    try:
        await _run(party, _read_clerk(ws, desk, clerk))
    finally:
        desk.leave(clerk)
        party.close()


async def _read_clerk(ws: WebSocket, desk: CallDesk, clerk: Clerk) -> None:
    while True:
        try:
            found = parse_message(await ws.receive_text(), Sender.CLERK)
        except WebSocketDisconnect:
            return
        except CallMessageError as exc:
            log.info("desk: a clerk's browser sent a bad message (%s)", exc)
            continue
        if found.type == "take":
            if not desk.take(clerk, found["call_id"]):
                clerk.party.send(message("missed", call_id=found["call_id"]))
        elif found.type == "hangup" and clerk.call is not None:
            desk.hang_up(clerk.call, EndReason.HUNG_UP, by="clerk")
        elif found.type in ("answer", "chat", "print") and clerk.call is not None:
            desk.relay(clerk.call, "clerk", _relayed(found))


def _relayed(found: CallMessage) -> str:
    return message(found.type, **found.fields)
