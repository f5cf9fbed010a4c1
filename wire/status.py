"""The answer to a status look-up by tracking code (``GET /api/v1/status/{code}``).

The hub writes it (``hub/status.py``) and the terminal reads it to show the citizen where their
application is. It holds the status and the clerk's message only, never personal data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

#: The clerk's message is short; anything longer is not the hub's answer.
MAX_MESSAGE_CHARS = 2000


class SubmissionStatus(StrEnum):
    """Where an application is at the town hall (the hub's ``Status``)."""

    RECEIVED = "received"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    REJECTED = "rejected"


@dataclass(frozen=True)
class StatusReport:
    status: SubmissionStatus
    message: str
    received_at: datetime
    updated_at: datetime


def status_body(report: StatusReport) -> dict[str, str]:
    """The JSON body the hub answers with."""
    return {
        "status": report.status.value,
        "message": report.message,
        "received_at": report.received_at.isoformat(timespec="seconds"),
        "updated_at": report.updated_at.isoformat(timespec="seconds"),
    }


def parse_status_report(body: Any) -> StatusReport | None:
    """The report in ``body`` (decoded JSON), or None if it is not one: a proxy's page or a
    mangled answer must never be shown to a citizen as their application's status."""
    # Keys a later hub adds are ignored: an older terminal must not read them as "offline".
    if not isinstance(body, dict) or not {"status", "message", "received_at", "updated_at"} <= set(
        body
    ):
        return None
    status, message = body["status"], body["message"]
    if not isinstance(status, str) or not isinstance(message, str):
        return None
    if len(message) > MAX_MESSAGE_CHARS:
        return None
    try:
        parsed = SubmissionStatus(status)
        received_at = _timestamp(body["received_at"])
        updated_at = _timestamp(body["updated_at"])
    except ValueError:
        return None
    return StatusReport(parsed, message, received_at, updated_at)


def _timestamp(value: object) -> datetime:
    if not isinstance(value, str) or len(value) > 40:
        raise ValueError("not a timestamp")
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError("a timestamp without its zone")
    return moment
