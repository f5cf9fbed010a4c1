"""Reading aloud's rules (kiosk.read_aloud): personal data only into a headset, the settings
for one visit, a headset turns reading on, something new interrupts."""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.read_aloud import MAX_RATE_STEP, MAX_VOLUME_STEP, ReadAloud, Spoken


@dataclass
class Engine:
    said: list[tuple[str, str, float, float]] = field(default_factory=list)
    stops: int = 0

    def say(self, text: str, language: str, rate: float, volume: float) -> None:
        self.said.append((text, language, rate, volume))

    def stop(self) -> None:
        self.stops += 1


@dataclass
class Jack:
    plugged: bool = False


def reader() -> tuple[ReadAloud, Engine, Jack]:
    engine, jack = Engine(), Jack()
    return ReadAloud(lambda: engine, lambda: jack.plugged), engine, jack


NAME = [Spoken("Familienname"), Spoken("Eingabefeld"),
        Spoken("Mustermann", personal=True, instead="ausgefüllt")]  # fmt: skip


def test_nothing_is_said_until_reading_is_on() -> None:
    read, engine, _ = reader()
    assert read.say([Spoken("Willkommen")], "de") == ""
    read.turn_on()
    assert read.say([Spoken("Willkommen")], "de") == "Willkommen"
    assert engine.said == [("Willkommen", "de", 0.0, 0.6)]


def test_personal_data_only_into_a_headset() -> None:
    read, engine, jack = reader()
    read.turn_on()
    assert read.say(NAME, "de") == "Familienname, Eingabefeld, ausgefüllt"
    jack.plugged = True
    read.look_at_headset()
    assert read.say(NAME, "de") == "Familienname, Eingabefeld, Mustermann"
    jack.plugged = False
    stops = engine.stops
    read.look_at_headset()
    assert engine.stops == stops + 1  # (unplugged mid-sentence: stopped at once)
    assert "Mustermann" not in read.say(NAME, "de")
    assert all("Mustermann" not in text for text, *_ in engine.said[:1] + engine.said[2:])


def test_a_personal_part_without_a_stand_in_is_left_out() -> None:
    read, _, _ = reader()
    read.turn_on()
    assert read.say([Spoken("Ihr Name"), Spoken("Erika", personal=True)], "de") == "Ihr Name"
    assert read.say([Spoken("Erika", personal=True)], "de") == ""


def test_plugging_in_a_headset_turns_reading_on_and_it_stays_for_the_next_citizen() -> None:
    read, _, jack = reader()
    assert not read.look_at_headset() and not read.on
    jack.plugged = True
    assert read.look_at_headset() and read.on and read.private
    assert not read.look_at_headset()  # (once per plugging in)
    read.reset()
    assert read.on  # (still plugged in: the next citizen hears it too)
    jack.plugged = False
    read.look_at_headset()
    read.reset()
    assert not read.on


def test_the_settings_last_one_visit_and_stay_in_range() -> None:
    read, engine, _ = reader()
    read.turn_on()
    for _ in range(10):
        read.faster()
        read.louder()
    assert (read.rate_step, read.volume_step) == (MAX_RATE_STEP, MAX_VOLUME_STEP)
    read.say([Spoken("Test")], "tr")
    assert engine.said[-1][1:] == ("tr", 1.0, 1.0)
    for _ in range(20):
        read.slower()
        read.quieter()
    assert (read.rate, read.volume_step) == (-1.0, 1)  # (never silent)
    read.reset()
    assert (read.on, read.rate_step, read.volume_step, read.last_said) == (False, 0, 3, "")


def test_turning_off_stops_at_once() -> None:
    read, engine, _ = reader()
    read.turn_on()
    read.say([Spoken("Ein langer Text")], "de")
    read.turn_off()
    assert engine.stops == 1
    assert read.say([Spoken("Noch einer")], "de") == ""


def test_no_engine_here_means_nothing_said_and_no_error() -> None:
    made: list[int] = []

    def none() -> None:
        made.append(1)

    read = ReadAloud(none, lambda: False)
    read.stop()  # (nothing made yet: nothing made to stop it)
    read.turn_on()
    assert read.say([Spoken("Hallo")], "de") == ""
    assert read.say([Spoken("Hallo")], "de") == ""
    assert made == [1, 1]  # (asked again: the devices may have been built since)
