"""The citizen session: an explicit state machine from the attract screen back to it.

::

    ATTRACT ─start→ HOME ─choose→ SERVICE ─proceed→ IDENTIFY ─card read→ FORM (page 1..n)
                                          └─(no ID needed)──────────────→ FORM
    FORM ─next (valid)→ … → ATTACHMENTS (if the service takes photos) → REVIEW
    REVIEW ─consent + submit→ SUBMITTING ─stored durably→ DONE ─finish/timeout→ ATTRACT

Overlays on any screen but ATTRACT: CONFIRM_CANCEL (cancel asks first) and TIMEOUT_WARNING
(after ``inactivity_s`` without a touch, a countdown of ``warning_s``; *extend* resumes, the end
of the countdown wipes the session). Every way back to ATTRACT passes :meth:`Session._wipe`.

The UI reads the properties and calls the actions; after every change the session tells its
listeners *what* changed (a set of :class:`Change`), on the core's thread.
"""

from __future__ import annotations

import gc
import logging
import uuid
from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum
from typing import TypeVar

from joserfc.jwk import RSAKey

from catalogue.model import (
    ADDRESS_PARTS,
    Catalogue,
    Field,
    FieldKind,
    Identification,
    IdentityAttribute,
    Page,
    Service,
)
from catalogue.validation import FieldProblem, FieldValue, check_field, normalise
from drivers.camera.base import CameraError, Photo
from drivers.card.base import DocumentData, ReaderStatus, ReadFailure
from drivers.card.icao.active import submission_challenge
from drivers.card.simulated import SimulatedCardReader
from drivers.printer.base import PrinterStatus, PrintOutcome, PrintResult
from drivers.printer.simulated import SimulatedPrinter
from kiosk.config import Timeouts
from kiosk.devices import Devices
from kiosk.identify import AccessKind, AccessProblem, parse_access
from kiosk.printing import STATUS_POLL_S, PrintStation
from kiosk.receipt import build_receipt
from kiosk.scheduling import Clock, Scheduler, TimerHandle, Worker, system_clock
from kiosk.submission import SubmissionDocument, build_document, seal_document
from offline_queue.delivery import Connection, DeliveryStatus
from offline_queue.outbox import Fault, Outbox, OutboxError
from wire.email import is_email
from wire.tracking import new_tracking_code

log = logging.getLogger(__name__)


class Screen(StrEnum):
    ATTRACT = "attract"
    HOME = "home"
    SERVICE = "service"
    IDENTIFY = "identify"
    FORM = "form"
    ATTACHMENTS = "attachments"
    REVIEW = "review"
    SUBMITTING = "submitting"
    DONE = "done"


class Overlay(StrEnum):
    NONE = "none"
    CONFIRM_CANCEL = "confirm_cancel"
    TIMEOUT_WARNING = "timeout_warning"


class IdentifyState(StrEnum):
    WAITING = "waiting"
    ACCESS = "access"  # a document is on the reader: the citizen types the CAN or MRZ values
    READING = "reading"
    CONFIRM = "confirm"  # read: the citizen checks name, date of birth and photo
    FAILED = "failed"
    NO_READER = "no_reader"


class SubmitFailure(StrEnum):
    """Why storing a submission failed; the citizen's data stays on screen for a retry."""

    STORAGE = "storage"  # the environment: disk full, I/O error
    INTERNAL = "internal"  # our bug


class EndReason(StrEnum):
    FINISHED = "finished"
    CANCELLED = "cancelled"
    TIMED_OUT = "timed_out"
    FAULT = "fault"


class Change(StrEnum):
    SCREEN = "screen"
    OVERLAY = "overlay"
    COUNTDOWN = "countdown"
    FORM = "form"
    IDENTIFY = "identify"
    PHOTOS = "photos"
    REVIEW = "review"
    RECEIPT = "receipt"
    LANGUAGE = "language"
    DELIVERY = "delivery"  # the hub connection / queue depth, or this submission's delivery
    PRINTER = "printer"  # whether a receipt can be printed (device state)


class Delivery(StrEnum):
    """Where the citizen's submission is, as the done screen and the receipt tell it."""

    PENDING = "pending"  # stored on the terminal; being sent right now
    SENT = "sent"  # the hub confirmed it
    QUEUED = "queued"  # not sent yet: it goes automatically once the hub can be reached


ALL_CHANGES = frozenset(Change)
#: Seconds between the done screen appearing and the receipt starting to print.
PRINT_DELAY_S = 0.1
#: The done screen shows a countdown for its last this many seconds.
DONE_COUNTDOWN_S = 20.0
#: How long the done screen waits for the hub's confirmation before the receipt says "queued".
DELIVERY_WAIT_S = 3.0
Listener = Callable[[frozenset[Change]], None]


def _collect_garbage() -> None:
    gc.collect()


_R = TypeVar("_R")


def _wipe_result(result: object) -> None:
    """A late photo or print result for a citizen who has gone: nothing of it is kept."""
    wipe = getattr(result, "wipe", None)
    if callable(wipe):
        wipe()


def _stored_late(result: object) -> None:
    # Stored all the same (it will be delivered); there is nobody to show a number to.
    log.warning("submission result arrived after the session ended")


class Session:
    """One citizen at a time; the object lives as long as the terminal runs."""

    def __init__(
        self,
        *,
        catalogue: Catalogue,
        devices: Devices,
        outbox: Outbox,
        scheduler: Scheduler,
        timeouts: Timeouts,
        terminal_id: str,
        languages: tuple[str, ...],
        default_language: str,
        status_url: str,
        hub_key: RSAKey,
        storage_ok: Callable[[], bool] = lambda: True,
        on_stored: Callable[[], None] = lambda: None,
        clock: Clock = system_clock,
        printer_poll_s: float = STATUS_POLL_S,
        receipt_logo: bytes = b"",
        receipt_email: bool = False,
    ) -> None:
        self.catalogue = catalogue
        self.devices = devices
        self._outbox = outbox
        self._scheduler = scheduler
        self._timeouts = timeouts
        self._terminal_id = terminal_id
        self.languages = languages
        self.default_language = default_language
        self._status_url = status_url
        self._hub_key = hub_key
        self._storage_ok = storage_ok
        self._on_stored = on_stored
        #: The terminal's link to the hub (for the "offline — N waiting" indicator).
        self.hub = DeliveryStatus(Connection.UNKNOWN, 0, None, 0)
        self._clock = clock
        self._listeners: list[Listener] = []
        # One thread per device, for the terminal's lifetime (STYLE: one owner per resource).
        self._camera_worker = Worker("camera", scheduler)
        self.print_station = PrintStation(devices.printer, scheduler, poll_s=printer_poll_s)
        self.print_station.subscribe(self._printer_changed)
        self._receipt_logo = receipt_logo
        self._receipt_email_enabled = receipt_email
        self._outbox_worker = Worker("outbox-writer", scheduler)
        self._inactivity: TimerHandle | None = None
        self._tick: TimerHandle | None = None
        self.sessions_completed = 0
        self.language = default_language
        self.reader_status = ReaderStatus.NO_READER
        #: Device state, kept across sessions like the reader's status: a card lies on the
        #: reader waiting for its CAN/MRZ (put down before the identify screen, or by the
        #: previous citizen). The value: whether it can be opened with the CAN.
        self._card_waiting: bool | None = None
        self._generation = 0
        self._reset_state()
        self.print_station.start()

    # --- state ---------------------------------------------------------------------------------

    def _reset_state(self) -> None:
        self.screen = Screen.ATTRACT
        self.overlay = Overlay.NONE
        self.countdown_s = 0
        self.service: Service | None = None
        self.page_index = 0
        self.values: dict[str, FieldValue] = {}
        self.prefilled: set[str] = set()
        self.problems: dict[str, FieldProblem] = {}
        self.identity: DocumentData | None = None
        self.identify_state = IdentifyState.WAITING
        self.identify_failure: ReadFailure | None = None
        self.access_kind = AccessKind.CAN
        self.access_problem: AccessProblem | None = None
        self.read_progress = 0.0
        self.photos: list[Photo] = []
        self.capturing = False
        self.camera_failed = False
        self.consent = False
        self.submit_failure: SubmitFailure | None = None
        self.tracking_number = ""
        self.delivery = Delivery.PENDING
        self._print_when_known = False
        self.storage_full = False
        self.print_result: PrintResult | None = None
        self.printing = False
        #: Told up front: the printer cannot print now, the receipt will be on the screen.
        self.receipt_on_screen = False
        #: Where the hub should mail the receipt (only offered while the printer cannot print).
        self.receipt_email = ""
        self.receipt_email_invalid = False
        #: The submission carries an address: the done screen says the receipt comes by mail.
        self.receipt_mail_requested = False
        self.started_at: datetime | None = None
        self._visited_review = False
        self._submission_id = ""
        self._tracking_code = ""

    @property
    def page(self) -> Page | None:
        if self.service is None or not self.service.pages:
            return None
        return self.service.pages[min(self.page_index, len(self.service.pages) - 1)]

    @property
    def needs_photos(self) -> bool:
        return self.service is not None and self.service.attachments.max_photos > 0

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _changed(self, *what: Change) -> None:
        changes = frozenset(what)
        for listener in list(self._listeners):
            listener(changes)

    def _go(self, screen: Screen, *also: Change) -> None:
        if screen is not self.screen:
            log.info("screen %s -> %s", self.screen.value, screen.value)
        self.screen = screen
        self._changed(Change.SCREEN, *also)

    # --- inactivity ------------------------------------------------------------------------------

    def touch(self) -> None:
        """The citizen did something: restart the inactivity timer (not during the warning:
        there only *extend* counts, so a stray touch cannot hide the countdown)."""
        if self.screen is Screen.ATTRACT or self.overlay is Overlay.TIMEOUT_WARNING:
            return
        self._arm_inactivity()

    def _arm_inactivity(self) -> None:
        self._disarm()
        if self.countdown_s:
            self.countdown_s = 0
            self._changed(Change.COUNTDOWN)
        if self.screen in (Screen.ATTRACT, Screen.SUBMITTING):
            return
        if self.screen is Screen.DONE:
            # The done screen counts down its last seconds visibly: someone copying the
            # tracking number by hand sees it coming and can touch the screen for more time.
            quiet = max(0.0, self._timeouts.done_s - DONE_COUNTDOWN_S)
            self._inactivity = self._scheduler.call_later("inactivity", quiet, self._done_count)
            return
        self._inactivity = self._scheduler.call_later(
            "inactivity", self._timeouts.inactivity_s, self._inactive
        )

    def _done_count(self) -> None:
        self._inactivity = None
        self.countdown_s = int(min(DONE_COUNTDOWN_S, self._timeouts.done_s))
        self._changed(Change.COUNTDOWN)
        self._tick = self._scheduler.call_later("countdown", 1.0, self._count_down)

    def _disarm(self) -> None:
        for handle in (self._inactivity, self._tick):
            if handle is not None:
                handle.cancel()
        self._inactivity = self._tick = None

    def _inactive(self) -> None:
        self._inactivity = None
        self.overlay = Overlay.TIMEOUT_WARNING
        self.countdown_s = int(self._timeouts.warning_s)
        self._changed(Change.OVERLAY, Change.COUNTDOWN)
        self._tick = self._scheduler.call_later("countdown", 1.0, self._count_down)

    def _count_down(self) -> None:
        self.countdown_s -= 1
        if self.countdown_s <= 0:
            self._tick = None
            self.end(EndReason.FINISHED if self.screen is Screen.DONE else EndReason.TIMED_OUT)
            return
        self._changed(Change.COUNTDOWN)
        self._tick = self._scheduler.call_later("countdown", 1.0, self._count_down)

    def extend(self) -> None:
        """The citizen needs more time."""
        if self.overlay is not Overlay.TIMEOUT_WARNING:
            return
        self.overlay = Overlay.NONE
        self.countdown_s = 0
        self._arm_inactivity()
        self._changed(Change.OVERLAY, Change.COUNTDOWN)

    # --- navigation --------------------------------------------------------------------------

    def start(self) -> None:
        if self.screen is not Screen.ATTRACT:
            return
        self.started_at = self._clock()
        self._go(Screen.HOME)
        self._arm_inactivity()

    def set_language(self, language: str) -> None:
        if language in self.languages and language != self.language:
            self.language = language
            self._changed(Change.LANGUAGE)
            if self.screen is Screen.ATTRACT:
                # A passer-by's choice must not stay for everyone after them.
                self._disarm()
                self._inactivity = self._scheduler.call_later(
                    "language-reset", self._timeouts.inactivity_s, self._reset_language
                )

    def _reset_language(self) -> None:
        self._inactivity = None
        if self.screen is Screen.ATTRACT:
            self.set_language(self.default_language)

    def choose_service(self, service_id: str) -> None:
        if self.screen is not Screen.HOME:
            return
        self.service = self.catalogue.service(service_id)
        log.info("service chosen: %s", service_id)
        # Before the citizen types anything: can a submission still be stored here, and can
        # its receipt be printed? (The printer is asked again; its answer follows shortly.)
        self.storage_full = not self._storage_ok()
        self.receipt_on_screen = not self.print_station.can_print
        self.print_station.refresh()
        self._go(Screen.SERVICE, Change.FORM, Change.PRINTER)

    def proceed(self) -> None:
        """From the service page to identification, or straight to the form."""
        if self.screen is not Screen.SERVICE or self.service is None:
            return
        self.storage_full = not self._storage_ok()
        if self.storage_full:
            self._changed(Change.FORM)
            return
        if self.service.identification is Identification.NONE:
            self._enter_form(0)
        else:
            self.identify_state = (
                IdentifyState.WAITING
                if self.reader_status is ReaderStatus.READY
                else IdentifyState.NO_READER
            )
            self.identify_failure = None
            if self._card_waiting is not None and self.reader_status is ReaderStatus.READY:
                # The card was put down early (on the service page): ask for its number now.
                self.identify_state = IdentifyState.ACCESS
                self.access_kind = AccessKind.CAN if self._card_waiting else AccessKind.MRZ
                self.access_problem = None
            self._ensure_submission_id()
            self._go(Screen.IDENTIFY, Change.IDENTIFY)

    @property
    def can_skip_identification(self) -> bool:
        return self.service is not None and self.service.identification is Identification.OPTIONAL

    def skip_identification(self) -> None:
        if self.screen is Screen.IDENTIFY and self.can_skip_identification:
            self._enter_form(0)

    def back(self) -> None:
        """One step back; from the first step of a service back to the service page or home."""
        if self.screen is Screen.SERVICE:
            # Another service may be chosen next: nothing entered for this one is carried over.
            self._forget_service_data()
            self.service = None
            self._go(Screen.HOME, Change.FORM, Change.PHOTOS, Change.IDENTIFY)
        elif self.screen is Screen.IDENTIFY:
            self._go(Screen.SERVICE)
        elif self.screen is Screen.FORM:
            if self.page_index > 0:
                self.page_index -= 1
                self._go(Screen.FORM, Change.FORM)
            elif (
                self.identity is None
                and self.service is not None
                and self.service.identification is not Identification.NONE
            ):
                self._go(Screen.IDENTIFY, Change.IDENTIFY)
            else:
                self._go(Screen.SERVICE)
        elif self.screen is Screen.ATTACHMENTS:
            self._enter_form(self._last_page_index())
        elif self.screen is Screen.REVIEW:
            if self.needs_photos:
                self._go(Screen.ATTACHMENTS, Change.PHOTOS)
            else:
                self._enter_form(self._last_page_index())

    def _last_page_index(self) -> int:
        return max(0, len(self.service.pages) - 1) if self.service else 0

    def _enter_form(self, index: int) -> None:
        assert self.service is not None
        if not self.service.pages:
            self._after_form()
            return
        self.page_index = index
        self._go(Screen.FORM, Change.FORM)

    def set_value(self, key: str, value: FieldValue) -> None:
        """The citizen typed or chose something. Prefilled (chip) data cannot be changed."""
        if self.service is None or key in self.prefilled:
            return
        self.values[key] = value
        spec = self._field(key)
        changed = spec is not None and spec.kind in (FieldKind.CHOICE, FieldKind.YES_NO)
        # Re-check as they type, so a fixed mistake's message disappears at once; new problems
        # are only shown when they try to go on.
        if (
            key in self.problems
            and spec is not None
            and check_field(spec, value, self.today()) is None
        ):
            del self.problems[key]
            changed = True
        if changed:
            # A tapped option must show as chosen; typed text is already on screen.
            self._changed(Change.FORM)

    def set_address_part(self, key: str, part: str, text: str) -> None:
        if part not in ADDRESS_PARTS:
            return
        current = self.values.get(key)
        parts = dict(current) if isinstance(current, dict) else {}
        parts[part] = text
        self.set_value(key, parts)

    def _field(self, key: str) -> Field | None:
        if self.service is None:
            return None
        return next((f for f in self.service.fields() if f.key == key), None)

    def today(self) -> date:
        """The municipality's date now: the hub checks dates against the same day (in the
        catalogue's time zone, from the submission's ``submitted_at``), whatever zone this
        machine is set to."""
        return self.catalogue.today(self._clock())

    def check_page(self, today: date | None = None) -> bool:
        """Check the current page against ``today`` (default: the municipality's today)."""
        page = self.page
        if page is None:
            return True
        today = self.today() if today is None else today
        for spec in page.fields:
            self.problems.pop(spec.key, None)
            problem = check_field(spec, self.values.get(spec.key), today)
            if problem is not None:
                self.problems[spec.key] = problem
        return not any(f.key in self.problems for f in page.fields)

    def next_page(self) -> None:
        if self.screen is not Screen.FORM or self.service is None:
            return
        if not self.check_page():
            self._changed(Change.FORM)
            return
        if self._visited_review and not (self.needs_photos and not self.photos_complete):
            self._go_review()
        elif self.page_index + 1 < len(self.service.pages):
            self.page_index += 1
            self._go(Screen.FORM, Change.FORM)
        else:
            self._after_form()

    def _after_form(self) -> None:
        if self.needs_photos:
            self.camera_failed = False
            self._go(Screen.ATTACHMENTS, Change.PHOTOS)
        else:
            self._go_review()

    def edit_page(self, index: int) -> None:
        """From the review: change one page, then come straight back."""
        if self.screen is Screen.REVIEW and self.service and 0 <= index < len(self.service.pages):
            self._enter_form(index)

    def edit_photos(self) -> None:
        if self.screen is Screen.REVIEW and self.needs_photos:
            self._go(Screen.ATTACHMENTS, Change.PHOTOS)

    def _go_review(self) -> None:
        self._ensure_submission_id()
        if not self._tracking_code:
            self._tracking_code = new_tracking_code()
        self._visited_review = True
        self.submit_failure = None
        self._go(Screen.REVIEW, Change.REVIEW)

    def _ensure_submission_id(self) -> None:
        """The submission's id, made once per service visit: when the identify step starts
        (the chip's Active Authentication signs a challenge derived from it, which the hub
        checks against the id it receives), else on the way to the review."""
        if not self._submission_id:
            self._submission_id = str(uuid.uuid4())

    # --- identification ----------------------------------------------------------------------

    @property
    def demo_samples(self) -> list[str]:
        reader = self.devices.card_reader
        return reader.samples() if isinstance(reader, SimulatedCardReader) else []

    def demo_sample_access_text(self) -> str:
        """Demo only: what is printed on each sample document, to type in."""
        reader = self.devices.card_reader
        if not isinstance(reader, SimulatedCardReader):
            return ""
        lines = []
        for sample in reader.samples():
            printed = reader.sample_access(sample)
            if printed.get("can"):
                lines.append(f"{sample}: CAN {printed['can']}")
            elif printed:
                lines.append(
                    f"{sample}: {printed['document_number']} · {printed['date_of_birth']}"
                    f" · {printed['expiry']}"
                )
        return "\n".join(lines)

    @property
    def demo_printer_has_paper(self) -> bool | None:
        """Demo only: whether the simulated printer has paper (None: not the simulator)."""
        printer = self.devices.printer
        return printer.paper > 0 if isinstance(printer, SimulatedPrinter) else None

    def demo_set_printer_paper(self, loaded: bool) -> None:
        """Demo mode only: take the simulated printer's paper out, or put a new roll in, to see
        what citizens are told when the receipt cannot be printed."""
        printer = self.devices.printer
        if isinstance(printer, SimulatedPrinter):
            printer.paper = 500 if loaded else 0
            self.print_station.refresh()
            self._changed(Change.PRINTER)

    def place_sample_card(self, sample: str) -> None:
        """Demo mode only: put a sample document on the simulated reader."""
        reader = self.devices.card_reader
        if self.screen is Screen.IDENTIFY and isinstance(reader, SimulatedCardReader):
            reader.place_card(sample)

    def on_card_inserted(self) -> None:
        if self.screen is Screen.IDENTIFY:
            self.identify_state = IdentifyState.READING
            self.identify_failure = None
            self.read_progress = 0.0
            self._changed(Change.IDENTIFY)

    def on_card_removed(self) -> None:
        self._card_waiting = None
        if self.screen is Screen.IDENTIFY and self.identify_state in (
            IdentifyState.READING,
            IdentifyState.ACCESS,
        ):
            self.identify_state = IdentifyState.WAITING
            self._changed(Change.IDENTIFY)

    def on_access_needed(self, kind: str, accepts_can: bool) -> None:
        self._card_waiting = accepts_can
        if self.screen is Screen.IDENTIFY:
            self.identify_state = IdentifyState.ACCESS
            self.access_kind = AccessKind.CAN if accepts_can else AccessKind.MRZ
            self.access_problem = None
            self._changed(Change.IDENTIFY)

    def submit_access(self, values: dict[str, str]) -> None:
        """The citizen typed the CAN or the MRZ values; the reader opens the chip with them."""
        if self.screen is not Screen.IDENTIFY or self.identify_state is not IdentifyState.ACCESS:
            return
        parsed = parse_access(self.access_kind, values)
        if isinstance(parsed, AccessProblem):
            self.access_problem = parsed
            self._changed(Change.IDENTIFY)
            return
        self.access_problem = None
        self.identify_failure = None
        self.identify_state = IdentifyState.READING
        self.read_progress = 0.0
        self._card_waiting = None
        self._ensure_submission_id()
        self.devices.card_reader.provide_access(parsed, submission_challenge(self._submission_id))
        self._changed(Change.IDENTIFY)

    def use_mrz_instead(self) -> None:
        """A German ID card can also be opened with the MRZ values (e.g. the CAN is worn)."""
        if self.screen is Screen.IDENTIFY and self.identify_state is IdentifyState.ACCESS:
            self.access_kind = AccessKind.MRZ
            self.access_problem = None
            self._changed(Change.IDENTIFY)

    def on_read_progress(self, fraction: float) -> None:
        if self.screen is Screen.IDENTIFY and self.identify_state is IdentifyState.READING:
            self.read_progress = fraction
            self._changed(Change.IDENTIFY)

    def on_read_failed(self, failure: ReadFailure) -> None:
        if self.screen is Screen.IDENTIFY:
            log.info("document read failed: %s", failure.value)
            self.identify_failure = failure
            if failure in (ReadFailure.ACCESS_DENIED, ReadFailure.NEEDS_MRZ):
                # The card is still on the reader and nothing is locked: try again.
                self._card_waiting = failure is ReadFailure.ACCESS_DENIED and (
                    self.access_kind is AccessKind.CAN
                )
                self.identify_state = IdentifyState.ACCESS
                if failure is ReadFailure.NEEDS_MRZ:
                    self.access_kind = AccessKind.MRZ
            else:
                self.identify_state = IdentifyState.FAILED
            self._changed(Change.IDENTIFY)

    def on_document_read(self, data: DocumentData) -> None:
        if self.screen is not Screen.IDENTIFY or self.service is None:
            data.wipe()  # nobody asked for it: do not keep it
            return
        log.info("document read: %s", data.document_type.value)
        if self.identity is not None and self.identity is not data:
            self.identity.wipe()  # an earlier card of this session
            self.prefilled.clear()
        self.identity = data
        self.identify_state = IdentifyState.CONFIRM
        self._changed(Change.IDENTIFY)

    def confirm_identity(self) -> None:
        """The citizen confirms the name, date of birth and photo read from the chip."""
        if (
            self.screen is Screen.IDENTIFY
            and self.identify_state is IdentifyState.CONFIRM
            and self.identity is not None
        ):
            self._prefill(self.identity)
            self._enter_form(0)

    def reject_identity(self) -> None:
        """Not me / wrong document: forget what was read."""
        if self.screen is Screen.IDENTIFY and self.identify_state is IdentifyState.CONFIRM:
            if self.identity is not None:
                self.identity.wipe()
                self.identity = None
            self.identify_state = IdentifyState.WAITING
            self._changed(Change.IDENTIFY)

    def on_reader_status(self, status: ReaderStatus) -> None:
        if status is not self.reader_status:
            # Availability is state: logged once when it changes, loudly only when lost.
            level = logging.INFO if status is ReaderStatus.READY else logging.WARNING
            log.log(level, "card reader status: %s", status.value)
            self.reader_status = status
            if self.screen is Screen.IDENTIFY:
                self.identify_state = (
                    IdentifyState.WAITING
                    if status is ReaderStatus.READY
                    else IdentifyState.NO_READER
                )
                self._changed(Change.IDENTIFY)

    def _prefill(self, data: DocumentData) -> None:
        assert self.service is not None
        source: dict[IdentityAttribute, FieldValue] = {
            IdentityAttribute.GIVEN_NAMES: data.given_names,
            IdentityAttribute.FAMILY_NAME: data.family_name,
            IdentityAttribute.DATE_OF_BIRTH: data.date_of_birth.strftime("%d.%m.%Y"),
            IdentityAttribute.NATIONALITY: data.nationality,
            IdentityAttribute.DOCUMENT_NUMBER: data.document_number,
            IdentityAttribute.ADDRESS: dict(data.address),
        }
        for spec in self.service.fields():
            if spec.prefill is None:
                continue
            value = source[spec.prefill]
            if value:
                self.values[spec.key] = value
                # Locked only if the form accepts it; otherwise (e.g. street and number in one
                # line, a foreign postcode) the citizen can correct the prefilled value.
                if check_field(spec, value, self.today()) is None:
                    self.prefilled.add(spec.key)

    # --- photos ------------------------------------------------------------------------------

    def take_photo(self) -> None:
        if (
            self.screen is not Screen.ATTACHMENTS
            or self.capturing
            or self.service is None
            or len(self.photos) >= self.service.attachments.max_photos
        ):
            return
        self.capturing = True
        self.camera_failed = False
        self._changed(Change.PHOTOS)
        self._camera_worker.submit(
            self.devices.camera.capture, self._this_citizen(self._photo_taken, _wipe_result)
        )

    def _photo_taken(self, result: Photo | BaseException) -> None:
        self.capturing = False
        if isinstance(result, Photo):
            if self.screen is Screen.ATTACHMENTS:
                self.photos.append(result)
            else:
                result.wipe()  # the session ended while the camera was busy
        elif isinstance(result, CameraError):
            log.warning("camera failed: %s", type(result).__name__)
            self.camera_failed = True
        else:
            raise result
        self._changed(Change.PHOTOS)

    def remove_photo(self, index: int) -> None:
        if 0 <= index < len(self.photos):
            self.photos.pop(index).wipe()
            self._changed(Change.PHOTOS)

    @property
    def photos_complete(self) -> bool:
        return self.service is None or len(self.photos) >= self.service.attachments.min_photos

    def photos_done(self) -> None:
        if self.screen is Screen.ATTACHMENTS and self.photos_complete and not self.capturing:
            self._go_review()

    # --- review and submit -------------------------------------------------------------------

    def set_consent(self, given: bool) -> None:
        if self.screen is Screen.REVIEW:
            self.consent = given
            self._changed(Change.REVIEW)

    @property
    def offers_receipt_email(self) -> bool:
        """The review page asks for an e-mail address for the receipt (optional). Once the
        citizen has typed one it stays, even if the printer comes back meanwhile."""
        return self._receipt_email_enabled and (self.receipt_on_screen or bool(self.receipt_email))

    def set_receipt_email(self, text: str) -> None:
        if self.screen is Screen.REVIEW and self.offers_receipt_email:
            # Kept as typed (the field shows it back); spaces around it go at submit.
            self.receipt_email = text
            self.receipt_email_invalid = False
            self._arm_inactivity()
            self._changed(Change.REVIEW)

    def submit(self) -> None:
        if (
            self.screen is not Screen.REVIEW
            or not self.consent
            or self.service is None
            or self.overlay is not Overlay.NONE
        ):
            return
        if not self.photos_complete:
            self._go(Screen.ATTACHMENTS, Change.PHOTOS)
            return
        receipt_email = self.receipt_email.strip() if self.offers_receipt_email else ""
        if receipt_email and not is_email(receipt_email):
            self.receipt_email_invalid = True
            self._changed(Change.REVIEW)
            return
        # One instant for the last check and for submitted_at: the hub judges the dates by the
        # day of submitted_at, and a moment earlier may still be yesterday.
        now = self._clock()
        # Check everything once more: a page edited from the review may have changed.
        for index in range(len(self.service.pages)):
            self.page_index = index
            if not self.check_page(self.catalogue.today(now)):
                self._go(Screen.FORM, Change.FORM)
                return
        service = self.service
        values = {
            f.key: normalise(f, self.values[f.key])
            for f in service.fields()
            if f.key in self.values
        }
        document = build_document(
            service=service,
            values=values,
            identity=self.identity,
            prefilled=self.prefilled,
            photos=self.photos,
            terminal_id=self._terminal_id,
            language=self.language,
            started_at=self.started_at or now,
            submitted_at=now,
            # The same id on every retry of this submission: the outbox then stores it once.
            submission_id=self._submission_id,
            tracking_code=self._tracking_code,
            receipt_email=receipt_email,
        )
        self.receipt_mail_requested = bool(receipt_email)
        self._disarm()
        self._go(Screen.SUBMITTING)

        outbox, key = self._outbox, self._hub_key

        def store() -> SubmissionDocument:
            # Sealed here, on the worker: the plaintext never reaches the disk.
            try:
                outbox.enqueue(seal_document(document, key))
            finally:
                document.forget()
            return document

        self._outbox_worker.submit(store, self._this_citizen(self._stored, _stored_late))

    def _stored(self, result: SubmissionDocument | BaseException) -> None:
        if self.screen is not Screen.SUBMITTING:
            # The session was ended meanwhile (a fault): the submission is stored all the same,
            # but there is nobody to show a number to.
            log.warning("submission result arrived after the session ended")
            return
        if isinstance(result, SubmissionDocument):
            log.info("submission stored: service=%s", self.service.id if self.service else "?")
            self.tracking_number = result.tracking_code
            self.receipt_email = ""  # it travels sealed in the submission; not kept here
            self.sessions_completed += 1
            self._on_stored()
            # Offline already known: say so at once; otherwise give the hub a moment to confirm.
            if self.hub.connection in (Connection.OFFLINE, Connection.REFUSED):
                self.delivery = Delivery.QUEUED
            else:
                self.delivery = Delivery.PENDING
                self._scheduler.call_later("delivery-wait", DELIVERY_WAIT_S, self._delivery_late)
            self._go(Screen.DONE, Change.RECEIPT, Change.DELIVERY)
            self._arm_inactivity()
            # Start printing once the done screen is up: rendering the receipt on a worker
            # thread competes for the interpreter with building the screen. The receipt
            # waits until it is known whether the submission reached the hub.
            self.printing = True
            self._scheduler.call_later("print-receipt", PRINT_DELAY_S, self._print_receipt)
            return
        if isinstance(result, OutboxError):
            log.error("submission could not be stored: %s", result)
            self.submit_failure = (
                SubmitFailure.STORAGE
                if result.fault is Fault.ENVIRONMENT
                else SubmitFailure.INTERNAL
            )
        else:
            log.error("submission failed unexpectedly: %s", type(result).__name__)
            self.submit_failure = SubmitFailure.INTERNAL
        # Nothing is lost: the form stays as it was, and the citizen can try again or call.
        self._go(Screen.REVIEW, Change.REVIEW)
        self._arm_inactivity()

    # --- delivery ----------------------------------------------------------------------------

    def on_delivered(self, submission_id: str) -> None:
        """The hub confirmed a submission (delivery thread, posted to the core thread)."""
        if (
            self.screen is Screen.DONE
            and submission_id == self._submission_id
            and self.delivery is not Delivery.SENT
        ):
            self.delivery = Delivery.SENT
            self._changed(Change.DELIVERY)
            self._delivery_known()

    def on_delivery_status(self, status: DeliveryStatus) -> None:
        self.hub = status
        self._changed(Change.DELIVERY)
        if (
            self.screen is Screen.DONE
            and self.delivery is Delivery.PENDING
            and status.connection in (Connection.OFFLINE, Connection.REFUSED)
        ):
            self._delivery_late()

    def _delivery_late(self) -> None:
        if self.screen is Screen.DONE and self.delivery is Delivery.PENDING:
            self.delivery = Delivery.QUEUED
            self._changed(Change.DELIVERY)
            self._delivery_known()

    def _delivery_known(self) -> None:
        if self._print_when_known:
            self._print_when_known = False
            self._print_receipt()

    # --- receipt -----------------------------------------------------------------------------

    @property
    def printer_status(self) -> PrinterStatus:
        return self.print_station.status

    @property
    def status_link(self) -> str:
        """Where the receipt's QR code points: shown on screen when there is no paper receipt."""
        if not self.tracking_number:
            return ""
        return self._status_url.format(tracking=self.tracking_number)

    @property
    def show_receipt_on_screen(self) -> bool:
        """No paper receipt for sure: it failed, or the printer cannot confirm it (a CUPS queue,
        a device node), so the citizen gets the screen's as well."""
        result = self.print_result
        return (
            self.screen is Screen.DONE
            and result is not None
            and (
                result.outcome is not PrintOutcome.PRINTED or result.status is PrinterStatus.UNKNOWN
            )
        )

    def _printer_changed(self, status: PrinterStatus) -> None:
        if self.screen not in (Screen.ATTRACT, Screen.HOME, Screen.SUBMITTING, Screen.DONE):
            # Mid-service: a printer that failed or came back changes what the citizen is told.
            self.receipt_on_screen = not status.can_print
        self._changed(Change.PRINTER)

    def _print_receipt(self, retry: bool = False) -> None:
        if self.screen is not Screen.DONE or self.service is None:
            self.printing = False
            return
        if self.delivery is Delivery.PENDING:
            self._print_when_known = True
            return
        receipt = build_receipt(
            self.catalogue,
            self.service,
            self.language,
            self.tracking_number,
            self._clock(),
            self._status_url,
            queued=self.delivery is Delivery.QUEUED,
            logo=self._receipt_logo,
        )
        self.printing = True
        self._changed(Change.RECEIPT)
        self.print_station.print(
            receipt, self._this_citizen(self._printed, _wipe_result), retry=retry
        )

    def _printed(self, result: PrintResult | BaseException) -> None:
        self.printing = False
        if not isinstance(result, PrintResult):
            log.error("printer failed unexpectedly: %s", type(result).__name__)
            result = PrintResult(PrintOutcome.FAILED)
        if not result.outcome.printed:
            log.warning("receipt not printed: %s", result.outcome.value)
        if self.screen is not Screen.DONE:
            result.wipe()
            return
        self.print_result = result
        self._changed(Change.RECEIPT)

    def reprint(self) -> None:
        if (
            self.screen is Screen.DONE
            and not self.printing
            and self.print_result is not None
            and not self.print_result.outcome.printed
        ):
            self._print_receipt(retry=True)

    def _this_citizen(
        self, deliver: Callable[[_R | BaseException], None], discard: Callable[[object], None]
    ) -> Callable[[_R | BaseException], None]:
        """Deliver a worker's result only to the citizen who asked for it.

        A hung camera or printer may answer after the session ended and the next citizen has
        reached the same screen; the screen check alone would hand them the previous citizen's
        photo. Each session has a generation number; a result from another one is discarded.
        """
        generation = self._generation

        def run(result: _R | BaseException) -> None:
            if generation != self._generation:
                discard(result)
                return
            deliver(result)

        return run

    # --- ending ------------------------------------------------------------------------------

    def request_cancel(self) -> None:
        if self.screen is Screen.ATTRACT or self.overlay is Overlay.TIMEOUT_WARNING:
            return
        if self.screen in (Screen.HOME, Screen.DONE):
            # Nothing entered yet, or already finished: no need to ask.
            self.end(EndReason.FINISHED if self.screen is Screen.DONE else EndReason.CANCELLED)
            return
        if self.screen is Screen.SUBMITTING:
            return  # storing takes a moment; the done screen offers to finish
        self.overlay = Overlay.CONFIRM_CANCEL
        self._changed(Change.OVERLAY)

    def dismiss_cancel(self) -> None:
        if self.overlay is Overlay.CONFIRM_CANCEL:
            self.overlay = Overlay.NONE
            self._changed(Change.OVERLAY)

    def confirm_cancel(self) -> None:
        if self.overlay is Overlay.CONFIRM_CANCEL:
            self.end(EndReason.CANCELLED)

    def finish(self) -> None:
        if self.screen is Screen.DONE:
            self.end(EndReason.FINISHED)

    def close(self) -> None:
        """Stop the device workers (the terminal shuts down or replaces this session)."""
        self.print_station.close()
        for worker in (self._camera_worker, self._outbox_worker):
            worker.stop()

    def end(self, reason: EndReason) -> None:
        """End the session for any reason: wipe everything personal, back to the attract screen."""
        log.info("session ended: %s", reason.value)
        self._disarm()
        self._wipe()
        self.language = self.default_language
        self._changed(*ALL_CHANGES)

    def _forget_service_data(self) -> None:
        for photo in self.photos:
            photo.wipe()
        self.photos.clear()
        if self.identity is not None:
            self.identity.wipe()
            self.identity = None
        self.values.clear()
        self.prefilled.clear()
        self.problems.clear()
        self.page_index = 0
        self.consent = False
        self.receipt_email = ""
        self._visited_review = False
        self._submission_id = ""
        self._tracking_code = ""

    def _wipe(self) -> None:
        self._generation += 1
        self._forget_service_data()
        # Typed MRZ values (document number, date of birth) not yet used by the reader.
        self.devices.card_reader.forget_access()
        if self.print_result is not None:
            self.print_result.wipe()
        self._reset_state()
        # Cyclic garbage (e.g. a closure that held a value) is collected soon, but not during the
        # transition to the attract screen, where a full collection would cost a frame or two.
        self._scheduler.call_later("collect-garbage", 2.0, _collect_garbage)
