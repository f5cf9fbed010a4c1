"""The hub judges a submission's dates by the municipality's day when it was made.

``submitted_at`` is an instant (the terminal sends UTC); the day it falls on is taken in the
catalogue's time zone, as the terminal does. Just after local midnight in Europe/Berlin the UTC
date is still yesterday's: the hub used it and refused forms the terminal had accepted. The
instants are derived from the clock (the next local midnight after now).
"""

from __future__ import annotations

import pytest

from tests.hub.conftest import LiveHub, termin
from tests.support.clock import FrozenClock, after_last_midnight, demo_catalogue

ZONE = demo_catalogue().time_zone


@pytest.mark.parametrize("minutes", [0, 5, 59], ids=["at-midnight", "00:05", "00:59"])
@pytest.mark.parametrize(("days", "status"), [(0, 422), (1, 201), (60, 201), (61, 422)])
def test_dates_count_from_the_municipality_s_day_at_submission(
    live_hub: LiveHub, minutes: int, days: int, status: int
) -> None:
    clock = FrozenClock(after_last_midnight(ZONE, minutes=minutes))
    assert clock.now.date() < clock.today()  # UTC has yesterday's date
    doc = termin(live_hub.terminal_id, submitted_at=clock.now.isoformat())
    doc["form"]["preferred_date"] = clock.day(days).isoformat()  # termin: 1 to 60 days ahead
    r = live_hub.put_data(doc)
    assert r.status_code == status, r.text


@pytest.mark.parametrize(
    "submitted_at",
    [
        "0001-01-01T00:30:00+14:00",  # before the calendar begins, once moved to Europe/Berlin
        "9999-12-31T12:00:00+00:00",  # today + 60 days (the preferred date's bound) is past it
    ],
)
def test_a_submission_at_the_calendar_s_edge_is_refused_not_a_server_error(
    live_hub: LiveHub, submitted_at: str
) -> None:
    doc = termin(live_hub.terminal_id, submitted_at=submitted_at)
    r = live_hub.put_data(doc)
    assert r.status_code == 422, r.text
