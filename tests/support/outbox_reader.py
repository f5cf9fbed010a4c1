"""Reading a terminal's outbox the way the hub would: every queued item, opened with the hub key.

Tests use it to check what the terminal stored, through a separate SQLite connection to the
same file, so they see what is durably on disk, not what one object holds in memory.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from offline_queue.parcel import DATA_PART
from tests.support.configs import hub_private_key
from wire.sealing import open_sealed


def raw_items(path: Path) -> list[tuple[str, list[tuple[str, bytes]]]]:
    """(submission id, [(part name, sealed body)]) of every queued item, oldest first."""
    with sqlite3.connect(path) as db:
        items = db.execute("SELECT seq, id, data FROM items ORDER BY seq").fetchall()
        return [
            (
                item_id,
                [
                    (name, bytes(body))
                    for name, body in db.execute(
                        "SELECT name, body FROM parts WHERE item_seq = ? ORDER BY idx", (seq,)
                    )
                ]
                + [(DATA_PART, bytes(data))],
            )
            for seq, item_id, data in items
        ]


def opened_items(path: Path) -> list[dict[str, Any]]:
    """Each queued data document, with ``"_attachments": {name: bytes}`` added."""
    key = hub_private_key()
    result = []
    for _, parts in raw_items(path):
        opened = {name: open_sealed(body, key)[0] for name, body in parts}
        doc: dict[str, Any] = json.loads(opened.pop(DATA_PART))
        doc["_attachments"] = opened
        result.append(doc)
    return result
