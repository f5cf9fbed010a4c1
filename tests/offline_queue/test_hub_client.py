"""How the terminal reads the hub's answers, and how long it waits before trying again."""

from __future__ import annotations

import email.utils
import json
import random

import pytest
import requests

from offline_queue.delivery import Backoff
from offline_queue.hub_client import (
    MAX_RETRY_AFTER_S,
    Outcome,
    classify,
    parse_retry_after,
)
from wire.api import ProblemType


def response(status: int, problem: str = "", retry_after: str = "") -> requests.Response:
    r = requests.Response()
    r.status_code = status
    if problem:
        r.headers["Content-Type"] = "application/problem+json"
        r._content = json.dumps({"type": problem, "title": "t", "status": status}).encode()
    else:
        r._content = b""
    if retry_after:
        r.headers["Retry-After"] = retry_after
    return r


@pytest.mark.parametrize(
    ("status", "problem", "outcome", "refused"),
    [
        (200, "", Outcome.ACCEPTED, False),
        (201, "", Outcome.ACCEPTED, False),
        # The network or the hub is not fit right now: try again later.
        (408, "", Outcome.RETRY, False),
        (425, "", Outcome.RETRY, False),
        (429, ProblemType.RATE_LIMITED, Outcome.RETRY, False),
        (500, ProblemType.INTERNAL, Outcome.RETRY, False),
        (502, "", Outcome.RETRY, False),
        (503, ProblemType.UNAVAILABLE, Outcome.RETRY, False),
        # This terminal is not admitted or misconfigured: every item would fail alike, so
        # none is dead-lettered; the health report says "refused".
        (401, ProblemType.UNAUTHORIZED, Outcome.RETRY, True),
        (403, ProblemType.FORBIDDEN, Outcome.RETRY, True),
        (404, ProblemType.NOT_FOUND, Outcome.RETRY, True),
        (405, "", Outcome.RETRY, True),
        (301, "", Outcome.RETRY, True),
        (409, ProblemType.ATTACHMENTS_MISSING, Outcome.RESEND, False),
        (409, ProblemType.CONFLICT, Outcome.CONFLICT, False),
        # The hub will never take this item.
        (400, ProblemType.MALFORMED, Outcome.REJECTED, False),
        (413, ProblemType.TOO_LARGE, Outcome.REJECTED, False),
        (415, ProblemType.UNSUPPORTED_MEDIA_TYPE, Outcome.REJECTED, False),
        (422, ProblemType.INVALID_SUBMISSION, Outcome.REJECTED, False),
        (422, ProblemType.UNSEALABLE, Outcome.REJECTED, False),
    ],
)
def test_classify(status: int, problem: str, outcome: Outcome, refused: bool) -> None:
    answer = classify(response(status, problem))
    assert answer.outcome is outcome
    assert answer.status == status
    assert answer.refused is refused
    assert answer.reason.startswith(f"HTTP {status}")
    if problem:
        assert answer.reason.endswith(problem.rsplit("/", 1)[-1])


def test_a_problem_body_that_is_not_json_still_classifies() -> None:
    r = response(422)
    r.headers["Content-Type"] = "application/problem+json"
    r._content = b"{not json"
    assert classify(r).outcome is Outcome.REJECTED


def test_retry_after_forms() -> None:
    assert classify(response(503, retry_after="7")).retry_after_s == 7
    assert parse_retry_after("0") == 0
    assert parse_retry_after(None) is None
    assert parse_retry_after("soon") is None
    assert parse_retry_after("99999999") == MAX_RETRY_AFTER_S
    now = 1_700_000_000.0
    date = email.utils.formatdate(now + 30, usegmt=True)
    assert parse_retry_after(date, now=now) == pytest.approx(30, abs=1)
    past = email.utils.formatdate(now - 30, usegmt=True)
    assert parse_retry_after(past, now=now) == 0


def test_backoff_grows_with_jitter_up_to_the_cap() -> None:
    backoff = Backoff(base_s=1.0, cap_s=60.0)
    rng = random.Random(7)
    for failures in range(1, 12):
        step = min(60.0, 2.0 ** (failures - 1))
        delays = [backoff.delay(failures, rng, None) for _ in range(200)]
        assert all(step / 2 <= d <= step for d in delays)
        if step > 1:
            assert len({round(d, 3) for d in delays}) > 100  # spread, not in lockstep
    # The hub's Retry-After wins, even beyond the cap (the client bounds it at an hour).
    assert 5.0 <= backoff.delay(1, rng, 5.0) <= 6.0
    assert 3600.0 <= backoff.delay(1, rng, 3600.0) <= 3601.0
    assert backoff.delay(10_000, rng, None) <= 60.0
