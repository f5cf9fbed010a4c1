"""*Antragsstatus* at the terminal: the tracking number is looked up at a real hub over HTTP and
the answer shown at once (it used to be filed as a request, "answer by post")."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.printer.simulated import SimulatedPrinter
from kiosk.session import Delivery, EndReason, Screen, Session
from offline_queue.status_lookup import Lookup, LookupOutcome
from tests.kiosk.conftest import Kiosk, MakeKiosk
from tests.kiosk.journeys import JOURNEYS, submit, to_review
from tests.support.configs import demo_config
from tests.support.hub_runner import HubRunner
from wire.status import SubmissionStatus
from wire.tracking import new_tracking_code

TERMIN = next(j for j in JOURNEYS if j.service_id == "termin")


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[tuple[HubRunner, Path, Path]]:
    runner = HubRunner(tmp_path / "hub")
    credential, key = runner.setup(terminal_id="demo-terminal-01")
    runner.start()
    yield runner, credential, key
    runner.stop()


def _kiosk(make_kiosk: MakeKiosk, tmp_path: Path, hub: tuple[HubRunner, Path, Path]) -> Kiosk:
    runner, credential, key = hub
    config = demo_config(tmp_path / "data", hub_url=runner.url)
    shutil.copy(credential, config.hub.credential_file)
    shutil.copy(key, config.hub.public_key)
    return make_kiosk(config=config)


def _delivered_tracking_number(k: Kiosk) -> str:
    """A citizen files a request and it reaches the hub: the code on their receipt."""
    s = k.session
    to_review(k, TERMIN)
    submit(k)
    k.wait_for(lambda: s.delivery is Delivery.SENT)
    code = s.tracking_number
    s.end(EndReason.FINISHED)
    return code


def _ask(k: Kiosk, typed: str) -> Session:
    s = k.session
    s.start()
    s.choose_service("antragsstatus")
    s.proceed()
    assert s.screen is Screen.FORM
    s.set_value("tracking_number", typed)
    s.next_page()
    assert s.screen is Screen.STATUS
    k.wait_for(lambda: not s.looking_up)
    return s


def test_the_status_of_a_delivered_application_is_shown_at_the_terminal(
    make_kiosk: MakeKiosk, tmp_path: Path, hub: tuple[HubRunner, Path, Path]
) -> None:
    k = _kiosk(make_kiosk, tmp_path, hub)
    code = _delivered_tracking_number(k)
    k.wait_for(lambda: k.terminal.delivery_status.depth == 0)
    # Typed as people type it off a receipt: lower case, spaces for dashes.
    s = _ask(k, code.lower().replace("-", " "))
    assert s.lookup is not None
    assert s.lookup.outcome is LookupOutcome.FOUND
    assert s.lookup.report is not None
    assert s.lookup.report.status is SubmissionStatus.RECEIVED
    # Nothing was filed: the look-up is a question, not a submission.
    assert k.terminal.delivery_status.depth == 0
    assert not k.stored_payloads()
    s.finish()
    assert s.screen is Screen.ATTRACT
    assert s.lookup is None  # the visit is gone


def test_an_unknown_code_is_said_so_and_can_be_corrected(
    make_kiosk: MakeKiosk, tmp_path: Path, hub: tuple[HubRunner, Path, Path]
) -> None:
    k = _kiosk(make_kiosk, tmp_path, hub)
    s = _ask(k, new_tracking_code())
    assert s.lookup is not None
    assert s.lookup.outcome is LookupOutcome.UNKNOWN
    s.back()
    assert s.screen is Screen.FORM  # to correct the typed number


def test_without_the_hub_the_citizen_is_told_and_can_ask_again(
    make_kiosk: MakeKiosk, tmp_path: Path, hub: tuple[HubRunner, Path, Path]
) -> None:
    runner = hub[0]
    k = _kiosk(make_kiosk, tmp_path, hub)
    code = _delivered_tracking_number(k)
    runner.stop()
    s = _ask(k, code)
    assert s.lookup is not None
    assert s.lookup.outcome is LookupOutcome.OFFLINE
    runner.start()
    s.retry_lookup()
    assert s.looking_up
    k.wait_for(lambda: not s.looking_up)
    assert s.lookup is not None
    assert s.lookup.outcome is LookupOutcome.FOUND
    s.retry_lookup()  # found: nothing to ask again
    assert not s.looking_up


def test_a_terminal_without_a_hub_says_it_cannot_ask(make_kiosk: MakeKiosk) -> None:
    k = make_kiosk()
    s = _ask(k, new_tracking_code())
    assert s.lookup is not None
    assert s.lookup.outcome is LookupOutcome.OFFLINE


def test_a_look_up_needs_neither_paper_nor_storage(make_kiosk: MakeKiosk) -> None:
    k = make_kiosk()
    printer = k.terminal.devices.printer
    assert isinstance(printer, SimulatedPrinter)
    printer.paper = 0
    k.terminal.equipment.print_station.refresh()
    k.wait_for(lambda: not k.terminal.equipment.print_station.can_print)
    s = k.session
    s.start()
    s.choose_service("antragsstatus")
    assert not s.receipt_on_screen  # nothing is printed for a look-up
    s.end(EndReason.CANCELLED)
    s.start()
    s.choose_service("termin")
    assert s.receipt_on_screen  # a submission's receipt would be


class _Held:
    """A status client whose answers the test hands out one by one (a slow hub)."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.answers: dict[str, threading.Event] = {}

    def look_up(self, code: str) -> Lookup:
        self.asked.append(code)
        self.answers.setdefault(code, threading.Event()).wait(10)
        return Lookup(LookupOutcome.UNKNOWN, reason=code)

    def close(self) -> None:
        pass


def test_a_late_answer_for_a_corrected_number_is_not_shown(make_kiosk: MakeKiosk) -> None:
    k = make_kiosk()
    held = _Held()
    k.terminal.equipment.status_lookup = held  # type: ignore[assignment]
    s = k.session
    s.start()
    s.choose_service("antragsstatus")
    s.proceed()
    first, second = new_tracking_code(), new_tracking_code()
    s.set_value("tracking_number", first)
    s.next_page()
    s.back()  # the citizen saw a typo and corrects it while the hub is still asked
    s.set_value("tracking_number", second)
    s.next_page()
    assert s.screen is Screen.STATUS and s.looking_up
    held.answers.setdefault(first, threading.Event()).set()
    k.wait_for(lambda: second in held.asked)
    held.answers.setdefault(second, threading.Event()).set()
    k.wait_for(lambda: not s.looking_up)
    assert s.lookup is not None
    assert s.lookup.reason == second  # the answer for the number on the screen
    assert s.lookup_code == second


def test_busy_offers_asking_again_only_after_the_hub_s_wait(make_kiosk: MakeKiosk) -> None:
    k = make_kiosk()
    busy = Lookup(LookupOutcome.BUSY, retry_after_s=8.0, reason="HTTP 429")

    class Busy:
        def look_up(self, code: str) -> Lookup:
            return busy

        def close(self) -> None:
            pass

    k.terminal.equipment.status_lookup = Busy()  # type: ignore[assignment]
    s = _ask(k, new_tracking_code())
    assert s.lookup is busy
    assert not s.can_retry_lookup
    k.scheduler.advance(8.0)
    assert s.can_retry_lookup
