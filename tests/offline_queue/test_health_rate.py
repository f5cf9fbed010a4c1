"""The terminal's health reports keep to the hub's rate limit even when the network is slow.

The hub takes one report per terminal per ``wire.health.MIN_INTERVAL_S`` and stamps it when it
handles it; the terminal spaced its reports from the moment it started sending. A first report
that took longer on its way than the next one (a cold connection, a slow hub) made the hub
refuse the second with 429 — which every kiosk sent ten seconds after its start (connection
"unknown", then "online"), logging a WARNING. Found by the end-to-end harness.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from hub.state import RateLimiter
from offline_queue.delivery import DeliveryWorker
from offline_queue.hub_client import Answer, HubClient, Outcome
from offline_queue.outbox import Outbox
from tests.offline_queue.test_delivery import FAST, Watch
from tests.offline_queue.test_health_report import document

#: The hub's spacing, shortened so the test takes a second, not ten.
INTERVAL_S = 1.0
#: How much longer the first report takes on its way than the next ones.
SLOW_FIRST_S = 0.3


class SlowFirstHub(HubClient):
    """The hub's own rate limiter behind a network whose first request is slow. Time on the
    way is simulated by moving the clock both sides read, not by sleeping."""

    def __init__(self) -> None:
        super().__init__("https://hub.invalid", "demo-terminal-01.secret")
        self.skew = 0.0
        self.limiter = RateLimiter(1.0, INTERVAL_S)
        self.answers: list[int] = []
        self._changed = threading.Condition()

    def clock(self) -> float:
        return time.monotonic() + self.skew

    def send_health(self, body: bytes) -> Answer:
        if not self.answers:
            self.skew += SLOW_FIRST_S  # the first report is slow on its way to the hub
        wait = self.limiter.allow("demo-terminal-01", now=self.clock())
        with self._changed:
            self.answers.append(429 if wait else 200)
            self._changed.notify_all()
        if wait:
            return Answer(Outcome.RETRY, 429, retry_after_s=wait, reason="HTTP 429 rate-limited")
        return Answer(Outcome.ACCEPTED, 200)

    def wait_answers(self, count: int) -> list[int]:
        with self._changed:
            assert self._changed.wait_for(lambda: len(self.answers) >= count, 30)
            return list(self.answers)


def test_the_second_report_waits_for_the_hub_s_interval_from_its_answer(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite")
    hub = SlowFirstHub()
    watch = Watch()
    worker = DeliveryWorker(
        outbox,
        hub,
        on_status=watch.on_status,
        backoff=FAST,
        idle_poll_s=0.05,
        monotonic=hub.clock,
        health=document,
        health_min_interval_s=INTERVAL_S,
    )
    worker.start()
    try:
        # The first report says "unknown"; its acceptance makes the connection "online",
        # which the second report says as soon as the hub's interval allows.
        assert hub.wait_answers(2) == [200, 200]
    finally:
        worker.stop()
        outbox.close()
