"""The kiosk and the hub as real processes: a citizen's journey through the kiosk's screens."""

from __future__ import annotations

import datetime as dt
import logging
import re
import signal
from zoneinfo import ZoneInfo

import pytest
import requests

from tests.e2e.kiosk_process import EndToEnd, KioskProcess, UnexpectedLogError
from tests.ui.conftest import ARTEFACTS

pytestmark = pytest.mark.slow

ARRIVED = "Vielen Dank! Ihr Antrag ist im Rathaus angekommen."
STORED = "Vielen Dank! Ihr Antrag ist sicher gespeichert."
ONE_WAITING = "Offline – 1 Antrag wartet, er wird automatisch gesendet"


def in_two_weeks() -> str:
    """A pickup date the form accepts (one week ahead at the earliest), in the town's day."""
    today = dt.datetime.now(ZoneInfo("Europe/Berlin")).date()
    return (today + dt.timedelta(days=14)).strftime("%d.%m.%Y")


def book_bulky_waste_pickup(kiosk: KioskProcess) -> str:
    """Attract → Sperrmüll → the sample ID card and its CAN → confirm → the form → review →
    consent → send; returns the tracking number on the done screen."""
    kiosk.click("startButton")
    kiosk.wait(screen="home")
    kiosk.click(text="Sperrmüll anmelden")  # the tile, by what it says
    kiosk.wait(screen="service")
    kiosk.click(text="Beginnen")
    kiosk.wait(screen="identify")
    kiosk.click("sampleCard_erika")  # the demo panel places the card on the simulated reader
    # The CAN is what a person reads off the card: the demo panel prints it.
    can = re.search(r"\b\d{6}\b", kiosk.text_of("demoSampleAccess"))
    assert can, kiosk.text_of("demoSampleAccess")
    kiosk.type("canInput", can.group())
    kiosk.click("accessSubmitButton")
    kiosk.click(text="Ja, das bin ich", timeout=30)
    kiosk.wait(screen="form")
    assert kiosk.text_of("input_family_name") == "Mustermann"  # prefilled from the chip
    kiosk.click("nextButton")
    kiosk.wait("input_items")
    kiosk.type("input_items", "1 Sofa, 2 Stühle, 1 Matratze")
    kiosk.type("input_volume", "2")
    kiosk.type("input_preferred_date", in_two_weeks())
    kiosk.click("nextButton")
    kiosk.wait(screen="review")
    [submit] = [item for item in kiosk.items() if item["name"] == "submitButton"]
    assert not submit["enabled"]  # not before the citizen consents
    kiosk.click("consentToggle")
    kiosk.click(text="Absenden")
    kiosk.wait(screen="done", timeout=30)
    return kiosk.text_of("trackingNumber")


def test_a_citizen_books_a_pickup_and_it_arrives_at_the_hub(e2e: EndToEnd) -> None:
    e2e.hub.start()
    e2e.kiosk.start()
    code = book_bulky_waste_pickup(e2e.kiosk)
    e2e.kiosk.wait(text=ARRIVED, timeout=30)
    e2e.kiosk.screenshot(ARTEFACTS / "screens" / "e2e-process-done.png")
    [(service,)] = e2e.hub.rows("SELECT service_id FROM submissions")
    assert service == "sperrmuell"
    status = requests.get(f"{e2e.hub.url}/api/v1/status/{code}", timeout=10)
    assert status.status_code == 200 and status.json()["status"] == "received"
    e2e.kiosk.click("finishButton")
    e2e.kiosk.wait(screen="attract")
    # The next citizen is the same one, back to ask how far the application is.
    e2e.kiosk.click("startButton")
    e2e.kiosk.wait(screen="home")
    e2e.kiosk.click(text="Antragsstatus")
    e2e.kiosk.wait(screen="service")
    e2e.kiosk.click(text="Beginnen")
    e2e.kiosk.wait(screen="form")
    e2e.kiosk.type("input_tracking_number", code.lower())
    e2e.kiosk.click("nextButton")
    e2e.kiosk.wait("statusWord", timeout=30)
    assert e2e.kiosk.text_of("statusWord") == "Eingegangen"
    e2e.kiosk.click("statusFinishButton")
    e2e.kiosk.wait(screen="attract")
    # No personal data in either log, not even at --debug: not the name from the chip, not
    # what the citizen typed, not the tracking code (the citizen's key to the status; the
    # status look-up puts it in a URL, which urllib3 would log at DEBUG).
    secrets = ("Mustermann", "ERIKA", "Erika", "Sofa", "Stühle", in_two_weeks(), code)
    for secret in (*secrets, code.lower(), code.replace("-", "")):
        for proc in e2e.processes:
            assert secret not in proc.log_text(), (proc.name, secret)


def test_while_the_hub_is_down_the_application_waits_and_is_delivered_when_it_is_back(
    e2e: EndToEnd,
) -> None:
    e2e.hub.start()
    e2e.kiosk.start()
    e2e.hub.proc.kill()  # the town hall's server is gone, as in a power cut
    e2e.kiosk.proc.expect(r"^hub connection: offline \(", why="the hub is stopped on purpose")
    # Its health report may fall due while the hub is away (once, until one gets through).
    e2e.kiosk.proc.expect(r"^health report not delivered \(", why="the hub is stopped on purpose")
    code = book_bulky_waste_pickup(e2e.kiosk)
    e2e.kiosk.wait(text=STORED)
    e2e.kiosk.wait("offlineNotice", timeout=30)  # "Offline — 1 application waiting …"
    e2e.kiosk.screenshot(ARTEFACTS / "screens" / "e2e-process-offline.png")
    e2e.kiosk.click("finishButton")
    e2e.kiosk.wait(screen="attract")
    e2e.kiosk.wait(text=ONE_WAITING)  # the next citizen sees it too
    assert e2e.hub.rows("SELECT count(*) FROM submissions") == [(0,)]

    e2e.hub.start()  # back, at the same address
    e2e.kiosk.wait(text=ONE_WAITING, gone=True, timeout=60)
    assert e2e.hub.rows("SELECT service_id FROM submissions") == [("sperrmuell",)]
    status = requests.get(f"{e2e.hub.url}/api/v1/status/{code}", timeout=10)
    assert status.json()["status"] == "received"


def test_an_unexpected_error_line_of_the_kiosk_fails_the_test(e2e: EndToEnd) -> None:
    # A real error from the real process: the control socket asked for in a folder that
    # other users can enter is refused, with an ERROR line.
    open_folder = e2e.base / "open"
    open_folder.mkdir()
    open_folder.chmod(0o755)
    e2e.kiosk.proc.env["POP_TEST_CONTROL"] = str(open_folder / "control.sock")
    e2e.hub.start()
    e2e.kiosk.start(control=False)
    e2e.kiosk.proc.wait_for_log(r"^test control refused: its directory must be private")
    with pytest.raises(UnexpectedLogError, match=r"ERROR ui\.test_control: test control refused"):
        e2e.check_logs()
    # Allowed by the test itself, the same line passes (and the teardown's check with it).
    e2e.kiosk.proc.expect(r"^test control refused: ", logging.ERROR, "provoked by this test")
    e2e.check_logs()


def test_a_kiosk_that_dies_fails_the_test(e2e: EndToEnd) -> None:
    e2e.hub.start()
    e2e.kiosk.start()
    process = e2e.kiosk.proc.process
    assert process is not None
    process.send_signal(signal.SIGABRT)  # as Qt's qFatal or a failed assertion ends it
    e2e.kiosk.proc.wait_for_log(r"^<kiosk exited by itself with code -6>$")
    with pytest.raises(UnexpectedLogError, match="kiosk exited by itself"):
        e2e.check_logs()
    e2e.kiosk.proc.expect(r"^<kiosk exited by itself ", logging.CRITICAL, "this test ends it")
