"""The call on the link's loop: its conversation with the hub, and dialling it again when the
connection breaks.

Over one WebSocket at a time the terminal rings, waits in the queue, is answered, sends its
offer and takes the clerk's answer (the WebRTC side is :class:`kiosk.call.peer.Peer`), chats,
prints what the clerk sends, and hears that the call ended. When the connection breaks during
the call (the clerk's media silent, or the socket gone) the citizen is told once and the hub is
rung again with the call's id, for up to :data:`REDIAL_FOR_S`.

Everything here runs on the loop of the link's own thread (:class:`kiosk.call.link.CallLink`
adds that thread and what the session calls from its own).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable, Coroutine
from contextlib import suppress
from typing import Any

from drivers.camera.frames import LatestFrame
from drivers.sound.base import Sound
from kiosk.call.events import CallEvent, CallPhase, print_event
from kiosk.call.peer import Peer
from offline_queue.credential import Credential
from wire.call import MAX_MESSAGE_BYTES, EndReason, ice_servers_ok, message

log = logging.getLogger(__name__)

#: The WebSocket to the hub: open within this, or the call is "not reachable".
CONNECT_TIMEOUT_S = 10.0
#: Nothing from the clerk for this long during a call: the connection is broken.
MEDIA_STALL_S = 5.0
MEDIA_CHECK_S = 0.5
#: The clerk's media gone: how long the hub's word that the call ended may take to follow.
ENDED_GRACE_S = 1.5
#: A broken call is dialled again for this long, with this pause between tries.
REDIAL_FOR_S = 60.0
REDIAL_PAUSE_S = 1.0


class _Lost:
    """The connection broke during a call (media or the hub's socket)."""


LOST = _Lost()


class CallSignalling:
    """One call's signalling and re-dialling, on the link's loop (:meth:`_guarded` is the
    whole call)."""

    def __init__(
        self,
        url: str,
        credential: Credential,
        events: Callable[[CallEvent], None],
        camera: LatestFrame | None,
        sound: Sound | None,
    ) -> None:
        """``url`` is the hub's WebSocket for calls; ``events`` takes the call's events (on
        the loop)."""
        self._url = url
        self._credential = credential
        self._ssl = credential.ssl_context()
        self._events = events
        #: Set when the citizen hangs up (made on the loop, when the call starts).
        self._hangup: asyncio.Event | None = None
        self._ws: Any = None
        self.call_id = ""
        #: The connection to the clerk; it has the camera, and the microphone and loudspeaker
        #: (None: the call has no sound, picture and text only).
        self._peer = Peer(camera, sound, lambda: self.call_id, self._emit, self._sound_failed)
        self._told_no_sound = False
        self._told_lost = False
        self._media_lost: asyncio.Event | None = None
        #: Tasks of the loop that nothing awaits (asyncio keeps only weak references).
        self._tasks: set[asyncio.Future[None]] = set()

    def _keep(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _sound_failed(self) -> None:
        """(On the loop) the microphone or loudspeaker failed: the citizen is told once, the
        clerk on every connection (a re-dialled call reaches a clerk anew)."""
        self._keep(self._send(message("sound", ok=False)))
        if not self._told_no_sound:
            self._told_no_sound = True
            self._emit(CallEvent(CallPhase.NO_SOUND, self.call_id))

    def _emit(self, event: CallEvent) -> None:
        try:
            self._events(event)
        except Exception:  # the call goes on; the receiver's bug is logged
            log.exception("call: the session did not take an event")

    async def _send(self, text: str) -> None:
        if self._ws is not None:
            try:
                await self._ws.send(text)
            except Exception as exc:  # noqa: BLE001 - the socket's end is handled by the reader
                log.info("call: could not send (%s)", type(exc).__name__)

    async def _guarded(self, topic: str, language: str, redial_of: str) -> None:
        """The call; whatever breaks it unforeseen (an answer aiortc cannot use, a library's
        bug) ends it with a word to the session, never silently."""
        try:
            await self._call(topic, language, redial_of)
        except Exception as exc:  # noqa: BLE001 - reported as the call's end, logged by type
            log.error("call %s failed: %s", self.call_id, type(exc).__name__)
            with suppress(Exception):
                await self._peer.close()
            self._emit(CallEvent(CallPhase.ENDED, self.call_id, reason="failed"))

    async def _call(self, topic: str, language: str, redial_of: str) -> None:
        """The call, re-dialled while its connection is broken (up to :data:`REDIAL_FOR_S`):
        the hub sends a re-dial to the same clerk when that clerk is free, else to the queue."""
        loop = asyncio.get_running_loop()
        hangup = self._hangup
        assert hangup is not None
        lost_since: float | None = None
        while True:
            connections = self._peer.connections
            outcome = await self._one_session(topic, language, redial_of, lost_since is not None)
            # Media flowed again: a later break is a new one.
            if self._peer.connections > connections:
                lost_since = None
                self._told_lost = False
            if isinstance(outcome, CallEvent):
                self._emit(outcome)
                return
            # The connection broke during the call: tell the citizen, and dial again.
            if lost_since is None:
                lost_since = loop.time()
                self._tell_lost()
            redial_of = self.call_id or redial_of
            if hangup.is_set() or loop.time() - lost_since > REDIAL_FOR_S:
                reason = EndReason.HUNG_UP.value if hangup.is_set() else "connection_lost"
                self._emit(CallEvent(CallPhase.ENDED, self.call_id, reason=reason))
                return
            with suppress(TimeoutError):
                await asyncio.wait_for(hangup.wait(), REDIAL_PAUSE_S)
            if hangup.is_set():  # the citizen hung up while it was broken: no new ring
                self._emit(CallEvent(CallPhase.ENDED, self.call_id, reason="hung_up"))
                return

    async def _one_session(
        self, topic: str, language: str, redial_of: str, redialling: bool
    ) -> CallEvent | _Lost:
        import websockets

        self._peer.connected = False
        try:
            async with websockets.connect(
                self._url,
                additional_headers=self._credential.headers(),
                # An enrolled terminal: its certificate, and only the hub's CA trusted.
                ssl=self._ssl,
                open_timeout=CONNECT_TIMEOUT_S,
                # A broken connection must not hold up the re-dial for long.
                close_timeout=2.0,
                # Above the hub's own limit for what it relays (wire.call.MAX_MESSAGE_BYTES).
                max_size=2 * MAX_MESSAGE_BYTES,
            ) as ws:
                self._ws = ws
                await ws.send(message("ring", topic=topic, language=language, redial_of=redial_of))
                return await self._converse(ws)
        except (OSError, TimeoutError, websockets.exceptions.WebSocketException) as exc:
            refused = isinstance(exc, websockets.exceptions.InvalidStatus)
            log.warning(
                "call: the hub %s (%s)",
                "refused" if refused else "is not reachable",
                type(exc).__name__,
            )
            if redialling and not refused:
                return LOST
            if self._peer.connected:
                return LOST
            if not self.call_id:
                return CallEvent(CallPhase.FAILED, reason="refused" if refused else "unreachable")
            return CallEvent(CallPhase.ENDED, self.call_id, reason=EndReason.TERMINAL_GONE.value)
        finally:
            self._ws = None
            await self._peer.close()

    async def _converse(self, ws: Any) -> CallEvent | _Lost:
        hangup = self._hangup
        assert hangup is not None
        hung_up = asyncio.ensure_future(hangup.wait())
        self._media_lost = asyncio.Event()
        media_lost = asyncio.ensure_future(self._media_lost.wait())
        watch = asyncio.ensure_future(
            self._peer.watch(self._media_lost, stall_s=MEDIA_STALL_S, check_s=MEDIA_CHECK_S)
        )
        try:
            while True:
                receiving = asyncio.ensure_future(ws.recv())
                done, _ = await asyncio.wait(
                    {receiving, hung_up, media_lost}, return_when=asyncio.FIRST_COMPLETED
                )
                if hung_up in done:
                    receiving.cancel()
                    await self._send(message("hangup"))
                    return CallEvent(CallPhase.ENDED, self.call_id, reason=EndReason.HUNG_UP.value)
                if media_lost in done:
                    # A clerk's browser closes its side the moment they hang up, and that can
                    # reach the terminal before the hub's "ended" (one hop against two): a
                    # moment's wait for it, so that a hang-up is not taken for a broken line
                    # and dialled again.
                    ended = await self._ended_soon(ws, receiving)
                    if ended is not None:
                        return ended
                    log.warning("call %s: no media from the clerk any more", self.call_id)
                    self._tell_lost()  # at once: closing the broken socket takes a moment
                    return LOST
                try:
                    found = json.loads(receiving.result())
                except Exception as exc:  # noqa: BLE001 - the socket closed: the call is over
                    log.info("call: the hub's socket closed (%s)", type(exc).__name__)
                    if self._peer.connected:
                        return LOST
                    return CallEvent(
                        CallPhase.ENDED, self.call_id, reason=EndReason.TERMINAL_GONE.value
                    )
                result = await self._on_message(found if isinstance(found, dict) else {})
                if result is not None:
                    return result
        finally:
            for task in (hung_up, media_lost, watch):
                task.cancel()

    async def _ended_soon(self, ws: Any, receiving: asyncio.Future[Any]) -> CallEvent | None:
        """The hub's "ended" if it comes within :data:`ENDED_GRACE_S` (other messages in
        between are dropped: the media is gone either way); None otherwise."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + ENDED_GRACE_S
        while True:
            left = deadline - loop.time()
            if left <= 0:
                receiving.cancel()
                return None
            try:
                found = json.loads(await asyncio.wait_for(receiving, left))
            except Exception:  # noqa: BLE001 - no word in time, or the socket closed
                return None
            if isinstance(found, dict) and found.get("type") == "ended":
                return CallEvent(CallPhase.ENDED, self.call_id, reason=str(found.get("reason", "")))
            receiving = asyncio.ensure_future(ws.recv())

    def _tell_lost(self) -> None:
        if not self._told_lost:
            self._told_lost = True
            self._emit(CallEvent(CallPhase.RECONNECTING, self.call_id))

    async def _on_message(self, found: dict[str, Any]) -> CallEvent | None:
        kind = found.get("type")
        if kind == "queued":
            if self._peer.is_open:
                # Handed on to a colleague who is busy: this call's media ends, the next
                # clerk's answer starts it anew.
                await self._peer.close()
            self.call_id = str(found.get("call_id", ""))
            self._emit(
                CallEvent(
                    CallPhase.QUEUED,
                    self.call_id,
                    position=int(found.get("position", 0)),
                    wait_s=float(found.get("wait_s", 0)),
                    clerks=int(found.get("clerks", 0)),
                )
            )
        elif kind == "answered":
            self.call_id = str(found.get("call_id", self.call_id))
            servers = ice_servers_ok(found.get("ice_servers"))
            clerk = str(found.get("clerk", ""))[:100]
            self._emit(CallEvent(CallPhase.ANSWERED, self.call_id, clerk=clerk))
            if self._peer.is_open:
                await self._peer.close()  # handed on to a colleague: a new connection to them
            relay_only = found.get("ice_policy") == "relay"
            offer = await self._peer.offer(servers or [], relay_only, self._media_lost)
            await self._send(message("offer", sdp=offer))
        elif kind == "answer" and self._peer.is_open:
            await self._peer.answer(str(found.get("sdp", "")))
        elif kind == "chat":
            self._emit(CallEvent(CallPhase.CHAT, self.call_id, text=str(found.get("text", ""))))
        elif kind == "print":
            printed = print_event(found, self.call_id)
            if printed is None:  # the clerk hears that it could not be printed
                self._keep(self._send(message("printed", outcome="refused")))
            else:
                self._emit(printed)
        elif kind == "identity_confirmed" and found.get("call_id") == self.call_id:
            self._emit(CallEvent(CallPhase.IDENTITY_CONFIRMED, self.call_id))
        elif kind == "ended":
            return CallEvent(CallPhase.ENDED, self.call_id, reason=str(found.get("reason", "")))
        return None
