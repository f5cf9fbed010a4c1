"""The durable outbox: sealed submissions kept in SQLite until the hub has confirmed them.

Durability: WAL journal with ``synchronous=FULL`` — :meth:`Outbox.enqueue` returns only after
SQLite has fsynced the commit, so a stored parcel survives a SIGKILL and a power cut.
Idempotency: an item is addressed by its submission id; enqueueing the same id again with the
same content digest is a no-op, with another digest an error, so a retried *send* after a
crash never creates a second submission.
Privacy: the parts are sealed for the hub (the terminal cannot open them); ``secure_delete``
overwrites delivered rows, so nothing of them stays readable in the file.
Order: items leave oldest first (by their insertion sequence, not the wall clock).

One writer: this object owns the only connection and serialises every statement with a lock.
Two threads use it — the kiosk's submit worker (enqueue) and the delivery worker (progress,
removal) — but the lock is never held across network I/O, so an enqueue waits at most for one
short transaction. Errors become :class:`OutboxError`, classified by whose fault they are;
``sqlite3`` exceptions never leave this module.

A database that is not a database any more (corrupt, truncated, overwritten) is detected when
opening, moved aside next to it (kept for recovery, never deleted) and replaced by a fresh
one; :attr:`Outbox.recovered_from` says where the old one went.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from offline_queue.parcel import DATA_PART, Parcel, Part

log = logging.getLogger(__name__)

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
    data        BLOB NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS parts (
    item_seq    INTEGER NOT NULL REFERENCES items(seq) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    name        TEXT NOT NULL,
    body        BLOB NOT NULL,
    PRIMARY KEY (item_seq, idx)
) STRICT;
CREATE TABLE IF NOT EXISTS dead_letters (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL,
    created_at  REAL NOT NULL,
    failed_at   REAL NOT NULL,
    reason      TEXT NOT NULL,
    parts       BLOB NOT NULL
) STRICT;
"""
# Why this shape: the data part lives in its item's row and only attachments get rows of their
# own, so storing a submission without photos writes two B-trees (the table and its id index),
# not four. No AUTOINCREMENT: it would update sqlite_sequence on every insert; a plain rowid
# is max + 1, so the order of the rows that exist is still their insertion order.


class Fault(StrEnum):
    """Whose fault a storage error is: decides between "call a technician" and "bug report"."""

    ENVIRONMENT = "environment"  # disk full, read-only, I/O error, locked by another process
    BUG = "bug"  # our misuse of SQLite
    CONFLICT = "conflict"  # same id, different content


class OutboxError(Exception):
    def __init__(self, fault: Fault, message: str) -> None:
        self.fault = fault
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


def _primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def _translate(exc: sqlite3.Error, action: str) -> OutboxError:
    fault = (
        Fault.ENVIRONMENT
        if _primary_code(exc) in _ENVIRONMENT_CODES or isinstance(exc, sqlite3.OperationalError)
        else Fault.BUG
    )
    name = getattr(exc, "sqlite_errorname", type(exc).__name__)
    return OutboxError(fault, f"outbox {action} failed: {name}")


class _DamagedError(Exception):
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

    def oldest_age_s(self, now: float) -> float:
        return 0.0 if self.oldest_created_at is None else max(0.0, now - self.oldest_created_at)


class Outbox:
    """A durable, idempotent, oldest-first queue of sealed parcels."""

    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self._clock = clock
        self._lock = threading.Lock()
        #: Where a damaged database found at opening was moved to (kept for recovery).
        self.recovered_from: Path | None = None
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise OutboxError(
                Fault.ENVIRONMENT, f"outbox folder cannot be made: {exc.strerror}"
            ) from exc
        try:
            self._db = self._open()
        except _DamagedError:
            self.recovered_from = self._move_aside()
            log.error("outbox database was damaged; moved aside to %s", self.recovered_from.name)
            try:
                self._db = self._open()
            except _DamagedError as exc:
                raise OutboxError(Fault.ENVIRONMENT, "fresh outbox is damaged too") from exc

    def _open(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = None
        try:
            # Created private: the parts are sealed, but ids and times are still nobody's business.
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            os.close(fd)
            db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
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
                raise _DamagedError
            db.executescript(_SCHEMA)
            return db
        except OSError as exc:
            raise OutboxError(
                Fault.ENVIRONMENT, f"outbox cannot be opened: {exc.strerror}"
            ) from exc
        except sqlite3.DatabaseError as exc:
            if db is not None:
                db.close()
            if _primary_code(exc) in _DAMAGED_CODES:
                raise _DamagedError from exc
            raise _translate(exc, "open") from exc
        except _DamagedError:
            if db is not None:
                db.close()
            raise

    def _move_aside(self) -> Path:
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(self._clock()))
        target = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.name}.damaged-{stamp}-{n}")
        try:
            self.path.rename(target)
            for suffix in ("-wal", "-shm"):
                side = self.path.with_name(self.path.name + suffix)
                if side.exists():
                    side.rename(target.with_name(target.name + suffix))
        except OSError as exc:
            raise OutboxError(
                Fault.ENVIRONMENT, f"damaged outbox cannot be moved aside: {exc.strerror}"
            ) from exc
        return target

    @contextlib.contextmanager
    def _transaction(self, action: str, durable: bool = True) -> Iterator[sqlite3.Connection]:
        """One write transaction under the lock.

        ``durable=False`` commits without waiting for the disk (``synchronous=NORMAL`` for this
        commit only; WAL keeps it atomic). Only for progress the hub has already confirmed:
        if a power cut takes such a commit back, the part or item is simply sent again and
        the hub answers "already have it". A new submission is always committed durably.
        """
        with self._lock:
            try:
                if not durable:
                    self._db.execute("PRAGMA synchronous=NORMAL")
                self._db.execute("BEGIN IMMEDIATE")
                yield self._db
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise _translate(exc, action) from exc
            except BaseException:
                self._rollback()
                raise
            finally:
                if not durable:
                    with contextlib.suppress(sqlite3.Error):
                        self._db.execute("PRAGMA synchronous=FULL")

    def _rollback(self) -> None:
        try:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # closed or broken connection: the original error says more

    def _read(self, action: str, sql: str, args: tuple[object, ...] = ()) -> list[Any]:
        with self._lock:
            try:
                return list(self._db.execute(sql, args).fetchall())
            except sqlite3.Error as exc:
                raise _translate(exc, action) from exc

    # -- writing -------------------------------------------------------------------------

    def enqueue(self, parcel: Parcel) -> bool:
        """Store ``parcel`` durably; returns once the commit is on disk.

        Returns True if stored now, False if the same submission is already queued. (A
        delivered one is gone from here; enqueued again, the hub answers "already have it".)
        Raises :class:`OutboxError` with ``Fault.CONFLICT`` if the id holds another submission.
        """
        # The common case (a new id) in as few statements as possible: the insert itself
        # detects a repeat; only then is the stored digest looked at.
        with self._lock:
            db = self._db
            try:
                db.execute("BEGIN IMMEDIATE")
                cursor = db.execute(
                    "INSERT INTO items (id, created_at, digest, parts_total, data) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                    (
                        parcel.submission_id,
                        self._clock(),
                        parcel.digest,
                        len(parcel.parts),
                        parcel.parts[-1].body,
                    ),
                )
                if cursor.rowcount == 0:
                    found = db.execute(
                        "SELECT digest FROM items WHERE id = ?", (parcel.submission_id,)
                    ).fetchone()
                    db.execute("ROLLBACK")
                    if found is None or found[0] != parcel.digest:
                        raise OutboxError(Fault.CONFLICT, "outbox id already holds other data")
                    return False
                seq = cursor.lastrowid
                for i, part in enumerate(parcel.parts[:-1]):
                    db.execute(
                        "INSERT INTO parts (item_seq, idx, name, body) VALUES (?, ?, ?, ?)",
                        (seq, i, part.name, part.body),
                    )
                db.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise _translate(exc, "write") from exc
        return True

    def part_done(self, item: QueuedItem, index: int) -> None:
        """The hub confirmed part ``index``: a restart resumes after it."""
        with self._transaction("write", durable=False) as db:
            db.execute(
                "UPDATE items SET parts_done = max(parts_done, ?) WHERE seq = ?",
                (index + 1, item.seq),
            )

    def restart_parts(self, item: QueuedItem) -> None:
        """Send every part again (the hub lost attachments it had confirmed)."""
        with self._transaction("write") as db:
            db.execute("UPDATE items SET parts_done = 0 WHERE seq = ?", (item.seq,))

    def failed_attempt(self, item: QueuedItem, reason: str) -> None:
        with self._transaction("write") as db:
            db.execute(
                "UPDATE items SET attempts = attempts + 1, last_error = ? WHERE seq = ?",
                (reason[:200], item.seq),
            )

    def delivered(self, item: QueuedItem) -> None:
        """The hub confirmed the whole submission: remove it (secure delete overwrites it)."""
        with self._transaction("write", durable=False) as db:
            db.execute("DELETE FROM items WHERE seq = ?", (item.seq,))

    def dead_letter(self, item: QueuedItem, reason: str) -> None:
        """The hub refused the item for good: keep it (sealed) with the reason, out of the way."""
        with self._transaction("write") as db:
            parts = db.execute(
                "SELECT name, body FROM parts WHERE item_seq = ? ORDER BY idx", (item.seq,)
            ).fetchall()
            parts += db.execute(
                "SELECT ?, data FROM items WHERE seq = ?", (DATA_PART, item.seq)
            ).fetchall()
            blob = json.dumps(
                [[name, bytes(body).decode("ascii", "replace")] for name, body in parts]
            ).encode("ascii")
            db.execute(
                "INSERT INTO dead_letters (id, created_at, failed_at, reason, parts) "
                "VALUES (?, ?, ?, ?, ?)",
                (item.id, item.created_at, self._clock(), reason[:500], blob),
            )
            db.execute("DELETE FROM items WHERE seq = ?", (item.seq,))

    # -- reading -------------------------------------------------------------------------

    def oldest(self) -> QueuedItem | None:
        rows = self._read(
            "read",
            "SELECT seq, id, created_at, parts_total, parts_done, attempts FROM items "
            "ORDER BY seq LIMIT 1",
        )
        if not rows:
            return None
        seq, item_id, created_at, total, done, attempts = rows[0]
        names = (
            self._read("read", "SELECT name FROM parts WHERE item_seq = ? ORDER BY idx", (seq,))
            if total > 1
            else []
        )
        names.append((DATA_PART,))
        return QueuedItem(
            int(seq),
            str(item_id),
            float(created_at),
            int(total),
            int(done),
            int(attempts),
            tuple(str(n[0]) for n in names),
        )

    def part(self, item: QueuedItem, index: int) -> Part:
        if index == item.parts_total - 1:
            rows = self._read("read", "SELECT data FROM items WHERE seq = ?", (item.seq,))
            if not rows:
                raise OutboxError(Fault.BUG, "outbox item is missing")
            return Part(DATA_PART, bytes(rows[0][0]))
        rows = self._read(
            "read",
            "SELECT name, body FROM parts WHERE item_seq = ? AND idx = ?",
            (item.seq, index),
        )
        if not rows:
            raise OutboxError(Fault.BUG, "outbox part is missing")
        name, body = rows[0]
        return Part(str(name), bytes(body))

    def stats(self) -> OutboxStats:
        rows = self._read(
            "read",
            "SELECT (SELECT count(*) FROM items), (SELECT min(created_at) FROM items), "
            "(SELECT count(*) FROM dead_letters)",
        )
        depth, oldest, dead = rows[0]
        return OutboxStats(
            int(depth),
            None if oldest is None else float(oldest),
            int(dead),
        )

    def count(self) -> int:
        return self.stats().depth

    def dead_letters(self) -> list[DeadLetter]:
        rows = self._read(
            "read", "SELECT id, created_at, failed_at, reason FROM dead_letters ORDER BY seq"
        )
        return [DeadLetter(str(i), float(c), float(f), str(r)) for i, c, f, r in rows]

    def free_bytes(self) -> int:
        """Free space where the outbox lives (what a new submission could still use)."""
        try:
            return shutil.disk_usage(self.path.parent).free
        except OSError:
            return 0

    def close(self) -> None:
        with self._lock:
            self._db.close()
