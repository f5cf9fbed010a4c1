"""The terminal's side of the hub's intake API: one part per request, answers classified.

This is the delivery worker's whole network seam (the httpx lesson: one narrow transport, so
tests can put a real hub or a faulty proxy behind it). ``requests`` exceptions never leave this
module; every answer becomes an :class:`Answer` with an :class:`Outcome`.

Only the hub's own answer counts. A part is delivered when the answer is the hub's
acknowledgement of exactly that part (:func:`wire.api.is_acknowledgement`: id, part, status and
the SHA-256 of the body sent). Redirects are never followed (``requests`` would follow them and
turn a PUT into a GET on 302/303): a maintenance page, a captive portal or a 200 from a proxy
is "not delivered". Only the hub's own problem documents (``application/problem+json`` with a
``type`` of :class:`wire.api.ProblemType`) are its verdict; a proxy's 413 is not.

- ``ACCEPTED`` — the hub's acknowledgement of this part (201 stored, 200 already there).
- ``RETRY`` — the path to the hub is not fit right now, for every item alike: no answer,
  timeouts, 408, 429, 502/503/504, an answer that is not the hub's (200 HTML, 3xx), an answer
  that cannot be read at all, and 401/404/405/407 (this terminal is misconfigured or not
  admitted; ``refused`` marks these so the health report can say so; a proxy's 403 too). The
  delivery worker backs off as a whole. The hub's own 403 is not among them: the hub checks
  the credential with 401, its 403 says "not this terminal's submission" — an item queued
  under an old terminal id (a renewed credential); that item is ``REJECTED``, not the queue.
- ``ITEM_RETRY`` — this item met trouble that others need not: a server error (500, 501, 505+)
  or a 4xx that is not the hub's verdict (a proxy's 413). The item waits with its own backoff
  while the items behind it go on. ``counts`` says whether the try counts towards parking the
  item as a dead letter (a server error does; a proxy's refusal does not: it heals when the
  proxy is configured, and the item must still be there then).
- ``CONFLICT`` — the hub's 409 "other content under this id": counted, then dead-lettered.
- ``RESEND`` — the hub's 409 "attachments missing": it lost parts it had confirmed; start over.
- ``REJECTED`` — every other 4xx problem of the hub's own (invalid, too large, cannot be
  opened, identity not verified, another terminal's): it will never take this item. It goes
  to the dead letters with the reason at once (never counted as "the hub fails for all").
"""

from __future__ import annotations

import email.utils
import logging
import time
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from offline_queue.credential import Credential
from offline_queue.hub_address import HubAddressError, hub_url_problem
from offline_queue.parcel import Part
from wire.api import (
    ATTACHMENT_PATH,
    DATA_PART_NAME,
    HEALTH_PATH,
    MEDIA_TYPE_JOSE,
    MEDIA_TYPE_JSON,
    MEDIA_TYPE_PROBLEM,
    SUBMISSION_PATH,
    ProblemType,
    is_acknowledgement,
)
from wire.configuration import version_in
from wire.health import HEALTH_PART_NAME
from wire.orders import Order, orders_in

if TYPE_CHECKING:
    # requests (with urllib3, ~0.1 s) is imported by the first request, on the delivery
    # thread: the configuration check (hub_url_problem) and the terminal's first frame need
    # none of it.
    import requests

log = logging.getLogger(__name__)

#: Answers that mean "the path to the hub is not fit now", whoever gives them: every item alike.
_PATH_STATUSES = {408, 429, 502, 503, 504}
#: This terminal is not admitted or points at the wrong place: every item alike, a technician acts.
_REFUSED_STATUSES = {401, 403, 404, 405, 407, 421}
#: The same among the hub's own problems. Not 403: the hub refuses a credential with 401; its
#: 403 ("not this terminal's submission") concerns one item, which must not block the queue.
_HUB_REFUSED_STATUSES = _REFUSED_STATUSES - {403}
#: Longest Retry-After we follow literally; longer ones are capped (the hub may be wrong).
MAX_RETRY_AFTER_S = 3600.0


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    RETRY = "retry"
    ITEM_RETRY = "item-retry"
    CONFLICT = "conflict"
    RESEND = "resend"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Answer:
    outcome: Outcome
    #: HTTP status, or None when no answer came (connection refused, reset, timeout).
    status: int | None = None
    retry_after_s: float | None = None
    #: Short, non-personal reason for logs, health and the dead letters ("HTTP 422
    #: invalid-submission", "not the hub's answer: HTTP 200 text/html").
    reason: str = ""
    #: The hub refuses this terminal itself (credential, address): a technician must act.
    refused: bool = False
    #: ``ITEM_RETRY`` only: the try counts towards parking the item as a dead letter.
    counts: bool = False
    #: The answer came from the hub itself (its acknowledgement or one of its problems).
    from_hub: bool = False
    #: A health report's acknowledgement: the hub's orders for this terminal (wire.orders).
    orders: tuple[Order, ...] = ()
    #: A health report's acknowledgement: the hub's newest configuration version (if any).
    configuration: int | None = None


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    # isdigit() alone is true for "²" and other non-ASCII digits that float() refuses.
    if value.isascii() and value.isdigit():
        return min(float(value), MAX_RETRY_AFTER_S)
    try:
        when = email.utils.parsedate_to_datetime(value)
        if when.tzinfo is None:
            return None
        delta = when.timestamp() - (time.time() if now is None else now)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return min(max(0.0, delta), MAX_RETRY_AFTER_S)


def _problem_type(response: requests.Response) -> ProblemType | None:
    """The hub's problem type, or None if the answer is not one of the hub's problem documents."""
    if not response.headers.get("content-type", "").startswith(MEDIA_TYPE_PROBLEM):
        return None
    body = _json(response)
    kind = body.get("type") if isinstance(body, dict) else None
    try:
        return ProblemType(kind) if isinstance(kind, str) else None
    except ValueError:
        return None  # "about:blank" and other problem documents: a proxy's, not the hub's


def _json(response: requests.Response) -> Any:
    """The answer's JSON body, or None when it is none (not JSON, nested too deep, not UTF-8)."""
    try:
        return response.json()
    except (ValueError, RecursionError):
        return None


def _media_type(response: requests.Response) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip() or "no content type"


def classify(response: requests.Response, submission_id: str, part: Part) -> Answer:
    """What the answer to sending ``part`` of ``submission_id`` means for the delivery.

    Never raises: whatever comes over the network is untrusted input, and an exception here
    would count as a fault of the item being sent (three of those park it as a dead letter).
    An answer that cannot be read is "not the hub's answer" for every item alike.
    """
    try:
        return _classify(response, submission_id, part)
    except Exception as exc:  # noqa: BLE001 — untrusted input; see the docstring
        log.warning("unreadable answer from the hub's address: %s", type(exc).__name__)
        return Answer(Outcome.RETRY, response.status_code, reason="unreadable answer")


def _classify(response: requests.Response, submission_id: str, part: Part) -> Answer:
    status = response.status_code
    if status in (200, 201):
        body = _json(response)
        name = DATA_PART_NAME if part.is_data else part.name
        if is_acknowledgement(body, submission_id, name, part.body):
            return Answer(Outcome.ACCEPTED, status, reason=f"HTTP {status}", from_hub=True)
        # A maintenance page, a captive portal, a proxy's "OK": the part is NOT delivered.
        reason = f"not the hub's answer: HTTP {status} {_media_type(response)}"
        return Answer(Outcome.RETRY, status, reason=reason)
    kind = _problem_type(response)
    retry_after = parse_retry_after(response.headers.get("retry-after"))
    if kind is None:
        return _foreign(response, retry_after)
    reason = f"HTTP {status} {kind.rsplit('/', 1)[-1]}"
    if status in _PATH_STATUSES or kind in (ProblemType.RATE_LIMITED, ProblemType.UNAVAILABLE):
        return Answer(Outcome.RETRY, status, retry_after, reason, from_hub=True)
    if status in _HUB_REFUSED_STATUSES or kind in (ProblemType.UNAUTHORIZED, ProblemType.NOT_FOUND):
        return Answer(Outcome.RETRY, status, retry_after, reason, refused=True, from_hub=True)
    if kind is ProblemType.ATTACHMENTS_MISSING:
        return Answer(Outcome.RESEND, status, reason=reason, from_hub=True)
    if kind is ProblemType.CONFLICT or status == 409:
        return Answer(Outcome.CONFLICT, status, retry_after, reason, from_hub=True)
    if 400 <= status < 500:
        # Every other 4xx problem of the hub's is its verdict on this item (invalid, identity
        # not verified, another terminal's): retrying cannot change it. A dead letter at once.
        return Answer(Outcome.REJECTED, status, reason=reason, from_hub=True)
    # The hub's own server error (or a problem that does not fit its status): this item,
    # counted, so that a poison item ends as a dead letter and does not block the queue.
    return Answer(Outcome.ITEM_RETRY, status, retry_after, reason, counts=True, from_hub=True)


def _foreign(response: requests.Response, retry_after: float | None) -> Answer:
    """An answer that is not one of the hub's documents: a proxy, a portal, a broken hub."""
    status = response.status_code
    if 300 <= status < 400:
        # Never followed: whatever is behind the redirect is not the hub's intake.
        reason = f"not the hub's answer: redirected (HTTP {status})"
        return Answer(Outcome.RETRY, status, retry_after, reason, refused=True)
    if status in _PATH_STATUSES:
        return Answer(Outcome.RETRY, status, retry_after, f"HTTP {status} from the way to the hub")
    if status in _REFUSED_STATUSES:
        reason = f"proxy/hub refuses: HTTP {status} (not the hub's answer)"
        return Answer(Outcome.RETRY, status, retry_after, reason, refused=True)
    if 400 <= status < 500:
        # nginx's 413 for a real photo is the proxy's limit, not the hub's verdict: the item
        # waits (its own backoff, never dead-lettered for this) until the proxy is fixed.
        reason = f"proxy/hub refuses: HTTP {status} (not the hub's answer)"
        return Answer(Outcome.ITEM_RETRY, status, retry_after, reason)
    if status >= 500:
        # A server error without the hub's problem document (the hub crashed on this request,
        # or a proxy's error page): this item's trouble, counted.
        reason = f"HTTP {status} (not the hub's answer)"
        return Answer(Outcome.ITEM_RETRY, status, retry_after, reason, counts=True)
    reason = f"not the hub's answer: HTTP {status} {_media_type(response)}"
    return Answer(Outcome.RETRY, status, retry_after, reason)


class HubClient:
    """Sends sealed parts to the hub. Used by one thread (the delivery worker)."""

    def __init__(
        self,
        base_url: str,
        token: str | Credential,
        *,
        connect_timeout_s: float = 5.0,
        read_timeout_s: float = 30.0,
        allow_insecure_loopback: bool = False,
    ) -> None:
        problem = hub_url_problem(base_url, allow_insecure_loopback)
        if problem is not None:
            raise HubAddressError(problem)
        if not (connect_timeout_s > 0 and read_timeout_s > 0):
            # requests raises ValueError at every send for 0: refused here, once, not per item.
            raise ValueError("hub timeouts must be more than 0 seconds")
        self.base_url = base_url.rstrip("/")
        self._timeout = (connect_timeout_s, read_timeout_s)
        self._credential = token if isinstance(token, Credential) else Credential.bearer(token)
        self._http: requests.Session | None = None
        #: The terminal id the credential names (None: not shaped like one; the hub refuses).
        self.terminal_id = self._credential.terminal_id

    def _session(self) -> requests.Session:
        if self._http is None:
            self._http = self._credential.session()
        return self._http

    def url_for(self, submission_id: str, part: Part) -> str:
        if part.is_data:
            path = SUBMISSION_PATH.format(submission_id=submission_id)
        else:
            path = ATTACHMENT_PATH.format(submission_id=submission_id, name=part.name)
        return self.base_url + path

    def send(self, submission_id: str, part: Part) -> Answer:
        http = self._session()
        import requests  # already imported by _session(): a lookup in sys.modules

        try:
            response = http.put(
                self.url_for(submission_id, part),
                data=part.body,
                headers={"Content-Type": MEDIA_TYPE_JOSE},
                timeout=self._timeout,
                # A redirect is never the hub's answer (requests would follow it, turning a
                # PUT into a GET on 302/303, and report the page behind it as success).
                allow_redirects=False,
            )
            # Read the body now, inside the try: a reset while reading it is a network fault.
            response.content  # noqa: B018
        except requests.Timeout:
            return Answer(Outcome.RETRY, reason="timeout")
        except requests.ConnectionError:
            return Answer(Outcome.RETRY, reason="no connection")
        except requests.RequestException as exc:
            return Answer(Outcome.RETRY, reason=f"transport: {type(exc).__name__}")
        return classify(response, submission_id, part)

    def send_health(self, body: bytes) -> Answer:
        """Send this terminal's health report (:mod:`wire.health`, JSON, not sealed: it holds
        no personal data). ``ACCEPTED`` only on the hub's acknowledgement; anything else is
        ``RETRY`` with a reason (the report is news, not a parcel: the next one replaces it)."""
        if self.terminal_id is None:
            return Answer(Outcome.RETRY, reason="credential names no terminal", refused=True)
        url = self.base_url + HEALTH_PATH.format(terminal_id=self.terminal_id)
        http = self._session()
        import requests  # already imported by _session(): a lookup in sys.modules

        try:
            response = http.put(
                url,
                data=body,
                headers={"Content-Type": MEDIA_TYPE_JSON},
                timeout=self._timeout,
                allow_redirects=False,
            )
            response.content  # noqa: B018
        except requests.Timeout:
            return Answer(Outcome.RETRY, reason="timeout")
        except requests.ConnectionError:
            return Answer(Outcome.RETRY, reason="no connection")
        except requests.RequestException as exc:
            return Answer(Outcome.RETRY, reason=f"transport: {type(exc).__name__}")
        status = response.status_code
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        if status in (200, 201):
            answer: Any = _json(response)
            if is_acknowledgement(answer, self.terminal_id, HEALTH_PART_NAME, body):
                return Answer(
                    Outcome.ACCEPTED,
                    status,
                    reason=f"HTTP {status}",
                    from_hub=True,
                    orders=orders_in(answer),
                    configuration=version_in(answer),
                )
            reason = f"not the hub's answer: HTTP {status} {_media_type(response)}"
            return Answer(Outcome.RETRY, status, reason=reason)
        kind = _problem_type(response)
        if kind is None:
            reason = f"HTTP {status} (not the hub's answer)"
            return Answer(Outcome.RETRY, status, retry_after, reason)
        reason = f"HTTP {status} {kind.rsplit('/', 1)[-1]}"
        return Answer(Outcome.RETRY, status, retry_after, reason, from_hub=True)

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
