"""Where the terminal's sound goes (``[sound]`` in the kiosk's configuration)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SoundSettings:
    #: The sound server ("" : the usual one, or ``$PULSE_SERVER``), e.g. ``unix:/run/pulse/native``.
    server: str = ""
    #: The microphone and loudspeaker as the sound server names them ("": its defaults).
    microphone: str = ""
    loudspeaker: str = ""
    #: Put the sound server's echo canceller (WebRTC's) between them: the clerk must not hear
    #: their own voice come back from the terminal's loudspeaker. Off only for a headset.
    echo_cancel: bool = True
    #: How far behind the clerk's voice may be played before it is dropped (ms).
    playback_latency_ms: int = 60
