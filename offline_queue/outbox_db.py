"""The outbox's database file: schema, opening, setting a damaged file aside, errors, records.

Split from :mod:`offline_queue.outbox` (which owns the connection and every statement): what
is here knows the file, not the queue. ``sqlite3`` errors become :class:`OutboxError`,
classified by whose fault they are.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from offline_queue.salvage import SET_ASIDE_MARK, pending_marker

_SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    created_at  REAL NOT NULL,
    digest      TEXT NOT NULL,
    parts_total INTEGER NOT NULL,
    parts_done  INTEGER NOT NULL DEFAULT 0,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT,
    data        BLOB NOT NULL,
    tries       INTEGER NOT NULL DEFAULT 0,
    not_before  REAL NOT NULL DEFAULT 0,
    first_failed_at REAL,
    data_sha256 TEXT
) STRICT;
CREATE TABLE IF NOT EXISTS parts (
    item_seq    INTEGER NOT NULL REFERENCES items(seq) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    name        TEXT NOT NULL,
    body        BLOB NOT NULL,
    sha256      TEXT,
    PRIMARY KEY (item_seq, idx)
) STRICT;
CREATE TABLE IF NOT EXISTS dead_letters (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL,
    created_at  REAL NOT NULL,
    failed_at   REAL NOT NULL,
    reason      TEXT NOT NULL,
    parts       BLOB NOT NULL,
    digest      TEXT
) STRICT;
"""
# Why this shape: the data part lives in its item's row and only attachments get rows of their
# own, so storing a submission without photos writes two B-trees (the table and its id index),
# not four. No AUTOINCREMENT: it would update sqlite_sequence on every insert; a plain rowid
# is max + 1, so the order of the rows that exist is still their insertion order.

#: Columns added after the first release: an outbox written by an older terminal gets them.
_ADDED_COLUMNS = {
    "items": {
        "tries": "INTEGER NOT NULL DEFAULT 0",
        "not_before": "REAL NOT NULL DEFAULT 0",
        "first_failed_at": "REAL",
        # SHA-256 of each sealed part as stored: a salvage tells a damaged part from a whole one.
        "data_sha256": "TEXT",
    },
    "parts": {"sha256": "TEXT"},
    "dead_letters": {"digest": "TEXT"},
}


#: While a queue drains, delivered items leave the WAL at most this much later.
WAL_TRUNCATE_INTERVAL_S = 1.0


class Fault(StrEnum):
    """Whose fault a storage error is: decides between "call a technician" and "bug report"."""

    ENVIRONMENT = "environment"  # disk full, read-only, I/O error, locked by another process
    BUG = "bug"  # our misuse of SQLite
    CONFLICT = "conflict"  # same id, different content


class OutboxError(Exception):
    def __init__(self, fault: Fault, message: str, *, damaged: bool = False) -> None:
        self.fault = fault
        #: The database file is damaged: a restart moves it aside and salvages what it can.
        self.damaged = damaged
        super().__init__(f"{message} ({fault.value})")


_ENVIRONMENT_CODES = {
    sqlite3.SQLITE_FULL,
    sqlite3.SQLITE_IOERR,
    sqlite3.SQLITE_READONLY,
    sqlite3.SQLITE_CANTOPEN,
    sqlite3.SQLITE_BUSY,
    sqlite3.SQLITE_LOCKED,
    sqlite3.SQLITE_CORRUPT,
    sqlite3.SQLITE_NOTADB,
    sqlite3.SQLITE_PERM,
}
_DAMAGED_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def translate(exc: sqlite3.Error, action: str) -> OutboxError:
    fault = (
        Fault.ENVIRONMENT
        if primary_code(exc) in _ENVIRONMENT_CODES or isinstance(exc, sqlite3.OperationalError)
        else Fault.BUG
    )
    name = getattr(exc, "sqlite_errorname", type(exc).__name__)
    if primary_code(exc) in _DAMAGED_CODES:
        return OutboxError(fault, f"outbox database is damaged ({action}: {name})", damaged=True)
    return OutboxError(fault, f"outbox {action} failed: {name}")


class DamagedError(Exception):
    """The file is not a usable database (raised only while opening)."""


@dataclass(frozen=True)
class QueuedItem:
    """The oldest undelivered item, without its parts' bodies (they are read one at a time)."""

    seq: int
    id: str
    created_at: float
    parts_total: int
    parts_done: int
    attempts: int
    part_names: tuple[str, ...]
    #: Failed tries that count towards parking it as a dead letter (its own trouble).
    tries: int = 0
    #: Not to be sent before this time (its own backoff; epoch seconds).
    not_before: float = 0.0
    #: When its first counted failure was (epoch seconds), if any.
    first_failed_at: float | None = None


@dataclass(frozen=True)
class DeadLetter:
    id: str
    created_at: float
    failed_at: float
    reason: str


@dataclass(frozen=True)
class OutboxStats:
    depth: int
    oldest_created_at: float | None
    dead_letters: int
    #: The newest dead letter's reason ("" if there is none).
    last_dead_letter: str = ""
    #: Items waiting with their own backoff (their own trouble, e.g. a proxy's 413), and the
    #: oldest one's reason: shown until it is delivered, not only until the next delivery.
    held: int = 0
    held_reason: str = ""

    def oldest_age_s(self, now: float) -> float:
        return 0.0 if self.oldest_created_at is None else max(0.0, now - self.oldest_created_at)


def identity_of(path: Path) -> tuple[int, int] | None:
    """(device, inode) of ``path``; None if it is not there."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutboxError(
            Fault.ENVIRONMENT, f"outbox file cannot be checked: {exc.strerror}"
        ) from exc
    return (info.st_dev, info.st_ino)


def open_database(path: Path) -> tuple[sqlite3.Connection, tuple[int, int]]:
    """Open (or create) the outbox at ``path``: the connection and the file's identity.

    Raises :class:`DamagedError` if the file is not a usable database (``quick_check``), and
    :class:`OutboxError` for anything else.
    """
    db: sqlite3.Connection | None = None
    try:
        # Created private: the parts are sealed, but ids and times are still nobody's business.
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            info = os.fstat(fd)
        finally:
            os.close(fd)
        db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        db.execute("PRAGMA busy_timeout=5000")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA secure_delete=ON")
        db.execute("PRAGMA foreign_keys=ON")
        # Appends and lookups by key need few pages; SQLite's default cache (2 MB) would
        # make the terminal's memory grow with every stored submission.
        db.execute("PRAGMA cache_size=-256")
        check = db.execute("PRAGMA quick_check").fetchone()
        if check is None or check[0] != "ok":
            raise DamagedError
        db.executescript(_SCHEMA)
        for table, added in _ADDED_COLUMNS.items():
            columns = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
            for name, kind in added.items():
                if name not in columns:
                    db.execute(f"ALTER TABLE {table} ADD COLUMN {name} {kind}")
        return db, (info.st_dev, info.st_ino)
    except OSError as exc:
        if db is not None:
            db.close()
        raise OutboxError(Fault.ENVIRONMENT, f"outbox cannot be opened: {exc.strerror}") from exc
    except sqlite3.DatabaseError as exc:
        if db is not None:
            db.close()
        if primary_code(exc) in _DAMAGED_CODES:
            raise DamagedError from exc
        raise translate(exc, "open") from exc
    except DamagedError:
        if db is not None:
            db.close()
        raise


def move_aside(path: Path, clock: Callable[[], float], *, pending: bool = True) -> Path:
    """Rename a damaged outbox (and its -wal, -shm) next to it; kept, never deleted.

    ``pending``: its salvage is due; the marker is made (durably) before the rename, so that a
    crash at any point leaves the file marked until a salvage of it has been completed.
    """
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(clock()))
    target = path.with_name(f"{path.name}{SET_ASIDE_MARK}{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}{SET_ASIDE_MARK}{stamp}-{n}")
    try:
        if pending:
            marker = pending_marker(target)
            fd = os.open(marker, os.O_WRONLY | os.O_CREAT, 0o600)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        path.rename(target)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.rename(target.with_name(target.name + suffix))
        # The marker and the renames are entries of the folder: on disk before going on.
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    except OSError as exc:
        raise OutboxError(
            Fault.ENVIRONMENT, f"damaged outbox cannot be moved aside: {exc.strerror}"
        ) from exc
    return target
