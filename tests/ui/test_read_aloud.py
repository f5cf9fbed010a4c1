"""Reading aloud with the real engine: a private speech-dispatcher with espeak-ng, speaking
into a private sound server whose loudspeaker is recorded.

Each screen of the journey is read in the display language as it comes; what was being said
stops when the screen changes or reading is turned off; personal data is heard only while a
headset is plugged in; a masked entry (the card's access number) is never spoken.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from pytestqt.exceptions import TimeoutError

from tests.support.sound_server import SoundServer, power_db
from tests.support.speech_server import SpeechServer, recording
from tests.ui.conftest import KioskDriver

Make = Callable[..., KioskDriver]


def said(k: KioskDriver) -> str:
    text = str(k.ui.models.read_aloud.core.last_said)
    if os.environ.get("SHOW_SAID") and text != getattr(k, "_shown", None):
        print("SAID:", text)
        k._shown = text  # type: ignore[attr-defined]
    return text


def wait_said(k: KioskDriver, *words: str, timeout: int = 5000) -> str:
    try:
        k.qtbot.waitUntil(lambda: all(w in said(k) for w in words), timeout=timeout)
    except TimeoutError:
        raise AssertionError(f"said: {said(k)!r}, not all of {words}") from None
    return said(k)


def touch_as_usual(k: KioskDriver) -> None:
    """Explore by touch off again (a headset turned it on): the tests tap as a sighted
    citizen does (explore by touch itself: tests/ui/test_explore_by_touch.py)."""
    read = k.ui.models.read_aloud
    if read.property("exploreByTouch"):
        read.toggleExplore()


def voice(k: KioskDriver) -> str:
    """The voice the speech driver set last (speech-dispatcher's name)."""
    return str(k.ui.terminal.devices.sound.speech().voice)  # type: ignore[attr-defined]


def heard_after(k: KioskDriver, rec: object, t0: float, timeout_s: float = 5.0) -> float:
    """Seconds from t0 to the first sound on the loudspeaker."""
    found: list[float] = []

    def sound() -> bool:
        first = rec.first_sound_after(t0)  # type: ignore[attr-defined]
        if first is not None:
            found.append(first - t0)
        return bool(found)

    k.qtbot.waitUntil(sound, timeout=int(timeout_s * 1000))
    return found[0]


def quiet_since(rec: object, t0: float) -> bool:
    return power_db(rec.since(t0)) < -60  # type: ignore[attr-defined]


def test_each_screen_is_read_in_german_and_speech_stops_when_it_changes(
    make_kiosk: Make, speech: tuple[SpeechServer, SoundServer]
) -> None:
    _, sound = speech
    k = make_kiosk()
    k.click("startButton")
    k.wait_screen("home")
    with recording(sound) as rec:
        t0 = time.monotonic()
        k.click("readAloudButton")
        wait_said(k, "Vorlesen ist eingeschaltet.", "Was können wir für Sie tun?")
        heard_after(k, rec, t0)
        assert voice(k) == "German"
        k.shot("read-aloud-on-home")
        # The next screen: its heading is read, the old speech stopped first.
        k.click("tile_maengel-melden")
        k.wait_screen("service")
        heading = k.text_of("serviceTitle")
        wait_said(k, heading)
        t1 = time.monotonic()
        heard_after(k, rec, t1 - 0.05)
        # Off: silent at once (within what is already in the sound server's buffers).
        k.click("readAloudButton")
        k.wait_for("readAloudOffButton")
        k.click("readAloudOffButton")
        t2 = time.monotonic()
        k.qtbot.wait(600)
        assert quiet_since(rec, t2 + 0.3)


def test_arabic_is_read_with_the_arabic_voice(
    make_kiosk: Make, speech: tuple[SpeechServer, SoundServer]
) -> None:
    _, sound = speech
    k = make_kiosk()
    k.click("attractLanguage_ar")
    k.click("startButton")
    k.wait_screen("home")
    with recording(sound) as rec:
        t0 = time.monotonic()
        k.click("readAloudButton")
        k.qtbot.waitUntil(lambda: said(k) != "", timeout=5000)
        heard_after(k, rec, t0)
    assert voice(k) == "Arabic"
    assert not any("a" <= c <= "z" for c in said(k).lower())  # (all of it in Arabic)


def to_pothole_form(k: KioskDriver) -> None:
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_maengel-melden")
    k.wait_screen("service")
    k.click("proceedButton")
    k.wait_screen("identify")
    k.click("skipIdentificationButton")
    k.wait_screen("form")


def test_personal_data_is_heard_only_through_a_headset(
    make_kiosk: Make, speech: tuple[SpeechServer, SoundServer]
) -> None:
    k = make_kiosk()
    to_pothole_form(k)
    k.type_into("input_location", "Hauptstraße 3")
    k.click("readAloudButton")
    wait_said(k, "Vorlesen ist eingeschaltet.")
    # The field has the focus: its name and kind, and that it is filled in, not what it holds.
    text = wait_said(k, "Eingabefeld", "ausgefüllt")
    assert "Hauptstraße" not in text
    k.type_into("input_location", "Hauptstraße 35")
    wait_said(k, "Zeichen eingegeben")  # (what was typed, not which character)
    assert "5" not in said(k) and "Hauptstraße" not in said(k)
    # A headset plugged in: said so, the screen read again, and now the entry may be heard.
    k.ui.terminal.devices.sound.headset = True  # type: ignore[attr-defined]
    wait_said(k, "Vorlesen ist eingeschaltet.", "Eingabefeld", "Hauptstraße 35")
    assert k.ui.models.read_aloud.property("private")
    touch_as_usual(k)
    # Unplugged: private no more ("read this screen" from the top bar's settings).
    k.ui.terminal.devices.sound.headset = False  # type: ignore[attr-defined]
    k.qtbot.waitUntil(lambda: not k.ui.models.read_aloud.property("private"), timeout=3000)
    k.click("readAloudButton")
    k.wait_for("readAgainButton")
    k.click("readAgainButton")
    assert "Hauptstraße" not in wait_said(k, "Was möchten Sie melden?", "ausgefüllt")


def test_the_name_from_the_chip_is_not_read_aloud_without_a_headset(
    make_kiosk: Make, speech: tuple[SpeechServer, SoundServer]
) -> None:
    k = make_kiosk()
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_sperrmuell")
    k.wait_screen("service")
    k.click("proceedButton")
    k.wait_screen("identify")
    k.click("readAloudButton")
    wait_said(k, "Vorlesen ist eingeschaltet.")
    k.click("sampleCard_erika")
    k.type_into("canInput", "123456")
    k.click("accessSubmitButton")
    k.wait_for("identityName", timeout=10000)
    name = k.text_of("identityName")
    # The step is read as it comes (no new screen: the card was read), the name withheld.
    wait_said(k, "gelesen", "Ihre Angabe", timeout=10000)
    assert name not in said(k) and "Mustermann" not in said(k).upper().title()
    # Into a headset it may be heard (plugging it in reads the screen again).
    k.ui.terminal.devices.sound.headset = True  # type: ignore[attr-defined]
    wait_said(k, name)


def test_the_access_number_is_never_spoken(
    make_kiosk: Make, speech: tuple[SpeechServer, SoundServer]
) -> None:
    k = make_kiosk()
    k.ui.terminal.devices.sound.headset = True  # type: ignore[attr-defined]
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_maengel-melden")
    k.wait_screen("service")
    k.click("proceedButton")
    k.wait_screen("identify")
    k.qtbot.waitUntil(lambda: k.ui.models.read_aloud.property("on"), timeout=3000)
    touch_as_usual(k)
    heard: list[str] = []
    k.ui.terminal.devices.sound.speech().on_spoken = heard.append  # type: ignore[attr-defined]
    k.click("sampleCard_erika")
    k.type_into("canInput", "123456")
    wait_said(k, "Ziffer eingegeben")
    k.click("readAloudButton")
    k.wait_for("readAgainButton")
    k.click("readAgainButton")
    wait_said(k, "Zugangsnummer", "eingegebene Ziffern: 6")
    assert not any(digit in text for text in heard for digit in "1234" if "Ziffern" not in text)


def test_the_receipt_is_read_aloud_whole_its_number_only_into_a_headset(
    make_kiosk: Make, speech: tuple[SpeechServer, SoundServer]
) -> None:
    # EN 301 549 5.1.3.16: everything the receipt says, heard; the tracking number is the
    # citizen's, so through the loudspeaker it is only named.
    k = make_kiosk()
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_unterlagen-nachreichen")
    k.wait_screen("service")
    k.hand_in_a_page()
    k.click("consentToggle")
    k.click("submitButton")
    k.wait_screen("done")
    assert not k.exists("readReceiptButton")  # (reading is off)
    k.click("readAloudButton")
    wait_said(k, "Vorlesen ist eingeschaltet.")
    number = k.text_of("trackingNumber")
    k.click("readReceiptButton")
    text = wait_said(k, "Eingangsbestätigung", "Unterlagen nachreichen", "Eingereicht am")
    assert "Stand Ihres Antrags" in text and "Ihre Vorgangsnummer" in text
    assert number not in text
    k.ui.terminal.devices.sound.headset = True  # type: ignore[attr-defined]
    k.qtbot.waitUntil(lambda: k.ui.models.read_aloud.property("private"), timeout=3000)
    touch_as_usual(k)
    k.click("readReceiptButton")
    wait_said(k, "Eingangsbestätigung", number)


def test_read_this_screen_reads_the_review_whole_its_values_only_into_a_headset(
    make_kiosk: Make, speech: tuple[SpeechServer, SoundServer]
) -> None:
    # The review's values are no controls: the keys never reach them. "Diese Seite vorlesen"
    # reads every text of the screen in its order; the citizen's values only into a headset.
    k = make_kiosk()
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_unterlagen-nachreichen")
    k.wait_screen("service")
    k.hand_in_a_page()
    k.click("readAloudButton")
    wait_said(k, "Vorlesen ist eingeschaltet.")
    k.click("readAloudButton")
    k.wait_for("readAgainButton")
    k.click("readAgainButton")
    text = wait_said(k, "Bitte prüfen Sie Ihre Angaben", "Vorgangsnummer", "Ihre Angabe")
    assert "7k3m" not in text.lower()
    k.ui.terminal.devices.sound.headset = True  # type: ignore[attr-defined]
    k.qtbot.waitUntil(lambda: k.ui.models.read_aloud.property("private"), timeout=3000)
    touch_as_usual(k)
    k.click("readAloudButton")
    k.wait_for("readAgainButton")
    k.click("readAgainButton")
    text = wait_said(k, "Vorgangsnummer", "7k3m-q9xd-2af8")
    assert text.index("Vorgangsnummer") < text.index("7k3m-q9xd-2af8")  # label, then value
