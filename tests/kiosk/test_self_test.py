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
    k.wait_for(lambda: k.terminal.last_self_test is not None)
    assert k.terminal.last_self_test is not None
    return {c.name: c.result for c in k.terminal.last_self_test[1]}


def test_the_demo_s_devices_pass_and_without_a_hub_that_part_is_skipped(kiosk: Kiosk) -> None:
    printer = kiosk.terminal.devices.printer
    paper_before = printer.paper  # type: ignore[attr-defined]
    kiosk.terminal.self_test()
    assert results(kiosk) == {
        "card_reader": "ok",
        "printer": "ok",
        "camera": "ok",
        "hub": "skipped",
        "disk": "ok",
    }
    # The test page came out of the (simulated) printer: one receipt's paper less.
    assert printer.paper == paper_before - 1  # type: ignore[attr-defined]


def test_a_printer_without_paper_and_a_dead_camera_fail_in_words(kiosk: Kiosk) -> None:
    demo = kiosk.terminal.devices.demo
    assert demo is not None
    demo.set_printer_paper(False)
    kiosk.terminal.devices.camera.working = False  # type: ignore[attr-defined]
    kiosk.terminal.self_test()
    found = results(kiosk)
    assert found["printer"] == "failed" and found["camera"] == "failed"
    assert found["card_reader"] == "ok"
    details = {c.name: c.detail for c in kiosk.terminal.last_self_test[1]}  # type: ignore[index]
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
    kiosk.terminal.self_test()
    kiosk.scheduler.advance(30)
    assert kiosk.terminal.last_self_test is None  # no test page beside a citizen's receipt
    s.request_cancel()
    s.confirm_cancel()
    kiosk.scheduler.advance(10)
    assert results(kiosk)["printer"] == "ok"
