"""Heartbeat load: how many terminals one hub process holds, each reporting its health every
30 s over mutual TLS, with the 99th percentile answer within 100 ms (issue 16's goal: 10,000).

A real hub process serves the terminals' mutual-TLS port (``serve --tls-name``). N terminals
are registered, each with a device certificate of the hub's CA naming it (made here in bulk,
as enrolment makes them one at a time; recorded in the hub's database as it records them).
The load is open: report *i* is due at ``i / rate`` seconds whatever happened to the ones
before (a closed loop would slow down with the hub and hide its queue), each from its
terminal's own certificate on a new connection — as a terminal reports every 30 s and the
hub closes idle connections after 5 s, every heartbeat is a full TLS handshake. Latency is
from when the report was due to its answer.

The rate is raised in steps; a step *holds* when p99 ≤ 100 ms and nothing failed. The load
generator runs on the same two cores as the hub (asyncio, the handshakes in OpenSSL), so the
limit found is the hub's with a competitor beside it — the CPU each side used is printed.

    .venv/bin/python bench/heartbeat.py [--terminals 10000] [--step-s 20] [--rates 111,222,333,444]

Ends with one line of JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import shutil
import ssl
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hub.pki import CertificateAuthority, serial_text  # noqa: E402
from hub.store import Store  # noqa: E402
from tests.support.hub_runner import HubRunner  # noqa: E402
from wire.api import HEALTH_PATH  # noqa: E402
from wire.health import Connection, TerminalHealth  # noqa: E402

INTERVAL_S = 30.0
GOAL_P99_MS = 100.0
TIMEOUT_S = 10.0


def make_terminals(hub: HubRunner, count: int, folder: Path) -> list[ssl.SSLContext]:
    """``count`` terminals, registered and certified; their TLS client contexts."""
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509 import CertificateSigningRequestBuilder, Name

    ca = CertificateAuthority(hub.data_dir / "pki", create=False)
    store = Store(hub.data_dir / "hub.sqlite")
    folder.mkdir(parents=True, exist_ok=True)
    contexts = []
    now = dt.datetime.now(dt.UTC)
    rows = []
    for n in range(count):
        terminal = f"load-{n:05d}"
        store.add_terminal(terminal, "L", "Lastdorf", "0" * 64)
        key = ec.generate_private_key(ec.SECP256R1())
        csr = CertificateSigningRequestBuilder().subject_name(Name([])).sign(key, hashes.SHA256())
        issued = ca.issue_device(csr.public_bytes(serialization.Encoding.PEM), terminal, now)
        rows.append((serial_text(issued.certificate), terminal, now.timestamp(),
                     issued.not_after.timestamp()))  # fmt: skip
        pem = folder / f"{terminal}.pem"
        pem.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
            + issued.pem
        )
        context = ssl.create_default_context(cafile=str(hub.ca_file))
        context.load_cert_chain(str(pem))
        contexts.append(context)
    for serial, terminal, issued_at, not_after in rows:
        store.add_device_certificate(serial, terminal, issued_at, not_after)
    store.close()
    return contexts


def report_body() -> bytes:
    return TerminalHealth(
        software_version="0.1.0",
        connection=Connection.ONLINE,
        depth=0,
        oldest_age_s=0.0,
        dead_letters=0,
        report_interval_s=INTERVAL_S,
        printer="ready",
        card_reader="ready",
        camera="ready",
        config_version="1 · bench",
    ).to_json()


async def one_report(port: int, context: ssl.SSLContext, terminal: str, body: bytes) -> int:
    reader, writer = await asyncio.open_connection(
        "127.0.0.1", port, ssl=context, server_hostname="localhost"
    )
    try:
        writer.write(request(terminal, body, close=True))
        await writer.drain()
        status_line = await reader.readline()
        await reader.read()  # (to the end: the hub closes)
        return int(status_line.split()[1])
    finally:
        writer.close()


def request(terminal: str, body: bytes, *, close: bool) -> bytes:
    path = HEALTH_PATH.format(terminal_id=terminal)
    lines = [
        f"PUT {path} HTTP/1.1",
        "Host: localhost",
        "Content-Type: application/json",
        f"Content-Length: {len(body)}",
        *(["Connection: close"] if close else []),
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


async def answer(reader: asyncio.StreamReader) -> int:
    """The status of one HTTP/1.1 answer, its body read (the connection stays usable)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    length = next(
        (int(x.split(":", 1)[1]) for x in lines if x.lower().startswith("content-length:")), 0
    )
    await reader.readexactly(length)
    return int(lines[0].split()[1])


async def open_load(
    due: Callable[[int], Coroutine[Any, Any, None]], count: int, rate: float, start: float
) -> None:
    """Start report *i* at ``start + i / rate``, whatever became of the ones before: each is
    made when it is due (made all at once, ten thousand waiting tasks would themselves delay
    the first ones: the load generator's lateness, not the hub's)."""
    loop = asyncio.get_running_loop()
    running: set[asyncio.Task[None]] = set()
    for i in range(count):
        wait = start + i / rate - loop.time()
        if wait > 0:
            await asyncio.sleep(wait)
        task = asyncio.create_task(due(i))
        running.add(task)
        task.add_done_callback(running.discard)
    while running:
        await asyncio.gather(*list(running))


async def kept_connections(
    port: int, contexts: list[ssl.SSLContext], rate: float, seconds: float
) -> dict[str, object]:
    """Every terminal connects once (its first report), then reports again on its open
    connection, as a terminal whose interval is shorter than the hub's keep-alive does."""
    body = report_body()
    loop = asyncio.get_running_loop()
    connections: list[tuple[asyncio.StreamReader, asyncio.StreamWriter] | None] = [None] * len(
        contexts
    )
    gate = asyncio.Semaphore(64)
    started = loop.time()

    async def connect(n: int) -> None:
        async with gate:
            reader, writer = await asyncio.open_connection(
                "127.0.0.1", port, ssl=contexts[n], server_hostname="localhost"
            )
            writer.write(request(f"load-{n:05d}", body, close=False))
            await writer.drain()
            if await answer(reader) == 200:
                connections[n] = (reader, writer)

    await asyncio.gather(*(connect(n) for n in range(len(contexts))), return_exceptions=True)
    connect_s = loop.time() - started
    latencies: list[float] = []
    failures: dict[str, int] = {}
    reconnected = 0
    count = int(rate * seconds)
    start = loop.time() + 0.2
    client_cpu = time.process_time()

    async def due(i: int) -> None:
        nonlocal reconnected
        at = start + i / rate
        n = i % len(contexts)  # (round after round, each terminal in turn)
        kept = connections[n]
        try:
            if kept is None:
                reconnected += 1
                reader, writer = await asyncio.open_connection(
                    "127.0.0.1", port, ssl=contexts[n], server_hostname="localhost"
                )
                connections[n] = (reader, writer)
            else:
                reader, writer = kept
            writer.write(request(f"load-{n:05d}", body, close=False))
            await writer.drain()
            status = await asyncio.wait_for(answer(reader), TIMEOUT_S)
        except (OSError, TimeoutError, ValueError, asyncio.IncompleteReadError) as exc:
            failures[type(exc).__name__] = failures.get(type(exc).__name__, 0) + 1
            return
        if status != 200:
            failures[f"HTTP {status}"] = failures.get(f"HTTP {status}", 0) + 1
            return
        latencies.append(loop.time() - at)
        timeline.append((at - start, loop.time() - at))

    timeline: list[tuple[float, float]] = []
    await open_load(due, count, rate, start)
    answered_at = time.time()
    for kept in connections:
        if kept is not None:
            kept[1].close()
    latencies.sort()

    def p(q: float) -> float:
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000

    return {
        "connected": sum(1 for c in connections if c is not None),
        "connect_s": round(connect_s, 1),
        "rate_per_s": rate,
        "terminals_at_30s": round(rate * INTERVAL_S),
        "reports": count,
        "reconnected": reconnected,
        "p50_ms": round(p(0.50), 1) if latencies else -1,
        "p99_ms": round(p(0.99), 1) if latencies else -1,
        "max_ms": round(latencies[-1] * 1000, 1) if latencies else -1,
        "failed": sum(failures.values()),
        "failures": failures,
        "client_cpu_s": round(time.process_time() - client_cpu, 1),
        "slow_seconds": stalls(timeline, GOAL_P99_MS / 1000),
        "reports_from": answered_at - (loop.time() - start),
        "reports_until": answered_at,
    }


async def step(
    port: int, contexts: list[ssl.SSLContext], rate: float, seconds: float, first: int
) -> dict[str, float]:
    body = report_body()
    count = int(rate * seconds)
    latencies: list[float] = []
    failures: dict[str, int] = {}
    loop = asyncio.get_running_loop()
    start = loop.time() + 0.2
    client_cpu = time.process_time()

    async def due(i: int) -> None:
        at = start + i / rate
        n = (first + i) % len(contexts)
        try:
            status = await asyncio.wait_for(
                one_report(port, contexts[n], f"load-{n:05d}", body), TIMEOUT_S
            )
        except (OSError, TimeoutError, ValueError, IndexError) as exc:
            failures[type(exc).__name__] = failures.get(type(exc).__name__, 0) + 1
            return
        if status != 200:
            failures[f"HTTP {status}"] = failures.get(f"HTTP {status}", 0) + 1
            return
        latencies.append(loop.time() - at)

    await open_load(due, count, rate, start)
    latencies.sort()

    def p(q: float) -> float:
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000

    return {
        "rate_per_s": rate,
        "terminals_at_30s": round(rate * INTERVAL_S),
        "reports": count,
        "p50_ms": round(p(0.50), 1) if latencies else -1,
        "p99_ms": round(p(0.99), 1) if latencies else -1,
        "max_ms": round(latencies[-1] * 1000, 1) if latencies else -1,
        "failed": sum(failures.values()),
        "failures": failures,  # type: ignore[dict-item]
        "client_cpu_s": round(time.process_time() - client_cpu, 1),
    }


#: Put on the hub's PYTHONPATH: reports each full garbage collection (generation 2) of the hub
#: process with its length, so a stall in the answers can be matched with one.
GC_PROBE = """
import gc, sys, time
_started = [0.0]
def _probe(phase, info):
    if info["generation"] != 2:
        return
    if phase == "start":
        _started[0] = time.perf_counter()
    else:
        took = (time.perf_counter() - _started[0]) * 1000
        print(f"BENCH-GC2 {time.time():.3f} {took:.1f}", file=sys.stderr, flush=True)
gc.callbacks.append(_probe)
"""


def full_collections(log: Path, since: float, until: float) -> list[float]:
    """The lengths (ms) of the hub's full garbage collections between two wall-clock times."""
    found = []
    for line in log.read_text(errors="replace").splitlines():
        if line.startswith("BENCH-GC2 "):
            _, at, took = line.split()
            if since <= float(at) <= until:
                found.append(float(took))
    return found


def stalls(timeline: list[tuple[float, float]], limit_s: float) -> list[str]:
    """The seconds of the run (from its start) in which an answer took longer than the limit."""
    worst: dict[int, float] = {}
    for at, took in timeline:
        if took > limit_s:
            second = int(at)
            worst[second] = max(worst.get(second, 0.0), took)
    return [f"{second} s: {took * 1000:.0f} ms" for second, took in sorted(worst.items())]


def hub_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return -1.0


def hub_cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--terminals", type=int, default=10_000)
    parser.add_argument("--step-s", type=float, default=20.0)
    parser.add_argument(
        "--rates", default="", help="reports per second, comma-separated (default: from N/30 s)"
    )
    parser.add_argument(
        "--kept-only", action="store_true", help="only the kept connections' run (no steps)"
    )
    parser.add_argument(
        "--kept-s", type=float, default=INTERVAL_S,
        help="how long the kept connections report (s; each terminal once every 30 s)",
    )  # fmt: skip
    args = parser.parse_args()
    target = args.terminals / INTERVAL_S
    rates = (
        [float(r) for r in args.rates.split(",")]
        if args.rates
        else [round(target * f, 1) for f in (0.25, 0.5, 0.75, 1.0, 1.25)]
    )
    if args.kept_only:
        rates = []
    work = Path(tempfile.mkdtemp(prefix="pop-bench-heartbeat-"))
    probe = work / "probe"
    probe.mkdir()
    (probe / "sitecustomize.py").write_text(GC_PROBE)
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(probe), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    hub = HubRunner(work / "hub", tls=True)
    hub.cli("init")
    hub.start()  # (makes the CA)
    try:
        made = time.perf_counter()
        contexts = make_terminals(hub, args.terminals, work / "terminals")
        print(f"{args.terminals} terminals certified in {time.perf_counter() - made:.1f} s",
              flush=True)  # fmt: skip
        hub.stop()
        hub.start()  # (a fresh process: nothing cached from the set-up)
        assert hub.process is not None
        steps = []
        first = 0
        for rate in rates:
            before = hub_cpu_s(hub.process.pid)
            started = time.perf_counter()
            found = asyncio.run(step(hub.terminal_port, contexts, rate, args.step_s, first))
            wall = time.perf_counter() - started
            found["hub_cpu_share"] = round((hub_cpu_s(hub.process.pid) - before) / wall, 2)
            found["holds"] = found["failed"] == 0 and 0 <= found["p99_ms"] <= GOAL_P99_MS
            first += int(rate * args.step_s)
            steps.append(found)
            print(f"{rate:7.1f} reports/s (= {found['terminals_at_30s']:6d} terminals at 30 s): "
                  f"p50 {found['p50_ms']} ms, p99 {found['p99_ms']} ms, max {found['max_ms']} "
                  f"ms, failed {found['failed']} {found['failures'] or ''}; hub CPU "
                  f"{found['hub_cpu_share']} cores, load generator {found['client_cpu_s']} s "
                  f"— {'holds' if found['holds'] else 'does not hold'}", flush=True)  # fmt: skip
        # The same fleet with kept connections, at its own rate (N every 30 s).
        before = hub_cpu_s(hub.process.pid)
        began = time.perf_counter()
        kept = asyncio.run(kept_connections(hub.terminal_port, contexts, target, args.kept_s))
        collections = full_collections(
            hub.log_path,
            float(kept.pop("reports_from")),  # type: ignore[arg-type]
            float(kept.pop("reports_until")),  # type: ignore[arg-type]
        )
        kept["hub_rss_mb"] = hub_rss_mb(hub.process.pid)
        kept["hub_full_gcs"] = len(collections)
        kept["hub_full_gc_max_ms"] = max(collections, default=0.0)
        steady_s = args.kept_s  # (the reports' part of the run; the connecting came first)
        kept["hub_cpu_s"] = round(hub_cpu_s(hub.process.pid) - before, 1)
        kept["holds"] = kept["failed"] == 0 and 0 <= kept["p99_ms"] <= GOAL_P99_MS  # type: ignore[operator]
        print(f"kept connections: {kept['connected']} terminals connected in "
              f"{kept['connect_s']} s, then {target:.1f} reports/s for {steady_s:.0f} s: "
              f"p50 {kept['p50_ms']} ms, p99 {kept['p99_ms']} ms, max {kept['max_ms']} ms, "
              f"failed {kept['failed']} {kept['failures'] or ''}, reconnected "
              f"{kept['reconnected']}; hub CPU {kept['hub_cpu_s']} s in "
              f"{time.perf_counter() - began:.0f} s — "
              f"{'holds' if kept['holds'] else 'does not hold'}", flush=True)  # fmt: skip
        print(f"  seconds with an answer over {GOAL_P99_MS:.0f} ms: "
              f"{', '.join(kept['slow_seconds']) or 'none'}; the hub's full garbage "  # type: ignore[arg-type]
              f"collections meanwhile: {kept['hub_full_gcs']}, longest "
              f"{kept['hub_full_gc_max_ms']} ms; hub RSS {kept['hub_rss_mb']} MB",
              flush=True)  # fmt: skip
    finally:
        hub.stop()
        shutil.rmtree(work, ignore_errors=True)
    held = [s for s in steps if s["holds"]]
    best = max((s["terminals_at_30s"] for s in held), default=0)
    at_target = next((s for s in steps if s["rate_per_s"] == round(target, 1)), None)
    figures = {
        "terminals": args.terminals,
        "interval_s": INTERVAL_S,
        "most_terminals_held_at_30s": best,
        "goal_10000_met": best >= 10_000,
        "p99_at_goal_rate_ms": at_target["p99_ms"] if at_target else None,
        "p50_at_goal_rate_ms": at_target["p50_ms"] if at_target else None,
        "hub_cpu_share_at_goal_rate": at_target["hub_cpu_share"] if at_target else None,
        "kept_connections_goal_met": bool(kept["holds"]) and args.terminals >= 10_000,
        "kept_p99_ms": kept["p99_ms"],
        "kept_p50_ms": kept["p50_ms"],
        "kept_connect_all_s": kept["connect_s"],
        "kept_hub_full_gcs": kept["hub_full_gcs"],
        "kept_hub_full_gc_max_ms": kept["hub_full_gc_max_ms"],
        "kept_hub_rss_mb": kept["hub_rss_mb"],
        "steps": steps,
        "kept": kept,
    }
    print(f"goal: {args.terminals} terminals every 30 s with p99 ≤ {GOAL_P99_MS:.0f} ms — "
          f"a new connection per report: {'MET' if best >= args.terminals else 'NOT MET'} "
          f"(held up to {best}); kept connections: "
          f"{'MET' if kept['holds'] else 'NOT MET'}")  # fmt: skip
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
