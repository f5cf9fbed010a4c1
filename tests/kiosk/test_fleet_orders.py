"""The hub's orders reach the terminal with the answer to its health report (issue 16): an
administrator disables a terminal (its out-of-order screen shows, a restart keeps it so, the
queue still drains) and enables it again; the hub sees each order confirmed."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.terminal import Availability, OutOfServiceReason
from tests.hub.conftest import CLERK_PASSWORD
from tests.hub.test_inbox import login
from tests.kiosk.conftest import MakeKiosk
from tests.support.configs import demo_config
from tests.support.hub_runner import HubRunner

TERMINAL = "demo-terminal-01"


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[tuple[HubRunner, Path, Path]]:
    runner = HubRunner(tmp_path / "hub")
    credential, key = runner.setup(terminal_id=TERMINAL)
    runner.cli("users", "add", "clerk", "--password-stdin", stdin=CLERK_PASSWORD + "\n")
    runner.start()
    yield runner, credential, key
    runner.stop()


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
    config = demo_config(tmp_path / "data", hub_url=runner.url)
    shutil.copy(credential, config.hub.credential_file)
    shutil.copy(key, config.hub.public_key)
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
    assert again.terminal.reason is None and not again.terminal.disabled
    again.wait_for(lambda: orders(runner)[-1] == ("enable", True))


def test_a_citizen_in_the_middle_of_a_visit_finishes_before_the_terminal_goes_out_of_order(
    make_kiosk: MakeKiosk,
) -> None:
    from tests.kiosk.journeys import start_service
    from wire.orders import Order

    k = make_kiosk()
    s = start_service(k, "maengel-melden")
    k.terminal.carry_out((Order(1, "disable"), Order(2, "self_destruct")))
    assert k.terminal.availability is Availability.IN_SERVICE  # the citizen goes on
    s.request_cancel()
    s.confirm_cancel()
    k.scheduler.advance(10)
    assert k.terminal.reason is OutOfServiceReason.DISABLED
    k.terminal.carry_out((Order(3, "enable"),))
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
    config = demo_config(tmp_path / "data", hub_url=runner.url)
    shutil.copy(credential, config.hub.credential_file)
    shutil.copy(key, config.hub.public_key)
    # One submission still queued when the order comes: it is delivered first.
    doc = termin(TERMINAL)
    data = json.dumps(doc).encode()
    body = seal(data, load_public_key(key), "application/json").encode()
    outbox = Outbox(config.data_dir / "outbox.sqlite")
    outbox.enqueue(Parcel(doc["id"], hashlib.sha256(data).hexdigest(), (Part(DATA_PART, body),)))
    outbox.close()
    runner.cli("terminals", "decommission", TERMINAL)
    k = make_kiosk(config=config)
    k.wait_for(lambda: k.terminal.reason is OutOfServiceReason.NOT_ENROLLED)
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
    again.wait_for(lambda: again.terminal.reason is OutOfServiceReason.NOT_ENROLLED)
