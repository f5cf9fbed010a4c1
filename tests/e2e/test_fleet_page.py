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
            # The filters: what needs a technician, then a search that finds nothing.
            browser.click("#filter-attention")
            attention = browser.text
            browser.click("#filter-dead_letters")
            none_with_dead_letters = browser.text
            browser.open(hub.url + "/fleet?show=all&q=nordheim")
            searched = browser.text
        assert "Drucker: Papier leer" in text
        assert "Warteschlange wächst: 25 wartend" in text
        assert "Auftrag „außer Betrieb nehmen“ wartet" in text
        assert "Konfiguration a1b2c3d4e5f6" in text and "läuft seit 26 h" in text
        assert "Zertifikat läuft ab am" in text
        assert "nicht übernommen: version 4 refused: the signature does not match" in text
        assert "buecherei-01" in attention and "mit Hinweis (1)" in attention
        assert "Keine Terminals für diese Auswahl" in none_with_dead_letters
        assert "buecherei-01" not in searched.split("Suchen", 1)[1]
    finally:
        hub.stop()


def spki_pin(certificate_file: Path) -> str:
    """The flag that makes Chromium accept the hub's own server certificate (its CA is not
    installed in the test's fresh profile), by its key's hash: the TLS is real, the trust
    pinned to exactly this key."""
    import base64
    import hashlib

    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    certificate = x509.load_pem_x509_certificate(certificate_file.read_bytes())
    spki = certificate.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    digest = base64.b64encode(hashlib.sha256(spki).digest()).decode()
    return f"--ignore-certificate-errors-spki-list={digest}"


def test_an_admin_registers_a_terminal_enrols_it_with_the_code_and_orders_it(
    tmp_path: Path,
) -> None:
    import io

    from provisioning.cli import main as provisioning

    hub = HubRunner(tmp_path / "hub", tls=True)
    hub.setup("buecherei-01")
    hub.cli("users", "add", "chefin", "--role", "admin", "--password-stdin",
            stdin=CLERK_PASSWORD + "\n")  # fmt: skip
    hub.cli("users", "add", "clerk", "--password-stdin", stdin=CLERK_PASSWORD + "\n")
    hub.start()
    try:
        pin = spki_pin(hub.data_dir / "pki" / "hub-tls.pem")
        with chromium((pin,)) as browser:
            log_in(browser, hub.url, "chefin")
            browser.open(hub.url + "/fleet")
            browser.evaluate("document.querySelector('details.register').open = true")
            browser.type_into("#register input[name=terminal_id]", "rathaus-02")
            browser.type_into("#register input[name=name]", "Sparkasse Nordheim")
            browser.type_into("#register input[name=place]", "Marktplatz 1, Nordheim")
            browser.screenshot(ARTEFACTS / "screens" / "fleet-register.png")
            browser.click("#register button")
            text = browser.text
            browser.screenshot(ARTEFACTS / "screens" / "fleet-enrolment-code.png")
            assert "Terminal rathaus-02 einrichten" in text, text
            code = browser.evaluate("document.getElementById('enrolment-code').textContent")
            assert len(code) == 14 and code.count("-") == 2
            assert browser.evaluate("document.querySelector('.qr svg') !== null")
            invitation = browser.evaluate("document.getElementById('invitation').textContent")
            assert invitation.startswith("POP-ENROL:1;hub=" + hub.url)
            # The technician's code works at the terminal (here over SSH: the provisioning CLI).
            err = io.StringIO()
            data = tmp_path / "terminal"
            done = provisioning(
                ["--data-dir", str(data), "enrol", "--invitation", invitation], io.StringIO(), err
            )
            assert done == 0, err.getvalue()
            # Orders by the page's buttons.
            browser.open(hub.url + "/fleet")
            browser.click("#terminal-rathaus-02 button[data-order=self_test]")
            assert "Auftrag „Selbsttest“ wartet" in browser.text
            # Decommissioning needs its box ticked.
            browser.click("#terminal-rathaus-02 button[data-order=decommission]")
            assert "Bitte bestätigen" in browser.text
            browser.open(hub.url + "/fleet")
            browser.screenshot(ARTEFACTS / "screens" / "fleet-admin.png")
        assert [k for (k,) in hub.rows("SELECT kind FROM terminal_orders")] == ["self_test"]
        # A clerk sees the page without the buttons, and a forged form is refused.
        with chromium((pin,)) as browser:
            log_in(browser, hub.url, "clerk")
            browser.open(hub.url + "/fleet")
            assert "rathaus-02" in browser.text and "Neues Terminal anmelden" not in browser.text
            assert browser.evaluate("document.querySelector('button[data-order]') === null")
            csrf = browser.evaluate("document.querySelector('input[name=csrf_token]').value")
            status = browser.evaluate(
                "fetch('/fleet/terminals/rathaus-02/orders', {method: 'POST', body: "
                f"new URLSearchParams({{csrf_token: {json.dumps(csrf)}, kind: 'restart'}})}})"
                ".then(r => r.status)"
            )
            assert status == 403
        assert hub.rows("SELECT COUNT(*) FROM terminal_orders") == [(1,)]
    finally:
        hub.stop()
