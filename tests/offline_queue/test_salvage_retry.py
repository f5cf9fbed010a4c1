"""A salvage that cannot finish is finished at the next start; its copy is made on the same disk.

Real SQLite files with a really damaged page. The failure partway is the outbox's own
environment error (the disk full) raised from its write: the one thing not real here.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

import pytest

from offline_queue.outbox import Fault, Outbox, OutboxError
from offline_queue.salvage import PENDING_MARK, set_aside_files
from tests.offline_queue.test_outbox import parcel


def damaged(path: Path, count: int = 20) -> None:
    """An outbox of ``count`` items whose id index is overwritten (its table stays readable)."""
    box = Outbox(path)
    for i in range(count):
        box.enqueue(parcel(f"id-{i}", data=os.urandom(3000)))
    box.close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        [(page,)] = db.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_items_1'"
        ).fetchall()
    db.close()
    with path.open("r+b") as f:
        f.seek((page - 1) * 4096)
        f.write(b"\xff" * 64)


def test_a_salvage_that_failed_partway_is_finished_at_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "outbox.sqlite"
    damaged(path)
    real = Outbox._enqueue
    copied = 0

    def disk_full_after_five(self: Outbox, *args: object) -> bool:
        nonlocal copied
        if copied == 5:
            raise OutboxError(Fault.ENVIRONMENT, "database or disk is full")
        copied += 1
        return real(self, *args)  # type: ignore[arg-type]

    with monkeypatch.context() as patch:
        patch.setattr(Outbox, "_enqueue", disk_full_after_five)
        box = Outbox(path)  # starts anyway: new submissions go into the fresh outbox
        assert box.count() == 5
        box.close()
    [set_aside] = set_aside_files(path)
    assert set_aside.with_name(set_aside.name + PENDING_MARK).exists()
    box = Outbox(path)  # the next start
    try:
        assert box.count() == 20
        assert box.salvage is not None and box.salvage.recovered == 15
    finally:
        box.close()
    assert not set_aside.with_name(set_aside.name + PENDING_MARK).exists()
    box = Outbox(path)  # done: not salvaged again (delivered items would come back)
    try:
        assert box.salvage is None
    finally:
        box.close()
    assert set_aside_files(path) == [set_aside]  # kept, never deleted


def test_the_salvage_copy_is_made_beside_the_file_not_in_tmp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # /tmp is RAM on many systems (and small): a large outbox's copy must not go there.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-tmp-here"))
    path = tmp_path / "data" / "outbox.sqlite"
    path.parent.mkdir()
    damaged(path)
    box = Outbox(path)
    try:
        assert box.salvage is not None and box.salvage.recovered == 20
    finally:
        box.close()
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(".")) == []
