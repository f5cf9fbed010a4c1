"""Timers, thread hand-over and worker threads for the core, behind one small interface.

The core never sleeps and never creates a QTimer: it asks a :class:`Scheduler` for named timers
and for a way to get back onto its own thread. The UI supplies a Qt-backed scheduler; tests use
:class:`ManualScheduler`, whose clock only moves when the test says so.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import queue
import threading
from collections.abc import Callable
from typing import Protocol, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


class TimerHandle(Protocol):
    def cancel(self) -> None: ...


class Scheduler(Protocol):
    def call_later(self, name: str, delay_s: float, callback: Callable[[], None]) -> TimerHandle:
        """Run ``callback`` on the core's thread after ``delay_s`` seconds."""
        ...

    def post(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` soon on the core's thread. Safe to call from any thread."""
        ...


def run_blocking(
    scheduler: Scheduler,
    name: str,
    work: Callable[[], T],
    done: Callable[[T | BaseException], None],
) -> threading.Thread:
    """Run blocking ``work`` on a named worker thread; ``done`` gets its result (or exception)
    on the core's thread. Exceptions are handed over, not logged here: the receiver classifies.
    """

    def target() -> None:
        result: T | BaseException
        try:
            result = work()
        except BaseException as exc:  # noqa: BLE001 - handed to the core thread, never swallowed
            result = exc
        scheduler.post(lambda: done(result))

    thread = threading.Thread(target=target, name=name, daemon=True)
    thread.start()
    return thread


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
