"""The view-model QML binds to: read-only properties with change signals, and a few actions.

It adapts :class:`kiosk.terminal.Terminal` and its :class:`kiosk.session.Session` for QML and
never holds state of its own beyond what presentation needs (which dialog is open, revision
counters that make images reload). QML never reaches a driver or the session directly.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QCoreApplication, QObject, Signal, Slot

from catalogue.model import Field, FieldKind, Service
from catalogue.validation import FieldValue
from kiosk.session import Change, IdentifyState, Screen, Session
from kiosk.terminal import Availability, Terminal
from ui.list_models import FieldListModel, ServiceListModel
from ui.messages import (
    access_problem_text,
    delivery_text,
    print_text,
    read_failure_text,
    receipt_on_screen_text,
    storage_full_text,
    submit_failure_text,
    waiting_count,
)


class SessionViewModel(QObject):
    screenChanged = Signal()
    overlayChanged = Signal()
    countdownChanged = Signal()
    languageChanged = Signal()
    serviceChanged = Signal()
    identifyChanged = Signal()
    formChanged = Signal()
    photosChanged = Signal()
    reviewChanged = Signal()
    receiptChanged = Signal()
    deliveryChanged = Signal()
    printerChanged = Signal()
    clerkInfoChanged = Signal()
    #: After the wipe: QML clears anything it keeps outside the models.
    sessionEnded = Signal()

    def __init__(self, terminal: Terminal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._terminal = terminal
        self._session: Session | None = None
        self._services = ServiceListModel()
        self._fields = FieldListModel()
        self._photo_revision = 0
        self._receipt_revision = 0
        self._identity_revision = 0
        self._clerk_info = False
        terminal.subscribe(self._terminal_changed)
        self._terminal_changed()

    @property
    def session(self) -> Session | None:
        return self._session

    # --- wiring --------------------------------------------------------------------------------

    def _terminal_changed(self) -> None:
        session = self._terminal.session
        if session is not self._session:
            self._session = session
            if session is not None:
                session.subscribe(self._session_changed)
        self._session_changed(frozenset(Change))

    def _session_changed(self, changes: frozenset[Change]) -> None:
        s = self._session
        if Change.LANGUAGE in changes:
            self._services.refresh(s.catalogue.services if s else (), self.current_language())
            self.languageChanged.emit()
        if Change.FORM in changes or Change.LANGUAGE in changes or Change.SCREEN in changes:
            self._fields.refresh(s)
            self.formChanged.emit()
            self.serviceChanged.emit()
        if Change.IDENTIFY in changes or Change.LANGUAGE in changes:
            self.identifyChanged.emit()
        if Change.PHOTOS in changes:
            self._photo_revision += 1
            self.photosChanged.emit()
        if (
            Change.REVIEW in changes
            or Change.SCREEN in changes
            or Change.LANGUAGE in changes
            or Change.PRINTER in changes
        ):
            self.reviewChanged.emit()
        if Change.RECEIPT in changes or Change.LANGUAGE in changes:
            self._receipt_revision += 1
            self.receiptChanged.emit()
        if Change.DELIVERY in changes or Change.LANGUAGE in changes:
            self.deliveryChanged.emit()
        if Change.PRINTER in changes or Change.SCREEN in changes or Change.LANGUAGE in changes:
            self.printerChanged.emit()
        if Change.OVERLAY in changes:
            self.overlayChanged.emit()
        if Change.COUNTDOWN in changes:
            self.countdownChanged.emit()
        if Change.SCREEN in changes:
            if s is None or s.screen is Screen.ATTRACT:
                self._set_clerk_info(False)
                self.sessionEnded.emit()
            self.screenChanged.emit()

    # --- general -------------------------------------------------------------------------------

    @Property(str, notify=screenChanged)
    def screen(self) -> str:
        if self._terminal.availability is not Availability.IN_SERVICE or self._session is None:
            return "out_of_service"
        return self._session.screen.value

    @Property(str, notify=screenChanged)
    def outOfServiceReason(self) -> str:
        reason = self._terminal.reason
        return reason.value if reason else ""

    @Property(str, notify=overlayChanged)
    def overlay(self) -> str:
        return self._session.overlay.value if self._session else "none"

    @Property(int, notify=countdownChanged)
    def countdown(self) -> int:
        return self._session.countdown_s if self._session else 0

    def current_language(self) -> str:
        return self._session.language if self._session else self._terminal.config.default_language

    @Property(str, notify=languageChanged)
    def language(self) -> str:
        return self.current_language()

    @Property(list, constant=True)
    def languages(self) -> list[str]:
        return list(self._terminal.config.languages)

    @Property(bool, constant=True)
    def demo(self) -> bool:
        return self._terminal.config.demo

    @Property(str, notify=languageChanged)
    def municipalityName(self) -> str:
        s = self._session
        return (
            s.catalogue.municipality_name.get(self.current_language())
            if s
            else self._terminal.config.municipality
        )

    @Property(str, notify=languageChanged)
    def welcomeText(self) -> str:
        return self._session.catalogue.welcome.get(self.current_language()) if self._session else ""

    @Property(QObject, constant=True)
    def services(self) -> ServiceListModel:
        return self._services

    @Property(bool, notify=clerkInfoChanged)
    def clerkInfoVisible(self) -> bool:
        return self._clerk_info

    def _set_clerk_info(self, visible: bool) -> None:
        if visible != self._clerk_info:
            self._clerk_info = visible
            self.clerkInfoChanged.emit()

    # --- service -------------------------------------------------------------------------------

    def _service(self) -> Service | None:
        return self._session.service if self._session else None

    def _text(self, attr: str) -> str:
        service = self._service()
        return getattr(service, attr).get(self.current_language()) if service else ""

    @Property(str, notify=serviceChanged)
    def serviceTitle(self) -> str:
        return self._text("title")

    @Property(str, notify=serviceChanged)
    def serviceDescription(self) -> str:
        return self._text("description")

    @Property(str, notify=serviceChanged)
    def serviceIcon(self) -> str:
        service = self._service()
        return service.icon if service else "generic"

    @Property(int, notify=serviceChanged)
    def serviceMinutes(self) -> int:
        service = self._service()
        return service.duration_minutes if service else 0

    @Property(str, notify=serviceChanged)
    def serviceIdentification(self) -> str:
        service = self._service()
        return service.identification.value if service else "none"

    @Property(int, notify=serviceChanged)
    def servicePhotos(self) -> int:
        service = self._service()
        return service.attachments.max_photos if service else 0

    # --- identify ------------------------------------------------------------------------------

    @Property(str, notify=identifyChanged)
    def identifyState(self) -> str:
        return self._session.identify_state.value if self._session else "waiting"

    @Property(str, notify=identifyChanged)
    def identifyMessage(self) -> str:
        s = self._session
        if s is None:
            return ""
        if s.identify_state is IdentifyState.NO_READER:
            return QCoreApplication.translate(
                "SessionViewModel",
                "The card reader is not working right now. Please talk to a clerk, or "
                "choose another service.",
            )
        return read_failure_text(s.identify_failure)

    @Property(str, notify=identifyChanged)
    def accessKind(self) -> str:
        return self._session.access_kind.value if self._session else "can"

    @Property(str, notify=identifyChanged)
    def accessProblem(self) -> str:
        s = self._session
        if s is None or s.access_problem is None:
            return ""
        return access_problem_text(s.access_problem)

    @Property(float, notify=identifyChanged)
    def readProgress(self) -> float:
        return self._session.read_progress if self._session else 0.0

    @Property(str, notify=identifyChanged)
    def identityName(self) -> str:
        identity = self._session.identity if self._session else None
        return f"{identity.given_names} {identity.family_name}" if identity else ""

    @Property(str, notify=identifyChanged)
    def identityBirth(self) -> str:
        identity = self._session.identity if self._session else None
        return identity.date_of_birth.strftime("%d.%m.%Y") if identity else ""

    @Property(str, notify=identifyChanged)
    def identityPhotoUrl(self) -> str:
        identity = self._session.identity if self._session else None
        if identity is None or not identity.photo_jpeg:
            return ""
        self._identity_revision += 1
        return f"image://session/identity/{self._identity_revision}"

    @Property(str, notify=identifyChanged)
    def demoSampleAccess(self) -> str:
        """Demo only: what is printed on the sample documents (CAN, MRZ values)."""
        s = self._session
        if s is None or not self.demo:
            return ""
        return s.demo_sample_access_text()

    @Property(bool, notify=serviceChanged)
    def canSkipIdentification(self) -> bool:
        return bool(self._session and self._session.can_skip_identification)

    @Property(list, constant=True)
    def demoSamples(self) -> list[str]:
        return self._session.demo_samples if self._session and self.demo else []

    # --- form ----------------------------------------------------------------------------------

    @Property(QObject, constant=True)
    def fields(self) -> FieldListModel:
        return self._fields

    @Property(str, notify=formChanged)
    def pageTitle(self) -> str:
        s = self._session
        page = s.page if s else None
        return page.title.get(self.current_language()) if page else ""

    @Property(int, notify=formChanged)
    def pageIndex(self) -> int:
        return self._session.page_index if self._session else 0

    @Property(int, notify=formChanged)
    def pageCount(self) -> int:
        service = self._service()
        return len(service.pages) if service else 0

    @Property(bool, notify=formChanged)
    def hasProblems(self) -> bool:
        return bool(self._session and self._session.problems)

    # --- photos --------------------------------------------------------------------------------

    @Property(int, notify=photosChanged)
    def photoCount(self) -> int:
        return len(self._session.photos) if self._session else 0

    @Property(int, notify=photosChanged)
    def photoMin(self) -> int:
        service = self._service()
        return service.attachments.min_photos if service else 0

    @Property(int, notify=photosChanged)
    def photoMax(self) -> int:
        service = self._service()
        return service.attachments.max_photos if service else 0

    @Property(int, notify=photosChanged)
    def photoRevision(self) -> int:
        return self._photo_revision

    @Property(str, notify=photosChanged)
    def photoLabel(self) -> str:
        service = self._service()
        return service.attachments.label.get(self.current_language()) if service else ""

    @Property(str, notify=photosChanged)
    def photoHelp(self) -> str:
        service = self._service()
        return service.attachments.help.get(self.current_language()) if service else ""

    @Property(bool, notify=photosChanged)
    def capturing(self) -> bool:
        return bool(self._session and self._session.capturing)

    @Property(bool, notify=photosChanged)
    def cameraFailed(self) -> bool:
        return bool(self._session and self._session.camera_failed)

    @Property(bool, notify=photosChanged)
    def photosComplete(self) -> bool:
        return bool(self._session and self._session.photos_complete)

    # --- review --------------------------------------------------------------------------------

    @Property(list, notify=reviewChanged)
    def reviewSections(self) -> list[dict[str, Any]]:
        s = self._session
        if s is None or s.service is None or s.screen is not Screen.REVIEW:
            return []
        lang = self.current_language()
        return [
            {
                "title": page.title.get(lang),
                "pageIndex": index,
                "items": [
                    {
                        "label": f.label.get(lang),
                        "value": self._display(f, s.values.get(f.key)),
                        "prefilled": f.key in s.prefilled,
                    }
                    for f in page.fields
                ],
            }
            for index, page in enumerate(s.service.pages)
        ]

    def _display(self, f: Field, value: FieldValue | None) -> str:
        if value is None or (isinstance(value, str) and not value.strip()):
            return "—"
        if isinstance(value, dict):
            v = value
            return (
                f"{v.get('street', '')} {v.get('house_number', '')}, "
                f"{v.get('postcode', '')} {v.get('city', '')}".strip()
            )
        if f.kind is FieldKind.CHOICE:
            choice = next((c for c in f.choices if c.value == value), None)
            return choice.label.get(self.current_language()) if choice else value
        if f.kind is FieldKind.YES_NO:
            return (
                QCoreApplication.translate("SessionViewModel", "Yes")
                if value == "yes"
                else QCoreApplication.translate("SessionViewModel", "No")
            )
        return value

    @Property(bool, notify=reviewChanged)
    def consent(self) -> bool:
        return bool(self._session and self._session.consent)

    @Property(bool, notify=reviewChanged)
    def offersReceiptEmail(self) -> bool:
        return bool(self._session and self._session.offers_receipt_email)

    @Property(str, notify=reviewChanged)
    def receiptEmail(self) -> str:
        return self._session.receipt_email if self._session else ""

    @Property(bool, notify=reviewChanged)
    def receiptEmailInvalid(self) -> bool:
        return bool(self._session and self._session.receipt_email_invalid)

    @Property(bool, notify=receiptChanged)
    def receiptMailRequested(self) -> bool:
        return bool(self._session and self._session.receipt_mail_requested)

    @Property(str, notify=reviewChanged)
    def submitMessage(self) -> str:
        return submit_failure_text(self._session.submit_failure) if self._session else ""

    @Property(str, notify=languageChanged)
    def privacyNotice(self) -> str:
        return (
            self._session.catalogue.privacy_notice.get(self.current_language())
            if self._session
            else ""
        )

    # --- done ----------------------------------------------------------------------------------

    @Property(str, notify=receiptChanged)
    def trackingNumber(self) -> str:
        return self._session.tracking_number if self._session else ""

    @Property(str, notify=receiptChanged)
    def printState(self) -> str:
        s = self._session
        if s is None:
            return ""
        if s.printing:
            return "printing"
        return s.print_result.outcome.value if s.print_result else ""

    @Property(str, notify=receiptChanged)
    def printMessage(self) -> str:
        s = self._session
        if s is None:
            return ""
        return print_text(s.print_result.outcome if s.print_result else None, s.printing)

    @Property(str, notify=deliveryChanged)
    def deliveryState(self) -> str:
        return self._session.delivery.value if self._session else ""

    @Property(str, notify=deliveryChanged)
    def deliveryMessage(self) -> str:
        return delivery_text(self._session.delivery) if self._session else ""

    @Property(int, notify=deliveryChanged)
    def waitingCount(self) -> int:
        return waiting_count(self._terminal.delivery_status)

    @Property(bool, notify=serviceChanged)
    def storageFull(self) -> bool:
        return bool(self._session and self._session.storage_full)

    @Property(str, notify=languageChanged)
    def storageFullMessage(self) -> str:
        return storage_full_text()

    @Property(bool, notify=printerChanged)
    def demoPrinter(self) -> bool:
        """Demo mode with the simulated printer: its paper can be taken out on the screen."""
        return bool(
            self.demo and self._session and self._session.demo_printer_has_paper is not None
        )

    @Property(bool, notify=printerChanged)
    def demoPrinterHasPaper(self) -> bool:
        return bool(self._session and self._session.demo_printer_has_paper)

    @Property(bool, notify=printerChanged)
    def receiptOnScreen(self) -> bool:
        """Told up front: the printer cannot print, the receipt will be on the screen."""
        return bool(self._session and self._session.receipt_on_screen)

    @Property(str, notify=languageChanged)
    def receiptOnScreenMessage(self) -> str:
        return receipt_on_screen_text()

    @Property(bool, notify=receiptChanged)
    def showScreenReceipt(self) -> bool:
        """No paper receipt came out: the done screen shows its QR code and number instead."""
        return bool(self._session and self._session.show_receipt_on_screen)

    @Property(int, notify=receiptChanged)
    def receiptRevision(self) -> int:
        return self._receipt_revision

    @Property(bool, notify=receiptChanged)
    def hasReceiptImage(self) -> bool:
        s = self._session
        return bool(s and s.print_result and s.print_result.preview_png)

    # --- actions -------------------------------------------------------------------------------

    def _do(self, action: str, *args: Any) -> None:
        """Run a session action. An error never travels on into QML: there it would become a
        JavaScript error whose text (possibly personal data) Qt writes to the log."""
        if self._session is None:
            return
        try:
            getattr(self._session, action)(*args)
        except Exception as exc:  # noqa: BLE001 - the last-resort boundary between UI and core
            self._terminal.fault(exc)

    @Slot()
    def start(self) -> None:
        self._do("start")

    @Slot(str)
    def chooseService(self, service_id: str) -> None:
        self._do("choose_service", service_id)

    @Slot()
    def proceed(self) -> None:
        self._do("proceed")

    @Slot()
    def back(self) -> None:
        self._do("back")

    @Slot(str)
    def submitCan(self, can: str) -> None:
        self._do("submit_access", {"can": can})

    @Slot(str, str, str)
    def submitMrz(self, number: str, birth: str, expiry: str) -> None:
        self._do(
            "submit_access",
            {"document_number": number, "date_of_birth": birth, "expiry": expiry},
        )

    @Slot()
    def useMrzInstead(self) -> None:
        self._do("use_mrz_instead")

    @Slot()
    def confirmIdentity(self) -> None:
        self._do("confirm_identity")

    @Slot()
    def rejectIdentity(self) -> None:
        self._do("reject_identity")

    @Slot(str)
    def placeSampleCard(self, sample: str) -> None:
        self._do("place_sample_card", sample)

    @Slot()
    def skipIdentification(self) -> None:
        self._do("skip_identification")

    @Slot(str, str)
    def setValue(self, key: str, value: str) -> None:
        self._do("set_value", key, value)

    @Slot(str, str, str)
    def setAddressPart(self, key: str, part: str, value: str) -> None:
        self._do("set_address_part", key, part, value)

    @Slot()
    def nextPage(self) -> None:
        self._do("next_page")

    @Slot(int)
    def editPage(self, index: int) -> None:
        self._do("edit_page", index)

    @Slot()
    def editPhotos(self) -> None:
        self._do("edit_photos")

    @Slot()
    def takePhoto(self) -> None:
        self._do("take_photo")

    @Slot(int)
    def removePhoto(self, index: int) -> None:
        self._do("remove_photo", index)

    @Slot()
    def photosDone(self) -> None:
        self._do("photos_done")

    @Slot(bool)
    def setConsent(self, given: bool) -> None:
        self._do("set_consent", given)

    @Slot(bool)
    def demoSetPrinterPaper(self, loaded: bool) -> None:
        self._do("demo_set_printer_paper", loaded)

    @Slot(str)
    def setReceiptEmail(self, text: str) -> None:
        self._do("set_receipt_email", text)

    @Slot()
    def submit(self) -> None:
        self._do("submit")

    @Slot()
    def finish(self) -> None:
        self._do("finish")

    @Slot()
    def reprint(self) -> None:
        self._do("reprint")

    @Slot()
    def requestCancel(self) -> None:
        self._set_clerk_info(False)
        self._do("request_cancel")

    @Slot()
    def confirmCancel(self) -> None:
        self._do("confirm_cancel")

    @Slot()
    def dismissCancel(self) -> None:
        self._do("dismiss_cancel")

    @Slot()
    def extend(self) -> None:
        self._do("extend")

    @Slot(str)
    def setLanguage(self, language: str) -> None:
        self._do("set_language", language)

    @Slot()
    def callClerk(self) -> None:
        self._set_clerk_info(True)

    @Slot()
    def closeClerkInfo(self) -> None:
        self._set_clerk_info(False)

    def user_activity(self) -> None:
        if self._session is not None:
            self._session.touch()
