"""Six languages: each chosen on the attract screen and from the top bar's list, each with its
own keyboard layout; Arabic mirrors the whole layout; services the town hall has not written in
the citizen's language say so in it; the next citizen starts in German again."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtQuick import QQuickItem

from kiosk.languages import LANGUAGES
from tests.support.qt_scheduler import ManualClockQtScheduler
from tests.ui.conftest import KioskDriver

Make = Callable[..., KioskDriver]


def left(item: QQuickItem) -> float:
    return item.mapToScene(QPointF(0, 0)).x()


def test_every_language_is_offered_in_its_own_words(make_kiosk: Make) -> None:
    k = make_kiosk()
    for code, language in LANGUAGES.items():
        assert language.native_name in k.text_of(f"attractLanguage_{code}")
    k.click("attractLanguage_tr")
    k.qtbot.waitUntil(lambda: k.ui.models.kiosk.property("language") == "tr")
    assert k.text_of("attractLanguage_tr").startswith("✓ ")
    k.click("startButton")
    k.wait_screen("home")
    # Turkish screens: the heading from the translation, the services in German with a word
    # about it in Turkish.
    assert "Deutsch" in k.text_of("servicesLanguageNote")
    k.shot("languages-home-tr")
    # The top bar's list: every language, the one in use ticked.
    k.click("languageButton")
    k.wait_for("languageChooser")
    assert k.text_of("language_tr") == "✓ Türkçe"
    k.shot("languages-chooser-tr")
    k.click("language_uk")
    k.qtbot.waitUntil(lambda: k.ui.models.kiosk.property("language") == "uk")
    assert not k.exists("languageChooser")
    assert "Ратуша" in k.text_of("servicesLanguageNote")
    k.choose_language("en")
    assert not k.exists("servicesLanguageNote")  # (the catalogue has English)
    k.click("cancelButton")  # (nothing entered yet: nothing to confirm)
    k.wait_screen("attract")
    k.qtbot.waitUntil(lambda: k.ui.models.kiosk.property("language") == "de")


@pytest.mark.parametrize("code", ["tr", "ar", "uk", "ru"])
def test_the_keyboard_types_in_the_citizen_s_language(make_kiosk: Make, code: str) -> None:
    k = make_kiosk()
    k.click(f"attractLanguage_{code}")
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_maengel-melden")
    k.wait_screen("service")
    k.click("proceedButton")
    k.wait_screen("identify")
    k.click("skipIdentificationButton")
    k.wait_screen("form")
    k.click("input_location")
    panel = k.wait_for("inputPanel")
    k.qtbot.waitUntil(lambda: bool(panel.property("active")))
    # The layout the keyboard really uses (a locale without a layout would fall back to
    # English; Qt names the Arabic layout's locale ar_EG).
    k.qtbot.waitUntil(lambda: str(panel.property("typingLocale")).split("_")[0] == code)
    k.shot(f"languages-keyboard-{code}")


def test_arabic_mirrors_the_layout(make_kiosk: Make) -> None:
    k = make_kiosk()
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_sperrmuell")
    k.wait_screen("service")
    name, cancel = k.find("municipalityName"), k.find("cancelButton")
    back, proceed = k.find("backButton"), k.find("proceedButton")
    assert left(name) < left(cancel) and left(back) < left(proceed)
    k.choose_language("ar")
    k.qtbot.waitUntil(lambda: left(k.find("cancelButton")) < left(k.find("municipalityName")))
    assert left(k.find("proceedButton")) < left(k.find("backButton"))
    assert k.text_of("backButton") != "Zurück"
    k.shot("languages-service-ar")
    # The document's picture is not mirrored: the access number is where it is printed.
    k.click("proceedButton")
    k.wait_screen("identify")
    k.click("sampleCard_erika")
    specimen = k.wait_for("accessSpecimen")
    number = next(i for i in k.items() if i.property("text") == "123456")
    assert left(number) > left(specimen) + specimen.width() / 2  # (bottom right, as printed)
    k.shot("languages-identify-ar")
    k.choose_language("de")
    k.qtbot.waitUntil(lambda: left(k.find("municipalityName")) < left(k.find("cancelButton")))


def test_the_language_list_goes_with_the_next_question_and_the_next_citizen(
    make_kiosk: Make,
) -> None:
    scheduler = ManualClockQtScheduler()
    k = make_kiosk(scheduler=scheduler, inactivity_s=90, warning_s=30)
    k.click("startButton")
    k.wait_screen("home")
    k.click("languageButton")
    k.wait_for("languageChooser")
    # The citizen walked away with the list open: the warning is not hidden under it …
    scheduler.advance(90)
    k.wait_for("timeoutDialog")
    k.qtbot.waitUntil(lambda: not k.exists("languageChooser"))
    # … and the next citizen finds the attract screen, not the list.
    scheduler.advance(31)
    k.wait_screen("attract")
    k.qtbot.waitUntil(lambda: not k.exists("languageChooser"))


def test_leichte_sprache_is_a_seventh_choice_written_throughout(make_kiosk: Make) -> None:
    # Easy German (BITV 2.0): its own texts on every screen and in the demo services, German's
    # keyboard and voice, and the next citizen starts in German again.
    k = make_kiosk()
    k.click("attractLanguage_de-x-ls")
    k.qtbot.waitUntil(lambda: k.ui.models.kiosk.property("language") == "de-x-ls")
    assert k.text_of("startButton") == "Hier tippen zum Anfangen"
    assert k.ui.models.kiosk.property("keyboardLocale") == "de_DE"
    k.shot("leichte-sprache-attract")
    k.click("startButton")
    k.wait_screen("home")
    assert not k.exists("servicesLanguageNote")  # the demo services are written in it too
    assert k.find("tile_maengel-melden").property("title") == "Schaden melden"
    assert k.find("languageButton").property("glyph") == "LS"
    k.shot("leichte-sprache-home")
    k.click("tile_maengel-melden")
    k.wait_screen("service")
    assert k.text_of("serviceTitle") == "Schaden melden"
    assert k.text_of("proceedButton") == "Anfangen"
    k.shot("leichte-sprache-service")
    k.click("proceedButton")
    k.wait_screen("identify")
    k.shot("leichte-sprache-identify")
    k.click("skipIdentificationButton")
    k.wait_screen("form")
    k.click("nextButton")
    k.wait_for("problem_category")
    k.shot("leichte-sprache-form-problem")
    k.click("cancelButton")
    k.click("cancelYesButton")
    k.wait_screen("attract")
    k.qtbot.waitUntil(lambda: "Hier berühren" in k.text_of("startButton"))
