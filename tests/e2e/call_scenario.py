"""A video call end to end, run inside a network namespace of its own (``netns.run``):
the hub as a process, the terminal's :class:`kiosk.call.link.CallLink` (aiortc) with the
simulated camera, and a clerk in headless Chromium with its fake camera and microphone.

The namespace has only loopback, plus one address of the test's own on it (aioice never
offers 127.0.0.1 as a candidate): no packet of the call can leave what the test created.
Prints one JSON line of what each side saw; ``tests/e2e/test_call.py`` asserts on it.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from queue import Empty, Queue
from types import SimpleNamespace
from typing import Any

from drivers.camera.simulated import SimulatedCamera
from drivers.sound.simulated import SimulatedSound
from kiosk.call.coview import form_snapshot, photo_message
from kiosk.call.link import CallEvent, CallLink, CallPhase
from kiosk.session.visit import Visit
from tests.e2e.browser import MEDIA_ARGS, Chromium, chromium
from tests.hub.conftest import CLERK_PASSWORD
from tests.support.clock import demo_catalogue
from tests.support.hub_runner import HubRunner

TIMEOUT_S = 30.0


def until(what: str, check: Callable[[], Any], timeout_s: float = TIMEOUT_S) -> Any:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError(f"timed out: {what}")


def next_event(events: Queue[CallEvent], phase: CallPhase) -> CallEvent:
    deadline = time.monotonic() + TIMEOUT_S
    while True:
        try:
            event = events.get(timeout=max(0.0, deadline - time.monotonic()))
        except Empty:
            raise AssertionError(f"no {phase} event") from None
        if event.phase is phase:
            return event
        if event.phase in (CallPhase.ENDED, CallPhase.FAILED):
            raise AssertionError(f"call ended while waiting for {phase}: {event}")


def deliver(url: str, token: str, key: Path) -> None:
    """A terminal delivers an appointment request, as the outbox does."""
    import requests

    from tests.hub.conftest import termin
    from wire.api import MEDIA_TYPE_JOSE, SUBMISSION_PATH
    from wire.sealing import load_public_key, seal

    doc = termin("village-01")
    answer = requests.put(
        url + SUBMISSION_PATH.format(submission_id=doc["id"]),
        data=seal(json.dumps(doc).encode(), load_public_key(key), "application/json"),
        headers={"Authorization": f"Bearer {token}", "Content-Type": MEDIA_TYPE_JOSE},
        timeout=30,
    )
    assert answer.status_code == 201, answer.text


def log_in(browser: Chromium, url: str, user: str = "clerk") -> None:
    browser.open(url + "/login")
    browser.type_into("input[name=username]", user)
    browser.type_into("input[name=password]", CLERK_PASSWORD)
    browser.click("form.login button")
    browser.open(url + "/desk")
    until("the desk is ready", lambda: "Bereit für Anrufe" in browser.text)


def chip_photo() -> bytes:
    """A face-sized JPEG, as a chip's photo is after the terminal made it displayable."""
    import cv2
    import numpy as np

    face = np.full((320, 240, 3), (90, 140, 200), np.uint8)
    cv2.circle(face, (120, 140), 70, (60, 90, 160), -1)
    ok, jpeg = cv2.imencode(".jpg", face)
    assert ok
    return bytes(jpeg.tobytes())


def scenario(work: Path) -> dict[str, Any]:
    results: dict[str, Any] = {}
    hub = HubRunner(work / "hub")
    credential, key = hub.setup(terminal_id="village-01")
    hub.cli("users", "add", "clerk", "--password-stdin", stdin=CLERK_PASSWORD + "\n")
    hub.cli("users", "add", "ben", "--password-stdin", stdin=CLERK_PASSWORD + "\n")
    hub.start()
    camera = SimulatedCamera(640, 480, seed=3, fps=30)
    camera.start()
    events: Queue[CallEvent] = Queue()
    try:
        with chromium(MEDIA_ARGS) as browser:
            log_in(browser, hub.url)
            # The desk is the inbox too: a submission that arrives shows at once.
            deliver(hub.url, credential.read_text().strip(), key)
            until("the new submission at the desk", lambda: "Termin im Bürgerbüro" in browser.text)
            results["submission_at_desk"] = True
            # Away for a while (the desk does not count on them), then back.
            browser.click("#away", loads_page=False)
            until("the clerk is away", lambda: "Sie sind abwesend" in browser.text)
            browser.click("#away", loads_page=False)
            until("the clerk is back", lambda: "Bereit für Anrufe" in browser.text)
            results["away_and_back"] = True
            sound = SimulatedSound()
            link = CallLink(
                hub.url, credential.read_text().strip(), events.put, camera.frames, sound
            )
            pressed = time.monotonic()
            link.start("Frage zum Antrag", "de")
            queued = next_event(events, CallPhase.QUEUED)
            results["queued_position"] = queued.position
            until("the caller shows at the desk", lambda: "Frage zum Antrag" in browser.text)
            browser.click("#queue button", loads_page=False)
            answered = next_event(events, CallPhase.ANSWERED)
            results["clerk"] = answered.clerk
            next_event(events, CallPhase.CONNECTED)

            def clerk_sees() -> dict[str, Any]:
                got = browser.evaluate("window.popDesk.received()")
                return dict(got) if got else {"framesDecoded": 0, "audioEnergy": 0}

            until("the clerk sees the terminal", lambda: clerk_sees()["framesDecoded"] > 0)
            results["clerk_first_frame_s"] = time.monotonic() - pressed
            until("the terminal sees the clerk", lambda: link.video_in.received > 0)
            results["terminal_first_frame_s"] = time.monotonic() - pressed
            # Media keeps flowing both ways, sound included.
            until("30 frames at the clerk", lambda: clerk_sees()["framesDecoded"] >= 30)
            until("30 frames at the terminal", lambda: link.video_in.received >= 30)
            levels: list[float] = []

            def heard() -> bool:
                levels.append(link.audio_in.level)
                return max(levels) > 0.01

            until("the clerk's voice at the terminal", heard)
            until("the clerk's voice from the loudspeaker", lambda: sound.played_level > 0.01)
            until("the terminal's voice at the clerk", lambda: clerk_sees()["audioEnergy"] > 0)
            results["frames_at_clerk"] = clerk_sees()["framesDecoded"]
            results["frames_at_terminal"] = link.video_in.received
            results["audio_level_at_terminal"] = max(levels)
            results["audio_energy_at_clerk"] = clerk_sees()["audioEnergy"]
            # Real-time text both ways.
            browser.type_into("#chat-text", "Guten Tag, wie kann ich helfen?")
            browser.click("#chat-form button", loads_page=False)
            results["chat_at_terminal"] = next_event(events, CallPhase.CHAT).text
            link.chat("Ich kann Sie nicht hören.")
            until("the chat at the clerk", lambda: "nicht hören" in browser.text)
            results["chat_at_clerk"] = True
            # The clerk prints a checklist at the terminal; the terminal answers how it came out.
            browser.evaluate("document.getElementById('print-kind').value = 'checklist'")
            browser.type_into("#print-title", "Mitbringen zum Termin")
            browser.type_into("#print-lines", "Personalausweis\nMeldebescheinigung")
            browser.click("#print-form button", loads_page=False)
            printout = next_event(events, CallPhase.PRINT)
            results["print"] = [printout.print_kind, printout.text, list(printout.print_lines)]
            link.report_printed("printed")
            until("the clerk reads that it was printed", lambda: "Gedruckt." in browser.text)
            results["printed_at_clerk"] = True
            # The citizen's form, as structured data over the data channel: the clerk sees it,
            # suggests a fix, and sees the citizen take it.
            until("the form channel at the clerk", lambda: browser.evaluate(
                "window.popDesk.formOpen()"))  # fmt: skip
            visit = Visit(service=demo_catalogue().service("maengel-melden"))
            visit.values.update({"category": "pothole", "location": "Hauptstr 5"})
            link.share_form(form_snapshot(visit, "de"))
            until("the form at the clerk", lambda: "Hauptstr 5" in browser.text)
            results["form_at_clerk"] = "Schlagloch oder Straßenschaden" in browser.text
            browser.type_into("input[name=suggest-location]", "Hauptstraße 5")
            browser.click("[data-key=location] button", loads_page=False)
            suggestion = next_event(events, CallPhase.SUGGESTION)
            results["suggestion"] = [suggestion.key, suggestion.value]
            visit.values["location"] = str(suggestion.value)
            visit.suggestion_answers["location"] = "accepted"
            link.share_form(form_snapshot(visit, "de"))
            until("the clerk sees it taken", lambda: "Vorschlag übernommen" in browser.text)
            results["suggestion_taken_at_clerk"] = "Hauptstraße 5" in browser.text
            # The chip's photo beside the video, for the clerk to compare (CSP: a blob: URL).
            visit.identity = SimpleNamespace(photo_jpeg=bytearray(chip_photo()))  # type: ignore[assignment]
            photo = photo_message(visit)
            assert photo is not None
            link.share_form(photo)
            until("the chip's photo at the clerk", lambda: browser.evaluate(
                "window.popDesk.photoShown()"))  # fmt: skip
            results["chip_photo_at_clerk"] = True
            # The data channel's round trip, both ways.
            browser.evaluate("window.popDesk.pingForm(5)")
            until("round trips at the clerk", lambda: len(browser.evaluate(
                "window.popDesk.roundTrips()")) >= 5)  # fmt: skip
            for _ in range(5):
                link.ping_form_channel()
            until("round trips at the terminal", lambda: len(link.round_trips_s) >= 5)
            results["form_round_trip_ms"] = [
                round(min(browser.evaluate("window.popDesk.roundTrips()")), 2),
                round(min(link.round_trips_s) * 1000, 2),
            ]
            # The clerk compared the person with their document: confirmed, told the terminal.
            browser.click("#confirm-identity", loads_page=False)
            results["identity_confirmed"] = next_event(events, CallPhase.IDENTITY_CONFIRMED).call_id
            until("the clerk reads it is recorded", lambda: "Identität bestätigt ✓" in browser.text)
            # The clerk hands the call to a colleague at the desk: the terminal connects anew.
            with chromium(MEDIA_ARGS) as colleague:
                log_in(colleague, hub.url, "ben")
                until(
                    "the colleague is offered",
                    lambda: (
                        browser.evaluate("document.getElementById('transfer-to').value") == "ben"
                    ),
                )
                before = link.video_in.received
                browser.click("#transfer", loads_page=False)
                results["transferred_to"] = next_event(events, CallPhase.ANSWERED).clerk
                next_event(events, CallPhase.CONNECTED)

                def colleague_sees() -> int:
                    got = colleague.evaluate("window.popDesk.received()")
                    return int(got["framesDecoded"]) if got else 0

                until("the colleague sees the terminal", lambda: colleague_sees() > 10)
                until(
                    "the terminal sees the colleague", lambda: link.video_in.received > before + 10
                )
                until("the first clerk is told", lambda: "weitergeleitet" in browser.text)
                # The colleague hangs up; the terminal is told and closes its side.
                colleague.click("#hangup", loads_page=False)
                results["ended"] = next_event(events, CallPhase.ENDED).reason
            link.join()
            results["link_ended"] = True
    finally:
        camera.close()
        hub.stop()
    return results


def run(scene: Callable[[Path], dict[str, Any]]) -> int:
    """Run a scenario in a folder of its own; print what it saw as one JSON line."""
    with tempfile.TemporaryDirectory(prefix="pop-call-") as work:
        results = scene(Path(work))
    print(json.dumps(results), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(run(scenario))
