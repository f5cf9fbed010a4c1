"""A private PulseAudio sound server with a synthetic room, for the call's sound tests.

The room: a loudspeaker (a null sink) whose sound reaches the air (a second null sink) through
a loopback with the delay of a room and a loudspeaker's way to the microphone, and a microphone
that records the air (its monitor). A "citizen" speaks into the air directly. Nothing reaches
a real sound card; the server has its own runtime folder and socket, and stops with the test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

#: The loudspeaker (sink) and the microphone (source) the terminal is configured with.
LOUDSPEAKER = "room_loudspeaker"
AIR = "room_air"
MICROPHONE = f"{AIR}.monitor"
#: The loudspeaker's sound reaches the microphone this much later (room, buffers).
ECHO_DELAY_MS = 40

_CONFIG = f"""
load-module module-native-protocol-unix auth-anonymous=1 socket={{socket}}
load-module module-null-sink sink_name={LOUDSPEAKER} rate=48000 channels=1
load-module module-null-sink sink_name={AIR} rate=48000 channels=1
load-module module-loopback source={LOUDSPEAKER}.monitor sink={AIR} latency_msec={ECHO_DELAY_MS} \
source_dont_move=true sink_dont_move=true
"""


@dataclass(frozen=True)
class SoundServer:
    #: As the terminal's ``[sound] server`` takes it.
    address: str
    folder: Path


def pulseaudio() -> str:
    found = shutil.which("pulseaudio")
    if found is None:
        raise RuntimeError("pulseaudio is missing: scripts/test installs it (Debian pulseaudio)")
    return found


@contextmanager
def sound_server() -> Iterator[SoundServer]:
    """Run pulseaudio in the foreground with the synthetic room; yields its address."""
    with tempfile.TemporaryDirectory(prefix="pop-pulse-") as name:
        folder = Path(name)
        socket = folder / "native"
        (folder / "room.pa").write_text(_CONFIG.format(socket=socket), encoding="utf-8")
        env = {
            **os.environ,
            "HOME": str(folder),
            "XDG_RUNTIME_DIR": str(folder),
            "XDG_CONFIG_HOME": str(folder),
        }
        log = (folder / "pulseaudio.log").open("w")
        process = subprocess.Popen(
            [pulseaudio(), "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no",
             "--disable-shm=yes", "--log-target=stderr", "-F", str(folder / "room.pa")],
            env=env,
            stdout=log,
            stderr=log,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 15
            while not socket.exists():
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        "pulseaudio did not start: "
                        + (folder / "pulseaudio.log").read_text(errors="replace")[-2000:]
                    )
                time.sleep(0.05)
            yield SoundServer(f"unix:{socket}", folder)
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()


def speech_like(seconds: float, seed: int, level: float = 0.25) -> bytes:
    """Noise shaped like speech (syllables ~4 per second, most energy below ~3 kHz), as
    s16le 48 kHz mono: what an echo canceller meets in a call, where a steady tone is what
    its noise suppression is made to remove."""
    import math

    import numpy as np

    rate = 48_000
    n = int(seconds * rate)
    rng = np.random.default_rng(seed)
    noise = np.convolve(rng.standard_normal(n), np.ones(8) / 8, "same")
    t = np.arange(n) / rate
    syllables = ((1 + np.sin(2 * math.pi * 3.7 * t + seed)) / 2) ** 2
    pcm = np.clip(noise * syllables * level * 4, -1, 1) * 32767
    return bytes(pcm.astype("<i2").tobytes())


def power_db(pcm: bytes) -> float:
    """The mean power of s16le ``pcm`` in dB full scale (-120 for silence)."""
    import math

    import numpy as np

    samples = np.frombuffer(pcm, "<i2").astype(np.float64) / 32768.0
    power = float(np.mean(samples**2)) if samples.size else 0.0
    return 10 * math.log10(power) if power > 1e-12 else -120.0
