"""The receipt by e-mail: offered only where the municipality enables it and only while the
printer cannot print; the address travels in the sealed submission and is not kept."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from drivers.printer.base import PrinterStatus, PrintOutcome
from drivers.printer.settings import PrinterSettings
from drivers.printer.simulated import SimulatedPrinter
from kiosk.session import Screen
from tests.kiosk.conftest import Kiosk, MakeKiosk, simulated_devices
from tests.kiosk.journeys import JOURNEYS, submit, submit_and_print, to_review
from tests.support.configs import demo_config

TERMIN = next(j for j in JOURNEYS if j.service_id == "termin")


def kiosk_with(make_kiosk: MakeKiosk, tmp_path: Path, *, email: bool, paper: int) -> Kiosk:
    devices = simulated_devices()
    devices.printer = SimulatedPrinter(paper=paper)
    config = dataclasses.replace(demo_config(tmp_path / "data"), receipt_email=email)
    return make_kiosk(devices=devices, config=config)


@pytest.mark.parametrize(("email", "paper"), [(False, 0), (True, 100)])
def test_not_offered_unless_enabled_and_needed(
    make_kiosk: MakeKiosk, tmp_path: Path, email: bool, paper: int
) -> None:
    k = kiosk_with(make_kiosk, tmp_path, email=email, paper=paper)
    to_review(k, TERMIN)
    s = k.session
    assert not s.offers_receipt_email
    s.set_receipt_email("erika@example.org")  # whatever the UI might send
    submit(k)
    assert s.screen is Screen.DONE
    [payload] = k.stored_payloads()
    assert "receipt_email" not in payload


def test_offered_when_the_printer_cannot_print(make_kiosk: MakeKiosk, tmp_path: Path) -> None:
    k = kiosk_with(make_kiosk, tmp_path, email=True, paper=0)
    to_review(k, TERMIN)
    s = k.session
    assert s.receipt_on_screen
    assert s.offers_receipt_email
    s.set_receipt_email("erika@example")
    submit(k)
    assert s.screen is Screen.REVIEW  # nothing sent with a broken address
    assert s.receipt_email_invalid
    assert k.stored_payloads() == []
    s.set_receipt_email("  erika.mustermann@example.org ")
    assert not s.receipt_email_invalid
    submit(k)
    assert s.screen is Screen.DONE
    [payload] = k.stored_payloads()
    assert payload["receipt_email"] == "erika.mustermann@example.org"
    assert s.receipt_mail_requested
    assert s.receipt_email == ""  # not kept on the terminal
    s.finish()
    assert not s.receipt_mail_requested


def test_an_empty_address_is_fine(make_kiosk: MakeKiosk, tmp_path: Path) -> None:
    k = kiosk_with(make_kiosk, tmp_path, email=True, paper=0)
    to_review(k, TERMIN)
    submit(k)
    assert k.session.screen is Screen.DONE
    [payload] = k.stored_payloads()
    assert "receipt_email" not in payload
    assert not k.session.receipt_mail_requested


def test_a_typed_address_stays_when_the_printer_comes_back(
    make_kiosk: MakeKiosk, tmp_path: Path
) -> None:
    k = kiosk_with(make_kiosk, tmp_path, email=True, paper=0)
    to_review(k, TERMIN)
    s = k.session
    s.set_receipt_email("erika@example.org")
    printer = k.terminal.devices.printer
    assert isinstance(printer, SimulatedPrinter)
    printer.paper = 100  # a technician changed the roll meanwhile
    s.print_station.refresh()
    k.wait_for(lambda: s.print_station.can_print)
    assert not s.receipt_on_screen
    assert s.offers_receipt_email  # what the citizen typed is not dropped silently
    submit(k)
    [payload] = k.stored_payloads()
    assert payload["receipt_email"] == "erika@example.org"


def test_an_unconfirmed_print_shows_the_receipt_on_screen_too(
    make_kiosk: MakeKiosk, tmp_path: Path
) -> None:
    devices = simulated_devices()
    # A model that cannot say whether it printed (like a CUPS queue or a device node).
    devices.printer = SimulatedPrinter(settings=PrinterSettings(status_queries=False))
    k = make_kiosk(devices=devices)
    to_review(k, TERMIN)
    submit_and_print(k)
    s = k.session
    assert s.print_result is not None
    assert s.print_result.outcome is PrintOutcome.PRINTED_UNCONFIRMED
    assert s.print_result.status is PrinterStatus.UNKNOWN
    assert s.show_receipt_on_screen
