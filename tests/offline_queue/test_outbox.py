"""The durable outbox, on real SQLite files: idempotency, durability, error translation."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from offline_queue.outbox import Fault, Outbox, OutboxError, OutboxItem
from tests.support.configs import ROOT


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "outbox.sqlite"


@pytest.fixture
def outbox(path: Path) -> Iterator[Outbox]:
    box = Outbox(path)
    yield box
    box.close()


def test_put_pending_count(outbox: Outbox, path: Path) -> None:
    assert path.is_file()  # the folder is made on demand
    assert outbox.count() == 0
    assert outbox.pending() == []
    assert outbox.put("a", b"first") is True
    assert outbox.put("b", b"second") is True
    assert outbox.count() == 2
    items = outbox.pending()
    assert [(i.id, i.payload, i.state, i.attempts) for i in items] == [
        ("a", b"first", "pending", 0),
        ("b", b"second", "pending", 0),
    ]
    assert all(isinstance(i, OutboxItem) for i in items)
    assert items[0].created_at <= items[1].created_at
    assert [i.id for i in outbox.pending(limit=1)] == ["a"]


def test_same_payload_again_is_a_no_op(outbox: Outbox, path: Path) -> None:
    assert outbox.put("a", b"payload") is True
    assert outbox.put("a", b"payload") is False
    assert outbox.count() == 1
    db = sqlite3.connect(path)
    try:
        assert db.execute("SELECT count(*) FROM outbox").fetchone() == (1,)
    finally:
        db.close()


def test_different_payload_for_the_same_id_is_a_conflict(outbox: Outbox) -> None:
    outbox.put("a", b"payload")
    with pytest.raises(OutboxError) as caught:
        outbox.put("a", b"other payload")
    assert caught.value.fault is Fault.CONFLICT
    assert "conflict" in str(caught.value)
    [item] = outbox.pending()
    assert item.payload == b"payload"
    # The outbox is still usable after the refused write.
    assert outbox.put("b", b"next") is True


def test_items_survive_reopening(path: Path) -> None:
    box = Outbox(path)
    payload = bytes(range(256)) * 100
    box.put("a", payload)
    box.close()
    again = Outbox(path)
    try:
        [item] = again.pending()
        assert (item.id, item.payload) == ("a", payload)
        assert again.put("a", payload) is False
    finally:
        again.close()


def test_the_file_is_durable_by_configuration(outbox: Outbox, path: Path) -> None:
    outbox.put("a", b"x")
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        db.close()


def test_two_connections_see_the_same_items(outbox: Outbox, path: Path) -> None:
    outbox.put("a", b"x")
    reader = Outbox(path)
    try:
        assert reader.count() == 1
        outbox.put("b", b"y")
        assert reader.count() == 2
    finally:
        reader.close()


CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path

    from offline_queue.outbox import Outbox

    box = Outbox(Path(sys.argv[1]))
    box.put("survivor", b"stored before the kill " * 100)
    print("stored", flush=True)
    sys.stdin.read()  # blocks until killed
""")


@pytest.mark.slow
def test_a_committed_put_survives_sigkill(path: Path) -> None:
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
        [item] = box.pending()
        assert item.id == "survivor"
        assert item.payload == b"stored before the kill " * 100
    finally:
        box.close()
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        db.close()


# --- errors are OutboxError, classified; never raw sqlite3 errors ----------------------------


def test_a_folder_as_the_database_is_an_environment_error(tmp_path: Path) -> None:
    with pytest.raises(OutboxError) as caught:
        Outbox(tmp_path)
    assert caught.value.fault is Fault.ENVIRONMENT
    assert not isinstance(caught.value, sqlite3.Error)


def test_a_file_that_is_not_a_database_is_an_environment_error(tmp_path: Path) -> None:
    junk = tmp_path / "outbox.sqlite"
    junk.write_bytes(b"this is not a database, it is a shopping list\n" * 100)
    with pytest.raises(OutboxError) as caught:
        Outbox(junk)
    assert caught.value.fault is Fault.ENVIRONMENT
    assert "SQLITE_NOTADB" in str(caught.value)


def test_a_file_where_the_folder_should_be_is_an_environment_error(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(OutboxError) as caught:
        Outbox(blocker / "outbox.sqlite")
    assert caught.value.fault is Fault.ENVIRONMENT
    assert "folder cannot be made" in str(caught.value)


def test_reading_a_closed_outbox_is_an_outbox_error(path: Path) -> None:
    box = Outbox(path)
    box.close()
    for action in (box.count, box.pending):
        with pytest.raises(OutboxError) as caught:
            action()
        assert caught.value.fault is Fault.BUG


def test_writing_a_closed_outbox_is_an_outbox_error(path: Path) -> None:
    # put()'s error handler asks the closed connection `in_transaction`, which raises
    # sqlite3.ProgrammingError itself: the raw sqlite3 error escapes instead of OutboxError.
    box = Outbox(path)
    box.close()
    with pytest.raises(OutboxError) as caught:
        box.put("a", b"x")
    assert caught.value.fault is Fault.BUG
