"""How long the delivery worker waits: as a whole, per item, and between probes of the hub.

Split from :mod:`offline_queue.delivery` (which imports and re-exports them). All three use
"equal jitter" (half the delay fixed, half random), so that a village of terminals does not
stampede a recovering hub.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from offline_queue.hub_client import Outcome


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff with "equal jitter": half the delay fixed, half random."""

    base_s: float = 1.0
    cap_s: float = 300.0

    def delay(
        self,
        failures: int,
        rng: random.Random,
        retry_after_s: float | None,
        *,
        from_hub: bool = False,
    ) -> float:
        step = min(self.cap_s, self.base_s * 2.0 ** min(failures - 1, 30))
        delay = step / 2 + rng.uniform(0, step / 2)
        if retry_after_s is not None:
            if from_hub:
                # The hub knows best when it will be back, even beyond our own cap (the client
                # bounds it at an hour); a little jitter still spreads the terminals.
                delay = retry_after_s + rng.uniform(0, min(1.0, self.base_s))
            else:
                # A proxy's or a portal's Retry-After (0, a past date) may only lengthen the
                # wait: it must not turn the backoff into a tight loop against the hub.
                delay = max(delay, retry_after_s)
        return delay


@dataclass(frozen=True)
class ItemPolicy:
    """One item's own retries: its backoff, and when it is parked as a dead letter."""

    base_s: float = 30.0
    cap_s: float = 3600.0
    #: Counted failures (server errors on this item) before it is parked.
    max_tries: int = 8
    #: Time after its first counted failure after which it is parked at its next failure.
    max_age_s: float = 7 * 86400.0

    #: A 409 "other content under this id" cannot heal by itself: parked after this many
    #: tries, where a technician sees it.
    max_conflicts: int = 3
    #: The hub lost attachments it had confirmed: the item starts over at most this often.
    max_resends: int = 3

    def delay(self, attempts: int, rng: random.Random) -> float:
        step = min(self.cap_s, self.base_s * 2.0 ** min(max(attempts - 1, 0), 30))
        return step / 2 + rng.uniform(0, step / 2)

    def gives_up(
        self, trouble: Outcome, tries: int | None, first_failed_at: float | None, now: float
    ) -> bool:
        """Parked: ``tries`` counted failures (None: this one did not count) reached the limit
        for this kind of ``trouble`` (a conflict, a resend, else ``max_tries``), or the first
        counted failure is ``max_age_s`` old."""
        limit = {Outcome.CONFLICT: self.max_conflicts, Outcome.RESEND: self.max_resends}
        if tries is not None and tries >= limit.get(trouble, self.max_tries):
            return True
        return first_failed_at is not None and now - first_failed_at >= self.max_age_s


@dataclass(frozen=True)
class ProbePolicy:
    """While the way to the hub is down: how often the hub is probed (:mod:`offline_queue.probe`).

    The real sends keep their exponential backoff (up to :attr:`Backoff.cap_s`, 5 minutes);
    the probe, a GET without a body, comes every ``interval_s`` plus up to ``jitter_s``, so a
    recovered hub is used within ``interval_s + jitter_s`` (25 s) and a failing one gets at most
    60 / ``interval_s`` (3) probes a minute from each terminal. A ``Retry-After`` longer than
    that is followed.
    """

    interval_s: float = 20.0
    jitter_s: float = 5.0

    def delay(self, rng: random.Random, retry_after_s: float | None) -> float:
        return max(self.interval_s + rng.uniform(0, self.jitter_s), retry_after_s or 0.0)
