"""The clerks' inbox and the citizens' status lookup, over real HTTP."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

import requests

from hub.store import Store
from tests.hub.conftest import CLERK_PASSWORD, LiveHub, jpeg, pothole, termin
from tests.support.clock import RUN_STARTED
from wire.sealing import seal
from wire.submission import DocumentError, parse_document


def csrf(page: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match, page[:300]
    return match.group(1)


def login(
    hub: LiveHub, password: str = CLERK_PASSWORD
) -> tuple[requests.Session, requests.Response]:
    clerk = requests.Session()
    form = clerk.get(hub.url + "/login", timeout=10)
    r = clerk.post(
        hub.url + "/login",
        data={"username": "clerk", "password": password, "csrf_token": csrf(form.text)},
        timeout=10,
    )
    return clerk, r


def test_pages_need_a_login(live_hub: LiveHub) -> None:
    for path in ("/inbox", "/inbox/00000000-0000-4000-8000-000000000000", "/"):
        r = requests.get(live_hub.url + path, timeout=10, allow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] in ("/login", "/inbox")


def test_login_wrong_then_right_and_logout(live_hub: LiveHub) -> None:
    _, wrong = login(live_hub, "falsch-falsch")
    assert wrong.status_code == 401 and "stimmt nicht" in wrong.text
    # The name stays typed; the password is asked again.
    assert 'name="username" value="clerk"' in wrong.text
    assert "falsch-falsch" not in wrong.text
    clerk, right = login(live_hub)
    assert right.status_code == 200 and "Posteingang" in right.text
    cookie = next(c for c in clerk.cookies if c.name == "pop_session")
    assert cookie.has_nonstandard_attr("HttpOnly")
    assert cookie.get_nonstandard_attr("SameSite") == "strict"
    assert right.headers["cache-control"] == "no-store"
    policy = right.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy
    # Scripts only from the hub itself, no inline ones; images also from blob: URLs, which only
    # the desk's own script makes (the chip's photo in a call).
    assert "script-src" not in policy and "default-src 'self';" in policy
    assert "img-src 'self' blob:;" in policy and "unsafe" not in policy
    clerk.post(live_hub.url + "/logout", data={"csrf_token": csrf(right.text)}, timeout=10)
    r = clerk.get(live_hub.url + "/inbox", timeout=10, allow_redirects=False)
    assert r.status_code == 303


def test_login_without_its_csrf_token_is_refused(live_hub: LiveHub) -> None:
    r = requests.post(
        live_hub.url + "/login",
        data={"username": "clerk", "password": CLERK_PASSWORD, "csrf_token": "made-up"},
        timeout=10,
    )
    assert r.status_code == 403


def test_work_a_submission_and_the_citizen_sees_only_the_status(live_hub: LiveHub) -> None:
    photo = jpeg(7)
    doc = pothole(live_hub.terminal_id, [photo])
    live_hub.put_photo(doc["id"], "photo-1.jpg", photo)
    assert live_hub.put_data(doc).status_code == 201
    code = doc["tracking_code"]
    clerk, page = login(live_hub)
    listing = clerk.get(live_hub.url + "/inbox", params={"service": "maengel-melden"}, timeout=10)
    assert f'href="/inbox/{doc["id"]}"' in listing.text
    assert "Mängel melden" in listing.text
    by_code = clerk.get(live_hub.url + "/inbox", params={"tracking": code.lower()}, timeout=10)
    assert by_code.text.count('href="/inbox/') >= 1 and doc["id"] in by_code.text
    none = clerk.get(
        live_hub.url + "/inbox", params={"status": "done", "service": "maengel-melden"}, timeout=10
    )
    assert doc["id"] not in none.text
    detail = clerk.get(live_hub.url + f"/inbox/{doc['id']}", timeout=10)
    assert "Hauptstraße 3" in detail.text and "Schlagloch oder Straßenschaden" in detail.text
    assert code in detail.text
    token = csrf(detail.text)
    url = live_hub.url + f"/inbox/{doc['id']}/status"
    # Without the session's token: refused, nothing changes.
    r = clerk.post(url, data={"status": "done", "csrf_token": "x"}, timeout=10)
    assert r.status_code == 403
    # From another site (a forged form; the browser says so): refused even with the token.
    for site in ("cross-site", "same-site"):
        r = clerk.post(
            url,
            data={"status": "done", "csrf_token": token},
            headers={"Origin": "https://evil.example", "Sec-Fetch-Site": site},
            timeout=10,
        )
        assert r.status_code == 403
    # Rejecting needs a reason for the citizen.
    r = clerk.post(url, data={"status": "rejected", "message": "", "csrf_token": token}, timeout=10)
    assert r.status_code == 400 and "Begründung" in r.text
    r = clerk.post(url, data={"status": "in_progress", "csrf_token": token}, timeout=10)
    assert r.status_code == 200 and "In Bearbeitung" in r.text
    status = requests.get(live_hub.url + f"/api/v1/status/{code}", timeout=10).json()
    assert status["status"] == "in_progress"
    r = clerk.post(
        url,
        data={"status": "rejected", "message": "Bitte Foto bei Tageslicht.", "csrf_token": token},
        timeout=10,
    )
    assert r.status_code == 200
    status = requests.get(live_hub.url + f"/api/v1/status/{code}", timeout=10)
    assert status.json()["status"] == "rejected"
    assert status.json()["message"] == "Bitte Foto bei Tageslicht."
    assert set(status.json()) == {"status", "message", "received_at", "updated_at"}
    assert "Hauptstraße" not in status.text and "Schlagloch" not in status.text
    page = requests.get(live_hub.url + f"/status/{code}", timeout=10)
    assert "Abgelehnt" in page.text and "Hauptstraße" not in page.text
    history = clerk.get(live_hub.url + f"/inbox/{doc['id']}", timeout=10).text
    assert history.count("(clerk)") == 2


def test_status_lookup_is_rate_limited_and_unknown_codes_count(live_hub: LiveHub) -> None:
    statuses = []
    with requests.Session() as http:
        for n in range(14):
            r = http.get(live_hub.url + f"/api/v1/status/AAAA-BBBB-{n:04d}", timeout=10)
            statuses.append(r.status_code)
    assert statuses[:5] == [404] * 5
    assert 429 in statuses
    limited = next(r for r in [http.get(live_hub.url + "/api/v1/status/x", timeout=10)])
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1


def test_unknown_and_malformed_pages(live_hub: LiveHub) -> None:
    clerk, _ = login(live_hub)
    for path in (
        "/inbox/not-a-uuid",
        "/inbox/00000000-0000-4000-8000-000000000000",
        "/inbox/00000000-0000-4000-8000-000000000000/attachments/photo-1.jpg",
    ):
        r = clerk.get(live_hub.url + path, timeout=10)
        assert r.status_code == 404 and "gibt es nicht" in r.text
    r = clerk.get(live_hub.url + "/inbox", params={"page": "x", "from": "kein Datum"}, timeout=10)
    assert r.status_code == 200
    doc = termin(live_hub.terminal_id)
    live_hub.put_data(doc)
    r = clerk.get(live_hub.url + "/inbox", params={"tracking": "<script>"}, timeout=10)
    assert "<script>" not in r.text  # escaped


def test_the_clerk_never_sees_the_terminals_own_verdict(live_hub: LiveHub) -> None:
    """Whatever a terminal claims about the chip, without the chip's data the hub says "not
    checked" (the hub's own check: tests/hub/test_identity_check.py)."""
    clerk, _ = login(live_hub)  # one login: the hub limits logins per address
    for verdict in ("valid", "invalid", "unknown_csca", ""):
        identity = {
            "document_type": "id_card",
            "prefilled_fields": [],
            "access_protocol": "PACE",
            "authenticity": verdict,
            "authenticity_reason": "signature, chain and hashes verified",
        }
        doc = termin(live_hub.terminal_id, identity=identity)
        assert live_hub.put_data(doc).status_code == 201
        detail = clerk.get(live_hub.url + f"/inbox/{doc['id']}", timeout=10).text
        shown = "nicht geprüft – keine Chipdaten übermittelt"
        assert f'class="badge authenticity-warn" id="authenticity">{shown}' in detail
        assert "PACE" in detail
        assert "signature, chain and hashes verified" not in detail


def test_form_posts_as_browsers_send_them(live_hub: LiveHub) -> None:
    """Our pages say ``Referrer-Policy: no-referrer``, so Chromium sends ``Origin: null`` on
    our own forms; a reverse proxy may rewrite ``Host``. ``Sec-Fetch-Site`` tells the truth."""
    doc = termin(live_hub.terminal_id)
    assert live_hub.put_data(doc).status_code == 201
    clerk = requests.Session()
    form = clerk.get(live_hub.url + "/login", timeout=10)
    browser = {"Origin": "null", "Sec-Fetch-Site": "same-origin"}
    r = clerk.post(
        live_hub.url + "/login",
        data={"username": "clerk", "password": CLERK_PASSWORD, "csrf_token": csrf(form.text)},
        headers=browser,
        timeout=10,
    )
    assert r.status_code == 200 and "Posteingang" in r.text
    url = live_hub.url + f"/inbox/{doc['id']}/status"
    token = csrf(clerk.get(live_hub.url + f"/inbox/{doc['id']}", timeout=10).text)
    # (requests matches cookies by the Host header: the cookie goes in by hand here.)
    behind_proxy = {
        "Origin": "https://rathaus.example",
        "Host": "hub.internal:8700",
        "Cookie": f"pop_session={clerk.cookies['pop_session']}",
    }
    r = requests.post(
        url,
        data={"status": "in_progress", "csrf_token": token},
        headers={**behind_proxy, "Sec-Fetch-Site": "same-origin"},
        timeout=10,
        allow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == f"/inbox/{doc['id']}"
    assert "In Bearbeitung" in clerk.get(live_hub.url + r.headers["location"], timeout=10).text
    # No Sec-Fetch-Site (not a browser of the last years): the token alone decides.
    r = clerk.post(url, data={"status": "done", "csrf_token": token}, timeout=10)
    assert r.status_code == 200 and "Erledigt" in r.text
    r = clerk.post(url, data={"status": "in_progress", "csrf_token": "wrong"}, timeout=10)
    assert r.status_code == 403


def test_odd_filters_are_clamped_or_ignored_never_a_server_error(live_hub: LiveHub) -> None:
    assert live_hub.put_data(termin(live_hub.terminal_id)).status_code == 201
    clerk, _ = login(live_hub)
    for params in [
        {"page": "99999999999999999999"},
        {"page": "-1"},
        {"page": "٣"},  # a digit, but not an ASCII one
        {"from": "0001-01-01"},
        {"to": "0001-01-01"},
        {"from": "9999-12-31", "to": "9999-12-31"},
        {"to": f"{RUN_STARTED.year}-02-30"},  # no such day in any year
        {"status": "'; DROP TABLE submissions; --"},
        {"service": "\x00" * 100, "terminal": "ü" * 1000},
        {"tracking": "Ä" * 500},
    ]:
        r = clerk.get(live_hub.url + "/inbox", params=params, timeout=10)
        assert r.status_code == 200, (params, r.status_code)
        assert "Posteingang" in r.text
    last = clerk.get(live_hub.url + "/inbox", params={"page": "99999999999999999999"}, timeout=10)
    assert re.search(r"Seite (\d+) von \1", last.text)  # the last page, not an empty one


def _store_directly(hub: LiveHub, doc: dict[str, Any], sealed: str | None = None) -> None:
    """As an earlier hub stored it, before today's checks at intake."""
    store = Store(hub.runner.data_dir / "hub.sqlite")
    plaintext = json.dumps(doc).encode()
    try:
        store.put_submission(
            submission_id=doc["id"], terminal_id=hub.terminal_id,
            service_id=doc["service"]["id"], service_version=1, language="de",
            tracking_digest=doc["tracking_code"], submitted_at=doc["submitted_at"],
            # (the inbox checks the opened document against it; a given ``sealed`` is one
            # that does not open, or not as a document)
            content_sha256=hashlib.sha256(plaintext).hexdigest(),
            sealed_data=sealed or seal(plaintext, hub.key, "application/json"),
        )  # fmt: skip
    finally:
        store.close()


def test_a_stored_submission_always_opens_for_the_clerk(live_hub: LiveHub) -> None:
    odd: list[tuple[dict[str, Any], str | None, str]] = []
    doc = termin(live_hub.terminal_id, identity={"prefilled_fields": 5, "document_type": {}})
    odd.append((doc, None, "Erika Mustermann"))
    doc = termin(live_hub.terminal_id, submitted_at="0001-01-01T00:00:00+14:00")
    odd.append((doc, None, "0001-01-01T00:00+14:00"))
    doc = termin(live_hub.terminal_id, service={"id": "abgeschafft", "version": 9})
    doc["form"]["wohnort"] = {"street": "Dorfstraße", "city": "Musterstadt", "x": "y"}
    odd.append((doc, None, "Dorfstraße, Musterstadt"))
    doc = termin(live_hub.terminal_id, identity={"prefilled_fields": ["name", ["x"], None]})
    odd.append((doc, None, "aus dem Ausweis"))
    doc = termin(live_hub.terminal_id)
    odd.append((doc, "eyJub3QiOiJhIEpXRSJ9.garbage", "kann nicht geöffnet werden"))
    clerk, _ = login(live_hub)
    for doc, sealed, shown in odd:
        _store_directly(live_hub, doc, sealed)
        try:
            parse_document(json.dumps(doc).encode())
        except DocumentError:
            # Stored by an older hub, outside today's document model (wire.submission): the
            # clerk sees the submission's facts and can work it.
            shown = "kann nicht geöffnet werden"
        page = clerk.get(live_hub.url + f"/inbox/{doc['id']}", timeout=10)
        assert page.status_code == 200, (doc, page.status_code)
        assert shown in page.text
        # … and it can be worked.
        r = clerk.post(
            live_hub.url + f"/inbox/{doc['id']}/status",
            data={"status": "in_progress", "csrf_token": csrf(page.text)},
            timeout=10,
        )
        assert r.status_code == 200 and "In Bearbeitung" in r.text
    listing = clerk.get(live_hub.url + "/inbox", timeout=10)
    assert listing.status_code == 200


def _checked(page: str) -> list[str]:
    """The status radio buttons the page shows selected."""
    return re.findall(r'name="status" value="([a-z_]+)" checked', page)


def test_a_refused_status_change_keeps_the_clerks_choice_and_text(live_hub: LiveHub) -> None:
    photo = jpeg(8)
    doc = pothole(live_hub.terminal_id, [photo])
    live_hub.put_photo(doc["id"], "photo-1.jpg", photo)
    assert live_hub.put_data(doc).status_code == 201
    clerk, _ = login(live_hub)
    detail = clerk.get(live_hub.url + f"/inbox/{doc['id']}", timeout=10)
    assert _checked(detail.text) == ["in_progress"]  # a fresh page: the first next step
    token = csrf(detail.text)
    url = live_hub.url + f"/inbox/{doc['id']}/status"
    # "Abgelehnt" without a reason: asked for one, with "Abgelehnt" still chosen, so that
    # typing the reason and saving does not silently set "In Bearbeitung" instead.
    r = clerk.post(
        url, data={"status": "rejected", "message": " ", "csrf_token": token}, timeout=10
    )
    assert r.status_code == 400 and "Begründung" in r.text
    assert _checked(r.text) == ["rejected"]
    # A change that is not possible keeps what the clerk typed.
    r = clerk.post(
        url,
        data={"status": "received", "message": "Foto <unscharf>", "csrf_token": token},
        timeout=10,
    )
    assert r.status_code == 400 and "nicht möglich" in r.text
    assert ">Foto &lt;unscharf&gt;</textarea>" in r.text  # kept, and escaped
    assert _checked(r.text) == ["in_progress"]  # not a choice the page offers: the first
    r = clerk.post(
        url, data={"status": "rejected", "message": "Bitte neu.", "csrf_token": token}, timeout=10
    )
    assert r.status_code == 200 and "Bitte neu." in r.text
