"""A terminal's dead letters are visible at the hub (issue 12): the terminal core's delivery
worker reports its health to a real hub process, which shows it on the clerks' fleet page and
counts it in ``/healthz``."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from offline_queue.outbox import Outbox
from offline_queue.parcel import DATA_PART, Parcel, Part
from tests.hub.conftest import CLERK_PASSWORD
from tests.hub.test_inbox import login
from tests.kiosk.conftest import MakeKiosk
from tests.offline_queue.terminal_child import submission
from tests.support.configs import demo_config
from tests.support.hub_runner import HubRunner
from wire.health import parse_health
from wire.sealing import load_public_key, seal

TERMINAL = "demo-terminal-01"


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[tuple[HubRunner, Path, Path]]:
    runner = HubRunner(tmp_path / "hub")
    credential, key = runner.setup(terminal_id=TERMINAL)
    runner.cli("users", "add", "clerk", "--password-stdin", stdin=CLERK_PASSWORD + "\n")
    runner.start()
    yield runner, credential, key
    runner.stop()


def refused_parcel(key_file: Path) -> Parcel:
    """A submission whose form does not fit its service: the hub's answer is 422, for good."""
    sid, data, _ = submission(0, TERMINAL)
    doc = json.loads(data)
    doc["form"] = {"category": "gibt-es-nicht"}
    doc["attachments"] = []
    plain = json.dumps(doc).encode()
    body = seal(plain, load_public_key(key_file), "application/json").encode()
    return Parcel(sid, hashlib.sha256(plain).hexdigest(), (Part(DATA_PART, body),))


def test_a_dead_letter_shows_on_the_hub_s_fleet_page(
    make_kiosk: MakeKiosk, tmp_path: Path, hub: tuple[HubRunner, Path, Path]
) -> None:
    runner, credential, key = hub
    config = demo_config(tmp_path / "data", hub_url=runner.url)
    shutil.copy(credential, config.hub.credential_file)
    shutil.copy(key, config.hub.public_key)
    outbox = Outbox(config.data_dir / "outbox.sqlite")
    assert outbox.enqueue(refused_parcel(key))
    outbox.close()

    k = make_kiosk(config=config)
    k.wait_for(lambda: k.terminal.delivery_status.dead_letters == 1)
    # The report after the change reaches the hub: no sleep, the hub's database is watched.
    k.wait_for(lambda: runner.rows("SELECT dead_letters FROM terminal_health") == [(1,)])
    [(stored,)] = runner.rows("SELECT report FROM terminal_health WHERE terminal_id = ?", TERMINAL)
    report = parse_health(stored.encode())
    assert report.last_dead_letter == "HTTP 422 invalid-submission"
    assert report.delivery_worker == "running"
    # The devices and the program, as the fleet page shows them (no personal data).
    # (as far as the devices had told by then: the printer's first status poll may be due)
    assert report.printer in ("ready", "unknown") and report.card_reader in ("ready", "no_reader")
    assert report.uptime_s > 0 and len(report.config_version) == 12

    clerk, _ = login(runner)  # type: ignore[arg-type]
    page = clerk.get(runner.url + "/fleet", timeout=10)
    assert page.status_code == 200
    assert "1 unzustellbar" in page.text
    assert "HTTP 422 invalid-submission" in page.text
    assert "Drucker: bereit" in page.text or "Drucker: meldet keinen Zustand" in page.text
    assert f"Konfiguration {report.config_version}" in page.text
    assert TERMINAL in page.text
    clerk.close()

    health = requests.get(runner.url + "/healthz", timeout=10).json()
    assert health["terminals_with_dead_letters"] == 1
    assert health["status"] == "ok"  # the hub is fine; the terminal needs a technician
    assert "unexpected error" not in runner.log_path.read_text()


def test_the_fleet_page_needs_a_clerk(hub: tuple[HubRunner, Path, Path]) -> None:
    runner, _, _ = hub
    r = requests.get(runner.url + "/fleet", timeout=10, allow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login"
    clerk, _ = login(runner)  # type: ignore[arg-type]
    page = clerk.get(runner.url + "/fleet", timeout=10)
    # Set up, never reported: said so, not hidden.
    assert page.status_code == 200 and "noch kein Bericht" in page.text, page.text
    clerk.close()
