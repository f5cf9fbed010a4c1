"""Delivery through a faulty network: a real hub behind a fault-injecting proxy.

Whatever the link does — resets mid-request, answers lost after the hub stored the item, slow
links, stalls, 500/503/429 with and without Retry-After, the hub gone for a long while — every
submission arrives exactly once and intact, and nothing is left on the terminal.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from offline_queue.delivery import Backoff, Connection, DeliveryWorker, ItemPolicy
from offline_queue.hub_client import HubClient
from offline_queue.outbox import Outbox, QueuedItem
from tests.offline_queue.terminal_child import submission
from tests.offline_queue.test_delivery import FAST_ITEMS, Hub, Watch, sealed
from tests.support.hub_runner import HubRunner
from tests.support.tcp_faults import Fault, FaultProxy


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    runner = HubRunner(tmp_path_factory.mktemp("hub") / "data")
    credential, key = runner.setup()
    runner.start()
    yield Hub(runner, credential, key)
    runner.stop()


@pytest.fixture
def proxy(hub: Hub) -> Iterator[FaultProxy]:
    with FaultProxy(hub.runner.port, slow_bytes_per_s=200_000) as p:
        yield p


def deliver_through(
    proxy: FaultProxy, hub: Hub, outbox: Outbox, watch: Watch, read_timeout_s: float = 2.0
) -> DeliveryWorker:
    worker = DeliveryWorker(
        outbox,
        HubClient(
            f"http://127.0.0.1:{proxy.port}",
            hub.token,
            connect_timeout_s=1,
            read_timeout_s=read_timeout_s,
            allow_insecure_loopback=True,
        ),
        on_status=watch.on_status,
        on_delivered=watch.on_delivered,
        backoff=Backoff(base_s=0.01, cap_s=0.1),
        item_policy=FAST_ITEMS,
        idle_poll_s=0.5,
    )
    worker.start()
    return worker


def queue(hub: Hub, outbox: Outbox, indices: range) -> dict[str, str]:
    expected = {}
    for i in indices:
        parcel, data = sealed(hub, i)
        outbox.enqueue(parcel)
        expected[parcel.submission_id] = hashlib.sha256(data).hexdigest()
    return expected


def before_none() -> QueuedItem:
    raise AssertionError("the queue emptied while the hub was unreachable")


def assert_exactly_once(hub: Hub, expected: dict[str, str]) -> None:
    stored = hub.stored()
    assert {sid: stored.get(sid) for sid in expected} == expected
    for sid in expected:
        rows = hub.runner.rows("SELECT count(*) FROM submissions WHERE id = ?", sid)
        assert rows == [(1,)]
    i_of = {submission(i, hub.terminal_id)[0]: i for i in range(10_000)}
    for sid in expected:
        photos = hub.runner.rows("SELECT count(*) FROM attachments WHERE submission_id = ?", sid)
        assert photos == [(1 + i_of[sid] % 2,)]


def test_random_faults_everything_arrives_once(hub: Hub, proxy: FaultProxy, tmp_path: Path) -> None:
    proxy.random(
        7,
        {
            Fault.PASS: 4.0,
            Fault.RESET_MID_REQUEST: 1.0,
            Fault.LOSE_RESPONSE: 1.0,
            Fault.SLOW: 0.5,
            Fault.status(500): 0.5,
            Fault.status(502): 0.5,
            Fault.status(503, retry_after=0): 0.5,
            Fault.status(429, retry_after=0): 0.5,
            Fault.status(500, after_forward=True): 1.0,
        },
    )
    outbox = Outbox(tmp_path / "outbox.sqlite")
    expected = queue(hub, outbox, range(1000, 1030))
    watch = Watch()
    worker = deliver_through(proxy, hub, outbox, watch)
    try:
        watch.wait(lambda: watch.statuses and watch.last.depth == 0, timeout=120)
    finally:
        worker.stop()
    # Each reported once; an item that met a 500 waits with its own backoff while the items
    # behind it go on, so the order is no longer strictly the queue's.
    assert sorted(watch.delivered) == sorted(expected)
    assert_exactly_once(hub, expected)
    # The faults really happened, the duplicates-in-the-making among them.
    assert proxy.stats["lose-response"] >= 3 and proxy.stats["status-500-after"] >= 3
    assert proxy.stats["reset-mid-request"] >= 3
    assert outbox.count() == 0 and outbox.stats().dead_letters == 0
    outbox.close()


def test_answers_lost_after_storing_never_duplicate(
    hub: Hub, proxy: FaultProxy, tmp_path: Path
) -> None:
    # Every part's first answer is lost after the hub stored it.
    proxy.script([Fault.LOSE_RESPONSE] * 3 + [Fault.status(500, after_forward=True)] * 3)
    outbox = Outbox(tmp_path / "outbox.sqlite")
    expected = queue(hub, outbox, range(1100, 1103))
    watch = Watch()
    worker = deliver_through(proxy, hub, outbox, watch)
    try:
        watch.wait(lambda: watch.statuses and watch.last.depth == 0, timeout=60)
    finally:
        worker.stop()
    assert_exactly_once(hub, expected)
    outbox.close()


def test_a_stalled_hub_times_out_and_is_retried(
    hub: Hub, proxy: FaultProxy, tmp_path: Path
) -> None:
    proxy.script([Fault.STALL, Fault.STALL])
    outbox = Outbox(tmp_path / "outbox.sqlite")
    expected = queue(hub, outbox, range(1200, 1201))
    watch = Watch()
    worker = deliver_through(proxy, hub, outbox, watch, read_timeout_s=0.3)
    try:
        watch.wait(lambda: any(s.last_error == "timeout" for s in watch.statuses))
        watch.wait(lambda: watch.last.depth == 0, timeout=60)
    finally:
        worker.stop()
    assert_exactly_once(hub, expected)
    outbox.close()


def test_retry_after_is_followed(hub: Hub, proxy: FaultProxy, tmp_path: Path) -> None:
    proxy.script([Fault.status(503, retry_after=1), Fault.status(429, retry_after=1)])
    outbox = Outbox(tmp_path / "outbox.sqlite")
    expected = queue(hub, outbox, range(1300, 1302))
    watch = Watch()
    worker = deliver_through(proxy, hub, outbox, watch)
    try:
        watch.wait(lambda: watch.statuses and watch.last.depth == 0, timeout=60)
    finally:
        worker.stop()
    times = [t for t, _ in proxy.log]
    # The backoff alone would retry after ~10 ms; the hub asked for a second, twice.
    assert times[1] - times[0] >= 1.0
    assert times[2] - times[1] >= 1.0
    assert_exactly_once(hub, expected)
    outbox.close()


@pytest.mark.slow
def test_hub_unreachable_for_long_then_back(hub: Hub, proxy: FaultProxy, tmp_path: Path) -> None:
    proxy.down()
    outbox = Outbox(tmp_path / "outbox.sqlite")
    expected = queue(hub, outbox, range(1400, 1410))
    watch = Watch()
    worker = deliver_through(proxy, hub, outbox, watch)
    try:
        watch.wait(lambda: watch.statuses and watch.last.connection is Connection.OFFLINE)
        # Down for a good while: many attempts (the backoff is capped at 0.1 s here), each one
        # recorded, none losing anything.
        deadline = time.monotonic() + 30
        while (outbox.oldest() or before_none()).attempts < 15:
            assert time.monotonic() < deadline
            time.sleep(0.05)  # polling the file: the worker reports no news while it is down
        assert outbox.count() == 10
        proxy.up()
        watch.wait(lambda: watch.last.depth == 0, timeout=60)
    finally:
        worker.stop()
    assert watch.last.connection is Connection.ONLINE
    assert_exactly_once(hub, expected)
    outbox.close()


# --- only the hub's own answer counts --------------------------------------------------------


def test_a_maintenance_page_or_a_redirect_is_not_delivery(
    hub: Hub, proxy: FaultProxy, tmp_path: Path
) -> None:
    # A maintenance page that says 200, and redirects (301 keeps the PUT, 302/303 turn it
    # into a GET) to a page that answers 200 to anything: requests used to follow them and
    # report the page as the hub's "stored".
    proxy.script(
        [
            Fault.page(200),
            Fault.redirect(301),
            Fault.redirect(302),
            Fault.redirect(303),
            Fault.redirect(307),
            Fault.page(200),
        ]
    )
    outbox = Outbox(tmp_path / "outbox.sqlite")
    expected = queue(hub, outbox, range(1500, 1503))
    watch = Watch()
    worker = deliver_through(proxy, hub, outbox, watch)
    try:
        watch.wait(lambda: watch.statuses and watch.last.depth == 0, timeout=60)
    finally:
        worker.stop()
    assert_exactly_once(hub, expected)
    assert proxy.stats["maintenance"] == 0  # no redirect was followed
    errors = {s.last_error for s in watch.statuses}
    assert "not the hub's answer: HTTP 200 text/html" in errors
    assert "not the hub's answer: redirected (HTTP 302)" in errors
    assert outbox.stats().dead_letters == 0
    outbox.close()


def test_a_proxys_413_is_retried_and_shown_not_dead_lettered(
    hub: Hub, proxy: FaultProxy, tmp_path: Path
) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite")
    expected = queue(hub, outbox, range(1600, 1604))
    big = next(iter(expected))
    # nginx's default client_max_body_size: every photo of this submission is "too large".
    proxy.rule(f"/submissions/{big}/attachments/", Fault.page(413))
    watch = Watch()
    worker = deliver_through(proxy, hub, outbox, watch)
    try:
        # The others go on; the refused one stays, and the health status says why.
        watch.wait(lambda: len(watch.delivered) == 3, timeout=60)
        watch.wait(
            lambda: (
                proxy.stats["status-413-html"] >= 3
                and watch.last.last_error == "proxy/hub refuses: HTTP 413 (not the hub's answer)"
            ),
            timeout=60,
        )
        assert outbox.count() == 1 and outbox.stats().dead_letters == 0
        # Still shown after the others' deliveries: the item is held, and why.
        watch.wait(
            lambda: (
                watch.last.held == 1
                and watch.last.held_reason == "proxy/hub refuses: HTTP 413 (not the hub's answer)"
            )
        )
        proxy.clear_rules()  # the proxy's limit is raised
        watch.wait(lambda: watch.last.depth == 0, timeout=60)
    finally:
        worker.stop()
    assert big in watch.delivered
    assert watch.last.held == 0
    assert_exactly_once(hub, expected)
    assert outbox.stats().dead_letters == 0
    outbox.close()


def test_an_item_that_always_fails_does_not_block_the_queue(
    hub: Hub, proxy: FaultProxy, tmp_path: Path
) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite")
    expected = queue(hub, outbox, range(1700, 1706))
    poison = next(iter(expected))
    proxy.rule(f"/submissions/{poison}", Fault.status(500))
    watch = Watch()
    worker = DeliveryWorker(
        outbox,
        HubClient(
            f"http://127.0.0.1:{proxy.port}",
            hub.token,
            connect_timeout_s=1,
            allow_insecure_loopback=True,
        ),
        on_status=watch.on_status,
        on_delivered=watch.on_delivered,
        backoff=Backoff(base_s=0.01, cap_s=0.1),
        item_policy=ItemPolicy(base_s=0.05, cap_s=0.2, max_tries=4),
        idle_poll_s=0.5,
    )
    worker.start()
    try:
        watch.wait(lambda: watch.statuses and watch.last.depth == 0, timeout=60)
    finally:
        worker.stop()
    del expected[poison]
    assert sorted(watch.delivered) == sorted(expected)  # the items behind it went on
    assert_exactly_once(hub, expected)
    # Parked, never dropped: kept with its reason and visible in the status.
    [dead] = outbox.dead_letters()
    assert dead.id == poison
    assert dead.reason == "HTTP 500 (not the hub's answer) (4 tries)"
    assert (watch.last.dead_letters, watch.last.last_dead_letter) == (1, dead.reason)
    outbox.close()
