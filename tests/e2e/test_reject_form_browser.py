"""The clerk's reject form in a real browser: asked for a reason, the form keeps "Abgelehnt".

Headless Chromium, as a clerk would: pick "Abgelehnt", save without a reason, read the hint,
type the reason, save again — and the submission is rejected (before the fix, the re-shown
form had the first status, "In Bearbeitung", selected again, and saving set that instead).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.e2e.browser import chromium
from tests.hub.conftest import CLERK_PASSWORD, termin
from tests.support.hub_runner import HubRunner
from wire.api import MEDIA_TYPE_JOSE, SUBMISSION_PATH
from wire.sealing import load_public_key, seal


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[tuple[HubRunner, str, Path]]:
    runner = HubRunner(tmp_path / "hub")
    credential, key = runner.setup(terminal_id="village-01")
    runner.cli("users", "add", "clerk", "--password-stdin", stdin=CLERK_PASSWORD + "\n")
    runner.start()
    yield runner, credential.read_text().strip(), key
    runner.stop()


def test_the_reject_form_keeps_its_status_when_it_asks_for_a_reason(
    hub: tuple[HubRunner, str, Path],
) -> None:
    runner, token, key = hub
    doc = termin("village-01")
    r = requests.put(
        runner.url + SUBMISSION_PATH.format(submission_id=doc["id"]),
        data=seal(json.dumps(doc).encode(), load_public_key(key), "application/json"),
        headers={"Authorization": f"Bearer {token}", "Content-Type": MEDIA_TYPE_JOSE},
        timeout=30,
    )
    assert r.status_code == 201

    with chromium() as browser:
        browser.open(runner.url + "/login")
        browser.type_into("input[name=username]", "clerk")
        browser.type_into("input[name=password]", CLERK_PASSWORD)
        browser.click("form.login button")
        browser.open(runner.url + f"/inbox/{doc['id']}")
        browser.click("input[name=status][value=rejected]", loads_page=False)
        browser.click("form.status button")
        assert "braucht die Bürgerin oder der Bürger eine Begründung" in browser.text
        checked = "document.querySelector('input[name=status]:checked').value"
        assert browser.evaluate(checked) == "rejected"
        browser.type_into("textarea[name=message]", "Bitte ein Foto bei Tageslicht.")
        browser.click("form.status button")
        assert "Abgelehnt – Bitte ein Foto bei Tageslicht." in browser.text, browser.text[:400]

    status = requests.get(runner.url + f"/api/v1/status/{doc['tracking_code']}", timeout=10)
    assert status.json()["status"] == "rejected"
