"""Reading what is still readable in a damaged (set-aside) outbox.

When the outbox finds its database damaged it moves the file aside (``outbox.sqlite.damaged-…``)
and starts a fresh one; :meth:`offline_queue.outbox.Outbox.salvage_from` then copies every item
read here into the fresh outbox. The technician's command (``python -m offline_queue``) uses the
same reader to list set-aside files and send their items again.

Reading is defensive, item by item: a damaged page costs the items on it, not the others. The
table is first walked in order; where the walk breaks, every row id up to the largest one is
looked up directly (a lookup by row id only reads the pages on its own path), and an item whose
parts cannot all be read is counted as unreadable, never sent in part. The set-aside file is
never changed: it is read from a private copy (opening it would replay and remove its WAL),
made in a folder beside it (the same disk; ``/tmp`` is RAM on many systems and too small).

A set-aside file whose items are not yet all copied carries a marker beside it
(``….salvage-pending``, made before the file is moved aside): a salvage that failed partway
(the disk full, the process killed) is tried again at the next start.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from offline_queue.parcel import DATA_PART, Parcel, Part

#: What a set-aside file's name carries after the outbox's own name.
SET_ASIDE_MARK = ".damaged-"
#: Beside a set-aside file until its items are all in the live outbox.
PENDING_MARK = ".salvage-pending"
#: Row ids probed one by one past a break in the table (the ids of a queue stay small: no
#: AUTOINCREMENT, so an emptied queue starts again at 1).
MAX_PROBED_IDS = 1_000_000


@dataclass(frozen=True)
class SetAsideItem:
    parcel: Parcel
    created_at: float


@dataclass(frozen=True)
class SetAsideDeadLetter:
    id: str
    created_at: float
    failed_at: float
    reason: str
    parts: bytes
    digest: str | None


@dataclass(frozen=True)
class SetAside:
    """What could be read from one set-aside file."""

    path: Path
    items: list[SetAsideItem] = field(default_factory=list)
    dead_letters: list[SetAsideDeadLetter] = field(default_factory=list)
    #: Items (or dead letters) that could not be read whole; their ids where readable.
    unreadable: int = 0
    unreadable_ids: tuple[str, ...] = ()
    #: The file could not be opened as a database at all.
    hopeless: bool = False
    #: Every table could be walked to its end: ``unreadable`` is an exact count. When False
    #: the ids were probed one by one and items on damaged pages may be missing uncounted.
    complete: bool = True
    #: Why the file could not even be copied for reading ("" if it could): the disk, not the
    #: file, so trying again later may read it.
    copy_failed: str = ""


@dataclass(frozen=True)
class SalvageReport:
    """What a salvage copied into the live outbox, and what it could not read."""

    source: Path
    recovered: int
    already_present: int
    unreadable: int
    dead_letters: int
    unreadable_ids: tuple[str, ...] = ()
    #: False: the damaged tables could not be walked whole; more may be lost than counted.
    complete: bool = True

    def summary(self) -> str:
        more = "" if self.complete else " (at least: the file's tables are broken)"
        return (
            f"{self.source.name}: {self.recovered} copied, {self.already_present} already "
            f"here, {self.dead_letters} dead letters, {self.unreadable} unreadable{more}"
        )


def set_aside_files(outbox_path: Path) -> list[Path]:
    """The set-aside (damaged) files next to the outbox at ``outbox_path``, oldest first."""
    pattern = f"{outbox_path.name}{SET_ASIDE_MARK}*"
    return sorted(
        p
        for p in outbox_path.parent.glob(pattern)
        if not p.name.endswith(("-wal", "-shm", PENDING_MARK)) and p.is_file()
    )


def pending_marker(set_aside: Path) -> Path:
    """The marker beside ``set_aside`` while its salvage is not done."""
    return set_aside.with_name(set_aside.name + PENDING_MARK)


def pending_salvages(outbox_path: Path) -> list[Path]:
    """The set-aside files next to ``outbox_path`` whose salvage is not done, oldest first."""
    return [p for p in set_aside_files(outbox_path) if pending_marker(p).exists()]


def parcel_from_dead_letter(item_id: str, blob: bytes, digest: str | None) -> Parcel:
    """The parcel a dead letter keeps (its parts as JSON ``[[name, sealed text], ...]``)."""
    parts = tuple(Part(str(name), str(body).encode("ascii")) for name, body in json.loads(blob))
    # A dead letter from before digests were kept: the sealed data part stands in for it (the
    # id's idempotency at the hub still holds; only a local re-queue under this id could clash).
    return Parcel(item_id, digest or "sealed:" + hashlib.sha256(parts[-1].body).hexdigest(), parts)


def read_set_aside(path: Path) -> SetAside:
    """Everything still readable in ``path`` (and its ``-wal``), without changing them."""
    try:
        folder_made = tempfile.TemporaryDirectory(prefix=".outbox-salvage-", dir=path.parent)
    except OSError as exc:
        return SetAside(path, hopeless=True, complete=False, copy_failed=str(exc.strerror))
    with folder_made as folder:
        copy = Path(folder) / "outbox.sqlite"
        try:
            shutil.copyfile(path, copy)
            wal = path.with_name(path.name + "-wal")
            if wal.exists():
                shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        except OSError as exc:
            return SetAside(path, hopeless=True, complete=False, copy_failed=str(exc.strerror))
        try:
            db = sqlite3.connect(copy, isolation_level=None)
        except sqlite3.Error:
            return SetAside(path, hopeless=True, complete=False)
        try:
            return _read(db, path)
        finally:
            db.close()


def _read(db: sqlite3.Connection, path: Path) -> SetAside:
    seqs, complete = _row_ids(db, "items", "seq")
    if seqs is None:
        return SetAside(path, hopeless=True, complete=False)
    items: list[SetAsideItem] = []
    bad_ids: list[str] = []
    unreadable = 0
    for seq in seqs:
        try:
            item = _item(db, seq)
        except (sqlite3.Error, ValueError, TypeError):
            # Past a break, an id that fails may be a gap behind a damaged page: counted only
            # when its row can be named (the report then says "at least").
            named = _id_of(db, "items", "seq", seq)
            if complete or named:
                unreadable += 1
                bad_ids.extend(named)
            continue
        if item is not None:
            items.append(item)
        # None: a probed id past a break that does not exist (queue ids have gaps).
    if not complete:
        # The id index is a tree of its own: where it is intact it names every item, so the
        # items lost on damaged table pages can be counted and named after all.
        indexed = _indexed_ids(db)
        if indexed is not None:
            read = {item.parcel.submission_id for item in items}
            lost = sorted(indexed - read - set(bad_ids))
            unreadable += len(lost)
            bad_ids.extend(lost)
            complete = True
    dead: list[SetAsideDeadLetter] = []
    dead_seqs, dead_complete = _row_ids(db, "dead_letters", "seq")
    for seq in dead_seqs or []:
        try:
            letter = _dead_letter(db, seq)
        except (sqlite3.Error, ValueError, TypeError):
            named = _id_of(db, "dead_letters", "seq", seq)
            if dead_complete or named:
                unreadable += 1
                bad_ids.extend(named)
            continue
        if letter is not None:
            dead.append(letter)
    return SetAside(
        path, items, dead, unreadable, tuple(bad_ids), complete=complete and dead_complete
    )


def _row_ids(db: sqlite3.Connection, table: str, key: str) -> tuple[list[int] | None, bool]:
    """The table's row ids; ``complete`` False when the walk broke and ids were guessed."""
    found: list[int] = []
    try:
        for (seq,) in db.execute(f"SELECT {key} FROM {table} ORDER BY {key}"):
            found.append(int(seq))
        return found, True
    except sqlite3.Error:
        pass
    try:
        top = db.execute(f"SELECT max({key}) FROM {table}").fetchone()[0]
    except sqlite3.Error:
        top = None
    if top is None:
        # Neither a whole walk nor the largest id: try the ids a queue is likely to have.
        top = (found[-1] if found else 0) + 10_000
    start = found[-1] + 1 if found else 1
    return found + list(range(start, min(int(top), start + MAX_PROBED_IDS) + 1)), False


def _column(db: sqlite3.Connection, table: str, name: str) -> str:
    """``name`` if ``table`` has that column (an outbox of an older version may not), else NULL."""
    columns = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
    return name if name in columns else "NULL"


def _whole(body: bytes, sha256: str | None) -> bytes:
    # A damaged page inside a long part reads without an error, as other bytes: only its
    # checksum tells. Sending it would only earn the hub's "cannot be opened".
    if sha256 is not None and hashlib.sha256(body).hexdigest() != sha256:
        raise ValueError("part damaged")
    return body


def _item(db: sqlite3.Connection, seq: int) -> SetAsideItem | None:
    row = db.execute(
        "SELECT id, created_at, digest, parts_total, data, "
        f"{_column(db, 'items', 'data_sha256')} FROM items WHERE seq = ?",
        (seq,),
    ).fetchone()
    if row is None:
        return None
    item_id, created_at, digest, total, data, data_sha256 = row
    sha = _column(db, "parts", "sha256")
    try:
        rows = db.execute(
            f"SELECT idx, name, body, {sha} FROM parts WHERE item_seq = ? ORDER BY idx", (seq,)
        ).fetchall()
    except sqlite3.Error:
        # The parts' index may be the damaged part: read the table itself.
        rows = db.execute(
            f"SELECT idx, name, body, {sha} FROM parts NOT INDEXED WHERE item_seq = ? ORDER BY idx",
            (seq,),
        ).fetchall()
    if [r[0] for r in rows] != list(range(int(total) - 1)):
        raise ValueError("parts missing")
    parts = tuple(Part(str(name), _whole(bytes(body), check)) for _, name, body, check in rows)
    data = _whole(bytes(data), data_sha256)
    parcel = Parcel(str(item_id), str(digest), (*parts, Part(DATA_PART, bytes(data))))
    return SetAsideItem(parcel, float(created_at))


def _dead_letter(db: sqlite3.Connection, seq: int) -> SetAsideDeadLetter | None:
    row = db.execute(
        f"SELECT id, created_at, failed_at, reason, parts, {_column(db, 'dead_letters', 'digest')} "
        "FROM dead_letters WHERE seq = ?",
        (seq,),
    ).fetchone()
    if row is None:
        return None
    item_id, created_at, failed_at, reason, parts, digest = row
    parcel_from_dead_letter(str(item_id), bytes(parts), digest)  # readable whole, or raises
    return SetAsideDeadLetter(
        str(item_id), float(created_at), float(failed_at), str(reason), bytes(parts), digest
    )


def _id_of(db: sqlite3.Connection, table: str, key: str, seq: int) -> list[str]:
    try:
        row: Any = db.execute(f"SELECT id FROM {table} WHERE {key} = ?", (seq,)).fetchone()
    except sqlite3.Error:
        return []
    return [str(row[0])] if row and isinstance(row[0], str) else []


def _indexed_ids(db: sqlite3.Connection) -> set[str] | None:
    try:
        rows = db.execute(
            "SELECT id FROM items INDEXED BY sqlite_autoindex_items_1 ORDER BY id"
        ).fetchall()
    except sqlite3.Error:
        return None
    return {str(r[0]) for r in rows}
