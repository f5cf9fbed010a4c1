"""The terminal's probe of the hub: a cheap "are you there?" while the way to the hub fails.

The delivery worker backs off its real sends exponentially (up to 5 minutes) when the way to
the hub fails; sending a whole item again to find out whether the hub is back would cost a
photo's upload each time. Instead it asks :data:`wire.api.PROBE_PATH` every ~20 s
(:class:`offline_queue.backoff.ProbePolicy`) and sends at once when the hub answers.

The same rules as for a part (:mod:`offline_queue.hub_client`): the request carries the
terminal's credential, redirects are never followed, the environment's proxies are ignored,
and only the hub's own answer counts — JSON naming this terminal and echoing a fresh random
nonce (:func:`wire.api.is_probe_answer`), so that no portal, proxy or cache can say "ready" in
the hub's place. Anything else is ``RETRY`` with a reason and the ``Retry-After`` it carried.
"""

from __future__ import annotations

import logging
import math
import random
import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from offline_queue.backoff import ProbePolicy
from offline_queue.credential import Credential
from offline_queue.hub_address import HubAddressError, hub_url_problem
from offline_queue.hub_client import Answer, Outcome, parse_retry_after
from wire.api import PROBE_PATH, is_probe_answer

if TYPE_CHECKING:
    import requests

log = logging.getLogger(__name__)


class HubProbe:
    """Asks the hub whether it takes submissions now. Used by one thread (the delivery worker)."""

    def __init__(
        self,
        base_url: str,
        token: str | Credential,
        *,
        connect_timeout_s: float = 5.0,
        read_timeout_s: float = 5.0,
        allow_insecure_loopback: bool = False,
    ) -> None:
        problem = hub_url_problem(base_url, allow_insecure_loopback)
        if problem is not None:
            raise HubAddressError(problem)
        self.url = base_url.rstrip("/") + PROBE_PATH
        self._credential = token if isinstance(token, Credential) else Credential.bearer(token)
        self._terminal_id = self._credential.terminal_id
        self._timeout = (connect_timeout_s, read_timeout_s)
        self._http: requests.Session | None = None

    def _session(self) -> requests.Session:
        if self._http is None:
            self._http = self._credential.session()
        return self._http

    def __call__(self) -> Answer:
        """``ACCEPTED`` when the hub itself answered that it takes submissions now."""
        import requests

        if self._terminal_id is None:
            return Answer(Outcome.RETRY, reason="credential names no terminal", refused=True)
        nonce = secrets.token_urlsafe(18)
        try:
            response = self._session().get(
                self.url,
                params={"nonce": nonce},
                timeout=self._timeout,
                # A redirect is never the hub's answer (a portal's login page would be "OK").
                allow_redirects=False,
            )
            response.content  # noqa: B018 - read inside the try: a reset here is the network's
        except requests.Timeout:
            return Answer(Outcome.RETRY, reason="probe: timeout")
        except requests.ConnectionError:
            return Answer(Outcome.RETRY, reason="probe: no connection")
        except requests.RequestException as exc:
            return Answer(Outcome.RETRY, reason=f"probe: transport: {type(exc).__name__}")
        body: Any = None
        if response.status_code == 200:
            try:
                body = response.json()
            except (ValueError, RecursionError):
                body = None  # a page, not JSON: not the hub's answer
        if is_probe_answer(body, self._terminal_id, nonce):
            return Answer(Outcome.ACCEPTED, 200, reason="probe: HTTP 200", from_hub=True)
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        status = response.status_code
        return Answer(Outcome.RETRY, status, retry_after, f"probe: HTTP {status}")

    def close(self) -> None:
        if self._http is not None:
            self._http.close()


class Pause:
    """The delivery worker's pause while the way to the hub is down, and the probes that may
    end it early. Used by the worker's thread only."""

    def __init__(
        self,
        probe: Callable[[], Answer] | None,
        policy: ProbePolicy,
        rng: random.Random,
        monotonic: Callable[[], float],
    ) -> None:
        self._probe = probe
        self._policy = policy
        self._rng = rng
        self._monotonic = monotonic
        #: Nothing is sent before this (monotonic seconds) unless a probe finds the hub.
        self._until = 0.0
        #: The next probe (monotonic; inf: none during this pause).
        self._probe_at = math.inf
        #: The last pause was ended by a probe, and nothing got through since. If the send
        #: that followed failed the same way (small GETs pass, the upload does not: a slow
        #: uplink, a proxy's 502 on large bodies), the next pause runs its full backoff
        #: without probes, or a metered link would carry the same upload every ~20 s.
        self._woken_by_probe = False

    def start(self, delay: float, retry_after_s: float | None, *, probe: bool) -> float:
        """Send nothing for ``delay`` seconds; with ``probe``, ask the hub meanwhile (never
        sooner than ``retry_after_s``). Returns the seconds until the first probe or the end."""
        mono = self._monotonic()
        if self._woken_by_probe:
            probe = False
            self._woken_by_probe = False
        self._until = mono + delay
        self._probe_at = (
            mono + self._policy.delay(self._rng, retry_after_s)
            if probe and self._probe is not None
            else math.inf
        )
        return min(self._until, self._probe_at) - mono

    def delivered(self) -> None:
        """Something got through: the next outage may be probed from its first pause."""
        self._woken_by_probe = False

    def on(self, mono: float) -> bool:
        return mono < self._until

    def wait(self, mono: float) -> float | None:
        """Seconds still to wait at ``mono``; None: send now (over, or the hub answered)."""
        if mono >= self._until:
            return None
        if mono >= self._probe_at:
            assert self._probe is not None
            answer = self._probe()
            if answer.outcome is Outcome.ACCEPTED:
                log.info("hub answers again: sending now")
                self._until, self._probe_at = 0.0, math.inf
                self._woken_by_probe = True
                return None
            self._probe_at = mono + self._policy.delay(self._rng, answer.retry_after_s)
        return min(self._until, self._probe_at) - mono

    def close(self) -> None:
        close = getattr(self._probe, "close", None)
        if close is not None:
            close()
