"""The printer's status poll on the kiosk's real Qt scheduler.

The fault found: a receipt finishes while a status question is on its way, so the station
schedules its next poll while still asking; that poll fires during the question and is put off
("ask again after the answer"), but the station keeps its handle; when the answer comes, it
cancels the fired (and by then deleted) QTimer, which raised "QTimer already deleted" and the
fault handler wiped the citizen's session.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QTimer

from drivers.printer.base import PrinterStatus, PrintOutcome, PrintResult, ReceiptPrinter
from drivers.printer.document import Document, TextLine
from kiosk.printing import PrintStation
from ui.qt_scheduler import QtScheduler


class SlowStatusPrinter(ReceiptPrinter):
    """Prints at once; answers a status question only when the test lets it."""

    def __init__(self) -> None:
        self.answer = threading.Semaphore(0)
        self.questions = 0

    def query_status(self) -> PrinterStatus:
        self.questions += 1
        self.answer.acquire()
        return PrinterStatus.READY

    def print_document(self, document: Document) -> PrintResult:
        return PrintResult(PrintOutcome.PRINTED, status=PrinterStatus.READY)


def test_a_poll_that_fired_while_asking_is_cancelled_without_a_fault(qtbot: Any) -> None:
    scheduler = QtScheduler()
    printer = SlowStatusPrinter()
    station = PrintStation(printer, scheduler, poll_s=0.05)
    try:
        station.start()  # question 1, unanswered for now
        results: list[PrintResult] = []
        station.print(Document([TextLine("Quittung")]), results.append)  # after question 1
        station.refresh()  # the next citizen picks a service: ask once more after the answer
        printer.answer.release()  # answer 1; question 2 goes in behind the print job
        qtbot.waitUntil(lambda: station.answers == 1 and printer.questions == 2)
        # The receipt is done while question 2 waits: the next poll is scheduled, fires during
        # the question and is put off, and Qt deletes its timer.
        qtbot.waitUntil(lambda: bool(results))
        qtbot.waitUntil(lambda: not scheduler.findChildren(QTimer, "printer-status"))
        printer.answer.release()  # answer 2: ask again, cancelling the poll that fired
        qtbot.waitUntil(lambda: station.answers == 2 and printer.questions == 3)
        printer.answer.release()
        qtbot.waitUntil(lambda: station.answers == 3)
        assert results[0].outcome is PrintOutcome.PRINTED
    finally:
        for _ in range(10):  # no question left waiting when the worker stops
            printer.answer.release()
        station.close()
        scheduler.cancel_all()
