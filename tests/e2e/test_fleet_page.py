"""The fleet page as a technician sees it, in a real headless Chromium: a terminal's report
(paper out, a certificate about to expire) flagged, and a disable order waiting."""

from __future__ import annotations

import json
from pathlib import Path

import requests

from tests.e2e.browser import chromium
from tests.e2e.call_scenario import log_in
from tests.hub.conftest import CLERK_PASSWORD
from tests.support.hub_runner import HubRunner
from tests.ui.conftest import ARTEFACTS
from wire.api import HEALTH_PATH, MEDIA_TYPE_JSON


def test_the_fleet_page_flags_what_needs_a_technician(tmp_path: Path) -> None:
    hub = HubRunner(tmp_path / "hub")
    credential, _ = hub.setup("buecherei-01")
    hub.cli("users", "add", "clerk", "--password-stdin", stdin=CLERK_PASSWORD + "\n")
    hub.start()
    try:
        report = {
            "schema": "pop.health/1", "software_version": "1.4.0", "connection": "online",
            "depth": 25, "oldest_age_s": 5400.0, "dead_letters": 0, "printer": "paper_out",
            "card_reader": "ready", "uptime_s": 93600.0, "config_version": "a1b2c3d4e5f6",
            "config_problem": "version 4 refused: the signature does not match",
        }  # fmt: skip
        answer = requests.put(
            hub.url + HEALTH_PATH.format(terminal_id="buecherei-01"),
            data=json.dumps(report),
            headers={
                "Authorization": f"Bearer {credential.read_text().strip()}",
                "Content-Type": MEDIA_TYPE_JSON,
            },
            timeout=10,
        )
        assert answer.status_code == 200, answer.text
        hub.cli("terminals", "disable", "buecherei-01")
        # Its device certificate ends in two days (written as the hub records one it issued).
        import sqlite3
        import time

        db = sqlite3.connect(hub.data_dir / "hub.sqlite")
        with db:
            db.execute(
                "INSERT INTO device_certificates VALUES ('ab12', 'buecherei-01', ?, ?, NULL)",
                (time.time() - 28 * 86400, time.time() + 2 * 86400),
            )
        db.close()
        with chromium() as browser:
            log_in(browser, hub.url)
            browser.open(hub.url + "/fleet")
            text = browser.text
            browser.screenshot(ARTEFACTS / "screens" / "fleet-page.png")
        assert "Drucker: Papier leer" in text
        assert "Warteschlange wächst: 25 wartend" in text
        assert "Auftrag „außer Betrieb nehmen“ wartet" in text
        assert "Konfiguration a1b2c3d4e5f6" in text and "läuft seit 26 h" in text
        assert "Zertifikat läuft ab am" in text
        assert "nicht übernommen: version 4 refused: the signature does not match" in text
    finally:
        hub.stop()
