"""The simulated sound: a microphone that hears a steady tone (the clerk hears the terminal is
connected), and a loudspeaker that plays nothing but keeps the level it was given. Both keep
real time, as a sound card's clock would. The headset jack is a switch the demo and the tests
set; the voice that reads aloud is the real one (speech-dispatcher), as a demo should be heard."""

from __future__ import annotations

import math
import threading
import time
from typing import TYPE_CHECKING

from drivers.sound.base import FRAME_S, FRAME_SAMPLES, RATE

if TYPE_CHECKING:
    from drivers.sound.speech import SpeechDispatcher


class SimulatedMicrophone:
    def __init__(self, frequency_hz: float, level: float) -> None:
        self._frequency = frequency_hz
        self._level = level
        self._samples = 0
        self._start = time.monotonic()

    def read(self) -> bytes:
        import numpy as np

        due = self._start + (self._samples + FRAME_SAMPLES) / RATE
        wait = due - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        elif wait < -1.0:  # the reader paused: go on from now, with no burst to catch up
            self._start, self._samples = time.monotonic(), 0
        t = (np.arange(FRAME_SAMPLES) + self._samples) / RATE
        self._samples += FRAME_SAMPLES
        wave = np.sin(2 * math.pi * self._frequency * t) * self._level * 32767
        return bytes(wave.astype("<i2").tobytes())

    def close(self) -> None:
        pass


class SimulatedLoudspeaker:
    def __init__(self, sound: SimulatedSound) -> None:
        self._sound = sound
        self._played_s = 0.0
        self._start = time.monotonic()

    def write(self, pcm: bytes) -> None:
        import numpy as np

        samples = np.frombuffer(pcm, "<i2").astype(np.float32) / 32768.0
        if samples.size:
            self._sound.record_level(float(np.sqrt(np.mean(samples**2))))
        # Paced like a sound card playing it.
        self._played_s += samples.size / RATE
        wait = self._start + self._played_s - FRAME_S - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        elif wait < -1.0:
            self._start, self._played_s = time.monotonic(), 0.0

    def close(self) -> None:
        pass


class SimulatedSound:
    def __init__(self, frequency_hz: float = 440.0, level: float = 0.2) -> None:
        self._frequency = frequency_hz
        self._level = level
        self._lock = threading.Lock()
        #: The loudest frame played so far (RMS, 0..1): the tests see the clerk was heard.
        self.played_level = 0.0
        self.played_frames = 0
        #: A headset in the jack (the demo's controls and the tests plug one in).
        self.headset = False
        self._speech: SpeechDispatcher | None = None

    def headset_plugged(self) -> bool:
        return self.headset

    def speech(self) -> SpeechDispatcher:
        """The real voice (the demo reads aloud on the machine's own speech-dispatcher)."""
        if self._speech is None:
            from drivers.sound.speech import SpeechDispatcher

            self._speech = SpeechDispatcher()
        return self._speech

    def describe(self) -> str:
        return "simulated sound (a tone)"

    def close(self) -> None:
        if self._speech is not None:
            self._speech.close()

    def open_microphone(self) -> SimulatedMicrophone:
        return SimulatedMicrophone(self._frequency, self._level)

    def open_loudspeaker(self) -> SimulatedLoudspeaker:
        return SimulatedLoudspeaker(self)

    def record_level(self, level: float) -> None:
        with self._lock:
            self.played_level = max(self.played_level, level)
            self.played_frames += 1
