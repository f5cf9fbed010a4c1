"""'Today' is the municipality's, on the terminal and at the hub.

The terminal used to check dates against its machine's local date and the hub against the UTC
date of ``submitted_at``: just after local midnight (Europe/Berlin: 00:00-01:00 or 02:00, when
UTC still has yesterday's date) a form the terminal accepted was refused by the hub and
dead-lettered while the citizen held a tracking number. Both now take the day in the
catalogue's time zone. The instants are derived from the clock (the next local midnight after
now), never calendar constants.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from catalogue.validation import check_field
from kiosk.session import Delivery, EndReason, Screen
from tests.kiosk.conftest import Kiosk, MakeKiosk
from tests.support.clock import FrozenClock, after_last_midnight, demo_catalogue
from tests.support.configs import demo_config
from tests.support.hub_runner import HubRunner

ZONE = demo_catalogue().time_zone


@pytest.fixture
def machine_in_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The terminal's operating system runs in UTC (as many do); the municipality does not."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def fill_termin(k: Kiosk, preferred_date: str) -> None:
    s = k.session
    s.start()
    s.choose_service("termin")
    s.proceed()
    assert s.screen is Screen.FORM
    s.set_value("topic", "other")
    s.set_value("preferred_date", preferred_date)
    s.set_value("morning", "yes")


def test_the_terminal_counts_days_in_the_municipality_s_time_zone(
    machine_in_utc: None, make_kiosk: MakeKiosk
) -> None:
    clock = FrozenClock(after_last_midnight(ZONE))
    k = make_kiosk(clock=clock)
    local_day = clock.today()
    assert clock.now.date() < local_day  # the machine's (UTC) date is still yesterday's
    assert k.session.today() == local_day
    # termin: from tomorrow to 60 days ahead, counted from the municipality's today.
    for days, valid in ((0, False), (1, True), (60, True), (61, False)):
        fill_termin(k, clock.german(days))
        assert k.session.check_page() is valid, days
        k.session.end(EndReason.CANCELLED)


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[tuple[HubRunner, Path, Path]]:
    runner = HubRunner(tmp_path / "hub")
    credential, key = runner.setup(terminal_id="demo-terminal-01")
    runner.start()
    yield runner, credential, key
    runner.stop()


@pytest.mark.parametrize("days", [1, 60], ids=["first-day", "last-day"])
def test_a_form_filled_just_after_local_midnight_is_accepted_by_the_hub(
    machine_in_utc: None,
    make_kiosk: MakeKiosk,
    tmp_path: Path,
    hub: tuple[HubRunner, Path, Path],
    days: int,
) -> None:
    runner, credential, key = hub
    config = demo_config(tmp_path / "data", hub_url=runner.url)
    shutil.copy(credential, config.hub.credential_file)
    shutil.copy(key, config.hub.public_key)
    clock = FrozenClock(after_last_midnight(ZONE))
    k = make_kiosk(config=config, clock=clock)
    s = k.session
    fill_termin(k, clock.german(days))
    s.next_page()
    s.set_value("name", "Erika Mustermann")
    s.set_value("phone", "0221 654321")
    s.next_page()
    assert s.screen is Screen.REVIEW
    s.set_consent(True)
    s.submit()
    k.wait_for(lambda: s.screen is Screen.DONE)
    # Delivered over HTTP and stored by the hub; before, the hub refused it (422) and the
    # terminal dead-lettered it.
    k.wait_for(lambda: s.delivery is Delivery.SENT or k.terminal.delivery_status.dead_letters > 0)
    assert k.terminal.delivery_status.dead_letters == 0
    [(service, submitted_at)] = runner.rows("SELECT service_id, submitted_at FROM submissions")
    assert service == "termin"
    assert submitted_at.startswith(clock.now.date().isoformat())  # UTC: still "yesterday"


class TickingClock:
    """Frozen while the citizen fills in the form; then each reading is a microsecond later."""

    def __init__(self, at: datetime) -> None:
        self.now = at
        self.ticking = False

    def __call__(self) -> datetime:
        now = self.now
        if self.ticking:
            self.now += timedelta(microseconds=1)
        return now


def test_the_last_check_and_submitted_at_are_the_same_instant(
    make_kiosk: MakeKiosk,
) -> None:
    # Submitted as midnight passes: the dates must be checked against the day of the
    # submitted_at the hub will see, not against the reading a moment before.
    catalogue = demo_catalogue()
    midnight = after_last_midnight(ZONE, minutes=0)
    clock = TickingClock(midnight - timedelta(microseconds=1))
    k = make_kiosk(clock=clock)  # type: ignore[arg-type]
    s = k.session
    day_before = catalogue.today(clock.now)
    fill_termin(k, (day_before + timedelta(days=1)).strftime("%d.%m.%Y"))
    s.next_page()
    s.set_value("name", "Erika Mustermann")
    s.set_value("phone", "0221 654321")
    s.next_page()
    assert s.screen is Screen.REVIEW
    s.set_consent(True)
    clock.ticking = True
    s.submit()
    k.wait_for(lambda: s.screen is not Screen.SUBMITTING)
    assert s.screen is Screen.DONE
    [data] = k.stored_payloads()
    submitted = catalogue.today(datetime.fromisoformat(data["submitted_at"]))
    service = catalogue.service("termin")
    for spec in service.fields():
        assert check_field(spec, data["form"].get(spec.key), submitted) is None, spec.key
