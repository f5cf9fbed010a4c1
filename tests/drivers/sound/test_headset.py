"""A headset noticed (drivers.sound.headset): a USB headset's own sink on a real sound server,
and the jack's headphones port as PulseAudio and PipeWire report it."""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass

from pulsectl import PulsePortAvailableEnum

from drivers.sound.headset import HeadsetWatch, headset_in
from drivers.sound.pulse import PulseSound
from drivers.sound.settings import SoundSettings
from tests.support.sound_server import sound_server


@dataclass
class Port:
    name: str
    available: object = "unknown"


@dataclass
class Sink:
    name: str
    port_active: Port | None = None


def test_the_jacks_headphones_port_counts_unless_reported_unplugged() -> None:
    card = "alsa_output.pci-0000_00_1f.3.analog-stereo"
    speaker = Sink(card, Port("analog-output-speaker", "unknown"))
    assert not headset_in([speaker], card, "")
    for plugged in ("yes", 2, "unknown"):
        assert headset_in([Sink(card, Port("analog-output-headphones", plugged))], card, "")
    for unplugged in ("no", 1, PulsePortAvailableEnum.no):  # (pulsectl's enum, as it comes)
        assert not headset_in([Sink(card, Port("analog-output-headphones", unplugged))], card, "")
    yes = PulsePortAvailableEnum.yes
    assert headset_in([Sink(card, Port("analog-output-headphones", yes))], card, "")
    # PipeWire's names; a headset port; only the default sink's port counts.
    assert headset_in([Sink(card, Port("[Out] Headphones"))], card, "")
    assert headset_in([Sink(card, Port("analog-output-headset"))], card, "")
    assert not headset_in([Sink(card, Port("analog-output-headphones"))], "other", "")
    assert not headset_in([Sink(card, None)], card, "")


def test_a_usb_headset_is_noticed_when_sound_goes_to_it_and_when_it_goes() -> None:
    with sound_server() as server:
        pactl = ["pactl", "--server", server.address.removeprefix("unix:")]
        sound = PulseSound(SoundSettings(server=server.address, headset="usb_headset"))
        silenced: list[int] = []
        sound._silence_speech = lambda: silenced.append(1)  # type: ignore[method-assign]
        assert not sound.headset_plugged()  # (asks on its own thread: never waits)
        time.sleep(1.5)
        assert not sound.headset_plugged()
        module = subprocess.run(
            [*pactl, "load-module", "module-null-sink", "sink_name=usb_headset"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        time.sleep(1.0)
        assert not sound.headset_plugged()  # (connected, but the sound goes elsewhere)
        subprocess.run([*pactl, "set-default-sink", "usb_headset"], check=True)
        deadline = time.monotonic() + 5
        while not sound.headset_plugged():
            assert time.monotonic() < deadline, "the headset was not noticed"
            time.sleep(0.1)
        subprocess.run([*pactl, "unload-module", module], check=True)
        deadline = time.monotonic() + 5
        while sound.headset_plugged():
            assert time.monotonic() < deadline, "the headset's going was not noticed"
            time.sleep(0.1)
        assert silenced  # (speech stopped from the watch's thread, at once)
        sound.close()


def test_no_sound_server_means_no_headset() -> None:
    watch = HeadsetWatch("unix:/nonexistent/pulse/native", "usb_headset")
    assert not watch.plugged()
    time.sleep(0.5)
    assert not watch.plugged()
    watch.close()
