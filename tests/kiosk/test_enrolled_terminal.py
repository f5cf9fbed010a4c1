"""An enrolled terminal talks to the hub with mutual TLS only: its submissions, its probe and
its status look-ups go to the hub's terminals' listener with the device certificate, and no
bearer credential is needed (or kept) any more."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.hub_link import credential, hub_probe, status_lookup
from offline_queue.hub_client import Outcome
from offline_queue.outbox import Outbox
from offline_queue.parcel import DATA_PART, Parcel, Part
from offline_queue.status_lookup import LookupOutcome
from provisioning.cli import main as provisioning
from tests.hub.conftest import termin
from tests.kiosk.conftest import MakeKiosk
from tests.support.configs import demo_config
from tests.support.hub_runner import HubRunner
from wire.sealing import load_public_key, seal

TERMINAL = "demo-terminal-01"


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[tuple[HubRunner, Path]]:
    runner = HubRunner(tmp_path / "hub", tls=True)
    _, key = runner.setup(terminal_id=TERMINAL)
    runner.start()
    yield runner, key
    runner.stop()


def test_an_enrolled_terminal_delivers_probes_and_looks_up_over_mutual_tls(
    make_kiosk: MakeKiosk, tmp_path: Path, hub: tuple[HubRunner, Path]
) -> None:
    runner, key = hub
    # The configuration still names no hub and holds no credential: enrolment brings both.
    config = demo_config(tmp_path / "data")
    shutil.copy(key, config.hub.public_key)
    out = runner.cli("terminals", "enrol", TERMINAL, "--hub-url", runner.url)
    invitation = next(x for x in out.splitlines() if x.startswith("invitation: ")).split(" ")[1]
    err = io.StringIO()
    assert (
        provisioning(
            ["--data-dir", str(config.data_dir), "enrol", "--invitation", invitation],
            io.StringIO(),
            err,
        )
        == 0
    ), err.getvalue()
    url, proof = credential(config.hub)
    assert url == runner.terminal_url and proof is not None and proof.mutual_tls
    assert not config.hub.credential_file.exists()

    doc = termin(TERMINAL)
    sid, data = doc["id"], json.dumps(doc).encode()
    body = seal(data, load_public_key(key), "application/json").encode()
    outbox = Outbox(config.data_dir / "outbox.sqlite")
    assert outbox.enqueue(Parcel(sid, hashlib.sha256(data).hexdigest(), (Part(DATA_PART, body),)))
    outbox.close()
    k = make_kiosk(config=config)
    k.wait_for(lambda: runner.rows("SELECT id FROM submissions") == [(sid,)])
    k.wait_for(lambda: k.terminal.delivery_status.depth == 0)

    probe = hub_probe(config.hub)
    assert probe is not None and probe().outcome is Outcome.ACCEPTED
    lookup = status_lookup(config.hub)
    assert lookup is not None
    assert lookup.look_up("7K3M-Q9XD-2AF8").outcome is LookupOutcome.UNKNOWN


def test_an_enrolled_terminal_rings_the_desk_over_mutual_tls(
    tmp_path: Path, hub: tuple[HubRunner, Path]
) -> None:
    import queue

    from kiosk.call.link import CallEvent, CallPhase
    from kiosk.hub_link import call_dialer

    runner, _ = hub
    config = demo_config(tmp_path / "data")
    out = runner.cli("terminals", "enrol", TERMINAL, "--hub-url", runner.url)
    invitation = next(x for x in out.splitlines() if x.startswith("invitation: ")).split(" ")[1]
    assert (
        provisioning(
            ["--data-dir", str(config.data_dir), "enrol", "--invitation", invitation],
            io.StringIO(),
            io.StringIO(),
        )
        == 0
    )
    dialer = call_dialer(config.hub)
    assert dialer is not None and dialer.hub_url == runner.terminal_url
    events: queue.Queue[CallEvent] = queue.Queue()
    link = dialer.dial(events.put, None)
    link.start("Frage", "de")
    try:
        # Nobody at the desk: queued (the socket to the terminals' listener, certificate and
        # all, is up), not refused.
        found = events.get(timeout=20)
        assert found.phase is CallPhase.QUEUED, found
        assert found.clerks == 0
    finally:
        link.hang_up()


def enrol_into(runner: HubRunner, data_dir: Path) -> None:
    out = runner.cli("terminals", "enrol", TERMINAL, "--hub-url", runner.url)
    invitation = next(x for x in out.splitlines() if x.startswith("invitation: ")).split(" ")[1]
    err = io.StringIO()
    code = provisioning(
        ["--data-dir", str(data_dir), "enrol", "--invitation", invitation], io.StringIO(), err
    )
    assert code == 0, err.getvalue()


def test_the_terminal_renews_its_certificate_when_a_third_of_its_life_is_left(
    make_kiosk: MakeKiosk, tmp_path: Path, hub: tuple[HubRunner, Path]
) -> None:
    from kiosk.certificate_renewal import CHECK_AFTER_S, CHECK_EVERY_S
    from provisioning.identity import DeviceIdentity
    from provisioning.renewal import RENEW_WHEN_LEFT
    from tests.support.clock import FrozenClock

    runner, key = hub
    config = demo_config(tmp_path / "data")
    shutil.copy(key, config.hub.public_key)
    enrol_into(runner, config.data_dir)
    identity = DeviceIdentity(config.hub.identity_dir)
    first = identity.certificate()
    expires = identity.expires()
    assert first is not None and expires is not None
    # Long before expiry: the look a minute after start finds nothing to do.
    clock = FrozenClock(expires - 2 * RENEW_WHEN_LEFT)
    k = make_kiosk(config=config, clock=clock)
    k.scheduler.advance(CHECK_AFTER_S + 1)
    k.scheduler.drain()
    assert identity.certificate() == first
    # A third of its life left: the next look renews it, over mutual TLS.
    clock.set(expires - RENEW_WHEN_LEFT + dt.timedelta(hours=1))
    k.scheduler.advance(CHECK_EVERY_S + 1)
    k.wait_for(lambda: identity.certificate() != first)
    renewed = identity.certificate()
    assert renewed is not None and renewed.serial_number != first.serial_number
    assert runner.rows("SELECT COUNT(*) FROM device_certificates") == [(2,)]
    # The renewed certificate is the one the terminal talks with from now on.
    probe = hub_probe(config.hub)
    assert probe is not None and probe().outcome is Outcome.ACCEPTED
    # The hub away when the next renewal is due: said in the log, tried again later.
    runner.stop()
    renewed_expires = identity.expires()
    assert renewed_expires is not None
    clock.set(renewed_expires - RENEW_WHEN_LEFT + dt.timedelta(hours=1))
    k.scheduler.advance(CHECK_EVERY_S + 1)
    renewal = k.terminal._renewal
    assert renewal is not None
    k.wait_for(lambda: "cannot be reached" in renewal.problem)
    assert identity.certificate() == renewed


def test_only_an_enrolled_terminal_renews_and_only_its_own(
    tmp_path: Path, hub: tuple[HubRunner, Path]
) -> None:
    import requests

    from provisioning.identity import DeviceIdentity
    from provisioning.renewal import RenewalError, renew
    from wire.enrolment import RENEWAL_PATH

    runner, _ = hub
    with pytest.raises(RenewalError, match="not enrolled"):
        renew(DeviceIdentity(tmp_path / "nobody"))
    enrol_into(runner, tmp_path / "data")
    identity = DeviceIdentity(tmp_path / "data" / "identity")
    assert renew(identity) > dt.datetime.now(dt.UTC)
    # Another terminal's path, with this certificate: refused.
    answer = requests.post(
        runner.terminal_url + RENEWAL_PATH.format(terminal_id="village-99"),
        json={"csr": identity.signing_request()},
        cert=(str(identity.cert_file), str(identity.key_file)),
        verify=str(identity.ca_file),
        timeout=10,
    )
    assert answer.status_code == 403 and "its own" in answer.json()["detail"]
    # On the browsers' port nobody asks for the certificate: no renewal there.
    answer = requests.post(
        runner.url + RENEWAL_PATH.format(terminal_id=TERMINAL),
        json={"csr": identity.signing_request()},
        verify=str(identity.ca_file),
        timeout=10,
    )
    assert answer.status_code == 403 and "terminals' port" in answer.json()["detail"]
