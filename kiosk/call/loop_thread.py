"""A thread with an asyncio loop of its own, for one piece of work (the call link's).

The loop and everything on it belong to that thread: other threads only hand it work
(:meth:`LoopThread.soon`), which returns at once. When the work is done, what is left on the
loop (a track's reader, aiortc's own tasks) is cancelled and the loop closed with the thread.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine
from contextlib import suppress
from typing import Any


class LoopThread:
    def __init__(self, name: str) -> None:
        self.name = name
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    def start(self, begin: Callable[[], Coroutine[Any, Any, None]]) -> None:
        """Run the work ``begin`` returns on a new thread; return once its loop is set up.

        ``begin`` is called on that thread with the loop in place, before :meth:`soon` can
        reach it: what it makes there (an ``asyncio.Event`` that work handed over will set)
        is the loop's and is there for the first hand-over."""
        ready = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)  # this thread's own, for libraries that look it up
            self._loop = loop
            work = begin()
            ready.set()
            try:
                loop.run_until_complete(work)
            finally:
                # What is left (a track's reader, aiortc's own tasks) ends with the loop.
                left = asyncio.all_tasks(loop)
                for task in left:
                    task.cancel()
                if left:
                    loop.run_until_complete(asyncio.gather(*left, return_exceptions=True))
                loop.run_until_complete(loop.shutdown_asyncgens())
                loop.close()

        self._thread = threading.Thread(target=run, name=self.name, daemon=True)
        self._thread.start()
        ready.wait(5)

    def soon(self, work: Callable[[], object]) -> None:
        """(From any thread) run ``work`` on the loop; nothing before it is set up or after."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with suppress(RuntimeError):  # closed in between: the work is over anyway
                loop.call_soon_threadsafe(work)

    def join(self, timeout_s: float) -> None:
        """Wait for the thread to end."""
        if self._thread is not None:
            self._thread.join(timeout_s)
