"""The delivery worker's own decisions, with a scripted client (no network) and real outboxes.

The real hub and a real faulty proxy are in test_delivery.py and test_network_faults.py; here
the hub's answers are scripted so that each decision is seen on its own: a poison item parked
by the supervisor, a hub failing for everyone blaming no item, the outbox checked while running.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from offline_queue.delivery import Backoff, DeliveryWorker, ItemPolicy
from offline_queue.hub_client import Answer, HubClient, Outcome
from offline_queue.outbox import Outbox
from offline_queue.parcel import Part
from tests.offline_queue.test_delivery import Watch
from tests.offline_queue.test_outbox import parcel

FAST = Backoff(base_s=0.01, cap_s=0.05)


class ScriptedClient(HubClient):
    """Answers from ``answer(submission_id, part)``; counts what was sent."""

    def __init__(self, answer: Callable[[str, Part], Answer]) -> None:
        super().__init__("https://hub.invalid", "t.secret")
        self._answer = answer
        self.sent: list[str] = []
        self._changed = threading.Condition()

    def send(self, submission_id: str, part: Part) -> Answer:
        with self._changed:
            self.sent.append(submission_id)
            self._changed.notify_all()
        return self._answer(submission_id, part)

    def wait_sent(self, count: int, timeout: float = 30.0) -> None:
        with self._changed:
            assert self._changed.wait_for(lambda: len(self.sent) >= count, timeout)


def start(outbox: Outbox, client: HubClient, watch: Watch, **kwargs: object) -> DeliveryWorker:
    worker = DeliveryWorker(
        outbox,
        client,
        on_status=watch.on_status,
        on_delivered=watch.on_delivered,
        backoff=FAST,
        idle_poll_s=0.2,
        **kwargs,  # type: ignore[arg-type]
    )
    worker.start()
    return worker


def test_an_item_that_makes_the_step_fail_is_parked_as_poison(tmp_path: Path) -> None:
    def answer(sid: str, part: Part) -> Answer:
        if sid == "poison":
            raise KeyError(sid)  # a bug met on this item only
        return Answer(Outcome.ACCEPTED)

    outbox = Outbox(tmp_path / "outbox.sqlite")
    for sid in ("poison", "a", "b"):
        outbox.enqueue(parcel(sid))
    watch = Watch()
    worker = start(outbox, ScriptedClient(answer), watch)
    try:
        watch.wait(lambda: watch.statuses and watch.last.depth == 0)
    finally:
        worker.stop()
    assert watch.delivered == ["a", "b"]
    [dead] = outbox.dead_letters()
    assert (dead.id, dead.reason) == ("poison", "delivery fault: bug: KeyError")
    report = worker.report()
    assert report.parked == 1 and report.last_fault == "bug: KeyError"
    outbox.close()


def test_a_hub_failing_for_everyone_blames_no_item(tmp_path: Path) -> None:
    failing = threading.Event()
    failing.set()

    def answer(sid: str, part: Part) -> Answer:
        if failing.is_set():
            return Answer(Outcome.ITEM_RETRY, 500, reason="HTTP 500 internal", counts=True)
        return Answer(Outcome.ACCEPTED)

    outbox = Outbox(tmp_path / "outbox.sqlite")
    for sid in ("a", "b", "c"):
        outbox.enqueue(parcel(sid))
    client = ScriptedClient(answer)
    watch = Watch()
    policy = ItemPolicy(base_s=0.1, cap_s=0.2, max_tries=2)
    worker = start(outbox, client, watch, item_policy=policy)
    try:
        client.wait_sent(30)
        assert {"a", "b", "c"} <= set(client.sent)
        assert outbox.stats().dead_letters == 0  # no item was parked for the hub's trouble
        failing.clear()
        watch.wait(lambda: watch.last.depth == 0)
    finally:
        worker.stop()
    assert sorted(watch.delivered) == ["a", "b", "c"]
    assert outbox.stats().dead_letters == 0
    outbox.close()


def test_damage_found_while_running_is_set_aside_and_salvaged_at_once(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite"
    outbox = Outbox(path)
    for i in range(200):
        outbox.enqueue(parcel(f"id-{i}", data=os.urandom(3000)))
    gate = threading.Event()

    def answer(sid: str, part: Part) -> Answer:
        gate.wait(10)
        return Answer(Outcome.RETRY, reason="no connection")

    watch = Watch()
    worker = start(outbox, ScriptedClient(answer), watch, integrity_check_s=0.05)
    try:
        with sqlite3.connect(path) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        with path.open("r+b") as f:
            for page in range(3, 150, 7):
                f.seek(page * 4096)
                f.write(os.urandom(300))
        gate.set()
        watch.wait(lambda: outbox.salvage is not None, timeout=30)
        report = outbox.salvage
        assert report is not None and outbox.recovered_from is not None
        assert outbox.recovered_from.exists()  # kept
        assert 0 < report.recovered < 200
        # The terminal goes on with the fresh file: the salvaged items, and new ones.
        outbox.enqueue(parcel("after"))
        assert outbox.count() == report.recovered + 1
        outbox.check()
    finally:
        gate.set()
        worker.stop()
        outbox.close()
