"""The citizen's journeys on the real QML interface, driven by clicks and typing."""

from __future__ import annotations

import dataclasses
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF

from drivers.camera.simulated import SimulatedCamera
from drivers.printer.simulated import SimulatedPrinter
from kiosk.availability import FAULT_RECOVERY_S
from tests.support.configs import demo_config
from tests.support.printer_stack import qr_texts
from tests.support.qt_scheduler import ManualClockQtScheduler
from tests.ui.conftest import KioskDriver, read_sample_card

Make = Callable[..., KioskDriver]


def outbox_rows(data_dir: Path) -> int:
    with sqlite3.connect(data_dir / "outbox.sqlite") as db:
        return int(db.execute("SELECT count(*) FROM items").fetchone()[0])


def to_service(k: KioskDriver, service_id: str) -> None:
    k.click("startButton")
    k.wait_screen("home")
    k.click(f"tile_{service_id}")
    k.wait_screen("service")
    k.click("proceedButton")


def to_pothole_photos(k: KioskDriver) -> None:
    """From the attract screen to the photos of a pothole report, without an ID card."""
    to_service(k, "maengel-melden")
    k.wait_screen("identify")
    k.click("skipIdentificationButton")
    k.wait_screen("form")
    k.click("choice_category_pothole")
    k.type_into("input_location", "Vor der Kirche, Hauptstraße 3")
    k.click("nextButton")
    k.wait_for("input_description")
    k.type_into("input_description", "Tiefes Schlagloch, Radfahrer müssen ausweichen.")
    k.click("nextButton")
    k.wait_screen("attachments")


def test_report_a_pothole_with_photos(make_kiosk: Make, tmp_path: Path) -> None:
    k = make_kiosk()
    to_pothole_photos(k)
    assert not k.find("photosDoneButton").isEnabled()  # one photo is required
    k.click("takePhotoButton")
    k.wait_for("photo_0")
    k.click("takePhotoButton")
    k.wait_for("photo_1")
    k.shot("attachments-two-photos")
    k.click("removePhoto_0")  # retake: remove one, take another
    k.qtbot.waitUntil(lambda: not k.exists("photo_1"))
    k.click("takePhotoButton")
    k.wait_for("photo_1")
    k.click("photosDoneButton")
    k.wait_screen("review")
    assert not k.find("submitButton").isEnabled()  # no consent yet
    k.click("consentToggle")
    k.click("submitButton")
    k.wait_screen("done")
    assert len(k.text_of("trackingNumber")) == 14
    assert outbox_rows(tmp_path / "data") == 1
    k.click("finishButton")
    k.wait_screen("attract")


def test_validation_messages_appear_beside_the_field_and_go_when_fixed(make_kiosk: Make) -> None:
    k = make_kiosk()
    to_service(k, "termin")
    k.wait_screen("form")
    k.type_into("input_preferred_date", f"31.02.{k.clock.today().year}")  # no such day
    k.click("nextButton")
    k.wait_for("problem_topic")
    assert "wählen" in k.text_of("problem_topic")
    assert "Datum" in k.text_of("problem_preferred_date")
    assert k.exists("formProblemsHint")
    k.shot("validation-errors")
    k.click("choice_topic_other")
    k.qtbot.waitUntil(lambda: not k.exists("problem_topic"))
    k.type_into("input_preferred_date", k.clock.german(0))  # termin: from tomorrow on
    k.click("nextButton")
    earliest = k.clock.german(1)
    k.qtbot.waitUntil(lambda: f"vor dem {earliest}" in k.text_of("problem_preferred_date"))
    assert k.ui.models.form.property("pageIndex") == 0


def test_cancel_asks_first_and_then_forgets_everything(make_kiosk: Make) -> None:
    k = make_kiosk()
    to_service(k, "termin")
    k.wait_screen("form")
    typed = k.clock.german(6)
    k.type_into("input_preferred_date", typed)
    k.click("cancelButton")
    k.wait_for("cancelDialog")
    k.shot("cancel-dialog")
    k.click("cancelNoButton")
    k.qtbot.waitUntil(lambda: not k.exists("cancelDialog"))
    assert k.text_of("input_preferred_date") == typed
    k.click("cancelButton")
    k.click("cancelYesButton")
    k.wait_screen("attract")
    session = k.ui.models.session
    assert session is not None and session.values == {} and session.service is None


def test_inactivity_warning_counts_down_and_can_be_extended(make_kiosk: Make) -> None:
    scheduler = ManualClockQtScheduler()
    k = make_kiosk(scheduler=scheduler, inactivity_s=90, warning_s=30)
    to_service(k, "termin")
    k.wait_screen("form")
    scheduler.advance(89)
    assert not k.exists("timeoutDialog")
    scheduler.advance(1)
    k.wait_for("timeoutDialog")
    assert "30" in k.text_of("countdownText")
    scheduler.advance(7)
    k.qtbot.waitUntil(lambda: "23" in k.text_of("countdownText"))
    k.shot("timeout-warning")
    k.click("extendButton")
    k.qtbot.waitUntil(lambda: not k.exists("timeoutDialog"))
    assert k.screen == "form"
    # A touch restarts the clock; without one the session ends after inactivity + countdown.
    scheduler.advance(60)
    k.click("nextButton")  # counts as activity (and shows validation messages)
    scheduler.advance(89)
    assert k.screen == "form"
    scheduler.advance(1 + 30)
    k.wait_screen("attract")


def test_language_switch_changes_every_text(make_kiosk: Make) -> None:
    k = make_kiosk()
    assert "Hier berühren" in k.text_of("startButton")
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_sperrmuell")
    k.wait_screen("service")
    assert k.text_of("serviceTitle") == "Sperrmüll anmelden"
    assert k.text_of("proceedButton") == "Beginnen"
    k.choose_language("en")
    k.qtbot.waitUntil(lambda: k.text_of("serviceTitle") == "Bulky waste pickup")
    assert k.text_of("proceedButton") == "Start"
    assert k.text_of("cancelButton") == "Cancel"
    k.click("proceedButton")
    k.wait_screen("identify")
    read_sample_card(k)
    k.wait_screen("form")
    k.click("nextButton")
    k.click("nextButton")
    k.wait_for("problem_items")
    assert k.text_of("problem_items") == "⚠ Please fill in this field."
    k.choose_language("de")
    k.qtbot.waitUntil(lambda: k.text_of("problem_items") == "⚠ Bitte füllen Sie dieses Feld aus.")
    k.choose_language("en")
    k.click("cancelButton")
    k.click("cancelYesButton")
    k.wait_screen("attract")
    # The next citizen starts in the default language.
    k.qtbot.waitUntil(lambda: "Hier berühren" in k.text_of("startButton"))


def test_high_contrast_and_larger_text_apply_and_reset(make_kiosk: Make) -> None:
    k = make_kiosk()
    k.click("startButton")
    k.wait_screen("home")
    theme = k.ui.theme
    normal_size = theme.property("bodySize")
    k.click("contrastButton")
    k.click("largeTextButton")
    assert theme.property("background") == "#000000"
    assert theme.property("bodySize") > normal_size >= 24
    k.shot("home-high-contrast-large-text")
    k.click("tile_briefwahl")
    k.wait_screen("service")
    k.shot("service-high-contrast-large-text")
    k.click("cancelButton")
    k.click("cancelYesButton")
    k.wait_screen("attract")
    assert theme.property("background") != "#000000"
    assert theme.property("bodySize") == normal_size


def test_touch_targets_are_at_least_15_mm(make_kiosk: Make) -> None:
    # 1080 px high landscape screens of 21.5" and larger: ≥ 0.248 mm per pixel.
    mm_per_px = 0.248
    k = make_kiosk()
    to_service(k, "sperrmuell")
    k.wait_screen("identify")
    names = [
        "backButton",
        "cancelButton",
        "clerkButton",
        "languageButton",
        "largeTextButton",
        "contrastButton",
        "sampleCard_erika",
        "skipIdentificationButton",
    ]
    for name in names:
        item = k.find(name)
        assert min(item.width(), item.height()) * mm_per_px >= 15, name


def test_damaged_card_gets_a_clear_message_and_a_way_on(make_kiosk: Make) -> None:
    k = make_kiosk()
    to_service(k, "briefwahl")
    k.wait_screen("identify")
    assert not k.exists("skipIdentificationButton")  # the postal vote needs the ID card
    k.click("sampleCard_broken")
    k.wait_for("identifyMessage")
    assert "nicht gelesen" in k.text_of("identifyMessage")
    k.shot("identify-damaged-card")
    read_sample_card(k)
    k.wait_screen("form")
    assert k.exists("prefilledBadge_family_name")
    assert k.find("input_family_name").property("readOnly") is True


def test_printer_out_of_paper_is_told_up_front_and_the_receipt_is_on_screen(
    make_kiosk: Make, tmp_path: Path
) -> None:
    k = make_kiosk()
    printer = k.ui.terminal.devices.printer
    assert isinstance(printer, SimulatedPrinter)
    printer.paper = 0
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_unterlagen-nachreichen")
    k.wait_screen("service")
    # Before anything is typed: the printer was asked, and the citizen is told.
    k.wait_for("receiptOnScreenNotice")
    assert "fotografieren" in k.find("receiptOnScreenNotice").childItems()[0].property("text")
    k.shot("service-printer-out")
    k.hand_in_a_page()
    k.click("consentToggle")
    k.click("submitButton")
    k.wait_screen("done")
    k.qtbot.waitUntil(lambda: "kein Papier" in k.text_of("printMessage"))
    k.wait_for("statusQr")
    shot = k.shot("done-receipt-on-screen")
    # The QR code on the screen is the status link, as a phone would read it.
    session = k.ui.terminal.session
    assert session is not None
    assert qr_texts(shot) == [session.status_link]
    assert session.tracking_number in session.status_link
    printer.paper = 10
    k.click("reprintButton")
    k.qtbot.waitUntil(lambda: "mit" in k.text_of("printMessage"))
    k.wait_for("receiptImage")
    assert not k.exists("screenReceipt")


def test_a_camera_that_is_not_there_is_told_before_a_photo_service(make_kiosk: Make) -> None:
    k = make_kiosk()
    camera = k.ui.terminal.devices.camera
    assert isinstance(camera, SimulatedCamera)
    camera.working = False  # unplugged
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_maengel-melden")
    k.wait_screen("service")
    k.wait_for("cameraUnavailableNotice")
    text = k.find("cameraUnavailableNotice").childItems()[0].property("text")
    assert "Kamera" in text and "keine Fotos" in text
    k.shot("service-camera-unavailable")
    k.click("backButton")
    k.wait_screen("home")
    k.click("tile_termin")  # no photos in this service: nothing to tell
    k.wait_screen("service")
    assert not k.exists("cameraUnavailableNotice")


def test_the_demo_can_take_the_printers_paper_out(make_kiosk: Make) -> None:
    k = make_kiosk()
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_sperrmuell")
    k.wait_screen("service")
    assert not k.exists("receiptOnScreenNotice")
    k.click("demoPaperOut")
    k.wait_for("receiptOnScreenNotice")
    k.shot("service-demo-paper-out")
    k.click("demoPaperIn")
    k.qtbot.waitUntil(lambda: not k.exists("receiptOnScreenNotice"))
    k.wait_for("demoPaperOut")


def test_talk_to_a_clerk_is_always_there(make_kiosk: Make) -> None:
    k = make_kiosk()
    to_service(k, "termin")
    k.wait_screen("form")
    k.click("clerkButton")
    k.wait_for("clerkDialog")
    k.click("clerkCloseButton")
    k.qtbot.waitUntil(lambda: not k.exists("clerkDialog"))
    assert k.screen == "form"


def test_broken_catalogue_shows_a_calm_out_of_service_screen(
    make_kiosk: Make, tmp_path: Path
) -> None:
    import dataclasses

    broken = tmp_path / "broken.yaml"
    broken.write_text("municipality: {id: x}\nservices: [\n", encoding="utf-8")
    config = dataclasses.replace(demo_config(tmp_path / "data"), catalogue_path=broken)
    k = make_kiosk(config=config)
    k.wait_screen("out_of_service")
    k.shot("out-of-service")


def test_unexpected_error_in_an_action_wipes_and_recovers(
    make_kiosk: Make, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    scheduler = ManualClockQtScheduler()
    k = make_kiosk(scheduler=scheduler)
    k.click("startButton")
    k.wait_screen("home")
    session = k.ui.models.session
    assert session is not None

    def broken(service_id: str) -> None:
        raise RuntimeError("Mustermann")  # text that must not reach the log or the screen

    monkeypatch.setattr(session, "choose_service", broken)
    k.click("tile_termin")
    k.wait_screen("out_of_service")
    k.shot("out-of-service-after-fault")
    scheduler.advance(FAULT_RECOVERY_S)
    k.wait_screen("attract")
    assert "Mustermann" not in caplog.text
    assert "RuntimeError" in caplog.text


@pytest.mark.qt_no_exception_capture
def test_error_outside_an_action_reaches_the_last_resort_handler(
    make_kiosk: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Errors in timer or worker callbacks arrive through sys.excepthook, as in main.py."""
    scheduler = ManualClockQtScheduler()
    k = make_kiosk(scheduler=scheduler)
    monkeypatch.setattr(sys, "excepthook", k.ui.handle_fault)
    k.click("startButton")
    k.wait_screen("home")

    def broken() -> None:
        raise ValueError("bug")

    scheduler.post(broken)
    k.wait_screen("out_of_service")
    scheduler.advance(FAULT_RECOVERY_S)
    k.wait_screen("attract")


def test_demo_run_command_starts(tmp_path: Path) -> None:
    """main.py as the README runs it: up to the first frame, then out (no traceback)."""
    import os
    import subprocess

    from tests.support.configs import ROOT

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "--data-dir",
            str(tmp_path),
            "--exit-after-first-frame",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "first-frame" in result.stdout
    assert "Traceback" not in result.stderr


def test_bad_configuration_is_explained_not_traced(tmp_path: Path) -> None:
    import os
    import subprocess

    from tests.support.configs import ROOT

    bad = tmp_path / "kiosk.toml"
    bad.write_text(
        '[timeouts]\nwarning_s = 5\n[terminal]\nmunicipality = "X"\n[catalogue]\npath = "x.yaml"\n',
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--config", str(bad)],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "warning_s" in result.stderr and "at least 20" in result.stderr
    assert "Traceback" not in result.stderr


def test_focused_field_stays_visible_above_the_keyboard(make_kiosk: Make) -> None:
    from PySide6.QtCore import QPointF

    k = make_kiosk()
    to_service(k, "termin")
    k.wait_screen("form")
    k.click("choice_topic_other")
    k.type_into("input_preferred_date", k.clock.german(4))  # termin: 1 to 60 days ahead
    k.click("choice_morning_yes")
    k.click("nextButton")
    field = k.wait_for("input_email")
    field.forceActiveFocus()  # as a touch would, without scrolling it into view first
    panel = k.find_all("inputPanel")[0]
    k.qtbot.waitUntil(lambda: bool(panel.property("active")))
    flick = k.find("formFlickable")

    def visible_in_viewport() -> bool:
        top = field.mapToItem(flick, QPointF(0, 0)).y()
        return top >= 0 and top + field.height() <= flick.height()

    k.qtbot.waitUntil(visible_in_viewport)
    k.shot("form-keyboard-focused-field")


def test_a_tapped_option_shows_as_chosen(make_kiosk: Make) -> None:
    k = make_kiosk()
    to_service(k, "termin")
    k.wait_screen("form")
    k.click("choice_topic_id_card")
    k.qtbot.waitUntil(lambda: k.find("choice_topic_id_card").property("primary") is True)
    assert k.find("choice_topic_other").property("primary") is False
    k.click("choice_morning_no")
    k.qtbot.waitUntil(lambda: k.find("choice_morning_no").property("primary") is True)


def test_a_full_disk_is_told_on_the_service_page(make_kiosk: Make, tmp_path: Path) -> None:
    config = demo_config(tmp_path / "data")
    config = dataclasses.replace(config, hub=dataclasses.replace(config.hub, min_free_mb=1e9))
    k = make_kiosk(config=config)
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_termin")
    k.wait_screen("service")
    k.wait_for("storageFullNotice")
    assert not k.find("proceedButton").isEnabled()
    k.shot("service-storage-full")


def test_text_inputs_keep_personal_data_out_of_the_keyboard(make_kiosk: Make) -> None:
    from PySide6.QtCore import Qt

    k = make_kiosk()
    to_service(k, "termin")
    k.wait_screen("form")
    for name in ("input_preferred_date",):
        hints = Qt.InputMethodHint(k.find(name).property("inputMethodHints"))
        assert hints & Qt.InputMethodHint.ImhSensitiveData
        assert hints & Qt.InputMethodHint.ImhNoPredictiveText


def test_a_passport_is_opened_with_its_mrz_values(make_kiosk: Make) -> None:
    k = make_kiosk()
    to_service(k, "briefwahl")
    k.wait_screen("identify")
    k.click("sampleCard_anna")
    k.wait_for("documentNumberInput")
    assert not k.exists("canInput") and not k.exists("useMrzButton")
    k.type_into("documentNumberInput", "L898902C3")
    k.type_into("birthInput", "31.02.1974")  # no such day: caught before the chip is asked
    k.type_into("expiryInput", "15.04.2034")
    k.click("accessSubmitButton")
    k.wait_for("accessProblem")
    assert "Geburtsdatum" in k.text_of("accessProblem")
    # The message and the fields stay above the on-screen keyboard.
    k.find("birthInput").forceActiveFocus()
    panel = k.find("inputPanel")
    k.qtbot.waitUntil(lambda: bool(panel.property("active")))
    keyboard_top = panel.mapToScene(QPointF(0, 0)).y()
    for name in ("accessProblem", "birthInput", "accessSubmitButton", "accessSpecimen"):
        item = k.find(name)
        assert item.mapToScene(QPointF(0, item.height())).y() <= keyboard_top, name
    k.shot("identify-mrz-problem")
    k.find("birthInput").setProperty("text", "")
    k.type_into("birthInput", "12.08.1974")
    k.click("accessSubmitButton")
    k.wait_for("confirmIdentityButton", timeout=10000)
    assert k.text_of("identityName") == "Anna Maria Eriksson"
    k.shot("identify-passport-confirm")
    k.click("confirmIdentityButton")
    k.wait_screen("form")
