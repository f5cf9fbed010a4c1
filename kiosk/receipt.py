"""What the citizen's receipt says. Layout for paper is the printer driver's job."""

from __future__ import annotations

import io
import logging
from datetime import datetime
from pathlib import Path

from catalogue.model import Catalogue, Service
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

# The receipt's fixed words, per language. The catalogue provides the service's own text.
_WORDS = {
    "de": {
        "title": "Eingangsbestätigung",
        "number": "Ihre Vorgangsnummer",
        "date": "Eingereicht am",
        "sent": "Ihr Antrag ist beim Rathaus eingegangen.",
        "queued": "Noch nicht übermittelt: Das Terminal ist gerade nicht mit dem Rathaus "
        "verbunden. Ihr Antrag ist verschlüsselt gespeichert und wird automatisch gesendet.",
        "status": "Stand Ihres Antrags: QR-Code mit dem Handy scannen.",
        "when": "{day:02}.{month_number:02}.{year} {time}",
    },
    "en": {
        "title": "Receipt",
        "number": "Your tracking number",
        "date": "Submitted on",
        "sent": "Your application has reached the town hall.",
        "queued": "Not sent yet: the terminal cannot reach the town hall right now. Your "
        "application is stored encrypted and will be sent automatically.",
        "status": "To see the status of your application, scan the QR code with your phone.",
        # Month names from a table, not strftime's %b: Qt sets the C locale from the
        # environment, and an English receipt on a German terminal would say "Dez".
        "when": "{day} {month} {year}, {time}",
    },
}

log = logging.getLogger(__name__)


_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _when(pattern: str, moment: datetime, catalogue: Catalogue) -> str:
    # The municipality's time, as on its town hall's clock, whatever zone the terminal is set to.
    local = moment.astimezone(catalogue.time_zone)
    return pattern.format(
        day=local.day,
        month=_MONTHS[local.month - 1],
        month_number=local.month,
        year=local.year,
        time=f"{local:%H:%M}",
    )


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
    words = _WORDS.get(language, _WORDS["de"])
    head: list[Block] = [Picture(logo, width_fraction=0.35)] if logo else []
    return Document(
        [
            *head,
            TextLine(catalogue.municipality_name.get(language), bold=True, align=Align.CENTER),
            TextLine(words["title"], large=True, align=Align.CENTER),
            Rule(),
            TextLine(service.title.get(language), bold=True),
            Row(words["date"] + ":", _when(words["when"], submitted_at, catalogue)),
            TextLine(words["number"] + ":"),
            TextLine(number, large=True, align=Align.CENTER),
            Rule(),
            TextLine(service.receipt_text.get(language)),
            TextLine(words["queued" if queued else "sent"], bold=queued),
            QrCode(status_url.format(tracking=number)),
            TextLine(words["status"], align=Align.CENTER),
        ],
        DocumentKind.RECEIPT,
    )


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
