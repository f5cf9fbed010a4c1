"""A terminal reduced to its outbox and delivery worker, for the crash tests (a real process).

    python terminal_child.py OUTBOX HUB_URL CREDENTIAL_FILE PUBLIC_KEY_FILE FIRST COUNT [PACE_MS]

Enqueues submissions FIRST .. FIRST+COUNT-1 (deterministic ids and contents, see
:func:`submission`), printing ``enqueued <i>`` after each durable enqueue, while the delivery
worker sends; then waits until the outbox is empty and prints ``drained``. The tests kill it
with SIGKILL at random moments and start it again from the first index it did not confirm.
PACE_MS spaces the enqueues (0 to PACE_MS apart, as citizens arrive), so that kills also land
while submissions are still being stored, not only while they are sent.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from offline_queue.credential import Credential  # noqa: E402
from offline_queue.delivery import Backoff, DeliveryWorker, ItemPolicy  # noqa: E402
from offline_queue.hub_client import HubClient  # noqa: E402
from offline_queue.outbox import Outbox  # noqa: E402
from offline_queue.parcel import DATA_PART, Parcel, Part  # noqa: E402
from wire.sealing import load_public_key, seal  # noqa: E402

NAMESPACE = uuid.UUID("6f1d8a52-4c1e-4f8e-9d7b-3a2c1b0e9f11")


def _run_started() -> datetime:
    """When the test run began: the submissions' times, recent whatever the date (no calendar
    constant that a hub's plausibility check could one day refuse) and the same in the test
    and in every child it starts (a submission must be the same after a restart): the first
    process to import this module puts it into the environment its children inherit."""
    stamp = os.environ.get("POP_RUN_STARTED")
    if stamp is None:
        stamp = datetime.now(UTC).replace(microsecond=0).isoformat()
        os.environ["POP_RUN_STARTED"] = stamp
    return datetime.fromisoformat(stamp)


RUN_STARTED = _run_started()


def submission(i: int, terminal_id: str) -> tuple[str, bytes, list[tuple[str, bytes]]]:
    """(id, data document, attachments) of test submission ``i``: the same every time."""
    sid = str(uuid.uuid5(NAMESPACE, f"submission-{i}"))
    rng = random.Random(i)
    photos = [
        (f"photo-{n + 1}.jpg", b"\xff\xd8\xff\xe0" + rng.randbytes(rng.randint(2000, 20000)))
        for n in range(1 + i % 2)  # 1 or 2 photos: resuming between parts is exercised
    ]
    code = "".join(rng.choice("0123456789ABCDEFGHJKMNPQRSTVWXYZ") for _ in range(12))
    doc = {
        "schema": "pop.submission/1",
        "id": sid,
        "tracking_code": f"{code[:4]}-{code[4:8]}-{code[8:]}",
        "service": {"id": "maengel-melden", "version": 1},
        "terminal_id": terminal_id,
        "language": "de",
        "started_at": RUN_STARTED.isoformat(),
        "submitted_at": (RUN_STARTED + timedelta(minutes=3)).isoformat(),
        "form": {
            "category": "pothole",
            "location": f"Hauptstraße {i}",
            "description": f"Schlagloch Nummer {i}, bitte reparieren",
        },
        "identity": None,
        "attachments": [
            {
                "name": name,
                "media_type": "image/jpeg",
                "size": len(body),
                "sha256": hashlib.sha256(body).hexdigest(),
            }
            for name, body in photos
        ],
    }
    return sid, json.dumps(doc, ensure_ascii=False).encode(), photos


def main() -> None:
    outbox_path, hub_url, credential, key_file, first, count = sys.argv[1:7]
    pace_s = float(sys.argv[7]) / 1000 if len(sys.argv) > 7 else 0.0
    rng = random.Random()
    proof: str | Credential
    if Path(credential).is_dir():
        # An enrolled terminal's identity folder: mutual TLS with its device certificate.
        folder = Path(credential)
        terminal_id = json.loads((folder / "hub.json").read_text(encoding="utf-8"))["terminal_id"]
        proof = Credential.device(
            terminal_id, folder / "device.pem", folder / "device-key.pem", folder / "hub-ca.pem"
        )
    else:
        proof = Path(credential).read_text(encoding="utf-8").strip()
        terminal_id = proof.split(".", 1)[0]
    key = load_public_key(Path(key_file))
    outbox = Outbox(Path(outbox_path))
    drained = threading.Event()

    def on_status(status: object) -> None:
        if getattr(status, "depth", 1) == 0:
            drained.set()

    worker = DeliveryWorker(
        outbox,
        HubClient(
            hub_url, proof, connect_timeout_s=2, read_timeout_s=5, allow_insecure_loopback=True
        ),
        on_status=on_status,
        backoff=Backoff(base_s=0.02, cap_s=0.3),
        item_policy=ItemPolicy(base_s=0.02, cap_s=0.3),
        idle_poll_s=0.2,
    )
    worker.start()
    print("ready", flush=True)
    for i in range(int(first), int(first) + int(count)):
        sid, data, photos = submission(i, terminal_id)
        parts = [Part(name, seal(body, key, "image/jpeg").encode()) for name, body in photos]
        parts.append(Part(DATA_PART, seal(data, key, "application/json").encode()))
        outbox.enqueue(Parcel(sid, hashlib.sha256(data).hexdigest(), tuple(parts)))
        worker.wake()
        print(f"enqueued {i}", flush=True)
        if pace_s:
            time.sleep(rng.uniform(0, pace_s))
    drained.clear()
    while outbox.count() > 0:
        drained.wait(0.5)
        drained.clear()
    print("drained", flush=True)
    worker.stop()
    outbox.close()


if __name__ == "__main__":
    main()
