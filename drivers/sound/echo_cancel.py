"""The sound server's echo canceller between the terminal's microphone and loudspeaker.

A terminal's loudspeaker stands beside its microphone: without this, the clerk hears their
own voice come back a fraction of a second later. aiortc cancels no echo, so the sound server
does: its ``module-echo-cancel`` with WebRTC's canceller (PulseAudio; PipeWire's PulseAudio
service loads its own echo-cancel module under the same name). It makes a virtual microphone
(the real one, with the loudspeaker's sound taken out) and a virtual loudspeaker (what is
played there is the reference it takes out). The call records from and plays to those.

Set up once per sound server start, by the terminal itself on its first call (or ahead of
it, by its setup): loading it again while it exists would make a second pair.
"""

from __future__ import annotations

import logging

from drivers.sound.base import SoundError

log = logging.getLogger(__name__)

#: The echo-cancelled microphone and loudspeaker, as the sound server lists them.
MICROPHONE = "pop_echo_cancelled_microphone"
LOUDSPEAKER = "pop_echo_cancelled_loudspeaker"
#: WebRTC's canceller with its noise suppression (a shop, a library). No gain control: the
#: analog one would turn the microphone's own gain, and the digital one raised what is left of
#: the echo with the voice (the synthetic room measured ~10 dB less attenuation with it).
AEC_ARGS = "analog_gain_control=0 digital_gain_control=0 noise_suppression=1 high_pass_filter=1"


def module_arguments(microphone: str, loudspeaker: str) -> str:
    args = [
        "aec_method=webrtc",
        f'aec_args="{AEC_ARGS}"',
        f"source_name={MICROPHONE}",
        f"sink_name={LOUDSPEAKER}",
    ]
    if microphone:
        args.append(f"source_master={microphone}")
    if loudspeaker:
        args.append(f"sink_master={loudspeaker}")
    return " ".join(args)


def ensure_echo_canceller(server: str, microphone: str, loudspeaker: str) -> tuple[str, str]:
    """The echo-cancelled (microphone, loudspeaker) on ``server``, set up unless it is there."""
    import pulsectl

    try:
        with pulsectl.Pulse("point-of-public", server=server or None) as pulse:
            if not any(s.name == MICROPHONE for s in pulse.source_list()):
                pulse.module_load("module-echo-cancel", module_arguments(microphone, loudspeaker))
                log.info(
                    "sound: echo canceller set up (microphone %s, loudspeaker %s)",
                    microphone or "default",
                    loudspeaker or "default",
                )
            if not any(s.name == MICROPHONE for s in pulse.source_list()):
                raise SoundError("the sound server made no echo-cancelled microphone")
    except pulsectl.PulseError as exc:
        raise SoundError(f"sound server {server or '(default)'}: {exc}") from exc
    return MICROPHONE, LOUDSPEAKER
