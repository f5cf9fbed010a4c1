"""The terminal's end of a video call: signalling with the hub and the WebRTC connection.

A :class:`CallLink` runs one call on a thread of its own with its own asyncio loop ("call-link"):
aiortc and the WebSocket live there, never on the Qt thread. The session calls its methods
from its own thread (they hand work to the loop and return at once) and gets
:class:`CallEvent`\\ s through ``events`` — called on the link's thread, so the caller posts
them on to where they belong (``Scheduler.post``).

The ICE servers are always the hub's list, passed explicitly (an empty list: direct
connections only; aiortc given None would ask a public STUN server, and a terminal must never
contact third parties on its own), with max-bundle. aiortc gathers every candidate before the
offer (no trickle ICE), so the offer the hub relays is complete.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections import deque
from collections.abc import Callable, Coroutine
from contextlib import suppress
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from drivers.camera.frames import LatestFrame
from drivers.sound.base import Sound
from kiosk.call.media import CameraTrack, LoudspeakerSink, MicrophoneTrack, VideoSink
from offline_queue.credential import Credential
from wire.call import MAX_MESSAGE_BYTES, EndReason, ice_servers_ok, message
from wire.coview import CHANNEL as FORM_CHANNEL
from wire.coview import message as coview_message

log = logging.getLogger(__name__)

#: The WebSocket to the hub: open within this, or the call is "not reachable".
CONNECT_TIMEOUT_S = 10.0
#: The hub's path for terminals (hub/calls/signalling.py).
CALLS_PATH = "/api/v1/calls"
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


def websocket_url(hub_url: str) -> str:
    base = hub_url.rstrip("/")
    if base.startswith("https://"):
        return "wss://" + base[len("https://") :] + CALLS_PATH
    if base.startswith("http://"):
        return "ws://" + base[len("http://") :] + CALLS_PATH
    raise ValueError("the hub's URL is not http(s)")


class CallLink:
    def __init__(
        self,
        hub_url: str,
        token: str | Credential,
        events: Callable[[CallEvent], None],
        camera: LatestFrame | None = None,
        sound: Sound | None = None,
    ) -> None:
        self._url = websocket_url(hub_url)
        self._credential = token if isinstance(token, Credential) else Credential.bearer(token)
        self._ssl = self._credential.ssl_context()
        self._events = events
        self._camera = camera
        #: The microphone and loudspeaker (None: the call has no sound, picture and text only).
        self._sound = sound
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._hangup: asyncio.Event | None = None
        self._ws: Any = None
        self._pc: Any = None
        self.video_out: CameraTrack | None = None
        self.audio_out: MicrophoneTrack | None = None
        #: The clerk's picture and sound.
        self.video_in = VideoSink()
        self.audio_in = LoudspeakerSink(sound, self._sound_failed)
        self._told_no_sound = False
        self.call_id = ""
        self._in_call = False
        self._reconnected = False
        self._told_lost = False
        self._media_lost: asyncio.Event | None = None
        self._camera_on = True
        self._muted = False
        #: The form co-view's data channel (``wire.coview``), and its measured round trips.
        self._channel: Any = None
        self.round_trips_s: deque[float] = deque(maxlen=1000)
        #: The last offer sent (tests read which candidates it carried).
        self.offer_sdp = ""
        #: Tasks of the loop that nothing awaits (asyncio keeps only weak references).
        self._tasks: set[asyncio.Future[None]] = set()

    # --- from the session's thread --------------------------------------------------------

    def start(self, topic: str, language: str, redial_of: str = "") -> None:
        # The WebSocket client and its C speedups are imported here, on the session's thread,
        # not first on the call's: a first import of a C extension on a worker thread while
        # the GUI thread loaded a Qt plugin deadlocked the kiosk once
        # (drivers/camera/simulated.py). aiortc and PyAV came with this module already.
        import websockets.asyncio.client

        with suppress(ImportError):
            import websockets.speedups  # noqa: F401
        ready = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)  # this thread's own, for libraries that look it up
            self._loop = loop
            self._hangup = asyncio.Event()
            ready.set()
            try:
                loop.run_until_complete(self._guarded(topic, language, redial_of))
            finally:
                # What is left (a track's reader, aiortc's own tasks) ends with the loop.
                left = asyncio.all_tasks(loop)
                for task in left:
                    task.cancel()
                if left:
                    loop.run_until_complete(asyncio.gather(*left, return_exceptions=True))
                loop.run_until_complete(loop.shutdown_asyncgens())
                loop.close()

        self._thread = threading.Thread(target=run, name="call-link", daemon=True)
        self._thread.start()
        ready.wait(5)

    def hang_up(self) -> None:
        self._soon(lambda: self._hangup.set() if self._hangup is not None else None)

    def chat(self, text: str) -> None:
        self._soon(lambda: self._keep(self._send(message("chat", text=text))))

    def report_printed(self, outcome: str) -> None:
        """Tell the clerk how the document they sent came out of the printer."""
        self._soon(lambda: self._keep(self._send(message("printed", outcome=outcome))))

    def set_camera(self, on: bool) -> None:
        self._camera_on = on
        if self.video_out is not None:
            self.video_out.enabled = on

    def share_form(self, snapshot: str) -> None:
        """Send the citizen's form (``wire.coview``'s ``form`` message) to the clerk."""
        self._soon(lambda: self._to_clerk(snapshot))

    def ping_form_channel(self) -> None:
        """Measure the data channel's round trip (:attr:`round_trips_s`)."""
        import time

        self._soon(lambda: self._to_clerk(coview_message("ping", t=time.monotonic())))

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        if self.audio_out is not None:
            self.audio_out.muted = muted

    @property
    def clerk_frames(self) -> LatestFrame:
        """The clerk's video, as the UI draws it."""
        return self.video_in.frames

    def join(self, timeout_s: float = 10.0) -> None:
        """Wait for the link's thread to end (tests, shutdown)."""
        if self._thread is not None:
            self._thread.join(timeout_s)

    def _soon(self, work: Callable[[], object]) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with suppress(RuntimeError):  # closed in between: the call is over anyway
                loop.call_soon_threadsafe(work)

    # --- on the link's loop ---------------------------------------------------------------

    def _keep(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _to_clerk(self, text: str) -> None:
        channel = self._channel
        if channel is not None and channel.readyState == "open":
            channel.send(text)

    def _on_form_message(self, data: str | bytes) -> None:
        # Called by aiortc's SCTP transport: an exception escaping here would close the
        # transport, and with it (one bundle) the picture and sound.
        try:
            self._form_message(data)
        except Exception:
            log.exception("call: a form message failed")

    def _form_message(self, data: str | bytes) -> None:
        import time

        from wire.coview import CoViewError, DocumentWanted, Ping, parse_from_clerk

        try:
            found = parse_from_clerk(data)
        except CoViewError as exc:
            log.warning("call: a form message the terminal cannot take (%s)", exc)
            return
        if isinstance(found, Ping):
            if found.answer:
                self.round_trips_s.append(time.monotonic() - found.t)
            else:
                self._to_clerk(coview_message("pong", t=found.t))
            return
        if isinstance(found, DocumentWanted):
            self._emit(CallEvent(CallPhase.DOCUMENT_WANTED, self.call_id))
            return
        self._emit(CallEvent(CallPhase.SUGGESTION, self.call_id, key=found.key, value=found.value))

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
                await self._close_media()
            self._emit(CallEvent(CallPhase.ENDED, self.call_id, reason="failed"))

    async def _call(self, topic: str, language: str, redial_of: str) -> None:
        """The call, re-dialled while its connection is broken (up to :data:`REDIAL_FOR_S`):
        the hub sends a re-dial to the same clerk when that clerk is free, else to the queue."""
        loop = asyncio.get_running_loop()
        hangup = self._hangup
        assert hangup is not None
        lost_since: float | None = None
        while True:
            outcome = await self._one_session(topic, language, redial_of, lost_since is not None)
            if self._reconnected:  # media flowed again: a later break is a new one
                lost_since = None
                self._reconnected = self._told_lost = False
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

        self._in_call = False
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
            if self._in_call:
                return LOST
            if not self.call_id:
                return CallEvent(CallPhase.FAILED, reason="refused" if refused else "unreachable")
            return CallEvent(CallPhase.ENDED, self.call_id, reason=EndReason.TERMINAL_GONE.value)
        finally:
            self._ws = None
            await self._close_media()

    async def _converse(self, ws: Any) -> CallEvent | _Lost:
        hangup = self._hangup
        assert hangup is not None
        hung_up = asyncio.ensure_future(hangup.wait())
        self._media_lost = asyncio.Event()
        media_lost = asyncio.ensure_future(self._media_lost.wait())
        watch = asyncio.ensure_future(self._watch_media())
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
                    if self._in_call:
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

    async def _watch_media(self) -> None:
        """While in a call: nothing from the clerk (picture or sound) for MEDIA_STALL_S means
        the way between the two is broken (aiortc itself notices only after ~30 s).

        Only time this loop was awake counts: when the loop itself was held up (a busy
        terminal), the packets that came meanwhile are still waiting to be read, and the
        silence is the terminal's, not the network's."""
        loop = asyncio.get_running_loop()
        last = (-1, -1)
        checked = quiet_since = loop.time()
        while True:
            await asyncio.sleep(MEDIA_CHECK_S)
            now = loop.time()
            held_up = now - checked > 3 * MEDIA_CHECK_S
            checked = now
            seen = (self.video_in.received, self.audio_in.received)
            if not self._in_call or seen != last or held_up:
                last, quiet_since = seen, now
            elif now - quiet_since > MEDIA_STALL_S and self._media_lost is not None:
                self._media_lost.set()
                return

    async def _on_message(self, found: dict[str, Any]) -> CallEvent | None:
        kind = found.get("type")
        if kind == "queued":
            if self._pc is not None:
                # Handed on to a colleague who is busy: this call's media ends, the next
                # clerk's answer starts it anew.
                await self._close_media()
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
            if self._pc is not None:
                await self._close_media()  # handed on to a colleague: a new connection to them
            await self._offer(servers or [], relay_only=found.get("ice_policy") == "relay")
        elif kind == "answer" and self._pc is not None:
            from aiortc import RTCSessionDescription

            sdp = str(found.get("sdp", ""))
            await self._pc.setRemoteDescription(RTCSessionDescription(sdp=sdp, type="answer"))
            await _add_bundled_candidates(self._pc, sdp)
        elif kind == "chat":
            self._emit(CallEvent(CallPhase.CHAT, self.call_id, text=str(found.get("text", ""))))
        elif kind == "print":
            self._on_print(found)
        elif kind == "identity_confirmed" and found.get("call_id") == self.call_id:
            self._emit(CallEvent(CallPhase.IDENTITY_CONFIRMED, self.call_id))
        elif kind == "ended":
            return CallEvent(CallPhase.ENDED, self.call_id, reason=str(found.get("reason", "")))
        return None

    def _on_print(self, found: dict[str, Any]) -> None:
        # The hub relays what a clerk's browser sent: checked as the hub checked it.
        from wire.call import CallMessageError, Sender, parse_message

        try:
            checked = parse_message(json.dumps(found), Sender.CLERK)
        except CallMessageError as exc:
            log.warning("call: a print the terminal cannot take (%s)", exc)
            self.report_printed("refused")
            return
        self._emit(
            CallEvent(
                CallPhase.PRINT,
                self.call_id,
                text=checked["title"],
                print_kind=checked["kind"],
                print_lines=tuple(checked["lines"]),
            )
        )

    async def _offer(self, servers: list[dict[str, Any]], relay_only: bool) -> None:
        from aiortc import (
            RTCBundlePolicy,
            RTCConfiguration,
            RTCIceServer,
            RTCIceTransportPolicy,
            RTCPeerConnection,
        )

        config = RTCConfiguration(
            iceServers=[RTCIceServer(**server) for server in servers],
            bundlePolicy=RTCBundlePolicy.MAX_BUNDLE,
            iceTransportPolicy=(
                RTCIceTransportPolicy.RELAY if relay_only else RTCIceTransportPolicy.ALL
            ),
        )
        pc = RTCPeerConnection(config)
        self._pc = pc
        # A re-dialled call keeps what the citizen chose.
        self.video_out = CameraTrack(self._camera)
        self.video_out.enabled = self._camera_on
        self.audio_out = MicrophoneTrack(self._sound, self._sound_failed)
        self.audio_out.muted = self._muted
        pc.addTrack(self.audio_out)
        pc.addTrack(self.video_out)
        # The form co-view: peer to peer beside the media (the offer carries it).
        channel = pc.createDataChannel(FORM_CHANNEL)
        self._channel = channel

        @channel.on("open")
        def on_open() -> None:
            self._emit(CallEvent(CallPhase.FORM_WANTED, self.call_id))

        channel.on("message", self._on_form_message)

        @pc.on("track")
        def on_track(track: Any) -> None:
            sink = self.video_in if track.kind == "video" else self.audio_in
            self._keep(sink.consume(track))

        lost = self._media_lost

        @pc.on("connectionstatechange")
        async def on_state() -> None:
            log.info("call %s: media %s", self.call_id, pc.connectionState)
            if pc.connectionState == "connected":
                self._in_call = True
                self._reconnected = True
                self._emit(CallEvent(CallPhase.CONNECTED, self.call_id))
            elif pc.connectionState in ("failed", "closed") and self._pc is pc and lost:
                lost.set()

        await pc.setLocalDescription(await pc.createOffer())
        self.offer_sdp = pc.localDescription.sdp
        await self._send(message("offer", sdp=self.offer_sdp))

    async def _close_media(self) -> None:
        self._in_call = False  # (the media watch rests until the next connection)
        self._channel = None
        pc, self._pc = self._pc, None
        if pc is not None:
            await pc.close()
        if self.video_out is not None:
            self.video_out.stop()
        self.video_in.frames.wipe()


async def _add_bundled_candidates(pc: Any, sdp: str) -> None:
    """Hand the answer's candidates to the ICE transport once more, by the first mid.

    A browser answering with max-bundle lists its candidates in the first media section only,
    and aiortc 1.16 takes a bundled transport's candidates from the last section (none). With
    host candidates the browser's own checks still get through (learned as peer-reflexive);
    through TURN they cannot, as this end's relay accepts only peers it has a permission for,
    and the call would never connect."""
    from aiortc.sdp import candidate_from_sdp

    sections = sdp.split("\nm=")
    if len(sections) < 2:
        return
    first = sections[1].splitlines()
    mid = next((line[len("a=mid:") :].strip() for line in first if line.startswith("a=mid:")), "")
    for line in first:
        if line.startswith("a=candidate:") and mid:
            candidate = candidate_from_sdp(line[len("a=candidate:") :].strip())
            candidate.sdpMid = mid
            await pc.addIceCandidate(candidate)
