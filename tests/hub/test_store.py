"""The hub's store on a real SQLite file: storage trouble is a StoreError, never anything else."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import pytest

from hub.store import Filters, Store, StoreError


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
