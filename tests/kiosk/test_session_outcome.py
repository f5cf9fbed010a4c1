"""The session's outcome flow: storing the submission, printing the receipt."""

from __future__ import annotations

import pytest

from drivers.printer.base import PrintOutcome
from drivers.printer.simulated import SimulatedPrinter
from kiosk.session import (
    Screen,
    SubmitFailure,
)
from offline_queue.outbox import Fault, OutboxError
from tests.kiosk.conftest import MakeKiosk, simulated_devices
from tests.kiosk.fakes import (
    OutboxControl,
    ScriptedPrinter,
    disk_full,
    scripted_outbox,
)
from tests.kiosk.journeys import (
    JOURNEYS,
    PNG,
    submit,
    submit_and_print,
    to_review,
)

# --- submitting -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (disk_full(), SubmitFailure.STORAGE),
        (OutboxError(Fault.BUG, "outbox write failed: SQLITE_MISUSE"), SubmitFailure.INTERNAL),
        (RuntimeError("unexpected"), SubmitFailure.INTERNAL),
    ],
    ids=["environment", "bug", "unexpected"],
)
def test_a_failing_outbox_keeps_the_citizen_on_the_review(
    make_kiosk: MakeKiosk,
    monkeypatch: pytest.MonkeyPatch,
    failure: BaseException,
    expected: SubmitFailure,
) -> None:
    control = OutboxControl(failure)
    monkeypatch.setattr("offline_queue.outbox.Outbox", scripted_outbox(control))
    k = make_kiosk()
    journey = next(j for j in JOURNEYS if j.service_id == "sperrmuell" and j.card)
    to_review(k, journey)
    s = k.session
    values = dict(s.values)
    submit(k)
    assert control.attempts == 1
    assert s.screen is Screen.REVIEW
    assert s.submit_failure is expected
    assert s.values == values
    assert s.identity is not None
    assert s.prefilled == set(journey.prefilled)
    assert s.consent is True
    assert s.tracking_number == ""
    assert k.stored_payloads() == []
    assert "inactivity" in k.scheduler.pending_timers()
    # The technician frees the disk; the citizen tries again.
    control.failure = None
    s.submit()
    k.wait_for(lambda: s.screen is not Screen.SUBMITTING)
    assert s.screen is Screen.DONE
    [payload] = k.stored_payloads()
    assert payload["form"] == journey.form


def test_printer_out_of_paper_then_reprint(make_kiosk: MakeKiosk) -> None:
    printer = SimulatedPrinter(paper=0)
    devices = simulated_devices()
    devices.printer = printer
    k = make_kiosk(devices=devices)
    termin = next(j for j in JOURNEYS if j.service_id == "termin")
    to_review(k, termin)
    submit_and_print(k)
    s = k.session
    assert s.print_result is not None
    assert s.print_result.outcome is PrintOutcome.PAPER_OUT
    assert s.print_result.preview_png == bytearray()
    assert len(k.stored_payloads()) == 1  # the submission is safe either way
    printer.paper = 2
    s.reprint()
    assert s.printing
    k.wait_for(lambda: not s.printing)
    assert s.print_result.outcome is PrintOutcome.PRINTED
    assert bytes(s.print_result.preview_png[:8]) == PNG
    assert printer.paper == 1
    s.reprint()  # printed: nothing to do
    assert not s.printing
    assert printer.paper == 1


def test_printer_that_breaks_shows_failed(make_kiosk: MakeKiosk) -> None:
    printer = ScriptedPrinter(None, PrintOutcome.OFFLINE, PrintOutcome.PRINTED)
    devices = simulated_devices()
    devices.printer = printer
    k = make_kiosk(devices=devices)
    to_review(k, next(j for j in JOURNEYS if j.service_id == "termin"))
    submit_and_print(k)
    s = k.session
    assert s.print_result is not None
    assert s.print_result.outcome is PrintOutcome.FAILED
    for outcome in (PrintOutcome.OFFLINE, PrintOutcome.PRINTED):
        s.reprint()
        k.wait_for(lambda: not s.printing)
        assert s.print_result.outcome is outcome
    assert len(printer.receipts) == 3
