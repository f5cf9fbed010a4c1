"""What the hub's request handlers share: store, key, catalogue, settings, rate limits."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates
from joserfc.jwk import RSAKey

from drivers.card.icao.passive import TrustStore
from hub.archive import ServiceArchive
from hub.mailer import ReceiptMailer
from hub.store import Store
from kiosk.catalogue.model import Catalogue


@dataclass
class RateLimiter:
    """Token bucket per client: ``burst`` requests at once, then one every ``refill_s``."""

    burst: float = 10.0
    refill_s: float = 6.0
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)

    def allow(self, client: str, now: float | None = None) -> float:
        """0 if allowed; otherwise the seconds until the next request would be."""
        now = time.monotonic() if now is None else now
        if len(self._buckets) > 50_000:  # forget idle clients rather than grow without end
            self._buckets = {
                k: v for k, v in self._buckets.items() if now - v[1] < self.burst * self.refill_s
            }
        tokens, last = self._buckets.get(client, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) / self.refill_s)
        if tokens < 1:
            self._buckets[client] = (tokens, now)
            return (1 - tokens) * self.refill_s
        self._buckets[client] = (tokens - 1, now)
        return 0.0


@dataclass
class HubState:
    store: Store
    key: RSAKey
    public_jwk: dict[str, Any]
    catalogue: Catalogue
    #: Every service version the hub has loaded: submissions are checked against theirs.
    archive: ServiceArchive
    data_dir: Path
    templates: Jinja2Templates
    cookie_secure: bool = False
    #: Sends receipt mails (None: this hub sends none; they wait in the store).
    mailer: ReceiptMailer | None = None
    status_limiter: RateLimiter = field(default_factory=RateLimiter)
    login_limiter: RateLimiter = field(default_factory=lambda: RateLimiter(5.0, 30.0))
    #: The hub's own CSCA trust store: the chips' evidence is verified against it.
    csca: TrustStore = field(default_factory=TrustStore)
    _seen: dict[str, float] = field(default_factory=dict)

    def seen(self, terminal_id: str) -> None:
        """Record contact, at most once a minute per terminal (each write is an fsync)."""
        now = time.monotonic()
        if now - self._seen.get(terminal_id, -1e9) > 60:
            self._seen[terminal_id] = now
            self.store.terminal_seen(terminal_id)
