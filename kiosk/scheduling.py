"""Timers, thread hand-over, worker threads and the wall clock for the core, behind small
interfaces.

The core never sleeps and never creates a QTimer: it asks a :class:`Scheduler` for named timers
and for a way to get back onto its own thread. The UI supplies a Qt-backed scheduler; tests use
:class:`ManualScheduler`, whose clock only moves when the test says so. Likewise the core never
reads the wall clock itself: it is handed a :data:`Clock` (the real one is :func:`system_clock`),
so that tests can put the terminal at any instant, e.g. just after the municipality's midnight.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import queue
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")

#: The wall clock: an aware datetime (any zone; "today" is taken in the municipality's zone,
#: see :meth:`catalogue.model.Catalogue.today`).
Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The real wall clock, in UTC."""
    return datetime.now(UTC)


class TimerHandle(Protocol):
    def cancel(self) -> None:
        """Stop the timer if it has not fired yet. After it fired, or a second time, this does
        nothing: holders keep their handle past the callback (PrintStation does), so a late
        cancel must never raise (tests/ui/test_scheduler_contract.py holds every scheduler to
        this)."""
        ...


class Scheduler(Protocol):
    def call_later(self, name: str, delay_s: float, callback: Callable[[], None]) -> TimerHandle:
        """Run ``callback`` on the core's thread after ``delay_s`` seconds."""
        ...

    def post(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` soon on the core's thread. Safe to call from any thread."""
        ...


class Worker:
    """One long-lived, named thread that owns a resource (the camera, the printer, the outbox):
    its jobs run one after another, so the resource has exactly one user, and no thread is
    started per job (a new thread per job also made glibc create malloc arenas one by one,
    which showed as the kiosk's memory creeping up over its first hundred sessions)."""

    _STOP = object()

    def __init__(self, name: str, scheduler: Scheduler) -> None:
        self.name = name
        self._scheduler = scheduler
        self._jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None

    def submit(self, work: Callable[[], T], done: Callable[[T | BaseException], None]) -> None:
        """Run blocking ``work`` on this worker; ``done`` gets its result (or the exception) on
        the core's thread. Exceptions are handed over, not logged: the receiver classifies."""
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
            self._thread.start()
        self._jobs.put((work, done))

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is self._STOP:
                return
            work, done = job
            result: Any
            try:
                result = work()
            except BaseException as exc:  # noqa: BLE001 - handed to the core thread
                result = exc
            self._scheduler.post(_bind(done, result))
            del job, work, done, result  # hold nothing of a citizen while idle

    def stop(self, timeout_s: float = 5.0) -> None:
        """Finish the queued jobs, then end the thread."""
        if self._thread is not None and self._thread.is_alive():
            self._jobs.put(self._STOP)
            self._thread.join(timeout_s)
        self._thread = None


def _bind(done: Callable[[Any], None], result: Any) -> Callable[[], None]:
    return lambda: done(result)


class _ManualTimer:
    def __init__(self) -> None:
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


class ManualScheduler:
    """A scheduler for tests and benchmarks: virtual time, explicit draining of posted work."""

    def __init__(self) -> None:
        self.now = 0.0
        self._timers: list[tuple[float, int, str, _ManualTimer, Callable[[], None]]] = []
        self._order = itertools.count()
        self._posted: queue.Queue[Callable[[], None]] = queue.Queue()

    def call_later(self, name: str, delay_s: float, callback: Callable[[], None]) -> TimerHandle:
        handle = _ManualTimer()
        heapq.heappush(
            self._timers, (self.now + delay_s, next(self._order), name, handle, callback)
        )
        return handle

    def post(self, callback: Callable[[], None]) -> None:
        self._posted.put(callback)

    def pending_timers(self) -> list[str]:
        return sorted(name for _, _, name, h, _ in self._timers if not h.cancelled)

    def advance(self, seconds: float) -> None:
        """Move the clock, firing due timers in order (and work they post)."""
        end = self.now + seconds
        self.drain()
        while self._timers and self._timers[0][0] <= end:
            due, _, _, handle, callback = heapq.heappop(self._timers)
            self.now = max(self.now, due)
            if not handle.cancelled:
                callback()
            self.drain()
        self.now = end

    def drain(self) -> int:
        """Run everything posted so far; returns how many callbacks ran."""
        ran = 0
        while True:
            try:
                callback = self._posted.get_nowait()
            except queue.Empty:
                return ran
            callback()
            ran += 1

    def wait_for(self, condition: Callable[[], bool], timeout_s: float = 10.0) -> None:
        """Run posted work as it arrives from worker threads until ``condition`` holds."""
        deadline = threading.Event()
        timer = threading.Timer(timeout_s, deadline.set)
        timer.start()
        try:
            while not condition():
                if deadline.is_set():
                    raise TimeoutError("condition not reached in time")
                try:
                    callback = self._posted.get(timeout=0.05)
                except queue.Empty:
                    continue
                callback()
        finally:
            timer.cancel()
