"""Receipt printing: send → the printer confirms the last byte, and the byte stream's size.

The printer is the project's virtual ESC/POS printer on a TCP port on 127.0.0.1 (a network
receipt printer's raw port 9100, without paper mechanics). Each run prints the demo's receipt
(logo, texts, tracking number, QR code) through the real driver — python-escpos's encoding, the
raw TCP transport — and the time runs from handing the document to the driver until the
printer's answer to GS r (sent after the last byte, answered in stream order) has arrived. That
includes the status check before the job (DLE EOT 1–4) and the one after it.

Side by side, interleaved: the floor, the same bytes written straight to a socket followed by
GS r, timed until the answer (no encoding, no status checks).

    .venv/bin/python bench/print_receipt.py [--runs 30]

Prints medians and p90 for 80 mm with native QR codes, 80 mm without the logo, 58 mm with
the QR code as an image, and 80 mm on a printer that never answers GS r (the time until the
driver says "printed, not confirmed"; its floor asks DLE EOT 1 instead of GS r), the stream
sizes and the ratio to the floor (goal ≤ 100 ms); and the Arabic receipt, whose lines are drawn,
against the German one; last one line of JSON.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalogue.loader import load_catalogue  # noqa: E402
from drivers.printer.base import PrintOutcome  # noqa: E402
from drivers.printer.document import Document  # noqa: E402
from drivers.printer.escpos_encoder import encode_document  # noqa: E402
from drivers.printer.escpos_printer import EscposPrinter  # noqa: E402
from drivers.printer.settings import PrinterSettings  # noqa: E402
from drivers.printer.transport import open_transport  # noqa: E402
from drivers.printer.virtual.printer import VirtualPrinter  # noqa: E402
from drivers.printer.virtual.server import VirtualPrinterServer  # noqa: E402
from kiosk.receipt import build_receipt  # noqa: E402

GS_R = b"\x1dr\x01"
#: For a printer that never answers GS r, the floor asks DLE EOT 1 after the bytes instead.
DLE_EOT_1 = b"\x10\x04\x01"


def demo_receipt(logo: bool, language: str = "de") -> Document:
    catalogue = load_catalogue(ROOT / "catalogues" / "musterstadt.yaml")
    return build_receipt(
        catalogue,
        catalogue.service("sperrmuell"),
        language,
        "7K3M-Q9XD-2AF8",
        datetime(2026, 12, 1, 19, 5, tzinfo=UTC),
        "https://buergerservice.musterstadt.example/status/{tracking}",
        queued=True,
        logo=(ROOT / "catalogues" / "musterstadt-logo.png").read_bytes() if logo else b"",
    )


def floor_once(port: int, data: bytes, question: bytes = GS_R) -> float:
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        start = time.perf_counter()
        sock.sendall(data + question)
        sock.settimeout(5)
        if not sock.recv(16):
            raise SystemExit("the virtual printer closed the connection")
        return time.perf_counter() - start


def measure(
    settings: PrinterSettings, document: Document, runs: int, confirms: bool = True
) -> dict[str, float]:
    virtual = VirtualPrinter(dots=576 if settings.paper_mm == 80 else 384)
    virtual.set_faults(ignores_gs_r=not confirms)
    expected = PrintOutcome.PRINTED if confirms else PrintOutcome.PRINTED_UNCONFIRMED
    with VirtualPrinterServer(virtual) as server:
        settings = PrinterSettings(
            **{**settings.__dict__, "address": "127.0.0.1", "port": server.port}
        )
        printer = EscposPrinter(open_transport(settings), settings)
        data = encode_document(document, settings)
        # Warm-up: connection, python-escpos's capability file, Pillow's codecs.
        printer.print_document(document)
        floor_once(server.port, data, GS_R if confirms else DLE_EOT_1)
        times, floors, encodes = [], [], []
        for _ in range(runs):
            start = time.perf_counter()
            result = printer.print_document(document)
            times.append(time.perf_counter() - start)
            if result.outcome is not expected:
                raise SystemExit(f"print failed: {result.outcome.value}")
            start = time.perf_counter()
            encode_document(document, settings)
            encodes.append(time.perf_counter() - start)
            # The raw port serves one host at a time: the driver connects anew for each run
            # (inside its timing, as after a printer restart); the floor connects outside it.
            printer.close()
            floors.append(floor_once(server.port, data, GS_R if confirms else DLE_EOT_1))
        printer.close()
        virtual.take_printouts()
    median = statistics.median(times)
    floor = statistics.median(floors)
    return {
        "median_s": median,
        "p90_s": statistics.quantiles(times, n=10)[-1],
        "encode_s": statistics.median(encodes),
        "floor_s": floor,
        "ratio": median / floor,
        "bytes": len(data),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    cases = {
        "80mm": (PrinterSettings(paper_mm=80, partial_cut=True), demo_receipt(logo=True), True),
        "80mm_no_logo": (PrinterSettings(paper_mm=80), demo_receipt(logo=False), True),
        "58mm_raster_qr": (
            PrinterSettings(paper_mm=58, native_qr=False),
            demo_receipt(True),
            True,
        ),
        # Arabic: the code page has none of its letters, so its lines are drawn and sent as
        # pictures (drivers/printer/text_image.py); against 80mm, the same receipt in German.
        "80mm_arabic": (
            PrinterSettings(paper_mm=80, partial_cut=True),
            demo_receipt(logo=True, language="ar"),
            True,
        ),
        # A printer that never answers GS r: the time until "printed, not confirmed".
        "80mm_unconfirmed": (PrinterSettings(paper_mm=80), demo_receipt(logo=True), False),
    }
    figures: dict[str, float] = {}
    for name, (settings, document, confirms) in cases.items():
        r = measure(settings, document, args.runs, confirms)
        what = "last byte confirmed" if confirms else "printed, not confirmed"
        print(
            f"{name:16} send → {what}: median {r['median_s'] * 1000:.1f} ms "
            f"(p90 {r['p90_s'] * 1000:.1f} ms; encoding {r['encode_s'] * 1000:.1f} ms), "
            f"{r['bytes']:,} bytes; floor {r['floor_s'] * 1000:.2f} ms → {r['ratio']:.1f}×"
        )
        figures.update(
            {
                f"{name}_send_to_ack_median_ms": round(r["median_s"] * 1000, 2),
                f"{name}_send_to_ack_p90_ms": round(r["p90_s"] * 1000, 2),
                f"{name}_encode_median_ms": round(r["encode_s"] * 1000, 2),
                f"{name}_floor_median_ms": round(r["floor_s"] * 1000, 3),
                f"{name}_ratio": round(r["ratio"], 1),
                f"{name}_stream_bytes": r["bytes"],
            }
        )
    figures["arabic_to_german_send_ratio"] = round(
        figures["80mm_arabic_send_to_ack_median_ms"] / figures["80mm_send_to_ack_median_ms"], 2
    )
    figures["runs"] = args.runs
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
