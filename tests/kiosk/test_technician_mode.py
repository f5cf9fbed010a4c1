"""The service mode on the terminal (issue 16): opened only by the hidden gesture on the attract
screen and the technician PIN (hashed; locked after five wrong ones, through a restart, and
every attempt logged without its digits); there the technician runs the self-test and enrols
the terminal by a typed code or the invitation's QR code held to the camera."""

from __future__ import annotations

import dataclasses
import io
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.camera.scenes import Scene
from drivers.camera.simulated import SimulatedCamera
from kiosk.session.states import EndReason
from kiosk.technician import IDLE_S, MAX_TRIES, TechnicianMode, TechnicianStep
from provisioning.cli import main as provisioning
from provisioning.pins import PIN_FILE
from tests.kiosk.conftest import Kiosk, MakeKiosk
from tests.kiosk.journeys import start_service
from tests.support.configs import demo_config
from tests.support.hub_runner import HubRunner

PIN = "472913"


class Wall:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def set_pin(data_dir: Path, pin: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(pin + "\n"))
    err = io.StringIO()
    code = provisioning(["--data-dir", str(data_dir), "pin", "--pin-stdin"], io.StringIO(), err)
    return code, err.getvalue()


def opened_by_gesture(mode: TechnicianMode, start: float = 0.0) -> None:
    mode.corner_held()


def type_pin(k: Kiosk, mode: TechnicianMode, pin: str) -> None:
    mode.enter_pin(pin)
    k.wait_for(lambda: not mode._checking)


def test_only_the_held_corner_of_the_attract_screen_asks_for_the_pin(
    make_kiosk: MakeKiosk,
) -> None:
    k = make_kiosk()
    mode = k.terminal.technician
    start_service(k, "maengel-melden")  # a citizen at the terminal: never
    opened_by_gesture(mode, 40)
    assert mode.step is TechnicianStep.CLOSED
    session = k.terminal.session
    assert session is not None
    session.end(EndReason.CANCELLED)
    opened_by_gesture(mode, 60)
    assert mode.step is TechnicianStep.PIN
    # Left alone, it closes itself.
    k.scheduler.advance(IDLE_S + 1)
    assert mode.step is TechnicianStep.CLOSED


def test_wrong_pins_lock_the_service_mode_through_a_restart_and_are_logged_without_digits(
    make_kiosk: MakeKiosk,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    config = dataclasses.replace(demo_config(tmp_path / "data"), demo=False)
    k = make_kiosk(config=config)
    wall = Wall()
    mode = TechnicianMode(k.terminal, wall=wall)
    opened_by_gesture(mode)
    type_pin(k, mode, PIN)
    assert mode.message == "no_pin" and mode.step is TechnicianStep.PIN
    # Set over SSH: only its salted hash is kept, mode 0600.
    assert set_pin(config.data_dir, "1111", monkeypatch)[0] == 2  # too easy to guess
    assert set_pin(config.data_dir, PIN, monkeypatch) == (0, "")
    stored = (config.data_dir / PIN_FILE).read_text()
    assert PIN not in stored and stored.startswith("scrypt$")
    assert (config.data_dir / PIN_FILE).stat().st_mode & 0o777 == 0o600
    caplog.set_level(logging.INFO)
    for left in range(MAX_TRIES - 1, 0, -1):
        type_pin(k, mode, "000000")
        assert mode.message == f"wrong:{left}"
    type_pin(k, mode, "000000")
    assert mode.message == "locked:5" and mode.step is TechnicianStep.PIN
    # Locked: even the right PIN does not open it, and a restart does not unlock it.
    type_pin(k, mode, PIN)
    assert mode.message.startswith("locked:") and mode.step is TechnicianStep.PIN
    again = TechnicianMode(k.terminal, wall=wall)
    opened_by_gesture(again, 300)
    type_pin(k, again, PIN)
    assert again.message.startswith("locked:") and again.step is TechnicianStep.PIN
    # Five minutes later the right PIN opens it (and the next lock starts at five again).
    wall.now += 301
    type_pin(k, again, PIN)
    assert again.step is TechnicianStep.OPEN
    assert "wrong PIN (1 of 5)" in caplog.text and "locked for 5 min" in caplog.text
    assert "service mode opened" in caplog.text
    assert PIN not in caplog.text and "000000" not in caplog.text
    again.close()
    opened_by_gesture(again, 500)
    for _ in range(20):  # an empty or short PIN (a passer-by pressing OK) counts for nothing
        type_pin(k, again, "")
        type_pin(k, again, "12")
    assert again.message == "" and again.step is TechnicianStep.PIN
    for _ in range(MAX_TRIES):
        type_pin(k, again, "000000")
    assert again.message == "locked:5"
    # Locked again without a good PIN in between: twice as long.
    wall.now += 301
    for _ in range(MAX_TRIES):
        type_pin(k, again, "000000")
    assert again.message == "locked:10"
    # A clock far ahead when the lock was set, put right since: at most the longest lock.
    wall.now -= 10**7
    assert again.locked_for_s() <= 24 * 3600


def test_the_technician_runs_the_self_test_from_the_service_mode(make_kiosk: MakeKiosk) -> None:
    k = make_kiosk()  # (the demo: its PIN where none was set)
    mode = k.terminal.technician
    opened_by_gesture(mode)
    type_pin(k, mode, "1234")
    assert mode.step is TechnicianStep.OPEN
    mode.self_test()
    k.wait_for(lambda: k.terminal.orders.last_self_test is not None)
    assert k.terminal.orders.last_self_test is not None
    names = {check.name for check in k.terminal.orders.last_self_test[1]}
    assert {"card_reader", "printer", "disk", "turn"} <= names


@pytest.fixture
def tls_hub(tmp_path: Path) -> Iterator[HubRunner]:
    runner = HubRunner(tmp_path / "hub", tls=True)
    runner.setup("village-01")
    runner.start()
    yield runner
    runner.stop()


def enrolment(runner: HubRunner) -> tuple[str, str, str]:
    """(code, CA fingerprint, invitation) as the fleet page or the command line shows them."""
    out = runner.cli("terminals", "enrol", "village-01", "--hub-url", runner.url)
    lines = dict(line.split(": ", 1) for line in out.splitlines() if ": " in line)
    code = next(v for k, v in lines.items() if k.startswith("enrolment code"))
    return code, lines["hub CA fingerprint (SHA-256)"], lines["invitation"]


def test_the_terminal_is_enrolled_by_a_typed_code_and_restarts_to_use_it(
    make_kiosk: MakeKiosk, tmp_path: Path, tls_hub: HubRunner
) -> None:
    code, fingerprint, _ = enrolment(tls_hub)
    config = demo_config(tmp_path / "data")
    hub = dataclasses.replace(config.hub, enrol_url=tls_hub.url, enrol_ca_sha256=fingerprint)
    k = make_kiosk(config=dataclasses.replace(config, hub=hub))
    restarts: list[bool] = []
    k.terminal.on_restart = lambda: restarts.append(True)
    mode = k.terminal.technician
    opened_by_gesture(mode)
    type_pin(k, mode, "1234")
    mode.enrol("not a code")
    assert mode.message == "bad_code"
    mode.enrol(code.lower().replace("-", " "))  # as typed on the touch keyboard
    k.wait_for(lambda: not mode.enrolling)
    assert mode.message == "enrolled:village-01", mode.message
    assert (config.data_dir / "identity" / "device.pem").exists()
    k.scheduler.advance(3.5)
    assert restarts == [True] and mode.step is TechnicianStep.CLOSED
    # A used code is refused in words the technician can act on.
    opened_by_gesture(mode)
    type_pin(k, mode, "1234")
    mode.enrol(code)
    k.wait_for(lambda: not mode.enrolling)
    assert mode.message.startswith("refused:") and "used already" in mode.message


def test_the_terminal_is_enrolled_by_the_invitations_qr_code_held_to_the_camera(
    make_kiosk: MakeKiosk, tmp_path: Path, tls_hub: HubRunner
) -> None:
    _, _, invitation = enrolment(tls_hub)
    k = make_kiosk(config=demo_config(tmp_path / "data"))
    camera = k.terminal.devices.camera
    assert isinstance(camera, SimulatedCamera)
    mode = k.terminal.technician
    opened_by_gesture(mode)
    type_pin(k, mode, "1234")
    # Without a configured hub a typed code cannot be enrolled: the QR code holds the hub.
    mode.enrol("K7QM-2XDF-9PRW")
    assert mode.message == "no_hub"
    mode.scan()
    assert mode.scanning
    camera.hold(Scene.RECEIPT, invitation)
    k.wait_for(lambda: mode.enrolling or mode.message.startswith(("enrolled", "refused")))
    k.wait_for(lambda: not mode.enrolling)
    assert mode.message == "enrolled:village-01", mode.message
    assert not mode.scanning


def test_a_restart_waits_while_the_technician_works_in_the_service_mode(
    make_kiosk: MakeKiosk,
) -> None:
    from wire.orders import Order

    k = make_kiosk()
    restarts: list[bool] = []
    k.terminal.on_restart = lambda: restarts.append(True)
    mode = k.terminal.technician
    opened_by_gesture(mode)
    type_pin(k, mode, "1234")
    k.terminal.orders.carry_out((Order(9, "restart"), Order(10, "restart")))
    k.scheduler.advance(30)
    assert restarts == []  # (an enrolment may be writing the identity)
    mode.close()
    k.scheduler.advance(6)
    assert restarts == [True]  # once, for the newest order
    k.scheduler.advance(30)
    assert restarts == [True]


def test_what_the_service_mode_does_outside_its_steps(
    make_kiosk: MakeKiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    k = make_kiosk()
    mode = k.terminal.technician
    mode.enter_pin("1234")  # (closed: no PIN asked for, nothing checked)
    assert mode.step is TechnicianStep.CLOSED
    opened_by_gesture(mode)
    mode.enter_pin("1234")
    mode.close()  # (closed while the PIN is checked: it stays closed)
    k.wait_for(lambda: not mode._checking)
    assert mode.step is TechnicianStep.CLOSED
    opened_by_gesture(mode)
    type_pin(k, mode, "1234")
    camera = k.terminal.devices.camera
    monkeypatch.setattr(type(camera), "live", property(lambda self: None))
    mode.scan()
    assert mode.message == "no_camera" and not mode.scanning


def test_dead_letters_that_cannot_be_put_back_are_not_confirmed(
    make_kiosk: MakeKiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    k = make_kiosk()
    outbound = k.terminal.outbound
    assert outbound.outbox is not None
    monkeypatch.setattr(outbound.outbox, "dead_letters", lambda: 1 / 0)
    woken: list[bool] = []
    outbound.resend_dead_letters(3, lambda: woken.append(True))
    k.wait_for(lambda: True)
    k.scheduler.drain()
    assert woken == [] and 3 not in outbound._orders_done
    outbox, outbound.outbox = outbound.outbox, None
    outbound.resend_dead_letters(4, lambda: woken.append(True))  # (no outbox: nothing)
    outbound.outbox = outbox
    assert woken == []
