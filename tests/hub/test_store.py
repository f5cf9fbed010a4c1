"""The hub's store on its own: idempotent puts under races, ownership, filters, sessions."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from hub.store import Filters, Put, Status, Store, StoreError


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "hub.sqlite")
    assert s.add_terminal("t-1", "Eins", "Dorf", "a" * 64)
    assert s.add_terminal("t-2", "Zwei", "Dorf", "b" * 64)
    return s


def put(store: Store, sid: str, digest: str = "c" * 64, tracking: str = "", **kw: str) -> Put:
    args = {
        "submission_id": sid,
        "terminal_id": "t-1",
        "service_id": "termin",
        "service_version": 1,
        "language": "de",
        "tracking_digest": tracking or f"track-{sid}",
        "submitted_at": "2026-01-01T10:00:00+01:00",
        "content_sha256": digest,
        "sealed_data": "sealed",
    }
    args.update(kw)
    return store.put_submission(**args)  # type: ignore[arg-type]


def test_terminals_are_unique_and_revocable(store: Store) -> None:
    assert not store.add_terminal("t-1", "again", "x", "d" * 64)
    assert store.revoke_terminal("t-1")
    assert not store.revoke_terminal("t-1")
    row = store.terminal("t-1")
    assert row is not None and row.revoked_at is not None and row.secret_sha256 == "a" * 64
    store.set_terminal_secret("t-1", "e" * 64)  # a new credential lifts the revocation
    row = store.terminal("t-1")
    assert row is not None and row.revoked_at is None
    assert store.terminal("nobody") is None


def test_submission_put_is_idempotent_and_keeps_the_first(store: Store) -> None:
    assert put(store, "s1") is Put.CREATED
    assert put(store, "s1") is Put.SAME
    assert put(store, "s1", digest="f" * 64) is Put.CONFLICT
    # Another id with the same tracking code (a 1-in-2^60 draw): refused, not overwritten.
    assert put(store, "s2", tracking="track-s1") is Put.CONFLICT
    row = store.submission("s1")
    assert row is not None and row.content_sha256 == "c" * 64 and row.status is Status.RECEIVED
    assert [h.status for h in store.history("s1")] == [Status.RECEIVED]
    assert store.submission_owner("s1") == ("t-1", "c" * 64)


def test_racing_puts_make_one_row(tmp_path: Path, store: Store) -> None:
    # Two connections (as two hub processes would have) and several threads on each.
    other = Store(tmp_path / "hub.sqlite")
    results: list[Put] = []
    lock = threading.Lock()
    start = threading.Barrier(8)

    def worker(s: Store) -> None:
        start.wait()
        result = put(s, "race")
        with lock:
            results.append(result)

    threads = [threading.Thread(target=worker, args=(s,)) for s in [store, other] * 4]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == sorted([Put.CREATED] + [Put.SAME] * 7)
    _, total = store.submissions(Filters())
    assert total == 1
    other.close()


def test_attachments_belong_to_the_first_terminal_and_close_with_the_submission(
    store: Store,
) -> None:
    assert store.put_attachment("s1", "a.jpg", "t-1", "image/jpeg", 3, "1" * 64, "x") is Put.CREATED
    assert store.put_attachment("s1", "a.jpg", "t-1", "image/jpeg", 3, "1" * 64, "x") is Put.SAME
    assert store.put_attachment("s1", "a.jpg", "t-1", "image/jpeg", 3, "2" * 64, "y") is (
        Put.CONFLICT
    )
    assert store.put_attachment("s1", "b.jpg", "t-2", "image/jpeg", 3, "1" * 64, "x") is (
        Put.FOREIGN
    )
    assert put(store, "s1") is Put.CREATED
    assert store.put_attachment("s1", "a.jpg", "t-1", "image/jpeg", 3, "1" * 64, "x") is Put.SAME
    # Nothing is added to a stored submission.
    assert store.put_attachment("s1", "c.jpg", "t-1", "image/jpeg", 3, "1" * 64, "x") is (
        Put.CONFLICT
    )
    assert store.put_attachment("s1", "c.jpg", "t-2", "image/jpeg", 3, "1" * 64, "x") is (
        Put.FOREIGN
    )
    assert [a.name for a in store.attachments("s1")] == ["a.jpg"]
    assert store.sealed_attachment("s1", "a.jpg") == "x"
    assert store.sealed_attachment("s1", "c.jpg") is None


def test_filters_status_and_history(store: Store) -> None:
    put(store, "s1")
    put(store, "s2", service_id="sperrmuell")
    put(store, "s3", terminal_id="t-2")
    assert store.set_status("s2", Status.REJECTED, "Bitte mit Foto.", "anna")
    assert not store.set_status("nope", Status.DONE, "", "anna")
    assert [r.id for r in store.submissions(Filters())[0]] == ["s3", "s2", "s1"]  # newest first
    assert [r.id for r in store.submissions(Filters(status="rejected"))[0]] == ["s2"]
    assert [r.id for r in store.submissions(Filters(service_id="sperrmuell"))[0]] == ["s2"]
    assert [r.id for r in store.submissions(Filters(terminal_id="t-2"))[0]] == ["s3"]
    assert [r.id for r in store.submissions(Filters(tracking_digest="track-s1"))[0]] == ["s1"]
    assert store.submissions(Filters(received_to=0))[1] == 0
    page, total = store.submissions(Filters(), offset=1, limit=1)
    assert total == 3 and [r.id for r in page] == ["s2"]
    found = store.status_by_tracking("track-s2")
    assert found is not None and found.status_message == "Bitte mit Foto."
    history = store.history("s2")
    assert [(h.status, h.clerk) for h in history] == [
        (Status.RECEIVED, ""),
        (Status.REJECTED, "anna"),
    ]
    assert store.known_values("terminal_id") == ["t-1", "t-2"]


def test_users_and_sessions(store: Store) -> None:
    assert store.add_user("anna", "hash-1")
    assert not store.add_user("anna", "hash-2")
    assert store.password_hash("anna") == "hash-1" and store.password_hash("bob") is None
    store.create_session("tok", "anna", "csrf", expires_at=2e9)
    assert store.session("tok") == ("anna", "csrf", 2e9)
    store.extend_session("tok", 3e9)
    assert store.session("tok") == ("anna", "csrf", 3e9)
    store.create_session("old", "anna", "csrf", expires_at=1.0)
    store.create_session("new", "anna", "csrf", expires_at=2e9)  # sweeps the expired one
    assert store.session("old") is None
    store.delete_session("tok")
    assert store.session("tok") is None


def test_an_unusable_database_is_the_environments_fault(tmp_path: Path) -> None:
    (tmp_path / "hub.sqlite").write_bytes(b"this is not a database, just junk" * 100)
    with pytest.raises(StoreError):
        Store(tmp_path / "hub.sqlite")
