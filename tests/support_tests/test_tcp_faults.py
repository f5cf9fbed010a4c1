"""The fault proxy itself, against a tiny real HTTP server: each fault does what it says."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from tests.support.tcp_faults import Fault, FaultProxy


class Counting(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    handled = 0

    def do_PUT(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).handled += 1
        reply = b"got " + str(len(body)).encode()
        self.send_response(201)
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def proxy() -> Iterator[FaultProxy]:
    Counting.handled = 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), Counting)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    with FaultProxy(server.server_address[1], slow_bytes_per_s=40_000) as p:
        yield p
    server.shutdown()
    server.server_close()


def put(p: FaultProxy, http: requests.Session, size: int = 1000, timeout: float = 5) -> int:
    r = http.put(f"http://127.0.0.1:{p.port}/x", data=b"x" * size, timeout=timeout)
    return r.status_code


def test_pass_through_keeps_the_connection(proxy: FaultProxy) -> None:
    with requests.Session() as http:
        assert [put(proxy, http) for _ in range(3)] == [201, 201, 201]
    assert Counting.handled == 3
    assert proxy.stats["pass"] == 3 and proxy.stats["upstream-responses"] == 3


def test_lost_response_reaches_the_server_not_the_client(proxy: FaultProxy) -> None:
    proxy.script([Fault.LOSE_RESPONSE])
    with requests.Session() as http:
        with pytest.raises(requests.ConnectionError):
            put(proxy, http)
        assert Counting.handled == 1  # stored, but the client never heard
        assert put(proxy, http) == 201


def test_reset_mid_request_never_completes_at_the_server(proxy: FaultProxy) -> None:
    proxy.script([Fault.RESET_MID_REQUEST])
    with requests.Session() as http:
        with pytest.raises(requests.ConnectionError):
            put(proxy, http, size=50_000)
        assert Counting.handled == 0
        assert put(proxy, http) == 201


def test_canned_statuses(proxy: FaultProxy) -> None:
    proxy.script([Fault.status(503, retry_after=2), Fault.status(500, after_forward=True)])
    with requests.Session() as http:
        r = http.put(f"http://127.0.0.1:{proxy.port}/x", data=b"x", timeout=5)
        assert r.status_code == 503 and r.headers["Retry-After"] == "2"
        assert r.headers["Content-Type"] == "application/problem+json"
        assert Counting.handled == 0
        assert put(proxy, http) == 500
        assert Counting.handled == 1  # the server has it; the client was told 500


def test_stall_makes_the_client_time_out(proxy: FaultProxy) -> None:
    proxy.set_mode(Fault.STALL)
    with requests.Session() as http, pytest.raises(requests.ReadTimeout):
        put(proxy, http, timeout=0.5)
    proxy.set_mode(Fault.PASS)


def test_slow_link_is_slow(proxy: FaultProxy) -> None:
    with requests.Session() as http:
        start = time.monotonic()
        put(proxy, http, size=20_000)
        fast = time.monotonic() - start
        proxy.set_mode(Fault.SLOW)
        start = time.monotonic()
        assert put(proxy, http, size=20_000) == 201
        slow = time.monotonic() - start
    assert slow > 0.4 > fast


def test_down_refuses_and_up_serves_again(proxy: FaultProxy) -> None:
    proxy.down()
    with requests.Session() as http:
        with pytest.raises(requests.ConnectionError):
            put(proxy, http)
        proxy.up()
        assert put(proxy, http) == 201


def test_random_faults_repeat_with_the_seed(proxy: FaultProxy) -> None:
    weights = {Fault.PASS: 1.0, Fault.status(503): 1.0}

    def run() -> list[int]:
        proxy.random(42, weights)
        with requests.Session() as http:
            return [put(proxy, http) for _ in range(12)]

    first, second = run(), run()
    assert first == second
    assert set(first) == {201, 503}
