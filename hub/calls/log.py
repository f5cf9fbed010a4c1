"""The call log: times, terminal, clerk and outcome of every call; nothing of what was said
or shown (no recording, no chat). And the identity confirmations clerks made in calls, which
a submission may name (``confirmed_in_call``): the hub believes that claim only from here."""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import dataclass
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
);
CREATE TABLE IF NOT EXISTS identity_confirmations (
    call_id TEXT PRIMARY KEY,
    terminal_id TEXT NOT NULL,
    clerk TEXT NOT NULL,
    confirmed_at REAL NOT NULL,
    basis TEXT NOT NULL DEFAULT ''
);
"""


@dataclass(frozen=True)
class Confirmation:
    call_id: str
    terminal_id: str
    clerk: str
    confirmed_at: float
    #: What the clerk compared the person with (``wire.call.CONFIRMATION_BASES``; "" for a
    #: confirmation made before the hub recorded it).
    basis: str


#: How long the call log keeps a call (times, terminal, clerk, outcome): long enough for the
#: town hall's own statistics and questions, not a record of clerks' work forever. The
#: identity confirmations stay: applications name them.
KEEP_CALLS_S = 90 * 86400.0


class CallLog:
    def __init__(self, path: Path, now: float | None = None) -> None:
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(SCHEMA)
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(identity_confirmations)")}
        if "basis" not in columns:  # a log from before the basis was recorded: not known
            self._db.execute(
                "ALTER TABLE identity_confirmations ADD COLUMN basis TEXT NOT NULL DEFAULT ''"
            )
        self._lock = threading.Lock()
        self.forget_old(now)

    def forget_old(self, now: float | None = None) -> int:
        """Delete the calls older than :data:`KEEP_CALLS_S`; how many."""
        before = (time.time() if now is None else now) - KEEP_CALLS_S
        with self._lock:
            return self._db.execute("DELETE FROM call_log WHERE ended_at < ?", (before,)).rowcount

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

    def confirm(
        self,
        call_id: str,
        terminal_id: str,
        clerk: str,
        now: float | None = None,
        *,
        basis: str,
    ) -> None:
        """A clerk confirmed the citizen's identity in this call, having compared them with
        ``basis`` (written at once: the submission naming it may arrive while the call goes
        on)."""
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO identity_confirmations "
                "(call_id, terminal_id, clerk, confirmed_at, basis) VALUES (?, ?, ?, ?, ?)",
                (call_id, terminal_id, clerk, time.time() if now is None else now, basis),
            )

    def confirmation(self, call_id: str) -> Confirmation | None:
        with self._lock:
            row = self._db.execute(
                "SELECT call_id, terminal_id, clerk, confirmed_at, basis "
                "FROM identity_confirmations WHERE call_id = ?",
                (call_id,),
            ).fetchone()
        return Confirmation(*row) if row is not None else None

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
