"""The delivery worker against a real hub process over HTTP: exactly once, in order, no loss."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from offline_queue.delivery import (
    Backoff,
    Connection,
    DeliveryStatus,
    DeliveryWorker,
    ItemPolicy,
)
from offline_queue.hub_client import HubClient
from offline_queue.outbox import Outbox
from offline_queue.parcel import DATA_PART, Parcel, Part
from tests.offline_queue.terminal_child import submission
from tests.support.hub_runner import HubRunner
from wire.sealing import load_public_key, seal

FAST = Backoff(base_s=0.02, cap_s=0.2)
FAST_ITEMS = ItemPolicy(base_s=0.02, cap_s=0.2)


@dataclass
class Hub:
    runner: HubRunner
    credential: Path
    key_file: Path

    @property
    def token(self) -> str:
        return self.credential.read_text(encoding="utf-8").strip()

    @property
    def terminal_id(self) -> str:
        return self.token.split(".", 1)[0]

    def stored(self) -> dict[str, str]:
        return dict(self.runner.rows("SELECT id, content_sha256 FROM submissions"))


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    runner = HubRunner(tmp_path_factory.mktemp("hub") / "data")
    credential, key = runner.setup()
    runner.start()
    yield Hub(runner, credential, key)
    runner.stop()


def sealed(hub: Hub, i: int) -> tuple[Parcel, bytes]:
    sid, data, photos = submission(i, hub.terminal_id)
    key = load_public_key(hub.key_file)
    parts = [Part(name, seal(body, key, "image/jpeg").encode()) for name, body in photos]
    parts.append(Part(DATA_PART, seal(data, key, "application/json").encode()))
    return Parcel(sid, hashlib.sha256(data).hexdigest(), tuple(parts)), data


class Watch:
    """Collects the worker's reports; waits for a condition on them without sleeping."""

    def __init__(self) -> None:
        self.statuses: list[DeliveryStatus] = []
        self.delivered: list[str] = []
        self._changed = threading.Condition()

    def on_status(self, status: DeliveryStatus) -> None:
        with self._changed:
            self.statuses.append(status)
            self._changed.notify_all()

    def on_delivered(self, sid: str) -> None:
        with self._changed:
            self.delivered.append(sid)
            self._changed.notify_all()

    def wait(self, condition: object, timeout: float = 30.0) -> None:
        with self._changed:
            assert self._changed.wait_for(condition, timeout), self.statuses[-3:]  # type: ignore[arg-type]

    @property
    def last(self) -> DeliveryStatus:
        return self.statuses[-1]


def worker_for(
    outbox: Outbox, url: str, token: str, watch: Watch, **kwargs: float
) -> DeliveryWorker:
    return DeliveryWorker(
        outbox,
        HubClient(
            url,
            token,
            connect_timeout_s=2,
            read_timeout_s=kwargs.pop("read_s", 5),
            allow_insecure_loopback=True,
        ),
        on_status=watch.on_status,
        on_delivered=watch.on_delivered,
        backoff=FAST,
        item_policy=FAST_ITEMS,
        idle_poll_s=0.5,
    )


def test_submissions_arrive_once_in_order_intact_and_leave_the_terminal(
    hub: Hub, tmp_path: Path
) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite")
    expected = {}
    for i in range(100, 106):
        parcel, data = sealed(hub, i)
        outbox.enqueue(parcel)
        expected[parcel.submission_id] = hashlib.sha256(data).hexdigest()
    watch = Watch()
    worker = worker_for(outbox, hub.runner.url, hub.token, watch)
    worker.start()
    try:
        watch.wait(lambda: watch.statuses and watch.last.depth == 0)
    finally:
        worker.stop()
    assert watch.delivered == list(expected)  # oldest first
    assert watch.last.connection is Connection.ONLINE
    stored = hub.stored()
    for sid, digest in expected.items():
        assert stored[sid] == digest
    photos = [
        hub.runner.rows("SELECT count(*) FROM attachments WHERE submission_id = ?", sid)[0][0]
        for sid in expected
    ]
    assert photos == [1 + i % 2 for i in range(100, 106)]
    assert outbox.count() == 0
    outbox.close()


def test_sending_again_what_the_hub_has_is_harmless(hub: Hub, tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite")
    watch = Watch()
    worker = worker_for(outbox, hub.runner.url, hub.token, watch)
    worker.start()
    try:
        parcel, _ = sealed(hub, 200)
        outbox.enqueue(parcel)
        worker.wake()
        watch.wait(lambda: len(watch.delivered) == 1)
        # The terminal lost track (e.g. restored from a backup) and queues it again, sealed
        # anew: the hub answers "already have it" and keeps one copy.
        again, _ = sealed(hub, 200)
        assert again.parts[-1].body != parcel.parts[-1].body
        outbox.enqueue(again)
        worker.wake()
        watch.wait(lambda: len(watch.delivered) == 2)
    finally:
        worker.stop()
    rows = hub.runner.rows("SELECT count(*) FROM submissions WHERE id = ?", parcel.submission_id)
    assert rows == [(1,)]
    assert outbox.stats().dead_letters == 0
    outbox.close()


def test_an_invalid_submission_is_kept_as_a_dead_letter_and_does_not_block(
    hub: Hub, tmp_path: Path
) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite")
    key = load_public_key(hub.key_file)
    bad = Parcel(
        "00000000-0000-4000-8000-000000000001",
        "d",
        (Part(DATA_PART, seal(b'{"schema": "something else"}', key, "application/json").encode()),),
    )
    outbox.enqueue(bad)
    good, _ = sealed(hub, 300)
    outbox.enqueue(good)
    watch = Watch()
    worker = worker_for(outbox, hub.runner.url, hub.token, watch)
    worker.start()
    try:
        watch.wait(lambda: watch.statuses and watch.last.depth == 0)
    finally:
        worker.stop()
    assert watch.delivered == [good.submission_id]
    [dead] = outbox.dead_letters()
    assert dead.id == bad.submission_id
    assert dead.reason == "HTTP 422 invalid-submission"
    assert watch.last.dead_letters == 1
    outbox.close()


def test_a_refused_credential_keeps_everything_and_says_so(hub: Hub, tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite")
    parcel, _ = sealed(hub, 400)
    outbox.enqueue(parcel)
    watch = Watch()
    worker = worker_for(
        outbox, hub.runner.url, f"{hub.terminal_id}.wrong-secret-wrong-secret", watch
    )
    worker.start()
    try:
        watch.wait(lambda: watch.statuses and watch.last.connection is Connection.REFUSED)
    finally:
        worker.stop()
    assert watch.last.last_error == "HTTP 401 unauthorized"
    assert outbox.count() == 1 and outbox.stats().dead_letters == 0
    outbox.close()


@pytest.mark.slow
def test_hub_down_for_a_while_then_everything_arrives(tmp_path: Path) -> None:
    runner = HubRunner(tmp_path / "hub")
    credential, key_file = runner.setup()
    hub = Hub(runner, credential, key_file)
    outbox = Outbox(tmp_path / "outbox.sqlite")
    ids = []
    for i in range(500, 510):
        parcel, _ = sealed(hub, i)
        outbox.enqueue(parcel)
        ids.append(parcel.submission_id)
    watch = Watch()
    worker = worker_for(outbox, runner.url, hub.token, watch)
    worker.start()
    try:
        watch.wait(lambda: watch.statuses and watch.last.connection is Connection.OFFLINE)
        assert watch.last.last_error == "no connection"
        assert watch.last.depth == 10
        runner.start()
        watch.wait(lambda: watch.last.depth == 0)
    finally:
        worker.stop()
        runner.stop()
    assert watch.delivered == ids
    assert sorted(hub.stored()) == sorted(ids)
    outbox.close()


def test_an_item_the_real_hub_cannot_take_does_not_block_the_queue(
    hub: Hub, tmp_path: Path
) -> None:
    # Found in testing: service.version = 2**64 and submitted_at in year 9999 made the hub
    # answer 500 every time, and the whole queue stopped behind it. Whatever the hub answers
    # for it (500, or its own 422 once it validates this), it ends as a dead letter with a
    # reason, and the items behind it are delivered.
    sid, data, _ = submission(900, hub.terminal_id)
    doc = json.loads(data)
    doc["service"]["version"] = 2**64
    doc["submitted_at"] = "9999-12-31T23:59:59+00:00"
    doc["attachments"] = []
    bad_data = json.dumps(doc).encode()
    key = load_public_key(hub.key_file)
    bad = Parcel(
        sid,
        hashlib.sha256(bad_data).hexdigest(),
        (Part(DATA_PART, seal(bad_data, key, "application/json").encode()),),
    )
    outbox = Outbox(tmp_path / "outbox.sqlite")
    outbox.enqueue(bad)
    good = [sealed(hub, i)[0] for i in range(901, 904)]
    for p in good:
        outbox.enqueue(p)
    watch = Watch()
    worker = worker_for(outbox, hub.runner.url, hub.token, watch)
    worker.start()
    try:
        watch.wait(lambda: watch.statuses and watch.last.depth == 0, timeout=60)
    finally:
        worker.stop()
    assert sorted(watch.delivered) == sorted(p.submission_id for p in good)
    [dead] = outbox.dead_letters()
    assert dead.id == sid and dead.reason.startswith(("HTTP 500", "HTTP 422"))
    assert watch.last.last_dead_letter == dead.reason
    outbox.close()


def sealed_doc(
    hub: Hub, i: int, change: Callable[[dict[str, Any]], None], terminal_id: str = ""
) -> Parcel:
    """Submission ``i`` with its data document changed by ``change`` (attachments kept)."""
    sid, data, photos = submission(i, terminal_id or hub.terminal_id)
    doc = json.loads(data)
    change(doc)
    data = json.dumps(doc).encode()
    key = load_public_key(hub.key_file)
    parts = [Part(name, seal(body, key, "image/jpeg").encode()) for name, body in photos]
    parts.append(Part(DATA_PART, seal(data, key, "application/json").encode()))
    return Parcel(sid, hashlib.sha256(data).hexdigest(), tuple(parts))


def test_an_item_queued_under_an_old_terminal_id_does_not_block_the_queue(
    hub: Hub, tmp_path: Path
) -> None:
    # The terminal's credential was renewed (a new terminal id) while items sealed under the
    # old id were queued: the hub answers 403 "sent for another terminal" for each of them (or
    # 422 invalid-submission). That is this item's verdict, not a refusal of the terminal.
    old = sealed_doc(hub, 910, lambda doc: None, terminal_id="old-terminal-id")
    outbox = Outbox(tmp_path / "outbox.sqlite")
    outbox.enqueue(old)
    good = [sealed(hub, i)[0] for i in (911, 912)]
    for p in good:
        outbox.enqueue(p)
    watch = Watch()
    worker = worker_for(outbox, hub.runner.url, hub.token, watch)
    worker.start()
    try:
        watch.wait(lambda: watch.statuses and watch.last.depth == 0)
    finally:
        worker.stop()
    assert watch.delivered == [p.submission_id for p in good]
    [dead] = outbox.dead_letters()
    assert dead.id == old.submission_id
    assert dead.reason == "HTTP 422 terminal-mismatch"  # the hub names the item, not the terminal
    assert all(s.connection is not Connection.REFUSED for s in watch.statuses)
    outbox.close()


def test_items_the_hub_refuses_for_their_identity_are_dead_letters_at_once(
    hub: Hub, tmp_path: Path
) -> None:
    # The hub's 422 identity-not-verified will never change for that item: a dead letter at
    # the first answer. Two of them in a row are not "the hub failing for everyone".
    def claim_chip_without_evidence(doc: dict[str, Any]) -> None:
        doc["identity"] = {"document_type": "id_card", "prefilled_fields": ["location"]}

    refused = [sealed_doc(hub, i, claim_chip_without_evidence) for i in (920, 921)]
    good, _ = sealed(hub, 922)
    outbox = Outbox(tmp_path / "outbox.sqlite")
    for p in (*refused, good):
        outbox.enqueue(p)
    watch = Watch()
    worker = worker_for(outbox, hub.runner.url, hub.token, watch)
    worker.start()
    try:
        watch.wait(lambda: watch.statuses and watch.last.depth == 0)
    finally:
        worker.stop()
    assert watch.delivered == [good.submission_id]
    dead = outbox.dead_letters()
    assert [d.id for d in dead] == [p.submission_id for p in refused]
    assert {d.reason for d in dead} == {"HTTP 422 identity-not-verified"}  # first answer, no count
    assert all(s.connection is not Connection.OFFLINE for s in watch.statuses)
    outbox.close()
