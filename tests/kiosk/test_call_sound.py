"""The call's sound on the terminal, through the call's own media classes: the clerk's voice
(a WebRTC track, as aiortc decodes it: stereo 48 kHz) played by the loudspeaker, the
microphone sent as the citizen's track. With a real PulseAudio server and its synthetic room:
what goes back to the clerk carries their own voice attenuated by the echo canceller."""

from __future__ import annotations

import asyncio
import fractions
import threading
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack
from av import AudioFrame

from drivers.sound.base import FRAME_BYTES, FRAME_SAMPLES, RATE
from drivers.sound.pulse import PulseSound, PulseStream
from drivers.sound.settings import SoundSettings
from drivers.sound.simulated import SimulatedSound
from kiosk.call.media import LoudspeakerSink, MicrophoneTrack
from tests.support.sound_server import (
    LOUDSPEAKER,
    MICROPHONE,
    SoundServer,
    power_db,
    sound_server,
    speech_like,
)


class ClerkVoice(MediaStreamTrack):
    """The clerk's voice as the terminal receives it: 20 ms stereo frames in real time."""

    kind = "audio"

    def __init__(self, pcm: bytes) -> None:
        super().__init__()
        self._pcm = pcm
        self._sent = 0
        self._start: float | None = None

    async def recv(self) -> AudioFrame:
        loop = asyncio.get_running_loop()
        if self._start is None:
            self._start = loop.time()
        offset = self._sent * FRAME_BYTES
        if offset >= len(self._pcm) or self.readyState != "live":
            self.stop()
            raise MediaStreamError
        await asyncio.sleep(self._start + self._sent * FRAME_SAMPLES / RATE - loop.time())
        mono = np.frombuffer(self._pcm[offset : offset + FRAME_BYTES], "<i2")
        stereo = np.repeat(mono, 2).reshape(1, -1)  # packed left, right
        frame = AudioFrame.from_ndarray(stereo, format="s16", layout="stereo")
        frame.sample_rate = RATE
        frame.pts = self._sent * FRAME_SAMPLES
        frame.time_base = fractions.Fraction(1, RATE)
        self._sent += 1
        return frame


async def send(track: MicrophoneTrack, seconds: float) -> bytes:
    """What the call would send to the clerk for ``seconds``."""
    pcm = []
    for _ in range(int(seconds / 0.02)):
        frame: Any = await track.recv()
        assert frame.sample_rate == RATE and frame.layout.name == "mono"
        pcm.append(bytes(frame.planes[0])[: frame.samples * 2])
    return b"".join(pcm)


@pytest.fixture
def server() -> Iterator[SoundServer]:
    with sound_server() as running:
        yield running


def test_the_call_plays_the_clerk_and_sends_back_no_echo(server: SoundServer) -> None:
    sound = PulseSound(
        SoundSettings(server=server.address, microphone=MICROPHONE, loudspeaker=LOUDSPEAKER)
    )
    sound.devices()  # (the canceller, set up as the first call would)
    bare: list[bytes] = []
    listening = threading.Event()

    def listen() -> None:
        microphone = PulseStream(
            server.address, MICROPHONE, record=True, name="bare", latency_bytes=FRAME_BYTES
        )
        listening.set()
        for _ in range(int(6.5 / 0.02)):
            bare.append(microphone.read())
        microphone.close()

    async def call() -> tuple[bytes, LoudspeakerSink]:
        clerk = ClerkVoice(speech_like(6.0, seed=3))
        loudspeaker = LoudspeakerSink(sound)
        microphone = MicrophoneTrack(sound)
        playing = asyncio.ensure_future(loudspeaker.consume(clerk))
        sent = await send(microphone, 6.5)
        microphone.stop()
        await playing
        return sent, loudspeaker

    listener = threading.Thread(target=listen)
    listener.start()
    listening.wait(5)
    sent, loudspeaker = asyncio.run(call())
    listener.join(30)
    # (A sound server short of CPU plays slower than real time: the oldest frames go.)
    assert loudspeaker.received >= 250 and loudspeaker.played >= 150
    window = slice(2 * RATE * 2, 6 * RATE * 2)
    heard, returned = power_db(b"".join(bare)[window]), power_db(sent[window])
    print(f"echo in the call: {heard:.1f} dBFS heard, {returned:.1f} dBFS sent back")
    assert heard > -40  # the loudspeaker did play the clerk
    assert heard - returned >= 15.0


def test_the_simulated_microphone_is_a_tone_and_muting_silences_it() -> None:
    async def call() -> tuple[bytes, bytes]:
        track = MicrophoneTrack(SimulatedSound(level=0.2))
        loud = await send(track, 0.4)
        track.muted = True
        await send(track, 0.1)  # (frames already read ahead)
        quiet = await send(track, 0.2)
        track.stop()
        return loud, quiet

    loud, quiet = asyncio.run(call())
    assert power_db(loud) > -20 and power_db(quiet) == -120.0


def test_without_a_microphone_the_call_sends_silence_in_time() -> None:
    broken = PulseSound(SoundSettings(server="unix:/nonexistent/native"))

    async def call(track: MicrophoneTrack) -> tuple[bytes, float]:
        loop = asyncio.get_running_loop()
        started = loop.time()
        pcm = await send(track, 0.5)
        track.stop()
        return pcm, loop.time() - started

    for track in (MicrophoneTrack(None), MicrophoneTrack(broken)):
        pcm, took = asyncio.run(call(track))
        assert power_db(pcm) == -120.0
        assert 0.4 < took < 1.5  # paced as a microphone would be, no flood of frames
        assert track.failed


def test_the_simulated_loudspeaker_hears_the_clerk() -> None:
    sound = SimulatedSound()

    async def call() -> LoudspeakerSink:
        sink = LoudspeakerSink(sound)
        await sink.consume(ClerkVoice(speech_like(0.5, seed=5)))
        return sink

    sink = asyncio.run(call())
    assert sink.received == 25 and sink.level > 0.01
    deadline = asyncio.run(asyncio.sleep(0.3, result=True))
    assert deadline and sound.played_frames > 0 and sound.played_level > 0.01
