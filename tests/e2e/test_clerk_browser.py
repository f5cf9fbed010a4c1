"""A clerk in a real browser: headless Chromium logs in through the login form and changes a
status through the detail page's form, sending the headers a browser really sends.

The hub's pages carry ``Referrer-Policy: no-referrer``, so Chromium sends ``Origin: null`` on
these same-origin form posts; ``Sec-Fetch-Site: same-origin`` is what tells the truth.
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


def test_a_clerk_logs_in_and_sets_a_status_in_chromium(
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
        assert browser.url == runner.url + "/inbox", browser.text[:300]
        assert "Posteingang (1 Antrag)" in browser.text

        browser.click(f'a[href="/inbox/{doc["id"]}"]')
        assert doc["tracking_code"] in browser.text
        browser.click("input[name=status][value=done]", loads_page=False)
        browser.type_into("textarea[name=message]", "Wir melden uns bis Freitag.")
        browser.click("form.status button")
        assert browser.url == runner.url + f"/inbox/{doc['id']}", browser.text[:300]
        assert "Erledigt – Wir melden uns bis Freitag." in browser.text

        status = requests.get(runner.url + f"/api/v1/status/{doc['tracking_code']}", timeout=10)
        assert status.json()["status"] == "done"

        # Logout is a plain form post; the session is gone afterwards.
        browser.click("form.logout button")
        assert browser.url == runner.url + "/login"
        browser.open(runner.url + "/inbox")
        assert browser.url == runner.url + "/login"
