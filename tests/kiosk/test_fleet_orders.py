"""The hub's orders reach the terminal with the answer to its health report (issue 16): an
administrator disables a terminal (its out-of-order screen shows, a restart keeps it so, the
queue still drains) and enables it again; the hub sees each order confirmed."""

from __future__ import annotations

import contextlib
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.availability import DISABLE_CHECK_S, Availability, OutOfServiceReason
from kiosk.config import KioskConfig
from tests.hub.conftest import CLERK_PASSWORD
from tests.hub.test_inbox import login
from tests.kiosk.conftest import Kiosk, MakeKiosk
from tests.support.configs import demo_config
from tests.support.hub_runner import HubRunner
from wire.orders import Order

TERMINAL = "demo-terminal-01"


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[tuple[HubRunner, Path, Path]]:
    runner = HubRunner(tmp_path / "hub")
    credential, key = runner.setup(terminal_id=TERMINAL)
    runner.cli("users", "add", "clerk", "--password-stdin", stdin=CLERK_PASSWORD + "\n")
    runner.start()
    yield runner, credential, key
    runner.stop()


def until(k: Kiosk, condition: Callable[[], bool], timeout_s: float = 60.0) -> None:
    """Wait for ``condition`` while the terminal's own timers run (the manual clock moves on
    in steps: the decommissioning looks again every few seconds)."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        k.scheduler.advance(DISABLE_CHECK_S)
        with contextlib.suppress(TimeoutError):
            k.scheduler.wait_for(condition, timeout_s=0.3)


def set_up_for(runner: HubRunner, credential: Path, key: Path, tmp_path: Path) -> KioskConfig:
    """The demo terminal's configuration with the hub's address, credential and key."""
    config = demo_config(tmp_path / "data", hub_url=runner.url)
    shutil.copy(credential, config.hub.credential_file)
    shutil.copy(key, config.hub.public_key)
    return config


def orders(runner: HubRunner) -> list[tuple[str, bool]]:
    return [
        (kind, done is not None)
        for kind, done in runner.rows(
            "SELECT kind, done_at FROM terminal_orders WHERE superseded_at IS NULL ORDER BY id"
        )
    ]


def test_the_hub_disables_a_terminal_and_enables_it_again(
    make_kiosk: MakeKiosk, tmp_path: Path, hub: tuple[HubRunner, Path, Path]
) -> None:
    runner, credential, key = hub
    config = set_up_for(runner, credential, key, tmp_path)
    runner.cli("terminals", "disable", TERMINAL)
    assert orders(runner) == [("disable", False)]
    clerk, _ = login(runner)  # type: ignore[arg-type]
    assert "Auftrag „außer Betrieb nehmen“ wartet" in clerk.get(runner.url + "/fleet").text
    k = make_kiosk(config=config)
    # The first report's answer carries the order: out of order, with the town hall's contact.
    k.wait_for(lambda: k.terminal.reason is OutOfServiceReason.DISABLED)
    assert k.terminal.availability is Availability.OUT_OF_SERVICE
    assert k.terminal.catalogue is not None  # (its contact shows on the screen)
    # The next report (after the hub's 10 s) confirms it, and says the terminal is disabled.
    k.wait_for(lambda: orders(runner) == [("disable", True)])
    [(report,)] = runner.rows("SELECT report FROM terminal_health")
    assert '"disabled":true' in report
    page = clerk.get(runner.url + "/fleet").text
    assert "außer Betrieb (Rathaus)" in page and "wartet" not in page
    # A restart keeps it out of order.
    k.terminal.shutdown()
    again = make_kiosk(config=config)
    again.wait_for(lambda: again.terminal.reason is OutOfServiceReason.DISABLED)
    # Enabled: carried out with the next report's answer (here: at once, not after 5 min).
    runner.cli("terminals", "enable", TERMINAL)
    again.terminal.outbound.report_soon()
    again.wait_for(lambda: again.terminal.availability is Availability.IN_SERVICE)
    assert again.terminal.reason is None and not again.terminal.orders.disabled
    again.wait_for(lambda: orders(runner)[-1] == ("enable", True))


def test_a_citizen_in_the_middle_of_a_visit_finishes_before_the_terminal_goes_out_of_order(
    make_kiosk: MakeKiosk,
) -> None:
    from tests.kiosk.journeys import start_service

    k = make_kiosk()
    s = start_service(k, "maengel-melden")
    k.terminal.orders.carry_out((Order(1, "disable"), Order(2, "self_destruct")))
    assert k.terminal.availability is Availability.IN_SERVICE  # the citizen goes on
    s.request_cancel()
    s.confirm_cancel()
    k.scheduler.advance(10)
    assert k.terminal.reason is OutOfServiceReason.DISABLED
    k.terminal.orders.carry_out((Order(3, "enable"),))
    assert k.terminal.availability is Availability.IN_SERVICE


def test_a_decommissioned_terminal_delivers_confirms_wipes_and_is_refused(
    make_kiosk: MakeKiosk, tmp_path: Path, hub: tuple[HubRunner, Path, Path]
) -> None:
    import hashlib
    import json

    import requests

    from offline_queue.outbox import Outbox
    from offline_queue.parcel import DATA_PART, Parcel, Part
    from tests.hub.conftest import termin
    from wire.api import PROBE_PATH
    from wire.sealing import load_public_key, seal

    runner, credential, key = hub
    token = credential.read_text().strip()
    config = set_up_for(runner, credential, key, tmp_path)
    # One submission still queued when the order comes: it is delivered first.
    doc = termin(TERMINAL)
    data = json.dumps(doc).encode()
    body = seal(data, load_public_key(key), "application/json").encode()
    outbox = Outbox(config.data_dir / "outbox.sqlite")
    outbox.enqueue(Parcel(doc["id"], hashlib.sha256(data).hexdigest(), (Part(DATA_PART, body),)))
    outbox.close()
    runner.cli("terminals", "decommission", TERMINAL, "--yes")
    k = make_kiosk(config=config)
    until(k, lambda: k.terminal.reason is OutOfServiceReason.NOT_ENROLLED)
    # Delivered before the wipe; confirmed; the hub refuses the terminal from now on.
    assert runner.rows("SELECT id FROM submissions") == [(doc["id"],)]
    assert orders(runner) == [("decommission", True)]
    assert runner.rows("SELECT revoked_at IS NOT NULL FROM terminals") == [(1,)]
    answer = requests.get(
        runner.url + PROBE_PATH,
        params={"nonce": "n" * 16},
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    assert answer.status_code == 401
    # Nothing of its service is kept: queue, credential, the hub's key.
    assert not (config.data_dir / "outbox.sqlite").exists()
    assert not config.hub.credential_file.exists() and not config.hub.public_key.exists()
    # A restart stays unenrolled (a technician must enrol it again).
    k.terminal.shutdown()
    again = make_kiosk(config=config)
    until(again, lambda: again.terminal.reason is OutOfServiceReason.NOT_ENROLLED)


def test_decommissioning_waits_for_the_citizen_and_an_old_terminal_s_word_is_not_enough(
    make_kiosk: MakeKiosk, tmp_path: Path
) -> None:
    import json

    import requests

    from tests.kiosk.journeys import start_service
    from wire.api import HEALTH_PATH, MEDIA_TYPE_JSON

    # The terminal's side: a citizen in the middle of a visit is not cut off, and nothing is
    # confirmed (let alone wiped) while they are there.
    k = make_kiosk()
    s = start_service(k, "maengel-melden")
    k.terminal.orders.carry_out((Order(5, "decommission"),))
    k.scheduler.advance(30)
    assert k.terminal.availability is Availability.IN_SERVICE and s.screen is not None
    assert 5 not in k.terminal.outbound._orders_done
    s.request_cancel()
    s.confirm_cancel()
    k.scheduler.advance(30)
    assert k.terminal.reason is OutOfServiceReason.DISABLED
    # (No hub here: the confirmation waits for one; nothing is wiped without its answer.)
    assert (k.terminal.config.data_dir / "decommissioning").read_text().split() == [
        "5",
        "confirmed",
    ]
    assert k.terminal.reason is not OutOfServiceReason.NOT_ENROLLED
    # The same order again (the hub names it until confirmed): taken up once.
    k.terminal.orders.carry_out((Order(5, "decommission"),))
    assert list(k.terminal.outbound._orders_done).count(5) == 1
    # Enable while decommissioning: ignored (decommissioning is for good).
    k.terminal.orders.carry_out((Order(6, "enable"),))
    assert k.terminal.reason is OutOfServiceReason.DISABLED

    # The hub's side: a terminal that confirms without saying it is out of order with an
    # empty queue (an older one confirms orders it does not know) is not retired.
    runner = HubRunner(tmp_path / "hub")
    credential, _ = runner.setup(terminal_id=TERMINAL)
    runner.start()
    try:
        runner.cli("terminals", "decommission", TERMINAL, "--yes")
        [(order_id,)] = runner.rows("SELECT id FROM terminal_orders")
        report = {
            "schema": "pop.health/1", "software_version": "0.9", "connection": "online",
            "depth": 0, "oldest_age_s": 0, "orders_done": [order_id],
        }  # fmt: skip
        answer = requests.put(
            runner.url + HEALTH_PATH.format(terminal_id=TERMINAL),
            data=json.dumps(report),
            headers={
                "Authorization": f"Bearer {credential.read_text().strip()}",
                "Content-Type": MEDIA_TYPE_JSON,
            },
            timeout=10,
        )
        assert answer.status_code == 200
        assert answer.json()["orders"] == [{"id": order_id, "kind": "decommission"}]
        assert orders(runner) == [("decommission", False)]
        assert runner.rows("SELECT revoked_at FROM terminals") == [(None,)]
    finally:
        runner.stop()


def test_a_confirmation_whose_answer_was_lost_still_ends_in_the_wipe(
    make_kiosk: MakeKiosk,
) -> None:
    import dataclasses

    from offline_queue.delivery import Connection

    k = make_kiosk()
    data = k.terminal.config.data_dir
    # Confirmed before (the answer lost, or a restart in between), and now refused: the hub
    # has it. The wipe is due.
    (data / "decommissioning").write_text("9 confirmed\n")
    k.terminal.orders.disable()
    equipment = k.terminal.equipment
    equipment.hub = dataclasses.replace(equipment.hub, connection=Connection.REFUSED)
    k.terminal.decommissioning.step()
    assert k.terminal.reason is OutOfServiceReason.NOT_ENROLLED
    assert (data / "decommissioned").exists() and not (data / "decommissioning").exists()


def test_nothing_is_wiped_while_the_queue_holds_something(make_kiosk: MakeKiosk) -> None:
    import hashlib

    from offline_queue.parcel import DATA_PART, Parcel, Part

    k = make_kiosk()
    data = k.terminal.config.data_dir
    outbox = k.terminal.outbound.outbox
    assert outbox is not None
    outbox.enqueue(Parcel("sid-1", hashlib.sha256(b"x").hexdigest(), (Part(DATA_PART, b"x"),)))
    (data / "decommissioning").write_text("9 confirmed\n")
    k.terminal.decommissioning.wipe()
    assert not (data / "decommissioned").exists()
    assert (data / "outbox.sqlite").exists()
    assert k.terminal.reason is not OutOfServiceReason.NOT_ENROLLED


def test_a_damaged_decommissioning_mark_does_nothing(make_kiosk: MakeKiosk) -> None:
    k = make_kiosk()
    (k.terminal.config.data_dir / "decommissioning").write_text("not a number\n")
    k.terminal.decommissioning.step()
    k.terminal.decommissioning.wipe()
    assert k.terminal.availability is Availability.IN_SERVICE


def test_dead_letters_hold_the_decommissioning_until_they_are_handed_over(
    make_kiosk: MakeKiosk, caplog: pytest.LogCaptureFixture
) -> None:
    import hashlib

    from offline_queue.parcel import DATA_PART, Parcel, Part

    k = make_kiosk()
    outbox = k.terminal.outbound.outbox
    assert outbox is not None
    outbox.enqueue(Parcel("sid-1", hashlib.sha256(b"x").hexdigest(), (Part(DATA_PART, b"x"),)))
    assert outbox.dead_letter_by_id("sid-1", "HTTP 422 invalid-submission")
    k.terminal.orders.carry_out((Order(8, "decommission"),))
    with caplog.at_level("WARNING"):
        k.scheduler.advance(30)
    assert "dead letters to hand over" in caplog.text
    assert 8 not in k.terminal.outbound._orders_done  # nothing confirmed, nothing dropped
    assert outbox.stats().dead_letters == 1


def test_a_restart_order_waits_for_the_citizen_and_the_restarted_terminal_confirms_it(
    make_kiosk: MakeKiosk, tmp_path: Path, hub: tuple[HubRunner, Path, Path]
) -> None:
    from kiosk.hub_orders import RESTART_MARKER
    from tests.kiosk.journeys import start_service

    runner, credential, key = hub
    config = set_up_for(runner, credential, key, tmp_path)
    k = make_kiosk(config=config)
    restarts: list[float] = []
    k.terminal.on_restart = lambda: restarts.append(k.scheduler.now)
    s = start_service(k, "maengel-melden")  # a citizen is at the terminal
    runner.cli("terminals", "restart", TERMINAL)
    k.terminal.outbound.report_soon()
    # (the manual clock stands still meanwhile: the citizen is not timed out)
    k.scheduler.wait_for(lambda: (config.data_dir / RESTART_MARKER).exists(), timeout_s=40.0)
    k.scheduler.advance(DISABLE_CHECK_S)
    assert restarts == []  # not in the middle of their visit
    s.request_cancel()
    s.confirm_cancel()
    until(k, lambda: bool(restarts))
    assert orders(runner) == [("restart", False)]
    # The program starts again (main.py runs it anew): its first report confirms the order.
    k.terminal.shutdown()
    again = make_kiosk(config=config)
    again.terminal.on_restart = lambda: restarts.append(-1.0)
    until(again, lambda: orders(runner) == [("restart", True)])
    assert restarts[-1] != -1.0 and not (config.data_dir / RESTART_MARKER).exists()


def test_dead_letters_are_put_back_into_the_queue_on_the_hubs_order_and_delivered(
    make_kiosk: MakeKiosk, tmp_path: Path, hub: tuple[HubRunner, Path, Path]
) -> None:
    import hashlib
    import json

    from offline_queue.outbox import Outbox
    from offline_queue.parcel import DATA_PART, Parcel, Part
    from tests.hub.conftest import termin
    from wire.sealing import load_public_key, seal

    runner, credential, key = hub
    config = set_up_for(runner, credential, key, tmp_path)
    # A submission the hub once refused (mended since): a dead letter on the terminal.
    doc = termin(TERMINAL)
    data = json.dumps(doc).encode()
    body = seal(data, load_public_key(key), "application/json").encode()
    outbox = Outbox(config.data_dir / "outbox.sqlite")
    outbox.enqueue(Parcel(doc["id"], hashlib.sha256(data).hexdigest(), (Part(DATA_PART, body),)))
    assert outbox.dead_letter_by_id(doc["id"], "HTTP 422 invalid-submission")
    outbox.close()
    k = make_kiosk(config=config)
    until(k, lambda: '"dead_letters":1' in str(runner.rows("SELECT report FROM terminal_health")))
    clerk, _ = login(runner)  # type: ignore[arg-type]
    assert "1 unzustellbar" in clerk.get(runner.url + "/fleet").text
    runner.cli("terminals", "resend-dead-letters", TERMINAL)
    k.terminal.outbound.report_soon()
    until(k, lambda: runner.rows("SELECT id FROM submissions") == [(doc["id"],)])
    until(k, lambda: orders(runner) == [("resend_dead_letters", True)])
    until(k, lambda: '"dead_letters":0' in str(runner.rows("SELECT report FROM terminal_health")))
