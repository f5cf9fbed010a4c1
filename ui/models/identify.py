"""Identification with the ID card or passport: reader state, access data, the identity read
from the chip for the citizen to confirm (the identify screen)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QCoreApplication, QObject, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton, QQmlEngine

from drivers.card.base import DocumentData
from kiosk.session import Change, IdentifyState
from ui.messages import access_problem_text, read_failure_text
from ui.models.context import ModelContext, action, singleton
from ui.models.enums import (
    ACCESS_KIND_OF,
    IDENTIFY_STATE_OF,
    SCAN_PROBLEM_OF,
    AccessKind,
    ScanState,
)
from ui.models.enums import IdentifyState as IdentifyStateEnum

if TYPE_CHECKING:
    from kiosk.session import Session

QML_IMPORT_NAME = "PointOfPublic"
QML_IMPORT_MAJOR_VERSION = 1

_IDENTIFY = frozenset({Change.IDENTIFY, Change.LANGUAGE})
_SKIP = frozenset({Change.FORM, Change.LANGUAGE, Change.SCREEN})


@QmlNamedElement("Identify")
@QmlSingleton
class IdentifyModel(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    identifyChanged = Signal()
    skipChanged = Signal()

    def __init__(self, context: ModelContext) -> None:
        super().__init__()
        self.context = context
        # The photo's URL changes when the identity read does, so the image reloads then
        # (and only then: reading the URL changes nothing).
        self._identity: DocumentData | None = None
        self._photo_revision = 0
        context.subscribe(self._changed)

    @staticmethod
    def create(engine: QQmlEngine) -> IdentifyModel:
        return singleton(IdentifyModel, engine)

    def _changed(self, changes: frozenset[Change]) -> None:
        if changes & _IDENTIFY:
            s = self.context.session
            identity = s.identity if s else None
            if identity is not self._identity:
                self._identity = identity
                self._photo_revision += 1
            self.identifyChanged.emit()
        if changes & _SKIP:
            self.skipChanged.emit()

    @Property(int, notify=identifyChanged)
    def state(self) -> int:
        s = self.context.session
        return IDENTIFY_STATE_OF[s.identify_state] if s else IdentifyStateEnum.Value.Waiting

    @Property(str, notify=identifyChanged)
    def message(self) -> str:
        s = self.context.session
        if s is None:
            return ""
        if s.identify_state is IdentifyState.NO_READER:
            return QCoreApplication.translate(
                "IdentifyModel",
                "The card reader is not working right now. Please talk to a clerk, or "
                "choose another service.",
            )
        return read_failure_text(s.identify_failure)

    @Property(int, notify=identifyChanged)
    def accessKind(self) -> int:
        s = self.context.session
        return ACCESS_KIND_OF[s.access_kind] if s else AccessKind.Value.Can

    @Property(str, notify=identifyChanged)
    def accessProblem(self) -> str:
        s = self.context.session
        if s is None or s.access_problem is None:
            return ""
        return access_problem_text(s.access_problem)

    @Property(float, notify=identifyChanged)
    def readProgress(self) -> float:
        s = self.context.session
        return s.read_progress if s else 0.0

    @Property(str, notify=identifyChanged)
    def identityName(self) -> str:
        identity = self._identity
        return f"{identity.given_names} {identity.family_name}" if identity else ""

    @Property(str, notify=identifyChanged)
    def identityBirth(self) -> str:
        identity = self._identity
        return identity.date_of_birth.strftime("%d.%m.%Y") if identity else ""

    @Property(str, notify=identifyChanged)
    def identityPhotoUrl(self) -> str:
        identity = self._identity
        if identity is None or not identity.photo_jpeg:
            return ""
        return f"image://session/identity/{self._photo_revision}"

    @Property(bool, notify=skipChanged)
    def canSkip(self) -> bool:
        """The service lets the citizen go on without an ID card."""
        return bool(self.context.session and self.context.session.can_skip_identification)

    @Property(bool, notify=identifyChanged)
    def canScanMrz(self) -> bool:
        """The MRZ asked for can be read by the camera (a passport's, on this screen)."""
        s = self.context.session
        return bool(s and s.can_scan_mrz())

    @Property(bool, notify=identifyChanged)
    def mrzScanning(self) -> bool:
        """The camera looks for the passport's MRZ (the typed form stays beside it)."""
        s = self.context.session
        return bool(s and s.mrz_scanning)

    @Property(int, notify=identifyChanged)
    def mrzScanProblem(self) -> int:
        """Why the camera stopped without the MRZ (``ScanState``; Idle: nothing to say)."""
        s = self.context.session
        problem = s.mrz_scan_problem if s else None
        return SCAN_PROBLEM_OF[problem] if problem is not None else ScanState.Value.Idle

    @Slot()
    @action
    def scanMrz(self, session: Session) -> None:
        session.start_mrz_scan()

    @Slot()
    @action
    def stopMrzScan(self, session: Session) -> None:
        session.stop_mrz_scan()

    @Slot(str)
    @action
    def submitCan(self, session: Session, can: str) -> None:
        session.submit_access({"can": can})

    @Slot(str, str, str)
    @action
    def submitMrz(self, session: Session, number: str, birth: str, expiry: str) -> None:
        session.submit_access({"document_number": number, "date_of_birth": birth, "expiry": expiry})

    @Slot()
    @action
    def useMrzInstead(self, session: Session) -> None:
        session.use_mrz_instead()

    @Slot()
    @action
    def confirmIdentity(self, session: Session) -> None:
        session.confirm_identity()

    @Slot()
    @action
    def rejectIdentity(self, session: Session) -> None:
        session.reject_identity()

    @Slot()
    @action
    def skipIdentification(self, session: Session) -> None:
        session.skip_identification()
