"""The call log: times, terminal, clerk and outcome of every call; nothing of what was said
or shown (no recording, no chat). A table of its own in the hub's database."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from hub.calls.desk import Call

SCHEMA = """
CREATE TABLE IF NOT EXISTS call_log (
    call_id TEXT PRIMARY KEY,
    terminal_id TEXT NOT NULL,
    clerk TEXT NOT NULL,
    queued_at REAL NOT NULL,
    answered_at REAL,
    ended_at REAL NOT NULL,
    outcome TEXT NOT NULL
)
"""


class CallLog:
    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(SCHEMA)
        self._lock = threading.Lock()

    def record(self, call: Call, now: float | None = None) -> None:
        """Log ``call`` (ended); its monotonic times become wall-clock times."""
        wall = time.time() if now is None else now
        ended = call.ended_at if call.ended_at is not None else call.queued_at

        def at(monotonic: float | None) -> float | None:
            return None if monotonic is None else wall - (ended - monotonic)

        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO call_log VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    call.call_id,
                    call.terminal_id,
                    call.clerk.user if call.clerk is not None else "",
                    at(call.queued_at),
                    at(call.answered_at),
                    wall,
                    call.end_reason.value if call.end_reason is not None else "",
                ),
            )

    def recent(
        self, limit: int = 50
    ) -> list[tuple[str, str, str, float, float | None, float, str]]:
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM call_log ORDER BY ended_at DESC LIMIT ?", (limit,)
            ).fetchall()
        return [tuple(r) for r in rows]

    def close(self) -> None:
        with self._lock:
            self._db.close()
