"""The form flow: choosing a service, its pages, checking them, and prefilling from the chip.

Values are checked per page when the citizen goes on (a fixed mistake's message disappears as
they type), and all pages again before sending (:meth:`Form.first_invalid_page`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from catalogue.model import ADDRESS_PARTS, Field, FieldKind, Identification, IdentityAttribute, Page
from catalogue.validation import FieldValue, check_field
from drivers.camera.base import CameraStatus
from drivers.card.base import DocumentData
from kiosk.languages import western_digits
from kiosk.session.core import Core
from kiosk.session.machine import Effect, Event, Guard
from kiosk.session.states import Change, Screen
from kiosk.session.visit import Visit

log = logging.getLogger(__name__)


class Form:
    def __init__(self, core: Core, storage_ok: Callable[[], bool]) -> None:
        self._core = core
        self._storage_ok = storage_ok
        self._chosen_page = 0
        core.guards.update(
            {
                Guard.STORAGE_FULL: lambda: core.current.storage_full,
                Guard.NEEDS_IDENTIFICATION: self._needs_identification,
                Guard.IDENTIFICATION_OPTIONAL: self._identification_optional,
                Guard.PAGE_INVALID: lambda: not self.check_page(),
                Guard.RETURN_TO_REVIEW: self._return_to_review,
                Guard.MORE_PAGES: self._more_pages,
                Guard.NOT_FIRST_PAGE: lambda: core.current.page_index > 0,
                Guard.IDENTIFICATION_PENDING: self._identification_pending,
                Guard.VALID_PAGE_INDEX: self._chosen_page_exists,
            }
        )
        core.effects.update(
            {
                Effect.FIRST_PAGE: lambda: self._go_to_page(0),
                Effect.NEXT_PAGE: lambda: self._go_to_page(core.current.page_index + 1),
                Effect.PREVIOUS_PAGE: lambda: self._go_to_page(core.current.page_index - 1),
                Effect.LAST_PAGE: lambda: self._go_to_page(self._last_page_index()),
                Effect.CHOSEN_PAGE: lambda: self._go_to_page(self._chosen_page),
                Effect.NEW_SERVICE_VISIT: self._new_service_visit,
            }
        )

    # --- reading -------------------------------------------------------------------------------

    @property
    def page(self) -> Page | None:
        service = self._core.current.service
        if service is None or not service.pages:
            return None
        return service.pages[min(self._core.current.page_index, len(service.pages) - 1)]

    @property
    def can_skip_identification(self) -> bool:
        return self._identification_optional()

    def _needs_identification(self) -> bool:
        service = self._core.current.service
        return service is not None and service.identification is not Identification.NONE

    def _identification_optional(self) -> bool:
        service = self._core.current.service
        return service is not None and service.identification is Identification.OPTIONAL

    def _identification_pending(self) -> bool:
        return self._core.current.identity is None and self._needs_identification()

    def _more_pages(self) -> bool:
        service = self._core.current.service
        return service is not None and self._core.current.page_index + 1 < len(service.pages)

    def _return_to_review(self) -> bool:
        # An edit from the review goes straight back, unless photos are still missing.
        visit = self._core.current
        return visit.visited_review and not self._core.guards[Guard.PHOTOS_MISSING]()

    def _chosen_page_exists(self) -> bool:
        service = self._core.current.service
        return service is not None and 0 <= self._chosen_page < len(service.pages)

    def _last_page_index(self) -> int:
        service = self._core.current.service
        return max(0, len(service.pages) - 1) if service else 0

    def _go_to_page(self, index: int) -> None:
        self._core.current.page_index = index

    def field(self, key: str) -> Field | None:
        service = self._core.current.service
        if service is None:
            return None
        return next((f for f in service.fields() if f.key == key), None)

    # --- actions -------------------------------------------------------------------------------

    def choose_service(self, service_id: str) -> None:
        core = self._core
        if not core.allows(Event.CHOOSE) or core.visit is None:
            return
        visit = core.visit
        visit.service = core.catalogue.service(service_id)
        log.info("service chosen: %s", service_id)
        # Before the citizen types anything: can a submission still be stored here, and can
        # its receipt be printed? (The printer is asked again; its answer follows shortly.)
        visit.storage_full = visit.files_submission and not self._storage_ok()
        station = core.equipment.print_station
        visit.receipt_on_screen = visit.files_submission and not station.can_print
        station.refresh()
        # A camera unplugged or stalled is state: said here, before the citizen starts.
        camera = core.equipment.devices.camera
        visit.camera_unavailable = (
            visit.service.attachments.max_photos > 0 and camera.status is not CameraStatus.READY
        )
        core.fire(Event.CHOOSE)

    def proceed(self) -> None:
        """From the service page to identification, or straight to the form."""
        visit = self._core.visit
        if not self._core.allows(Event.PROCEED) or visit is None:
            return
        visit.storage_full = visit.files_submission and not self._storage_ok()
        self._core.fire(Event.PROCEED)
        self.entered()

    def _new_service_visit(self) -> None:
        # Another service may be chosen next: nothing entered for this one is carried over.
        visit = self._core.visit
        if visit is not None:
            self._core.visit = Visit.next_service(visit)

    def entered(self) -> None:
        """On the form: a service without pages passes it at once."""
        service = self._core.current.service
        if self._core.screen is Screen.FORM and service is not None and not service.pages:
            self._core.fire(Event.PAGES_DONE)

    def next_page(self) -> None:
        if not self._core.fire(Event.NEXT):
            return
        self.entered()

    def edit_page(self, index: int) -> None:
        """From the review: change one page, then come straight back."""
        self._chosen_page = index
        self._core.fire(Event.EDIT_PAGE)

    def set_value(self, key: str, value: FieldValue) -> None:
        """The citizen typed or chose something. Prefilled (chip) data cannot be changed."""
        visit = self._core.visit
        if visit is None or visit.service is None or key in visit.prefilled:
            return
        # Digits typed on an Arabic keypad are kept as the town hall reads them.
        if isinstance(value, str):
            value = western_digits(value)
        elif isinstance(value, dict):
            value = {part: western_digits(text) for part, text in value.items()}
        visit.values[key] = value
        visit.from_clerk.discard(key)  # (CoView marks it again when it was the clerk's)
        spec = self.field(key)
        changed = spec is not None and spec.kind in (FieldKind.CHOICE, FieldKind.YES_NO)
        # Re-check as they type, so a fixed mistake's message disappears at once; new problems
        # are only shown when they try to go on.
        if (
            key in visit.problems
            and spec is not None
            and check_field(spec, value, self._core.today()) is None
        ):
            del visit.problems[key]
            changed = True
        if changed:
            # A tapped option must show as chosen; typed text is already on screen.
            self._core.changed(Change.FORM, Change.VALUES)
        else:
            self._core.changed(Change.VALUES)

    def set_address_part(self, key: str, part: str, text: str) -> None:
        if part not in ADDRESS_PARTS:
            return
        current = self._core.current.values.get(key)
        parts = dict(current) if isinstance(current, dict) else {}
        parts[part] = text
        self.set_value(key, parts)

    def check_page(self, today: date | None = None) -> bool:
        """Check the current page against ``today`` (default: the municipality's today)."""
        page = self.page
        visit = self._core.visit
        if page is None or visit is None:
            return True
        today = self._core.today() if today is None else today
        for spec in page.fields:
            visit.problems.pop(spec.key, None)
            problem = check_field(spec, visit.values.get(spec.key), today)
            if problem is not None:
                visit.problems[spec.key] = problem
        return not any(f.key in visit.problems for f in page.fields)

    def first_invalid_page(self, today: date) -> int | None:
        """Check every page once more (a page edited from the review may have changed)."""
        visit = self._core.current
        pages = visit.service.pages if visit.service else ()
        for index in range(len(pages)):
            visit.page_index = index
            if not self.check_page(today):
                return index
        return None

    def prefill(self, data: DocumentData) -> None:
        visit = self._core.current
        assert visit.service is not None
        source: dict[IdentityAttribute, FieldValue] = {
            IdentityAttribute.GIVEN_NAMES: data.given_names,
            IdentityAttribute.FAMILY_NAME: data.family_name,
            IdentityAttribute.DATE_OF_BIRTH: data.date_of_birth.strftime("%d.%m.%Y"),
            IdentityAttribute.NATIONALITY: data.nationality,
            IdentityAttribute.DOCUMENT_NUMBER: data.document_number,
            IdentityAttribute.ADDRESS: dict(data.address),
        }
        for spec in visit.service.fields():
            if spec.prefill is None:
                continue
            value = source[spec.prefill]
            if value:
                visit.values[spec.key] = value
                # Locked only if the form accepts it; otherwise (e.g. street and number in one
                # line, a foreign postcode) the citizen can correct the prefilled value.
                if check_field(spec, value, self._core.today()) is None:
                    visit.prefilled.add(spec.key)
