"""What a new user and a 75-year-old citizen tripped over (issue 13), each at the real interface."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QPointF, QRectF
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtQuick import QQuickItem

from tests.ui.conftest import KioskDriver, read_sample_card

Make = Callable[..., KioskDriver]

#: Keys of the "numbers" pad a citizen typing a quantity has no use for.
_CALCULATOR_KEYS = {"√", "÷", "×", "^", "%", "π"}


def _scene_rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def _keyboard_keys(k: KioskDriver) -> set[str]:
    """The captions of the on-screen keyboard's keys now shown."""
    panel = k.find("inputPanel")
    k.qtbot.waitUntil(lambda: bool(panel.property("active")))
    k.window.grabWindow()
    keys: set[str] = set()
    stack = [panel]
    while stack:
        item = stack.pop()
        stack.extend(item.childItems())
        meta = item.metaObject()
        is_key = meta.indexOfProperty("displayText") >= 0 and meta.indexOfProperty("key") >= 0
        if is_key and k.is_shown(item) and item.property("displayText"):
            keys.add(str(item.property("displayText")))
    return keys


def _to_form_page_two(k: KioskDriver) -> None:
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_sperrmuell")
    k.wait_screen("service")
    k.click("proceedButton")
    k.wait_screen("identify")
    read_sample_card(k)
    k.wait_screen("form")
    k.click("nextButton")
    k.wait_for("input_items")


def test_send_says_why_it_is_disabled_and_the_consent_is_in_view(make_kiosk: Make) -> None:
    k = make_kiosk("landscape")
    _to_form_page_two(k)
    k.type_into("input_items", "1 Sofa")
    k.type_into("input_volume", "2")
    k.type_into("input_preferred_date", k.clock.german(9))
    k.click("nextButton")
    k.wait_screen("review")
    k.window.grabWindow()
    send = k.find("submitButton")
    assert not send.isEnabled()
    hint = k.find("nextHint")
    assert "ankreuzen" in str(hint.property("text"))
    # Both on the screen without scrolling: the box to tick and the reason beside "Absenden".
    window = QRectF(0, 0, k.window.width(), k.window.height())
    for item in (k.find("consentToggle"), hint, send):
        assert window.contains(_scene_rect(item)), item.objectName()
    k.shot("finding-send-hint")
    k.click("consentToggle")
    k.qtbot.waitUntil(lambda: bool(send.isEnabled()))
    assert not k.exists("nextHint")


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_next_with_problems_shows_the_first_above_the_keyboard(
    make_kiosk: Make, orientation: str
) -> None:
    k = make_kiosk(orientation)
    _to_form_page_two(k)
    # The citizen fills the last field only, the keyboard is open, and presses "Weiter".
    k.type_into("input_preferred_date", k.clock.german(9))
    panel = k.find("inputPanel")
    k.qtbot.waitUntil(lambda: bool(panel.property("active")))
    k.click("nextButton")
    problem = k.wait_for("problem_items")
    field = k.find("input_items")
    k.qtbot.waitUntil(lambda: bool(field.hasActiveFocus()))
    flick = k.find("formFlickable")

    def in_view() -> bool:
        k.window.grabWindow()
        keyboard_top = panel.mapToScene(QPointF(0, 0)).y() if panel.property("active") else 1e9
        view = _scene_rect(flick)
        shown = _scene_rect(problem).united(_scene_rect(field))
        return view.top() <= shown.top() and shown.bottom() <= min(view.bottom(), keyboard_top)

    k.qtbot.waitUntil(in_view, timeout=3000)
    k.shot("finding-first-problem")


def test_keypads_fit_the_field(make_kiosk: Make) -> None:
    k = make_kiosk("landscape")
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_sperrmuell")
    k.wait_screen("service")
    k.click("proceedButton")
    k.wait_screen("identify")
    k.click("skipIdentificationButton")
    k.wait_screen("form")
    # Phone: digits, and a "+" one touch away.
    k.type_into("input_phone", "49 221 123456")
    assert {"1", "0"} <= _keyboard_keys(k)
    k.find("input_phone").setProperty("cursorPosition", 0)
    k.click("plusKey_phone")
    k.qtbot.waitUntil(lambda: k.text_of("input_phone") == "+49 221 123456")
    k.shot("finding-phone-plus")
    # Number: a plain pad of digits (and the decimal comma), no calculator.
    for key, text in {
        "given_names": "Erika",
        "family_name": "Muster",
        "address_street": "Heidestraße",
        "address_house_number": "17",
        "address_postcode": "51147",
        "address_city": "Köln",
    }.items():
        k.type_into(f"input_{key}", text)
    k.click("nextButton")
    k.type_into("input_volume", "2")
    keys = _keyboard_keys(k)
    k.shot("finding-number-pad")
    assert {str(d) for d in range(10)} <= keys
    assert not keys & _CALCULATOR_KEYS, keys & _CALCULATOR_KEYS


@pytest.mark.parametrize(("language", "one_minute"), [("de", "Etwa 1 Minute"), ("en", "1 minute")])
def test_words_a_citizen_understands(make_kiosk: Make, language: str, one_minute: str) -> None:
    k = make_kiosk("landscape")
    if language != "de":
        k.click(f"attractLanguage_{language}")
    k.click("startButton")
    k.wait_screen("home")
    # The accessibility toggles say what they do.
    words = {"de": ("Größere Schrift", "Kontrast"), "en": ("Larger text", "Contrast")}[language]
    for name, word in zip(("largeTextButton", "contrastButton"), words, strict=True):
        shown = [
            str(i.property("text"))
            for i in k.items()
            if i.inherits("QQuickText") and k.is_shown(i) and k.find(name).isAncestorOf(i)
        ]
        assert word in shown, (name, shown)
    # One minute, not "1 Minuten".
    k.click("tile_antragsstatus")
    k.wait_screen("service")
    assert k.text_of("serviceMinutes").endswith(one_minute)
    k.click("backButton")
    k.wait_screen("home")
    # The CAN field is empty (no grey "123456" that looks typed); its label says what goes in.
    k.click("tile_meldebescheinigung")
    k.wait_screen("service")
    k.click("proceedButton")
    k.wait_screen("identify")
    k.click("sampleCard_erika")
    can = k.wait_for("canInput")
    assert can.property("placeholderText") == "" and can.property("text") == ""
    # The passport path speaks of a passport, not of a card and its number.
    k.click("cancelButton")
    k.click("cancelYesButton")
    k.wait_screen("attract")
    if language != "de":  # the next citizen starts in the default language
        k.click(f"attractLanguage_{language}")
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_meldebescheinigung")
    k.click("proceedButton")
    k.wait_screen("identify")
    k.click("sampleCard_anna")
    k.wait_for("documentNumberInput")
    status = k.text_of("identifyStatus")
    assert {"de": "Pass", "en": "passport"}[language] in status
    assert {"de": "Karte", "en": "Your card"}[language] not in status
    k.shot(f"finding-passport-{language}")


def test_photos_next_says_why_it_is_disabled(make_kiosk: Make) -> None:
    """A sibling of the review page's "Absenden": the photos page's "Weiter"."""
    k = make_kiosk("portrait")
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_maengel-melden")
    k.wait_screen("service")
    k.click("proceedButton")
    k.wait_screen("identify")
    k.click("skipIdentificationButton")
    k.wait_screen("form")
    k.click("choice_category_pothole")
    k.type_into("input_location", "Vor der Kirche, Hauptstraße 3")
    k.click("nextButton")
    k.type_into("input_description", "Tiefes Schlagloch, Radfahrer müssen ausweichen.")
    k.click("nextButton")
    k.wait_screen("attachments")
    assert not k.find("photosDoneButton").isEnabled()
    assert "Foto" in k.text_of("nextHint")
    k.shot("finding-photos-hint")
    k.click("takePhotoButton")
    k.wait_for("photo_0")
    k.qtbot.waitUntil(lambda: bool(k.find("photosDoneButton").isEnabled()))
    assert not k.exists("nextHint")


def _press_keys(k: KioskDriver, name: str, keys: str) -> None:
    """One key of the on-screen keyboard after the other (each a commit, as the keyboard does)."""
    field = k.find(name)
    field.forceActiveFocus()
    k.qtbot.waitUntil(lambda: bool(field.hasActiveFocus()))
    for key in keys:
        event = QInputMethodEvent("", [])
        event.setCommitString(key)
        QCoreApplication.sendEvent(field, event)


def test_a_date_is_typed_on_the_digits_pad(make_kiosk: Make) -> None:
    """Dates get the plain digits pad (not the symbols page with @ # % &); the dots come by
    themselves, and the pad's "," is a dot."""
    k = make_kiosk("landscape")
    _to_form_page_two(k)
    day = k.clock.german(9)  # DD.MM.YYYY
    _press_keys(k, "input_preferred_date", day.replace(".", ""))
    keys = _keyboard_keys(k)
    k.shot("finding-date-pad")
    assert {str(d) for d in range(10)} <= keys and not keys & {"@", "#", "%", "&"}
    k.qtbot.waitUntil(lambda: k.text_of("input_preferred_date") == day)
    # Typed with the pad's comma instead: the same date.
    k.type_into("input_preferred_date", "")
    _press_keys(k, "input_preferred_date", day.replace(".", ","))
    k.qtbot.waitUntil(lambda: k.text_of("input_preferred_date") == day)
    # The session has the date as shown: no problem on "Weiter" for this field.
    k.click("nextButton")
    k.wait_for("problem_items")
    assert not k.exists("problem_preferred_date")


def test_the_access_number_stays_in_view_for_the_next_citizen_too(make_kiosk: Make) -> None:
    """While the CAN is typed, its field is above the bottom bar and the keyboard, for the
    second citizen in a row as for the first (before: the second one's field stayed under the
    bar — the page scrolled before its panel was laid out)."""
    k = make_kiosk()
    for citizen in range(2):
        k.click("startButton")
        k.wait_screen("home")
        k.click("tile_sperrmuell")
        k.click("proceedButton")
        k.wait_screen("identify")
        k.click("sampleCard_erika")
        k.type_into("canInput", "123456")

        def in_view() -> bool:
            QCoreApplication.processEvents()
            view = _scene_rect(k.find("identifyFlickable"))
            field = _scene_rect(k.find("canInput"))
            button = _scene_rect(k.find("accessSubmitButton"))
            return view.contains(field) and view.contains(button)

        k.qtbot.waitUntil(in_view, timeout=3000)
        k.shot(f"finding-can-in-view-{citizen + 1}")
        k.click("accessSubmitButton")
        k.wait_for("confirmIdentityButton", timeout=10000)
        k.click("confirmIdentityButton")
        k.wait_screen("form")
        k.click("cancelButton")
        k.click("cancelYesButton")
        k.wait_screen("attract")
