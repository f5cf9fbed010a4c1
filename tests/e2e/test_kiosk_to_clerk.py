"""End to end: a citizen at the real kiosk UI, a real hub process, a clerk over HTTP.

The kiosk (QML, offscreen) sends through its delivery worker to the hub; the done screen shows
that the submission arrived; a clerk logs in to the inbox, reads it, sets its status; the
citizen's tracking code then shows that status — and nothing personal.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests

from drivers.card.virtual.pki import TestPki
from tests.e2e.browser import chromium
from tests.support.configs import demo_config
from tests.support.hub_runner import HubRunner
from tests.ui.conftest import KioskDriver, read_sample_card
from ui.models.enums import DeliveryState

Make = Callable[..., KioskDriver]


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[tuple[HubRunner, Path, Path]]:
    runner = HubRunner(tmp_path / "hub")
    credential, key = runner.setup(terminal_id="demo-terminal-01")
    runner.cli("users", "add", "clerk", "--password-stdin", stdin="sicheres-Passwort-1\n")
    # The demo kiosk's sample chips are signed by the test PKI in its data folder
    # (simulated_pki); the hub checks the chips' data against that CSCA itself.
    pki = TestPki.load_or_create(tmp_path / "data" / "demo-pki")
    (tmp_path / "csca.pem").write_bytes(pki.csca_pem())
    runner.start("--csca", str(tmp_path / "csca.pem"))
    yield runner, credential, key
    runner.stop()


def csrf(page: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match, page[:500]
    return match.group(1)


def test_citizen_submits_clerk_works_it_citizen_sees_the_status(
    make_kiosk: Make, tmp_path: Path, hub: tuple[HubRunner, Path, Path]
) -> None:
    runner, credential, key = hub
    config = demo_config(tmp_path / "data", hub_url=runner.url)
    shutil.copy(credential, config.hub.credential_file)
    shutil.copy(key, config.hub.public_key)
    config = dataclasses.replace(config, status_url=runner.url + "/status/{tracking}")
    k = make_kiosk(config=config)

    # The citizen: an appointment request, no ID card, no photos.
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_termin")
    k.wait_screen("service")
    k.click("proceedButton")
    fill_appointment_request(k)
    k.click("consentToggle")
    k.click("submitButton")
    k.wait_screen("done")
    code = k.text_of("trackingNumber")
    # Delivered for real: the done screen says it arrived.
    k.qtbot.waitUntil(
        lambda: k.ui.models.done.property("deliveryState") == DeliveryState.Value.Sent,
        timeout=15000,
    )
    assert "angekommen" in k.text_of("doneHeading")
    k.shot("e2e-done-arrived")
    assert k.ui.terminal.delivery_status.depth == 0  # nothing left on the terminal

    # The citizen's status lookup: received, and nothing personal.
    status = requests.get(f"{runner.url}/api/v1/status/{code}", timeout=10)
    assert status.status_code == 200
    assert status.json()["status"] == "received"
    assert "Mustermann" not in status.text and "0221" not in status.text

    # The clerk, in a real browser: login form, inbox, the submission decrypted, status to
    # done through the page's form.
    [(sid,)] = runner.rows("SELECT id FROM submissions")
    with chromium() as browser:
        browser.open(f"{runner.url}/login")
        browser.type_into("input[name=username]", "clerk")
        browser.type_into("input[name=password]", "sicheres-Passwort-1")
        browser.click("form.login button")
        assert browser.url == f"{runner.url}/inbox", browser.text[:500]
        assert "Termin" in browser.text
        browser.click(f'a[href="/inbox/{sid}"]')
        assert "Erika Mustermann" in browser.text and code in browser.text
        browser.click("input[name=status][value=done]", loads_page=False)
        browser.type_into("textarea[name=message]", "Termin am Montag, 9 Uhr.")
        browser.click("form.status button")
        assert "Erledigt – Termin am Montag, 9 Uhr." in browser.text, browser.text[:500]
    status = requests.get(f"{runner.url}/api/v1/status/{code}", timeout=10).json()
    assert status["status"] == "done"
    assert status["message"] == "Termin am Montag, 9 Uhr."
    k.click("finishButton")
    k.wait_screen("attract")


def fill_appointment_request(k: KioskDriver) -> None:
    """From the appointment service's first form page to its review, as a citizen types it."""
    k.wait_screen("form")
    k.click("choice_topic_id_card")
    k.type_into("input_preferred_date", "")
    k.ui.terminal.session.set_value("preferred_date", k.clock.german(10))  # type: ignore[union-attr]
    k.click("choice_morning_yes")
    k.click("nextButton")
    k.wait_for("input_name")
    k.type_into("input_name", "Erika Mustermann")
    k.type_into("input_phone", "0221 654321")
    k.click("nextButton")
    k.wait_screen("review")


CHROMIUM = "/usr/bin/chromium"
SCREENS = Path(__file__).resolve().parents[2] / "artifacts" / "screens"


def render(page: str, hub_url: str, name: str, session: requests.Session) -> Path:
    """Screenshot a page as the clerk's browser shows it (headless Chromium).

    The page was fetched with the clerk's session; photos are inlined for the same reason
    (a screenshot run has no cookie), styles load from the hub itself.
    """
    import base64
    import subprocess
    import tempfile

    def inline(match: re.Match[str]) -> str:
        jpeg = session.get(hub_url + match.group(1), timeout=10).content
        return 'src="data:image/jpeg;base64,' + base64.b64encode(jpeg).decode() + '"'

    page = re.sub(r'src="(/inbox/[^"]+)"', inline, page)
    page = page.replace("<head>", f'<head><base href="{hub_url}/">', 1)
    SCREENS.mkdir(parents=True, exist_ok=True)
    html = SCREENS / f"{name}.html"
    html.write_text(page, encoding="utf-8")
    png = SCREENS / f"{name}.png"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                f"--user-data-dir={profile}",
                "--window-size=1280,1000",
                f"--screenshot={png}",
                html.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )
    html.unlink()
    assert png.stat().st_size > 10_000
    return png


def test_the_clerk_pages_render_in_a_browser(
    make_kiosk: Make, tmp_path: Path, hub: tuple[HubRunner, Path, Path]
) -> None:
    runner, credential, key = hub
    config = demo_config(tmp_path / "data", hub_url=runner.url)
    shutil.copy(credential, config.hub.credential_file)
    shutil.copy(key, config.hub.public_key)
    k = make_kiosk(config=config)
    # A pothole report with two photos, sent through the real kiosk; the citizen identified
    # with the sample ID card (the virtual chip: PACE, passive authentication).
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_maengel-melden")
    k.wait_screen("service")
    k.click("proceedButton")
    k.wait_screen("identify")
    read_sample_card(k)
    k.wait_screen("form")
    k.click("choice_category_pothole")
    k.type_into("input_location", "Vor der Kirche, Hauptstraße 3")
    k.click("nextButton")
    k.wait_for("input_description")
    k.type_into("input_description", "Tiefes Schlagloch, Radfahrer müssen ausweichen.")
    k.click("nextButton")
    k.wait_screen("attachments")
    for n in range(2):
        k.click("takePhotoButton")
        k.wait_for(f"photo_{n}")
    k.click("photosDoneButton")
    k.wait_screen("review")
    k.click("consentToggle")
    k.click("submitButton")
    k.wait_screen("done")
    code = k.text_of("trackingNumber")
    k.qtbot.waitUntil(
        lambda: k.ui.models.done.property("deliveryState") == DeliveryState.Value.Sent,
        timeout=15000,
    )

    clerk = requests.Session()
    login = clerk.get(f"{runner.url}/login", timeout=10)
    render(login.text, runner.url, "hub-login", clerk)
    clerk.post(
        f"{runner.url}/login",
        data={
            "username": "clerk",
            "password": "sicheres-Passwort-1",
            "csrf_token": csrf(login.text),
        },
        timeout=10,
    )
    inbox = clerk.get(f"{runner.url}/inbox", timeout=10)
    assert "Mängel melden" in inbox.text
    render(inbox.text, runner.url, "hub-inbox", clerk)
    [(sid,)] = runner.rows("SELECT id FROM submissions")
    detail = clerk.get(f"{runner.url}/inbox/{sid}", timeout=10)
    assert detail.text.count('src="/inbox/') == 2
    assert "Schlagloch oder Straßenschaden" in detail.text  # the choice's label, not its value
    # The chip was read with PACE; the hub verified its data itself (passive authentication).
    assert 'class="badge authenticity-ok"' in detail.text and "PACE" in detail.text
    render(detail.text, runner.url, "hub-detail", clerk)
    photo = clerk.get(f"{runner.url}/inbox/{sid}/attachments/photo-1.jpg", timeout=10)
    assert photo.headers["content-type"] == "image/jpeg"
    assert photo.headers["cache-control"] == "no-store"
    assert photo.content[:2] == b"\xff\xd8"
    status = requests.get(f"{runner.url}/status/{code}", timeout=10)
    assert "Eingegangen" in status.text
    render(status.text, runner.url, "hub-status-citizen", clerk)
