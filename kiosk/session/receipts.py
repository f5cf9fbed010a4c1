"""The receipt: printed once the done screen is up and the delivery state is known, shown on
the screen when paper fails, and — where the municipality enables it — mailed by the hub to an
address the citizen gives on the review page while the printer cannot print.
"""

from __future__ import annotations

import logging

from drivers.printer.base import PrinterStatus, PrintOutcome, PrintResult
from drivers.printer.document import Document
from kiosk.receipt import build_receipt, spoken_receipt
from kiosk.session.core import Core
from kiosk.session.machine import Event, Guard
from kiosk.session.states import PRINT_DELAY_S, Change, Delivery, Screen
from kiosk.session.timeouts import Timeouts
from kiosk.session.visit import Visit, for_visit

log = logging.getLogger(__name__)

#: Screens on which the printer's state no longer changes what the citizen is told.
_SETTLED = (Screen.ATTRACT, Screen.HOME, Screen.SUBMITTING, Screen.DONE)


class Receipts:
    def __init__(self, core: Core, timeouts: Timeouts) -> None:
        self._core = core
        self._timeouts = timeouts
        core.equipment.print_station.subscribe(self.printer_changed)
        core.guards[Guard.OFFERS_EMAIL] = lambda: self.offers_email
        core.guards[Guard.PRINT_FAILED] = self._print_failed

    def close(self) -> None:
        self._core.equipment.print_station.unsubscribe(self.printer_changed)

    # --- on the review page: an address for the receipt --------------------------------------

    @property
    def offers_email(self) -> bool:
        """The review page asks for an e-mail address for the receipt (optional). Once the
        citizen has typed one it stays, even if the printer comes back meanwhile."""
        visit = self._core.current
        enabled = self._core.setting.receipt_email
        return enabled and (visit.receipt_on_screen or bool(visit.receipt_email))

    def set_email(self, text: str) -> None:
        visit = self._core.current

        def act() -> None:
            # Kept as typed (the field shows it back); spaces around it go at submit.
            visit.receipt_email = text
            visit.receipt_email_invalid = False
            self._timeouts.arm()

        self._core.fire(Event.SET_RECEIPT_EMAIL, act=act)

    def email_to_send(self) -> str:
        return self._core.current.receipt_email.strip() if self.offers_email else ""

    # --- device state ----------------------------------------------------------------------------

    def printer_changed(self, status: PrinterStatus) -> None:
        visit = self._core.visit
        if visit is not None and self._core.screen not in _SETTLED:
            # Mid-service: a printer that failed or came back changes what the citizen is told.
            visit.receipt_on_screen = visit.files_submission and not status.can_print
        self._core.changed(Change.PRINTER)

    # --- on the done screen ------------------------------------------------------------------

    @property
    def status_link(self) -> str:
        """Where the receipt's QR code points: shown on screen when there is no paper receipt."""
        tracking = self._core.current.tracking_number
        return self._core.setting.status_url.format(tracking=tracking) if tracking else ""

    @property
    def show_on_screen(self) -> bool:
        """No paper receipt for sure: it failed, or the printer cannot confirm it (a CUPS queue,
        a device node), so the citizen gets the screen's as well."""
        result = self._core.current.print_result
        return (
            self._core.screen is Screen.DONE
            and result is not None
            and (
                result.outcome is not PrintOutcome.PRINTED or result.status is PrinterStatus.UNKNOWN
            )
        )

    def print_soon(self, visit: Visit) -> None:
        # Start printing once the done screen is up: rendering the receipt on a worker thread
        # competes for the interpreter with building the screen. The receipt waits until it is
        # known whether the submission reached the hub.
        visit.printing = True
        self._core.scheduler.call_later("print-receipt", PRINT_DELAY_S, lambda: self._print(visit))

    def delivery_known(self, visit: Visit) -> None:
        if visit.print_when_known:
            visit.print_when_known = False
            self._print(visit)

    def _print_failed(self) -> bool:
        visit = self._core.current
        result = visit.print_result
        return not visit.printing and result is not None and not result.outcome.printed

    def reprint(self) -> None:
        visit = self._core.visit
        if visit is not None and self._core.fire(Event.REPRINT):
            self._print(visit, retry=True)

    def _print(self, visit: Visit, retry: bool = False) -> None:
        core = self._core
        if visit is not core.visit or core.screen is not Screen.DONE or visit.service is None:
            visit.printing = False
            return
        if visit.delivery is Delivery.PENDING:
            visit.print_when_known = True
            return
        receipt = self._receipt(visit)
        visit.printing = True
        core.changed(Change.RECEIPT)
        core.equipment.print_station.print(
            receipt,
            for_visit(visit, lambda: core.visit, lambda r: self._printed(visit, r)),
            retry=retry,
        )

    def _receipt(self, visit: Visit) -> Document:
        core = self._core
        assert visit.service is not None
        if visit.receipt_at is None:  # (read aloud later, it says the time the paper says)
            visit.receipt_at = core.clock()
        return build_receipt(
            core.catalogue,
            visit.service,
            core.language,
            visit.tracking_number,
            visit.receipt_at,
            core.setting.status_url,
            queued=visit.delivery is Delivery.QUEUED,
            logo=core.setting.receipt_logo,
        )

    def spoken(self) -> list[tuple[str, bool]]:
        """The receipt's texts to read aloud, in the citizen's language (its number marked
        as theirs); nothing before the submission is stored."""
        visit = self._core.visit
        if visit is None or visit.service is None or not visit.tracking_number:
            return []
        receipt = self._receipt(visit)
        try:
            return spoken_receipt(receipt, visit.tracking_number)
        finally:
            receipt.wipe()

    def _printed(self, visit: Visit, result: PrintResult | BaseException) -> None:
        visit.printing = False
        if not isinstance(result, PrintResult):
            log.error("printer failed unexpectedly: %s", type(result).__name__)
            result = PrintResult(PrintOutcome.FAILED)
        if not result.outcome.printed:
            log.warning("receipt not printed: %s", result.outcome.value)
        if self._core.screen is not Screen.DONE:
            result.wipe()
            return
        if visit.print_result is not None and visit.print_result is not result:
            visit.print_result.wipe()  # an earlier attempt's preview
        visit.print_result = result
        self._core.changed(Change.RECEIPT)
