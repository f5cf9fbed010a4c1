"""The receipt by e-mail: offered only where the municipality enables it and only while the
printer cannot print; the address travels in the sealed submission and is not kept."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from drivers.printer.simulated import SimulatedPrinter
from kiosk.session import Screen
from tests.kiosk.conftest import Kiosk, MakeKiosk, simulated_devices
from tests.kiosk.test_session import JOURNEYS, submit, to_review
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
