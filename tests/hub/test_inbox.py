"""The clerks' inbox and the citizens' status lookup, over real HTTP."""

from __future__ import annotations

import re

import requests

from tests.hub.conftest import CLERK_PASSWORD, LiveHub, jpeg, pothole, sperrmuell, termin


def csrf(page: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match, page[:300]
    return match.group(1)


def login(
    hub: LiveHub, password: str = CLERK_PASSWORD, user: str = "clerk"
) -> tuple[requests.Session, requests.Response]:
    clerk = requests.Session()
    form = clerk.get(hub.url + "/login", timeout=10)
    r = clerk.post(
        hub.url + "/login",
        data={"username": user, "password": password, "csrf_token": csrf(form.text)},
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
    clerk, right = login(live_hub)
    assert right.status_code == 200 and "Posteingang" in right.text
    cookie = next(c for c in clerk.cookies if c.name == "pop_session")
    assert cookie.has_nonstandard_attr("HttpOnly")
    assert cookie.get_nonstandard_attr("SameSite") == "strict"
    assert right.headers["cache-control"] == "no-store"
    assert "frame-ancestors 'none'" in right.headers["content-security-policy"]
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
    # From another site (a forged form): refused even with the token.
    r = clerk.post(
        url,
        data={"status": "done", "csrf_token": token},
        headers={"Origin": "https://evil.example"},
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


def test_detail_shows_labels_address_parts_identity_and_the_photo(live_hub: LiveHub) -> None:
    doc = sperrmuell(live_hub.terminal_id)
    assert live_hub.put_data(doc).status_code == 201
    clerk, _ = login(live_hub)
    page = clerk.get(live_hub.url + f"/inbox/{doc['id']}", timeout=10).text
    for text in (
        "Sperrmüll anmelden",
        "Abholadresse",
        "<dt>Straße</dt><dd>Heidestraße</dd>",
        "<dt>PLZ</dt><dd>51147</dd>",
        "Personalausweis gelesen",
        "aus dem Ausweis",
        "Ungefähre Menge in Kubikmetern",
        "Sprache: Deutsch",
        doc["tracking_code"],
    ):
        assert text in page, text
    assert page.count("aus dem Ausweis") == 3  # given names, family name, address

    photo = jpeg(31)
    with_photo = pothole(live_hub.terminal_id, [photo])
    live_hub.put_photo(with_photo["id"], "photo-1.jpg", photo)
    assert live_hub.put_data(with_photo).status_code == 201
    url = live_hub.url + f"/inbox/{with_photo['id']}/attachments/photo-1.jpg"
    r = clerk.get(url, timeout=10)
    assert r.status_code == 200 and r.content == photo
    assert r.headers["content-type"] == "image/jpeg" and r.headers["cache-control"] == "no-store"
    anonymous = requests.get(url, timeout=10, allow_redirects=False)
    assert anonymous.status_code == 303 and anonymous.headers["location"] == "/login"


def test_logout_needs_the_csrf_token(live_hub: LiveHub) -> None:
    clerk, page = login(live_hub)
    r = clerk.post(live_hub.url + "/logout", data={"csrf_token": "forged"}, timeout=10)
    assert r.status_code == 403
    assert clerk.get(live_hub.url + "/inbox", timeout=10, allow_redirects=False).status_code == 200
    old_cookie = clerk.cookies["pop_session"]
    r = clerk.post(live_hub.url + "/logout", data={"csrf_token": csrf(page.text)}, timeout=10)
    assert r.status_code == 200 and "Anmelden" in r.text
    # The old cookie is dead on the hub too, not only deleted in this browser.
    stale = requests.get(
        live_hub.url + "/inbox",
        cookies={"pop_session": old_cookie},
        timeout=10,
        allow_redirects=False,
    )
    assert stale.status_code == 303


def test_failed_logins_are_limited_and_successes_do_not_count(live_hub: LiveHub) -> None:
    live_hub.runner.add_user("berta", CLERK_PASSWORD)
    for _ in range(8):  # logging in and out all day does not lock anybody out
        clerk, r = login(live_hub, user="berta")
        assert r.status_code == 200
        clerk.close()
    statuses = [login(live_hub, "falsch-falsch", user="berta")[1].status_code for _ in range(6)]
    assert statuses == [401] * 5 + [429]
    _, right = login(live_hub, user="berta")  # now even the right password waits
    assert right.status_code == 429 and "Sekunden" in right.text
    _, other = login(live_hub)  # another name is not affected
    assert other.status_code == 200
