"""The supervised worker loop: faults caught, classified, logged once, poison parked."""

from __future__ import annotations

import logging
import threading

import pytest

from common.supervised import (
    Backoff,
    SupervisedThread,
    WorkerState,
    install_excepthook,
    uncaught_faults,
)

FAST = Backoff(first_s=0.001, cap_s=0.01)


def wait_until(condition: threading.Event, what: str) -> None:
    assert condition.wait(10), what


def test_a_failing_step_is_retried_and_logged_once(caplog: pytest.LogCaptureFixture) -> None:
    calls = 0
    recovered = threading.Event()

    def step() -> float | None:
        nonlocal calls
        calls += 1
        if calls <= 5:
            raise ConnectionRefusedError("secret personal text")
        recovered.set()
        return 60.0

    worker = SupervisedThread("mailer", step, backoff=FAST)
    with caplog.at_level(logging.INFO, logger="common.supervised"):
        worker.start()
        wait_until(recovered, "the step ran again after its faults")
        worker.stop()
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1
    assert "environment: ConnectionRefusedError" in errors[0].getMessage()
    assert "secret" not in caplog.text
    report = worker.report()
    assert report.state is WorkerState.STOPPED
    assert report.total_failures == 5
    assert report.failures == 0
    assert "working again after 5" in caplog.text


def test_a_poison_item_is_parked_and_the_rest_goes_on() -> None:
    queue = ["a", "poison", "b"]
    parked: list[tuple[str, str]] = []
    done: list[str] = []
    finished = threading.Event()
    worker: SupervisedThread

    def step() -> float | None:
        if not queue:
            finished.set()
            return 60.0
        item = queue[0]
        worker.working_on(item)
        if item == "poison":
            raise KeyError("service gone")
        done.append(queue.pop(0))
        worker.item_done(item)
        return None

    def park(item: str, reason: str) -> None:
        parked.append((item, reason))
        queue.remove(item)

    worker = SupervisedThread("mailer", step, on_poison=park, poison_after=3, backoff=FAST)
    worker.start()
    wait_until(finished, "the items behind the poison were handled")
    worker.stop()
    assert done == ["a", "b"]
    assert parked == [("poison", "bug: KeyError")]
    assert worker.report().parked == 1


def test_environment_faults_on_an_item_never_park_it() -> None:
    # The disk is full, the database locked, the network gone: not the item's fault. Parking
    # on such faults would park every item one after the other while the trouble lasts.
    parked: list[str] = []
    failures = 0
    enough = threading.Event()
    worker: SupervisedThread

    def step() -> float | None:
        nonlocal failures
        worker.working_on("mail-1")
        failures += 1
        if failures >= 10:
            enough.set()
            return 60.0
        raise OSError(28, "No space left on device")

    worker = SupervisedThread(
        "mailer", step, on_poison=lambda item, _: parked.append(item), poison_after=3, backoff=FAST
    )
    worker.start()
    wait_until(enough, "the step failed ten times on the same item")
    worker.stop()
    assert parked == []
    assert worker.report().parked == 0
    assert worker.report().total_failures == 9


def test_reports_reach_the_health_callback() -> None:
    seen: list[WorkerState] = []
    failed = threading.Event()

    def step() -> float | None:
        if not seen or seen[-1] is not WorkerState.RECOVERING:
            raise RuntimeError("bug")
        failed.set()
        return 60.0

    worker = SupervisedThread(
        "reader", step, backoff=FAST, on_report=lambda r: seen.append(r.state)
    )
    worker.start()
    wait_until(failed, "step ran after the fault")
    worker.stop()
    assert seen[:3] == [WorkerState.RECOVERING, WorkerState.RUNNING, WorkerState.STOPPED]


def test_excepthook_counts_dead_threads_without_their_text(
    caplog: pytest.LogCaptureFixture,
) -> None:
    old = threading.excepthook
    faults: list[tuple[str, str]] = []
    try:
        install_excepthook(lambda name, fault: faults.append((name, fault)))
        before, _ = uncaught_faults()

        def die() -> None:
            raise ValueError("Erika Mustermann")

        with caplog.at_level(logging.ERROR, logger="common.supervised"):
            thread = threading.Thread(target=die, name="card-reader")
            thread.start()
            thread.join()
        count, last = uncaught_faults()
    finally:
        threading.excepthook = old
    assert count == before + 1
    assert last == "card-reader: bug: ValueError"
    assert faults == [("card-reader", "bug: ValueError")]
    assert "Mustermann" not in caplog.text


def test_backoff_doubles_up_to_its_cap() -> None:
    backoff = Backoff(first_s=1, cap_s=8)
    assert [backoff.delay(n) for n in range(1, 7)] == [1, 2, 4, 8, 8, 8]
