"""What the citizen's receipt says. Layout for paper is the printer driver's job."""

from __future__ import annotations

import io
import logging
from datetime import datetime
from pathlib import Path

from catalogue.model import Catalogue, Service
from common.texts import Texts, texts_for
from drivers.printer.document import (
    Align,
    Block,
    Document,
    DocumentKind,
    Picture,
    QrCode,
    Row,
    Rule,
    TextLine,
)

log = logging.getLogger(__name__)


def _when(texts: Texts, moment: datetime, catalogue: Catalogue) -> str:
    # The municipality's time, as on its town hall's clock, whatever zone the terminal is set to.
    local = moment.astimezone(catalogue.time_zone)
    # Month names from the texts, not strftime's %b: Qt sets the C locale from the environment,
    # and an English receipt on a German terminal would say "Dez".
    # The fields: {day} {month} (its short name) {month_number} (01-12) {year} {time} (14:05).
    return texts.translate("Receipt", "{day} {month} {year}, {time}").format(
        day=local.day,
        month=_month(texts, local.month),
        month_number=f"{local.month:02}",
        year=local.year,
        time=f"{local:%H:%M}",
    )


def _month(texts: Texts, number: int) -> str:
    """The month's short name (written out, each call a literal, for lupdate to find)."""
    return (
        texts.translate("Receipt", "Jan"),
        texts.translate("Receipt", "Feb"),
        texts.translate("Receipt", "Mar"),
        texts.translate("Receipt", "Apr"),
        texts.translate("Receipt", "May"),
        texts.translate("Receipt", "Jun"),
        texts.translate("Receipt", "Jul"),
        texts.translate("Receipt", "Aug"),
        texts.translate("Receipt", "Sep"),
        texts.translate("Receipt", "Oct"),
        texts.translate("Receipt", "Nov"),
        texts.translate("Receipt", "Dec"),
    )[number - 1]


def build_receipt(
    catalogue: Catalogue,
    service: Service,
    language: str,
    number: str,
    submitted_at: datetime,
    status_url: str,
    *,
    queued: bool = False,
    logo: bytes = b"",
) -> Document:
    """The receipt: who has the submission, for what, since when, under which number, what
    happens next, and where to look up its status. Everything the citizen needs if the paper is
    all they keep."""
    texts = texts_for(language)
    head: list[Block] = [Picture(logo, width_fraction=0.35)] if logo else []
    return Document(
        [
            *head,
            TextLine(catalogue.municipality_name.get(language), bold=True, align=Align.CENTER),
            TextLine(texts.translate("Receipt", "Receipt"), large=True, align=Align.CENTER),
            Rule(),
            TextLine(service.title.get(language), bold=True),
            Row(texts.translate("Receipt", "Submitted on:"), _when(texts, submitted_at, catalogue)),
            TextLine(texts.translate("Receipt", "Your tracking number:")),
            TextLine(number, large=True, align=Align.CENTER),
            Rule(),
            TextLine(service.receipt_text.get(language)),
            TextLine(
                texts.translate(
                    "Receipt",
                    "Not sent yet: the terminal cannot reach the town hall right now. Your "
                    "application is stored encrypted and will be sent automatically.",
                )
                if queued
                else texts.translate("Receipt", "Your application has reached the town hall."),
                bold=queued,
            ),
            QrCode(status_url.format(tracking=number)),
            TextLine(
                texts.translate(
                    "Receipt",
                    "To see the status of your application, scan the QR code with your phone.",
                ),
                align=Align.CENTER,
            ),
        ],
        DocumentKind.RECEIPT,
    )


def spoken_receipt(document: Document, number: str) -> list[tuple[str, bool]]:
    """Every text of the receipt, in its order, for reading aloud (EN 301 549 5.1.3.16), each
    with whether it is the citizen's own (the tracking number: only into a headset)."""
    spoken: list[tuple[str, bool]] = []
    for block in document.blocks:
        if isinstance(block, TextLine) and block.text:
            spoken.append((block.text, block.text == number))
        elif isinstance(block, Row):
            spoken.append((f"{block.label} {block.value}", False))
    return spoken


def status_qr_png(link: str) -> bytes:
    """The status link as a QR code for the screen: what the citizen photographs when no paper
    receipt came out. Large modules and a quiet zone, so a phone reads it off a screen."""
    import qrcode  # only the done screen's QR code needs it, not the first frame

    code = qrcode.QRCode(border=4, box_size=12, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(link)
    code.make(fit=True)
    out = io.BytesIO()
    code.make_image().get_image().convert("L").save(out, format="PNG")
    return out.getvalue()


def read_logo(path: Path | None) -> bytes:
    """The receipt's logo file, or nothing: a receipt without the logo is still a receipt."""
    if path is None:
        return b""
    try:
        return path.read_bytes()
    except OSError as exc:
        log.error("receipt logo unreadable (%s): printing without it", exc.strerror)
        return b""
