"""The durable outbox: sealed submissions kept in SQLite until the hub has confirmed them.

Durability: WAL journal with ``synchronous=FULL`` — :meth:`Outbox.enqueue` returns only after
SQLite has fsynced the commit, so a stored parcel survives a SIGKILL and a power cut.
Idempotency: an item is addressed by its submission id; enqueueing the same id again with the
same content digest is a no-op, with another digest an error, so a retried *send* after a
crash never creates a second submission.
Privacy: the parts are sealed for the hub (the terminal cannot open them); ``secure_delete``
overwrites delivered rows, so nothing of them stays readable in the file.
Order: items leave oldest first (by their insertion sequence, not the wall clock).
Every write about an item addresses it by its submission id, never by its sequence number:
:meth:`Outbox.recover` renumbers the items while the delivery worker may hold one.

One writer: this object owns the only connection and serialises every statement with a lock.
Two threads use it — the kiosk's submit worker (enqueue) and the delivery worker (progress,
removal) — but the lock is never held across network I/O, so an enqueue waits at most for one
short transaction. Errors become :class:`OutboxError`, classified by whose fault they are;
``sqlite3`` exceptions never leave this module.

Delivered data leaves no trace: after a removal the WAL is checkpointed and truncated
(``wal_checkpoint(TRUNCATE)``), so the sealed parts are neither in the main file (secure
delete) nor in ``outbox.sqlite-wal``. While a long queue drains this happens at most every
``wal_truncate_interval_s`` (a checkpoint costs an fsync, 20 times a removal) and always when
the queue is empty.

A database that is not a database any more (corrupt, truncated, overwritten) is detected when
opening (``PRAGMA quick_check``; :meth:`Outbox.check` repeats it while running, and
:meth:`Outbox.recover` then does the same without a restart), moved aside
next to it (kept, never deleted) and replaced by a fresh one, into which every item that can
still be read is copied (:mod:`offline_queue.salvage`; the submission id keeps it exactly
once). :attr:`Outbox.recovered_from` says where the old one went, :attr:`Outbox.salvage` what
was copied and what could not be read. A file deleted or replaced under a running outbox is
noticed at the next statement (:class:`OutboxError`), never silently written to or replaced
by an empty database.

Per-item retry state lives in the item's row (``tries``, ``not_before``), so a restart keeps
each item's own backoff and the count towards the dead letters.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from offline_queue.outbox_db import (
    WAL_TRUNCATE_INTERVAL_S,
    DamagedError,
    DeadLetter,
    Fault,
    OutboxError,
    OutboxStats,
    QueuedItem,
    identity_of,
    move_aside,
    open_database,
    translate,
)
from offline_queue.parcel import DATA_PART, Parcel, Part
from offline_queue.salvage import (
    SalvageReport,
    SetAsideDeadLetter,
    parcel_from_dead_letter,
    pending_marker,
    pending_salvages,
    read_set_aside,
)

# Re-exported: the outbox's users import these from here.
__all__ = [
    "WAL_TRUNCATE_INTERVAL_S",
    "DeadLetter",
    "Fault",
    "Outbox",
    "OutboxError",
    "OutboxStats",
    "QueuedItem",
]

log = logging.getLogger(__name__)


class Outbox:
    """A durable, idempotent, oldest-first queue of sealed parcels."""

    def __init__(
        self,
        path: Path,
        clock: Callable[[], float] = time.time,
        *,
        salvage: bool = True,
        wal_truncate_interval_s: float = WAL_TRUNCATE_INTERVAL_S,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = path
        self._clock = clock
        self._monotonic = monotonic
        self._wal_truncate_interval_s = wal_truncate_interval_s
        self._truncated_at = monotonic()
        self._lock = threading.Lock()
        #: Where a damaged database found at opening was moved to (kept for recovery).
        self.recovered_from: Path | None = None
        #: What was copied from that damaged database into this one, and what was not.
        self.salvage: SalvageReport | None = None
        self._generation = 0
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
            self._db, self._identity = open_database(self.path)
        except DamagedError:
            self.recovered_from = move_aside(self.path, self._clock, pending=salvage)
            log.error("outbox database was damaged; moved aside to %s", self.recovered_from.name)
            try:
                self._db, self._identity = open_database(self.path)
            except DamagedError as exc:
                raise OutboxError(Fault.ENVIRONMENT, "fresh outbox is damaged too") from exc
        if salvage:
            # This start's set-aside file, and any whose salvage failed partway before.
            for source in pending_salvages(self.path):
                self.salvage = self._salvage_pending(source) or self.salvage

    @property
    def generation(self) -> int:
        """How many times the database was replaced by :meth:`recover` since opening."""
        return self._generation

    def recover(self, seen_generation: int | None = None) -> SalvageReport | None:
        """Damage found while running: move the file aside, go on with a fresh one, salvage.

        The same as at opening, without a restart: every user of this object (the submit
        worker, the delivery worker) goes on with the fresh database after the swap, which
        happens under the lock. ``seen_generation`` is :attr:`generation` when the damage was
        met: if another thread has replaced the database since, nothing more is done (two
        threads meeting the same damage set it aside once).
        """
        with self._lock:
            if seen_generation is not None and seen_generation != self._generation:
                return self.salvage
            self._generation += 1
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self.recovered_from = move_aside(self.path, self._clock)
            log.error("outbox database was damaged; moved aside to %s", self.recovered_from.name)
            self._wal_identity = None
            try:
                self._db, self._identity = open_database(self.path)
            except DamagedError as exc:
                raise OutboxError(Fault.ENVIRONMENT, "fresh outbox is damaged too") from exc
        self.salvage = self._salvage_pending(self.recovered_from) or self.salvage
        return self.salvage

    def _salvage_pending(self, source: Path) -> SalvageReport | None:
        """Salvage ``source``; if that fails (the disk full), its marker stays for the next start.

        The fresh outbox works meanwhile: a citizen's submission is not refused for it.
        """
        try:
            return self.salvage_from(source)
        except OutboxError as exc:
            log.error(
                "outbox salvage from %s failed (%s); tried again at the next start",
                source.name,
                exc,
            )
            return None

    def salvage_from(self, source: Path) -> SalvageReport:
        """Copy every readable item of a set-aside (damaged) outbox into this one.

        Items already here (or delivered and sent again: the hub answers "already have it")
        stay exactly once by their id. Dead letters are copied as dead letters. The source file
        is only read (from a private copy), never changed.
        """
        found = read_set_aside(source)
        if found.copy_failed:
            raise OutboxError(
                Fault.ENVIRONMENT, f"set-aside outbox cannot be copied: {found.copy_failed}"
            )
        recovered = already = 0
        for entry in found.items:
            try:
                stored = self._enqueue(entry.parcel, entry.created_at)
            except OutboxError as exc:
                if exc.fault is not Fault.CONFLICT:
                    raise
                stored = False  # another submission under this id here: keep this one
            recovered += stored
            already += not stored
        dead = sum(self._restore_dead_letter(letter) for letter in found.dead_letters)
        report = SalvageReport(
            source,
            recovered,
            already,
            found.unreadable,
            dead,
            found.unreadable_ids,
            complete=found.complete and not found.hopeless,
        )
        # Done: every readable item is in this outbox (durably). No automatic salvage again.
        with contextlib.suppress(OSError):  # left behind: salvaged again, harmlessly, once
            pending_marker(source).unlink(missing_ok=True)
        log.warning(
            "outbox salvage from %s: %d items copied, %d already here, %d dead letters, "
            "%d unreadable",
            source.name,
            recovered,
            already,
            dead,
            found.unreadable,
        )
        return report

    def _restore_dead_letter(self, letter: SetAsideDeadLetter) -> bool:
        with self._transaction("write") as db:
            if db.execute("SELECT 1 FROM dead_letters WHERE id = ?", (letter.id,)).fetchone():
                return False
            db.execute(
                "INSERT INTO dead_letters (id, created_at, failed_at, reason, parts, digest) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    letter.id,
                    letter.created_at,
                    letter.failed_at,
                    letter.reason,
                    letter.parts,
                    letter.digest,
                ),
            )
        return True

    def _guard(self) -> None:
        """Refuse to go on when the file under this connection was deleted or replaced.

        SQLite keeps writing to an unlinked file (the data would vanish at the next start)
        and a new connection would create an empty database; neither may happen silently.
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
        """Whether the outbox can take a submission now (its files are still its own)."""
        with self._lock:
            try:
                self._guard()
            except OutboxError:
                return False
        return True

    @contextlib.contextmanager
    def _transaction(self, action: str, durable: bool = True) -> Iterator[sqlite3.Connection]:
        """One write transaction under the lock.

        ``durable=False`` commits without waiting for the disk (``synchronous=NORMAL`` for this
        commit only; WAL keeps it atomic). Only for progress the hub has already confirmed:
        if a power cut takes such a commit back, the part or item is simply sent again and
        the hub answers "already have it". A new submission is always committed durably.
        """
        with self._lock:
            self._guard()
            try:
                if not durable:
                    self._db.execute("PRAGMA synchronous=NORMAL")
                self._db.execute("BEGIN IMMEDIATE")
                yield self._db
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise translate(exc, action) from exc
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
            self._guard()
            try:
                return list(self._db.execute(sql, args).fetchall())
            except sqlite3.Error as exc:
                raise translate(exc, action) from exc

    def _truncate_wal(self) -> None:
        """Move the WAL into the main file and empty it: removed rows leave no copy there.

        secure_delete overwrites a removed row in the main file, but the WAL still holds the
        page as it was written at enqueue until a checkpoint; TRUNCATE also zero-sizes it.
        """
        with self._lock:
            try:
                busy, _, _ = self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            except sqlite3.Error as exc:
                raise translate(exc, "checkpoint") from exc
        if busy:
            # Another connection (a technician's tool) is reading; the next removal tries again.
            log.info("outbox checkpoint postponed: the file is in use")

    def check(self) -> None:
        """``PRAGMA quick_check`` on the open database; :class:`OutboxError` if it is damaged.

        The terminal calls it periodically: damage found while running is reported at once (a
        restart moves the file aside and salvages what can be read), not at the next boot.
        """
        rows = self._read("check", "PRAGMA quick_check")
        if [tuple(r) for r in rows] != [("ok",)]:
            raise OutboxError(
                Fault.ENVIRONMENT, "outbox database is damaged (quick_check)", damaged=True
            )

    # -- writing -------------------------------------------------------------------------

    def enqueue(self, parcel: Parcel, *, created_at: float | None = None) -> bool:
        """Store ``parcel`` durably; returns once the commit is on disk.

        Returns True if stored now, False if the same submission is already queued. (A
        delivered one is gone from here; enqueued again, the hub answers "already have it".)
        Raises :class:`OutboxError` with ``Fault.CONFLICT`` if the id holds another submission.
        ``created_at`` keeps an item's age when it is copied from a set-aside outbox.

        A damaged database met here is set aside and salvaged (:meth:`recover`), and the
        citizen's submission goes into the fresh one: it is not refused for old damage.
        """
        generation = self._generation
        try:
            return self._enqueue(parcel, created_at)
        except OutboxError as exc:
            if not exc.damaged:
                raise
        self.recover(generation)
        return self._enqueue(parcel, created_at)

    def _enqueue(self, parcel: Parcel, created_at: float | None) -> bool:
        # The common case (a new id) in as few statements as possible: the insert itself
        # detects a repeat; only then is the stored digest looked at.
        with self._lock:
            self._guard()
            db = self._db
            try:
                db.execute("BEGIN IMMEDIATE")
                cursor = db.execute(
                    "INSERT INTO items (id, created_at, digest, parts_total, data, data_sha256) "
                    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                    (
                        parcel.submission_id,
                        self._clock() if created_at is None else created_at,
                        parcel.digest,
                        len(parcel.parts),
                        parcel.parts[-1].body,
                        hashlib.sha256(parcel.parts[-1].body).hexdigest(),
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
                        "INSERT INTO parts (item_seq, idx, name, body, sha256) "
                        "VALUES (?, ?, ?, ?, ?)",
                        (seq, i, part.name, part.body, hashlib.sha256(part.body).hexdigest()),
                    )
                db.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise translate(exc, "write") from exc
        return True

    def part_done(self, item: QueuedItem, index: int) -> None:
        """The hub confirmed part ``index``: a restart resumes after it."""
        with self._transaction("write", durable=False) as db:
            db.execute(
                "UPDATE items SET parts_done = max(parts_done, ?) WHERE id = ?",
                (index + 1, item.id),
            )

    def restart_parts(self, item: QueuedItem) -> None:
        """Send every part again (the hub lost attachments it had confirmed)."""
        with self._transaction("write") as db:
            db.execute("UPDATE items SET parts_done = 0 WHERE id = ?", (item.id,))

    def failed_attempt(self, item: QueuedItem, reason: str) -> None:
        """A try failed for reasons not the item's own (the network, the hub down)."""
        with self._transaction("write") as db:
            db.execute(
                "UPDATE items SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                (reason[:200], item.id),
            )

    def item_failed(self, item: QueuedItem, reason: str, *, counts: bool, not_before: float) -> int:
        """A try failed for this item's own reasons: it waits until ``not_before``.

        Returns its counted tries so far (``counts``: this one counts towards the dead letters).
        """
        now = self._clock()
        with self._transaction("write") as db:
            db.execute(
                "UPDATE items SET attempts = attempts + 1, last_error = ?, not_before = ?, "
                "tries = tries + ?, first_failed_at = CASE WHEN ? THEN "
                "coalesce(first_failed_at, ?) ELSE first_failed_at END WHERE id = ?",
                (reason[:200], not_before, int(counts), int(counts), now, item.id),
            )
            row = db.execute("SELECT tries FROM items WHERE id = ?", (item.id,)).fetchone()
        return int(row[0]) if row else 0

    def delivered(self, item: QueuedItem) -> None:
        """The hub confirmed the whole submission: remove it, leaving no trace of it.

        secure_delete overwrites the row in the main file; the checkpoint empties the WAL.
        """
        with self._transaction("write", durable=False) as db:
            db.execute("DELETE FROM items WHERE id = ?", (item.id,))
            empty = db.execute("SELECT NOT EXISTS (SELECT 1 FROM items)").fetchone()[0]
        now = self._monotonic()
        if empty or now - self._truncated_at >= self._wal_truncate_interval_s:
            self._truncate_wal()
            self._truncated_at = now

    def dead_letter(self, item: QueuedItem, reason: str) -> None:
        """The hub refused the item for good: keep it (sealed) with the reason, out of the way."""
        self.dead_letter_by_id(item.id, reason)

    def dead_letter_by_id(self, item_id: str, reason: str) -> bool:
        """Park the queued item ``item_id`` as a dead letter; False if it is not queued."""
        with self._transaction("write") as db:
            row = db.execute(
                "SELECT seq, created_at, digest FROM items WHERE id = ?", (item_id,)
            ).fetchone()
            if row is None:
                return False
            seq, created_at, digest = row
            parts = db.execute(
                "SELECT name, body FROM parts WHERE item_seq = ? ORDER BY idx", (seq,)
            ).fetchall()
            parts += db.execute(
                "SELECT ?, data FROM items WHERE seq = ?", (DATA_PART, seq)
            ).fetchall()
            blob = json.dumps(
                [[name, bytes(body).decode("ascii", "replace")] for name, body in parts]
            ).encode("ascii")
            db.execute(
                "INSERT INTO dead_letters (id, created_at, failed_at, reason, parts, digest) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (item_id, created_at, self._clock(), reason[:500], blob, digest),
            )
            db.execute("DELETE FROM items WHERE seq = ?", (seq,))
        return True

    def requeue_dead_letter(self, item_id: str) -> bool:
        """Put a dead letter back into the queue (a technician fixed its cause)."""
        with self._transaction("write") as db:
            row = db.execute(
                "SELECT created_at, parts, digest FROM dead_letters WHERE id = ? "
                "ORDER BY seq DESC LIMIT 1",
                (item_id,),
            ).fetchone()
            if row is None:
                return False
            created_at, blob, digest = row
        parcel = parcel_from_dead_letter(item_id, bytes(blob), digest)
        self.enqueue(parcel, created_at=float(created_at))
        with self._transaction("write") as db:
            # By id (the newest of that id), not by seq: a recover() in between renumbers rows.
            db.execute(
                "DELETE FROM dead_letters WHERE seq = "
                "(SELECT max(seq) FROM dead_letters WHERE id = ?)",
                (item_id,),
            )
        return True

    # -- reading -------------------------------------------------------------------------

    _ITEM_COLUMNS = (
        "seq, id, created_at, parts_total, parts_done, attempts, tries, not_before, first_failed_at"
    )

    def oldest(self) -> QueuedItem | None:
        """The oldest item, whether it is due or waiting with its own backoff."""
        return self._item(f"SELECT {self._ITEM_COLUMNS} FROM items ORDER BY seq LIMIT 1", ())

    def next_due(self, now: float, horizon_s: float) -> QueuedItem | None:
        """The oldest item whose own backoff is over at ``now``.

        An item set to wait beyond ``now + horizon_s`` (the longest backoff) is due at once:
        the clock was set back since, and no item may be held for years by that.
        """
        return self._item(
            f"SELECT {self._ITEM_COLUMNS} FROM items WHERE not_before <= ? OR not_before > ? "
            "ORDER BY seq LIMIT 1",
            (now, now + horizon_s),
        )

    def next_due_at(self) -> float | None:
        """When the next waiting item is due (None: the queue is empty)."""
        rows = self._read("read", "SELECT min(not_before) FROM items")
        return None if rows[0][0] is None else float(rows[0][0])

    def _item(self, sql: str, args: tuple[object, ...]) -> QueuedItem | None:
        rows = self._read("read", sql, args)
        if not rows:
            return None
        seq, item_id, created_at, total, done, attempts, tries, not_before, first = rows[0]
        names = (
            self._read(
                "read",
                "SELECT name FROM parts WHERE item_seq = (SELECT seq FROM items WHERE id = ?) "
                "ORDER BY idx",
                (item_id,),
            )
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
            int(tries),
            float(not_before),
            None if first is None else float(first),
        )

    def part(self, item: QueuedItem, index: int) -> Part:
        if index == item.parts_total - 1:
            rows = self._read("read", "SELECT data FROM items WHERE id = ?", (item.id,))
            if not rows:
                raise OutboxError(Fault.BUG, "outbox item is missing")
            return Part(DATA_PART, bytes(rows[0][0]))
        rows = self._read(
            "read",
            "SELECT name, body FROM parts WHERE idx = ? AND item_seq = "
            "(SELECT seq FROM items WHERE id = ?)",
            (index, item.id),
        )
        if not rows:
            raise OutboxError(Fault.BUG, "outbox part is missing")
        name, body = rows[0]
        return Part(str(name), bytes(body))

    def stats(self) -> OutboxStats:
        rows = self._read(
            "read",
            "SELECT (SELECT count(*) FROM items), (SELECT min(created_at) FROM items), "
            "(SELECT count(*) FROM dead_letters), "
            "(SELECT reason FROM dead_letters ORDER BY seq DESC LIMIT 1), "
            "(SELECT count(*) FROM items WHERE not_before > 0), "
            "(SELECT last_error FROM items WHERE not_before > 0 ORDER BY seq LIMIT 1)",
        )
        depth, oldest, dead, last_reason, held, held_reason = rows[0]
        return OutboxStats(
            int(depth),
            None if oldest is None else float(oldest),
            int(dead),
            str(last_reason or ""),
            int(held),
            str(held_reason or ""),
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
