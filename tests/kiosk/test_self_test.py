"""The terminal's hardware self-test (kiosk/self_test.py), ordered by the hub: each device
checked for real — a test page printed, a camera frame judged, the hub reached with the
terminal's own credential and its clock compared — and told to the fleet page."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hub.conftest import CLERK_PASSWORD
from tests.hub.test_inbox import login
from tests.kiosk.conftest import Kiosk, MakeKiosk
from tests.support.configs import demo_config
from tests.support.hub_runner import HubRunner
from wire.health import parse_health

TERMINAL = "demo-terminal-01"


def results(k: Kiosk) -> dict[str, str]:
    k.wait_for(lambda: k.terminal.orders.last_self_test is not None)
    assert k.terminal.orders.last_self_test is not None
    return {c.name: c.result for c in k.terminal.orders.last_self_test[1]}


def test_the_demo_s_devices_pass_and_without_a_hub_that_part_is_skipped(kiosk: Kiosk) -> None:
    printer = kiosk.terminal.devices.printer
    paper_before = printer.paper  # type: ignore[attr-defined]
    kiosk.terminal.orders.self_test()
    assert results(kiosk) == {
        "card_reader": "ok",
        "printer": "ok",
        "camera": "ok",
        "hub": "skipped",
        "turn": "skipped",  # (no STUN/TURN server configured: calls go direct)
        "disk": "ok",
    }
    # The test page came out of the (simulated) printer: one receipt's paper less.
    assert printer.paper == paper_before - 1  # type: ignore[attr-defined]


def test_a_printer_without_paper_and_a_dead_camera_fail_in_words(kiosk: Kiosk) -> None:
    demo = kiosk.terminal.devices.demo
    assert demo is not None
    demo.set_printer_paper(False)
    kiosk.terminal.devices.camera.working = False  # type: ignore[attr-defined]
    kiosk.terminal.orders.self_test()
    found = results(kiosk)
    assert found["printer"] == "failed" and found["camera"] == "failed"
    assert found["card_reader"] == "ok"
    details = {c.name: c.detail for c in kiosk.terminal.orders.last_self_test[1]}  # type: ignore[index]
    assert details["printer"] == "paper_out"


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[tuple[HubRunner, Path, Path]]:
    runner = HubRunner(tmp_path / "hub")
    credential, key = runner.setup(terminal_id=TERMINAL)
    runner.cli("users", "add", "clerk", "--password-stdin", stdin=CLERK_PASSWORD + "\n")
    runner.start()
    yield runner, credential, key
    runner.stop()


def test_the_hub_orders_a_self_test_and_shows_its_results(
    make_kiosk: MakeKiosk, tmp_path: Path, hub: tuple[HubRunner, Path, Path]
) -> None:
    runner, credential, key = hub
    config = demo_config(tmp_path / "data", hub_url=runner.url)
    shutil.copy(credential, config.hub.credential_file)
    shutil.copy(key, config.hub.public_key)
    runner.cli("terminals", "self-test", TERMINAL)
    k = make_kiosk(config=config)
    found = results(k)
    assert found["hub"] == "ok" and found["clock"] == "ok" and found["printer"] == "ok"

    def reported() -> bool:
        rows = runner.rows("SELECT report FROM terminal_health")
        return bool(rows) and bool(parse_health(rows[0][0].encode()).self_test)

    k.wait_for(reported)
    k.wait_for(lambda: runner.rows("SELECT done_at IS NOT NULL FROM terminal_orders") == [(1,)])
    clerk, _ = login(runner)  # type: ignore[arg-type]
    page = clerk.get(runner.url + "/fleet").text
    assert "Selbsttest" in page and "Drucker: in Ordnung" in page
    assert "Verbindung zum Hub: in Ordnung" in page


def test_a_self_test_waits_until_no_citizen_is_at_the_terminal(kiosk: Kiosk) -> None:
    from tests.kiosk.journeys import start_service

    s = start_service(kiosk, "maengel-melden")
    kiosk.terminal.orders.self_test()
    kiosk.scheduler.advance(30)
    assert kiosk.terminal.orders.last_self_test is None  # no test page beside a citizen's receipt
    s.request_cancel()
    s.confirm_cancel()
    kiosk.scheduler.advance(10)
    assert results(kiosk)["printer"] == "ok"


def test_each_check_says_what_is_wrong(kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    from drivers.card.base import ReaderStatus
    from kiosk import self_test
    from tests.kiosk.fakes import ScriptedCamera

    terminal = kiosk.terminal
    equipment = terminal.equipment
    scheduler = kiosk.scheduler
    # No card reader.
    equipment.reader_status = ReaderStatus.NO_READER
    assert self_test._card_reader(terminal.config, equipment, scheduler) == [
        self_test.Check("card_reader", "failed", "no_reader")
    ]
    # A camera that gives stills only: nothing live to judge.
    monkeypatch.setattr(equipment.devices, "camera", ScriptedCamera())
    assert self_test._camera(terminal.config, equipment, scheduler)[0].result == "skipped"
    # A full disk (below the configured minimum).
    full = dataclasses.replace(
        terminal.config, hub=dataclasses.replace(terminal.config.hub, min_free_mb=1e12)
    )
    [disk] = self_test._disk(full, equipment, scheduler)
    assert disk.result == "failed" and "MB free" in disk.detail
    # A hub that cannot be reached, with the terminal's credential.
    credential = terminal.config.data_dir / "hub-credential"
    credential.write_text("demo-terminal-01.secret\n")
    unreachable = dataclasses.replace(
        terminal.config,
        hub=dataclasses.replace(
            terminal.config.hub,
            url="http://127.0.0.1:9",
            credential_file=credential,
            connect_timeout_s=1.0,
        ),
    )
    [hub] = self_test._hub(unreachable, equipment, scheduler)
    assert hub.result == "failed"
    # One check's own bug is its result, and the others still run.

    def broken(*_: object) -> list[self_test.Check]:
        raise KeyError("x")

    broken.__name__ = "_disk"
    monkeypatch.setattr(self_test, "_disk", broken)
    checks = self_test.run(terminal.config, equipment, scheduler)
    assert checks[-1] == self_test.Check("disk", "failed", "bug: KeyError")


def test_a_dark_camera_and_a_silent_printer_fail(
    kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    import numpy as np

    from drivers.camera.frames import Frame
    from kiosk import self_test

    terminal = kiosk.terminal
    equipment = terminal.equipment
    camera = equipment.devices.camera
    monkeypatch.setattr(
        camera, "fresh_frame", lambda: Frame(np.zeros((720, 1280, 3), np.uint8), 1, 0.0)
    )
    [dark] = self_test._camera(terminal.config, equipment, kiosk.scheduler)
    assert dark.result == "failed" and dark.detail.startswith("too dark")
    # A printer that never answers: said so after the wait, not waited on for ever.
    monkeypatch.setattr(self_test, "PRINT_WAIT_S", 0.2)
    monkeypatch.setattr(equipment.print_station, "print", lambda *a, **k: None)
    [silent] = self_test._printer(terminal.config, equipment, kiosk.scheduler)
    assert silent == self_test.Check("printer", "failed", "no answer from the printer")


def test_a_terminal_not_set_up_yet_confirms_a_self_test_with_nothing(
    make_kiosk: MakeKiosk,
) -> None:
    k = make_kiosk(boot=False)
    k.terminal.orders.self_test(order_id=4)
    assert 4 in k.terminal.outbound._orders_done and k.terminal.orders.last_self_test is None
