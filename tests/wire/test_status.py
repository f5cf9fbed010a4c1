"""The status answer: what the hub writes, the terminal reads, and nothing else."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from wire.status import (
    MAX_MESSAGE_CHARS,
    StatusReport,
    SubmissionStatus,
    parse_status_report,
    status_body,
)

NOW = datetime.now(UTC).replace(microsecond=0)


def test_what_the_hub_writes_the_terminal_reads() -> None:
    report = StatusReport(SubmissionStatus.DONE, "Abholbereit", NOW - timedelta(days=2), NOW)
    assert parse_status_report(status_body(report)) == report


def test_what_a_later_hub_adds_is_ignored() -> None:
    report = StatusReport(SubmissionStatus.DONE, "", NOW, NOW)
    assert parse_status_report({**status_body(report), "pickup_code": "17"}) == report


def test_anything_else_is_not_a_status() -> None:
    good = status_body(StatusReport(SubmissionStatus.RECEIVED, "", NOW, NOW))
    for broken in (
        None,
        "<html>",
        [good],
        {k: v for k, v in good.items() if k != "message"},
        {**good, "status": "lost"},
        {**good, "status": 1},
        {**good, "message": None},
        {**good, "message": "x" * (MAX_MESSAGE_CHARS + 1)},
        {**good, "received_at": "yesterday"},
        {**good, "received_at": NOW.replace(tzinfo=None).isoformat()},
        {**good, "updated_at": 0},
    ):
        assert parse_status_report(broken) is None, broken


@given(st.dictionaries(st.text(max_size=12), st.none() | st.text(max_size=40) | st.integers()))
def test_arbitrary_json_is_never_taken_for_a_status(body: dict[str, object]) -> None:
    report = parse_status_report(body)
    assert report is None or report.received_at.tzinfo is not None
