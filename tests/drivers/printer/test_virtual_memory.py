"""The simulated printer lives as long as the demo kiosk: what it keeps must not grow."""

from __future__ import annotations

import gc
import tracemalloc

from drivers.printer.simulated import SimulatedPrinter

POLLS = 2000


def test_status_polls_leave_nothing_behind() -> None:
    printer = SimulatedPrinter()
    try:
        printer.query_status()  # the first answers, lazily made caches
        gc.collect()
        tracemalloc.start()
        try:
            before, _ = tracemalloc.get_traced_memory()
            for _ in range(POLLS):
                printer.query_status()
            gc.collect()
            after, _ = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    finally:
        printer.close()
    # Each poll asks four DLE EOT questions; keeping every request grew ~0.25 kB per poll
    # (~500 kB here); what is kept now is a bounded recent history.
    assert after - before < 32 * 1024
