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
    HubClient,
    Outcome,
    classify,
    parse_retry_after,
)
from offline_queue.parcel import DATA_PART, Part
from wire.api import ProblemType, acknowledgement

SID = "3f2b8c1e-5a6d-4e7f-8a9b-0c1d2e3f4a5b"
PART = Part(DATA_PART, b"sealed-body")
PHOTO = Part("photo-1.jpg", b"sealed-photo")


def response(
    status: int,
    problem: str = "",
    retry_after: str = "",
    *,
    json_body: object = None,
    content_type: str = "",
    body: bytes = b"",
) -> requests.Response:
    r = requests.Response()
    r.status_code = status
    if problem:
        r.headers["Content-Type"] = "application/problem+json"
        r._content = json.dumps({"type": problem, "title": "t", "status": status}).encode()
    elif json_body is not None:
        r.headers["Content-Type"] = "application/json"
        r._content = json.dumps(json_body).encode()
    else:
        if content_type:
            r.headers["Content-Type"] = content_type
        r._content = body
    if retry_after:
        r.headers["Retry-After"] = retry_after
    return r


ACK = acknowledgement(SID, "data", PART.body)


@pytest.mark.parametrize(
    ("status", "problem", "outcome", "refused"),
    [
        # The network or the hub is not fit right now: try again later, every item alike.
        (408, "", Outcome.RETRY, False),
        (429, ProblemType.RATE_LIMITED, Outcome.RETRY, False),
        (502, "", Outcome.RETRY, False),
        (503, ProblemType.UNAVAILABLE, Outcome.RETRY, False),
        (504, "", Outcome.RETRY, False),
        # A server error on this request: this item waits, the others go on.
        (500, ProblemType.INTERNAL, Outcome.ITEM_RETRY, False),
        (500, "", Outcome.ITEM_RETRY, False),
        # This terminal is not admitted or misconfigured: every item would fail alike, so
        # none is dead-lettered; the health report says "refused".
        (401, ProblemType.UNAUTHORIZED, Outcome.RETRY, True),
        (403, "", Outcome.RETRY, True),  # a proxy's 403: not the hub's verdict on an item
        (404, ProblemType.NOT_FOUND, Outcome.RETRY, True),
        (405, "", Outcome.RETRY, True),
        (301, "", Outcome.RETRY, True),
        (302, "", Outcome.RETRY, True),
        (409, ProblemType.ATTACHMENTS_MISSING, Outcome.RESEND, False),
        (409, ProblemType.CONFLICT, Outcome.CONFLICT, False),
        # The hub's own verdict: it will never take this item.
        (400, ProblemType.MALFORMED, Outcome.REJECTED, False),
        (413, ProblemType.TOO_LARGE, Outcome.REJECTED, False),
        (415, ProblemType.UNSUPPORTED_MEDIA_TYPE, Outcome.REJECTED, False),
        (422, ProblemType.INVALID_SUBMISSION, Outcome.REJECTED, False),
        (422, ProblemType.UNSEALABLE, Outcome.REJECTED, False),
        (422, ProblemType.IDENTITY_NOT_VERIFIED, Outcome.REJECTED, False),
        # The hub checks the credential with 401; its 403 is "not this terminal's submission"
        # (queued under an old terminal id): this item's verdict, the queue goes on.
        (403, ProblemType.FORBIDDEN, Outcome.REJECTED, False),
        # Any other 4xx problem of the hub's is its verdict on the item as well.
        (400, ProblemType.INTERNAL, Outcome.REJECTED, False),
        # A 4xx that is not the hub's problem document (nginx's 413): not its verdict.
        (413, "", Outcome.ITEM_RETRY, False),
        (400, "", Outcome.ITEM_RETRY, False),
        (422, "about:blank", Outcome.ITEM_RETRY, False),
    ],
)
def test_classify(status: int, problem: str, outcome: Outcome, refused: bool) -> None:
    answer = classify(response(status, problem), SID, PART)
    assert answer.outcome is outcome
    assert answer.status == status
    assert answer.refused is refused
    assert str(status) in answer.reason
    if problem.startswith("/problems/"):
        assert answer.from_hub
        assert answer.reason == f"HTTP {status} {problem.rsplit('/', 1)[-1]}"
    else:
        assert not answer.from_hub


def test_only_the_hubs_acknowledgement_of_this_part_is_delivered() -> None:
    assert classify(response(201, json_body=ACK), SID, PART).outcome is Outcome.ACCEPTED
    assert classify(response(200, json_body=ACK), SID, PART).outcome is Outcome.ACCEPTED
    photo_ack = acknowledgement(SID, "photo-1.jpg", PHOTO.body)
    assert classify(response(201, json_body=photo_ack), SID, PHOTO).outcome is Outcome.ACCEPTED
    not_it = [
        response(200, content_type="text/html", body=b"<html>Wartungsarbeiten</html>"),
        response(200),  # empty
        response(200, json_body={"status": "ok"}),
        response(200, json_body={**ACK, "sha256": "0" * 64}),  # another body
        response(200, json_body={**ACK, "id": "00000000-0000-4000-8000-000000000000"}),
        response(200, json_body={**ACK, "part": "photo-1.jpg"}),
        response(200, json_body=[ACK]),
    ]
    for r in not_it:
        answer = classify(r, SID, PART)
        assert answer.outcome is Outcome.RETRY
        assert answer.reason.startswith("not the hub's answer: HTTP 200")
    html = classify(not_it[0], SID, PART)
    assert html.reason == "not the hub's answer: HTTP 200 text/html"


def test_a_proxys_4xx_is_named_as_such() -> None:
    answer = classify(response(413, content_type="text/html", body=b"<html>"), SID, PHOTO)
    assert answer.reason == "proxy/hub refuses: HTTP 413 (not the hub's answer)"
    assert not answer.counts  # never parked for the proxy's limit
    assert classify(response(500, ProblemType.INTERNAL), SID, PART).counts


def test_a_problem_body_that_is_not_json_is_not_the_hubs_verdict() -> None:
    r = response(422)
    r.headers["Content-Type"] = "application/problem+json"
    r._content = b"{not json"
    assert classify(r, SID, PART).outcome is Outcome.ITEM_RETRY


def test_an_unreadable_answer_never_raises() -> None:
    # A proxy's or a broken hub's answer is untrusted input: whatever it holds, classify
    # answers "try again later" instead of raising (which would blame the item being sent).
    deep = b"[" * 100_000
    for r in (
        response(422, content_type="application/problem+json", body=deep),
        response(200, content_type="application/json", body=deep),
        response(503, content_type="text/html", body=b"<html>", retry_after="\u00b2"),
        response(201, content_type="application/json", body=b"\xff\xfe{"),
    ):
        answer = classify(r, SID, PART)
        assert answer.outcome in (Outcome.RETRY, Outcome.ITEM_RETRY)
        assert not answer.from_hub


def test_retry_after_forms() -> None:
    assert classify(response(503, retry_after="7"), SID, PART).retry_after_s == 7
    assert parse_retry_after("0") == 0
    assert parse_retry_after(None) is None
    assert parse_retry_after("soon") is None
    assert parse_retry_after("\u00b2") is None  # isdigit() is true for it; float() is not
    assert parse_retry_after("\u0661\u0662") is None  # Arabic-Indic digits
    assert parse_retry_after("Fri, 31 Dec 99999 23:59:59 GMT") is None
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
    assert 5.0 <= backoff.delay(1, rng, 5.0, from_hub=True) <= 6.0
    assert 0.0 <= backoff.delay(1, rng, 0.0, from_hub=True) <= 1.0
    assert 3600.0 <= backoff.delay(1, rng, 3600.0, from_hub=True) <= 3601.0
    # Anyone else's may only lengthen the wait: "Retry-After: 0" from a proxy is no tight loop.
    for failures in range(1, 12):
        step = min(60.0, 2.0 ** (failures - 1))
        assert step / 2 <= backoff.delay(failures, rng, 0.0) <= step
    assert backoff.delay(1, rng, 3600.0) == 3600.0
    assert backoff.delay(10_000, rng, None) <= 60.0


def test_a_timeout_of_0_is_refused_when_the_client_is_made() -> None:
    # requests raises ValueError for it at every send, which the supervisor counted against
    # the item being sent: every item ended as a dead letter.
    with pytest.raises(ValueError, match="more than 0"):
        HubClient("https://hub.example.org", "t.s", connect_timeout_s=0)
    with pytest.raises(ValueError, match="more than 0"):
        HubClient("https://hub.example.org", "t.s", read_timeout_s=0)
