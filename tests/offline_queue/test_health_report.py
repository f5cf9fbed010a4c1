"""The delivery worker's health report against a real hub: it follows the worker's own status,
and whatever happens to it (refused, rate-limited, a bug building it) submissions go on."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
import requests

from offline_queue.delivery import DeliveryStatus, DeliveryWorker
from offline_queue.hub_client import Answer, HubClient, Outcome
from offline_queue.outbox import Outbox
from tests.offline_queue.test_delivery import FAST, FAST_ITEMS, Hub, Watch, hub, sealed
from tests.offline_queue.test_delivery_worker import ScriptedClient
from wire.api import HEALTH_PATH
from wire.health import Connection, TerminalHealth

__all__ = ["hub"]  # the module-scoped real hub of test_delivery


class ObservedClient(HubClient):
    """The real client; the test learns when a report's answer has come."""

    def __init__(self, hub: Hub) -> None:
        super().__init__(
            hub.runner.url,
            hub.token,
            connect_timeout_s=2,
            read_timeout_s=5,
            allow_insecure_loopback=True,
        )
        self.answers: list[Answer] = []
        self.answered = threading.Event()

    def send_health(self, body: bytes) -> Answer:
        answer = super().send_health(body)
        self.answers.append(answer)
        self.answered.set()
        return answer


def worker(
    outbox: Outbox,
    hub: Hub,
    watch: Watch,
    health: Callable[[DeliveryStatus], bytes],
    client: HubClient | None = None,
) -> DeliveryWorker:
    client = client or ObservedClient(hub)
    return DeliveryWorker(
        outbox,
        client,
        on_status=watch.on_status,
        on_delivered=watch.on_delivered,
        backoff=FAST,
        item_policy=FAST_ITEMS,
        idle_poll_s=0.5,
        health=health,
    )


def document(status: DeliveryStatus) -> bytes:
    return TerminalHealth(
        "0.1.0",
        Connection(status.connection.value),
        status.depth,
        0.0,
        status.dead_letters,
        status.last_dead_letter,
    ).to_json()


def stored_report(hub: Hub) -> dict[str, object] | None:
    rows = hub.runner.rows(
        "SELECT report FROM terminal_health WHERE terminal_id = ?", hub.terminal_id
    )
    return json.loads(rows[0][0]) if rows else None


def test_the_report_follows_the_worker_s_own_status(hub: Hub, tmp_path: Path) -> None:
    # The first test of the module: the hub's 10-second limit is this terminal's to use.
    outbox = Outbox(tmp_path / "outbox.sqlite")
    for i in range(310, 312):
        outbox.enqueue(sealed(hub, i)[0])
    watch = Watch()
    client = ObservedClient(hub)
    w = worker(outbox, hub, watch, document, client)
    w.start()
    try:
        watch.wait(lambda: len(watch.delivered) == 2)
        assert client.answered.wait(10)
    finally:
        w.stop()
    assert client.answers[0].outcome is Outcome.ACCEPTED, client.answers
    report = stored_report(hub)
    # Sent after the items (never before them): the queue it reports is already empty.
    assert report is not None and report["depth"] == 0 and report["connection"] == "online"
    outbox.close()


def test_a_report_that_cannot_be_sent_or_built_never_holds_up_delivery(
    hub: Hub, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Someone reported for this terminal a moment ago: the hub refuses the next for 10 s (429).
    taken = requests.put(
        hub.runner.url + HEALTH_PATH.format(terminal_id=hub.terminal_id),
        data=document(DeliveryStatus(Connection.ONLINE, 0, None, 0)),  # type: ignore[arg-type]
        headers={"Authorization": f"Bearer {hub.token}", "Content-Type": "application/json"},
        timeout=10,
    )
    assert taken.status_code in (200, 429)
    outbox = Outbox(tmp_path / "outbox.sqlite")
    for i in range(300, 303):
        outbox.enqueue(sealed(hub, i)[0])
    calls: list[int] = []
    built = threading.Event()

    def broken(status: DeliveryStatus) -> bytes:
        calls.append(status.depth)
        built.set()
        if len(calls) % 2:
            raise KeyError("a bug in the report")
        return document(status)

    watch = Watch()
    w = worker(outbox, hub, watch, broken)
    caplog.set_level(logging.INFO, logger="offline_queue.delivery")
    w.start()
    try:
        watch.wait(lambda: len(watch.delivered) == 3)
        assert built.wait(10)
    finally:
        w.stop()
    assert watch.last.depth == 0 and outbox.count() == 0
    warnings = [r for r in caplog.records if "health report not delivered" in r.getMessage()]
    assert len(warnings) == 1, [r.getMessage() for r in warnings]  # once, not per try
    assert "KeyError" in warnings[0].getMessage() or "429" in warnings[0].getMessage()
    assert "a bug in the report" not in caplog.text  # the type only
    outbox.close()


class ReportRecorder(ScriptedClient):
    """No network: every part is acknowledged; keeps the health reports it is given."""

    def __init__(self) -> None:
        super().__init__(lambda sid, part: Answer(Outcome.ACCEPTED, 201, from_hub=True))
        self.reports: list[dict[str, object]] = []
        self._reported = threading.Condition()

    def send_health(self, body: bytes) -> Answer:
        with self._reported:
            self.reports.append(json.loads(body))
            self._reported.notify_all()
        return Answer(Outcome.ACCEPTED, 200, from_hub=True)

    def wait_report(self, condition: Callable[[dict[str, object]], bool]) -> dict[str, object]:
        with self._reported:
            assert self._reported.wait_for(lambda: any(map(condition, self.reports)), 30)
            return next(r for r in self.reports if condition(r))


def test_an_outbox_removed_under_the_worker_is_reported_to_the_hub(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite")
    client = ReportRecorder()
    watch = Watch()
    w = DeliveryWorker(
        outbox,
        client,
        on_status=watch.on_status,
        backoff=FAST,
        idle_poll_s=0.05,
        health=lambda status: TerminalHealth(
            "0.1.0",
            Connection(status.connection.value),
            status.depth,
            0.0,
            status.dead_letters,
            outbox_problem=status.outbox_problem,
        ).to_json(),
        health_min_interval_s=0.0,  # the hub's 10 s are not this test's subject
    )
    w.start()
    try:
        client.wait_report(lambda r: r["outbox_problem"] == "")
        (tmp_path / "outbox.sqlite").unlink()  # a cleanup script, a technician's rm
        report = client.wait_report(lambda r: "removed" in str(r["outbox_problem"]))
        assert report["schema"] == "pop.health/1"
        # The report's own trouble did not become the worker's: no fault, no recovering.
        assert w.report().failures == 0, w.report()
    finally:
        w.stop()
        outbox.close()
