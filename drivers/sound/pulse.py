"""The microphone and loudspeaker through the sound server's PulseAudio protocol (PulseAudio
itself, or PipeWire's ``pipewire-pulse``), with its echo canceller in between.

Streams use libpulse's simple API (``libpulse-simple.so.0``, Debian ``libpulse0``) through
ctypes: a blocking read or write per 20 ms frame, on the caller's thread; ctypes lets go of the
GIL while it blocks. The echo canceller is set up through the server's control API
(:mod:`drivers.sound.echo_cancel`) the first time a stream is opened.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import threading
from contextlib import suppress
from functools import lru_cache
from typing import Any

from drivers.sound.base import CHANNELS, FRAME_BYTES, RATE, SoundError
from drivers.sound.headset import HeadsetWatch
from drivers.sound.settings import SoundSettings
from drivers.sound.speech import SpeechDispatcher

log = logging.getLogger(__name__)

_PA_SAMPLE_S16LE = 3
_PA_STREAM_PLAYBACK = 1
_PA_STREAM_RECORD = 2
_DEFAULT = 0xFFFFFFFF  # (uint32_t) -1: the server chooses


class _SampleSpec(ctypes.Structure):
    _fields_ = [("format", ctypes.c_int), ("rate", ctypes.c_uint32), ("channels", ctypes.c_uint8)]


class _BufferAttr(ctypes.Structure):
    _fields_ = [
        ("maxlength", ctypes.c_uint32),
        ("tlength", ctypes.c_uint32),
        ("prebuf", ctypes.c_uint32),
        ("minreq", ctypes.c_uint32),
        ("fragsize", ctypes.c_uint32),
    ]


@lru_cache(maxsize=1)
def _libraries() -> tuple[Any, Any]:
    try:
        simple = ctypes.CDLL("libpulse-simple.so.0")
        pulse = ctypes.CDLL("libpulse.so.0")
    except OSError as exc:
        raise SoundError(
            f"libpulse is not installed (Debian: apt install libpulse0): {exc}"
        ) from exc
    simple.pa_simple_new.restype = ctypes.c_void_p
    simple.pa_simple_new.argtypes = [
        ctypes.c_char_p,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_char_p,
        ctypes.POINTER(_SampleSpec),
        ctypes.c_void_p,
        ctypes.POINTER(_BufferAttr),
        ctypes.POINTER(ctypes.c_int),
    ]
    for name in ("pa_simple_read", "pa_simple_write"):
        function = getattr(simple, name)
        function.restype = ctypes.c_int
        function.argtypes = [
            ctypes.c_void_p,
            ctypes.c_void_p,
            ctypes.c_size_t,
            ctypes.POINTER(ctypes.c_int),
        ]
    simple.pa_simple_drain.restype = ctypes.c_int
    simple.pa_simple_drain.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int)]
    simple.pa_simple_free.restype = None
    simple.pa_simple_free.argtypes = [ctypes.c_void_p]
    pulse.pa_strerror.restype = ctypes.c_char_p
    pulse.pa_strerror.argtypes = [ctypes.c_int]
    return simple, pulse


def _error_text(code: int) -> str:
    text = _libraries()[1].pa_strerror(code)
    return text.decode("utf-8", "replace") if text else f"error {code}"


class PulseStream:
    """One record or playback stream (both of :class:`Microphone` and :class:`Loudspeaker`):
    opened, used and closed by one thread."""

    def __init__(
        self, server: str, device: str, *, record: bool, name: str, latency_bytes: int
    ) -> None:
        simple, _ = _libraries()
        spec = _SampleSpec(_PA_SAMPLE_S16LE, RATE, CHANNELS)
        attr = _BufferAttr(_DEFAULT, _DEFAULT, _DEFAULT, _DEFAULT, _DEFAULT)
        if record:
            attr.fragsize = latency_bytes  # handed over every frame, not in bigger lumps
        else:
            attr.tlength = latency_bytes  # no more queued at the server than this
        error = ctypes.c_int(0)
        handle = simple.pa_simple_new(
            server.encode() or None,
            b"Point of Public",
            _PA_STREAM_RECORD if record else _PA_STREAM_PLAYBACK,
            device.encode() or None,
            name.encode(),
            ctypes.byref(spec),
            None,
            ctypes.byref(attr),
            ctypes.byref(error),
        )
        if not handle:
            what = "microphone" if record else "loudspeaker"
            raise SoundError(f"{what} {device or '(default)'}: {_error_text(error.value)}")
        self._handle: int | None = handle
        self._simple = simple

    def read(self) -> bytes:
        buffer = ctypes.create_string_buffer(FRAME_BYTES)
        self._call("pa_simple_read", buffer, FRAME_BYTES)
        return buffer.raw

    def write(self, pcm: bytes) -> None:
        self._call("pa_simple_write", pcm, len(pcm))

    def _call(self, name: str, data: Any, size: int) -> None:
        if self._handle is None:
            raise SoundError("the sound stream is closed")
        error = ctypes.c_int(0)
        if getattr(self._simple, name)(self._handle, data, size, ctypes.byref(error)) < 0:
            raise SoundError(f"sound stream: {_error_text(error.value)}")

    def close(self) -> None:
        handle, self._handle = self._handle, None
        if handle is not None:
            self._simple.pa_simple_free(handle)


class PulseSound:
    """The terminal's microphone and loudspeaker on the sound server (``settings``)."""

    def __init__(self, settings: SoundSettings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        # libpulse and pulsectl are loaded here, on the thread that builds the devices, not
        # first on a call's sound thread (see drivers/camera/simulated.py: a first load of a
        # native library on a worker thread, while the GUI thread loaded a Qt plugin, once
        # deadlocked the kiosk). Missing, they are reported when a call opens a stream.
        with suppress(SoundError):
            _libraries()
        with suppress(ImportError):
            import pulsectl  # noqa: F401
        #: The devices the streams use: the echo canceller's, once it is set up.
        self._devices: tuple[str, str] | None = None
        self._headset: HeadsetWatch | None = None
        self._speech: SpeechDispatcher | None = None

    def headset_plugged(self) -> bool:
        if self._headset is None:
            self._headset = HeadsetWatch(
                self.settings.server, self.settings.headset, self._silence_speech
            )
        return self._headset.plugged()

    def _silence_speech(self) -> None:
        # (the headset's thread: a sentence with personal data must not go on aloud)
        if self._speech is not None:
            self._speech.stop()

    def speech(self) -> SpeechDispatcher:
        if self._speech is None:
            self._speech = SpeechDispatcher(self.settings.speech)
        return self._speech

    def close(self) -> None:
        if self._headset is not None:
            self._headset.close()
        if self._speech is not None:
            self._speech.close()

    def describe(self) -> str:
        s = self.settings
        where = s.server or "the default sound server"
        return f"sound on {where}" + (", echo cancelled" if s.echo_cancel else "")

    def devices(self) -> tuple[str, str]:
        """(microphone, loudspeaker) as the streams open them; sets up the echo canceller on
        first use (a blocking talk with the server: call it off the GUI thread)."""
        with self._lock:
            if self._devices is None:
                s = self.settings
                if s.echo_cancel:
                    from drivers.sound.echo_cancel import ensure_echo_canceller

                    self._devices = ensure_echo_canceller(s.server, s.microphone, s.loudspeaker)
                else:
                    self._devices = (s.microphone, s.loudspeaker)
            return self._devices

    def open_microphone(self) -> PulseStream:
        return self._open(record=True)

    def open_loudspeaker(self) -> PulseStream:
        return self._open(record=False)

    def _open(self, *, record: bool) -> PulseStream:
        try:
            return self._stream(record)
        except SoundError:
            # The sound server may have restarted since: its echo canceller went with it, and
            # is set up again (once) rather than every later call staying silent.
            with self._lock:
                self._devices = None
            return self._stream(record)

    def _stream(self, record: bool) -> PulseStream:
        microphone, loudspeaker = self.devices()
        if record:
            return PulseStream(
                self.settings.server,
                microphone,
                record=True,
                name="Anruf: Mikrofon",
                latency_bytes=FRAME_BYTES,
            )
        return PulseStream(
            self.settings.server,
            loudspeaker,
            record=False,
            name="Anruf: Lautsprecher",
            latency_bytes=RATE * 2 * CHANNELS * self.settings.playback_latency_ms // 1000,
        )
