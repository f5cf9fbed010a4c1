"""``python -m drivers.printer.virtual [--port 9100] [--out DIR] [--ignore-gs-r]``: a virtual
network printer.

Each receipt it receives is decoded and saved as a PNG in ``--out``, so a technician can check a
terminal's printer settings, and the demo's network path can be tried, without a printer.
``--ignore-gs-r`` makes it a printer that prints but never confirms a job (as some clones do),
to see what the terminal tells citizens then.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from drivers.printer.virtual.printer import VirtualPrinter
from drivers.printer.virtual.render import render_png
from drivers.printer.virtual.server import VirtualPrinterServer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9100)
    parser.add_argument("--dots", type=int, default=576, help="576 for 80 mm, 384 for 58 mm")
    parser.add_argument("--out", type=Path, default=Path("printouts"))
    parser.add_argument(
        "--ignore-gs-r", action="store_true", help="print, but never confirm a job (GS r)"
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    printer = VirtualPrinter(dots=args.dots)
    printer.set_faults(ignores_gs_r=args.ignore_gs_r)
    with VirtualPrinterServer(printer, args.host, args.port) as server:
        print(  # noqa: T201
            f"virtual printer on {server.host}:{server.port}, printouts in {args.out}", flush=True
        )
        count = 0
        try:
            while True:
                for printout in printer.take_printouts():
                    count += 1
                    path = args.out / f"printout-{count:04}.png"
                    path.write_bytes(render_png(printout, args.dots))
                    print(  # noqa: T201
                        f"{path}: {len(printout.lines)} lines, cut {printout.cut}", flush=True
                    )
                time.sleep(0.2)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
