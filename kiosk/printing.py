"""The terminal's printer as device state: its status known before a citizen starts, its jobs on
the printer's own thread.

The :class:`PrintStation` is the printer's only user. It asks the printer for its state every
``poll_s`` seconds (and again after each job and when a citizen starts a service), so the
session can say *before* a form is filled in that the receipt will be shown on screen instead.
Status questions and jobs go through one named worker thread, so they never meet on the wire.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from drivers.printer.base import PrinterStatus, PrintOutcome, PrintResult, ReceiptPrinter
from drivers.printer.document import Document
from kiosk.scheduling import Scheduler, TimerHandle, Worker

log = logging.getLogger(__name__)

#: Seconds between two status questions while the terminal is idle.
STATUS_POLL_S = 30.0


class PrintStation:
    def __init__(
        self, printer: ReceiptPrinter, scheduler: Scheduler, poll_s: float = STATUS_POLL_S
    ) -> None:
        self._printer = printer
        self._scheduler = scheduler
        self._poll_s = poll_s
        self._worker = Worker("printer", scheduler)
        self._timer: TimerHandle | None = None
        self._asking = False
        self._again = False
        self._listeners: list[Callable[[PrinterStatus], None]] = []
        #: The last status the printer reported; UNKNOWN until it has answered once.
        self.status = PrinterStatus.UNKNOWN
        self.jobs = 0
        #: How many status questions the printer has answered (tests wait for the first).
        self.answers = 0
        self._closed = False

    def subscribe(self, listener: Callable[[PrinterStatus], None]) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[PrinterStatus], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    @property
    def can_print(self) -> bool:
        return self.status.can_print

    def start(self) -> None:
        """Ask now, then every ``poll_s`` seconds."""
        self.refresh()

    def refresh(self) -> None:
        """Ask the printer for its state now (the answer comes through the listeners)."""
        if self._closed:
            return
        if self._asking:
            # The answer on its way may predate what prompted this: ask once more after it.
            self._again = True
            return
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self._asking = True
        self._worker.submit(self._printer.query_status, self._answered)

    def _answered(self, result: PrinterStatus | BaseException) -> None:
        self._asking = False
        self.answers += 1
        if isinstance(result, BaseException):
            log.error("printer status failed unexpectedly: %s", type(result).__name__)
            result = PrinterStatus.ERROR
        self._set(result)
        if self._again:
            self._again = False
            self.refresh()
            return
        self._schedule()

    def _schedule(self) -> None:
        if self._closed:
            return
        if self._timer is not None:
            self._timer.cancel()
        self._timer = self._scheduler.call_later("printer-status", self._poll_s, self._poll)

    def _poll(self) -> None:
        # The timer has fired: forget its handle, so nothing cancels a timer that is gone (Qt
        # deletes a fired single-shot QTimer; cancelling it raised and wiped a session).
        self._timer = None
        self.refresh()

    def _set(self, status: PrinterStatus) -> None:
        if status is self.status:
            return
        self.status = status
        for listener in list(self._listeners):
            listener(status)

    def print(
        self, document: Document, done: Callable[[PrintResult], None], *, retry: bool = False
    ) -> None:
        """Print on the printer's thread; ``done`` gets the result on the core's thread (an
        unexpected driver error becomes ``FAILED``). A printer known to be unable to print is
        not tried, unless this is an explicit ``retry``: the citizen gets the on-screen receipt
        at once instead of after a timeout."""
        if not self.status.can_print and not retry:
            status = self.status
            self._scheduler.post(
                lambda: done(PrintResult(PrintOutcome.for_status(status), status=status))
            )
            self.refresh()
            return
        self.jobs += 1

        def finished(result: PrintResult | BaseException) -> None:
            if not isinstance(result, PrintResult):
                log.error("printer failed unexpectedly: %s", type(result).__name__)
                result = PrintResult(PrintOutcome.FAILED, status=PrinterStatus.ERROR)
            self._set(result.status)
            self._schedule()
            done(result)

        self._worker.submit(lambda: self._printer.print_document(document), finished)

    def close(self) -> None:
        self._closed = True
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self._worker.stop()
