"""The durable outbox: submissions stored in SQLite before the citizen is told "sent".

Durability: WAL journal with ``synchronous=FULL`` — a committed ``put`` survives a SIGKILL of
the process and a power cut (SQLite fsyncs the WAL on every commit in this mode).
Idempotency: an item is addressed by its client-generated id; putting the same id again with
the same payload is a no-op, with a different payload an error, so a retried *send* after a
crash can never create a second submission.
Privacy: ``secure_delete`` overwrites removed rows, so a delivered submission leaves nothing
readable in the file.

The outbox has exactly one writer: this object, used from one thread at a time (the kiosk's
submit worker). Errors are translated into :class:`OutboxError`, classified by whose fault
they are; ``sqlite3`` exceptions never leave this module.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    id          TEXT PRIMARY KEY,
    created_at  REAL NOT NULL,
    digest      TEXT NOT NULL,
    payload     BLOB NOT NULL,
    state       TEXT NOT NULL DEFAULT 'pending',
    attempts    INTEGER NOT NULL DEFAULT 0
) STRICT;
"""


class Fault(StrEnum):
    """Whose fault a storage error is: decides between "call a technician" and "bug report"."""

    ENVIRONMENT = "environment"  # disk full, read-only, I/O error, locked by another process
    BUG = "bug"  # our misuse of SQLite
    CONFLICT = "conflict"  # same id, different payload


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


def _translate(exc: sqlite3.Error, action: str) -> OutboxError:
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    fault = (
        Fault.ENVIRONMENT
        if primary in _ENVIRONMENT_CODES or isinstance(exc, sqlite3.OperationalError)
        else Fault.BUG
    )
    name = getattr(exc, "sqlite_errorname", type(exc).__name__)
    return OutboxError(fault, f"outbox {action} failed: {name}")


@dataclass(frozen=True)
class OutboxItem:
    id: str
    created_at: float
    payload: bytes
    state: str
    attempts: int


class Outbox:
    """A durable, idempotent queue of opaque payloads (bytes) keyed by a client id."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA secure_delete=ON")
            self._db.execute("PRAGMA busy_timeout=5000")
            # Appends and lookups by key need few pages; SQLite's default cache (2 MB) would
            # make the terminal's memory grow with every stored submission.
            self._db.execute("PRAGMA cache_size=-256")
            self._db.executescript(_SCHEMA)
        except OSError as exc:
            raise OutboxError(
                Fault.ENVIRONMENT, f"outbox folder cannot be made: {exc.strerror}"
            ) from exc
        except sqlite3.Error as exc:
            raise _translate(exc, "open") from exc

    def put(self, item_id: str, payload: bytes) -> bool:
        """Store ``payload`` durably under ``item_id``.

        Returns True if stored now, False if the same payload was already there. Raises
        :class:`OutboxError` with ``Fault.CONFLICT`` if the id holds a different payload.
        """
        digest = hashlib.sha256(payload).hexdigest()
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                row = self._db.execute(
                    "SELECT digest FROM outbox WHERE id = ?", (item_id,)
                ).fetchone()
                if row is not None:
                    self._db.execute("ROLLBACK")
                    if row[0] != digest:
                        raise OutboxError(Fault.CONFLICT, "outbox id already holds other data")
                    return False
                self._db.execute(
                    "INSERT INTO outbox (id, created_at, digest, payload) VALUES (?, ?, ?, ?)",
                    (item_id, time.time(), digest, payload),
                )
                self._db.execute("COMMIT")
                return True
            except sqlite3.Error as exc:
                try:
                    if self._db.in_transaction:
                        self._db.execute("ROLLBACK")
                except sqlite3.Error:
                    pass  # closed or broken connection: the original error says more
                raise _translate(exc, "write") from exc

    def pending(self, limit: int = 100) -> list[OutboxItem]:
        """The oldest undelivered items first."""
        with self._lock:
            try:
                rows = self._db.execute(
                    "SELECT id, created_at, payload, state, attempts FROM outbox "
                    "WHERE state = 'pending' ORDER BY created_at LIMIT ?",
                    (limit,),
                ).fetchall()
            except sqlite3.Error as exc:
                raise _translate(exc, "read") from exc
        return [OutboxItem(*row) for row in rows]

    def count(self) -> int:
        with self._lock:
            try:
                return int(
                    self._db.execute(
                        "SELECT count(*) FROM outbox WHERE state = 'pending'"
                    ).fetchone()[0]
                )
            except sqlite3.Error as exc:
                raise _translate(exc, "read") from exc

    def close(self) -> None:
        with self._lock:
            self._db.close()
