"""The wall clock in tests: terminals get a clock the test holds, and dates are counted from it.

No test types a calendar date that can expire: every date a form needs is "the municipality's
today + n days" by the clock the terminal under test uses. The clock stands still unless a test
moves it, so a run across midnight cannot make a date computed a moment ago invalid.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from catalogue.loader import load_catalogue
from catalogue.model import Catalogue
from tests.support.configs import ROOT

#: Where every test clock starts, unless a test sets another instant: now, once per run.
#: ``POP_TEST_DAYS_AHEAD=400`` runs the suite's terminals as if it were 400 days later: a test
#: that types a date that will expire fails now instead of on that day.
RUN_STARTED = datetime.now(UTC) + timedelta(days=float(os.environ.get("POP_TEST_DAYS_AHEAD", "0")))


@cache
def demo_catalogue() -> Catalogue:
    return load_catalogue(ROOT / "catalogues" / "musterstadt.yaml")


class FrozenClock:
    """A :data:`kiosk.scheduling.Clock` that moves only when told to."""

    def __init__(self, at: datetime = RUN_STARTED) -> None:
        self.now = at

    def __call__(self) -> datetime:
        return self.now

    def set(self, at: datetime) -> None:
        self.now = at

    def today(self, catalogue: Catalogue | None = None) -> date:
        """The municipality's date at this clock's instant."""
        return (catalogue or demo_catalogue()).today(self.now)

    def day(self, days: int, catalogue: Catalogue | None = None) -> date:
        return self.today(catalogue) + timedelta(days=days)

    def german(self, days: int, catalogue: Catalogue | None = None) -> str:
        """``TT.MM.JJJJ`` of today + ``days``, as a citizen types it."""
        return self.day(days, catalogue).strftime("%d.%m.%Y")


def after_next_midnight(
    zone: ZoneInfo, minutes: float = 5, after: datetime = RUN_STARTED
) -> datetime:
    """``minutes`` past the first midnight in ``zone`` after ``after``, in UTC: the moment at
    which the local date is a day ahead of the UTC date in zones east of Greenwich."""
    local = after.astimezone(zone)
    midnight = datetime.combine(local.date() + timedelta(days=1), time(0), zone)
    return (midnight + timedelta(minutes=minutes)).astimezone(UTC)


def after_last_midnight(
    zone: ZoneInfo, minutes: float = 5, before: datetime = RUN_STARTED
) -> datetime:
    """``minutes`` past the latest midnight in ``zone`` such that the moment is not after
    ``before``, in UTC: the same local-ahead-of-UTC moment as :func:`after_next_midnight`, but
    in the past, so that a hub (which refuses submissions from the future) takes it."""
    local = before.astimezone(zone)
    midnight = datetime.combine(local.date(), time(0), zone)
    moment = midnight + timedelta(minutes=minutes)
    if moment > before:
        moment = datetime.combine(local.date() - timedelta(days=1), time(0), zone) + timedelta(
            minutes=minutes
        )
    return moment.astimezone(UTC)
