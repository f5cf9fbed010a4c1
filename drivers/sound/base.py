"""What the call needs of the terminal's sound: a microphone that gives 20 ms of the citizen's
voice at a time, and a loudspeaker that takes the clerk's.

One format everywhere, WebRTC's own: 48 kHz, mono, signed 16-bit little-endian. Reading and
writing block (a sound device is paced by its clock), so each stream belongs to one thread of
its caller's, which opens, uses and closes it.
"""

from __future__ import annotations

from typing import Protocol

RATE = 48_000
CHANNELS = 1
#: Bytes per sample (s16le).
SAMPLE_BYTES = 2
#: One frame of sound: 20 ms, WebRTC's packet time.
FRAME_SAMPLES = 960
FRAME_BYTES = FRAME_SAMPLES * SAMPLE_BYTES * CHANNELS
FRAME_S = FRAME_SAMPLES / RATE


class SoundError(OSError):
    """No sound server, no such device, or a stream that broke: the call goes on without
    sound (picture and text), and says so."""


class Microphone(Protocol):
    def read(self) -> bytes:
        """The next :data:`FRAME_BYTES` of sound (blocks until they were recorded)."""
        ...

    def close(self) -> None: ...


class Loudspeaker(Protocol):
    def write(self, pcm: bytes) -> None:
        """Play ``pcm`` (whole samples; blocks while the device's buffer is full)."""
        ...

    def close(self) -> None: ...


class Speech(Protocol):
    """A voice reading text aloud (drivers.sound.speech); never waits for the engine."""

    def say(self, text: str, language: str, rate: float, volume: float) -> None:
        """Say ``text`` in ``language`` (rate -1..1 around normal, volume 0..1), cancelling
        what was being said."""

    def stop(self) -> None: ...


class Sound(Protocol):
    """The terminal's microphone and loudspeaker (opened per call, on the caller's thread)."""

    def open_microphone(self) -> Microphone: ...
    def open_loudspeaker(self) -> Loudspeaker: ...
    def describe(self) -> str: ...
    def headset_plugged(self) -> bool:
        """A headset is plugged in (the last the sound server said: never waits for it)."""

    def speech(self) -> Speech:
        """The voice that reads the screens aloud (made on first use, then the same)."""

    def close(self) -> None:
        """The voice and any watch on the sound server end (the terminal shuts down)."""
