"""The durable outbox, on real SQLite files: idempotency, order, durability, recovery, errors."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from offline_queue.outbox import Fault, Outbox, OutboxError
from offline_queue.parcel import DATA_PART, Parcel, Part
from tests.support.configs import ROOT


def parcel(sid: str, *attachments: str, data: bytes = b"sealed-data", digest: str = "") -> Parcel:
    parts = tuple(Part(name, f"sealed-{name}".encode()) for name in attachments)
    return Parcel(sid, digest or f"digest-{sid}", (*parts, Part(DATA_PART, data)))


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "outbox.sqlite"


@pytest.fixture
def outbox(path: Path) -> Iterator[Outbox]:
    box = Outbox(path)
    yield box
    box.close()


def test_a_parcel_ends_with_its_one_data_part() -> None:
    with pytest.raises(ValueError):
        Parcel("a", "d", (Part("photo-1.jpg", b"x"),))
    with pytest.raises(ValueError):
        Parcel("a", "d", (Part(DATA_PART, b"x"), Part(DATA_PART, b"y")))
    assert parcel("a", "p1").size == len(b"sealed-p1") + len(b"sealed-data")


def test_enqueue_oldest_parts_and_removal(outbox: Outbox, path: Path) -> None:
    assert path.is_file()  # the folder is made on demand
    assert outbox.oldest() is None
    assert outbox.stats().depth == 0
    assert outbox.enqueue(parcel("b", "photo-1.jpg", "photo-2.jpg")) is True
    assert outbox.enqueue(parcel("a")) is True
    # Oldest first by insertion, whatever the ids.
    item = outbox.oldest()
    assert item is not None
    assert (item.id, item.parts_total, item.parts_done, item.attempts) == ("b", 3, 0, 0)
    assert item.part_names == ("photo-1.jpg", "photo-2.jpg", DATA_PART)
    assert outbox.part(item, 0) == Part("photo-1.jpg", b"sealed-photo-1.jpg")
    assert outbox.part(item, 2).is_data
    outbox.part_done(item, 0)
    outbox.part_done(item, 1)
    outbox.failed_attempt(item, "no connection")
    again = outbox.oldest()
    assert again is not None and (again.parts_done, again.attempts) == (2, 1)
    outbox.restart_parts(again)
    again = outbox.oldest()
    assert again is not None and again.parts_done == 0
    stats = outbox.stats()
    assert stats.depth == 2 and stats.dead_letters == 0 and stats.oldest_created_at is not None
    assert stats.oldest_age_s(stats.oldest_created_at + 5) == 5
    outbox.delivered(again)
    nxt = outbox.oldest()
    assert nxt is not None and nxt.id == "a"
    assert outbox.count() == 1
    with sqlite3.connect(path) as db:
        # Attachments leave with their item ("a" has none; its data part is in its row).
        assert db.execute("SELECT count(*) FROM parts").fetchone() == (0,)


def test_same_submission_again_is_a_no_op(outbox: Outbox) -> None:
    assert outbox.enqueue(parcel("a", data=b"first sealing")) is True
    # A retry after a crash seals again (other ciphertext) but has the same digest.
    assert outbox.enqueue(parcel("a", data=b"second sealing")) is False
    assert outbox.count() == 1
    item = outbox.oldest()
    assert item is not None and outbox.part(item, 0).body == b"first sealing"


def test_another_submission_under_the_same_id_is_a_conflict(outbox: Outbox) -> None:
    outbox.enqueue(parcel("a"))
    with pytest.raises(OutboxError) as caught:
        outbox.enqueue(parcel("a", digest="other"))
    assert caught.value.fault is Fault.CONFLICT
    assert outbox.count() == 1


def test_dead_letters_keep_the_item_and_the_reason(outbox: Outbox, path: Path) -> None:
    outbox.enqueue(parcel("a", "photo-1.jpg"))
    outbox.enqueue(parcel("b"))
    item = outbox.oldest()
    assert item is not None
    outbox.dead_letter(item, "HTTP 422 invalid-submission")
    [dead] = outbox.dead_letters()
    assert (dead.id, dead.reason) == ("a", "HTTP 422 invalid-submission")
    stats = outbox.stats()
    assert (stats.depth, stats.dead_letters) == (1, 1)
    nxt = outbox.oldest()
    assert nxt is not None and nxt.id == "b"
    with sqlite3.connect(path) as db:
        [(parts,)] = db.execute("SELECT parts FROM dead_letters").fetchall()
    assert b"sealed-photo-1.jpg" in parts and b"sealed-data" in parts


def test_items_survive_reopening(path: Path) -> None:
    box = Outbox(path)
    box.enqueue(parcel("a"))
    box.close()
    box = Outbox(path)
    try:
        item = box.oldest()
        assert item is not None and item.id == "a"
        assert box.recovered_from is None
    finally:
        box.close()


def test_the_file_is_durable_private_and_deletes_securely(outbox: Outbox, path: Path) -> None:
    outbox.enqueue(parcel("a"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    secret = b"SEALED-BUT-STILL-GONE-AFTER-DELIVERY" * 50
    outbox.enqueue(parcel("b", "photo-1.jpg", data=secret))
    wal = path.with_name(path.name + "-wal")
    # Stored: the sealed parts are on disk (in the WAL until a checkpoint moves them).
    assert secret[:36] in path.read_bytes() + wal.read_bytes()
    outbox.delivered(outbox.oldest())  # type: ignore[arg-type]
    outbox.delivered(outbox.oldest())  # type: ignore[arg-type]
    # Removal may skip the fsync (a lost removal only means sending again); enqueueing never.
    assert outbox._file.db.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL
    # No forced checkpoint here: the raw bytes of the main file and the WAL as the running
    # outbox leaves them, with its connection still open.
    raw = path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    assert b"SEALED-BUT-STILL-GONE" not in raw
    assert b"sealed-photo-1.jpg" not in raw


def test_while_a_queue_drains_delivered_data_leaves_the_wal_within_the_interval(
    path: Path,
) -> None:
    now = [0.0]
    box = Outbox(path, wal_truncate_interval_s=1.0, monotonic=lambda: now[0])
    try:
        secret = b"DELIVERED-WHILE-OTHERS-WAIT" * 50
        box.enqueue(parcel("a", data=secret))
        for sid in ("b", "c"):
            box.enqueue(parcel(sid))
        wal = path.with_name(path.name + "-wal")
        box.delivered(box.oldest())  # type: ignore[arg-type]
        # Within the interval the WAL may still hold it (a checkpoint per item would cost an
        # fsync each while a long queue drains) ...
        now[0] += 1.0
        box.delivered(box.oldest())  # type: ignore[arg-type]
        # ... but not after it, though "c" still waits.
        assert box.count() == 1
        raw = path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
        assert b"DELIVERED-WHILE-OTHERS-WAIT" not in raw
    finally:
        box.close()


def test_a_file_deleted_under_a_running_outbox_is_noticed(outbox: Outbox, path: Path) -> None:
    outbox.enqueue(parcel("a"))
    path.unlink()  # a technician's rm, a cleanup script
    with pytest.raises(OutboxError) as caught:
        outbox.enqueue(parcel("b"))
    assert caught.value.fault is Fault.ENVIRONMENT
    assert "removed or replaced" in str(caught.value)
    with pytest.raises(OutboxError):
        outbox.stats()
    assert not path.exists()  # not silently replaced by an empty database


def test_a_journal_deleted_under_a_running_outbox_is_noticed(outbox: Outbox, path: Path) -> None:
    outbox.enqueue(parcel("a"))
    assert outbox.usable()
    path.with_name(path.name + "-wal").unlink()  # the committed "a" was in it
    with pytest.raises(OutboxError, match="journal"):
        outbox.enqueue(parcel("b"))
    assert not outbox.usable()


def test_a_file_replaced_under_a_running_outbox_is_noticed(
    outbox: Outbox, path: Path, tmp_path: Path
) -> None:
    outbox.enqueue(parcel("a"))
    other = Outbox(tmp_path / "other.sqlite")
    other.close()
    (tmp_path / "other.sqlite").replace(path)  # a backup restored over it
    with pytest.raises(OutboxError, match="removed or replaced"):
        outbox.oldest()


# --- each item's own retry state ---------------------------------------------------------------


def test_an_items_own_backoff_and_tries_survive_a_restart(path: Path) -> None:
    now = [1_000_000.0]
    box = Outbox(path, clock=lambda: now[0])
    box.enqueue(parcel("a"))
    box.enqueue(parcel("b"))
    item = box.next_due(now[0], horizon_s=3600)
    assert item is not None and item.id == "a"
    assert box.item_failed(item, "HTTP 500", counts=True, not_before=now[0] + 60) == 1
    box.close()
    box = Outbox(path, clock=lambda: now[0])
    try:
        nxt = box.next_due(now[0], horizon_s=3600)
        assert nxt is not None and nxt.id == "b"  # "a" waits; "b" goes on
        assert box.next_due_at() == 0.0  # "b" is due now
        box.delivered(nxt)
        assert box.next_due(now[0], horizon_s=3600) is None
        assert box.next_due_at() == now[0] + 60
        a = box.next_due(now[0] + 60, horizon_s=3600)
        assert a is not None and (a.id, a.tries, a.attempts) == ("a", 1, 1)
        assert a.first_failed_at == now[0]
        # Uncounted trouble (a proxy's 413) waits too, but does not count towards parking.
        assert box.item_failed(a, "HTTP 413", counts=False, not_before=now[0] + 120) == 1
        # A clock set back by a year does not hold the item for a year.
        assert box.next_due(now[0] - 365 * 86400, horizon_s=3600) is not None
    finally:
        box.close()


def test_an_outbox_of_an_older_version_gets_the_new_columns(path: Path) -> None:
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as db:
        db.executescript(
            """
            CREATE TABLE items (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
                created_at REAL NOT NULL, digest TEXT NOT NULL, parts_total INTEGER NOT NULL,
                parts_done INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT, data BLOB NOT NULL) STRICT;
            CREATE TABLE dead_letters (seq INTEGER PRIMARY KEY, id TEXT NOT NULL,
                created_at REAL NOT NULL, failed_at REAL NOT NULL, reason TEXT NOT NULL,
                parts BLOB NOT NULL) STRICT;
            INSERT INTO items (id, created_at, digest, parts_total, data)
                VALUES ('old', 1.0, 'd', 1, X'00');
            """
        )
    db.close()
    box = Outbox(path)
    try:
        item = box.next_due(2.0, horizon_s=10)
        assert item is not None and (item.id, item.tries, item.not_before) == ("old", 0, 0.0)
        box.dead_letter(item, "HTTP 422 invalid-submission")
        assert box.requeue_dead_letter("old") is True
        assert box.count() == 1 and box.dead_letters() == []
    finally:
        box.close()


def test_two_connections_see_the_same_items(outbox: Outbox, path: Path) -> None:
    outbox.enqueue(parcel("a"))
    reader = Outbox(path)
    try:
        assert reader.count() == 1
        outbox.enqueue(parcel("b"))
        assert reader.count() == 2
    finally:
        reader.close()


def test_free_space_is_the_disk_s(outbox: Outbox, path: Path) -> None:
    import shutil

    free = shutil.disk_usage(path.parent).free
    assert abs(outbox.free_bytes() - free) < 64 * 1024 * 1024


CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path

    from offline_queue.outbox import Outbox
    from offline_queue.parcel import DATA_PART, Parcel, Part

    box = Outbox(Path(sys.argv[1]))
    box.enqueue(Parcel("survivor", "d", (Part(DATA_PART, b"stored before the kill " * 100),)))
    print("stored", flush=True)
    sys.stdin.read()  # blocks until killed
""")


@pytest.mark.slow
def test_a_committed_enqueue_survives_sigkill(path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        try:
            assert child.stdout is not None
            line = child.stdout.readline()
            assert line == "stored\n", child.stderr.read() if child.stderr else ""
            os.kill(child.pid, signal.SIGKILL)
            assert child.wait(timeout=30) == -signal.SIGKILL
        finally:
            if child.poll() is None:
                child.kill()
                child.wait(timeout=30)
    # The process never closed the database nor checkpointed its WAL.
    box = Outbox(path)
    try:
        item = box.oldest()
        assert item is not None and item.id == "survivor"
        assert box.part(item, 0).body == b"stored before the kill " * 100
    finally:
        box.close()


# --- a damaged database is moved aside, never deleted ----------------------------------------


def test_a_file_that_is_not_a_database_is_moved_aside(tmp_path: Path) -> None:
    junk = tmp_path / "outbox.sqlite"
    content = b"this is not a database, it is a shopping list\n" * 100
    junk.write_bytes(content)
    box = Outbox(junk)
    try:
        assert box.recovered_from is not None
        assert box.recovered_from.name.startswith("outbox.sqlite.damaged-")
        assert box.recovered_from.read_bytes() == content  # kept for recovery
        assert box.enqueue(parcel("a")) is True  # and the terminal goes on with a fresh one
    finally:
        box.close()


def damaged_outbox(path: Path, pages: list[int], count: int = 50) -> dict[str, Parcel]:
    """An outbox of ``count`` items whose file has ``pages`` overwritten (a failing SD card)."""
    now = [1_700_000_000.0]
    box = Outbox(path, clock=lambda: now[0])
    stored = {}
    for i in range(count):
        p = Parcel(
            f"id-{i}",
            f"digest-{i}",
            (Part("photo-1.jpg", os.urandom(1500)), Part(DATA_PART, os.urandom(3000))),
        )
        box.enqueue(p)
        stored[p.submission_id] = p
        now[0] += 1
    box.close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    raw = bytearray(path.read_bytes())
    for page in pages:
        raw[page * 4096 : page * 4096 + 200] = os.urandom(200)
    path.write_bytes(bytes(raw))
    return stored


def test_a_corrupted_database_is_moved_aside_and_its_readable_items_salvaged(
    path: Path,
) -> None:
    stored = damaged_outbox(path, pages=[20, 21, 40])
    damaged = path.read_bytes()
    box = Outbox(path)
    try:
        assert box.recovered_from is not None and box.recovered_from.exists()
        report = box.salvage
        assert report is not None and report.complete
        # Every item is accounted for: copied, or named as unreadable.
        assert report.recovered + report.unreadable == len(stored)
        assert report.recovered >= 40 and report.unreadable >= 1
        assert len(report.unreadable_ids) == report.unreadable
        assert box.count() == report.recovered
        while (item := box.oldest()) is not None:
            original = stored.pop(item.id)
            assert item.created_at == 1_700_000_000.0 + int(item.id.split("-")[1])
            assert tuple(box.part(item, i) for i in range(item.parts_total)) == original.parts
            box.delivered(item)
        assert sorted(stored) == sorted(report.unreadable_ids)
        # The set-aside file is kept as it was; salvaging it again copies nothing twice.
        assert box.recovered_from.read_bytes() == damaged
        box.enqueue(parcel("new"))
        again = box.salvage_from(box.recovered_from)
        assert (again.recovered, again.unreadable) == (report.recovered, report.unreadable)
        assert box.count() == report.recovered + 1  # delivered ones came back: sent again,
        # the hub answers "already have it" (exactly once in effect)
        third = box.salvage_from(box.recovered_from)
        assert (third.recovered, third.already_present) == (0, report.recovered)
    finally:
        box.close()


def test_dead_letters_of_a_damaged_outbox_are_kept_as_dead_letters(path: Path) -> None:
    box = Outbox(path)
    box.enqueue(parcel("a", "photo-1.jpg"))
    box.dead_letter(box.oldest(), "HTTP 422 invalid-submission")  # type: ignore[arg-type]
    box.close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        [(page,)] = db.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_items_1'"
        ).fetchall()
    db.close()
    with path.open("r+b") as f:
        f.seek((page - 1) * 4096)
        f.write(b"\xff" * 64)  # the items' id index: quick_check fails, the rest is fine
    box = Outbox(path)
    try:
        assert box.recovered_from is not None
        [dead] = box.dead_letters()
        assert (dead.id, dead.reason) == ("a", "HTTP 422 invalid-submission")
        assert box.requeue_dead_letter("a")
        item = box.oldest()
        assert item is not None and box.part(item, 0) == Part("photo-1.jpg", b"sealed-photo-1.jpg")
    finally:
        box.close()


def test_a_submission_meeting_damage_goes_into_a_fresh_outbox(path: Path) -> None:
    box = Outbox(path)
    try:
        for i in range(20):
            box.enqueue(parcel(f"id-{i}", data=os.urandom(3000)))
        # Another connection moves everything into the main file (and so makes this one read
        # its pages anew); then the id index's root page is overwritten on disk.
        with sqlite3.connect(path) as db:
            db.execute("PRAGMA user_version = 1")
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            [(page,)] = db.execute(
                "SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_items_1'"
            ).fetchall()
        db.close()
        with path.open("r+b") as f:
            f.seek((page - 1) * 4096)
            f.write(b"\xff" * 64)
        assert box.enqueue(parcel("citizen")) is True  # not refused for the old damage
        assert box.recovered_from is not None and box.salvage is not None
        assert box.salvage.recovered == 20  # the table itself was whole
        assert box.count() == 21
        box.check()
    finally:
        box.close()


def test_quick_check_finds_damage_while_running(path: Path) -> None:
    box = Outbox(path)
    for i in range(200):
        box.enqueue(parcel(f"id-{i}", data=os.urandom(3000)))
    box.check()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    with path.open("r+b") as f:
        for page in range(3, 150, 7):
            f.seek(page * 4096)
            f.write(os.urandom(300))
    try:
        with pytest.raises(OutboxError, match="damaged"):
            box.check()
    finally:
        box.close()


# --- errors are OutboxError, classified; never raw sqlite3 errors ----------------------------


def test_a_folder_as_the_database_is_an_environment_error(tmp_path: Path) -> None:
    with pytest.raises(OutboxError) as caught:
        Outbox(tmp_path)
    assert caught.value.fault is Fault.ENVIRONMENT
    assert not isinstance(caught.value, sqlite3.Error)


def test_a_file_where_the_folder_should_be_is_an_environment_error(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(OutboxError) as caught:
        Outbox(blocker / "outbox.sqlite")
    assert caught.value.fault is Fault.ENVIRONMENT
    assert "folder cannot be made" in str(caught.value)


def test_a_full_database_refuses_with_an_environment_error(outbox: Outbox, path: Path) -> None:
    # SQLite's own limit stands in for a full disk: the same SQLITE_FULL error.
    outbox._file.db.execute("PRAGMA max_page_count = 20")
    with pytest.raises(OutboxError) as caught:
        for i in range(100):
            outbox.enqueue(parcel(f"id-{i}", "photo-1.jpg", data=os.urandom(4000)))
    assert caught.value.fault is Fault.ENVIRONMENT
    assert "SQLITE_FULL" in str(caught.value)
    # What was stored before stays, and the half-written item left nothing behind.
    depth = outbox.count()
    assert depth > 0
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM parts").fetchone() == (depth,)
        assert db.execute("SELECT count(*) FROM items").fetchone() == (depth,)


def test_using_a_closed_outbox_is_an_outbox_error(path: Path) -> None:
    box = Outbox(path)
    box.close()
    for action in (box.count, box.oldest, box.stats, box.dead_letters):
        with pytest.raises(OutboxError) as caught:
            action()
        assert caught.value.fault is Fault.BUG
    with pytest.raises(OutboxError):
        box.enqueue(parcel("a"))


def test_damage_met_by_two_threads_is_set_aside_once(path: Path) -> None:
    box = Outbox(path)
    try:
        box.enqueue(parcel("a"))
        seen = box.generation
        first = box.recover(seen)  # one thread met the damage and recovered
        assert first is not None and box.generation == seen + 1
        assert box.recover(seen) is first  # the other met the same damage: nothing more
        assert box.count() == 1 and box.generation == seen + 1
        assert len(list(path.parent.glob("outbox.sqlite.damaged-*[0-9]"))) == 1
    finally:
        box.close()
