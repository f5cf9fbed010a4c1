"""What the session needs to place a call: the hub's address and the terminal's credential.

Kept apart from :mod:`kiosk.call.link` so that nothing of aiortc, PyAV or the WebSocket
library is imported before a citizen presses the button (their imports cost ~0.3 s)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from drivers.camera.frames import LatestFrame
    from drivers.sound.base import Sound
    from kiosk.call.link import CallEvent
    from offline_queue.credential import Credential


class Link(Protocol):
    """One call in progress, as the session drives it (:class:`kiosk.call.link.CallLink`)."""

    def start(self, topic: str, language: str, redial_of: str = "") -> None: ...
    def hang_up(self) -> None: ...
    def chat(self, text: str) -> None: ...
    def set_camera(self, on: bool) -> None: ...
    def set_muted(self, muted: bool) -> None: ...
    def report_printed(self, outcome: str) -> None: ...
    def share_form(self, snapshot: str) -> None: ...

    @property
    def clerk_frames(self) -> LatestFrame: ...


class Dialer(Protocol):
    def dial(self, events: Callable[[CallEvent], None], camera: LatestFrame | None) -> Link: ...


@dataclass(frozen=True)
class HubDialer:
    hub_url: str
    #: The terminal's credential: its bearer token, or (enrolled) its device certificate.
    token: str | Credential
    #: The terminal's microphone and loudspeaker (None: picture and text only).
    sound: Sound | None = None

    def dial(self, events: Callable[[CallEvent], None], camera: LatestFrame | None) -> Link:
        from kiosk.call.link import CallLink

        return CallLink(self.hub_url, self.token, events, camera, self.sound)
