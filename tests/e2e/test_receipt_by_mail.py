"""End to end: the printer is out of paper, the citizen asks for the receipt by e-mail; the real
kiosk UI, a real hub process, a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from drivers.printer.simulated import SimulatedPrinter
from tests.e2e.test_kiosk_to_clerk import fill_appointment_request
from tests.support.configs import demo_config
from tests.support.hub_runner import HubRunner
from tests.support.printer_stack import qr_texts
from tests.support.smtp import MailSink, body
from tests.ui.conftest import KioskDriver
from ui.models.enums import DeliveryState

Make = Callable[..., KioskDriver]


@pytest.fixture
def hub_and_mail(tmp_path: Path) -> Iterator[tuple[HubRunner, Path, Path, MailSink]]:
    with MailSink() as sink:
        runner = HubRunner(tmp_path / "hub")
        credential, key = runner.setup(terminal_id="demo-terminal-01")
        runner.start(
            "--smtp-host", "127.0.0.1", "--smtp-port", str(sink.port),
            "--mail-from", "buergerservice@musterstadt.example",
        )  # fmt: skip
        yield runner, credential, key, sink
        runner.stop()


def test_receipt_by_mail_when_the_printer_is_out_of_paper(
    make_kiosk: Make, tmp_path: Path, hub_and_mail: tuple[HubRunner, Path, Path, MailSink]
) -> None:
    runner, credential, key, sink = hub_and_mail
    config = demo_config(tmp_path / "data", hub_url=runner.url)
    shutil.copy(credential, config.hub.credential_file)
    shutil.copy(key, config.hub.public_key)
    config = dataclasses.replace(
        config, status_url=runner.url + "/status/{tracking}", receipt_email=True
    )
    k = make_kiosk(config=config)
    printer = k.ui.terminal.devices.printer
    assert isinstance(printer, SimulatedPrinter)
    printer.paper = 0

    k.click("startButton")
    k.wait_screen("home")
    k.click("tile_termin")
    k.wait_screen("service")
    k.wait_for("receiptOnScreenNotice")
    k.click("proceedButton")
    fill_appointment_request(k)
    k.wait_for("receiptEmailInput")
    k.type_into("receiptEmailInput", "erika.mustermann@example")
    k.click("consentToggle")
    k.click("submitButton")
    # A mistake in the address is shown before anything is sent.
    k.wait_for("receiptEmailProblem")
    k.shot("review-receipt-email-problem")
    assert k.screen == "review"
    k.type_into("receiptEmailInput", "erika.mustermann@example.org")
    k.qtbot.waitUntil(lambda: not k.exists("receiptEmailProblem"))
    k.shot("review-receipt-email")
    k.click("submitButton")
    k.wait_screen("done")
    code = k.text_of("trackingNumber")
    k.qtbot.waitUntil(
        lambda: k.ui.models.done.property("deliveryState") == DeliveryState.Value.Sent,
        timeout=15000,
    )
    k.wait_for("statusQr")
    k.wait_for("receiptMailMessage")
    shot = k.shot("done-receipt-on-screen-and-by-mail")
    assert qr_texts(shot) == [f"{runner.url}/status/{code}"]

    [mail] = sink.wait_for(1)
    assert mail["To"] == "erika.mustermann@example.org"
    assert code in mail["Subject"]
    assert f"{runner.url}/status/{code}" in body(mail)
    # The terminal forgot the address once the submission was stored.
    session = k.ui.terminal.session
    assert session is not None and session.receipt_email == ""
