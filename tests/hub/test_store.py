"""The hub's store on a real SQLite file: storage trouble is a StoreError, never anything else."""

from __future__ import annotations

import logging
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from hub.store import Filters, Store, StoreError
from tests.support.configs import ROOT


def test_a_page_far_past_the_end_is_empty_not_an_overflow(tmp_path: Path) -> None:
    store = Store(tmp_path / "hub.sqlite")
    try:
        for offset in (10**20, 2**63, -(10**20)):
            rows, total = store.submissions(Filters(), offset=offset, limit=10**20)
            assert rows == [] and total == 0
    finally:
        store.close()


def test_a_replaced_file_is_refused_and_logged_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "hub.sqlite"
    store = Store(path)
    try:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        store.add_terminal("t-1", "T", "P", "0" * 64)
        # A backup copied over the live file: another inode, the hub's writes would vanish.
        path.unlink()
        path.write_bytes(b"")
        with caplog.at_level(logging.ERROR, logger="hub.store"):
            for _ in range(3):
                with pytest.raises(StoreError):
                    store.terminals()
                with pytest.raises(StoreError):
                    store.add_terminal("t-2", "T", "P", "0" * 64)
        assert [r.message for r in caplog.records].count(
            f"hub database file {path} was deleted or replaced while the hub ran; refusing "
            "to store or read anything until it is restored and the hub restarted"
        ) == 1
    finally:
        store.close()


#: A hub that stores a terminal, loses its write-ahead log, is refused, and then dies (SIGKILL:
#: SQLite gets no chance to checkpoint on close).
_LOSES_ITS_LOG = """
import os, signal, sys
from pathlib import Path
from hub.store import Store, StoreError
path = Path(sys.argv[1])
store = Store(path)
store.add_terminal("t-1", "T", "P", "0" * 64)
Path(f"{path}-wal").unlink()
try:
    store.add_terminal("t-2", "T", "P", "0" * 64)
except StoreError:
    print("refused", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_deleted_write_ahead_log_is_refused_and_what_was_committed_kept(
    tmp_path: Path,
) -> None:
    path = tmp_path / "hub.sqlite"
    child = subprocess.run(
        [sys.executable, "-c", _LOSES_ITS_LOG, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert child.stdout == "refused\n"
    assert f"{path}-wal was deleted" in child.stderr
    again = Store(path)
    try:
        assert [t.id for t in again.terminals()] == ["t-1"]
    finally:
        again.close()


def test_a_store_from_before_display_names_gains_the_column_and_keeps_its_clerks(
    tmp_path: Path,
) -> None:
    import sqlite3

    path = tmp_path / "hub.sqlite"
    store = Store(path)
    store.add_user("anna", "hash")
    store.close()
    # The users table as the first release made it.
    with sqlite3.connect(path) as db:
        db.execute("ALTER TABLE users DROP COLUMN display_name")
    store = Store(path)
    try:
        assert store.display_name("anna") == "anna"  # no display name: the login shows
        assert store.set_display_name("anna", "Frau Weber")
        assert store.display_name("anna") == "Frau Weber"
        assert not store.set_display_name("nobody", "X")
        assert store.password_hash("anna") == "hash"
    finally:
        store.close()
