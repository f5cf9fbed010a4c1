"""Secrets and sessions, against real hub processes: no API docs by default, clerks' messages
sealed at rest, the key apart from the data, sessions that end (idle, absolute, account
disabled or removed)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from hub.auth import clerk_session, hash_password, start_session
from hub.state import SessionPolicy
from hub.store import Store
from tests.hub.conftest import CLERK_PASSWORD, LiveHub, termin
from tests.hub.test_inbox import csrf, login
from tests.support.hub_runner import HubRunner
from wire.sealing import load_public_key


def test_no_api_docs_by_default(live_hub: LiveHub) -> None:
    for path in ("/docs", "/redoc", "/openapi.json", "/docs/oauth2-redirect"):
        assert requests.get(live_hub.url + path, timeout=10).status_code == 404, path


def test_api_docs_on_request_load_nothing_from_elsewhere(tmp_path: Path) -> None:
    runner = HubRunner(tmp_path / "data")
    runner.setup("docs-01")
    runner.start("--api-docs")
    try:
        spec = requests.get(runner.url + "/openapi.json", timeout=10)
        assert spec.status_code == 200 and "/api/v1/submissions/{submission_id}" in spec.text
        assert "default-src 'self'" in spec.headers["content-security-policy"]
        assert requests.get(runner.url + "/docs", timeout=10).status_code == 404
    finally:
        runner.stop()


def _database_bytes(runner: HubRunner) -> bytes:
    data = runner.data_dir
    return b"".join(
        (data / name).read_bytes()
        for name in ("hub.sqlite", "hub.sqlite-wal")
        if (data / name).exists()
    )


def test_clerk_messages_are_sealed_at_rest(live_hub: LiveHub) -> None:
    doc = termin(live_hub.terminal_id)
    assert live_hub.put_data(doc).status_code == 201
    clerk, _ = login(live_hub)
    page = clerk.get(live_hub.url + f"/inbox/{doc['id']}", timeout=10)
    secret = "Frau Mustermann bringt bitte ihre Geburtsurkunde mit."
    r = clerk.post(
        live_hub.url + f"/inbox/{doc['id']}/status",
        data={"status": "rejected", "message": secret, "csrf_token": csrf(page.text)},
        timeout=10,
    )
    assert r.status_code == 200 and secret in r.text  # the clerk reads it
    status = requests.get(live_hub.url + f"/api/v1/status/{doc['tracking_code']}", timeout=10)
    assert status.json()["message"] == secret  # the citizen reads it
    # The database (its file and its write-ahead log) holds it sealed only.
    assert secret.encode() not in _database_bytes(live_hub.runner)
    [(stored,)] = live_hub.runner.rows(
        "SELECT status_message FROM submissions WHERE id = ?", doc["id"]
    )
    assert stored.startswith("sealed:v2:")
    history = live_hub.runner.rows(
        "SELECT message FROM status_history WHERE submission_id = ? AND message != ''", doc["id"]
    )
    assert [m[:10] for (m,) in history] == ["sealed:v2:"]


def test_messages_an_older_hub_stored_in_clear_are_sealed_at_start(tmp_path: Path) -> None:
    runner = HubRunner(tmp_path / "data")
    credential, key = runner.setup("old-01")
    runner.start()
    hub = LiveHub(runner, credential.read_text().strip(), load_public_key(key), "old-01")
    doc = termin("old-01")
    assert hub.put_data(doc).status_code == 201
    runner.stop()
    store = Store(runner.data_dir / "hub.sqlite")
    from hub.store import Status

    store.set_status(doc["id"], Status.DONE, "Abholbereit ab Montag.", "anna")
    store.close()
    runner.start()
    try:
        [(stored,)] = runner.rows("SELECT status_message FROM submissions")
        assert stored.startswith("sealed:v2:")
        r = requests.get(runner.url + f"/api/v1/status/{doc['tracking_code']}", timeout=10)
        assert r.json()["message"] == "Abholbereit ab Montag."
    finally:
        hub.http.close()
        runner.stop()


def test_the_hub_serves_with_its_key_apart_from_the_data(tmp_path: Path) -> None:
    key = tmp_path / "secrets" / "hub-key.jwk"
    runner = HubRunner(tmp_path / "data")
    runner.cli("init", "--key", str(key))
    public = tmp_path / "public.jwk"
    runner.cli("key", "export", "--key", str(key), "--out", str(public))
    credential = tmp_path / "t.credential"
    runner.cli(
        "terminals", "add", "apart-01", "--name", "T", "--place", "P",
        "--credential-file", str(credential),
    )  # fmt: skip
    assert not (runner.data_dir / "hub-key.jwk").exists()
    runner.start("--key", str(key))
    hub = LiveHub(runner, credential.read_text().strip(), load_public_key(public), "apart-01")
    try:
        assert hub.put_data(termin("apart-01")).status_code == 201
    finally:
        hub.http.close()
        runner.stop()


@pytest.fixture
def clerk_hub(tmp_path: Path) -> Iterator[LiveHub]:
    runner = HubRunner(tmp_path / "data")
    credential, key = runner.setup("clerks-01")
    runner.cli("users", "add", "clerk", "--password-stdin", stdin="sicheres-Passwort-1\n")
    runner.start("--session-idle-minutes", "30", "--session-max-hours", "10")
    hub = LiveHub(runner, credential.read_text().strip(), load_public_key(key), "clerks-01")
    yield hub
    hub.http.close()
    runner.stop()


def test_a_disabled_or_removed_clerk_is_out_at_once(clerk_hub: LiveHub) -> None:
    clerk, r = login(clerk_hub)
    assert r.status_code == 200
    clerk_hub.runner.cli("users", "disable", "clerk")
    r = clerk.get(clerk_hub.url + "/inbox", timeout=10, allow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login"
    assert login(clerk_hub)[1].status_code == 401  # the right password, a disabled account
    clerk_hub.runner.cli("users", "enable", "clerk")
    clerk, r = login(clerk_hub)
    assert r.status_code == 200
    clerk_hub.runner.cli("users", "remove", "clerk")
    r = clerk.get(clerk_hub.url + "/inbox", timeout=10, allow_redirects=False)
    assert r.status_code == 303
    assert clerk_hub.runner.rows("SELECT count(*) FROM clerk_sessions") == [(0,)]


def test_logout_ends_the_session_on_the_server(clerk_hub: LiveHub) -> None:
    clerk, r = login(clerk_hub)
    cookie = clerk.cookies["pop_session"]
    r = clerk.post(clerk_hub.url + "/logout", data={"csrf_token": csrf(r.text)}, timeout=10)
    assert r.url.endswith("/login")
    # The old cookie, kept by someone: worth nothing now.
    r = requests.get(
        clerk_hub.url + "/inbox",
        cookies={"pop_session": cookie},
        timeout=10,
        allow_redirects=False,
    )
    assert r.status_code == 303


def test_sessions_expire_when_idle_and_after_their_lifetime(tmp_path: Path) -> None:
    store = Store(tmp_path / "hub.sqlite")
    store.add_user("anna", hash_password("sicheres-Passwort-1"))
    policy = SessionPolicy(idle_s=1800, absolute_s=4 * 3600)
    now = time.time()
    cookie, _ = start_session(store, "anna", policy)
    # Used every 20 minutes, it lives on — but not past its absolute lifetime.
    t = now
    while t < now + 4 * 3600 - 1200:
        t += 1200
        assert clerk_session(store, cookie, policy, now=t) is not None, t - now
    assert clerk_session(store, cookie, policy, now=now + 4 * 3600 + 1) is None
    # Left alone longer than the idle time, it ends.
    idle, _ = start_session(store, "anna", policy)
    assert clerk_session(store, idle, policy, now=time.time() + 1801) is None
    store.close()


def _v1(hub_key: Path, text: str) -> str:
    """A message as a hub before binding sealed it: the constant as associated data."""
    import base64
    import os

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from hub.at_rest import _INFO, derive_secret
    from hub.keys import load_key

    aead = AESGCM(derive_secret(load_key(hub_key), _INFO))
    nonce = os.urandom(12)
    blob = nonce + aead.encrypt(nonce, text.encode(), _INFO)
    return "sealed:v1:" + base64.urlsafe_b64encode(blob).decode()


def test_messages_cannot_be_moved_between_submissions(tmp_path: Path) -> None:
    runner = HubRunner(tmp_path / "data")
    credential, key = runner.setup("swap-01")
    runner.cli("users", "add", "clerk", "--password-stdin", stdin=CLERK_PASSWORD + "\n")
    runner.start()
    hub = LiveHub(runner, credential.read_text().strip(), load_public_key(key), "swap-01")
    try:
        mine, other = termin("swap-01"), termin("swap-01")
        for doc in (mine, other):
            assert hub.put_data(doc).status_code == 201
        clerk, _ = login(hub)
        for doc, text in ((mine, "Bitte Geburtsurkunde mitbringen."), (other, "Abgelehnt.")):
            page = clerk.get(hub.url + f"/inbox/{doc['id']}", timeout=10)
            r = clerk.post(
                hub.url + f"/inbox/{doc['id']}/status",
                data={"status": "rejected", "message": text, "csrf_token": csrf(page.text)},
                timeout=10,
            )
            assert r.status_code == 200
        runner.stop()
        # Someone with write access to the database but not the key copies the other
        # submission's sealed message (current and history) into this one's rows.
        import sqlite3

        db = sqlite3.connect(runner.data_dir / "hub.sqlite")
        with db:
            db.execute(
                "UPDATE submissions SET status_message = "
                "(SELECT status_message FROM submissions WHERE id = ?) WHERE id = ?",
                (other["id"], mine["id"]),
            )
            db.execute(
                "UPDATE status_history SET message = "
                "(SELECT message FROM status_history WHERE submission_id = ?) "
                "WHERE submission_id = ?",
                (other["id"], mine["id"]),
            )
        db.close()
        runner.start()
        status = requests.get(hub.url + f"/api/v1/status/{mine['tracking_code']}", timeout=10)
        assert status.json()["message"] != "Abgelehnt."  # it no longer opens there
        clerk, _ = login(hub)
        page = clerk.get(hub.url + f"/inbox/{mine['id']}", timeout=10)
        assert "Abgelehnt." not in page.text and "kann nicht geöffnet werden" in page.text
    finally:
        hub.http.close()
        runner.stop()


def test_messages_sealed_without_their_place_are_resealed_at_start(tmp_path: Path) -> None:
    runner = HubRunner(tmp_path / "data")
    credential, key = runner.setup("old-02")
    runner.cli("users", "add", "clerk", "--password-stdin", stdin=CLERK_PASSWORD + "\n")
    runner.start()
    hub = LiveHub(runner, credential.read_text().strip(), load_public_key(key), "old-02")
    doc = termin("old-02")
    assert hub.put_data(doc).status_code == 201
    runner.stop()
    from hub.store import Status

    store = Store(runner.data_dir / "hub.sqlite")
    old = _v1(runner.data_dir / "hub-key.jwk", "Abholbereit ab Montag.")
    store.set_status(doc["id"], Status.DONE, old, "anna")
    store.close()
    runner.start()
    try:
        [(stored,)] = runner.rows("SELECT status_message FROM submissions")
        [(entry,)] = runner.rows("SELECT message FROM status_history WHERE message != ''")
        assert stored.startswith("sealed:v2:") and entry.startswith("sealed:v2:")
        r = requests.get(runner.url + f"/api/v1/status/{doc['tracking_code']}", timeout=10)
        assert r.json()["message"] == "Abholbereit ab Montag."
        clerk, _ = login(hub)
        page = clerk.get(hub.url + f"/inbox/{doc['id']}", timeout=10)
        assert page.text.count("Abholbereit ab Montag.") == 2  # current and history
    finally:
        hub.http.close()
        runner.stop()


def test_documents_and_photos_cannot_be_moved_between_submissions(tmp_path: Path) -> None:
    import sqlite3

    from tests.hub.conftest import jpeg, pothole

    runner = HubRunner(tmp_path / "data")
    credential, key = runner.setup("swap-02")
    runner.cli("users", "add", "clerk", "--password-stdin", stdin=CLERK_PASSWORD + "\n")
    runner.start()
    hub = LiveHub(runner, credential.read_text().strip(), load_public_key(key), "swap-02")
    try:
        mine, theirs = pothole("swap-02", [jpeg(1)]), pothole("swap-02", [jpeg(2)])
        theirs["form"]["location"] = "Am Anger 9"
        for doc, photo in ((mine, jpeg(1)), (theirs, jpeg(2))):
            assert hub.put_photo(doc["id"], "photo-1.jpg", photo).status_code == 201
            assert hub.put_data(doc).status_code == 201
        runner.stop()
        # Someone with write access to the database copies the other submission's sealed
        # document and photo into this one's rows (a JWE names no place: it would open).
        db = sqlite3.connect(runner.data_dir / "hub.sqlite")
        with db:
            db.execute(
                "UPDATE submissions SET sealed_data = "
                "(SELECT sealed_data FROM submissions WHERE id = ?) WHERE id = ?",
                (theirs["id"], mine["id"]),
            )
            db.execute(
                "UPDATE attachments SET sealed = "
                "(SELECT sealed FROM attachments WHERE submission_id = ?) WHERE submission_id = ?",
                (theirs["id"], mine["id"]),
            )
        db.close()
        runner.start()
        clerk, _ = login(hub)
        page = clerk.get(hub.url + f"/inbox/{mine['id']}", timeout=10)
        assert page.status_code == 200
        assert "Am Anger 9" not in page.text and 'id="unreadable"' in page.text
        photo = clerk.get(hub.url + f"/inbox/{mine['id']}/attachments/photo-1.jpg", timeout=10)
        assert photo.content != jpeg(2) and photo.status_code == 404
        # The other submission is shown as it is.
        page = clerk.get(hub.url + f"/inbox/{theirs['id']}", timeout=10)
        assert "Am Anger 9" in page.text
    finally:
        hub.http.close()
        runner.stop()
