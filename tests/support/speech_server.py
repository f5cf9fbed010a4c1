"""A private speech-dispatcher (espeak-ng's voices) speaking into a private sound server.

Qt's speech engine talks to speech-dispatcher through libspeechd, which finds it through
``SPEECHD_ADDRESS``; this one has its own configuration, socket and logs, and plays into the
sound server's loudspeaker (tests/support/sound_server.py), whose monitor the tests record.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.sound_server import LOUDSPEAKER, SoundServer

RATE = 48_000


@dataclass(frozen=True)
class SpeechServer:
    #: What ``SPEECHD_ADDRESS`` is set to.
    address: str
    folder: Path


def speech_dispatcher() -> str:
    found = shutil.which("speech-dispatcher")
    if found is None:
        raise RuntimeError(
            "speech-dispatcher is missing: scripts/test installs it (Debian speech-dispatcher,"
            " speech-dispatcher-espeak-ng, espeak-ng)"
        )
    return found


@contextmanager
def speech_server(sound: SoundServer) -> Iterator[SpeechServer]:
    with tempfile.TemporaryDirectory(prefix="pop-speechd-") as name:
        folder = Path(name)
        conf = folder / "conf"
        shutil.copytree("/etc/speech-dispatcher", conf)
        settings = conf / "speechd.conf"
        settings.write_text(
            settings.read_text(encoding="utf-8")
            + '\nAudioOutputMethod "pulse"\nDefaultModule espeak-ng\n'
            + 'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\n',
            encoding="utf-8",
        )
        socket = folder / "speechd.sock"
        env = {**os.environ, "PULSE_SERVER": sound.address, "HOME": str(folder)}
        log = (folder / "speechd.out").open("w")
        process = subprocess.Popen(
            [speech_dispatcher(), "--run-single", "--timeout", "0", "--config-dir", str(conf),
             "--communication-method", "unix_socket", "--socket-path", str(socket),
             "--log-dir", str(folder), "--pid-file", str(folder / "speechd.pid")],
            env=env,
            stdout=log,
            stderr=log,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 15
            while not socket.exists():
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        "speech-dispatcher did not start: "
                        + (folder / "speechd.out").read_text(errors="replace")[-2000:]
                    )
                time.sleep(0.05)
            yield SpeechServer(f"unix_socket:{socket}", folder)
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()


@dataclass
class Recording:
    """What the loudspeaker played, as s16le mono at RATE, with when each chunk arrived."""

    chunks: list[tuple[float, bytes]] = field(default_factory=list)

    def since(self, t0: float) -> bytes:
        return b"".join(chunk for at, chunk in self.chunks if at >= t0)

    def first_sound_after(self, t0: float, threshold: int = 300) -> float | None:
        """When (time.monotonic) the first sample louder than ``threshold`` arrived after t0,
        to the chunk (~10 ms)."""
        import numpy as np

        for at, chunk in self.chunks:
            if at < t0:
                continue
            samples = np.frombuffer(chunk, "<i2")
            loud = np.nonzero(np.abs(samples.astype(np.int32)) > threshold)[0]
            if loud.size:
                # (the chunk arrived when its last sample did: back-date to the loud one)
                return at - (samples.size - int(loud[0])) / RATE
        return None


@contextmanager
def recording(sound: SoundServer, sink: str = LOUDSPEAKER) -> Iterator[Recording]:
    """Record ``sink``'s monitor while the block runs (parec, 10 ms chunks)."""
    found = Recording()
    process = subprocess.Popen(
        ["parec", "--server", sound.address.removeprefix("unix:"), "-d", f"{sink}.monitor",
         "--format=s16le", f"--rate={RATE}", "--channels=1", "--latency-msec=10"],
        stdout=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None
    stdout = process.stdout

    def read() -> None:
        while True:
            chunk = stdout.read1(960)  # type: ignore[attr-defined]
            if not chunk:
                return
            found.chunks.append((time.monotonic(), chunk))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        time.sleep(0.2)  # (the stream is connected and flowing)
        yield found
    finally:
        process.terminate()
        process.wait(5)
        reader.join(5)
        stdout.close()
