"""One citizen's visit: everything personal the session holds, in one object.

A :class:`Visit` is created when a citizen starts, wiped once (photo and receipt buffers zeroed,
identity blanked, values dropped) and then dropped. Nothing personal lives anywhere else in the
session, so there is no list of attributes to reset, and nothing can be forgotten from one.

A worker's result (a photo, a print, a stored submission) is handed back together with the
visit that asked for it; if that visit is no longer the current one, the result belongs to a
citizen who has gone and is wiped (:func:`for_visit`).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from catalogue.model import Service, ServiceKind
from catalogue.validation import FieldProblem, FieldValue
from drivers.camera.base import Photo
from drivers.card.base import DocumentData, ReadFailure
from drivers.printer.base import PrintResult
from kiosk.identify import AccessKind, AccessProblem
from kiosk.session.states import Delivery, IdentifyState, ScanProblem, SubmitFailure
from offline_queue.status_lookup import Lookup
from wire.tracking import new_tracking_code

log = logging.getLogger(__name__)

_R = TypeVar("_R")


@dataclass(eq=False)
class Visit:
    """What one citizen has told and shown the terminal, and where their submission is.

    Compared by identity (``eq=False``): two visits are never "equal", a late callback
    recognises its own visit as ``visit is session.visit``.
    """

    started_at: datetime | None = None
    # --- the service and its form ---
    service: Service | None = None
    page_index: int = 0
    values: dict[str, FieldValue] = field(default_factory=dict)
    prefilled: set[str] = field(default_factory=set)
    problems: dict[str, FieldProblem] = field(default_factory=dict)
    visited_review: bool = False
    #: The citizen asked for much more time (kiosk.session.timeouts.MORE_TIME_FACTOR).
    more_time: bool = False
    #: Checked when the service was chosen: no submission could be stored now.
    storage_full: bool = False
    # --- identification ---
    identity: DocumentData | None = None
    identify_state: IdentifyState = IdentifyState.WAITING
    identify_failure: ReadFailure | None = None
    access_kind: AccessKind = AccessKind.CAN
    access_problem: AccessProblem | None = None
    read_progress: float = 0.0
    # --- photos ---
    photos: list[Photo] = field(default_factory=list)
    #: A document page the camera sees now: its corners (top left, top right, bottom right,
    #: bottom left; x, y as shares of the picture), empty when none; what is wrong with it.
    page_corners: tuple[float, ...] = ()
    picture_problems: frozenset[str] = frozenset()
    capturing: bool = False
    camera_failed: bool = False
    # --- review, submission and outcome ---
    consent: bool = False
    submit_failure: SubmitFailure | None = None
    submission_id: str = ""
    tracking_code: str = ""
    #: The tracking code once the submission is stored (what the done screen shows).
    tracking_number: str = ""
    delivery: Delivery = Delivery.PENDING
    print_when_known: bool = False
    print_result: PrintResult | None = None
    #: The moment the receipt says it was submitted (set when it is first made).
    receipt_at: datetime | None = None
    printing: bool = False
    #: Told up front: the printer cannot print now, the receipt will be on the screen.
    receipt_on_screen: bool = False
    #: Told up front: the service takes photos and the camera is not available now.
    camera_unavailable: bool = False
    #: Where the hub should mail the receipt (only offered while the printer cannot print).
    receipt_email: str = ""
    receipt_email_invalid: bool = False
    #: The submission carries an address: the done screen says the receipt comes by mail.
    receipt_mail_requested: bool = False
    # --- a status look-up (services of kind status_lookup) ---
    #: The passport's MRZ is being read by the camera (identify), and why it was not.
    mrz_scanning: bool = False
    mrz_scan_problem: ScanProblem | None = None
    #: The field a receipt's QR code is being scanned into ("": none), and why it has not
    #: been filled yet.
    scanning: str = ""
    scan_problem: ScanProblem | None = None
    looking_up: bool = False
    #: The tracking number asked for (canonical), and the hub's answer for it.
    lookup_code: str = ""
    lookup: Lookup | None = None
    #: The hub said "busy": asking again is offered once its Retry-After has passed.
    lookup_waiting: bool = False
    #: The video call in which a clerk confirmed who this citizen is ("": none); it goes with
    #: the submission, and the hub checks it against its own call log.
    confirmed_in_call: str = ""
    # --- the form seen with a clerk in a call (kiosk/call/coview.py) ---
    #: Values a clerk suggested, waiting for the citizen to take or leave them.
    suggested: dict[str, FieldValue] = field(default_factory=dict)
    #: What the citizen answered to each suggestion ("accepted", "declined"): the clerk sees it.
    suggestion_answers: dict[str, str] = field(default_factory=dict)
    #: Fields whose value the citizen took from the clerk (marked on the form).
    from_clerk: set[str] = field(default_factory=set)
    wiped: bool = False

    @property
    def files_submission(self) -> bool:
        """The chosen service stores and sends a submission with a receipt (a status look-up
        does neither: no storage is needed, no receipt printed)."""
        return self.service is None or self.service.kind is ServiceKind.SUBMISSION

    def ensure_submission_id(self) -> str:
        """The submission's id, made once per service visit: when the identify step starts
        (the chip's Active Authentication signs a challenge derived from it, which the hub
        checks against the id it receives), else on the way to the review."""
        if not self.submission_id:
            self.submission_id = str(uuid.uuid4())
        return self.submission_id

    def ensure_tracking_code(self) -> str:
        if not self.tracking_code:
            self.tracking_code = new_tracking_code()
        return self.tracking_code

    def forget_identity(self) -> None:
        if self.identity is not None:
            self.identity.wipe()
            self.identity = None

    def wipe(self) -> None:
        """Zero every buffer this visit holds. Called once, when the visit ends."""
        if self.wiped:
            return
        self.wiped = True
        for photo in self.photos:
            photo.wipe()
        self.photos.clear()
        self.forget_identity()
        if self.print_result is not None:
            self.print_result.wipe()
            self.print_result = None
        self.values.clear()
        self.prefilled.clear()
        self.problems.clear()
        self.receipt_email = ""
        self.submission_id = self.tracking_code = self.tracking_number = ""
        self.receipt_at = None
        self.lookup = None
        self.lookup_code = ""
        self.confirmed_in_call = ""
        self.suggested.clear()
        self.suggestion_answers.clear()
        self.from_clerk.clear()

    def next_service(self) -> Visit:
        """Back to the choice of services: the same citizen (and start time), nothing of the
        service they left carried over to the next one."""
        more_time = self.more_time  # (asked for "for the rest of the visit")
        self.wipe()
        return Visit(started_at=self.started_at, more_time=more_time)


#: Read by the session's properties while no citizen is there; never written.
IDLE = Visit(wiped=True)


def wipe_result(result: object) -> None:
    """A late photo or print result for a citizen who has gone: nothing of it is kept."""
    wipe = getattr(result, "wipe", None)
    if callable(wipe):
        wipe()


def for_visit(
    visit: Visit,
    current: Callable[[], Visit | None],
    deliver: Callable[[_R | BaseException], None],
    discard: Callable[[object], None] = wipe_result,
) -> Callable[[_R | BaseException], None]:
    """Deliver a worker's result only to the visit that asked for it.

    A hung camera or printer may answer after the visit ended and the next citizen has reached
    the same screen; the screen alone would hand them the previous citizen's photo. The visit
    object itself is the key: a result for any other visit is discarded.
    """

    def run(result: _R | BaseException) -> None:
        if current() is not visit:
            discard(result)
            return
        deliver(result)

    return run
