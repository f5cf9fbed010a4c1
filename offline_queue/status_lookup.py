"""Looking up an application's status at the hub for a citizen at the terminal.

Unlike delivery this is a question asked while the citizen waits: one try, a short timeout,
and a clear outcome for the screen (found, unknown code, busy, no connection). It runs on its
own worker thread with its own HTTP session (``requests`` sessions are not shared between
threads); the terminal's credential gives it the hub's per-terminal budget (``hub/status.py``).
Only the hub's own answer counts, as for delivery: no redirects, a proxy's page is "no
connection", never a status.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from offline_queue.credential import Credential
from offline_queue.hub_address import HubAddressError, hub_url_problem
from wire.api import MEDIA_TYPE_PROBLEM, STATUS_API_PATH, ProblemType
from wire.status import StatusReport, parse_status_report

if TYPE_CHECKING:
    import requests


class LookupOutcome(StrEnum):
    FOUND = "found"
    UNKNOWN = "unknown"  # the hub knows no application by this code
    BUSY = "busy"  # too many look-ups from this terminal just now: try again in a moment
    OFFLINE = "offline"  # no answer from the hub (or not the hub's): try again later
    REFUSED = "refused"  # the hub does not admit this terminal: a technician must act


@dataclass(frozen=True)
class Lookup:
    outcome: LookupOutcome
    report: StatusReport | None = None
    retry_after_s: float | None = None
    #: For the log (never shown to citizens): what happened, without the code.
    reason: str = ""


class StatusLookup:
    """Asks the hub for one tracking code's status. Used by one thread (its worker)."""

    def __init__(
        self,
        base_url: str,
        token: str | Credential,
        *,
        connect_timeout_s: float = 5.0,
        read_timeout_s: float = 10.0,
        allow_insecure_loopback: bool = False,
    ) -> None:
        problem = hub_url_problem(base_url, allow_insecure_loopback)
        if problem is not None:
            raise HubAddressError(problem)
        self.base_url = base_url.rstrip("/")
        self._credential = token if isinstance(token, Credential) else Credential.bearer(token)
        self._timeout = (connect_timeout_s, read_timeout_s)
        self._http: requests.Session | None = None

    def _session(self) -> requests.Session:
        if self._http is None:
            self._http = self._credential.session()
        return self._http

    def look_up(self, code: str) -> Lookup:
        """The status of the application with tracking ``code`` (canonical form)."""
        import requests

        path = STATUS_API_PATH.format(code=urllib.parse.quote(code, safe=""))
        try:
            response = self._session().get(
                self.base_url + path, timeout=self._timeout, allow_redirects=False
            )
            body = _json(response)
        except requests.Timeout:
            return Lookup(LookupOutcome.OFFLINE, reason="timeout")
        except requests.ConnectionError:
            return Lookup(LookupOutcome.OFFLINE, reason="no connection")
        except requests.RequestException as exc:
            return Lookup(LookupOutcome.OFFLINE, reason=f"transport: {type(exc).__name__}")
        return _classify(response, body)

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None


def _json(response: requests.Response) -> Any:
    try:
        return response.json()
    except (ValueError, RecursionError):
        return None


def _classify(response: requests.Response, body: Any) -> Lookup:
    status = response.status_code
    if status == 200:
        report = parse_status_report(body)
        if report is None:
            return Lookup(LookupOutcome.OFFLINE, reason="HTTP 200, not the hub's answer")
        return Lookup(LookupOutcome.FOUND, report, reason="HTTP 200")
    kind = _problem_type(response, body)
    if kind is None:
        return Lookup(LookupOutcome.OFFLINE, reason=f"HTTP {status} (not the hub's answer)")
    if kind is ProblemType.NOT_FOUND:
        return Lookup(LookupOutcome.UNKNOWN, reason="HTTP 404")
    if kind is ProblemType.RATE_LIMITED:
        # The HTTP client's helpers: not imported with the outcomes the interface names.
        from offline_queue.hub_client import parse_retry_after

        retry = parse_retry_after(response.headers.get("retry-after"))
        return Lookup(LookupOutcome.BUSY, retry_after_s=retry, reason="HTTP 429")
    if kind is ProblemType.UNAUTHORIZED:
        return Lookup(LookupOutcome.REFUSED, reason="HTTP 401")
    return Lookup(LookupOutcome.OFFLINE, reason=f"HTTP {status} {kind.rsplit('/', 1)[-1]}")


def _problem_type(response: requests.Response, body: Any) -> ProblemType | None:
    if not response.headers.get("content-type", "").startswith(MEDIA_TYPE_PROBLEM):
        return None
    kind = body.get("type") if isinstance(body, dict) else None
    try:
        return ProblemType(kind) if isinstance(kind, str) else None
    except ValueError:
        return None
