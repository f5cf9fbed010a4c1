"""Is a STUN/TURN server reachable? One STUN Binding request (RFC 8489), as a call's ICE would
send first: the answer proves the server is up and this network lets its packets through. Used
by the self-tests; a ``turns:`` or ``?transport=tcp`` server is checked by a TCP connection.
"""

from __future__ import annotations

import os
import socket
import struct
import time
import urllib.parse
from dataclasses import dataclass
from typing import Any

MAGIC_COOKIE = 0x2112A442
BINDING_REQUEST, BINDING_SUCCESS = 0x0001, 0x0101


@dataclass(frozen=True)
class StunServer:
    host: str
    port: int
    tcp: bool


def parse_url(url: str) -> StunServer:
    """``stun:host[:port]``, ``turn:host[:port][?transport=udp|tcp]``, ``turns:host[:port]``."""
    scheme, _, rest = url.partition(":")
    if scheme not in ("stun", "turn", "turns") or not rest:
        raise ValueError(f"not a STUN/TURN URL: {url}")
    where, _, query = rest.partition("?")
    transport = urllib.parse.parse_qs(query).get("transport", ["udp"])[0]
    if where.startswith("["):
        host, _, port_text = where[1:].partition("]")
        port_text = port_text.lstrip(":")
    else:
        host, _, port_text = where.rpartition(":") if where.count(":") == 1 else (where, "", "")
    default = 5349 if scheme == "turns" else 3478
    port = int(port_text) if port_text else default
    if not host or not 0 < port < 65536:
        raise ValueError(f"not a STUN/TURN URL: {url}")
    return StunServer(host, port, scheme == "turns" or transport == "tcp")


def reachable(server: StunServer, timeout_s: float = 3.0) -> float:
    """Seconds the server took to answer; OSError (or TimeoutError) if it did not."""
    started = time.monotonic()
    if server.tcp:
        with socket.create_connection((server.host, server.port), timeout=timeout_s):
            return time.monotonic() - started
    last: OSError = TimeoutError("no answer")
    # Every address the name has (IPv6 first, then IPv4, say): the first that answers counts.
    for family, kind, proto, _, address in socket.getaddrinfo(
        server.host, server.port, type=socket.SOCK_DGRAM
    ):
        try:
            return _binding(family, kind, proto, address, timeout_s)
        except OSError as exc:
            last = exc
    raise last


def _binding(family: int, kind: int, proto: int, address: Any, timeout_s: float) -> float:
    started = time.monotonic()
    transaction = os.urandom(12)
    request = struct.pack("!HHI", BINDING_REQUEST, 0, MAGIC_COOKIE) + transaction
    with socket.socket(family, kind, proto) as sock:
        sock.settimeout(timeout_s / 3)
        for _ in range(3):  # UDP: a lost packet is tried again
            sock.sendto(request, address)
            try:
                while True:
                    answer = sock.recv(2048)
                    if len(answer) >= 20 and answer[8:20] == transaction:
                        kind_found, _, cookie = struct.unpack("!HHI", answer[:8])
                        if cookie == MAGIC_COOKIE and kind_found == BINDING_SUCCESS:
                            return time.monotonic() - started
                        raise OSError(f"the server answered 0x{kind_found:04x}")
            except TimeoutError:
                continue
    raise TimeoutError("no answer")


def check_all(urls: tuple[str, ...]) -> list[tuple[str, bool, str]]:
    """Each server of ``urls`` asked once: (where, answered, detail) — what both self-tests
    say of them (the kiosk's and the technician's over SSH)."""
    found = []
    for url in urls:
        where = url.split("?", 1)[0]
        try:
            took = reachable(parse_url(url))
        except (OSError, ValueError) as exc:
            found.append((where, False, type(exc).__name__))
        else:
            found.append((where, True, f"answers ({took * 1000:.0f} ms)"))
    return found
