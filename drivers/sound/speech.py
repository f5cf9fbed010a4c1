"""Speech output through speech-dispatcher (espeak-ng's voices), spoken over its own protocol.

speech-dispatcher is a server of its own that plays into the sound server; this client talks
SSIP (its text protocol) over the server's socket, on a thread of its own, so the screens never
wait for it. Qt's TextToSpeech was tried first: its speech-dispatcher plugin lists every voice
when it is made (1,530 with espeak-ng; 1.4 s of CPU here), holding the interpreter and with it
the screens; this client sets the language and the plain voice of it by name instead (Qt, and
speech-dispatcher left to itself, may pick one of espeak-ng's variants such as "German+Annie").

A new text cancels what was being said (and what was queued) first: the citizen hears the
screen in front of them, never the one before. Where the server is not running the client
starts it, as libspeechd does (``speech-dispatcher --spawn``). Without a sound server,
speech-dispatcher must be told ``AudioOutputMethod "alsa"`` or it never finishes a sentence
(docs/ACCESSIBILITY.md).
"""

from __future__ import annotations

import logging
import os
import queue
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

__all__ = ["VOICES", "SpeechDispatcher", "default_address", "escape"]

log = logging.getLogger(__name__)

#: The plain espeak-ng voice of each screen language, by the name speech-dispatcher lists.
VOICES = {
    "de": "German",
    "en": "English (Great Britain)",
    "tr": "Turkish",
    "ar": "Arabic",
    "uk": "Ukrainian",
    "ru": "Russian",
}
CONNECT_TIMEOUT_S = 5.0
#: After a failed connection, the next attempt waits at least this long (a missing server is
#: not asked for at every screen).
RETRY_AFTER_S = 30.0


def default_address() -> str:
    """``$SPEECHD_ADDRESS``, or the user's own server's socket (where libspeechd looks)."""
    found = os.environ.get("SPEECHD_ADDRESS", "")
    if found:
        return found
    runtime = os.environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}"
    return f"unix_socket:{runtime}/speech-dispatcher/speechd.sock"


def escape(text: str) -> bytes:
    """``text`` as SSIP's SPEAK takes it: CRLF lines, a line with a lone "." doubled, then
    the end mark."""
    lines = [("." + line if line.startswith(".") else line) for line in text.splitlines()]
    return ("\r\n".join(lines or [""]) + "\r\n.\r\n").encode("utf-8")


class SpeechError(OSError):
    pass


class _Connection:
    def __init__(self, address: str) -> None:
        kind, _, where = address.partition(":")
        if kind == "unix_socket":
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            target: str | tuple[str, int] = where
        elif kind == "inet_socket":
            host, _, port = where.rpartition(":")
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            target = (host or "127.0.0.1", int(port or 6560))
        else:
            raise SpeechError(f"not a speech-dispatcher address: {address!r}")
        sock.settimeout(CONNECT_TIMEOUT_S)
        try:
            sock.connect(target)
        except OSError:
            sock.close()
            raise
        self._sock = sock
        self._file = sock.makefile("rb")

    def command(self, line: str, data: bytes | None = None) -> str:
        """Send one command (and its data, for SPEAK); the server's final reply line."""
        self._sock.sendall(line.encode("utf-8") + b"\r\n")
        reply = self._reply()
        if data is not None:
            if not reply.startswith("230"):
                raise SpeechError(f"SPEAK refused: {reply}")
            self._sock.sendall(data)
            reply = self._reply()
        if not reply[:1] == "2":
            raise SpeechError(f"{line.split()[0]}: {reply}")
        return reply

    def _reply(self) -> str:
        while True:
            raw = self._file.readline()
            if not raw:
                raise SpeechError("speech-dispatcher closed the connection")
            line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
            if line[3:4] == " ":  # (a final line: "225 OK MESSAGE QUEUED"; "225-7" precedes)
                return line

    def close(self) -> None:
        self._file.close()
        self._sock.close()


class SpeechDispatcher:
    """Speech output (kiosk.read_aloud.SpeechOutput) on speech-dispatcher at ``address``."""

    def __init__(self, address: str = "", autospawn: bool = True) -> None:
        self.address = address or default_address()
        self._autospawn = autospawn and not address
        self._work: queue.Queue[tuple[str, str, float, float] | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        #: When (time.monotonic) the last text was handed to the server (the bench reads it).
        self.spoken_at = 0.0
        #: Called (on the speech thread) with each text once the server has queued it.
        self.on_spoken: Callable[[str], None] | None = None
        #: The voice last set (speech-dispatcher's name for it).
        self.voice = ""
        self._retry_at = 0.0

    def describe(self) -> str:
        return f"speech-dispatcher at {self.address}"

    # --- speech output (any thread; never waits) --------------------------------------------

    def say(self, text: str, language: str, rate: float, volume: float) -> None:
        self._post(("say", text, language, rate, volume))

    def stop(self) -> None:
        self._post(("stop", "", "", 0.0, 0.0))

    def close(self) -> None:
        with self._lock:
            if self._thread is not None:
                self._work.put(None)

    def _post(self, job: tuple[str, str, str, float, float]) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="speech", daemon=True)
                self._thread.start()
        self._work.put(job)  # type: ignore[arg-type]

    # --- the speech thread -------------------------------------------------------------------

    def _run(self) -> None:
        connection: _Connection | None = None
        voice: tuple[str, int, int] | None = None
        while True:
            job = self._work.get()
            if job is None:
                break
            # Only the newest text counts: what came before it would be cancelled at once.
            while not self._work.empty():
                newer = self._work.get()
                if newer is None:
                    job = None
                    break
                job = newer
            if job is None:
                break
            kind, text, language, rate, volume = job  # type: ignore[misc]
            try:
                if connection is None:
                    if time.monotonic() < self._retry_at:
                        continue
                    connection = self._connect()
                    voice = None
                connection.command("CANCEL self")
                if kind != "say" or not text.strip():
                    continue
                wanted = (language, round(rate * 100), round(volume * 200 - 100))
                if wanted != voice:
                    connection.command(f"SET self LANGUAGE {language}")
                    name = VOICES.get(language)
                    if name:
                        connection.command(f'SET self SYNTHESIS_VOICE "{name}"')
                        self.voice = name
                    connection.command(f"SET self RATE {max(-100, min(100, wanted[1]))}")
                    connection.command(f"SET self VOLUME {max(-100, min(100, wanted[2]))}")
                    voice = wanted
                connection.command("SPEAK", escape(text))
                self.spoken_at = time.monotonic()
                if self.on_spoken is not None:
                    self.on_spoken(text)
            except Exception as exc:  # noqa: BLE001 - one text lost, never the voice for good
                log.warning("speech: %s", exc if isinstance(exc, OSError) else type(exc).__name__)
                if connection is not None:
                    connection.close()
                connection = None
                self._retry_at = time.monotonic() + RETRY_AFTER_S
        if connection is not None:
            connection.close()

    def _connect(self) -> _Connection:
        try:
            connection = _Connection(self.address)
        except (FileNotFoundError, ConnectionRefusedError):
            if not self._autospawn:
                raise
            self._spawn()
            connection = _Connection(self.address)
        try:
            connection.command("SET self CLIENT_NAME user:pop:read-aloud")
        except OSError:
            connection.close()
            raise
        return connection

    def _spawn(self) -> None:
        program = shutil.which("speech-dispatcher")
        if program is None:
            raise SpeechError("speech-dispatcher is not installed (Debian: speech-dispatcher)")
        kind, _, where = self.address.partition(":")
        args = [program, "--spawn", "--communication-method", "unix_socket"]
        if kind == "unix_socket":
            args += ["--socket-path", where]
        try:
            subprocess.run(args, check=False, timeout=10, capture_output=True)
        except subprocess.SubprocessError as exc:
            raise SpeechError(f"speech-dispatcher did not start: {exc}") from exc
        deadline = time.monotonic() + CONNECT_TIMEOUT_S
        while kind == "unix_socket" and not Path(where).exists():
            if time.monotonic() > deadline:
                raise SpeechError("speech-dispatcher did not start")
            time.sleep(0.05)
