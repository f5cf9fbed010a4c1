"""What is printed: a structured document, never raw bytes.

The kiosk builds documents (the citizen's receipt; later the clerk's short letters and lists of
required documents) out of a few kinds of block. Each printer lays them out for its medium: the
ESC/POS driver for 80 or 58 mm thermal paper, the screen for the on-screen receipt. Text in a
document may come from a citizen or a form; the printer drivers sanitise it, the document does
not have to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


class DocumentKind(StrEnum):
    """What a document is for; printers log it (never its content)."""

    RECEIPT = "receipt"
    LETTER = "letter"
    CHECKLIST = "checklist"
    APPOINTMENT = "appointment"
    TEST_PAGE = "test_page"


@dataclass(frozen=True)
class TextLine:
    """A paragraph: wrapped to the paper's width at word boundaries; ``\\n`` starts a new line."""

    text: str
    bold: bool = False
    #: Double width and height: the tracking number, a heading.
    large: bool = False
    underline: bool = False
    align: Align = Align.LEFT


@dataclass(frozen=True)
class Row:
    """Two columns: a label on the left, its value on the right (a date, an amount)."""

    label: str
    value: str
    bold: bool = False


@dataclass(frozen=True)
class Bullet:
    """One item of a list, wrapped with a hanging indent (a list of required documents)."""

    text: str


@dataclass(frozen=True)
class QrCode:
    data: str


@dataclass(frozen=True)
class Picture:
    """A bitmap such as the municipality's logo, as image file bytes (PNG, JPEG, …).

    Printers scale it to ``width_fraction`` of the paper (never wider than the paper) and dither
    it to black and white, as thermal paper has no grey.
    """

    image: bytes
    width_fraction: float = 0.5


@dataclass(frozen=True)
class Rule:
    pass


@dataclass(frozen=True)
class Feed:
    """Empty space of ``lines`` text lines."""

    lines: int = 1


Block = TextLine | Row | Bullet | QrCode | Picture | Rule | Feed


@dataclass
class Document:
    blocks: list[Block] = field(default_factory=list)
    kind: DocumentKind = DocumentKind.RECEIPT

    def wipe(self) -> None:
        self.blocks.clear()
