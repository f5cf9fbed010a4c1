"""The session as the UI sees it: one object with the actions and read properties of today,
delegating to the flows.

The UI reads the properties and calls the actions; after every change the session tells its
listeners *what* changed (a set of :class:`Change`), on the core's thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from catalogue.model import Catalogue, Service
from catalogue.validation import FieldValue
from drivers.card.base import DocumentData, ReaderStatus, ReadFailure
from kiosk.config import Timeouts as TimeoutSettings
from kiosk.equipment import Equipment
from kiosk.scheduling import Clock, Scheduler, system_clock
from kiosk.session.call import CallFlow
from kiosk.session.call_back import CallBack
from kiosk.session.call_view import CallView
from kiosk.session.core import Core, Setting
from kiosk.session.coview import CoView, PendingSuggestion
from kiosk.session.form import Form
from kiosk.session.identification import Identification
from kiosk.session.machine import Event
from kiosk.session.mrz_scan import MrzScan
from kiosk.session.outcome import Outcome
from kiosk.session.photos import Photos
from kiosk.session.receipts import Receipts
from kiosk.session.scan import ReceiptScan
from kiosk.session.side import SideFlow, SideFlows
from kiosk.session.states import (
    Change,
    EndReason,
    Screen,
)
from kiosk.session.status import StatusQuestion
from kiosk.session.timeouts import Timeouts
from kiosk.session.view import SessionView
from offline_queue.delivery import DeliveryStatus
from offline_queue.outbox import Outbox

if TYPE_CHECKING:
    # The key is only handed through here; wire.sealing imports joserfc when it seals.
    from joserfc.jwk import RSAKey

    from kiosk.call.dialer import Link


class Session(SessionView):
    """One citizen at a time; the object lives as long as the terminal's setup."""

    def __init__(
        self,
        *,
        catalogue: Catalogue,
        equipment: Equipment,
        outbox: Outbox,
        scheduler: Scheduler,
        timeouts: TimeoutSettings,
        terminal_id: str,
        languages: tuple[str, ...],
        default_language: str,
        status_url: str,
        hub_key: RSAKey,
        storage_ok: Callable[[], bool] = lambda: True,
        on_stored: Callable[[], None] = lambda: None,
        clock: Clock = system_clock,
        receipt_logo: bytes = b"",
        receipt_email: bool = False,
    ) -> None:
        setting = Setting(
            terminal_id=terminal_id,
            languages=languages,
            default_language=default_language,
            status_url=status_url,
            timeouts=timeouts,
            receipt_logo=receipt_logo,
            receipt_email=receipt_email,
        )
        core = Core(
            catalogue=catalogue,
            equipment=equipment,
            scheduler=scheduler,
            clock=clock,
            setting=setting,
        )
        self._core = core
        self._timeouts = Timeouts(core)
        self._form = Form(core, storage_ok)
        self._identify = Identification(core, self._form)
        self._photos = Photos(core)
        self._receipts = Receipts(core, self._timeouts)
        self._outcome = Outcome(
            core,
            form=self._form,
            photos=self._photos,
            receipts=self._receipts,
            timeouts=self._timeouts,
            outbox=outbox,
            hub_key=hub_key,
            on_stored=on_stored,
        )
        self._side = SideFlows(core, self._timeouts)
        self._status = StatusQuestion(core)
        self._scan = ReceiptScan(core, self._form)
        self._mrz_scan = MrzScan(core, self._identify)
        self._call = CallFlow(
            core, self._side, CallBack(core, outbox, hub_key), CoView(core, self._form)
        )
        core.machine.check_guards()

    # --- actions: navigation and timeouts ------------------------------------------------------

    def start(self) -> None:
        if self._core.allows(Event.START):
            self._core.begin()
            self._core.fire(Event.START)
            self._timeouts.arm()

    def touch(self) -> None:
        self._timeouts.touch()

    def extend(self) -> None:
        self._timeouts.extend()

    def take_more_time(self) -> None:
        """Much more time for the rest of this visit (asked for in the top bar or the
        inactivity warning)."""
        self._timeouts.take_more_time()

    def set_language(self, language: str) -> None:
        core = self._core
        if language in core.setting.languages and language != core.language:
            core.language = language
            core.changed(Change.LANGUAGE)
            self._timeouts.language_chosen()

    def choose_service(self, service_id: str) -> None:
        self._form.choose_service(service_id)

    def proceed(self) -> None:
        self._form.proceed()

    def back(self) -> None:
        """One step back; from the first step of a service back to the service page or home."""
        if self._core.fire(Event.BACK):
            self._form.entered()

    def skip_identification(self) -> None:
        if self._core.fire(Event.SKIP_IDENTIFICATION):
            self._form.entered()

    def request_cancel(self) -> None:
        on_done = self._core.screen is Screen.DONE
        reason = EndReason.FINISHED if on_done else EndReason.CANCELLED
        self._core.fire(Event.REQUEST_CANCEL, reason=reason)

    def dismiss_cancel(self) -> None:
        self._core.fire(Event.DISMISS_CANCEL)

    def confirm_cancel(self) -> None:
        self._core.fire(Event.CONFIRM_CANCEL, reason=EndReason.CANCELLED)

    def finish(self) -> None:
        self._core.fire(Event.FINISH)

    def end(self, reason: EndReason) -> None:
        """End the session for any reason: wipe everything personal, back to the attract screen."""
        self._core.end(reason)

    def close(self) -> None:
        """This session object is replaced or the terminal shuts down: stop listening to the
        devices (they are the terminal's and go on)."""
        self._receipts.close()

    # --- actions: a receipt's QR code instead of typing ------------------------------------------

    def can_scan(self, key: str) -> bool:
        return self._scan.can_scan(key)

    def start_scan(self, key: str) -> None:
        self._scan.start(key)

    def stop_scan(self) -> None:
        self._scan.stop()

    # --- actions: the passport's MRZ read by the camera instead of typed --------------------

    def can_scan_mrz(self) -> bool:
        return self._mrz_scan.can_scan()

    def start_mrz_scan(self) -> None:
        self._mrz_scan.start()

    def stop_mrz_scan(self) -> None:
        self._mrz_scan.stop()

    # --- actions: the video call to a clerk (a side flow) ----------------------------------------

    @property
    def call(self) -> CallView | None:
        """The call as the overlay shows it (None: no call overlay)."""
        return self._call.view

    @property
    def call_link(self) -> Link | None:
        """The call in progress (the UI draws the clerk's video from it)."""
        return self._call.link

    @property
    def call_possible(self) -> bool:
        return self._call.possible

    def call_clerk(self) -> None:
        self._call.open()

    def consent_to_call(self) -> None:
        self._call.consent()

    def hang_up_call(self) -> None:
        self._call.hang_up()

    def close_call(self) -> None:
        self._call.close()

    def send_document_to_clerk(self) -> None:
        """The clerk asked for a photo of the ID document: the citizen holds it up and sends."""
        self._call.send_document()

    def decline_document_for_clerk(self) -> None:
        self._call.decline_document()

    def dock_call(self) -> None:
        """In the call: keep the clerk small beside the screen and go on with the form."""
        self._call.dock()

    def ask_call_back(self) -> None:
        self._call.ask_call_back()

    def send_call_back(self, values: dict[str, str]) -> None:
        self._call.send_call_back(values)

    @property
    def call_back_service(self) -> Service | None:
        """The call-back form's fields (the call overlay shows them)."""
        return self._call.call_back_service

    def send_call_chat(self, text: str) -> None:
        self._call.send_chat(text)

    def answer_suggestion(self, key: str, take: bool) -> None:
        """The citizen takes (``take``) or leaves what the clerk suggested for field ``key``."""
        self._call.answer_suggestion(key, take)

    @property
    def call_suggestions(self) -> list[PendingSuggestion]:
        """The clerk's suggestions waiting for the citizen (the call overlay shows them)."""
        return self._call.suggestions

    def set_call_muted(self, muted: bool) -> None:
        self._call.set_muted(muted)

    def set_call_camera(self, on: bool) -> None:
        self._call.set_camera(on)

    # --- actions: side flows -------------------------------------------------------------------

    def begin_side_flow(self, flow: SideFlow) -> bool:
        return self._side.begin(flow)

    def finish_side_flow(self, flow: SideFlow) -> bool:
        return self._side.finish(flow)

    # --- actions: identification ---------------------------------------------------------------

    def submit_access(self, values: dict[str, str]) -> None:
        self._identify.submit_access(values)

    def use_mrz_instead(self) -> None:
        self._identify.use_mrz_instead()

    def confirm_identity(self) -> None:
        self._identify.confirm_identity()

    def reject_identity(self) -> None:
        self._identify.reject_identity()

    def on_card_inserted(self) -> None:
        self._identify.card_inserted()

    def on_card_removed(self) -> None:
        self._identify.card_removed()

    def on_access_needed(self, kind: str, accepts_can: bool) -> None:
        self._identify.access_needed(accepts_can)

    def on_read_progress(self, fraction: float) -> None:
        self._identify.read_progress(fraction)

    def on_read_failed(self, failure: ReadFailure) -> None:
        self._identify.read_failed(failure)

    def on_document_read(self, data: DocumentData) -> None:
        self._identify.document_read(data)

    def on_reader_status(self, status: ReaderStatus) -> None:
        self._identify.reader_status(status)

    # --- actions: form and photos ----------------------------------------------------------------

    def set_value(self, key: str, value: FieldValue) -> None:
        self._form.set_value(key, value)

    def set_address_part(self, key: str, part: str, text: str) -> None:
        self._form.set_address_part(key, part, text)

    def check_page(self, today: date | None = None) -> bool:
        return self._form.check_page(today)

    def next_page(self) -> None:
        self._form.next_page()

    def edit_page(self, index: int) -> None:
        self._form.edit_page(index)

    def edit_photos(self) -> None:
        self._photos.edit_photos()

    def take_photo(self) -> None:
        self._photos.take_photo()

    def remove_photo(self, index: int) -> None:
        self._photos.remove_photo(index)

    def photos_done(self) -> None:
        self._photos.photos_done()

    # --- actions: review, outcome, receipt -----------------------------------------------------

    def set_consent(self, given: bool) -> None:
        self._outcome.set_consent(given)

    def set_receipt_email(self, text: str) -> None:
        self._receipts.set_email(text)

    def submit(self) -> None:
        self._outcome.submit()

    def on_delivered(self, submission_id: str) -> None:
        self._outcome.delivered(submission_id)

    def on_delivery_status(self, status: DeliveryStatus) -> None:
        self._outcome.delivery_status(status)

    def reprint(self) -> None:
        self._receipts.reprint()

    # --- actions: a status look-up -------------------------------------------------------------

    @property
    def can_retry_lookup(self) -> bool:
        """ "Ask again" is offered: no answer could be had, and the hub's wait is over."""
        return self._status.retryable()

    def retry_lookup(self) -> None:
        """Ask the hub again (after no connection, or when it was busy)."""
        self._status.retry()
