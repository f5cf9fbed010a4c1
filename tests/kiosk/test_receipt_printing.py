"""The kiosk's PrintStation with real printers: a network printer (the virtual printer on a TCP
port) that prints but never confirms, and the station's own status timer."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest

from drivers.printer.base import PrinterStatus, PrintOutcome, PrintResult
from drivers.printer.escpos_printer import EscposPrinter
from drivers.printer.settings import Connection, PrinterSettings
from drivers.printer.simulated import SimulatedPrinter
from drivers.printer.transport import open_transport
from drivers.printer.virtual.printer import VirtualPrinter
from drivers.printer.virtual.server import VirtualPrinterServer
from kiosk.printing import PrintStation
from kiosk.scheduling import ManualScheduler, TimerHandle
from tests.drivers.printer.conftest import receipt

CONFIRM_TIMEOUT_S = 2.0


@pytest.fixture
def unconfirming() -> Iterator[VirtualPrinterServer]:
    virtual = VirtualPrinter()
    virtual.set_faults(ignores_gs_r=True)
    with VirtualPrinterServer(virtual) as server:
        yield server


def print_once(station: PrintStation, scheduler: ManualScheduler) -> tuple[PrintResult, float]:
    results: list[PrintResult] = []
    start = time.monotonic()
    station.print(receipt(), results.append)
    scheduler.wait_for(lambda: bool(results))
    return results[0], time.monotonic() - start


def test_a_printer_that_never_confirms_prints_without_a_wait(
    unconfirming: VirtualPrinterServer,
) -> None:
    settings = PrinterSettings(
        connection=Connection.NETWORK,
        port=unconfirming.port,
        status_timeout_s=0.5,
        job_timeout_s=20.0,
        confirm_timeout_s=CONFIRM_TIMEOUT_S,
    )
    printer = EscposPrinter(open_transport(settings), settings)
    scheduler = ManualScheduler()
    station = PrintStation(printer, scheduler)
    station.start()
    scheduler.wait_for(lambda: station.answers >= 1)
    assert station.status is PrinterStatus.READY
    assert printer.confirms is False  # found out before any citizen
    for count in (1, 2):
        result, took = print_once(station, scheduler)
        assert result.outcome is PrintOutcome.PRINTED_UNCONFIRMED
        assert took < CONFIRM_TIMEOUT_S
        assert len(unconfirming.printer.wait_for_printouts(count)) == count
        assert station.status is PrinterStatus.READY
    station.close()
    printer.close()


class FiredTimersRaise(ManualScheduler):
    """Cancelling a timer that has already fired raises, as QtScheduler's did (its QTimer is
    deleted once fired): the station must not keep such handles."""

    def call_later(self, name: str, delay_s: float, callback: Callable[[], None]) -> TimerHandle:
        fired: list[bool] = []

        def fire() -> None:
            fired.append(True)
            callback()

        inner = super().call_later(name, delay_s, fire)

        class Handle:
            def cancel(self) -> None:
                if fired:
                    raise RuntimeError("Internal C++ object (QTimer) already deleted.")
                inner.cancel()

        return Handle()


def test_the_status_timer_is_not_cancelled_after_it_fired() -> None:
    scheduler = FiredTimersRaise()
    station = PrintStation(SimulatedPrinter(), scheduler, poll_s=30.0)
    station.start()
    scheduler.wait_for(lambda: station.answers >= 1)
    scheduler.advance(30.0)  # the timer fires and asks again
    scheduler.wait_for(lambda: station.answers >= 2)
    # A citizen starts a service: asked again now, the next poll rescheduled.
    station.refresh()
    scheduler.wait_for(lambda: station.answers >= 3)
    assert scheduler.pending_timers() == ["printer-status"]
    station.close()
