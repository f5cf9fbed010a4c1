"""Only the hub's own answer is a status: a proxy's page or a redirect is "no connection"."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from offline_queue.status_lookup import LookupOutcome, StatusLookup

ANSWERS: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/api/v1/status/HTML-PAGE-0000": (200, {"Content-Type": "text/html"}, b"<html>ok</html>"),
    "/api/v1/status/REDI-RECT-0000": (302, {"Location": "/login"}, b""),
    "/api/v1/status/PROX-Y404-0000": (404, {"Content-Type": "text/html"}, b"not found"),
    "/api/v1/status/FAKE-JSON-0000": (
        200,
        {"Content-Type": "application/json"},
        b'{"status": "done"}',
    ),
}


class _Proxy(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status, headers, body = ANSWERS[self.path]
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def proxy() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Proxy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("code", sorted(ANSWERS))
def test_what_is_not_the_hub_s_answer_is_no_connection(proxy: str, code: str) -> None:
    client = StatusLookup(proxy, "t.s", allow_insecure_loopback=True)
    try:
        lookup = client.look_up(code.rsplit("/", 1)[-1])
    finally:
        client.close()
    assert lookup.outcome is LookupOutcome.OFFLINE
    assert lookup.report is None


def test_nobody_listening_is_no_connection() -> None:
    client = StatusLookup("http://127.0.0.1:9", "t.s", allow_insecure_loopback=True)
    assert client.look_up("AAAA-BBBB-CCCC").outcome is LookupOutcome.OFFLINE
    client.close()
