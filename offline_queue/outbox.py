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

One writer: this object owns the only connection (:mod:`offline_queue.outbox_file`: its lock,
its guard, its transactions). Two threads use it — the kiosk's submit worker (enqueue) and the
delivery worker (progress, removal) — but the lock is never held across network I/O, so an
enqueue waits at most for one short transaction. Errors become :class:`OutboxError`,
classified by whose fault they are; ``sqlite3`` exceptions never leave the package. The dead
letters' statements are in :mod:`offline_queue.dead_letters`.

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
import logging
import shutil
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from offline_queue import dead_letters, outbox_reads
from offline_queue.outbox_db import (
    WAL_TRUNCATE_INTERVAL_S,
    DeadLetter,
    Fault,
    OutboxError,
    OutboxStats,
    QueuedItem,
    translate,
)
from offline_queue.outbox_file import OutboxFile
from offline_queue.parcel import Parcel, Part
from offline_queue.salvage import (
    SalvageReport,
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
        #: The one connection, its lock and its guard (:mod:`offline_queue.outbox_file`).
        self._file = OutboxFile(path, clock, pending_salvage=salvage)
        #: What was copied from a damaged database into this one, and what was not.
        self.salvage: SalvageReport | None = None
        if salvage:
            # This start's set-aside file, and any whose salvage failed partway before.
            for source in pending_salvages(self.path):
                self.salvage = self._salvage_pending(source) or self.salvage

    @property
    def recovered_from(self) -> Path | None:
        """Where a damaged database was moved to (kept for recovery), if one was."""
        return self._file.recovered_from

    @property
    def generation(self) -> int:
        """How many times the database was replaced by :meth:`recover` since opening."""
        return self._file.generation

    def recover(self, seen_generation: int | None = None) -> SalvageReport | None:
        """Damage found while running: move the file aside, go on with a fresh one, salvage.

        The same as at opening, without a restart: every user of this object (the submit
        worker, the delivery worker) goes on with the fresh database after the swap, which
        happens under the lock. ``seen_generation`` is :attr:`generation` when the damage was
        met: if another thread has replaced the database since, nothing more is done (two
        threads meeting the same damage set it aside once).
        """
        moved = self._file.swap(seen_generation)
        if moved is None:
            return self.salvage
        self.salvage = self._salvage_pending(moved) or self.salvage
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
        dead = sum(dead_letters.restore(self._file, letter) for letter in found.dead_letters)
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

    def usable(self) -> bool:
        """Whether the outbox can take a submission now (its files are still its own)."""
        return self._file.usable()

    def check(self) -> None:
        """``PRAGMA quick_check`` on the open database; :class:`OutboxError` if it is damaged.

        The terminal calls it periodically: damage found while running is reported at once (a
        restart moves the file aside and salvages what can be read), not at the next boot.
        """
        self._file.check()

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
        generation = self._file.generation
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
        file = self._file
        with file.lock:
            file.guard()
            db = file.db
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
                file.rollback()
                raise translate(exc, "write") from exc
        return True

    def part_done(self, item: QueuedItem, index: int) -> None:
        """The hub confirmed part ``index``: a restart resumes after it."""
        with self._file.transaction("write", durable=False) as db:
            db.execute(
                "UPDATE items SET parts_done = max(parts_done, ?) WHERE id = ?",
                (index + 1, item.id),
            )

    def restart_parts(self, item: QueuedItem) -> None:
        """Send every part again (the hub lost attachments it had confirmed)."""
        with self._file.transaction("write") as db:
            db.execute("UPDATE items SET parts_done = 0 WHERE id = ?", (item.id,))

    def failed_attempt(self, item: QueuedItem, reason: str) -> None:
        """A try failed for reasons not the item's own (the network, the hub down)."""
        with self._file.transaction("write") as db:
            db.execute(
                "UPDATE items SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                (reason[:200], item.id),
            )

    def item_failed(self, item: QueuedItem, reason: str, *, counts: bool, not_before: float) -> int:
        """A try failed for this item's own reasons: it waits until ``not_before``.

        Returns its counted tries so far (``counts``: this one counts towards the dead letters).
        """
        now = self._clock()
        with self._file.transaction("write") as db:
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
        with self._file.transaction("write", durable=False) as db:
            db.execute("DELETE FROM items WHERE id = ?", (item.id,))
            empty = db.execute("SELECT NOT EXISTS (SELECT 1 FROM items)").fetchone()[0]
        now = self._monotonic()
        if empty or now - self._truncated_at >= self._wal_truncate_interval_s:
            self._file.truncate_wal()
            self._truncated_at = now

    def dead_letter(self, item: QueuedItem, reason: str) -> None:
        """The hub refused the item for good: keep it (sealed) with the reason, out of the way."""
        self.dead_letter_by_id(item.id, reason)

    def dead_letter_by_id(self, item_id: str, reason: str) -> bool:
        """Park the queued item ``item_id`` as a dead letter; False if it is not queued."""
        return dead_letters.park(self._file, item_id, reason, self._clock())

    def requeue_dead_letter(self, item_id: str) -> bool:
        """Put a dead letter back into the queue (a technician fixed its cause)."""
        found = dead_letters.newest(self._file, item_id)
        if found is None:
            return False
        parcel, created_at = found
        self.enqueue(parcel, created_at=created_at)
        dead_letters.drop_newest(self._file, item_id)
        return True

    # -- reading -------------------------------------------------------------------------

    def oldest(self) -> QueuedItem | None:
        """The oldest item, whether it is due or waiting with its own backoff."""
        return outbox_reads.oldest(self._file)

    def next_due(self, now: float, horizon_s: float) -> QueuedItem | None:
        """The oldest item whose own backoff is over at ``now``.

        An item set to wait beyond ``now + horizon_s`` (the longest backoff) is due at once:
        the clock was set back since, and no item may be held for years by that.
        """
        return outbox_reads.next_due(self._file, now, horizon_s)

    def next_due_at(self) -> float | None:
        """When the next waiting item is due (None: the queue is empty)."""
        return outbox_reads.next_due_at(self._file)

    def part(self, item: QueuedItem, index: int) -> Part:
        """Part ``index`` of ``item`` as stored (sealed)."""
        return outbox_reads.part(self._file, item, index)

    def stats(self) -> OutboxStats:
        return outbox_reads.stats(self._file)

    def count(self) -> int:
        return self.stats().depth

    def dead_letters(self) -> list[DeadLetter]:
        return dead_letters.listing(self._file)

    def free_bytes(self) -> int:
        """Free space where the outbox lives (what a new submission could still use)."""
        try:
            return shutil.disk_usage(self.path.parent).free
        except OSError:
            return 0

    def close(self) -> None:
        self._file.close()
