"""A network printer that prints but never confirms (GS r), on the real QML done screen: the
citizen is told "printed, not confirmed" at once, and the receipt stays on the screen."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from drivers.printer.settings import Connection, PrinterSettings
from drivers.printer.virtual.printer import VirtualPrinter
from drivers.printer.virtual.server import VirtualPrinterServer
from kiosk.config import DeviceChoice
from tests.support.configs import demo_config
from tests.support.printer_stack import qr_texts
from tests.ui.conftest import KioskDriver

#: Long waits: a citizen who waited for either would fail the test's five seconds.
CONFIRM_TIMEOUT_S = 15.0
JOB_TIMEOUT_S = 20.0


@pytest.fixture
def unconfirming() -> Iterator[VirtualPrinterServer]:
    virtual = VirtualPrinter()
    virtual.set_faults(ignores_gs_r=True)
    with VirtualPrinterServer(virtual) as server:
        yield server


def test_printed_but_not_confirmed_is_said_promptly_with_the_receipt_on_screen(
    make_kiosk: Callable[..., KioskDriver], tmp_path: Path, unconfirming: VirtualPrinterServer
) -> None:
    config = demo_config(tmp_path / "data")
    settings = PrinterSettings(
        connection=Connection.NETWORK,
        port=unconfirming.port,
        status_timeout_s=0.5,
        job_timeout_s=JOB_TIMEOUT_S,
        confirm_timeout_s=CONFIRM_TIMEOUT_S,
    )
    config = dataclasses.replace(
        config,
        devices=dataclasses.replace(
            config.devices, printer=DeviceChoice.REAL, printer_settings=settings
        ),
    )
    k = make_kiosk(config=config)
    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_unterlagen-nachreichen")
    k.wait_screen("service")
    assert not k.exists("receiptOnScreenNotice")  # the printer can print
    k.hand_in_a_page()
    k.click("consentToggle")
    start = time.monotonic()
    k.click("submitButton")
    k.wait_screen("done")
    k.qtbot.waitUntil(lambda: "nicht bestätigen" in k.text_of("printMessage"), timeout=5000)
    assert time.monotonic() - start < 5
    # The receipt came out on the printer…
    [printout] = unconfirming.printer.wait_for_printouts(1)
    session = k.ui.terminal.session
    assert session is not None
    assert session.tracking_number in printout.text.replace("\n", "")
    # …and, unconfirmed, it is on the screen as well: QR code and number.
    k.wait_for("statusQr")
    assert not k.exists("reprintButton")  # printing again would make a second one
    shot = k.shot("done-printed-not-confirmed")
    assert qr_texts(shot) == [session.status_link]
    k.click("finishButton")
    k.wait_screen("attract")
