"""The outbox's reads: the next item due, a part of it, the queue's figures.

Split from :mod:`offline_queue.outbox` (which writes): plain queries on the outbox's one
connection (:class:`offline_queue.outbox_file.OutboxFile`), each under its lock.
"""

from __future__ import annotations

from offline_queue.outbox_db import Fault, OutboxError, OutboxStats, QueuedItem
from offline_queue.outbox_file import OutboxFile
from offline_queue.parcel import DATA_PART, Part

_ITEM_COLUMNS = (
    "seq, id, created_at, parts_total, parts_done, attempts, tries, not_before, first_failed_at"
)


def oldest(file: OutboxFile) -> QueuedItem | None:
    """The oldest item, whether it is due or waiting with its own backoff."""
    return _item(file, f"SELECT {_ITEM_COLUMNS} FROM items ORDER BY seq LIMIT 1", ())


def next_due(file: OutboxFile, now: float, horizon_s: float) -> QueuedItem | None:
    """The oldest item whose own backoff is over at ``now``.

    An item set to wait beyond ``now + horizon_s`` (the longest backoff) is due at once:
    the clock was set back since, and no item may be held for years by that.
    """
    return _item(
        file,
        f"SELECT {_ITEM_COLUMNS} FROM items WHERE not_before <= ? OR not_before > ? "
        "ORDER BY seq LIMIT 1",
        (now, now + horizon_s),
    )


def next_due_at(file: OutboxFile) -> float | None:
    """When the next waiting item is due (None: the queue is empty)."""
    rows = file.read("read", "SELECT min(not_before) FROM items")
    return None if rows[0][0] is None else float(rows[0][0])


def _item(file: OutboxFile, sql: str, args: tuple[object, ...]) -> QueuedItem | None:
    rows = file.read("read", sql, args)
    if not rows:
        return None
    seq, item_id, created_at, total, done, attempts, tries, not_before, first = rows[0]
    names = (
        file.read(
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


def part(file: OutboxFile, item: QueuedItem, index: int) -> Part:
    if index == item.parts_total - 1:
        rows = file.read("read", "SELECT data FROM items WHERE id = ?", (item.id,))
        if not rows:
            raise OutboxError(Fault.BUG, "outbox item is missing")
        return Part(DATA_PART, bytes(rows[0][0]))
    rows = file.read(
        "read",
        "SELECT name, body FROM parts WHERE idx = ? AND item_seq = "
        "(SELECT seq FROM items WHERE id = ?)",
        (index, item.id),
    )
    if not rows:
        raise OutboxError(Fault.BUG, "outbox part is missing")
    name, body = rows[0]
    return Part(str(name), bytes(body))


def stats(file: OutboxFile) -> OutboxStats:
    rows = file.read(
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
