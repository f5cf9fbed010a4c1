"""The whole kiosk in a real call: the QML interface (offscreen) with its session, the hub as a
process, and a clerk in headless Chromium. Run by tests/e2e/test_call.py as its own pytest
inside a network namespace (the call's media needs one), not collected by the suite itself.

The citizen presses *Mit dem Rathaus sprechen* on their form and agrees; the clerk answers;
the overlay shows the call; the clerk sees the form, suggests a topic, which the citizen takes;
the citizen docks the call and types on the form while the clerk watches the value arrive; the
clerk asks for a photo of the ID, which the citizen sends, and confirms the identity; the clerk
prints a checklist, which the terminal's printer prints and the clerk reads back; the
citizen hangs up in the dock and is on their form, the clerk's topic chosen and marked.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.e2e.browser import MEDIA_ARGS, chromium
from tests.e2e.call_scenario import log_in
from tests.hub.conftest import CLERK_PASSWORD
from tests.support.configs import demo_config
from tests.support.hub_runner import HubRunner
from tests.ui.conftest import ARTEFACTS, KioskDriver

Make = Callable[..., KioskDriver]


def test_a_citizen_calls_from_the_kiosk_and_a_clerk_helps_with_the_form(
    make_kiosk: Make, tmp_path: Path
) -> None:
    hub = HubRunner(tmp_path / "hub")
    credential, key = hub.setup(terminal_id="demo-terminal-01")
    hub.cli(
        "users", "add", "clerk", "--password-stdin", "--display-name", "Frau Weber",
        stdin=CLERK_PASSWORD + "\n",
    )  # fmt: skip
    hub.start()
    try:
        config = demo_config(tmp_path / "data", hub_url=hub.url)
        shutil.copy(credential, config.hub.credential_file)
        shutil.copy(key, config.hub.public_key)
        k = make_kiosk(config=config)
        with chromium(MEDIA_ARGS) as browser:
            log_in(browser, hub.url)

            def clerk_sees(condition: Callable[[], Any], timeout: int = 20000) -> None:
                # The kiosk's Qt loop keeps running while the clerk's page is watched.
                k.qtbot.waitUntil(lambda: bool(condition()), timeout=timeout)

            k.click("startButton")
            k.wait_screen("home")
            k.click("tile_termin")
            k.wait_screen("service")
            k.click("proceedButton")
            k.wait_screen("form")
            k.click("clerkButton")
            k.click("callConsentButton")
            # The caller shows at the desk; the clerk answers.
            clerk_sees(lambda: browser.evaluate("!!document.querySelector('#queue button')"))
            browser.click("#queue button", loads_page=False)
            k.wait_for("callHangUpButton", timeout=30000)
            session = k.ui.terminal.session
            assert session is not None and session.call is not None
            assert session.call.clerk == "Frau Weber"  # the clerk's display name, not a login
            clerk_sees(lambda: (browser.evaluate("window.popDesk.received()") or {}).get(
                "framesDecoded", 0) > 10)  # fmt: skip
            k.shot("kiosk-call-1-in-call")
            # The clerk sees the form and suggests a topic; the citizen takes it.
            clerk_sees(lambda: browser.evaluate("window.popDesk.formOpen()"))
            clerk_sees(lambda: "Anliegen" in browser.text)
            browser.evaluate(
                "document.querySelector('select[name=suggest-topic]').value = 'registration'"
            )
            browser.click("[data-key=topic] button", loads_page=False)
            k.wait_for("suggestion_topic", timeout=10000)
            k.shot("kiosk-call-2-suggestion")
            k.click("takeSuggestion_topic")
            clerk_sees(lambda: "Vorschlag übernommen" in browser.text)
            # The clerk starts a note for the date; the citizen docks the call and types the
            # date on the form: the clerk sees it as typed, and keeps what they were writing.
            browser.type_into("[name=suggest-preferred_date]", "Mont")
            k.click("callDockButton")
            k.wait_for("callDock")
            k.type_into("input_preferred_date", "1.2.")
            value = "document.querySelector('[data-key=preferred_date] .coview-value').textContent"
            clerk_sees(lambda: browser.evaluate(value) == "1.2.")
            assert (
                browser.evaluate("document.activeElement.name + '=' + document.activeElement.value")
                == "suggest-preferred_date=Mont"
            )
            k.shot("kiosk-call-2b-docked")
            # The clerk asks for a photo of the ID: the dock says so; in the call, the citizen
            # holds the (demo) passport up and sends it; the clerk sees it and confirms the
            # identity against it.
            browser.click("#want-document", loads_page=False)
            k.qtbot.waitUntil(
                lambda: "Foto Ihres Ausweises" in str(k.find("dockNews").property("text")),
                timeout=10000,
            )
            k.click("callUndockButton")
            k.click("demoHoldPassportInCall")
            k.click("sendDocumentButton")
            k.wait_for("documentSentNotice", timeout=10000)
            clerk_sees(lambda: browser.evaluate("window.popDesk.documentShown()"))
            assert browser.evaluate("document.getElementById('confirm-basis').value") == (
                "document_photo"
            )
            browser.click("#confirm-identity", loads_page=False)
            clerk_sees(lambda: "Identität bestätigt ✓" in browser.text)
            k.wait_for("identityConfirmedNotice", timeout=10000)
            browser.screenshot(ARTEFACTS / "screens" / "desk-call-document-photo.png")
            k.click("callDockButton")
            k.wait_for("callDock")
            # The clerk prints a checklist: the terminal's printer prints it, both are told.
            browser.evaluate("document.getElementById('print-kind').value = 'checklist'")
            browser.type_into("#print-title", "Mitbringen zum Termin")
            browser.type_into("#print-lines", "Personalausweis")
            browser.click("#print-form button", loads_page=False)
            k.qtbot.waitUntil(
                lambda: "aus dem Drucker" in str(k.find("dockNews").property("text")),
                timeout=20000,
            )
            clerk_sees(lambda: "Gedruckt." in browser.text)
            # The citizen hangs up in the dock: the clerk's side ends; the citizen is on the
            # form all along.
            k.click("dockHangUpButton")
            clerk_sees(lambda: browser.evaluate("!window.popDesk.inCall()"))
            k.qtbot.waitUntil(lambda: not k.exists("callDock"), timeout=10000)
            assert k.screen == "form" and not k.exists("callOverlay")
            assert session.values["preferred_date"] == "1.2."
            assert k.find("fromClerkBadge_topic").isVisible()
            assert session.values["topic"] == "registration"
    finally:
        hub.stop()
