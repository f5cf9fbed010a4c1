"""Drain rate: 10,000 queued submissions delivered to a local hub, and the hub's intake latency.

A real hub process (``python -m hub serve``, its own SQLite file, 4096-bit key) on a free local
port; an outbox pre-filled with sealed submissions (forms without photos, as most are); then the
terminal's delivery worker drains it. Side by side, in the same run, the floor: the same number
of sealed submissions PUT by a bare ``requests`` loop (no outbox, no bookkeeping) to a second,
fresh hub — the difference is what the outbox and the worker cost.

    .venv/bin/python bench/drain.py [--items 10000]

Prints the drain rate (goal ≥ 200/s), per-request latency p50/p99 as the terminal saw it (the
hub's intake time plus loopback), the ratio against the floor, and last one line of JSON.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from offline_queue.delivery import DeliveryStatus, DeliveryWorker  # noqa: E402
from offline_queue.hub_client import Answer, HubClient  # noqa: E402
from offline_queue.outbox import Outbox  # noqa: E402
from offline_queue.parcel import DATA_PART, Parcel, Part  # noqa: E402
from wire.api import SUBMISSION_PATH  # noqa: E402
from wire.sealing import load_public_key, seal  # noqa: E402
from wire.tracking import new_tracking_code  # noqa: E402

TERMINAL = "bench-terminal"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Hub:
    """A hub process on its own data folder; stopped with SIGTERM at the end."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        hub = [sys.executable, "-m", "hub"]
        run = {"cwd": ROOT, "check": True, "capture_output": True}
        subprocess.run([*hub, "init", "--data-dir", str(folder)], **run)  # type: ignore[call-overload]
        subprocess.run(  # type: ignore[call-overload]
            [*hub, "key", "export", "--data-dir", str(folder), "--out", str(folder / "pub.jwk")],
            **run,
        )
        subprocess.run(  # type: ignore[call-overload]
            [
                *hub,
                "terminals",
                "add",
                TERMINAL,
                "--name",
                "Bench",
                "--place",
                "Bench",
                "--data-dir",
                str(folder),
                "--credential-file",
                str(folder / "credential"),
            ],
            **run,
        )
        self.token = (folder / "credential").read_text().strip()
        self.key = load_public_key(folder / "pub.jwk")
        self.log = (folder / "hub.log").open("wb")
        self.process = subprocess.Popen(
            [
                *hub,
                "serve",
                "--data-dir",
                str(folder),
                "--port",
                str(self.port),
                # intake_memory sends one terminal's 24 photos at once on purpose (a real
                # terminal sends one at a time): lift the per-terminal bounds for it.
                "--uploads-per-terminal",
                "64",
                "--max-pending-attachment-mb",
                "1024",
            ],
            cwd=ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                requests.get(self.url + "/healthz", timeout=1)
                break
            except requests.ConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(f"hub did not start: {folder / 'hub.log'}") from None
                time.sleep(0.05)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


def sealed_submissions(hub: Hub, count: int) -> list[tuple[str, str, bytes]]:
    """(id, plaintext digest, sealed data part) for ``count`` distinct valid submissions."""
    items = []
    now = datetime.now(UTC)
    preferred = (now + timedelta(days=14)).date().isoformat()
    for i in range(count):
        sid = str(uuid.uuid4())
        doc: dict[str, object] = {
            "schema": "pop.submission/1",
            "id": sid,
            "tracking_code": new_tracking_code(),
            "service": {"id": "termin", "version": 1},
            "terminal_id": TERMINAL,
            "language": "de",
            "started_at": now.isoformat(),
            "submitted_at": now.isoformat(),
            "form": {
                "topic": "id_card",
                "preferred_date": preferred,
                "morning": "yes",
                "name": f"Bench {i}",
                "phone": "0221 654321",
            },
            "identity": None,
            "attachments": [],
        }
        data = json.dumps(doc, ensure_ascii=False).encode()
        items.append(
            (
                sid,
                hashlib.sha256(data).hexdigest(),
                seal(data, hub.key, "application/json").encode(),
            )
        )
    return items


class TimedClient(HubClient):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.latencies_ms: list[float] = []

    def send(self, submission_id: str, part: Part) -> Answer:
        t0 = time.perf_counter()
        answer = super().send(submission_id, part)
        self.latencies_ms.append((time.perf_counter() - t0) * 1000)
        return answer


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run_outbox(hub: Hub, items: list[tuple[str, str, bytes]], folder: Path) -> dict[str, float]:
    outbox = Outbox(folder / "outbox.sqlite")
    for sid, digest, body in items:
        outbox.enqueue(Parcel(sid, digest, (Part(DATA_PART, body),)))
    client = TimedClient(hub.url, hub.token, allow_insecure_loopback=True)
    done = threading.Event()

    def on_status(status: DeliveryStatus) -> None:
        if status.depth == 0:
            done.set()

    worker = DeliveryWorker(outbox, client, on_status=on_status)
    t0 = time.perf_counter()
    worker.start()
    if not done.wait(timeout=600):
        raise RuntimeError("the outbox did not drain within 10 minutes")
    elapsed = time.perf_counter() - t0
    worker.stop()
    dead = outbox.stats().dead_letters
    outbox.close()
    if dead:
        raise RuntimeError(f"{dead} items were refused by the hub")
    lat = client.latencies_ms
    return {
        "drain_s": elapsed,
        "rate": len(items) / elapsed,
        "p50": statistics.median(lat),
        "p99": percentile(lat, 0.99),
    }


def run_floor(hub: Hub, items: list[tuple[str, str, bytes]]) -> dict[str, float]:
    http = requests.Session()
    http.trust_env = False
    headers = {"Authorization": f"Bearer {hub.token}", "Content-Type": "application/jose"}
    lat = []
    t0 = time.perf_counter()
    for sid, _, body in items:
        t = time.perf_counter()
        r = http.put(
            hub.url + SUBMISSION_PATH.format(submission_id=sid),
            data=body,
            headers=headers,
            timeout=30,
        )
        lat.append((time.perf_counter() - t) * 1000)
        if r.status_code != 201:
            raise RuntimeError(f"floor: HTTP {r.status_code}")
    elapsed = time.perf_counter() - t0
    return {
        "drain_s": elapsed,
        "rate": len(items) / elapsed,
        "p50": statistics.median(lat),
        "p99": percentile(lat, 0.99),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, default=ROOT / ".bench-tmp")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=args.dir, prefix="drain-"))
    hubs: list[Hub] = []
    try:
        hubs = [Hub(folder / "hub-a"), Hub(folder / "hub-b")]
        print(f"hubs up; sealing {args.items} submissions twice …", flush=True)
        ours_items = sealed_submissions(hubs[0], args.items)
        floor_items = sealed_submissions(hubs[1], args.items)
        ours = run_outbox(hubs[0], ours_items, folder)
        print(
            f"outbox + delivery worker: {args.items} in {ours['drain_s']:.1f} s "
            f"= {ours['rate']:.0f}/s; request p50 {ours['p50']:.2f} ms, p99 {ours['p99']:.2f} ms"
        )
        floor = run_floor(hubs[1], floor_items)
        print(
            f"floor (bare PUT loop):    {args.items} in {floor['drain_s']:.1f} s "
            f"= {floor['rate']:.0f}/s; request p50 {floor['p50']:.2f} ms, p99 {floor['p99']:.2f} ms"
        )
        ratio = ours["rate"] / floor["rate"]
        print(
            f"drain rate ours/floor: {ratio:.3f}×; goal ≥ 200/s: "
            f"{'met' if ours['rate'] >= 200 else 'NOT met'}"
        )
        print(
            json.dumps(
                {
                    "items": args.items,
                    "drain_rate_per_s": round(ours["rate"], 1),
                    "drain_s": round(ours["drain_s"], 2),
                    "intake_p50_ms": round(ours["p50"], 3),
                    "intake_p99_ms": round(ours["p99"], 3),
                    "floor_rate_per_s": round(floor["rate"], 1),
                    "floor_intake_p99_ms": round(floor["p99"], 3),
                    "rate_ratio_vs_floor": round(ratio, 3),
                    "cpus": os.cpu_count(),
                }
            )
        )
    finally:
        for hub in hubs:
            hub.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
