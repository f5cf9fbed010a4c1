"""The terminal as a whole: availability, language, who runs it, what it offers (the attract
and home screens and the top bar)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton, QQmlEngine

from catalogue.model import Contact
from kiosk.languages import language as language_of
from kiosk.session import Change
from ui.messages import waiting_count
from ui.models.context import ModelContext, action, singleton
from ui.models.enums import OUT_OF_SERVICE_REASON_OF, OutOfServiceReason
from ui.models.lists import ServiceListModel

if TYPE_CHECKING:
    from kiosk.session import Session

QML_IMPORT_NAME = "PointOfPublic"
QML_IMPORT_MAJOR_VERSION = 1


@QmlNamedElement("Kiosk")
@QmlSingleton
class KioskModel(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    availabilityChanged = Signal()
    languageChanged = Signal()
    waitingChanged = Signal()

    def __init__(self, context: ModelContext) -> None:
        super().__init__()
        self.context = context
        self._services = ServiceListModel()
        context.subscribe(self._changed)
        self._changed(frozenset(Change))

    @staticmethod
    def create(engine: QQmlEngine) -> KioskModel:
        return singleton(KioskModel, engine)

    def _changed(self, changes: frozenset[Change]) -> None:
        if Change.LANGUAGE in changes:
            catalogue = self.context.terminal.catalogue
            self._services.refresh(catalogue.services if catalogue else (), self.context.language)
            self.languageChanged.emit()
        if Change.DELIVERY in changes:
            self.waitingChanged.emit()
        if Change.SCREEN in changes:
            self.availabilityChanged.emit()

    @Property(int, notify=availabilityChanged)
    def outOfServiceReason(self) -> int:
        reason = self.context.terminal.reason
        if reason is None:
            return OutOfServiceReason.Value.Unknown
        return OUT_OF_SERVICE_REASON_OF[reason]

    @Property(bool, notify=availabilityChanged)
    def started(self) -> bool:
        """The terminal has finished starting (in service or not): what waits for the first
        frame, such as the on-screen keyboard, may load now."""
        return not self.context.terminal.starting

    @Property(str, notify=languageChanged)
    def contactPhone(self) -> str:
        """The town hall's telephone as it is shown ("" if the catalogue names none)."""
        contact = self._contact()
        return contact.phone if contact else ""

    @Property(str, notify=languageChanged)
    def contactHours(self) -> str:
        contact = self._contact()
        return contact.hours.get(self.context.language) if contact else ""

    def _contact(self) -> Contact | None:
        catalogue = self.context.terminal.catalogue
        return catalogue.contact if catalogue is not None else None

    @Property(str, notify=languageChanged)
    def language(self) -> str:
        return self.context.language

    @Property(list, notify=languageChanged)
    def languages(self) -> list[str]:
        # (A configuration from the hub may change them between two citizens.)
        return list(self.context.terminal.config.languages)

    @Property(list, notify=languageChanged)
    def languageChoices(self) -> list[dict[str, str]]:
        """Each offered language by its own name (``code``, ``name``)."""
        return [
            {"code": code, "name": language_of(code).native_name}
            for code in self.context.terminal.config.languages
        ]

    @Property(str, notify=languageChanged)
    def languageName(self) -> str:
        return language_of(self.context.language).native_name

    @Property(str, notify=languageChanged)
    def languageMark(self) -> str:
        """The language in two or three letters, for the top bar ("DE", "LS")."""
        return language_of(self.context.language).short

    @Property(str, notify=languageChanged)
    def servicesLanguage(self) -> str:
        """The language the services' texts are shown in: the citizen's, or, where the town
        hall has not written them in it, the catalogue's own."""
        return self._services_language()

    def _services_language(self) -> str:
        catalogue = self.context.terminal.catalogue
        language = self.context.language
        if catalogue is None or language in catalogue.languages or not catalogue.languages:
            return language
        # (As a catalogue's texts fall back: to its first language, catalogue.checker.)
        return catalogue.languages[0]

    @Property(str, notify=languageChanged)
    def servicesLanguageName(self) -> str:
        """That language by its own name ("Deutsch"): as its texts below are written."""
        return language_of(self._services_language()).native_name

    @Property(bool, notify=languageChanged)
    def rightToLeft(self) -> bool:
        return language_of(self.context.language).right_to_left

    @Property(str, notify=languageChanged)
    def keyboardLocale(self) -> str:
        return language_of(self.context.language).keyboard

    @Property(str, notify=languageChanged)
    def municipalityName(self) -> str:
        catalogue = self.context.terminal.catalogue
        if catalogue is None:
            return self.context.terminal.config.municipality
        return catalogue.municipality_name.get(self.context.language)

    @Property(str, notify=languageChanged)
    def welcomeText(self) -> str:
        catalogue = self.context.terminal.catalogue
        return catalogue.welcome.get(self.context.language) if catalogue else ""

    @Property(QObject, constant=True)
    def services(self) -> ServiceListModel:
        return self._services

    @Property(int, notify=waitingChanged)
    def waitingCount(self) -> int:
        """Submissions waiting for the hub while it cannot be reached (0: online)."""
        if self.context.terminal.starting:
            return 0  # the outbox is opened after the first frame; then this is told again
        return waiting_count(self.context.terminal.delivery_status)

    @Slot(str)
    @action
    def setLanguage(self, session: Session, language: str) -> None:
        session.set_language(language)

    @Slot(str)
    @action
    def chooseService(self, session: Session, service_id: str) -> None:
        session.choose_service(service_id)
