"""The outbox's one connection: its lock, its guard against a swapped file, its transactions.

Split from :mod:`offline_queue.outbox` (the queue: what is stored and in which order). This
object owns the only connection to the outbox's database and serialises every statement with
one lock, never held across network I/O. Before every statement it checks that the file (and
its WAL) under the connection are still the ones it opened: SQLite keeps writing to an
unlinked file (the data would vanish at the next start), and a new connection would create an
empty database; neither may happen silently. A damaged database is moved aside (kept, never
deleted) and replaced by a fresh one, at opening and while running (:meth:`OutboxFile.swap`).
``sqlite3`` exceptions never leave this module and :mod:`offline_queue.outbox`.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from offline_queue.outbox_db import (
    DamagedError,
    Fault,
    OutboxError,
    identity_of,
    move_aside,
    open_database,
    translate,
)

log = logging.getLogger(__name__)


class OutboxFile:
    """The outbox's database file behind one lock: open, guarded, swapped when damaged."""

    def __init__(self, path: Path, clock: Callable[[], float], *, pending_salvage: bool) -> None:
        self.path = path
        self._clock = clock
        #: Every statement holds it; a caller that needs several (enqueue) takes it itself.
        self.lock = threading.Lock()
        #: Where a damaged database was moved to (kept for recovery), the latest one.
        self.recovered_from: Path | None = None
        #: How many times the database was replaced while running.
        self.generation = 0
        #: The file this connection writes to (device, inode): a file deleted or replaced
        #: under the running outbox is noticed before the next statement.
        self._identity: tuple[int, int] | None = None
        #: The same for its WAL, where every commit lands first (known once it exists).
        self._wal = path.with_name(path.name + "-wal")
        self._wal_identity: tuple[int, int] | None = None
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise OutboxError(
                Fault.ENVIRONMENT, f"outbox folder cannot be made: {exc.strerror}"
            ) from exc
        try:
            self.db, self._identity = open_database(self.path)
        except DamagedError:
            self.recovered_from = move_aside(self.path, self._clock, pending=pending_salvage)
            log.error("outbox database was damaged; moved aside to %s", self.recovered_from.name)
            self._reopen()

    def _reopen(self) -> None:
        try:
            self.db, self._identity = open_database(self.path)
        except DamagedError as exc:
            raise OutboxError(Fault.ENVIRONMENT, "fresh outbox is damaged too") from exc

    def swap(self, seen_generation: int | None) -> Path | None:
        """Damage found while running: move the file aside and open a fresh one.

        Under the lock, so every user goes on with the fresh database after the swap. Returns
        where the damaged file went, or None if another thread swapped it since
        ``seen_generation`` (two threads meeting the same damage set it aside once).
        """
        with self.lock:
            if seen_generation is not None and seen_generation != self.generation:
                return None
            self.generation += 1
            with contextlib.suppress(sqlite3.Error):
                self.db.close()
            self.recovered_from = move_aside(self.path, self._clock)
            log.error("outbox database was damaged; moved aside to %s", self.recovered_from.name)
            self._wal_identity = None
            self._reopen()
            return self.recovered_from

    def guard(self) -> None:
        """Refuse to go on when the file under this connection was deleted or replaced.

        Called under the lock, before every statement: one ``stat``, a few microseconds.
        """
        identity = identity_of(self.path)
        if identity is None or identity != self._identity:
            raise OutboxError(Fault.ENVIRONMENT, "outbox file was removed or replaced while in use")
        # SQLite keeps its WAL from the first access until the last connection closes (ours):
        # a WAL that vanished or changed took committed submissions with it.
        wal = identity_of(self._wal)
        if self._wal_identity is None:
            self._wal_identity = wal
        elif wal != self._wal_identity:
            raise OutboxError(
                Fault.ENVIRONMENT, "outbox journal (-wal) was removed or replaced while in use"
            )

    def usable(self) -> bool:
        """Whether the files are still this connection's own."""
        with self.lock:
            try:
                self.guard()
            except OutboxError:
                return False
        return True

    @contextlib.contextmanager
    def transaction(self, action: str, durable: bool = True) -> Iterator[sqlite3.Connection]:
        """One write transaction under the lock.

        ``durable=False`` commits without waiting for the disk (``synchronous=NORMAL`` for this
        commit only; WAL keeps it atomic). Only for progress the hub has already confirmed:
        if a power cut takes such a commit back, the part or item is simply sent again and
        the hub answers "already have it". A new submission is always committed durably.
        """
        with self.lock:
            self.guard()
            try:
                if not durable:
                    self.db.execute("PRAGMA synchronous=NORMAL")
                self.db.execute("BEGIN IMMEDIATE")
                yield self.db
                self.db.execute("COMMIT")
            except sqlite3.Error as exc:
                self.rollback()
                raise translate(exc, action) from exc
            except BaseException:
                self.rollback()
                raise
            finally:
                if not durable:
                    with contextlib.suppress(sqlite3.Error):
                        self.db.execute("PRAGMA synchronous=FULL")

    def rollback(self) -> None:
        try:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # closed or broken connection: the original error says more

    def read(self, action: str, sql: str, args: tuple[object, ...] = ()) -> list[Any]:
        with self.lock:
            self.guard()
            try:
                return list(self.db.execute(sql, args).fetchall())
            except sqlite3.Error as exc:
                raise translate(exc, action) from exc

    def truncate_wal(self) -> None:
        """Move the WAL into the main file and empty it: removed rows leave no copy there.

        secure_delete overwrites a removed row in the main file, but the WAL still holds the
        page as it was written at enqueue until a checkpoint; TRUNCATE also zero-sizes it.
        """
        with self.lock:
            try:
                busy, _, _ = self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            except sqlite3.Error as exc:
                raise translate(exc, "checkpoint") from exc
        if busy:
            # Another connection (a technician's tool) is reading; the next removal tries again.
            log.info("outbox checkpoint postponed: the file is in use")

    def check(self) -> None:
        """``PRAGMA quick_check``; :class:`OutboxError` (damaged) if the database is damaged."""
        rows = self.read("check", "PRAGMA quick_check")
        if [tuple(r) for r in rows] != [("ok",)]:
            raise OutboxError(
                Fault.ENVIRONMENT, "outbox database is damaged (quick_check)", damaged=True
            )

    def close(self) -> None:
        with self.lock:
            self.db.close()
