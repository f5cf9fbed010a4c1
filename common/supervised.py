"""One pattern for every long-lived worker thread: supervised, never silently dead.

A worker is a *step* function run in a loop on a named thread. What escapes a step is caught at
the loop, classified (the environment's fault, or our bug), logged once per streak (not on
every retry), and the loop goes on after a growing pause: the thread is "restarted with
backoff" without a new thread. :meth:`SupervisedThread.report` tells the health report how the
worker is (running, recovering after N faults, stopped) and why, in non-personal words.

Poison items: a step that works on one item (a mail, a queued submission) names it with
:meth:`SupervisedThread.working_on`. When the same item makes the step fail ``poison_after``
times in a row, ``on_poison(item, reason)`` is called so the worker parks it (dead letter,
"given up") and the items behind it go on. A bug is not retried forever on one item. Only bugs
count: an environment fault (the disk, the database, the network not fit now) is not the
item's fault, and parking every item while the hub's disk is full would lose them all.

:func:`install_excepthook` logs what escapes any *other* thread once, by type, without the
exception's text (which can carry personal data), and counts it for the health report.

Usage::

    worker = SupervisedThread("receipt-mailer", step=mailer.step, on_poison=mailer.park)
    worker.start(); ...; worker.wake(); ...; worker.stop()
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

log = logging.getLogger(__name__)

#: Faults that are the environment's, not ours: the device, disk or network is not fit now.
ENVIRONMENT_FAULTS: tuple[type[BaseException], ...] = (OSError, TimeoutError)


class Fault(StrEnum):
    ENVIRONMENT = "environment"
    BUG = "bug"


class WorkerState(StrEnum):
    IDLE = "idle"  # not started
    RUNNING = "running"  # the last step succeeded
    RECOVERING = "recovering"  # the last step failed; the loop goes on after a pause
    STOPPED = "stopped"


@dataclass(frozen=True)
class WorkerReport:
    name: str
    state: WorkerState
    #: Failed steps in the current streak (0 while running well).
    failures: int = 0
    #: Failed steps since start, and items parked as poison.
    total_failures: int = 0
    parked: int = 0
    #: The last fault, non-personal: "bug: KeyError" / "environment: ConnectionRefusedError".
    last_fault: str = ""


def classify(exc: BaseException, environment: tuple[type[BaseException], ...]) -> Fault:
    return Fault.ENVIRONMENT if isinstance(exc, environment) else Fault.BUG


def describe(exc: BaseException, environment: tuple[type[BaseException], ...]) -> str:
    """The fault in words fit for a log and a health report: its class, never its text."""
    return f"{classify(exc, environment).value}: {type(exc).__name__}"


@dataclass(frozen=True)
class Backoff:
    """Pause after the n-th failed step in a row: doubling from ``first_s`` up to ``cap_s``."""

    first_s: float = 1.0
    cap_s: float = 300.0

    def delay(self, failures: int) -> float:
        return min(self.cap_s, self.first_s * 2.0 ** min(max(failures - 1, 0), 30))


class SupervisedThread:
    """Runs ``step`` on a named daemon thread until stopped.

    ``step()`` returns how long to wait before the next step (seconds; ``None`` or 0: at once).
    A wait ends early on :meth:`wake` or :meth:`stop`.
    """

    def __init__(
        self,
        name: str,
        step: Callable[[], float | None],
        *,
        on_poison: Callable[[str, str], None] | None = None,
        poison_after: int = 3,
        environment: tuple[type[BaseException], ...] = ENVIRONMENT_FAULTS,
        backoff: Backoff | None = None,
        on_report: Callable[[WorkerReport], None] | None = None,
    ) -> None:
        self.name = name
        self._step = step
        self._on_poison = on_poison
        self._poison_after = poison_after
        self._environment = environment
        self._backoff = backoff or Backoff()
        self._on_report = on_report
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._report = WorkerReport(name, WorkerState.IDLE)
        self._item: str | None = None
        self._item_failures: dict[str, int] = {}

    # -- control (any thread) ------------------------------------------------------------

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
            self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout_s: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout_s)
        self._set(state=WorkerState.STOPPED)

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def report(self) -> WorkerReport:
        with self._lock:
            return self._report

    def alive(self) -> bool:
        thread = self._thread
        return thread is not None and thread.is_alive()

    # -- for the step (the worker's own thread) -------------------------------------------

    def working_on(self, item: str | None) -> None:
        """The step is now handling ``item`` (None: between items)."""
        self._item = item

    def item_done(self, item: str) -> None:
        """``item`` went through: its failures are forgotten."""
        self._item_failures.pop(item, None)
        if self._item == item:
            self._item = None

    # -- the loop ------------------------------------------------------------------------

    def _run(self) -> None:
        while not self._stop.is_set():
            self._item = None
            try:
                delay = self._step()
            except Exception as exc:  # noqa: BLE001 - the supervisor's whole purpose
                delay = self._failed(exc)
            else:
                self._succeeded()
            if self._stop.is_set():
                break
            if delay:
                self._wake.wait(delay)
                self._wake.clear()

    def _succeeded(self) -> None:
        report = self.report()
        if report.state is not WorkerState.RUNNING:
            if report.failures:
                log.info("%s: working again after %d failed steps", self.name, report.failures)
            self._set(state=WorkerState.RUNNING, failures=0)

    def _failed(self, exc: Exception) -> float:
        report = self.report()
        fault = describe(exc, self._environment)
        failures = report.failures + 1
        if report.state is not WorkerState.RECOVERING or fault != report.last_fault:
            # Logged once per streak and kind; the traceback only at debug level, because an
            # exception's text can carry personal data.
            log.error("%s: step failed (%s); retrying with backoff", self.name, fault)
            log.debug("%s fault", self.name, exc_info=exc)
        parked = report.parked
        item = self._item
        if item is not None and classify(exc, self._environment) is Fault.BUG:
            count = self._item_failures.get(item, 0) + 1
            self._item_failures[item] = count
            if count >= self._poison_after and self._on_poison is not None:
                log.error("%s: item failed %d times, parked (%s)", self.name, count, fault)
                try:
                    self._on_poison(item, fault)
                except Exception as park_exc:  # noqa: BLE001 - parking must not kill the loop
                    log.error("%s: parking failed (%s)", self.name, type(park_exc).__name__)
                else:
                    parked += 1
                    self._item_failures.pop(item, None)
                    # The poison is out of the way: the next item goes at once.
                    self._set(
                        state=WorkerState.RUNNING,
                        failures=0,
                        total=report.total_failures + 1,
                        parked=parked,
                        last_fault=fault,
                    )
                    return 0.0
        self._set(
            state=WorkerState.RECOVERING,
            failures=failures,
            total=report.total_failures + 1,
            parked=parked,
            last_fault=fault,
        )
        return self._backoff.delay(failures)

    def _set(
        self,
        *,
        state: WorkerState,
        failures: int | None = None,
        total: int | None = None,
        parked: int | None = None,
        last_fault: str | None = None,
    ) -> None:
        with self._lock:
            old = self._report
            new = WorkerReport(
                self.name,
                state,
                old.failures if failures is None else failures,
                old.total_failures if total is None else total,
                old.parked if parked is None else parked,
                old.last_fault if last_fault is None else last_fault,
            )
            self._report = new
        if new != old and self._on_report is not None:
            self._on_report(new)


class _UncaughtCounter:
    def __init__(self) -> None:
        self.count = 0
        self.last = ""
        self.lock = threading.Lock()


_uncaught = _UncaughtCounter()


def install_excepthook(on_fault: Callable[[str, str], None] | None = None) -> None:
    """Log an exception that ends any thread once, by type only, and count it.

    ``on_fault(thread_name, fault)`` is called as well (e.g. to mark the health report).
    """

    def hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        fault = f"bug: {args.exc_type.__name__}"
        with _uncaught.lock:
            _uncaught.count += 1
            _uncaught.last = f"{name}: {fault}"
        log.error("thread %s ended by an uncaught exception (%s)", name, fault)
        if args.exc_value is not None:
            log.debug("thread %s fault", name, exc_info=args.exc_value)
        if on_fault is not None:
            on_fault(name, fault)

    threading.excepthook = hook


def uncaught_faults() -> tuple[int, str]:
    """How many threads died of an uncaught exception since start, and the last one."""
    with _uncaught.lock:
        return _uncaught.count, _uncaught.last
