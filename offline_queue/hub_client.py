"""The terminal's side of the hub's intake API: one part per request, answers classified.

This is the delivery worker's whole network seam (the httpx lesson: one narrow transport, so
tests can put a real hub or a faulty proxy behind it). ``requests`` exceptions never leave this
module; every answer becomes an :class:`Answer` with an :class:`Outcome`:

- ``ACCEPTED`` — 200/201: the hub has the part (again, if it is a retry).
- ``RETRY`` — the network or the hub is not fit right now (no answer, timeouts, 408, 425, 429,
  5xx). Also 401/403/404/405 and redirects: those mean *this terminal* is misconfigured or not
  admitted (credential revoked, wrong URL), which every item would hit alike. Moving items to
  the dead letters would empty the queue; keeping them until a technician fixes the terminal
  loses nothing. ``refused`` marks these so the health report can say so.
- ``CONFLICT`` — 409 "other content under this id": retried a few times, then dead-lettered.
- ``RESEND`` — 409 "attachments missing": the hub lost parts it had confirmed; start over.
- ``REJECTED`` — any other 4xx: the hub will never take this item (invalid, too large, cannot
  be opened). It goes to the dead letters with the reason.
"""

from __future__ import annotations

import email.utils
import logging
import time
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import requests

from offline_queue.parcel import Part
from wire.api import ATTACHMENT_PATH, MEDIA_TYPE_JOSE, SUBMISSION_PATH, ProblemType

log = logging.getLogger(__name__)

_RETRY_STATUSES = {401, 403, 404, 405, 407, 408, 421, 425, 429}
_REFUSED_STATUSES = {401, 403, 404, 405, 407}
#: Longest Retry-After we follow literally; longer ones are capped (the hub may be wrong).
MAX_RETRY_AFTER_S = 3600.0


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    RETRY = "retry"
    CONFLICT = "conflict"
    RESEND = "resend"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Answer:
    outcome: Outcome
    #: HTTP status, or None when no answer came (connection refused, reset, timeout).
    status: int | None = None
    retry_after_s: float | None = None
    #: Short, non-personal reason for logs and the dead letters ("HTTP 422 invalid-submission").
    reason: str = ""
    #: The hub refuses this terminal itself (credential, address): a technician must act.
    refused: bool = False


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER_S)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    delta = when.timestamp() - (time.time() if now is None else now)
    return min(max(0.0, delta), MAX_RETRY_AFTER_S)


def _problem_type(response: requests.Response) -> str:
    if not response.headers.get("content-type", "").startswith("application/problem+json"):
        return ""
    try:
        body: Any = response.json()
    except ValueError:
        return ""
    kind = body.get("type") if isinstance(body, dict) else None
    return kind if isinstance(kind, str) else ""


def classify(response: requests.Response) -> Answer:
    status = response.status_code
    kind = _problem_type(response)
    reason = f"HTTP {status} {kind.rsplit('/', 1)[-1]}".strip()
    if status in (200, 201):
        return Answer(Outcome.ACCEPTED, status, reason=reason)
    retry_after = parse_retry_after(response.headers.get("retry-after"))
    if status >= 500 or status in _RETRY_STATUSES or 300 <= status < 400:
        refused = status in _REFUSED_STATUSES or 300 <= status < 400
        return Answer(Outcome.RETRY, status, retry_after, reason, refused=refused)
    if status == 409:
        if kind == ProblemType.ATTACHMENTS_MISSING:
            return Answer(Outcome.RESEND, status, reason=reason)
        return Answer(Outcome.CONFLICT, status, retry_after, reason)
    return Answer(Outcome.REJECTED, status, reason=reason)


class HubClient:
    """Sends sealed parts to the hub. Used by one thread (the delivery worker)."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        connect_timeout_s: float = 5.0,
        read_timeout_s: float = 30.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._timeout = (connect_timeout_s, read_timeout_s)
        self._http = requests.Session()
        # The environment's proxy settings are for people's browsers, not for the terminal.
        self._http.trust_env = False
        self._http.headers.update(
            {"Authorization": f"Bearer {token}", "User-Agent": "point-of-public-terminal/1"}
        )

    def url_for(self, submission_id: str, part: Part) -> str:
        if part.is_data:
            path = SUBMISSION_PATH.format(submission_id=submission_id)
        else:
            path = ATTACHMENT_PATH.format(submission_id=submission_id, name=part.name)
        return self.base_url + path

    def send(self, submission_id: str, part: Part) -> Answer:
        try:
            response = self._http.put(
                self.url_for(submission_id, part),
                data=part.body,
                headers={"Content-Type": MEDIA_TYPE_JOSE},
                timeout=self._timeout,
            )
            # Read the body now, inside the try: a reset while reading it is a network fault.
            response.content  # noqa: B018
        except requests.Timeout:
            return Answer(Outcome.RETRY, reason="timeout")
        except requests.ConnectionError:
            return Answer(Outcome.RETRY, reason="no connection")
        except requests.RequestException as exc:
            return Answer(Outcome.RETRY, reason=f"transport: {type(exc).__name__}")
        return classify(response)

    def close(self) -> None:
        self._http.close()
