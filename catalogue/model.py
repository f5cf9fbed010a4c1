"""The service catalogue as typed, immutable data.

A municipality describes its services in a YAML file (see ``catalogues/musterstadt.yaml``);
:mod:`catalogue.loader` turns that file into these objects after checking it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class LocalText:
    """A text in several languages; falls back to the catalogue's default language."""

    texts: tuple[tuple[str, str], ...]
    fallback: str = "de"

    def get(self, language: str) -> str:
        values = dict(self.texts)
        if language in values:
            return values[language]
        if self.fallback in values:
            return values[self.fallback]
        return self.texts[0][1] if self.texts else ""

    @staticmethod
    def of(fallback: str = "de", **texts: str) -> LocalText:
        return LocalText(tuple(texts.items()), fallback)


EMPTY_TEXT = LocalText(())


class FieldKind(StrEnum):
    TEXT = "text"
    MULTILINE = "multiline"
    DATE = "date"
    NUMBER = "number"
    CHOICE = "choice"
    YES_NO = "yes_no"
    EMAIL = "email"
    PHONE = "phone"
    ADDRESS = "address"


class TextFormat(StrEnum):
    """Named formats a text field can be checked against."""

    DE_POSTCODE = "de_postcode"
    TRACKING_NUMBER = "tracking_number"


class PhotoSubject(StrEnum):
    """What a service's photos show, which decides how the camera takes them."""

    #: A place or a thing (a pothole): the picture as the camera sees it.
    PLACE = "place"
    #: Document pages: the page is found in the picture and straightened to a flat page.
    DOCUMENT = "document"


class ServiceKind(StrEnum):
    """What the terminal does with a completed form."""

    #: Sealed, queued and delivered to the town hall; the citizen gets a receipt.
    SUBMISSION = "submission"
    #: The form's tracking number is looked up at the hub and the status shown at once.
    STATUS_LOOKUP = "status_lookup"


class Identification(StrEnum):
    REQUIRED = "required"
    OPTIONAL = "optional"
    NONE = "none"


class IdentityAttribute(StrEnum):
    """Data read from an identity document that can fill a form field."""

    GIVEN_NAMES = "given_names"
    FAMILY_NAME = "family_name"
    DATE_OF_BIRTH = "date_of_birth"
    NATIONALITY = "nationality"
    DOCUMENT_NUMBER = "document_number"
    ADDRESS = "address"


#: The parts of a postal address, in the order they are shown.
ADDRESS_PARTS = ("street", "house_number", "postcode", "city")


@dataclass(frozen=True)
class Choice:
    value: str
    label: LocalText


@dataclass(frozen=True)
class Field:
    key: str
    kind: FieldKind
    label: LocalText
    help: LocalText = EMPTY_TEXT
    required: bool = False
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    pattern_hint: LocalText = EMPTY_TEXT
    text_format: TextFormat | None = None
    min_value: float | None = None
    max_value: float | None = None
    #: Plausible dates, as days relative to today (negative: in the past).
    min_days: int | None = None
    max_days: int | None = None
    choices: tuple[Choice, ...] = ()
    prefill: IdentityAttribute | None = None
    #: Where the field is written in the file (for messages); not part of what it means.
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Page:
    key: str
    title: LocalText
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class Attachments:
    min_photos: int = 0
    max_photos: int = 0
    label: LocalText = EMPTY_TEXT
    help: LocalText = EMPTY_TEXT
    #: What is photographed: a place (as it is) or document pages (found and straightened).
    subject: PhotoSubject = PhotoSubject.PLACE


@dataclass(frozen=True)
class Service:
    id: str
    version: int
    title: LocalText
    summary: LocalText
    description: LocalText
    icon: str
    identification: Identification
    duration_minutes: int
    pages: tuple[Page, ...]
    attachments: Attachments
    receipt_text: LocalText
    kind: ServiceKind = ServiceKind.SUBMISSION
    #: Shown as a tile on the home screen. A service that is not (the call-back request) is
    #: reached from elsewhere, and the hub works its submissions like any other.
    listed: bool = True

    def fields(self) -> tuple[Field, ...]:
        return tuple(f for p in self.pages for f in p.fields)


@dataclass(frozen=True)
class Contact:
    """How a citizen reaches the town hall ("Mit dem Rathaus sprechen"), until the video call."""

    #: International form with spaces, as it is shown: "+49 30 1234567".
    phone: str
    #: When someone answers, e.g. "Mo–Fr 8–16 Uhr".
    hours: LocalText
    #: The service a citizen asks for a call back with, when no clerk can take a video call
    #: ("": none offered).
    call_back_service: str = ""

    @property
    def dial(self) -> str:
        """The number without spaces, for a ``tel:`` link or a QR code."""
        return self.phone.replace(" ", "")


@dataclass(frozen=True)
class Catalogue:
    municipality_id: str
    municipality_name: LocalText
    languages: tuple[str, ...]
    services: tuple[Service, ...]
    welcome: LocalText
    privacy_notice: LocalText
    #: The municipality's time zone: the terminal and the hub both take "today" in it, so a
    #: form the terminal accepted just after local midnight is not refused by the hub.
    time_zone: ZoneInfo
    #: The town hall's telephone and hours (``municipality.contact``), if the catalogue names
    #: them.
    contact: Contact | None = None

    def today(self, at: datetime) -> date:
        """The municipality's calendar day at the (aware) instant ``at``."""
        return at.astimezone(self.time_zone).date()

    def service(self, service_id: str) -> Service:
        for s in self.services:
            if s.id == service_id:
                return s
        raise KeyError(service_id)
