"""Attachments whose submission never came are deleted after a while.

A terminal sends a submission's photos first and its document last. Photos whose document
never arrives — the item was refused and dead-lettered at the terminal, or a leaked credential
uploads photos and nothing else — would stay forever. They are deleted
:data:`ORPHAN_MAX_AGE_S` after they arrived (longer than any terminal is offline with a
half-sent submission: ``MAX_OFFLINE`` is 30 days too), at start and then once a day on a
supervised thread.
"""

from __future__ import annotations

import logging
import time

from common.supervised import SupervisedThread, WorkerReport
from hub.store import Store, StoreError

log = logging.getLogger(__name__)

ORPHAN_MAX_AGE_S = 30 * 24 * 3600.0
PURGE_EVERY_S = 24 * 3600.0


class OrphanPurge:
    def __init__(
        self, store: Store, max_age_s: float = ORPHAN_MAX_AGE_S, every_s: float = PURGE_EVERY_S
    ) -> None:
        self._store = store
        self._max_age_s = max_age_s
        self._every_s = every_s
        self._due = 0.0  # time.monotonic() of the next purge
        # A database that cannot be used now is the environment's fault, not a bug.
        self._thread = SupervisedThread(
            "orphan-purge", self.step, environment=(StoreError, OSError)
        )

    def purge(self, now: float | None = None) -> int:
        """Purge now; how many attachments went."""
        now = time.time() if now is None else now
        count = self._store.purge_orphan_attachments(now - self._max_age_s)
        if count:
            log.info("deleted %d attachments whose submission never came", count)
        self._due = time.monotonic() + self._every_s
        return count

    def step(self) -> float:
        """The thread's step: purge when due; the seconds until the next one."""
        wait = self._due - time.monotonic()
        if wait > 0:
            return wait
        self.purge()
        return self._every_s

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._thread.stop()

    def report(self) -> WorkerReport:
        return self._thread.report()
