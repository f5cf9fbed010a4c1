"""Terminals keep their connections to the hub between reports, so each kept connection must
cost the hub little memory: ten thousand of them once took 3 GB (asyncio's 256 KiB read buffer
per TLS connection)."""

from __future__ import annotations

import socket
import ssl
from pathlib import Path

import pytest

from tests.hub.test_mtls import enrolled
from tests.support.hub_runner import HubRunner
from wire.api import PROBE_PATH

CONNECTIONS = 200
#: What one kept mutual-TLS connection may cost the hub (with asyncio's buffer: ~300 KiB).
MOST_PER_CONNECTION_KIB = 180


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def kept_connection(runner: HubRunner, context: ssl.SSLContext) -> ssl.SSLSocket:
    """A connection that has asked once and stays open (HTTP/1.1 keep-alive)."""
    raw = socket.create_connection(("127.0.0.1", runner.terminal_port), timeout=10)
    tls = context.wrap_socket(raw, server_hostname="localhost")
    tls.sendall(f"GET {PROBE_PATH}?nonce={'a' * 16} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode())
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = tls.recv(4096)
        assert chunk, "the hub closed the connection"
        head += chunk
    assert head.startswith(b"HTTP/1.1 "), head[:40]
    return tls


@pytest.mark.timeout(120)
def test_a_kept_terminal_connection_costs_the_hub_little_memory(tmp_path: Path) -> None:
    runner = HubRunner(tmp_path / "hub", tls=True)
    runner.setup("village-01")
    runner.start()
    try:
        cert, key = enrolled(runner, "village-01", tmp_path / "village-01")
        context = ssl.create_default_context(cafile=str(runner.ca_file))
        context.load_cert_chain(str(cert), str(key))
        assert runner.process is not None
        warm = [kept_connection(runner, context) for _ in range(20)]
        before = rss_kib(runner.process.pid)
        kept = [kept_connection(runner, context) for _ in range(CONNECTIONS)]
        per_connection = (rss_kib(runner.process.pid) - before) / CONNECTIONS
        for connection in warm + kept:
            connection.close()
    finally:
        runner.stop()
    assert per_connection < MOST_PER_CONNECTION_KIB, f"{per_connection:.0f} KiB per connection"
