"""The call's media on the terminal: the camera's frames as a WebRTC video track, a synthetic
voice for tests and the demo, and sinks that take the clerk's video and sound.

The camera is not opened a second time: :class:`CameraTrack` is one more consumer of the
camera's newest-frame slot (:class:`drivers.camera.frames.LatestFrame`), as the preview and the
analysers are. It paces itself at the call's frame rate and sends the newest frame each time,
scaled to the call's size, or black while the citizen has turned the camera off. The clerk's
video goes into a slot of the same kind, from which the UI draws it as it draws the preview.
"""

from __future__ import annotations

import asyncio
import fractions
import math
import time
from typing import TYPE_CHECKING, Any

from aiortc.mediastreams import MediaStreamError, MediaStreamTrack, VideoStreamTrack
from av import AudioFrame, VideoFrame

from drivers.camera.frames import LatestFrame

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

#: What the clerk gets: VGA keeps a two-way call at ~40 % of a core on a small terminal (aiortc's
#: VP8 at 720p takes ~76 %, FIELD-NOTES).
CALL_WIDTH = 640
CALL_HEIGHT = 480
AUDIO_RATE = 48_000
AUDIO_PTIME_S = 0.020


class CameraTrack(VideoStreamTrack):
    """The terminal's camera, as the clerk sees it."""

    def __init__(self, frames: LatestFrame | None) -> None:
        super().__init__()
        self._frames = frames
        self._demand = frames.want() if frames is not None else None
        self._enabled = True
        self.sent = 0

    @property
    def enabled(self) -> bool:
        return self._enabled

    @enabled.setter
    def enabled(self, on: bool) -> None:
        """The citizen's "camera off": black frames, and the camera no longer wanted for the
        call (it rests, and its lamp goes out, unless the preview still wants it)."""
        self._enabled = on
        if on and self._demand is None and self._frames is not None and self.readyState == "live":
            self._demand = self._frames.want()
        elif not on and self._demand is not None:
            self._demand.release()
            self._demand = None

    async def recv(self) -> VideoFrame:
        pts, time_base = await self.next_timestamp()
        frame = self._frames.latest() if (self._frames is not None and self._enabled) else None
        if frame is None:
            video = _black()
        else:
            video = VideoFrame.from_ndarray(_scaled(frame.pixels), format="bgr24")
        video.pts = pts
        video.time_base = time_base
        self.sent += 1
        return video

    def stop(self) -> None:
        super().stop()
        demand, self._demand = self._demand, None
        if demand is not None:
            demand.release()


def _scaled(pixels: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    import cv2
    import numpy as np

    if pixels.shape[1] == CALL_WIDTH and pixels.shape[0] == CALL_HEIGHT:
        return pixels
    scaled: npt.NDArray[np.uint8] = cv2.resize(
        pixels, (CALL_WIDTH, CALL_HEIGHT), interpolation=cv2.INTER_AREA
    ).astype(np.uint8, copy=False)
    return scaled


def _black() -> VideoFrame:
    import numpy as np

    return VideoFrame.from_ndarray(np.zeros((CALL_HEIGHT, CALL_WIDTH, 3), np.uint8), format="bgr24")


class ToneTrack(MediaStreamTrack):
    """A steady tone instead of a microphone (tests, the demo): the clerk hears the terminal."""

    kind = "audio"

    def __init__(self, frequency_hz: float = 440.0, level: float = 0.2) -> None:
        super().__init__()
        self._frequency = frequency_hz
        self._level = level
        self._start: float | None = None
        self._samples = 0
        self.muted = False

    async def recv(self) -> AudioFrame:
        if self.readyState != "live":
            raise MediaStreamError
        import numpy as np

        per_frame = int(AUDIO_PTIME_S * AUDIO_RATE)
        if self._start is None:
            self._start = time.time()
        else:
            wait = self._start + (self._samples + per_frame) / AUDIO_RATE - time.time()
            await asyncio.sleep(wait)
            self._samples += per_frame
        t = (np.arange(per_frame) + self._samples) / AUDIO_RATE
        level = 0.0 if self.muted else self._level
        wave = (np.sin(2 * math.pi * self._frequency * t) * level * 32767).astype(np.int16)
        frame = AudioFrame.from_ndarray(wave.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = AUDIO_RATE
        frame.pts = self._samples
        frame.time_base = fractions.Fraction(1, AUDIO_RATE)
        return frame


class VideoSink:
    """The clerk's video: each decoded frame becomes the newest in :attr:`frames`."""

    def __init__(self) -> None:
        self.frames = LatestFrame()
        self.received = 0
        #: When the first frame was decoded (``time.monotonic()``; 0: none yet).
        self.first_at = 0.0

    def has_frames(self) -> bool:
        return self.received > 0

    async def consume(self, track: MediaStreamTrack) -> None:
        while True:
            try:
                frame: Any = await track.recv()
            except MediaStreamError:
                return
            self.frames.publish(frame.to_ndarray(format="bgr24"))
            if not self.received:
                self.first_at = time.monotonic()
            self.received += 1


class AudioSink:
    """The clerk's voice: its level (RMS, 0..1) is kept; playing it through the loudspeaker
    is the sound server's part (a later step)."""

    def __init__(self) -> None:
        self.received = 0
        self.level = 0.0

    async def consume(self, track: MediaStreamTrack) -> None:
        import numpy as np

        while True:
            try:
                frame: Any = await track.recv()
            except MediaStreamError:
                return
            samples = frame.to_ndarray().astype(np.float32) / 32768.0
            self.level = float(np.sqrt(np.mean(samples**2))) if samples.size else 0.0
            self.received += 1
