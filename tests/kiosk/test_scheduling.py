"""The core's scheduling pieces: the manual clock and the per-device worker threads."""

from __future__ import annotations

import threading

import pytest

from kiosk.scheduling import ManualScheduler, Worker


def test_worker_runs_jobs_in_order_on_its_own_named_thread() -> None:
    scheduler = ManualScheduler()
    worker = Worker("printer", scheduler)
    seen: list[tuple[str, object]] = []
    for n in range(5):
        worker.submit(lambda n=n: (threading.current_thread().name, n), seen.append)
    scheduler.wait_for(lambda: len(seen) == 5)
    assert seen == [("printer", n) for n in range(5)]
    worker.stop()


def test_worker_hands_exceptions_to_the_core_thread() -> None:
    scheduler = ManualScheduler()
    worker = Worker("camera", scheduler)
    results: list[object] = []

    def broken() -> None:
        raise OSError("device gone")

    worker.submit(broken, results.append)
    scheduler.wait_for(lambda: bool(results))
    assert isinstance(results[0], OSError)
    # The worker survives the exception and takes the next job.
    worker.submit(lambda: "ok", results.append)
    scheduler.wait_for(lambda: len(results) == 2)
    assert results[1] == "ok"
    worker.stop()


def test_worker_results_arrive_only_through_the_scheduler() -> None:
    scheduler = ManualScheduler()
    worker = Worker("outbox-writer", scheduler)
    finished = threading.Event()
    results: list[object] = []

    def job() -> str:
        finished.set()
        return "stored"

    worker.submit(job, results.append)
    assert finished.wait(5)
    worker.stop()  # the job is done, its result is posted but not yet delivered
    assert results == []
    scheduler.drain()
    assert results == ["stored"]


def test_stopped_worker_starts_again_on_the_next_job() -> None:
    scheduler = ManualScheduler()
    worker = Worker("camera", scheduler)
    worker.stop()  # never started: nothing to do
    results: list[object] = []
    worker.submit(lambda: 1, results.append)
    scheduler.wait_for(lambda: results == [1])
    worker.stop()
    worker.submit(lambda: 2, results.append)
    scheduler.wait_for(lambda: results == [1, 2])
    worker.stop()


def test_manual_clock_fires_timers_in_order_and_skips_cancelled_ones() -> None:
    scheduler = ManualScheduler()
    fired: list[str] = []
    scheduler.call_later("b", 2.0, lambda: fired.append("b"))
    scheduler.call_later("a", 1.0, lambda: fired.append("a"))
    cancelled = scheduler.call_later("c", 1.5, lambda: fired.append("c"))
    cancelled.cancel()
    assert scheduler.pending_timers() == ["a", "b"]
    scheduler.advance(1.5)
    assert fired == ["a"]
    scheduler.advance(1.0)
    assert fired == ["a", "b"]
    assert scheduler.now == pytest.approx(2.5)


def test_wait_for_gives_up_after_its_time_out() -> None:
    scheduler = ManualScheduler()
    with pytest.raises(TimeoutError):
        scheduler.wait_for(lambda: False, timeout_s=0.2)
