"""Odd answers from whatever stands at the hub's address, over a real TCP socket.

A proxy's 503 with a ``Retry-After`` that is no number, a JSON body nested too deep: none of it
may escape the client as an exception, because the supervisor counts an escaping exception
against the item being sent and parks it after three. Such answers are "not the hub's
answer": the worker backs off as a whole and every item stays queued.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from offline_queue.delivery import Backoff, DeliveryWorker, ItemPolicy
from offline_queue.hub_client import HubClient
from offline_queue.outbox import Outbox
from offline_queue.parcel import DATA_PART, Parcel, Part

ODD_ANSWERS = {
    "retry-after-superscript-two": (
        b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/html\r\n"
        b"Retry-After: \xb2\r\nContent-Length: 6\r\nConnection: close\r\n\r\n<html>"
    ),
    "problem-nested-too-deep": (
        b"HTTP/1.1 422 Unprocessable Content\r\nContent-Type: application/problem+json\r\n"
        b"Content-Length: 100000\r\nConnection: close\r\n\r\n" + b"[" * 100_000
    ),
    "acknowledgement-nested-too-deep": (
        b"HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n"
        b"Content-Length: 100000\r\nConnection: close\r\n\r\n" + b"[" * 100_000
    ),
}


class OddServer:
    """Answers every request with the same raw bytes; counts the requests."""

    def __init__(self, answer: bytes) -> None:
        self._answer = answer
        self._socket = socket.create_server(("127.0.0.1", 0))
        self.port = self._socket.getsockname()[1]
        self.served = 0
        self.changed = threading.Condition()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._socket.accept()
            except OSError:
                return  # closed
            with conn:
                conn.recv(65536)
                conn.sendall(self._answer)
            with self.changed:
                self.served += 1
                self.changed.notify_all()

    def close(self) -> None:
        # close() alone does not wake a thread blocked in accept(); shutdown() does.
        with contextlib.suppress(OSError):
            self._socket.shutdown(socket.SHUT_RDWR)
        self._socket.close()
        self._thread.join(5)


@pytest.fixture(params=sorted(ODD_ANSWERS))
def odd(request: pytest.FixtureRequest) -> Iterator[OddServer]:
    server = OddServer(ODD_ANSWERS[request.param])
    yield server
    server.close()


def test_odd_answers_park_no_item(odd: OddServer, tmp_path: Path) -> None:
    box = Outbox(tmp_path / "outbox.sqlite")
    for n in range(3):
        box.enqueue(
            Parcel(f"00000000-0000-4000-8000-00000000000{n}", f"d{n}", (Part(DATA_PART, b"x"),))
        )
    worker = DeliveryWorker(
        box,
        HubClient(f"http://127.0.0.1:{odd.port}", "t.s", allow_insecure_loopback=True),
        backoff=Backoff(0.01, 0.02),
        item_policy=ItemPolicy(0.01, 0.02),
    )
    worker.start()
    try:
        with odd.changed:
            # Three faults per item parked all three before: more answers than that.
            assert odd.changed.wait_for(lambda: odd.served >= 12, 30)
    finally:
        worker.stop()
    assert box.dead_letters() == []
    assert box.count() == 3
    assert worker.report().total_failures == 0  # nothing escaped to the supervisor
    box.close()
