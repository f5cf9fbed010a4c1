"""The outbox's dead letters: items the hub refused for good or that kept failing.

Split from :mod:`offline_queue.outbox`: the statements that park an item (sealed, with its
reason, out of the queue's way), list the parked ones, take one back for a technician, and
restore the dead letters of a set-aside (damaged) outbox. Each runs in one transaction of the
outbox's connection (:class:`offline_queue.outbox_file.OutboxFile`); none is ever dropped.
"""

from __future__ import annotations

import json

from offline_queue.outbox_db import DeadLetter
from offline_queue.outbox_file import OutboxFile
from offline_queue.parcel import DATA_PART, Parcel
from offline_queue.salvage import SetAsideDeadLetter, parcel_from_dead_letter

_INSERT = (
    "INSERT INTO dead_letters (id, created_at, failed_at, reason, parts, digest) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)


def park(file: OutboxFile, item_id: str, reason: str, now: float) -> bool:
    """Move the queued item ``item_id`` to the dead letters; False if it is not queued."""
    with file.transaction("write") as db:
        row = db.execute(
            "SELECT seq, created_at, digest FROM items WHERE id = ?", (item_id,)
        ).fetchone()
        if row is None:
            return False
        seq, created_at, digest = row
        parts = db.execute(
            "SELECT name, body FROM parts WHERE item_seq = ? ORDER BY idx", (seq,)
        ).fetchall()
        parts += db.execute("SELECT ?, data FROM items WHERE seq = ?", (DATA_PART, seq)).fetchall()
        blob = json.dumps(
            [[name, bytes(body).decode("ascii", "replace")] for name, body in parts]
        ).encode("ascii")
        db.execute(_INSERT, (item_id, created_at, now, reason[:500], blob, digest))
        db.execute("DELETE FROM items WHERE seq = ?", (seq,))
    return True


def newest(file: OutboxFile, item_id: str) -> tuple[Parcel, float] | None:
    """The newest dead letter of ``item_id`` as a parcel, with its creation time."""
    rows = file.read(
        "read",
        "SELECT created_at, parts, digest FROM dead_letters WHERE id = ? ORDER BY seq DESC LIMIT 1",
        (item_id,),
    )
    if not rows:
        return None
    created_at, blob, digest = rows[0]
    return parcel_from_dead_letter(item_id, bytes(blob), digest), float(created_at)


def drop_newest(file: OutboxFile, item_id: str) -> None:
    """Remove the newest dead letter of ``item_id`` (it is queued again)."""
    with file.transaction("write") as db:
        # By id (the newest of that id), not by seq: a recover() in between renumbers rows.
        db.execute(
            "DELETE FROM dead_letters WHERE seq = (SELECT max(seq) FROM dead_letters WHERE id = ?)",
            (item_id,),
        )


def restore(file: OutboxFile, letter: SetAsideDeadLetter) -> bool:
    """Copy a set-aside outbox's dead letter into this one; False if it is here already."""
    with file.transaction("write") as db:
        if db.execute("SELECT 1 FROM dead_letters WHERE id = ?", (letter.id,)).fetchone():
            return False
        db.execute(
            _INSERT,
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


def listing(file: OutboxFile) -> list[DeadLetter]:
    rows = file.read(
        "read", "SELECT id, created_at, failed_at, reason FROM dead_letters ORDER BY seq"
    )
    return [DeadLetter(str(i), float(c), float(f), str(r)) for i, c, f, r in rows]
