"""What the UI reads from the session: the current visit's data and the terminal's state, as
read-only properties (the actions are in :mod:`kiosk.session.facade`)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Generic, TypeVar, overload

from catalogue.model import Catalogue, Page, Service
from catalogue.validation import FieldProblem, FieldValue
from drivers.camera.base import Photo
from drivers.card.base import DocumentData, ReaderStatus, ReadFailure
from drivers.devices import Devices
from drivers.printer.base import PrinterStatus, PrintResult
from kiosk.identify import AccessKind, AccessProblem
from kiosk.printing import PrintStation
from kiosk.session.core import Core
from kiosk.session.form import Form
from kiosk.session.outcome import Outcome
from kiosk.session.photos import Photos
from kiosk.session.receipts import Receipts
from kiosk.session.side import SideFlow, SideFlows
from kiosk.session.states import (
    Delivery,
    IdentifyState,
    Listener,
    Overlay,
    ScanProblem,
    Screen,
    SubmitFailure,
)
from kiosk.session.timeouts import Timeouts
from kiosk.session.visit import Visit
from offline_queue.delivery import DeliveryStatus
from offline_queue.status_lookup import Lookup

_T = TypeVar("_T")


class _FromVisit(Generic[_T]):
    """A read-only property of the session that reads the current visit's attribute."""

    def __init__(self, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, session: None, owner: type[Any]) -> _FromVisit[_T]: ...
    @overload
    def __get__(self, session: SessionView, owner: type[Any]) -> _T: ...
    def __get__(self, session: SessionView | None, owner: type[Any]) -> _FromVisit[_T] | _T:
        if session is None:
            return self
        value: _T = getattr(session._core.current, self._name)
        return value


class SessionView:
    """The read-only half of :class:`kiosk.session.Session`."""

    _core: Core
    _timeouts: Timeouts
    _form: Form
    _photos: Photos
    _receipts: Receipts
    _outcome: Outcome
    _side: SideFlows

    service: _FromVisit[Service | None] = _FromVisit("service")
    page_index: _FromVisit[int] = _FromVisit("page_index")
    values: _FromVisit[dict[str, FieldValue]] = _FromVisit("values")
    prefilled: _FromVisit[set[str]] = _FromVisit("prefilled")
    #: Fields the citizen took from a clerk's suggestion in a call.
    from_clerk: _FromVisit[set[str]] = _FromVisit("from_clerk")
    problems: _FromVisit[dict[str, FieldProblem]] = _FromVisit("problems")
    identity: _FromVisit[DocumentData | None] = _FromVisit("identity")
    identify_state: _FromVisit[IdentifyState] = _FromVisit("identify_state")
    identify_failure: _FromVisit[ReadFailure | None] = _FromVisit("identify_failure")
    access_kind: _FromVisit[AccessKind] = _FromVisit("access_kind")
    access_problem: _FromVisit[AccessProblem | None] = _FromVisit("access_problem")
    read_progress: _FromVisit[float] = _FromVisit("read_progress")
    photos: _FromVisit[list[Photo]] = _FromVisit("photos")
    page_corners: _FromVisit[tuple[float, ...]] = _FromVisit("page_corners")
    picture_problems: _FromVisit[frozenset[str]] = _FromVisit("picture_problems")
    capturing: _FromVisit[bool] = _FromVisit("capturing")
    #: The citizen asked for much more time (for this visit).
    more_time: _FromVisit[bool] = _FromVisit("more_time")
    camera_failed: _FromVisit[bool] = _FromVisit("camera_failed")
    consent: _FromVisit[bool] = _FromVisit("consent")
    submit_failure: _FromVisit[SubmitFailure | None] = _FromVisit("submit_failure")
    tracking_number: _FromVisit[str] = _FromVisit("tracking_number")
    delivery: _FromVisit[Delivery] = _FromVisit("delivery")
    storage_full: _FromVisit[bool] = _FromVisit("storage_full")
    print_result: _FromVisit[PrintResult | None] = _FromVisit("print_result")
    printing: _FromVisit[bool] = _FromVisit("printing")
    receipt_on_screen: _FromVisit[bool] = _FromVisit("receipt_on_screen")
    camera_unavailable: _FromVisit[bool] = _FromVisit("camera_unavailable")
    receipt_email: _FromVisit[str] = _FromVisit("receipt_email")
    receipt_email_invalid: _FromVisit[bool] = _FromVisit("receipt_email_invalid")
    receipt_mail_requested: _FromVisit[bool] = _FromVisit("receipt_mail_requested")
    started_at: _FromVisit[datetime | None] = _FromVisit("started_at")
    looking_up: _FromVisit[bool] = _FromVisit("looking_up")
    scanning: _FromVisit[str] = _FromVisit("scanning")
    mrz_scanning: _FromVisit[bool] = _FromVisit("mrz_scanning")
    mrz_scan_problem: _FromVisit[ScanProblem | None] = _FromVisit("mrz_scan_problem")
    scan_problem: _FromVisit[ScanProblem | None] = _FromVisit("scan_problem")
    lookup: _FromVisit[Lookup | None] = _FromVisit("lookup")
    lookup_code: _FromVisit[str] = _FromVisit("lookup_code")
    _submission_id: _FromVisit[str] = _FromVisit("submission_id")

    # --- the terminal's (read-only) ------------------------------------------------------------

    @property
    def catalogue(self) -> Catalogue:
        return self._core.catalogue

    @property
    def languages(self) -> tuple[str, ...]:
        return self._core.setting.languages

    @property
    def default_language(self) -> str:
        return self._core.setting.default_language

    @property
    def language(self) -> str:
        return self._core.language

    @property
    def devices(self) -> Devices:
        return self._core.equipment.devices

    @property
    def print_station(self) -> PrintStation:
        return self._core.equipment.print_station

    @property
    def printer_status(self) -> PrinterStatus:
        return self._core.equipment.print_station.status

    @property
    def reader_status(self) -> ReaderStatus:
        return self._core.equipment.reader_status

    @property
    def hub(self) -> DeliveryStatus:
        """The terminal's link to the hub (for the "offline — N waiting" indicator)."""
        return self._core.equipment.hub

    @property
    def _card_waiting(self) -> bool | None:
        return self._core.equipment.card_waiting

    @property
    def sessions_completed(self) -> int:
        return self._outcome.sessions_completed

    # --- where the citizen is ----------------------------------------------------------------

    @property
    def visit(self) -> Visit | None:
        """The citizen being served (None on the attract screen)."""
        return self._core.visit

    @property
    def screen(self) -> Screen:
        return self._core.screen

    @property
    def overlay(self) -> Overlay:
        return self._core.overlay

    @property
    def side_flow(self) -> SideFlow | None:
        return self._side.current

    @property
    def countdown_s(self) -> int:
        return self._timeouts.countdown_s

    @property
    def page(self) -> Page | None:
        return self._form.page

    @property
    def needs_photos(self) -> bool:
        return self._photos.needs_photos

    @property
    def photos_complete(self) -> bool:
        return self._photos.complete

    @property
    def can_skip_identification(self) -> bool:
        return self._form.can_skip_identification

    @property
    def offers_receipt_email(self) -> bool:
        return self._receipts.offers_email

    @property
    def status_link(self) -> str:
        return self._receipts.status_link

    def receipt_read_aloud(self) -> list[tuple[str, bool]]:
        """What the receipt says, for reading aloud: (text, the citizen's own)."""
        return self._receipts.spoken()

    @property
    def show_receipt_on_screen(self) -> bool:
        return self._receipts.show_on_screen

    def today(self) -> date:
        return self._core.today()

    def subscribe(self, listener: Listener) -> None:
        self._core.subscribe(listener)
