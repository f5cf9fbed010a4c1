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
    #: A USB headset's sink as the sound server names it ("": only a headset in the jack is
    #: noticed). Plugged in, the terminal reads aloud, personal data too.
    headset: str = ""
    #: speech-dispatcher's address ("": ``$SPEECHD_ADDRESS`` or the user's own, started if
    #: need be), e.g. ``unix_socket:/run/speech-dispatcher/speechd.sock``.
    speech: str = ""
    #: How far behind the clerk's voice may be played before it is dropped (ms).
    playback_latency_ms: int = 60
