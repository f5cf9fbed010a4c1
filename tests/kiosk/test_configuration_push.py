"""The hub configures its enrolled terminals (issue 16), over real mutual TLS: a terminal with
no catalogue file of its own and no hub key is brought into service by the hub's signed
configuration; a change at the hub reaches it with the next health report and is taken
between two citizens, without a restart; with the hub away it starts with the last good one."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.availability import Availability
from kiosk.configuration import installed
from kiosk.session import Screen
from kiosk.session.states import EndReason
from tests.kiosk.conftest import MakeKiosk
from tests.kiosk.test_enrolled_terminal import TERMINAL, enrol_into
from tests.kiosk.test_fleet_orders import until
from tests.support.clock import FrozenClock
from tests.support.configs import demo_config
from tests.support.hub_runner import HubRunner


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[tuple[HubRunner, Path]]:
    runner = HubRunner(tmp_path / "hub", tls=True)
    _, key = runner.setup(terminal_id=TERMINAL)
    settings(runner, inactivity_s=120)
    runner.start()
    yield runner, key
    runner.stop()


def settings(runner: HubRunner, **values: object) -> None:
    path = runner.data_dir / "terminal-settings.json"
    path.write_text(json.dumps({"languages": ["de", "en"], **values}), encoding="utf-8")


def test_the_hub_configures_an_enrolled_terminal_and_its_changes_reach_it(
    make_kiosk: MakeKiosk, tmp_path: Path, hub: tuple[HubRunner, Path]
) -> None:
    runner, key = hub
    config = demo_config(tmp_path / "data")
    config.hub.public_key.unlink()  # no key of its own: the configuration brings the hub's
    enrol_into(runner, config.data_dir)
    # The terminal's clock is the hub's (the hub's signing certificate is made now, long
    # after the test run's clock started in a long run).
    k = make_kiosk(config=config, boot=False, clock=FrozenClock(datetime.now(UTC)))
    k.terminal.boot()
    k.wait_for(lambda: k.terminal.availability is Availability.IN_SERVICE)
    first = installed(k.terminal.config)
    assert first is not None and first.version == 1
    assert k.terminal.config.catalogue_path == first.catalogue
    assert json.loads(first.hub_key.read_text("utf-8")) == json.loads(key.read_text("utf-8"))
    assert k.terminal.config.timeouts.inactivity_s == 120
    assert k.terminal.config.languages == ("de", "en")
    session = k.terminal.session
    assert session is not None
    # The fleet page's report names the version the terminal runs.
    k.terminal.outbound.report_soon()
    until(k, lambda: '"config_version":"1 · ' in report(runner))

    # The hub's settings change (a restart of the hub publishes them as version 2).
    runner.stop()
    settings(runner, inactivity_s=150)
    runner.start()
    assert runner.rows("SELECT version FROM configurations ORDER BY version") == [(1,), (2,)]
    # A citizen is at the terminal: they keep what they started with.
    session.start()
    assert session.screen is Screen.HOME
    k.terminal.outbound.report_soon()
    until(k, lambda: (installed(k.terminal.config) or first).version == 2)
    assert k.terminal.session is session and k.terminal.config.timeouts.inactivity_s == 150
    # Back at the attract screen: the next citizen gets the new configuration.
    session.end(EndReason.CANCELLED)
    until(k, lambda: k.terminal.session is not session)
    assert k.terminal.availability is Availability.IN_SERVICE
    k.terminal.outbound.report_soon()
    until(k, lambda: '"config_version":"2 · ' in report(runner))

    # The same content after another restart keeps its number: nothing is fetched again.
    runner.stop()
    runner.start()
    assert runner.rows("SELECT MAX(version) FROM configurations") == [(2,)]

    # The hub away: a restart of the terminal serves with the last good configuration.
    runner.stop()
    k.terminal.shutdown()
    again = make_kiosk(config=config, clock=FrozenClock(datetime.now(UTC)))
    again.wait_for(lambda: again.terminal.availability is Availability.IN_SERVICE)
    current = installed(again.terminal.config)
    assert current is not None and current.version == 2
    assert again.terminal.config.timeouts.inactivity_s == 150


def report(runner: HubRunner) -> str:
    found = runner.rows("SELECT report FROM terminal_health")
    return str(found[0][0]) if found else ""


def test_only_an_enrolled_terminal_over_mutual_tls_gets_its_own_configuration(
    tmp_path: Path, hub: tuple[HubRunner, Path]
) -> None:
    import requests

    from provisioning.configuration import ConfigurationError, fetch
    from provisioning.identity import DeviceIdentity
    from wire.configuration import CONFIGURATION_PATH

    runner, _ = hub
    with pytest.raises(ConfigurationError, match="not enrolled"):
        fetch(DeviceIdentity(tmp_path / "nobody"), 0)
    enrol_into(runner, tmp_path / "data")
    identity = DeviceIdentity(tmp_path / "data" / "identity")
    body = fetch(identity, 0)
    assert body is not None and b"pop.configuration/1" in body
    # The version it has: nothing to send (304).
    assert fetch(identity, 1) is None
    # Another terminal's: refused.
    answer = requests.get(
        runner.terminal_url + CONFIGURATION_PATH.format(terminal_id="village-99"),
        cert=(str(identity.cert_file), str(identity.key_file)),
        verify=str(identity.ca_file),
        timeout=10,
    )
    assert answer.status_code == 403 and "its own" in answer.json()["detail"]
    # On the browsers' port (no client certificate): refused.
    answer = requests.get(
        runner.url + CONFIGURATION_PATH.format(terminal_id=TERMINAL),
        verify=str(identity.ca_file),
        timeout=10,
    )
    assert answer.status_code == 403 and "terminals' port" in answer.json()["detail"]
