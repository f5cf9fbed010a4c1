"""The voice (drivers.sound.speech) on a real speech-dispatcher with espeak-ng, heard on a
private sound server's loudspeaker: it speaks, the next text cancels the last, stop is
silence, a server that is not there is a log line and not an error."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.sound.speech import SpeechDispatcher, default_address, escape
from tests.support.sound_server import LOUDSPEAKER, SoundServer, power_db, sound_server
from tests.support.speech_server import SpeechServer, recording, speech_server


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[SoundServer, SpeechServer]]:
    with sound_server() as sound, speech_server(sound) as speech:
        yield sound, speech


def wait(condition: object, timeout_s: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def test_it_speaks_stops_and_the_newest_text_wins(
    servers: tuple[SoundServer, SpeechServer],
) -> None:
    sound, server = servers
    voice = SpeechDispatcher(server.address)
    spoken: list[str] = []
    voice.on_spoken = spoken.append
    with recording(sound) as rec:
        t0 = time.monotonic()
        voice.say("Guten Tag. " * 20, "de", 0.0, 0.6)
        assert wait(lambda: rec.first_sound_after(t0) is not None)
        assert voice.voice == "German"
        # A new text: the old one is cancelled, the new one heard (in Arabic, its own voice).
        voice.say("مرحبا " * 3, "ar", 0.2, 0.8)
        assert wait(lambda: voice.voice == "Arabic")
        time.sleep(0.3)
        voice.stop()
        stopped = time.monotonic()
        time.sleep(0.8)
        assert power_db(rec.since(stopped + 0.3)) < -60  # silent after stop
    assert spoken[0].startswith("Guten Tag") and spoken[-1].startswith("مرحبا")
    thread = voice._thread
    assert thread is not None and thread.is_alive()
    voice.close()  # (the terminal's close: kiosk.equipment → the sound → its voice)
    thread.join(5)
    assert not thread.is_alive()


def test_a_missing_server_is_logged_not_raised(
    caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    voice = SpeechDispatcher(f"unix_socket:{tmp_path / 'none.sock'}")
    with caplog.at_level(logging.WARNING, logger="drivers.sound.speech"):
        voice.say("Hallo", "de", 0.0, 0.5)
        voice.say("Hallo", "de", 0.0, 0.5)
        assert wait(lambda: "speech:" in caplog.text)
        time.sleep(0.2)
    assert len(caplog.records) == 1  # (not asked again at every screen)
    voice.close()


def test_the_users_own_server_is_started_when_none_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As libspeechd does: no SPEECHD_ADDRESS, nothing on the user's socket: started.
    monkeypatch.delenv("SPEECHD_ADDRESS", raising=False)
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_address() == f"unix_socket:{runtime}/speech-dispatcher/speechd.sock"
    voice = SpeechDispatcher()
    voice.say("Test", "en", 0.0, 0.5)
    try:
        assert wait(lambda: voice.spoken_at > 0, 15)
    finally:
        voice.close()
        pid = runtime / "speech-dispatcher" / "pid" / "speech-dispatcher.pid"
        if pid.exists():
            os.kill(int(pid.read_text().split()[0]), 15)


def test_text_is_framed_as_ssip_wants_it() -> None:
    assert escape("Hallo") == b"Hallo\r\n.\r\n"
    # A line with only a dot would end the text: doubled. Lines end in CRLF.
    assert escape("a\n.\nb") == b"a\r\n..\r\nb\r\n.\r\n"
    assert escape("") == b"\r\n.\r\n"


def test_the_voice_goes_into_the_headset_while_the_sound_goes_there(
    servers: tuple[SoundServer, SpeechServer],
) -> None:
    # The path a citizen's personal data takes (kiosk.read_aloud speaks it only while the
    # headset is the sound server's output): recorded on the headset, silent in the room.
    import subprocess

    sound, server = servers
    pactl = ["pactl", "--server", sound.address.removeprefix("unix:")]
    module = subprocess.run(
        [*pactl, "load-module", "module-null-sink", "sink_name=usb_headset"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    subprocess.run([*pactl, "set-default-sink", "usb_headset"], check=True)
    voice = SpeechDispatcher(server.address)
    try:
        with recording(sound, "usb_headset") as headset, recording(sound) as room:
            t0 = time.monotonic()
            voice.say("Hauptstraße fünfunddreißig. " * 3, "de", 0.0, 0.6)
            assert wait(lambda: headset.first_sound_after(t0) is not None)
            time.sleep(0.5)
            assert power_db(room.since(t0)) < -60  # nothing of it in the room
            voice.stop()
    finally:
        voice.close()
        subprocess.run([*pactl, "set-default-sink", LOUDSPEAKER], check=True)
        subprocess.run([*pactl, "unload-module", module], check=True)
