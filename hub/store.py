"""The hub's storage: the only module that talks to the database (SQLite today).

Everything the hub keeps goes through :class:`Store`, so PostgreSQL can replace SQLite by
rewriting this one module. Submissions and attachments are kept *sealed* (the JWE as the
terminal sent it): a copied database file without the hub's key reveals no citizen's data.
What is stored in clear is what the inbox filters on: service, terminal, times, status, and a
hash of the tracking code.

Durability: WAL, ``synchronous=FULL``; the hub answers 201 only after the commit. Idempotency
is enforced by primary keys, and every read-then-write runs in one ``BEGIN IMMEDIATE``
transaction, so two equal requests racing each other still make one row.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS terminals (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    place          TEXT NOT NULL,
    secret_sha256  TEXT NOT NULL,
    created_at     REAL NOT NULL,
    revoked_at     REAL,
    last_seen_at   REAL
) STRICT;
CREATE TABLE IF NOT EXISTS submissions (
    id                 TEXT PRIMARY KEY,
    terminal_id        TEXT NOT NULL REFERENCES terminals(id),
    service_id         TEXT NOT NULL,
    service_version    INTEGER NOT NULL,
    language           TEXT NOT NULL,
    tracking_digest    TEXT NOT NULL UNIQUE,
    submitted_at       TEXT NOT NULL,
    received_at        REAL NOT NULL,
    content_sha256     TEXT NOT NULL,
    sealed_data        TEXT NOT NULL,
    status             TEXT NOT NULL DEFAULT 'received',
    status_message     TEXT NOT NULL DEFAULT '',
    status_changed_at  REAL NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS submissions_received ON submissions (received_at);
CREATE TABLE IF NOT EXISTS attachments (
    submission_id   TEXT NOT NULL,
    name            TEXT NOT NULL,
    terminal_id     TEXT NOT NULL,
    media_type      TEXT NOT NULL,
    size            INTEGER NOT NULL,
    content_sha256  TEXT NOT NULL,
    sealed          TEXT NOT NULL,
    received_at     REAL NOT NULL,
    PRIMARY KEY (submission_id, name)
) STRICT;
CREATE INDEX IF NOT EXISTS attachments_terminal ON attachments (terminal_id);
CREATE INDEX IF NOT EXISTS attachments_received ON attachments (received_at);
CREATE TABLE IF NOT EXISTS status_history (
    submission_id  TEXT NOT NULL REFERENCES submissions(id),
    status         TEXT NOT NULL,
    message        TEXT NOT NULL,
    clerk          TEXT NOT NULL,
    at             REAL NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS receipt_mails (
    submission_id    TEXT PRIMARY KEY REFERENCES submissions(id),
    state            TEXT NOT NULL DEFAULT 'pending',
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  REAL NOT NULL,
    last_error       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX IF NOT EXISTS receipt_mails_due ON receipt_mails (state, next_attempt_at);
CREATE TABLE IF NOT EXISTS users (
    name           TEXT PRIMARY KEY,
    password_hash  TEXT NOT NULL,
    created_at     REAL NOT NULL,
    disabled_at    REAL,
    display_name   TEXT NOT NULL DEFAULT '',
    role           TEXT NOT NULL DEFAULT 'clerk'
) STRICT;
CREATE TABLE IF NOT EXISTS terminal_health (
    terminal_id   TEXT PRIMARY KEY REFERENCES terminals(id),
    received_at   REAL NOT NULL,
    report        TEXT NOT NULL,
    dead_letters  INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS enrolment_codes (
    code_sha256   TEXT PRIMARY KEY,
    terminal_id   TEXT NOT NULL REFERENCES terminals(id),
    created_at    REAL NOT NULL,
    expires_at    REAL NOT NULL,
    used_at       REAL
) STRICT;
CREATE TABLE IF NOT EXISTS device_certificates (
    serial        TEXT PRIMARY KEY,
    terminal_id   TEXT NOT NULL REFERENCES terminals(id),
    issued_at     REAL NOT NULL,
    not_after     REAL NOT NULL,
    revoked_at    REAL
) STRICT;
CREATE TABLE IF NOT EXISTS terminal_orders (
    id            INTEGER PRIMARY KEY,
    terminal_id   TEXT NOT NULL REFERENCES terminals(id),
    kind          TEXT NOT NULL,
    issued_at     REAL NOT NULL,
    done_at       REAL,
    superseded_at REAL
) STRICT;
CREATE TABLE IF NOT EXISTS configurations (
    version       INTEGER PRIMARY KEY,
    digest        TEXT NOT NULL UNIQUE,
    published_at  REAL NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS clerk_sessions (
    token_sha256   TEXT PRIMARY KEY,
    user           TEXT NOT NULL REFERENCES users(name),
    csrf_token     TEXT NOT NULL,
    created_at     REAL NOT NULL,
    expires_at     REAL NOT NULL
) STRICT;
"""


class Status(StrEnum):
    RECEIVED = "received"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    REJECTED = "rejected"


class Put(StrEnum):
    """What storing something idempotently did."""

    CREATED = "created"
    SAME = "same"  # already there with the same content: a retry
    CONFLICT = "conflict"  # the key holds other content
    #: Not stored: the terminal's attachments still waiting for their submission would
    #: exceed its quota (hub.intake answers 507, the terminal tries again later).
    FULL = "full"


class StoreError(Exception):
    """The database cannot be used (disk full, I/O error, locked, file gone): the
    environment's fault, answered 503 with Retry-After (see hub.problems)."""


@dataclass(frozen=True)
class TerminalRow:
    id: str
    name: str
    place: str
    secret_sha256: str
    created_at: float
    revoked_at: float | None
    last_seen_at: float | None


@dataclass(frozen=True)
class SubmissionRow:
    id: str
    terminal_id: str
    service_id: str
    service_version: int
    language: str
    tracking_digest: str
    submitted_at: str
    received_at: float
    content_sha256: str
    sealed_data: str
    status: Status
    status_message: str
    status_changed_at: float


@dataclass(frozen=True)
class AttachmentRow:
    submission_id: str
    name: str
    media_type: str
    size: int
    content_sha256: str
    #: The terminal that delivered it: a submission counts only its own terminal's photos.
    terminal_id: str = ""


@dataclass(frozen=True)
class HistoryRow:
    status: Status
    message: str
    clerk: str
    at: float


@dataclass(frozen=True)
class Filters:
    status: str = ""
    service_id: str = ""
    terminal_id: str = ""
    received_from: float | None = None
    received_to: float | None = None
    tracking_digest: str = ""


#: The database and the files SQLite keeps beside it: all hold (sealed) citizens' data.
DB_SUFFIXES = ("", "-wal", "-shm", "-journal")
#: Seconds a client is told to wait when the storage is in trouble (disk full, I/O error).
RETRY_AFTER_S = 30


def _pending_bytes(db: sqlite3.Connection, terminal_id: str) -> int:
    row = db.execute(
        "SELECT COALESCE(SUM(size), 0) FROM attachments a WHERE terminal_id = ? AND NOT EXISTS "
        "(SELECT 1 FROM submissions s WHERE s.id = a.submission_id)",
        (terminal_id,),
    ).fetchone()
    return int(row[0])


class Store:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._gone_logged = False
        try:
            # Created 0600 here, before SQLite creates it with the process's umask; SQLite
            # gives -wal and -shm the mode of the database file. Files left by an earlier
            # run (or another umask) are put right too.
            os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
            self._restrict_files()
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA busy_timeout=5000")
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.executescript(_SCHEMA)
            self._migrate_clerks()
            # The terminals' heartbeats (their latest health report, when last seen) go
            # through a connection of their own that commits without waiting for the disk:
            # thousands of terminals report every 30 s, and losing the last seconds of them
            # to a power cut loses nothing the next report does not bring again. Submissions,
            # orders and everything else stay on the FULL-sync connection above (whose next
            # commit makes these durable too).
            self._telemetry_lock = threading.Lock()
            self._telemetry = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            self._telemetry.execute("PRAGMA busy_timeout=5000")
            self._telemetry.execute("PRAGMA synchronous=NORMAL")
            self._restrict_files()
            self._file_ids = self._identify()
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"hub database cannot be opened: {type(exc).__name__}") from exc

    def _restrict_files(self) -> None:
        for suffix in DB_SUFFIXES:
            with suppress(FileNotFoundError):
                Path(f"{self.path}{suffix}").chmod(0o600)

    def _identify(self) -> dict[str, tuple[int, int]]:
        """(device, inode) of the database file and of its write-ahead log, where present."""
        found = {}
        for suffix in ("", "-wal"):
            with suppress(FileNotFoundError):
                st = Path(f"{self.path}{suffix}").stat()
                found[suffix] = (st.st_dev, st.st_ino)
        return found

    def _check_file(self) -> None:
        """The database file and its log are still the ones opened. Deleted or replaced under
        a running hub, SQLite would go on writing into the unlinked files, and everything stored
        from then on would be gone at the next start: refuse instead (503), and say so once in
        the log. The log stays while the hub runs (SQLite removes it when the last connection
        closes, and this one stays open)."""
        try:
            now = self._identify()
        except OSError:
            now = {}
        changed = [s for s, ident in self._file_ids.items() if now.get(s) != ident]
        if not changed:
            return
        if not self._gone_logged:
            log.error(
                "hub database file %s%s was deleted or replaced while the hub ran; refusing "
                "to store or read anything until it is restored and the hub restarted",
                self.path,
                changed[0],
            )
            self._gone_logged = True
            if changed == ["-wal"]:
                # The database file itself is intact: move what was committed into it, so
                # that only what would come next is at risk, and nothing comes next.
                with suppress(sqlite3.Error):
                    self._db.execute("PRAGMA wal_checkpoint(FULL)")
        raise StoreError("hub database file is gone")

    def close(self) -> None:
        with self._lock:
            self._db.close()
        with self._telemetry_lock:
            self._telemetry.close()

    @contextmanager
    def _telemetry_tx(self) -> Iterator[sqlite3.Connection]:
        """A transaction on the heartbeats' connection (see ``__init__``)."""
        with self._telemetry_lock:
            self._check_file()
            db = self._telemetry
            try:
                db.execute("BEGIN IMMEDIATE")
                yield db
                db.execute("COMMIT")
            except BaseException as exc:
                if db.in_transaction:
                    with suppress(sqlite3.Error):
                        db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise StoreError(f"hub database: {type(exc).__name__}") from exc
                raise

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._check_file()
            try:
                self._db.execute("BEGIN IMMEDIATE")
                yield self._db
                self._db.execute("COMMIT")
            except BaseException as exc:
                if self._db.in_transaction:
                    self._rollback()
                if isinstance(exc, sqlite3.Error):
                    raise StoreError(f"hub database: {type(exc).__name__}") from exc
                raise

    def _rollback(self) -> None:
        # After a full disk or an I/O error SQLite may have rolled back already; the first
        # error is the one to report.
        with suppress(sqlite3.Error):
            self._db.execute("ROLLBACK")

    def _all(self, sql: str, args: tuple[Any, ...] = ()) -> list[Any]:
        with self._lock:
            self._check_file()
            try:
                return list(self._db.execute(sql, args).fetchall())
            except sqlite3.Error as exc:
                raise StoreError(f"hub database: {type(exc).__name__}") from exc

    def check(self) -> None:
        """StoreError if the database cannot be used now."""
        self._all("SELECT 1")

    def files_intact(self) -> bool:
        """Whether the database files are still the ones opened: a stat, no lock and no query,
        so the health check stays fast whatever the handlers are doing."""
        try:
            now = self._identify()
        except OSError:
            return False
        return all(now.get(s) == ident for s, ident in self._file_ids.items())

    # -- terminals -----------------------------------------------------------------------

    def add_terminal(self, terminal_id: str, name: str, place: str, secret_sha256: str) -> bool:
        """False if the id is taken."""
        with self._tx() as db:
            cursor = db.execute(
                "INSERT INTO terminals (id, name, place, secret_sha256, created_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                (terminal_id, name, place, secret_sha256, time.time()),
            )
            return cursor.rowcount == 1

    def set_terminal_secret(self, terminal_id: str, secret_sha256: str) -> None:
        with self._tx() as db:
            db.execute(
                "UPDATE terminals SET secret_sha256 = ?, revoked_at = NULL WHERE id = ?",
                (secret_sha256, terminal_id),
            )

    def forget_terminal_secret(self, terminal_id: str) -> None:
        """The terminal has a device certificate now: its bearer secret stops working (no
        SHA-256 digest is empty)."""
        with self._tx() as db:
            db.execute("UPDATE terminals SET secret_sha256 = '' WHERE id = ?", (terminal_id,))

    def terminal(self, terminal_id: str) -> TerminalRow | None:
        rows = self._all("SELECT * FROM terminals WHERE id = ?", (terminal_id,))
        return TerminalRow(*rows[0]) if rows else None

    def terminals(self) -> list[TerminalRow]:
        return [TerminalRow(*r) for r in self._all("SELECT * FROM terminals ORDER BY id")]

    def revoke_terminal(self, terminal_id: str) -> bool:
        with self._tx() as db:
            cursor = db.execute(
                "UPDATE terminals SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                (time.time(), terminal_id),
            )
            return cursor.rowcount == 1

    def terminal_seen(self, terminal_id: str) -> None:
        with self._telemetry_tx() as db:
            db.execute(
                "UPDATE terminals SET last_seen_at = ? WHERE id = ?", (time.time(), terminal_id)
            )

    # -- enrolment and device certificates ----------------------------------------------

    def add_enrolment_code(self, code_sha256: str, terminal_id: str, expires_at: float) -> None:
        """A new one-time code for ``terminal_id``; its earlier unused codes stop working."""
        now = time.time()
        with self._tx() as db:
            db.execute(
                "UPDATE enrolment_codes SET used_at = ? WHERE terminal_id = ? AND used_at IS NULL",
                (now, terminal_id),
            )
            db.execute(
                "INSERT INTO enrolment_codes VALUES (?, ?, ?, ?, NULL)",
                (code_sha256, terminal_id, now, expires_at),
            )

    def use_enrolment_code(self, code_sha256: str, now: float) -> tuple[str | None, str]:
        """Spend the code: (its terminal, "") — or (None, why: "unknown", "used", "expired",
        "revoked" for a terminal taken out of service)."""
        with self._tx() as db:
            row = db.execute(
                "SELECT c.terminal_id, c.expires_at, c.used_at, t.revoked_at "
                "FROM enrolment_codes c JOIN terminals t ON t.id = c.terminal_id "
                "WHERE c.code_sha256 = ?",
                (code_sha256,),
            ).fetchone()
            if row is None:
                return None, "unknown"
            terminal_id, expires_at, used_at, revoked_at = row
            if used_at is not None:
                return None, "used"
            if expires_at < now:
                return None, "expired"
            if revoked_at is not None:
                return None, "revoked"
            db.execute(
                "UPDATE enrolment_codes SET used_at = ? WHERE code_sha256 = ?", (now, code_sha256)
            )
            return terminal_id, ""

    def add_device_certificate(
        self, serial: str, terminal_id: str, issued_at: float, not_after: float
    ) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO device_certificates VALUES (?, ?, ?, ?, NULL)",
                (serial, terminal_id, issued_at, not_after),
            )

    def device_certificate(self, serial: str) -> tuple[str, float, float | None] | None:
        """(terminal, not after, revoked at) of a certificate the hub issued, or None."""
        rows = self._all(
            "SELECT terminal_id, not_after, revoked_at FROM device_certificates WHERE serial = ?",
            (serial,),
        )
        return (rows[0][0], rows[0][1], rows[0][2]) if rows else None

    def revoke_device_certificates(self, terminal_id: str, now: float) -> int:
        """Revoke every certificate of ``terminal_id`` still valid; how many."""
        with self._tx() as db:
            return db.execute(
                "UPDATE device_certificates SET revoked_at = ? "
                "WHERE terminal_id = ? AND revoked_at IS NULL AND not_after > ?",
                (now, terminal_id, now),
            ).rowcount

    def certificate_expiry(self, terminal_id: str) -> float | None:
        """When the terminal's newest valid certificate expires (None: it has none)."""
        rows = self._all(
            "SELECT MAX(not_after) FROM device_certificates "
            "WHERE terminal_id = ? AND revoked_at IS NULL",
            (terminal_id,),
        )
        return float(rows[0][0]) if rows and rows[0][0] is not None else None

    def revoked_certificates(self, now: float) -> list[tuple[str, float]]:
        """(serial, revoked at) of revoked certificates not yet expired: the revocation list."""
        return [
            (serial, when)
            for serial, when in self._all(
                "SELECT serial, revoked_at FROM device_certificates "
                "WHERE revoked_at IS NOT NULL AND not_after > ? ORDER BY serial",
                (now,),
            )
        ]

    # -- orders to terminals -------------------------------------------------------------

    def add_order(self, terminal_id: str, kind: str, now: float) -> int:
        """Order ``terminal_id`` to ``kind`` (wire.orders). An earlier order of the same pair
        it has not carried out yet is superseded (``enable`` after ``disable``: only the last
        counts; a second self-test replaces the first); other kinds stay."""
        replaces = ("disable", "enable") if kind in ("disable", "enable") else (kind,)
        with self._tx() as db:
            db.execute(
                "UPDATE terminal_orders SET superseded_at = ? WHERE terminal_id = ? "
                f"AND kind IN ({','.join('?' * len(replaces))}) "
                "AND done_at IS NULL AND superseded_at IS NULL",
                (now, terminal_id, *replaces),
            )
            cursor = db.execute(
                "INSERT INTO terminal_orders (terminal_id, kind, issued_at) VALUES (?, ?, ?)",
                (terminal_id, kind, now),
            )
            return int(cursor.lastrowid or 0)

    def configuration_version(self, digest: str, now: float) -> tuple[int, float]:
        """(version, when published) of the terminals' configuration with this content digest:
        the one published before, or the next number (versions only grow; content that comes
        back after a change gets a new one, so no terminal is asked to go back)."""
        with self._tx() as db:
            latest = db.execute(
                "SELECT version, digest, published_at FROM configurations "
                "ORDER BY version DESC LIMIT 1"
            ).fetchone()
            if latest is not None and latest[1] == digest:
                return int(latest[0]), float(latest[2])
            version = int(latest[0]) + 1 if latest is not None else 1
            db.execute("DELETE FROM configurations WHERE digest = ?", (digest,))
            db.execute(
                "INSERT INTO configurations (version, digest, published_at) VALUES (?, ?, ?)",
                (version, digest, now),
            )
            return version, now

    def pending_orders(self, terminal_id: str) -> list[tuple[int, str]]:
        return [
            (int(order_id), kind)
            for order_id, kind in self._all(
                "SELECT id, kind FROM terminal_orders WHERE terminal_id = ? AND done_at IS NULL "
                "AND superseded_at IS NULL ORDER BY id",
                (terminal_id,),
            )
        ]

    def orders_done(self, terminal_id: str, order_ids: tuple[int, ...], now: float) -> list[str]:
        """The terminal confirmed these (only its own orders are marked); the kinds of those
        confirmed just now."""
        if not order_ids:
            return []
        kinds = []
        with self._tx() as db:
            for order_id in order_ids:
                row = db.execute(
                    "UPDATE terminal_orders SET done_at = ? "
                    "WHERE id = ? AND terminal_id = ? AND done_at IS NULL "
                    "AND superseded_at IS NULL RETURNING kind",
                    (now, order_id, terminal_id),
                ).fetchone()
                if row is not None:
                    kinds.append(str(row[0]))
        return kinds

    def last_order(self, terminal_id: str) -> tuple[str, float, float | None] | None:
        """(kind, issued at, done at) of the terminal's newest order that counts."""
        rows = self._all(
            "SELECT kind, issued_at, done_at FROM terminal_orders WHERE terminal_id = ? "
            "AND superseded_at IS NULL ORDER BY id DESC LIMIT 1",
            (terminal_id,),
        )
        return (rows[0][0], rows[0][1], rows[0][2]) if rows else None

    # -- terminal health -----------------------------------------------------------------

    def put_terminal_health(self, terminal_id: str, report: str, dead_letters: int) -> None:
        """Keep ``report`` (a validated wire.health document) as the terminal's latest."""
        with self._telemetry_tx() as db:
            db.execute(
                "INSERT INTO terminal_health (terminal_id, received_at, report, dead_letters) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (terminal_id) DO UPDATE SET "
                "received_at = excluded.received_at, report = excluded.report, "
                "dead_letters = excluded.dead_letters",
                (terminal_id, time.time(), report, dead_letters),
            )

    def terminal_health(self) -> list[tuple[TerminalRow, float | None, str | None, int]]:
        """Every terminal with its latest report: (terminal, received_at, report, dead
        letters); None and 0 for a terminal that has not reported."""
        rows = self._all(
            "SELECT t.id, t.name, t.place, t.secret_sha256, t.created_at, t.revoked_at, "
            "t.last_seen_at, h.received_at, h.report, COALESCE(h.dead_letters, 0) "
            "FROM terminals t "
            "LEFT JOIN terminal_health h ON h.terminal_id = t.id ORDER BY t.id"
        )
        return [(TerminalRow(*r[:7]), r[7], r[8], r[9]) for r in rows]

    # -- intake --------------------------------------------------------------------------

    def put_attachment(
        self,
        submission_id: str,
        name: str,
        terminal_id: str,
        media_type: str,
        size: int,
        content_sha256: str,
        sealed: str,
        pending_limit: int | None = None,
    ) -> Put:
        """Store an attachment. With ``pending_limit``: not if the terminal's pending
        attachments (no submission yet) and this one would hold more bytes (checked in the
        same transaction, so parallel uploads cannot both slip under it)."""
        with self._tx() as db:
            found = db.execute(
                "SELECT content_sha256 FROM attachments WHERE submission_id = ? AND name = ?",
                (submission_id, name),
            ).fetchone()
            if found is not None:
                return Put.SAME if found[0] == content_sha256 else Put.CONFLICT
            if pending_limit is not None and _pending_bytes(db, terminal_id) + size > pending_limit:
                return Put.FULL
            db.execute(
                "INSERT INTO attachments VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    submission_id,
                    name,
                    terminal_id,
                    media_type,
                    size,
                    content_sha256,
                    sealed,
                    time.time(),
                ),
            )
            return Put.CREATED

    def pending_attachment_bytes(self, terminal_id: str) -> int:
        """Bytes (before sealing) of the terminal's attachments that have no submission."""
        with self._tx() as db:
            return _pending_bytes(db, terminal_id)

    def purge_orphan_attachments(self, received_before: float) -> int:
        """Delete attachments received before then whose submission never came (a terminal
        that dead-lettered it, or a leaked credential filling the disk); how many."""
        with self._tx() as db:
            cursor = db.execute(
                "DELETE FROM attachments WHERE received_at < ? AND NOT EXISTS "
                "(SELECT 1 FROM submissions s WHERE s.id = attachments.submission_id)",
                (received_before,),
            )
            return cursor.rowcount

    def attachments(self, submission_id: str) -> list[AttachmentRow]:
        rows = self._all(
            "SELECT submission_id, name, media_type, size, content_sha256, terminal_id "
            "FROM attachments "
            "WHERE submission_id = ? ORDER BY name",
            (submission_id,),
        )
        return [AttachmentRow(*r) for r in rows]

    def sealed_attachment(self, submission_id: str, name: str) -> str | None:
        rows = self._all(
            "SELECT sealed FROM attachments WHERE submission_id = ? AND name = ?",
            (submission_id, name),
        )
        return str(rows[0][0]) if rows else None

    def put_submission(
        self,
        *,
        submission_id: str,
        terminal_id: str,
        service_id: str,
        service_version: int,
        language: str,
        tracking_digest: str,
        submitted_at: str,
        content_sha256: str,
        sealed_data: str,
        receipt_mail: bool = False,
    ) -> Put:
        """Store a new submission; with ``receipt_mail`` a receipt mail is queued in the same
        transaction (so it is neither lost nor sent for a submission that was not stored)."""
        now = time.time()
        with self._tx() as db:
            found = db.execute(
                "SELECT content_sha256 FROM submissions WHERE id = ?", (submission_id,)
            ).fetchone()
            if found is not None:
                return Put.SAME if found[0] == content_sha256 else Put.CONFLICT
            taken = db.execute(
                "SELECT 1 FROM submissions WHERE tracking_digest = ?", (tracking_digest,)
            ).fetchone()
            if taken is not None:
                return Put.CONFLICT
            db.execute(
                "INSERT INTO submissions (id, terminal_id, service_id, service_version, "
                "language, tracking_digest, submitted_at, received_at, content_sha256, "
                "sealed_data, status_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    submission_id,
                    terminal_id,
                    service_id,
                    service_version,
                    language,
                    tracking_digest,
                    submitted_at,
                    now,
                    content_sha256,
                    sealed_data,
                    now,
                ),
            )
            db.execute(
                "INSERT INTO status_history VALUES (?, ?, '', '', ?)",
                (submission_id, Status.RECEIVED.value, now),
            )
            if receipt_mail:
                db.execute(
                    "INSERT INTO receipt_mails (submission_id, next_attempt_at) VALUES (?, ?)",
                    (submission_id, now),
                )
            return Put.CREATED

    # -- receipt mails -------------------------------------------------------------------

    def due_receipt_mails(self, now: float, limit: int = 50) -> list[tuple[str, int]]:
        """(submission id, tries so far) of the receipt mails to send now, oldest first."""
        rows = self._all(
            "SELECT submission_id, attempts FROM receipt_mails WHERE state = 'pending' "
            "AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?",
            (now, limit),
        )
        return [(str(r[0]), int(r[1])) for r in rows]

    def receipt_mail_retry(
        self, submission_id: str, attempts: int, next_attempt_at: float, error: str
    ) -> None:
        with self._tx() as db:
            db.execute(
                "UPDATE receipt_mails SET attempts = ?, next_attempt_at = ?, last_error = ? "
                "WHERE submission_id = ?",
                (attempts, next_attempt_at, error, submission_id),
            )

    def receipt_mail_done(self, submission_id: str, state: str) -> None:
        """``sent``, or why it will not be: ``refused``, ``given_up``, ``unreadable``, …"""
        with self._tx() as db:
            db.execute(
                "UPDATE receipt_mails SET state = ? WHERE submission_id = ?",
                (state, submission_id),
            )

    def receipt_mail_state(self, submission_id: str) -> tuple[str, int, str] | None:
        """(state, tries, last error) of a submission's receipt mail, if it has one."""
        rows = self._all(
            "SELECT state, attempts, last_error FROM receipt_mails WHERE submission_id = ?",
            (submission_id,),
        )
        return (str(rows[0][0]), int(rows[0][1]), str(rows[0][2])) if rows else None

    # -- reading and working submissions --------------------------------------------------

    @staticmethod
    def _row(r: Any) -> SubmissionRow:
        values = list(r)
        values[10] = Status(values[10])
        return SubmissionRow(*values)

    def submission_owner(self, submission_id: str) -> tuple[str, str] | None:
        """(terminal id, content digest) of a stored submission: the idempotency check."""
        rows = self._all(
            "SELECT terminal_id, content_sha256 FROM submissions WHERE id = ?", (submission_id,)
        )
        return (str(rows[0][0]), str(rows[0][1])) if rows else None

    def submission(self, submission_id: str) -> SubmissionRow | None:
        rows = self._all("SELECT * FROM submissions WHERE id = ?", (submission_id,))
        return self._row(rows[0]) if rows else None

    def submissions(
        self, filters: Filters, offset: int = 0, limit: int = 50
    ) -> tuple[list[SubmissionRow], int]:
        where: list[str] = ["1 = 1"]
        args: list[object] = []
        for column, value in (
            ("status", filters.status),
            ("service_id", filters.service_id),
            ("terminal_id", filters.terminal_id),
            ("tracking_digest", filters.tracking_digest),
        ):
            if value:
                where.append(f"{column} = ?")
                args.append(value)
        if filters.received_from is not None:
            where.append("received_at >= ?")
            args.append(filters.received_from)
        if filters.received_to is not None:
            where.append("received_at < ?")
            args.append(filters.received_to)
        # SQLite's integers are 64-bit: a page number from a URL must not reach the binding
        # unbounded (OverflowError, a 500); the inbox bounds it too.
        offset = min(max(offset, 0), 2**62)
        limit = min(max(limit, 0), 10_000)
        clause = " AND ".join(where)
        total = self._all(f"SELECT count(*) FROM submissions WHERE {clause}", tuple(args))[0][0]
        rows = self._all(
            f"SELECT * FROM submissions WHERE {clause} ORDER BY received_at DESC LIMIT ? OFFSET ?",
            (*args, limit, offset),
        )
        return [self._row(r) for r in rows], int(total)

    def status_by_tracking(self, tracking_digest: str) -> SubmissionRow | None:
        rows = self._all("SELECT * FROM submissions WHERE tracking_digest = ?", (tracking_digest,))
        return self._row(rows[0]) if rows else None

    def set_status(
        self,
        submission_id: str,
        status: Status,
        message: str,
        clerk: str,
        *,
        history_message: str | None = None,
        at: float | None = None,
    ) -> bool:
        """``message`` (the current one) and ``history_message`` (the history entry's; the
        same if None) as they are to be stored: the caller seals them for their place, the
        change's time ``at`` (hub.at_rest)."""
        now = time.time() if at is None else at
        with self._tx() as db:
            cursor = db.execute(
                "UPDATE submissions SET status = ?, status_message = ?, status_changed_at = ? "
                "WHERE id = ?",
                (status.value, message, now, submission_id),
            )
            if cursor.rowcount != 1:
                return False
            db.execute(
                "INSERT INTO status_history VALUES (?, ?, ?, ?, ?)",
                (
                    submission_id,
                    status.value,
                    message if history_message is None else history_message,
                    clerk,
                    now,
                ),
            )
            return True

    def history(self, submission_id: str) -> list[HistoryRow]:
        rows = self._all(
            "SELECT status, message, clerk, at FROM status_history WHERE submission_id = ? "
            "ORDER BY at, rowid",
            (submission_id,),
        )
        return [HistoryRow(Status(s), m, c, a) for s, m, c, a in rows]

    def known_values(self, column: str) -> list[str]:
        assert column in ("service_id", "terminal_id")
        return [r[0] for r in self._all(f"SELECT DISTINCT {column} FROM submissions ORDER BY 1")]

    def messages_to_reseal(
        self, prefix: str
    ) -> tuple[list[tuple[str, float, str]], list[tuple[int, str, float, str]]]:
        """Messages not (yet) stored in the form ``prefix`` starts: (submission id, time of
        the change, message) and (history rowid, submission id, time, message)."""
        current = self._all(
            "SELECT id, status_changed_at, status_message FROM submissions "
            "WHERE status_message != '' AND substr(status_message, 1, ?) != ?",
            (len(prefix), prefix),
        )
        history = self._all(
            "SELECT rowid, submission_id, at, message FROM status_history "
            "WHERE message != '' AND substr(message, 1, ?) != ?",
            (len(prefix), prefix),
        )
        return (
            [(str(i), float(t), str(m)) for i, t, m in current],
            [(int(r), str(i), float(t), str(m)) for r, i, t, m in history],
        )

    def replace_messages(
        self, current: list[tuple[str, str]], history: list[tuple[int, str]]
    ) -> None:
        """Write the re-sealed form of :meth:`messages_to_reseal` back, in one transaction."""
        with self._tx() as db:
            db.executemany(
                "UPDATE submissions SET status_message = ? WHERE id = ?",
                [(m, i) for i, m in current],
            )
            db.executemany(
                "UPDATE status_history SET message = ? WHERE rowid = ?",
                [(m, i) for i, m in history],
            )

    # -- clerks --------------------------------------------------------------------------

    def _migrate_clerks(self) -> None:
        """Columns added since the first release (CREATE TABLE IF NOT EXISTS keeps old ones)."""
        columns = {r[1] for r in self._db.execute("PRAGMA table_info(users)")}
        if "disabled_at" not in columns:
            self._db.execute("ALTER TABLE users ADD COLUMN disabled_at REAL")
        if "display_name" not in columns:
            self._db.execute("ALTER TABLE users ADD COLUMN display_name TEXT NOT NULL DEFAULT ''")
        if "role" not in columns:
            self._db.execute("ALTER TABLE users ADD COLUMN role TEXT NOT NULL DEFAULT 'clerk'")

    def add_user(self, name: str, password_hash: str, display_name: str = "") -> bool:
        with self._tx() as db:
            cursor = db.execute(
                "INSERT INTO users (name, password_hash, created_at, display_name) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING",
                (name, password_hash, time.time(), display_name),
            )
            return cursor.rowcount == 1

    def set_role(self, name: str, role: str) -> bool:
        """``clerk`` (inbox, calls, the fleet page to look at) or ``admin`` (also registers,
        enrols and orders terminals on the fleet page); False: no such account."""
        with self._tx() as db:
            cursor = db.execute("UPDATE users SET role = ? WHERE name = ?", (role, name))
            return cursor.rowcount == 1

    def role(self, name: str) -> str:
        found = self._all("SELECT role FROM users WHERE name = ?", (name,))
        return str(found[0][0]) if found else ""

    def set_display_name(self, name: str, display_name: str) -> bool:
        """How citizens see the clerk in a call ("Frau Weber"; "": the login name)."""
        with self._tx() as db:
            cursor = db.execute(
                "UPDATE users SET display_name = ? WHERE name = ?", (display_name, name)
            )
            return cursor.rowcount == 1

    def display_name(self, name: str) -> str:
        """The name citizens see for clerk ``name`` (their login name if none is set)."""
        rows = self._all("SELECT display_name FROM users WHERE name = ?", (name,))
        return str(rows[0][0]) if rows and rows[0][0] else name

    def set_password(self, name: str, password_hash: str) -> None:
        with self._tx() as db:
            db.execute("UPDATE users SET password_hash = ? WHERE name = ?", (password_hash, name))

    def password_hash(self, name: str) -> str | None:
        """The hash of an account that may log in (None: no such account, or disabled)."""
        rows = self._all(
            "SELECT password_hash FROM users WHERE name = ? AND disabled_at IS NULL", (name,)
        )
        return str(rows[0][0]) if rows else None

    def users(self) -> list[tuple[str, bool]]:
        """(name, enabled) of every clerk account."""
        rows = self._all("SELECT name, disabled_at IS NULL FROM users ORDER BY name")
        return [(str(n), bool(e)) for n, e in rows]

    def set_user_enabled(self, name: str, enabled: bool) -> bool:
        """Disable (ending every session of the account at once) or enable; False: no such
        account."""
        with self._tx() as db:
            cursor = db.execute(
                "UPDATE users SET disabled_at = ? WHERE name = ?",
                (None if enabled else time.time(), name),
            )
            if not enabled:
                db.execute("DELETE FROM clerk_sessions WHERE user = ?", (name,))
            return cursor.rowcount == 1

    def remove_user(self, name: str) -> bool:
        """Remove an account and its sessions; the history keeps the name it wrote."""
        with self._tx() as db:
            db.execute("DELETE FROM clerk_sessions WHERE user = ?", (name,))
            return db.execute("DELETE FROM users WHERE name = ?", (name,)).rowcount == 1

    def create_session(
        self, token_sha256: str, user: str, csrf_token: str, expires_at: float
    ) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM clerk_sessions WHERE expires_at < ?", (time.time(),))
            db.execute(
                "INSERT INTO clerk_sessions VALUES (?, ?, ?, ?, ?)",
                (token_sha256, user, csrf_token, time.time(), expires_at),
            )

    def session(self, token_sha256: str) -> tuple[str, str, float, float] | None:
        """(user, CSRF token, created at, idle expiry) of a session of an enabled account."""
        rows = self._all(
            "SELECT s.user, s.csrf_token, s.created_at, s.expires_at FROM clerk_sessions s "
            "JOIN users u ON u.name = s.user "
            "WHERE s.token_sha256 = ? AND u.disabled_at IS NULL",
            (token_sha256,),
        )
        if not rows:
            return None
        user, csrf, created, expires = rows[0]
        return str(user), str(csrf), float(created), float(expires)

    def extend_session(self, token_sha256: str, expires_at: float) -> None:
        with self._tx() as db:
            db.execute(
                "UPDATE clerk_sessions SET expires_at = ? WHERE token_sha256 = ?",
                (expires_at, token_sha256),
            )

    def delete_session(self, token_sha256: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM clerk_sessions WHERE token_sha256 = ?", (token_sha256,))
