"""Card placed → identity on screen, over real pcscd, against the bare-APDU floor.

The card is the project's virtual chip in a process of its own, on vsmartcard's vpcd reader,
behind a real pcscd — the same path as a terminal's USB reader from pyscard upwards. Each run
powers the card up cold (``SCardConnect`` after an unpowering disconnect) and does everything
the terminal does once the citizen's CAN/MRZ is known: probe (EF.CardAccess, applications),
PACE or BAC, EF.COM, DG1, DG2 (~15 kB face), DG11, DG12, EF.SOD, passive authentication, and the
face decoded for the screen. Side by side, interleaved in the same run, the floor: the same
number of bare APDU round trips (unprotected SELECT) through pcscd to the same card.

    .venv/bin/python bench/card_read.py [--runs 25]

Needs pcscd with vpcd (``scripts/test`` installs and starts them). Prints medians for a PACE
document (German ID card, CAN) and a BAC document (passport), the APDU counts, the ratio to the
floor (goal ≤ 1.2×) and the absolute time (goal ≤ 1 s); last one line of JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drivers.card import emrtd  # noqa: E402
from drivers.card.chip_reader import document_data  # noqa: E402
from drivers.card.icao.passive import TrustStore  # noqa: E402
from drivers.card.pcsc import PcscSlot  # noqa: E402
from drivers.card.slot import SlotState  # noqa: E402

READER = "Virtual PCD 00 00"
SAMPLES = ROOT / "drivers" / "card" / "samples"
BARE = bytes.fromhex("00A4040C07A0000002471001")  # SELECT eMRTD application, unprotected


def wait_state(slot: PcscSlot, wanted: SlotState, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while slot.wait(0.5) is not wanted:
        if time.monotonic() > deadline:
            raise SystemExit(
                f"pcscd: reader not {wanted.value} within {timeout} s (is pcscd running?)"
            )


def measure(sample: str, access: emrtd.AccessData, runs: int) -> dict[str, float]:
    slot = PcscSlot(READER)
    wait_state(slot, SlotState.EMPTY)
    with tempfile.TemporaryDirectory() as tmp:
        csca = Path(tmp) / "csca.pem"
        card = subprocess.Popen(
            [sys.executable, "-m", "drivers.card.virtual.vpcd", str(SAMPLES / f"{sample}.json"),
             "--csca-out", str(csca)],
            cwd=ROOT, stdout=subprocess.PIPE,
        )  # fmt: skip
        try:
            assert card.stdout is not None and card.stdout.readline() == b"card ready\n"
            wait_state(slot, SlotState.CARD)
            trust = TrustStore.from_paths([csca])
            ours: list[float] = []
            floor: list[float] = []
            apdus = 0
            for run in range(runs + 1):  # the first run warms caches and is not counted
                count = 0
                start = time.perf_counter()
                inner = slot.connect()

                def transmit(apdu: bytes, inner: emrtd.Transmit = inner) -> bytes:
                    nonlocal count
                    count += 1
                    return inner(apdu)

                reading = emrtd.read_document(transmit, emrtd.probe(transmit), access, trust)
                data = document_data(reading)
                elapsed = time.perf_counter() - start
                assert data.authenticity == "valid", data.authenticity_reason
                data.wipe()
                slot.disconnect()

                start = time.perf_counter()
                bare = slot.connect()
                for _ in range(count):
                    bare(BARE)
                bare_elapsed = time.perf_counter() - start
                slot.disconnect()
                if run:
                    ours.append(elapsed)
                    floor.append(bare_elapsed)
                    apdus = count
        finally:
            card.kill()
            card.wait()
            slot.close()
    median, median_floor = statistics.median(ours), statistics.median(floor)
    return {
        "median_s": median,
        "p90_s": statistics.quantiles(ours, n=10)[-1],
        "floor_median_s": median_floor,
        "ratio": median / median_floor,
        "apdus": apdus,
    }


def split_in_process(sample: str, access: emrtd.AccessData, runs: int) -> dict[str, float]:
    """Where the time goes: the same read in one process, the chip's share timed apart."""
    from drivers.card.virtual.chip import VirtualChip
    from drivers.card.virtual.document import Specimen, chip_profile
    from drivers.card.virtual.pki import TestPki

    pki = TestPki.generate()
    chip = VirtualChip(chip_profile(Specimen.from_json(SAMPLES / f"{sample}.json"), pki))
    trust = TrustStore([pki.csca])
    totals: list[float] = []
    chip_shares: list[float] = []
    for run in range(runs + 1):
        chip_time = 0.0

        def transmit(apdu: bytes) -> bytes:
            nonlocal chip_time
            start = time.perf_counter()
            answer = chip.transmit(apdu)
            chip_time += time.perf_counter() - start
            return answer

        chip.reset()
        start = time.perf_counter()
        document_data(emrtd.read_document(transmit, emrtd.probe(transmit), access, trust)).wipe()
        if run:
            totals.append(time.perf_counter() - start)
            chip_shares.append(chip_time)
    chip_median = statistics.median(chip_shares)
    return {"terminal_s": statistics.median(totals) - chip_median, "chip_s": chip_median}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=25)
    args = parser.parse_args()
    cases: dict[str, tuple[str, emrtd.AccessData]] = {
        "pace": ("erika", emrtd.CanAccess("123456")),
        "bac": ("anna", emrtd.MrzAccess("L898902C3", "740812", "340415")),
    }
    figures: dict[str, float] = {}
    for name, (sample, access) in cases.items():
        result = measure(sample, access, args.runs)
        split = split_in_process(sample, access, args.runs)
        print(
            f"{name.upper():4} ({sample}): card read → identity median "
            f"{result['median_s'] * 1000:.1f} ms "
            f"(p90 {result['p90_s'] * 1000:.1f} ms), {result['apdus']:.0f} APDUs; "
            f"floor {result['floor_median_s'] * 1000:.1f} ms → {result['ratio']:.2f}×"
        )
        print(
            f"     of which (measured in one process): terminal's own work "
            f"{split['terminal_s'] * 1000:.1f} ms, "
            f"the virtual chip's {split['chip_s'] * 1000:.1f} ms"
        )
        figures.update(
            {
                f"{name}_read_median_ms": round(result["median_s"] * 1000, 1),
                f"{name}_read_p90_ms": round(result["p90_s"] * 1000, 1),
                f"{name}_floor_median_ms": round(result["floor_median_s"] * 1000, 1),
                f"{name}_ratio": round(result["ratio"], 2),
                f"{name}_apdus": result["apdus"],
                f"{name}_terminal_work_ms": round(split["terminal_s"] * 1000, 1),
                f"{name}_chip_work_ms": round(split["chip_s"] * 1000, 1),
            }
        )
    figures["runs"] = args.runs
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
