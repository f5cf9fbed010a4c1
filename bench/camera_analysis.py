"""Per-frame cost and read rate of the camera's analysers on generated frames.

QR codes: the simulator's receipt (a status address as the terminal prints it) under each
condition of ``drivers.camera.conditions`` (clear, a little out of focus, dim and noisy, turned
further, a thumb over a corner, held far away), read by zxing-cpp (the terminal's) and by
OpenCV's ``QRCodeDetector`` side by side: the share of frames read, the frames read wrongly
(must be 0), and the median time per 1280×720 frame.

    .venv/bin/python bench/camera_analysis.py            # ~20 s; --frames 10 for a quick look
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from drivers.camera.conditions import Condition, apply
from drivers.camera.qr import read_qr_codes, read_qr_codes_opencv
from drivers.camera.scenes import Scene, SceneRenderer
from wire.tracking import new_tracking_code

URL = "https://status.musterstadt.example/antrag/{tracking}"
READERS: dict[str, Callable[..., list[str]]] = {
    "zxing": read_qr_codes,
    "opencv": read_qr_codes_opencv,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--frames", type=int, default=40, help="frames per condition (40)")
    args = parser.parse_args()
    results: dict[str, dict[str, dict[str, float]]] = {name: {} for name in READERS}
    for condition in Condition:
        payload = URL.format(tracking=new_tracking_code())
        scene = SceneRenderer(Scene.RECEIPT, (1280, 720), seed=7, payload=payload)
        frames = [apply(scene.frame(n * 0.29), condition, seed=n) for n in range(args.frames)]
        for name, read in READERS.items():
            times, good, wrong = [], 0, 0
            for frame in frames:
                started = time.perf_counter()
                texts = read(frame)
                times.append(time.perf_counter() - started)
                good += texts == [payload]
                wrong += any(text != payload for text in texts)
            results[name][condition.value] = {
                "read": good / len(frames),
                "wrong": wrong,
                "ms": statistics.median(times) * 1000,
            }
    print(f"{'QR, 1280×720':14}" + "".join(f"{name:>24}" for name in READERS))
    print(f"{'condition':14}" + "".join(f"{'read':>9}{'wrong':>8}{'ms':>7}" for _ in READERS))
    for condition in Condition:
        row = "".join(
            f"{r['read']:>9.0%}{r['wrong']:>8d}{r['ms']:>7.1f}"
            for r in (results[name][condition.value] for name in READERS)
        )
        print(f"{condition.value:14}{row}")
    summary: dict[str, float | int] = {}
    for name in READERS:
        rows = results[name].values()
        summary[f"qr_{name}_read_rate"] = round(statistics.mean(r["read"] for r in rows), 3)
        summary[f"qr_{name}_misreads"] = int(sum(r["wrong"] for r in rows))
        summary[f"qr_{name}_ms_per_frame"] = round(statistics.median(r["ms"] for r in rows), 2)
    summary["qr_opencv_to_zxing_time_ratio"] = round(
        summary["qr_opencv_ms_per_frame"] / summary["qr_zxing_ms_per_frame"], 1
    )
    print(
        f"zxing-cpp: {summary['qr_zxing_read_rate']:.0%} read, "
        f"{summary['qr_zxing_ms_per_frame']} ms a frame; OpenCV: "
        f"{summary['qr_opencv_read_rate']:.0%}, {summary['qr_opencv_ms_per_frame']} ms "
        f"({summary['qr_opencv_to_zxing_time_ratio']}× zxing-cpp's time)"
    )
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
