"""Durable enqueue: our outbox beside persist-queue's SQLiteAckQueue and a raw sqlite3 insert.

All three write to files in the same folder on the same disk, with the same durability: WAL
journal, ``synchronous=FULL`` (an fsync of the WAL on every commit), one commit per item. The
item is what the kiosk really queues: a submission without photos, sealed for a 4096-bit hub
key (about 2.7 kB of JWE). Rounds are interleaved (ours, persist-queue, raw; then rotated) so
that the disk's mood affects all alike.

    .venv/bin/python bench/enqueue.py [--items 3000] [--rounds 6] [--dir PATH]

Prints per-system p50/p99 latency and throughput, the ratios against both baselines, and last a
line of JSON. ``--dir`` must not be a tmpfs (fsync would cost nothing there); the default is a
folder under the repository.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Protocol

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from offline_queue.outbox import Outbox  # noqa: E402
from offline_queue.parcel import DATA_PART, Parcel, Part  # noqa: E402
from wire.sealing import generate_key, import_key, public_jwk, seal  # noqa: E402


class System(Protocol):
    name: str

    def __call__(self, i: int) -> None: ...

    def close(self) -> None: ...


def sealed_item() -> bytes:
    key = import_key(public_jwk(generate_key()))
    doc = {
        "schema": "pop.submission/1",
        "form": {"items": "1 Sofa, 2 Stühle, 1 Schrank", "note": "x" * 900},
        "identity": {"document_type": "id_card", "prefilled_fields": ["family_name"]},
    }
    return seal(json.dumps(doc).encode(), key, "application/json").encode("ascii")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class Ours:
    name = "outbox"

    def __init__(self, folder: Path, body: bytes, items: int) -> None:
        self.box = Outbox(folder / "outbox.sqlite")
        # Built beforehand, as the other two get a ready item: the kiosk builds its parcel
        # while sealing, before it calls enqueue.
        part = (Part(DATA_PART, body),)
        self.parcels = [Parcel(f"id-{i}", f"digest-{i}", part) for i in range(items * 3 + 3)]

    def __call__(self, i: int) -> None:
        self.box.enqueue(self.parcels[i])

    def close(self) -> None:
        self.box.close()


class PersistQueue:
    name = "persist-queue"

    body: bytes

    def __init__(self, folder: Path, body: bytes) -> None:
        from persistqueue import SQLiteAckQueue

        self.queue = SQLiteAckQueue(str(folder / "pq"), auto_commit=True)
        # Its connection is already WAL; make the sync level explicit, as ours.
        putter = self.queue._putter
        assert putter is not None
        putter.execute("PRAGMA synchronous=FULL")
        self.body = body

    def __call__(self, i: int) -> None:
        self.queue.put(self.body)

    def close(self) -> None:
        self.queue.close()


class RawSqlite:
    name = "raw sqlite3"

    def __init__(self, folder: Path, body: bytes) -> None:
        self.db = sqlite3.connect(folder / "raw.sqlite", isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute("CREATE TABLE q (id INTEGER PRIMARY KEY, body BLOB NOT NULL)")
        self.body = body

    def __call__(self, i: int) -> None:
        self.db.execute("BEGIN")
        self.db.execute("INSERT INTO q (body) VALUES (?)", (self.body,))
        self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=3000, help="items per system in all")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--dir", type=Path, default=ROOT / ".bench-tmp")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=args.dir, prefix="enqueue-"))
    try:
        body = sealed_item()
        print(f"item: {len(body)} bytes of JWE; {args.items} items per system; {folder}")
        systems: list[System] = [
            Ours(folder, body, args.items),
            PersistQueue(folder, body),
            RawSqlite(folder, body),
        ]
        latencies: dict[str, list[float]] = {s.name: [] for s in systems}
        rates: dict[str, list[float]] = {s.name: [] for s in systems}
        per_round = args.items // args.rounds
        counter = 0
        for rnd in range(args.rounds):
            order = systems[rnd % 3 :] + systems[: rnd % 3]
            for system in order:
                start_round = time.perf_counter()
                for _ in range(per_round):
                    counter += 1
                    t0 = time.perf_counter_ns()
                    system(counter)
                    latencies[system.name].append((time.perf_counter_ns() - t0) / 1e6)
                rates[system.name].append(per_round / (time.perf_counter() - start_round))
        for system in systems:
            system.close()
        figures: dict[str, float] = {}
        print(f"\n{'system':<15}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}{'items/s':>10}")
        for name, values in latencies.items():
            p50, p99 = statistics.median(values), percentile(values, 0.99)
            rate = statistics.median(rates[name])  # items/s, median over the rounds
            key = name.replace(" ", "_").replace("-", "_")
            figures[f"{key}_p50_ms"] = round(p50, 3)
            figures[f"{key}_p99_ms"] = round(p99, 3)
            figures[f"{key}_items_per_s"] = round(rate, 1)
            print(f"{name:<15}{p50:9.3f}{p99:9.3f}{max(values):9.2f}{rate:10.0f}")
        ours, pq, raw = "outbox", "persist_queue", "raw_sqlite3"
        figures["p99_ratio_vs_persist_queue"] = round(
            figures[f"{ours}_p99_ms"] / figures[f"{pq}_p99_ms"], 3
        )
        figures["p99_ratio_vs_raw_sqlite3"] = round(
            figures[f"{ours}_p99_ms"] / figures[f"{raw}_p99_ms"], 3
        )
        figures["throughput_ratio_vs_persist_queue"] = round(
            figures[f"{ours}_items_per_s"] / figures[f"{pq}_items_per_s"], 3
        )
        figures["throughput_ratio_vs_raw_sqlite3"] = round(
            figures[f"{ours}_items_per_s"] / figures[f"{raw}_items_per_s"], 3
        )
        print(
            f"\nours/persist-queue: p99 {figures['p99_ratio_vs_persist_queue']}×, "
            f"throughput {figures['throughput_ratio_vs_persist_queue']}×; "
            f"ours/raw: p99 {figures['p99_ratio_vs_raw_sqlite3']}×, "
            f"throughput {figures['throughput_ratio_vs_raw_sqlite3']}×"
        )
        goal_p99 = figures[f"{ours}_p99_ms"] <= 5.0
        goal_rate = figures[f"{ours}_items_per_s"] >= figures[f"{pq}_items_per_s"]
        print(
            f"goal p99 ≤ 5 ms: {'met' if goal_p99 else 'NOT met'}; "
            f"throughput ≥ persist-queue: {'met' if goal_rate else 'NOT met'}"
        )
        print(json.dumps(figures))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
