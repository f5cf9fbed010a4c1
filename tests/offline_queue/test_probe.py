"""A recovered hub is used within the probe interval; a failing hub is probed sparingly.

Against a real hub process over HTTP (tests/support/hub_runner.py): stopped while items wait,
the terminal backs off to its cap; started again, the queue drains within the probe interval,
not at the end of the backoff. And on virtual time with the production defaults: a failing hub
gets at most three probes a minute, a ``Retry-After`` is honoured, the real sends keep their
exponential backoff.
"""

from __future__ import annotations

import http.server
import itertools
import random
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from offline_queue.backoff import ProbePolicy
from offline_queue.delivery import Backoff, Connection, DeliveryWorker
from offline_queue.hub_client import Answer, HubClient, Outcome
from offline_queue.outbox import Outbox
from offline_queue.parcel import Part
from offline_queue.probe import HubProbe
from tests.offline_queue.test_delivery import Hub, Watch, sealed
from tests.support.hub_runner import HubRunner
from wire.api import PROBE_PATH


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    # Its own hub: this test stops and starts it.
    runner = HubRunner(tmp_path / "hub")
    credential, key = runner.setup()
    runner.start()
    yield Hub(runner, credential, key)
    runner.stop()


def probe_for(hub: Hub, token: str | None = None) -> HubProbe:
    return HubProbe(
        hub.runner.url, token or hub.token, connect_timeout_s=2, allow_insecure_loopback=True
    )


def test_the_hub_answers_a_probe_only_for_a_terminal_it_knows(hub: Hub) -> None:
    probe = probe_for(hub)
    try:
        answer = probe()
        assert answer.outcome is Outcome.ACCEPTED and answer.from_hub
    finally:
        probe.close()
    stranger = probe_for(hub, hub.terminal_id + "." + "x" * 32)
    try:
        answer = stranger()
        assert answer.outcome is Outcome.RETRY and answer.status == 401
    finally:
        stranger.close()
    # Without a credential, or without a nonce: nothing to read from the hub's answer.
    url = hub.runner.url + PROBE_PATH
    assert requests.get(url, params={"nonce": "n" * 20}, timeout=5).status_code == 401
    assert requests.get(url, timeout=5).status_code == 400


def test_a_recovered_hub_is_used_within_the_probe_interval(hub: Hub, tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite")
    watch = Watch()
    # The backoff at its cap from the first failure (a minute or two); the probe, scaled
    # down from the production 20-25 s, every 1-1.5 s.
    policy = ProbePolicy(interval_s=1.0, jitter_s=0.5)
    worker = DeliveryWorker(
        outbox,
        HubClient(hub.runner.url, hub.token, connect_timeout_s=2, allow_insecure_loopback=True),
        on_status=watch.on_status,
        on_delivered=watch.on_delivered,
        backoff=Backoff(base_s=120.0, cap_s=120.0),
        idle_poll_s=0.5,
        probe=probe_for(hub),
        probe_policy=policy,
    )
    hub.runner.stop()
    parcel, _ = sealed(hub, 300)
    outbox.enqueue(parcel)
    worker.start()
    try:
        watch.wait(lambda: watch.statuses and watch.last.connection is Connection.OFFLINE)
        hub.runner.start()
        back = time.monotonic()
        # Within the probe interval (and a request's time), not after 60-120 s of backoff.
        watch.wait(lambda: watch.delivered == [parcel.submission_id], timeout=45.0)
        took = time.monotonic() - back
    finally:
        worker.stop()
    # Well under the backoff's 60 s minimum, with room for a loaded CI machine.
    assert took < 30.0, took
    assert outbox.count() == 0
    assert watch.last.connection is Connection.ONLINE
    assert parcel.submission_id in hub.stored()
    outbox.close()


class CountingClient(HubClient):
    """The real client; counts the real sends (each a whole part's upload)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.sends: list[float] = []
        self.clock: VirtualClock | None = None

    def send(self, submission_id: str, part: Part) -> Answer:
        assert self.clock is not None
        self.sends.append(self.clock.now)
        return super().send(submission_id, part)


class VirtualClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_failing_hub_gets_at_most_three_probes_a_minute(hub: Hub, tmp_path: Path) -> None:
    """Production defaults (backoff up to 5 minutes, probes every 20-25 s), on virtual time,
    against the real hub's address with the hub stopped (connection refused)."""
    clock = VirtualClock()
    probes: list[float] = []
    real = probe_for(hub)

    def probe() -> Answer:
        probes.append(clock.now)
        return real()

    client = CountingClient(
        hub.runner.url, hub.token, connect_timeout_s=2, allow_insecure_loopback=True
    )
    client.clock = clock
    outbox = Outbox(tmp_path / "outbox.sqlite")
    parcel, _ = sealed(hub, 301)
    outbox.enqueue(parcel)
    worker = DeliveryWorker(
        outbox, client, rng=random.Random(13), monotonic=clock, probe=probe, idle_poll_s=60.0
    )
    hub.runner.stop()
    try:
        # The worker's steps, one after another, each after the wait it asked for (what its
        # supervised thread does, without waiting for real).
        while clock.now < 1000.0 + 30 * 60:
            delay = worker._step()
            clock.now += delay if delay is not None else 0.0
    finally:
        worker.stop()
        real.close()
    assert probes, "the hub was never probed"
    for start in probes:
        in_a_minute = [t for t in probes if start <= t < start + 60.0]
        assert len(in_a_minute) <= 3, in_a_minute
    # Never two probes within 20 s; and never more than 25 s without asking the hub one way
    # or the other: a hub that comes back is used within 25 s.
    gaps = [b - a for a, b in itertools.pairwise(probes)]
    assert all(gap >= 20.0 for gap in gaps), gaps
    asked = sorted(probes + client.sends)
    assert max(b - a for a, b in itertools.pairwise(asked)) <= 25.0 + 1e-6
    # The real sends keep their exponential backoff to its 5-minute cap: few, far apart.
    assert len(client.sends) <= 20, client.sends
    late = [b - a for a, b in itertools.pairwise(client.sends[-4:])]
    assert all(gap >= 150.0 for gap in late), late
    assert outbox.count() == 1
    outbox.close()


def test_a_probe_honours_a_longer_retry_after() -> None:
    rng = random.Random(3)
    policy = ProbePolicy()
    assert all(20.0 <= policy.delay(rng, None) <= 25.0 for _ in range(100))
    assert policy.delay(rng, 5.0) >= 20.0  # a short one cannot make it hammer
    assert policy.delay(rng, 120.0) == 120.0


def test_a_probe_that_is_not_the_hubs_answer_does_not_end_the_wait(tmp_path: Path) -> None:
    """A portal or proxy answering 200 "OK" at the probe's address is not the hub."""

    class Portal(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = b'{"terminal": "village-01", "nonce": "guess", "status": "ready"}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Portal)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        probe = HubProbe(url, "village-01." + "s" * 32, allow_insecure_loopback=True)
        answer = probe()
        probe.close()
    finally:
        server.shutdown()
        server.server_close()
    assert answer.outcome is Outcome.RETRY and answer.status == 200


class _UploadsFail:
    """A link where small GETs pass and every upload times out (a slow rural uplink)."""

    terminal_id = "village-01"

    def __init__(self, clock: VirtualClock) -> None:
        self.clock = clock
        self.sends: list[float] = []

    def send(self, submission_id: str, part: Part) -> Answer:
        self.sends.append(self.clock.now)
        return Answer(Outcome.RETRY, reason="timeout")

    def send_health(self, body: bytes) -> Answer:
        return Answer(Outcome.RETRY, reason="timeout")

    def close(self) -> None:
        pass


def test_a_probe_that_passes_while_uploads_fail_does_not_undo_the_backoff(
    hub: Hub, tmp_path: Path
) -> None:
    """Before: each probe ended the pause and the upload went again, ~165 times an hour."""
    clock = VirtualClock()
    client = _UploadsFail(clock)
    outbox = Outbox(tmp_path / "outbox.sqlite")
    parcel, _ = sealed(hub, 302)
    outbox.enqueue(parcel)
    worker = DeliveryWorker(
        outbox,
        client,  # type: ignore[arg-type]  # the two methods the worker uses
        rng=random.Random(5),
        monotonic=clock,
        probe=lambda: Answer(Outcome.ACCEPTED, 200, reason="probe: HTTP 200", from_hub=True),
        idle_poll_s=60.0,
    )
    try:
        while clock.now < 1000.0 + 3600:
            delay = worker._step()
            clock.now += delay if delay is not None else 0.0
    finally:
        worker.stop()
    # At most two uploads per backoff period (the one a probe allows, and the one at its end).
    assert len(client.sends) <= 40, len(client.sends)
    outbox.close()
