"""The health report: worker states and threads that died of a bug make the hub "degraded"."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import pytest

from common.supervised import WorkerReport, WorkerState, install_excepthook
from hub import health


class _Store:
    def files_intact(self) -> bool:
        return True


@dataclass
class _State:
    """What the report reads of the hub's state."""

    reports: list[WorkerReport] = field(default_factory=list)
    mailer: None = None
    store: _Store = field(default_factory=_Store)

    def workers(self) -> list[WorkerReport]:
        return self.reports


def test_recovering_or_stopped_workers_make_it_degraded(monkeypatch: pytest.MonkeyPatch) -> None:
    # Threads that died in earlier tests of this process count process-wide; not here.
    monkeypatch.setattr(health, "uncaught_faults", lambda: (0, ""))
    state = _State([WorkerReport("receipt-mailer", WorkerState.RUNNING, parked=1)])
    report = health.report(state)  # type: ignore[arg-type]
    assert report["status"] == "ok"  # a parked item is counted, the worker goes on
    assert report["workers"][0]["parked"] == 1
    state.reports = [
        WorkerReport("receipt-mailer", WorkerState.RECOVERING, 2, 2, 0, "environment: StoreError")
    ]
    report = health.report(state)  # type: ignore[arg-type]
    assert report["status"] == "degraded"
    assert report["reasons"] == ["receipt-mailer recovering (environment: StoreError)"]
    state.reports = [WorkerReport("receipt-mailer", WorkerState.STOPPED)]
    assert health.report(state)["status"] == "degraded"  # type: ignore[arg-type]


def test_a_thread_that_dies_of_a_bug_shows() -> None:
    install_excepthook()  # as `python -m hub serve` does (pytest puts its own back after)

    def doomed() -> None:
        raise KeyError("a citizen's name")

    thread = threading.Thread(target=doomed, name="doomed")
    thread.start()
    thread.join()
    report = health.report(_State())  # type: ignore[arg-type]
    assert report["status"] == "degraded"
    assert any("doomed: bug: KeyError" in r for r in report["reasons"])
    assert "citizen" not in str(report)
