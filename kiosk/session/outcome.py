"""The outcome flow: the review, storing the submission durably, and where it is since.

``submit`` checks everything once more and seals and stores the submission on the
``outbox-writer`` thread; the done screen then waits up to ``DELIVERY_WAIT_S`` for the hub's
confirmation before the receipt (:mod:`kiosk.session.receipts`) says "queued".
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from catalogue.validation import normalise
from kiosk.session.core import Core
from kiosk.session.form import Form
from kiosk.session.machine import Effect, Event, Guard
from kiosk.session.photos import Photos
from kiosk.session.receipts import Receipts
from kiosk.session.states import DELIVERY_WAIT_S, Change, Delivery, Screen, SubmitFailure
from kiosk.session.timeouts import Timeouts
from kiosk.session.visit import Visit, for_visit
from kiosk.submission import SubmissionDocument, build_document, seal_document
from offline_queue.delivery import Connection, DeliveryStatus
from offline_queue.outbox import Fault, Outbox, OutboxError
from wire.email import is_email

if TYPE_CHECKING:
    # The key is only handed through here; wire.sealing imports joserfc when it seals.
    from joserfc.jwk import RSAKey

log = logging.getLogger(__name__)

_OFFLINE = (Connection.OFFLINE, Connection.REFUSED)


def _stored_late(result: object) -> None:
    # Stored all the same (it will be delivered); there is nobody to show a number to.
    log.warning("submission result arrived after the session ended")


class Outcome:
    def __init__(
        self,
        core: Core,
        *,
        form: Form,
        photos: Photos,
        receipts: Receipts,
        timeouts: Timeouts,
        outbox: Outbox,
        hub_key: RSAKey,
        on_stored: Callable[[], None],
    ) -> None:
        self._core = core
        self._form = form
        self._photos = photos
        self._receipts = receipts
        self._timeouts = timeouts
        self._outbox = outbox
        self._hub_key = hub_key
        self._on_stored = on_stored
        self.sessions_completed = 0
        core.guards[Guard.CONSENT] = lambda: core.current.consent
        core.effects[Effect.OPEN_REVIEW] = self._open_review

    def _open_review(self) -> None:
        visit = self._core.current
        visit.ensure_submission_id()
        visit.ensure_tracking_code()
        visit.visited_review = True
        visit.submit_failure = None

    # --- the review ----------------------------------------------------------------------------

    def set_consent(self, given: bool) -> None:
        visit = self._core.current

        def act() -> None:
            visit.consent = given

        self._core.fire(Event.SET_CONSENT, act=act)

    def submit(self) -> None:
        core = self._core
        visit = core.visit
        if visit is None or visit.service is None or not core.allows(Event.SUBMIT):
            return
        if not self._photos.complete:
            core.fire(Event.PHOTOS_MISSING)
            return
        receipt_email = self._receipts.email_to_send()
        if receipt_email and not is_email(receipt_email):
            visit.receipt_email_invalid = True
            core.fire(Event.ADDRESS_INVALID)
            return
        # One instant for the last check and for submitted_at: the hub judges the dates by the
        # day of submitted_at, and a moment earlier may still be yesterday.
        now = core.clock()
        if self._form.first_invalid_page(core.catalogue.today(now)) is not None:
            core.fire(Event.PAGE_INVALID)
            return
        service = visit.service
        values = {
            f.key: normalise(f, visit.values[f.key])
            for f in service.fields()
            if f.key in visit.values
        }
        document = build_document(
            service=service,
            values=values,
            identity=visit.identity,
            prefilled=visit.prefilled,
            photos=visit.photos,
            terminal_id=core.setting.terminal_id,
            language=core.language,
            started_at=visit.started_at or now,
            submitted_at=now,
            # The same id on every retry of this submission: the outbox then stores it once.
            submission_id=visit.ensure_submission_id(),
            tracking_code=visit.ensure_tracking_code(),
            receipt_email=receipt_email,
            confirmed_in_call=visit.confirmed_in_call,
        )
        visit.receipt_mail_requested = bool(receipt_email)
        self._timeouts.disarm()
        core.fire(Event.STORE)
        outbox, key = self._outbox, self._hub_key

        def store() -> SubmissionDocument:
            # Sealed here, on the worker: the plaintext never reaches the disk.
            try:
                outbox.enqueue(seal_document(document, key))
            finally:
                document.forget()
            return document

        core.equipment.outbox_worker.submit(
            store,
            for_visit(visit, lambda: core.visit, lambda r: self._stored(visit, r), _stored_late),
        )

    def _stored(self, visit: Visit, result: SubmissionDocument | BaseException) -> None:
        core = self._core
        if isinstance(result, SubmissionDocument):
            log.info("submission stored: service=%s", visit.service.id if visit.service else "?")
            visit.tracking_number = result.tracking_code
            visit.receipt_email = ""  # it travels sealed in the submission; not kept here
            self.sessions_completed += 1
            self._on_stored()
            # Offline already known: say so at once; otherwise give the hub a moment to confirm.
            if core.equipment.hub.connection in _OFFLINE:
                visit.delivery = Delivery.QUEUED
            else:
                visit.delivery = Delivery.PENDING
                core.scheduler.call_later(
                    "delivery-wait", DELIVERY_WAIT_S, lambda: self._delivery_late(visit)
                )
            core.fire(Event.STORED)
            self._timeouts.arm()
            self._receipts.print_soon(visit)
            return
        if isinstance(result, OutboxError):
            log.error("submission could not be stored: %s", result)
            environment = result.fault is Fault.ENVIRONMENT
            visit.submit_failure = SubmitFailure.STORAGE if environment else SubmitFailure.INTERNAL
        else:
            log.error("submission failed unexpectedly: %s", type(result).__name__)
            visit.submit_failure = SubmitFailure.INTERNAL
        # Nothing is lost: the form stays as it was, and the citizen can try again or call.
        core.fire(Event.STORE_FAILED)
        self._timeouts.arm()

    # --- delivery --------------------------------------------------------------------------------

    def delivered(self, submission_id: str) -> None:
        """The hub confirmed a submission (delivery thread, posted to the core thread)."""
        visit = self._core.visit
        if (
            visit is not None
            and self._core.screen is Screen.DONE
            and submission_id == visit.submission_id
            and visit.delivery is not Delivery.SENT
        ):
            visit.delivery = Delivery.SENT
            self._core.changed(Change.DELIVERY)
            self._receipts.delivery_known(visit)

    def delivery_status(self, status: DeliveryStatus) -> None:
        self._core.equipment.hub = status
        self._core.changed(Change.DELIVERY)
        visit = self._core.visit
        if visit is not None and status.connection in _OFFLINE:
            self._delivery_late(visit)

    def _delivery_late(self, visit: Visit) -> None:
        if (
            visit is self._core.visit
            and self._core.screen is Screen.DONE
            and visit.delivery is Delivery.PENDING
        ):
            visit.delivery = Delivery.QUEUED
            self._core.changed(Change.DELIVERY)
            self._receipts.delivery_known(visit)
