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
    outbox.enqueue(parcel("b", data=secret))
    outbox.delivered(outbox.oldest())  # type: ignore[arg-type]
    outbox.delivered(outbox.oldest())  # type: ignore[arg-type]
    # Removal may skip the fsync (a lost removal only means sending again); enqueueing never.
    assert outbox._db.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL
    # Checkpoint so that the WAL's pages reach the main file, then look at the raw bytes.
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = path.read_bytes() + path.with_name(path.name + "-wal").read_bytes()
    assert b"SEALED-BUT-STILL-GONE" not in raw


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


def test_a_corrupted_database_is_moved_aside_with_its_wal(path: Path) -> None:
    box = Outbox(path)
    for i in range(50):
        box.enqueue(parcel(f"id-{i}", data=os.urandom(3000)))
    box.close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    # Overwrite pages in the middle of the file, as a failing SD card would.
    raw = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page, min(len(raw), 12 * page), page):
        raw[offset : offset + 200] = os.urandom(200)
    path.write_bytes(bytes(raw))
    box = Outbox(path)
    try:
        assert box.recovered_from is not None and box.recovered_from.exists()
        assert box.count() == 0
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
    outbox._db.execute("PRAGMA max_page_count = 20")
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
