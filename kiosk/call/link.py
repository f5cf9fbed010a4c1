"""The terminal's end of a video call, as the session drives it: :class:`CallLink`.

A :class:`CallLink` runs one call on a thread of its own with its own asyncio loop ("call-link",
:mod:`kiosk.call.loop_thread`): aiortc and the WebSocket live there, never on the Qt thread. The
session calls its methods from its own thread (they hand work to the loop and return at once)
and gets :class:`CallEvent`\\ s through ``events`` — called on the link's thread, so the caller
posts them on to where they belong (``Scheduler.post``).

What runs on that loop is the call's signalling with the hub and its re-dialling
(:mod:`kiosk.call.signalling`, whose class this one extends) and the WebRTC connection to the
clerk (:mod:`kiosk.call.peer`). The events (:mod:`kiosk.call.events`) and the call's timings
are importable from here too; the timings are read where they are defined, in
:mod:`kiosk.call.signalling`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from contextlib import suppress
from typing import Any

from drivers.camera.frames import LatestFrame
from drivers.sound.base import Sound
from kiosk.call.events import CallEvent, CallPhase
from kiosk.call.loop_thread import LoopThread
from kiosk.call.media import CameraTrack, MicrophoneTrack
from kiosk.call.signalling import (
    CONNECT_TIMEOUT_S,
    ENDED_GRACE_S,
    MEDIA_CHECK_S,
    MEDIA_STALL_S,
    REDIAL_FOR_S,
    REDIAL_PAUSE_S,
    CallSignalling,
)
from offline_queue.credential import Credential
from wire.call import message
from wire.coview import message as coview_message

# The events and the timings moved to modules of their own; they are still importable from
# here, as before the split.
__all__ = [
    "CALLS_PATH",
    "CONNECT_TIMEOUT_S",
    "ENDED_GRACE_S",
    "MEDIA_CHECK_S",
    "MEDIA_STALL_S",
    "REDIAL_FOR_S",
    "REDIAL_PAUSE_S",
    "CallEvent",
    "CallLink",
    "CallPhase",
    "websocket_url",
]

#: The hub's path for terminals (hub/calls/signalling.py).
CALLS_PATH = "/api/v1/calls"


def websocket_url(hub_url: str) -> str:
    base = hub_url.rstrip("/")
    if base.startswith("https://"):
        return "wss://" + base[len("https://") :] + CALLS_PATH
    if base.startswith("http://"):
        return "ws://" + base[len("http://") :] + CALLS_PATH
    raise ValueError("the hub's URL is not http(s)")


class CallLink(CallSignalling):
    """One call to a clerk: its signalling on a thread and loop of its own, and what the
    session calls from its thread."""

    def __init__(
        self,
        hub_url: str,
        token: str | Credential,
        events: Callable[[CallEvent], None],
        camera: LatestFrame | None = None,
        sound: Sound | None = None,
    ) -> None:
        url = websocket_url(hub_url)
        credential = token if isinstance(token, Credential) else Credential.bearer(token)
        super().__init__(url, credential, events, camera, sound)
        self._thread = LoopThread("call-link")
        #: The clerk's picture and sound (the same sinks for the whole call).
        self.video_in = self._peer.video_in
        self.audio_in = self._peer.audio_in
        #: The form co-view's measured round trips.
        self.round_trips_s = self._peer.round_trips_s

    @property
    def video_out(self) -> CameraTrack | None:
        """The citizen's picture as sent (None before the first connection)."""
        return self._peer.video_out

    @property
    def audio_out(self) -> MicrophoneTrack | None:
        """The citizen's sound as sent (None before the first connection)."""
        return self._peer.audio_out

    @property
    def offer_sdp(self) -> str:
        """The last offer sent (tests read which candidates it carried)."""
        return self._peer.offer_sdp

    @property
    def clerk_frames(self) -> LatestFrame:
        """The clerk's video, as the UI draws it."""
        return self.video_in.frames

    # --- from the session's thread --------------------------------------------------------

    def start(self, topic: str, language: str, redial_of: str = "") -> None:
        # The WebSocket client and its C speedups are imported here, on the session's thread,
        # not first on the call's: a first import of a C extension on a worker thread while
        # the GUI thread loaded a Qt plugin deadlocked the kiosk once
        # (drivers/camera/simulated.py). aiortc and PyAV came with this module already.
        import websockets.asyncio.client

        with suppress(ImportError):
            import websockets.speedups  # noqa: F401

        def begin() -> Coroutine[Any, Any, None]:
            self._hangup = asyncio.Event()  # the loop's, there before hang_up() can reach it
            return self._guarded(topic, language, redial_of)

        self._thread.start(begin)

    def hang_up(self) -> None:
        self._thread.soon(lambda: self._hangup.set() if self._hangup is not None else None)

    def chat(self, text: str) -> None:
        self._thread.soon(lambda: self._keep(self._send(message("chat", text=text))))

    def report_printed(self, outcome: str) -> None:
        """Tell the clerk how the document they sent came out of the printer."""
        self._thread.soon(lambda: self._keep(self._send(message("printed", outcome=outcome))))

    def set_camera(self, on: bool) -> None:
        self._peer.set_camera(on)

    def share_form(self, snapshot: str) -> None:
        """Send the citizen's form (``wire.coview``'s ``form`` message) to the clerk."""
        self._thread.soon(lambda: self._peer.to_clerk(snapshot))

    def ping_form_channel(self) -> None:
        """Measure the data channel's round trip (:attr:`round_trips_s`)."""
        import time

        self._thread.soon(lambda: self._peer.to_clerk(coview_message("ping", t=time.monotonic())))

    def set_muted(self, muted: bool) -> None:
        self._peer.set_muted(muted)

    def join(self, timeout_s: float = 10.0) -> None:
        """Wait for the link's thread to end (tests, shutdown)."""
        self._thread.join(timeout_s)
