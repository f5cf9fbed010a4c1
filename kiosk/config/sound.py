"""``[sound]``: the sound server and devices the call to a clerk and reading aloud use."""

from __future__ import annotations

from drivers.sound.settings import SoundSettings
from kiosk.config.reader import Reader


def read_sound(r: Reader) -> SoundSettings:
    d = SoundSettings()
    t = "sound"
    settings = SoundSettings(
        server=r.get(t, "server", str, d.server),
        microphone=r.get(t, "microphone", str, d.microphone),
        loudspeaker=r.get(t, "loudspeaker", str, d.loudspeaker),
        echo_cancel=r.get(t, "echo_cancel", bool, d.echo_cancel),
        headset=r.get(t, "headset", str, d.headset),
        speech=r.get(t, "speech", str, d.speech),
        playback_latency_ms=r.get(t, "playback_latency_ms", int, d.playback_latency_ms),
    )
    for key in ("microphone", "loudspeaker", "headset"):
        name = getattr(settings, key)
        if any(c.isspace() or c in "\"'=" for c in name):
            r.problems.append(
                f'[sound] {key} = "{name}": a device name as the sound server lists it'
            )
    if not 20 <= settings.playback_latency_ms <= 500:
        r.problems.append("[sound] playback_latency_ms: from 20 to 500 milliseconds")
    return settings
