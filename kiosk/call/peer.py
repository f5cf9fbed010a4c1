"""The terminal's side of the WebRTC connection to the clerk (aiortc): the offer, the media
tracks both ways, the form co-view's data channel, and the watch that tells a broken
connection from a quiet one.

A call has one :class:`Peer` (owned by :class:`kiosk.call.link.CallLink`) and, while a clerk
has it, one RTCPeerConnection: each clerk who answers (a re-dial, a hand-over) gets a new one
(:meth:`Peer.offer`), closed when their part ends (:meth:`Peer.close`). The sinks for the
clerk's picture and sound stay the same throughout, so the UI keeps drawing from one slot,
and new tracks keep what the citizen chose (camera off, muted).

The ICE servers are always the hub's list, passed explicitly (an empty list: direct
connections only; aiortc given None would ask a public STUN server, and a terminal must never
contact third parties on its own), with max-bundle. aiortc gathers every candidate before the
offer (no trickle ICE), so the offer the hub relays is complete.

Everything here but :meth:`Peer.set_camera` and :meth:`Peer.set_muted` runs on the link's loop.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable, Coroutine
from typing import Any

from drivers.camera.frames import LatestFrame
from drivers.sound.base import Sound
from kiosk.call.events import CallEvent, CallPhase
from kiosk.call.media import CameraTrack, LoudspeakerSink, MicrophoneTrack, VideoSink
from wire.coview import CHANNEL as FORM_CHANNEL
from wire.coview import message as coview_message

log = logging.getLogger(__name__)


class Peer:
    """The call's WebRTC side: one connection to a clerk at a time, the tracks and sinks."""

    def __init__(
        self,
        camera: LatestFrame | None,
        sound: Sound | None,
        call_id: Callable[[], str],
        events: Callable[[CallEvent], None],
        sound_failed: Callable[[], None],
    ) -> None:
        """``call_id`` reads the call's id as the hub last named it, ``events`` hands an event
        to the session, ``sound_failed`` is the link's word that the microphone or loudspeaker
        failed (all called on the link's loop)."""
        self._camera = camera
        #: The microphone and loudspeaker (None: the call has no sound, picture and text only).
        self._sound = sound
        self._call_id = call_id
        self._events = events
        self._sound_failed = sound_failed
        self._pc: Any = None
        self.video_out: CameraTrack | None = None
        self.audio_out: MicrophoneTrack | None = None
        #: The clerk's picture and sound.
        self.video_in = VideoSink()
        self.audio_in = LoudspeakerSink(sound, sound_failed)
        #: The media flows (the media watch rests otherwise).
        self.connected = False
        #: How often the media has connected (the link tells a new break from the last by it).
        self.connections = 0
        self._camera_on = True
        self._muted = False
        #: The form co-view's data channel (``wire.coview``), and its measured round trips.
        self._channel: Any = None
        self.round_trips_s: deque[float] = deque(maxlen=1000)
        #: The last offer sent (tests read which candidates it carried).
        self.offer_sdp = ""
        #: Tasks of the loop that nothing awaits (asyncio keeps only weak references).
        self._tasks: set[asyncio.Future[None]] = set()

    @property
    def is_open(self) -> bool:
        """A connection to a clerk has been offered and not closed since."""
        return self._pc is not None

    # --- from the session's thread --------------------------------------------------------

    def set_camera(self, on: bool) -> None:
        self._camera_on = on
        if self.video_out is not None:
            self.video_out.enabled = on

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        if self.audio_out is not None:
            self.audio_out.muted = muted

    # --- on the link's loop ---------------------------------------------------------------

    async def offer(
        self, servers: list[dict[str, Any]], relay_only: bool, lost: asyncio.Event | None
    ) -> str:
        """A new connection to the clerk who answered; returns the offer to send them.
        ``lost`` is set if the connection fails or closes while it is still this one."""
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
            self._events(CallEvent(CallPhase.FORM_WANTED, self._call_id()))

        channel.on("message", self._on_form_message)

        @pc.on("track")
        def on_track(track: Any) -> None:
            sink = self.video_in if track.kind == "video" else self.audio_in
            self._keep(sink.consume(track))

        @pc.on("connectionstatechange")
        async def on_state() -> None:
            log.info("call %s: media %s", self._call_id(), pc.connectionState)
            if pc.connectionState == "connected":
                self.connected = True
                self.connections += 1
                self._events(CallEvent(CallPhase.CONNECTED, self._call_id()))
            elif pc.connectionState in ("failed", "closed") and self._pc is pc and lost:
                lost.set()

        await pc.setLocalDescription(await pc.createOffer())
        self.offer_sdp = pc.localDescription.sdp
        return self.offer_sdp

    async def answer(self, sdp: str) -> None:
        """The clerk's answer to the offer."""
        from aiortc import RTCSessionDescription

        await self._pc.setRemoteDescription(RTCSessionDescription(sdp=sdp, type="answer"))
        await _add_bundled_candidates(self._pc, sdp)

    async def close(self) -> None:
        self.connected = False  # (the media watch rests until the next connection)
        self._channel = None
        pc, self._pc = self._pc, None
        if pc is not None:
            await pc.close()
        if self.video_out is not None:
            self.video_out.stop()
        self.video_in.frames.wipe()

    async def watch(self, lost: asyncio.Event, stall_s: float, check_s: float) -> None:
        """While connected: nothing from the clerk (picture or sound) for ``stall_s`` means
        the way between the two is broken (aiortc itself notices only after ~30 s): ``lost``
        is set. Looks every ``check_s``.

        Only time this loop was awake counts: when the loop itself was held up (a busy
        terminal), the packets that came meanwhile are still waiting to be read, and the
        silence is the terminal's, not the network's."""
        loop = asyncio.get_running_loop()
        last = (-1, -1)
        checked = quiet_since = loop.time()
        while True:
            await asyncio.sleep(check_s)
            now = loop.time()
            held_up = now - checked > 3 * check_s
            checked = now
            seen = (self.video_in.received, self.audio_in.received)
            if not self.connected or seen != last or held_up:
                last, quiet_since = seen, now
            elif now - quiet_since > stall_s:
                lost.set()
                return

    def to_clerk(self, text: str) -> None:
        """Send a co-view message (``wire.coview``) if the form's channel is open."""
        channel = self._channel
        if channel is not None and channel.readyState == "open":
            channel.send(text)

    def _keep(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

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
                self.to_clerk(coview_message("pong", t=found.t))
            return
        call_id = self._call_id()
        if isinstance(found, DocumentWanted):
            self._events(CallEvent(CallPhase.DOCUMENT_WANTED, call_id))
            return
        self._events(CallEvent(CallPhase.SUGGESTION, call_id, key=found.key, value=found.value))


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
