"""A fault-injecting HTTP/1.1 proxy for the network-fault tests, written with asyncio.

It sits between the terminal's ``requests`` client and a real hub on 127.0.0.1 and, request by
request, passes the exchange through or breaks it the way village networks do:

- ``Fault.PASS`` — forward both ways;
- ``Fault.RESET_MID_REQUEST`` — forward half the request, then reset both connections;
- ``Fault.LOSE_RESPONSE`` — forward the request, let the hub answer (it has stored the item),
  then reset the client's connection without the answer: the classic duplicate;
- ``Fault.SLOW`` — forward at ``slow_bytes_per_s`` in small pieces;
- ``Fault.STALL`` — read the request, never answer (the client's read timeout must fire);
- ``Fault.status(503, retry_after=1)`` — answer with that status instead of the hub;
- ``Fault.status(500, after_forward=True)`` — forward, the hub stores it, the client gets 500;
- ``Fault.page(413)`` — answer that status with an HTML page, as nginx does (``Fault.page(200)``:
  a maintenance page or captive portal that says "OK");
- ``Fault.redirect(302)`` — redirect to the proxy's own maintenance page (``/maintenance``,
  which answers 200 HTML to any method, as a portal would).

``rule(text, fault)`` answers every request whose path contains ``text`` with ``fault`` (an
item the hub always refuses). ``stats["maintenance"]`` counts requests for the maintenance page
(a client that follows redirects lands there).

Whole outages are :meth:`FaultProxy.down` (the port refuses connections) and :meth:`up`.
Faults come from a script (consumed one per request), else from a seeded random choice if one
is set, else from the standing mode. The proxy runs its own event loop in a daemon thread and
is controlled from synchronous test code; ``stats`` counts what it did.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import socket
import struct
import threading
import time
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Fault:
    kind: str
    status_code: int = 0
    retry_after: int | None = None
    after_forward: bool = False
    html: bool = False

    PASS: Any = None  # set below
    RESET_MID_REQUEST: Any = None
    LOSE_RESPONSE: Any = None
    SLOW: Any = None
    STALL: Any = None

    @staticmethod
    def status(code: int, retry_after: int | None = None, after_forward: bool = False) -> Fault:
        return Fault("status", code, retry_after, after_forward)

    @staticmethod
    def page(code: int) -> Fault:
        return Fault("status", code, html=True)

    @staticmethod
    def redirect(code: int) -> Fault:
        return Fault("redirect", code)

    @property
    def label(self) -> str:
        if self.kind == "status":
            html = "-html" if self.html else ""
            return f"status-{self.status_code}{html}{'-after' if self.after_forward else ''}"
        if self.kind == "redirect":
            return f"redirect-{self.status_code}"
        return self.kind


Fault.PASS = Fault("pass")
Fault.RESET_MID_REQUEST = Fault("reset-mid-request")
Fault.LOSE_RESPONSE = Fault("lose-response")
Fault.SLOW = Fault("slow")
Fault.STALL = Fault("stall")


#: Where the proxy's redirects point: its own maintenance page.
MAINTENANCE_PATH = "/maintenance"


class _ClosedError(Exception):
    pass


async def _read_head(reader: asyncio.StreamReader) -> bytes:
    try:
        return await reader.readuntil(b"\r\n\r\n")
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError) as exc:
        raise _ClosedError from exc


def _header(head: bytes, name: bytes) -> bytes | None:
    for line in head.split(b"\r\n")[1:]:
        key, _, value = line.partition(b":")
        if key.strip().lower() == name:
            return value.strip()
    return None


async def _read_body(reader: asyncio.StreamReader, head: bytes, is_response: bool) -> bytes:
    try:
        length = _header(head, b"content-length")
        if length is not None:
            return await reader.readexactly(int(length))
        if (_header(head, b"transfer-encoding") or b"").lower() == b"chunked":
            body = b""
            while True:
                size_line = await reader.readuntil(b"\r\n")
                size = int(size_line.split(b";")[0], 16)
                chunk = await reader.readexactly(size + 2)
                body += size_line + chunk
                if size == 0:
                    return body
        if is_response:
            status = int(head.split(b" ", 2)[1])
            if status in (204, 304) or 100 <= status < 200:
                return b""
            return await reader.read()
        return b""
    except (asyncio.IncompleteReadError, ConnectionError, ValueError) as exc:
        raise _ClosedError from exc


def _reset(writer: asyncio.StreamWriter) -> None:
    """Close with RST (SO_LINGER 0), as a dropped mobile link or a crashed router would."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


class FaultProxy:
    def __init__(self, upstream_port: int, slow_bytes_per_s: int = 20_000) -> None:
        self.upstream_port = upstream_port
        self.slow_bytes_per_s = slow_bytes_per_s
        self.mode: Fault = Fault.PASS
        self.stats: Counter[str] = Counter()
        #: When each request arrived (time.monotonic), and the fault it got.
        self.log: list[tuple[float, str]] = []
        self._script: deque[Fault] = deque()
        self._rules: list[tuple[bytes, Fault]] = []
        self._random: tuple[random.Random, list[Fault], list[float]] | None = None
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._writers: set[asyncio.StreamWriter] = set()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="fault-proxy", daemon=True
        )
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = int(s.getsockname()[1])

    # -- control from the test's thread ---------------------------------------------------

    def __enter__(self) -> FaultProxy:
        self._thread.start()
        self.up()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _call(self, coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout=10)

    def up(self) -> None:
        """Listen (again) on :attr:`port`."""
        self._call(self._start())

    def down(self) -> None:
        """Stop listening and cut every open connection: the hub is unreachable."""
        self._call(self._stop())

    def set_mode(self, fault: Fault) -> None:
        with self._lock:
            self.mode = fault

    def script(self, faults: list[Fault]) -> None:
        with self._lock:
            self._script.extend(faults)

    def rule(self, text: str, fault: Fault) -> None:
        """Answer every request whose path contains ``text`` with ``fault``."""
        with self._lock:
            self._rules.append((text.encode(), fault))

    def clear_rules(self) -> None:
        with self._lock:
            self._rules.clear()

    def random(self, seed: int, weights: dict[Fault, float]) -> None:
        with self._lock:
            self._random = (random.Random(seed), list(weights), list(weights.values()))

    def close(self) -> None:
        if self._thread.is_alive():
            self._call(self._stop())
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
        self._loop.close()

    def _next_fault(self, head: bytes) -> Fault:
        target = head.split(b" ", 2)[1] if head.count(b" ") >= 2 else b""
        with self._lock:
            for text, fault in self._rules:
                if text in target:
                    return fault
            if self._script:
                return self._script.popleft()
            if self._random is not None:
                rng, faults, weights = self._random
                return rng.choices(faults, weights)[0]
            return self.mode

    # -- the event loop's side -------------------------------------------------------------

    async def _start(self) -> None:
        if self._server is None:
            self._server = await asyncio.start_server(
                self._serve, "127.0.0.1", self.port, reuse_address=True
            )

    async def _stop(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        for writer in list(self._writers):
            _reset(writer)
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self._writers.add(writer)
        upstream: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
        try:
            while True:
                head = await _read_head(reader)
                body = await _read_body(reader, head, is_response=False)
                if head.split(b" ", 2)[1:2] == [MAINTENANCE_PATH.encode()]:
                    self.stats["maintenance"] += 1
                    await self._answer(writer, Fault.page(200))
                    continue
                fault = self._next_fault(head)
                self.stats["requests"] += 1
                self.stats[fault.label] += 1
                self.log.append((time.monotonic(), fault.label))
                if (fault.kind == "status" and not fault.after_forward) or fault.kind == "redirect":
                    await self._answer(writer, fault)
                    continue
                if fault.kind == "stall":
                    await reader.read()  # until the client gives up
                    return
                if upstream is None:
                    try:
                        upstream = await asyncio.open_connection("127.0.0.1", self.upstream_port)
                    except OSError:
                        self.stats["upstream-refused"] += 1
                        _reset(writer)
                        return
                    self._writers.add(upstream[1])
                up_reader, up_writer = upstream
                request = head + body
                if fault is Fault.RESET_MID_REQUEST:
                    up_writer.write(request[: max(1, len(request) // 2)])
                    await up_writer.drain()
                    _reset(up_writer)
                    _reset(writer)
                    return
                await self._send(up_writer, request, slow=fault is Fault.SLOW)
                response_head = await _read_head(up_reader)
                response = response_head + await _read_body(up_reader, response_head, True)
                self.stats["upstream-responses"] += 1
                if fault is Fault.LOSE_RESPONSE:
                    _reset(writer)
                    _reset(up_writer)
                    return
                if fault.kind == "status":  # after_forward: the hub has it, the client hears 500
                    await self._answer(writer, fault)
                    continue
                await self._send(writer, response, slow=fault is Fault.SLOW)
                if (_header(response_head, b"connection") or b"").lower() == b"close":
                    return
        except (_ClosedError, ConnectionError, asyncio.CancelledError):
            return
        finally:
            self._tasks.discard(task)
            for w in (writer, upstream[1] if upstream else None):
                if w is not None:
                    self._writers.discard(w)
                    with contextlib.suppress(Exception):
                        w.close()

    async def _send(self, writer: asyncio.StreamWriter, data: bytes, slow: bool) -> None:
        if not slow:
            writer.write(data)
            await writer.drain()
            return
        piece = max(1, self.slow_bytes_per_s // 20)
        for start in range(0, len(data), piece):
            writer.write(data[start : start + piece])
            await writer.drain()
            await asyncio.sleep(0.05)  # the link's pace, not a wait for readiness

    async def _answer(self, writer: asyncio.StreamWriter, fault: Fault) -> None:
        if fault.html or fault.kind == "redirect":
            # What nginx, a maintenance page or a captive portal sends: HTML, not the hub's.
            body = (
                f"<html><head><title>{fault.status_code}</title></head><body><center><h1>"
                "Wartungsarbeiten / maintenance</h1></center><hr><center>nginx</center>"
                "</body></html>\r\n"
            ).encode()
            content_type = "text/html"
        else:
            body = json.dumps(
                {"type": "about:blank", "title": "proxy says no", "status": fault.status_code}
            ).encode()
            content_type = "application/problem+json"
        lines = [
            f"HTTP/1.1 {fault.status_code} Proxy Fault",
            f"Content-Type: {content_type}",
            f"Content-Length: {len(body)}",
        ]
        if fault.kind == "redirect":
            lines.append(f"Location: http://127.0.0.1:{self.port}{MAINTENANCE_PATH}")
        if fault.retry_after is not None:
            lines.append(f"Retry-After: {fault.retry_after}")
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        await writer.drain()


@contextlib.contextmanager
def fault_proxy(upstream_port: int, **kwargs: Any) -> Iterator[FaultProxy]:
    with FaultProxy(upstream_port, **kwargs) as proxy:
        yield proxy
