"""What the hub's request handlers share: store, key, catalogue, settings, rate limits."""

from __future__ import annotations

import ipaddress
import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import anyio
from fastapi.templating import Jinja2Templates
from joserfc.jwk import RSAKey

from catalogue.model import Catalogue
from common.supervised import WorkerReport
from drivers.card.icao.passive import TrustStore
from hub.archive import ServiceArchive
from hub.at_rest import AtRest
from hub.device_cookie import DeviceCookies
from hub.mailer import ReceiptMailer
from hub.orphans import OrphanPurge
from hub.store import Store


class RateLimiter:
    """Token bucket per key: ``burst`` requests at once, then one every ``refill_s``.

    Bounded and thread-safe: at most ``max_keys`` buckets are kept; past that the least recently
    used one is forgotten (it has had the longest time to refill, so forgetting it gives its
    owner the least). Every method holds one lock, so handlers on any thread may call it.
    """

    def __init__(self, burst: float, refill_s: float, max_keys: int = 100_000) -> None:
        self.burst = burst
        self.refill_s = refill_s
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def allow(self, key: str, now: float | None = None) -> float:
        """Take one token: 0 if allowed; otherwise the seconds until one would be there."""
        now = time.monotonic() if now is None else now
        with self._lock:
            tokens = self._tokens(key, now)
            if tokens < 1:
                self._put(key, tokens, now)
                return (1 - tokens) * self.refill_s
            self._put(key, tokens - 1, now)
            return 0.0

    def refund(self, key: str, now: float | None = None) -> None:
        """Give the token back (a login that succeeded does not count against anyone)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            self._put(key, min(self.burst, self._tokens(key, now) + 1), now)

    def __len__(self) -> int:
        with self._lock:
            return len(self._buckets)

    def _tokens(self, key: str, now: float) -> float:
        tokens, last = self._buckets.get(key, (self.burst, now))
        return min(self.burst, tokens + max(0.0, now - last) / self.refill_s)

    def _put(self, key: str, tokens: float, now: float) -> None:
        self._buckets[key] = (tokens, now)
        self._buckets.move_to_end(key)
        while len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)


class Slots:
    """At most ``size`` holders at once, and at most ``per_key`` of them with one key (one
    terminal); one more is refused at once, not queued (a queue of uploads would hold their
    bodies on disk all the same)."""

    def __init__(self, size: int, per_key: int | None = None) -> None:
        self.size = size
        self.per_key = size if per_key is None else per_key
        self._held: dict[str, int] = {}
        self._lock = threading.Lock()

    def take(self, key: str = "") -> bool:
        with self._lock:
            if sum(self._held.values()) >= self.size or self._held.get(key, 0) >= self.per_key:
                return False
            self._held[key] = self._held.get(key, 0) + 1
            return True

    def release(self, key: str = "") -> None:
        with self._lock:
            left = self._held.get(key, 0) - 1
            if left > 0:
                self._held[key] = left
            else:
                self._held.pop(key, None)

    @property
    def held(self) -> int:
        with self._lock:
            return sum(self._held.values())


#: Uploads being received or stored at once (each may hold a 13 MB body in the spool folder).
UPLOADS_AT_ONCE = 32
#: ... of them from one terminal: it sends one part at a time, so a credential that holds
#: more (slow uploads from a leaked one) cannot take every slot from the others.
UPLOADS_PER_TERMINAL = 4
#: Bytes of attachments a terminal may have waiting for their submission: two submissions'
#: worth of the largest photos. A terminal sends its photos and then at once the document,
#: so only a credential that is misused (or items that were refused after their photos
#: came) gets near it.
MAX_PENDING_ATTACHMENT_BYTES = 200 * 1024 * 1024


def client_key(host: str | None) -> str:
    """The rate-limit key of a client address: an IPv6 client is its /64 (one household or
    machine gets a whole /64, so counting single addresses would let it rotate freely)."""
    if not host:
        return "unknown"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host[:64]
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


def network_key(host: str | None) -> str | None:
    """The coarser rate-limit key of an IPv6 client: its /48, a site's usual allocation, so
    that one who rotates through the site's 65,536 /64s still meets one limit. None for IPv4
    (and anything else), whose address is already the coarsest that is fair to count."""
    try:
        address = ipaddress.ip_address(host or "")
    except ValueError:
        return None
    if not isinstance(address, ipaddress.IPv6Address) or address.ipv4_mapped is not None:
        return None
    return str(ipaddress.IPv6Network((address, 48), strict=False))


@dataclass(frozen=True)
class SessionPolicy:
    """How long a clerk's session lives: idle (no request) and at most (since login)."""

    idle_s: float = 8 * 3600
    absolute_s: float = 12 * 3600


#: Password checks at once: argon2id takes ~64 MiB and a core's worth of time each; more at
#: once only makes every login slower and the hub's memory larger. Half the cores leaves the
#: rest to intake, the inbox and status lookups.
PASSWORD_CHECKS_AT_ONCE = max(1, (os.cpu_count() or 2) // 2)
#: Logins waiting for a check; more are answered "busy" at once instead of queueing.
PASSWORD_CHECKS_WAITING = 32


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
    sessions: SessionPolicy = field(default_factory=SessionPolicy)
    at_rest: AtRest | None = None
    status_limiter: RateLimiter = field(default_factory=lambda: RateLimiter(10.0, 6.0))
    #: Status look-ups per IPv6 /48 (a site: many citizens, or one rotating its /64s).
    status_network_limiter: RateLimiter = field(default_factory=lambda: RateLimiter(60.0, 1.0))
    #: Status look-ups a terminal makes for the citizens at it (with its credential): a queue
    #: of villagers at once, then one every 2 s — 43,200 a day against 2**60 codes.
    terminal_status_limiter: RateLimiter = field(default_factory=lambda: RateLimiter(30.0, 2.0))
    #: Failed logins per client address, and per account name whatever the address: guesses
    #: spread over many addresses still meet the account's limit.
    login_limiter: RateLimiter = field(default_factory=lambda: RateLimiter(10.0, 30.0))
    #: Failed logins per IPv6 /48: rotating /64s of one site does not buy password checks.
    network_limiter: RateLimiter = field(default_factory=lambda: RateLimiter(30.0, 10.0))
    account_limiter: RateLimiter = field(default_factory=lambda: RateLimiter(10.0, 60.0))
    #: Failed logins per trusted device (hub.device_cookie): such attempts skip the account's
    #: bucket, so a stranger's guesses cannot lock the real clerk out; a stolen device cookie
    #: still meets this one.
    device_limiter: RateLimiter = field(default_factory=lambda: RateLimiter(10.0, 60.0))
    devices: DeviceCookies | None = None
    upload_slots: Slots = field(
        default_factory=lambda: Slots(UPLOADS_AT_ONCE, UPLOADS_PER_TERMINAL)
    )
    max_pending_attachment_bytes: int = MAX_PENDING_ATTACHMENT_BYTES
    #: Purges attachments whose submission never came (hub.orphans); None in bare tests.
    purge: OrphanPurge | None = None
    password_slots: anyio.CapacityLimiter = field(
        default_factory=lambda: anyio.CapacityLimiter(PASSWORD_CHECKS_AT_ONCE)
    )
    #: The hub's own CSCA trust store: the chips' evidence is verified against it.
    csca: TrustStore = field(default_factory=TrustStore)
    _seen: dict[str, float] = field(default_factory=dict)
    _seen_lock: threading.Lock = field(default_factory=threading.Lock)

    def seen(self, terminal_id: str) -> None:
        """Record contact, at most once a minute per terminal (each write is an fsync).
        Handlers call this from several threads: one of them writes."""
        now = time.monotonic()
        with self._seen_lock:
            due = now - self._seen.get(terminal_id, -1e9) > 60
            if due:
                self._seen[terminal_id] = now
        if due:
            self.store.terminal_seen(terminal_id)

    def workers(self) -> list[WorkerReport]:
        """How the hub's long-lived threads are, for the health report."""
        workers = [self.mailer.report()] if self.mailer is not None else []
        if self.purge is not None:
            workers.append(self.purge.report())
        return workers

    def device_cookies(self) -> DeviceCookies:
        if self.devices is None:
            self.devices = DeviceCookies.from_key(self.key)
        return self.devices

    def sealer(self) -> AtRest:
        if self.at_rest is None:
            self.at_rest = AtRest.from_key(self.key)
        return self.at_rest
