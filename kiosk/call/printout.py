"""A document a clerk sends to the terminal's printer during a call (a letter, a checklist, an
appointment slip), laid out as the terminal's receipts are."""

from __future__ import annotations

from drivers.printer.document import (
    Align,
    Block,
    Bullet,
    Document,
    DocumentKind,
    Feed,
    Rule,
    TextLine,
)

_KINDS = {
    "letter": DocumentKind.LETTER,
    "checklist": DocumentKind.CHECKLIST,
    "appointment": DocumentKind.APPOINTMENT,
}


def clerk_document(kind: str, title: str, lines: tuple[str, ...], footer: str) -> Document:
    """``lines`` are paragraphs; a checklist's are its items. ``footer`` says where it came
    from (in the citizen's language)."""
    checklist = kind == "checklist"
    blocks: list[Block] = [TextLine(title, bold=True, large=True), Feed()]
    blocks.extend(Bullet(line) if checklist else TextLine(line) for line in lines if line)
    blocks.extend([Feed(), Rule(), TextLine(footer, align=Align.CENTER), Feed(3)])
    return Document(blocks, _KINDS.get(kind, DocumentKind.LETTER))
