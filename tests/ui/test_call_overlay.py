"""The video call's overlay in the real QML scene: consent, queue, call with chat, its end,
and back to the form as it was. The link is a stand-in that the test speaks for (the real
call, with aiortc and a clerk in Chromium, is tests/e2e/test_call.py)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from kiosk.call.link import CallEvent, CallPhase
from tests.kiosk.test_session_call import StandInDialer, StandInLink
from tests.ui.conftest import KioskDriver
from tests.ui.test_journey import to_service

Make = Callable[..., KioskDriver]


def tell(k: KioskDriver, link: StandInLink, phase: CallPhase, **fields: object) -> None:
    link.events(CallEvent(phase, "call-1", **fields))  # type: ignore[arg-type]


def text_of(k: KioskDriver, name: str) -> str:
    return str(k.find(name).property("text"))


def test_a_citizen_calls_the_town_hall_from_the_form_and_comes_back(make_kiosk: Make) -> None:
    k = make_kiosk()
    dialer = StandInDialer()
    k.ui.terminal.equipment.call_dialer = dialer
    to_service(k, "termin")
    k.wait_screen("form")
    k.click("clerkButton")
    k.wait_for("callConsentButton")
    assert "Nichts wird aufgezeichnet" in text_of(k, "callText")
    k.shot("call-1-consent")
    k.click("callConsentButton")
    k.qtbot.waitUntil(lambda: len(dialer.links) == 1)
    link = dialer.links[0]
    tell(k, link, CallPhase.QUEUED, position=2, wait_s=300.0, clerks=1)
    k.qtbot.waitUntil(lambda: "Nummer 2" in text_of(k, "callText"))
    assert "etwa 5 Minuten" in text_of(k, "callWait")
    k.shot("call-2-waiting")
    tell(k, link, CallPhase.ANSWERED, clerk="Frau Weber")
    tell(k, link, CallPhase.CONNECTED)
    k.wait_for("callHangUpButton")
    # The clerk's picture comes through the same video path as the camera preview.
    link.clerk_frames.publish(np.full((480, 640, 3), (40, 90, 160), np.uint8))
    tell(k, link, CallPhase.CHAT, text="Guten Tag, was kann ich für Sie tun?")
    k.type_into("callChatInput", "Ich habe eine Frage zum Termin.")
    k.click("callChatSend")
    k.qtbot.waitUntil(lambda: link.chats == ["Ich habe eine Frage zum Termin."])
    assert "Kamera an" in text_of(k, "cameraOnIndicator")
    # The state says what is; the buttons say what they do.
    assert text_of(k, "callCameraButton") == "Kamera ausschalten"
    assert text_of(k, "callMuteButton") == "Mikrofon ausschalten"
    # The clerk prints a checklist: the citizen is told to take it from the printer.
    tell(
        k,
        link,
        CallPhase.PRINT,
        text="Mitbringen zum Termin",
        print_kind="checklist",
        print_lines=("Personalausweis",),
    )
    k.qtbot.waitUntil(lambda: link.printed == ["printed"], timeout=10000)
    k.qtbot.waitUntil(lambda: "aus dem Drucker" in text_of(k, "printNoticeText"))
    k.shot("call-3-in-call")
    # The clerk suggests a topic for the form: shown marked; the citizen takes it.
    tell(k, link, CallPhase.FORM_WANTED)
    k.qtbot.waitUntil(lambda: len(link.forms) == 1)
    tell(k, link, CallPhase.SUGGESTION, key="topic", value="registration")
    k.wait_for("suggestion_topic")
    k.shot("call-3a-suggestion")
    # What the clerk wrote shows as written, placeholders and all (never filled in twice).
    tell(k, link, CallPhase.SUGGESTION, key="name", value="Anna %3 Weber")
    k.wait_for("suggestion_name")
    assert "Anna %3 Weber" in text_of(k, "suggestionText_name")
    k.click("leaveSuggestion_name")
    k.qtbot.waitUntil(lambda: not k.exists("suggestion_name"))
    k.click("takeSuggestion_topic")
    k.qtbot.waitUntil(lambda: not k.exists("suggestion_topic"))
    assert link.form()["answered"] == {"name": "declined", "topic": "accepted"}
    # The loudspeaker fails: the citizen is asked to write instead.
    assert not k.exists("soundMissingNotice")
    tell(k, link, CallPhase.NO_SOUND)
    k.wait_for("soundMissingNotice")
    assert "schreiben" in text_of(k, "soundMissingNotice")
    k.shot("call-3b-no-sound")
    k.click("callMuteButton")
    k.qtbot.waitUntil(lambda: link.muted)
    k.click("callCameraButton")
    k.qtbot.waitUntil(lambda: not link.camera_on)
    assert not k.exists("ownPicture")
    k.click("callHangUpButton")
    k.qtbot.waitUntil(lambda: link.hung_up == 1)
    k.wait_for("callBackButton")
    k.shot("call-4-ended")
    k.click("callBackButton")
    k.qtbot.waitUntil(lambda: not k.exists("callOverlay"))
    assert k.screen == "form"
    # On the form, the topic the town hall suggested is chosen and marked as theirs.
    assert k.find("fromClerkBadge_topic").isVisible()
    k.shot("call-4b-form-with-the-clerk-s-topic")


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_the_citizen_docks_the_call_and_fills_in_the_form_as_the_clerk_watches(
    make_kiosk: Make, orientation: str
) -> None:
    k = make_kiosk(orientation)
    dialer = StandInDialer()
    k.ui.terminal.equipment.call_dialer = dialer
    to_service(k, "termin")
    k.wait_screen("form")
    k.click("clerkButton")
    k.click("callConsentButton")
    k.qtbot.waitUntil(lambda: len(dialer.links) == 1)
    link = dialer.links[0]
    tell(k, link, CallPhase.ANSWERED, clerk="Frau Weber")
    tell(k, link, CallPhase.CONNECTED)
    tell(k, link, CallPhase.FORM_WANTED)
    k.qtbot.waitUntil(lambda: len(link.forms) == 1)
    k.click("callDockButton")
    k.wait_for("callDock")
    assert not k.exists("callOverlay")
    link.clerk_frames.publish(np.full((480, 640, 3), (40, 90, 160), np.uint8))
    # The form is the citizen's again, beside the dock, and the clerk sees what is typed.
    dock = k.find("callDock")
    field = k.wait_for("input_preferred_date")
    right_edge = field.mapToScene(QPointF(field.width(), 0)).x()
    assert right_edge <= dock.mapToScene(QPointF(0, 0)).x()
    k.type_into("input_preferred_date", "1.2.")

    def clerk_sees_the_date() -> bool:
        fields = {f["key"]: f for p in link.form()["pages"] for f in p["fields"]}
        return bool(fields["preferred_date"]["value"] == "1.2.")

    k.qtbot.waitUntil(clerk_sees_the_date, timeout=3000)
    # What the clerk sends is announced in the dock.
    tell(k, link, CallPhase.CHAT, text="Bitte auch das Datum.")
    tell(k, link, CallPhase.SUGGESTION, key="topic", value="registration")
    k.qtbot.waitUntil(lambda: "1 neue Nachricht" in text_of(k, "dockNews"))
    assert "schlägt" in text_of(k, "dockNews")
    k.qtbot.wait(100)  # (the clerk's picture reaches the dock's output)
    k.shot("call-5-docked")
    k.click("callUndockButton")
    k.wait_for("suggestion_topic")
    assert not k.exists("callDock")
    k.click("takeSuggestion_topic")
    k.click("callDockButton")
    k.wait_for("callDock")
    # Cancelling the visit would end the call too: the dialog says so, and the dock waits.
    k.click("cancelButton")
    k.wait_for("cancelEndsCall")
    assert not k.find("callUndockButton").isEnabled()
    k.click("cancelNoButton")
    k.qtbot.waitUntil(lambda: k.find("callUndockButton").isEnabled())
    k.click("dockHangUpButton")
    k.qtbot.waitUntil(lambda: link.hung_up == 1 and not k.exists("callDock"))
    assert not k.exists("callOverlay") and k.screen == "form"
    assert k.find("fromClerkBadge_topic").isVisible()


def test_the_clerk_asks_for_the_id_and_the_citizen_holds_it_up_and_sends_it(
    make_kiosk: Make,
) -> None:
    k = make_kiosk()
    dialer = StandInDialer()
    k.ui.terminal.equipment.call_dialer = dialer
    to_service(k, "termin")
    k.wait_screen("form")
    k.click("clerkButton")
    k.click("callConsentButton")
    k.qtbot.waitUntil(lambda: len(dialer.links) == 1)
    link = dialer.links[0]
    tell(k, link, CallPhase.ANSWERED, clerk="Frau Weber")
    tell(k, link, CallPhase.CONNECTED)
    tell(k, link, CallPhase.DOCUMENT_WANTED)
    k.wait_for("documentPanel")
    assert "nicht gespeichert" in text_of(k, "documentText")
    assert not k.exists("ownPicture")  # one picture of the camera: the document's
    k.click("demoHoldPassportInCall")
    k.shot("call-6-document-wanted")
    k.click("sendDocumentButton")
    k.wait_for("documentSentNotice", timeout=10000)
    assert not k.exists("documentPanel")
    assert '"source":"camera"' in link.forms[-1]


def test_without_a_hub_the_phone_number_is_shown(make_kiosk: Make) -> None:
    k = make_kiosk()
    to_service(k, "termin")
    k.wait_screen("form")
    k.click("clerkButton")
    k.wait_for("clerkDialog")
    assert not k.exists("callOverlay")


def test_nobody_answers_and_the_citizen_asks_for_a_call_back(make_kiosk: Make) -> None:
    k = make_kiosk()
    dialer = StandInDialer()
    k.ui.terminal.equipment.call_dialer = dialer
    to_service(k, "termin")
    k.wait_screen("form")
    k.click("clerkButton")
    k.click("callConsentButton")
    k.qtbot.waitUntil(lambda: len(dialer.links) == 1)
    tell(k, dialer.links[0], CallPhase.QUEUED, position=1, wait_s=240.0, clerks=0)
    k.wait_for("callBackAskButton")
    assert "niemand" in text_of(k, "callText")
    k.shot("call-5-nobody")
    k.click("callBackAskButton")
    k.wait_for("callBack_phone")
    k.click("callBackSendButton")  # empty: the catalogue's rules say what is missing
    k.wait_for("callBackProblem_phone")
    k.type_into("callBack_phone", "+49 170 1234567")
    k.type_into("callBack_topic", "Frage zum Termin")
    k.click("callBack_when_morning")
    k.shot("call-6-call-back-form")
    k.click("callBackSendButton")
    k.qtbot.waitUntil(lambda: "Vorgangsnummer" in text_of(k, "callText"), timeout=10000)
    assert len(text_of(k, "callBackCode")) == 14
    k.shot("call-7-call-back-sent")
    k.click("callBackButton")
    k.qtbot.waitUntil(lambda: not k.exists("callOverlay"))
    assert k.screen == "form"


def test_the_attract_screen_calls_the_town_hall_in_one_touch(make_kiosk: Make) -> None:
    k = make_kiosk()
    k.ui.terminal.equipment.call_dialer = StandInDialer()
    k.wait_screen("attract")
    k.wait_for("attractClerkButton")
    k.shot("call-0-attract")
    k.click("attractClerkButton")
    k.wait_for("callConsentButton")
    k.click("callBackButton")  # "Zurück": the citizen is at the start, with a session
    k.qtbot.waitUntil(lambda: not k.exists("callOverlay"))
    assert k.screen == "home"
