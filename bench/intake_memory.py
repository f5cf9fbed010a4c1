"""Hub memory and responsiveness under large uploads: N photos of ~10 MB PUT at once.

A real hub process (``python -m hub serve`` on its own data folder, see ``drain.Hub``); N
threads each PUT one sealed ~10 MB attachment at the same moment (a barrier), while another
thread asks ``/healthz`` in a loop. Reported: the hub's resident memory before, its peak
(``VmHWM`` from ``/proc/<pid>/status``: the kernel's own high-water mark, nothing sampled),
the status codes, the wall time, and the slowest ``/healthz`` answer during the uploads (how
long the event loop was blocked).

    .venv/bin/python bench/intake_memory.py [--uploads 24] [--megabytes 10]

Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import requests

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from drain import Hub  # noqa: E402

from wire.api import ATTACHMENT_PATH, MEDIA_TYPE_JOSE  # noqa: E402
from wire.sealing import seal  # noqa: E402

#: Asks /healthz in a loop until its stdin closes, then prints the latencies (s) as JSON.
PROBE = """
import json, sys, threading, time, requests
done = threading.Event()
threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
times = []
with requests.Session() as http:
    while not done.is_set():
        start = time.perf_counter()
        http.get(sys.argv[1], timeout=60)
        times.append(time.perf_counter() - start)
        if len(times) == 1:
            print("ready", flush=True)
print(json.dumps(times))
"""


def status_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--uploads", type=int, default=24)
    parser.add_argument("--megabytes", type=float, default=10)
    args = parser.parse_args()
    size = int(args.megabytes * 1024 * 1024) - 4096  # fits MAX_ATTACHMENT_BYTES
    with tempfile.TemporaryDirectory(prefix="pop-bench-intake-") as tmp:
        hub = Hub(Path(tmp) / "hub")
        try:
            print(f"sealing {args.uploads} photos of {size / 2**20:.1f} MB …", flush=True)
            bodies = [
                seal(b"\xff\xd8\xff\xe0" + os.urandom(size), hub.key, "image/jpeg").encode()
                for _ in range(args.uploads)
            ]
            pid = hub.process.pid
            rss_before = status_kb(pid, "VmRSS")
            barrier = threading.Barrier(args.uploads + 1)
            codes: list[int] = []

            def upload(body: bytes) -> None:
                sid = str(uuid.uuid4())
                url = hub.url + ATTACHMENT_PATH.format(submission_id=sid, name="photo-1.jpg")
                headers = {
                    "Authorization": f"Bearer {hub.token}",
                    "Content-Type": MEDIA_TYPE_JOSE,
                }
                barrier.wait()
                r = requests.put(url, data=body, headers=headers, timeout=600)
                codes.append(r.status_code)

            # The probe is a process of its own: in this one, 24 sending threads would hold
            # the GIL and make the hub look slower than it is.
            prober = subprocess.Popen(
                [sys.executable, "-c", PROBE, hub.url + "/healthz"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            assert prober.stdout is not None and prober.stdin is not None
            prober.stdout.readline()  # "ready": its first answer came back

            threads = [threading.Thread(target=upload, args=(b,)) for b in bodies]
            for t in threads:
                t.start()
            start = time.perf_counter()
            barrier.wait()
            for t in threads:
                t.join()
            wall = time.perf_counter() - start
            health = json.loads(prober.communicate("")[0])
            peak = status_kb(pid, "VmHWM")
        finally:
            hub.stop()
    result = {
        "uploads": args.uploads,
        "upload_mb": round(len(bodies[0]) / 2**20, 1),
        "rss_before_mb": round(rss_before / 1024, 1),
        "rss_peak_mb": round(peak / 1024, 1),
        "wall_s": round(wall, 2),
        "healthz_max_ms": round(max(health) * 1000, 1),
        "healthz_p50_ms": round(sorted(health)[len(health) // 2] * 1000, 1),
        "statuses": {str(c): codes.count(c) for c in sorted(set(codes))},
    }
    print(
        f"hub RSS {result['rss_before_mb']} MB before, peak {result['rss_peak_mb']} MB; "
        f"{args.uploads} uploads in {result['wall_s']} s; /healthz max "
        f"{result['healthz_max_ms']} ms (p50 {result['healthz_p50_ms']} ms); {result['statuses']}"
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
