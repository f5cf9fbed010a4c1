"""The call's media on the terminal: the camera's frames and the microphone's sound as WebRTC
tracks, and sinks that take the clerk's video (to the screen) and sound (to the loudspeaker).

The camera is not opened a second time: :class:`CameraTrack` is one more consumer of the
camera's newest-frame slot (:class:`drivers.camera.frames.LatestFrame`), as the preview and the
analysers are. It paces itself at the call's frame rate and sends the newest frame each time,
scaled to the call's size, or black while the citizen has turned the camera off. The clerk's
video goes into a slot of the same kind, from which the UI draws it as it draws the preview.
"""

from __future__ import annotations

import asyncio
import fractions
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from aiortc.mediastreams import MediaStreamError, MediaStreamTrack, VideoStreamTrack
from av import AudioFrame, VideoFrame

from drivers.camera.frames import LatestFrame
from drivers.sound.base import FRAME_BYTES, FRAME_SAMPLES, RATE, SAMPLE_BYTES, Sound

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

#: What the clerk gets: VGA keeps a two-way call at ~40 % of a core on a small terminal (aiortc's
#: VP8 at 720p takes ~76 %, FIELD-NOTES).
CALL_WIDTH = 640
CALL_HEIGHT = 480
#: Sound frames (20 ms each) that may wait between the sound device and the call: more, and
#: the oldest go (a voice heard late is worse than a gap of 20 ms).
MAX_BACKLOG_FRAMES = 5

log = logging.getLogger(__name__)


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


class MicrophoneTrack(MediaStreamTrack):
    """The citizen's voice: the terminal's microphone (:class:`drivers.sound.base.Sound`),
    read on a thread of its own (a read blocks for its 20 ms) and handed to the call's loop.

    Muted, it sends silence. Without a microphone (none configured, or it failed) it sends
    silence too, paced as the microphone would be: the call goes on with picture and chat.
    """

    kind = "audio"

    def __init__(self, sound: Sound | None, on_failed: Callable[[], None] | None = None) -> None:
        super().__init__()
        self._sound = sound
        #: Called on the call's loop when the microphone cannot be had (the clerk is told).
        self._on_failed = on_failed
        self._queue: asyncio.Queue[bytes] | None = None
        self._reader: threading.Thread | None = None
        self._stopping = threading.Event()
        self._samples = 0
        self._silence_since: float | None = None
        self._silent = 0
        self.muted = False
        #: The microphone could not be opened or stopped giving sound.
        self.failed = sound is None

    async def recv(self) -> AudioFrame:
        if self.readyState != "live":
            raise MediaStreamError
        if self._reader is None and not self.failed:
            self._start_reader()
        elif self._reader is None and self._samples == 0 and self._on_failed is not None:
            self._on_failed()  # no microphone at all
        pcm = b""
        if not self.failed and self._queue is not None:
            pcm = await self._queue.get()
        if not pcm:  # no microphone: silence, in real time
            pcm = await self._silence()
        frame = _audio_frame(bytes(FRAME_BYTES) if self.muted else pcm, self._samples)
        self._samples += FRAME_SAMPLES
        return frame

    async def _silence(self) -> bytes:
        now = time.monotonic()
        if self._silence_since is None:
            self._silence_since = now
        else:
            self._silent += FRAME_SAMPLES
            await asyncio.sleep(self._silence_since + self._silent / RATE - now)
        return bytes(FRAME_BYTES)

    def _start_reader(self) -> None:
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[bytes] = asyncio.Queue()
        self._queue = queue

        def hand_over(pcm: bytes) -> None:
            if not pcm and self._on_failed is not None:
                self._on_failed()
            while queue.qsize() >= MAX_BACKLOG_FRAMES:  # the loop fell behind: the newest count
                queue.get_nowait()
            queue.put_nowait(pcm)

        def read() -> None:
            assert self._sound is not None
            try:
                microphone = self._sound.open_microphone()
            except Exception as exc:  # noqa: BLE001 - a fault of the sound stack: told alike
                log.warning("call: no microphone, the call goes on without sound: %s", exc)
                self.failed = True
                _post(loop, hand_over, b"")
                return
            try:
                while not self._stopping.is_set():
                    if not _post(loop, hand_over, microphone.read()):
                        return
            except Exception as exc:  # noqa: BLE001 - the same
                log.warning("call: the microphone stopped: %s", exc)
                self.failed = True
                _post(loop, hand_over, b"")
            finally:
                microphone.close()

        self._reader = threading.Thread(target=read, name="call-microphone", daemon=True)
        self._reader.start()

    def stop(self) -> None:
        super().stop()
        self._stopping.set()  # the reader closes the microphone after its current frame


def _post(loop: asyncio.AbstractEventLoop, hand_over: Callable[[bytes], None], pcm: bytes) -> bool:
    """``hand_over(pcm)`` on ``loop``; False once the loop is gone (the call ended)."""
    try:
        loop.call_soon_threadsafe(hand_over, pcm)
    except RuntimeError:
        return False
    return True


def _audio_frame(pcm: bytes, pts: int) -> AudioFrame:
    import numpy as np

    samples = np.frombuffer(pcm, "<i2").reshape(1, -1)
    frame = AudioFrame.from_ndarray(samples, format="s16", layout="mono")
    frame.sample_rate = RATE
    frame.pts = pts
    frame.time_base = fractions.Fraction(1, RATE)
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


class LoudspeakerSink:
    """The clerk's voice: played through the terminal's loudspeaker (a thread of its own, as
    writing blocks while the device's buffer is full), and its level kept (RMS, 0..1).

    No more than :data:`MAX_BACKLOG_FRAMES` wait to be played: when the loudspeaker falls
    behind, the oldest sound is dropped rather than the clerk heard ever later."""

    def __init__(self, sound: Sound | None, on_failed: Callable[[], None] | None = None) -> None:
        self._sound = sound
        #: Called on the call's loop when the loudspeaker cannot be had (the clerk is told).
        self._on_failed = on_failed
        self.received = 0
        self.level = 0.0
        #: Frames handed to the loudspeaker.
        self.played = 0

    async def consume(self, track: MediaStreamTrack) -> None:
        import numpy as np
        from av.audio.resampler import AudioResampler

        pending: deque[bytes] = deque(maxlen=MAX_BACKLOG_FRAMES)
        wake = threading.Event()
        done = threading.Event()
        loop = asyncio.get_running_loop()
        if self._sound is not None:
            threading.Thread(
                target=self._play,
                args=(self._sound, pending, wake, done, loop),
                name="call-loudspeaker",
                daemon=True,
            ).start()
        resampler = AudioResampler(format="s16", layout="mono", rate=RATE)
        try:
            while True:
                try:
                    frame: Any = await track.recv()
                except MediaStreamError:
                    return
                samples = frame.to_ndarray().astype(np.float32) / 32768.0
                self.level = float(np.sqrt(np.mean(samples**2))) if samples.size else 0.0
                self.received += 1
                if self._sound is None:
                    continue
                for out in resampler.resample(frame):
                    pending.append(bytes(out.planes[0])[: out.samples * SAMPLE_BYTES])
                wake.set()
        finally:
            done.set()
            wake.set()

    def _play(
        self,
        sound: Sound,
        pending: deque[bytes],
        wake: threading.Event,
        done: threading.Event,
        loop: asyncio.AbstractEventLoop,
    ) -> None:
        try:
            loudspeaker = sound.open_loudspeaker()
        except Exception as exc:  # noqa: BLE001 - a fault of the sound stack: told alike
            log.warning("call: no loudspeaker, the clerk is not heard: %s", exc)
            self._failed(loop)
            return
        try:
            while not done.is_set():
                wake.wait(0.25)
                wake.clear()
                while pending and not done.is_set():
                    loudspeaker.write(pending.popleft())
                    self.played += 1
        except Exception as exc:  # noqa: BLE001 - the same
            log.warning("call: the loudspeaker stopped: %s", exc)
            self._failed(loop)
        finally:
            loudspeaker.close()

    def _failed(self, loop: asyncio.AbstractEventLoop) -> None:
        if self._on_failed is not None:
            with suppress(RuntimeError):  # (the call's loop is gone: nobody to tell)
                loop.call_soon_threadsafe(self._on_failed)
