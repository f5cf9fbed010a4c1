"""What the receipt says, in the session's language."""

from __future__ import annotations

from datetime import UTC, datetime

from catalogue.loader import load_catalogue
from drivers.printer.document import Document, QrCode, Row, TextLine
from kiosk.receipt import build_receipt
from tests.support.configs import ROOT

URL = "https://buergerservice.musterstadt.example/status/{tracking}"
WHEN = datetime(2025, 6, 15, 9, 4, tzinfo=UTC)


def texts(receipt: Document) -> list[str]:
    return [b.text for b in receipt.blocks if isinstance(b, TextLine)]


def test_german_receipt() -> None:
    catalogue = load_catalogue(ROOT / "catalogues" / "musterstadt.yaml")
    receipt = build_receipt(
        catalogue, catalogue.service("sperrmuell"), "de", "7K3M-Q9XD-2AF8", WHEN, URL
    )
    lines = texts(receipt)
    assert lines[0] == "Gemeinde Musterstadt"
    assert "Eingangsbestätigung" in lines
    assert "Sperrmüll anmelden" in lines
    assert "7K3M-Q9XD-2AF8" in lines
    [row] = [b for b in receipt.blocks if isinstance(b, Row)]
    assert row.label == "Eingereicht am:"
    assert any("Abholtermin per Post" in line for line in lines)
    [qr] = [b for b in receipt.blocks if isinstance(b, QrCode)]
    assert qr.data == "https://buergerservice.musterstadt.example/status/7K3M-Q9XD-2AF8"


def test_english_receipt_and_fallback() -> None:
    catalogue = load_catalogue(ROOT / "catalogues" / "musterstadt.yaml")
    service = catalogue.service("termin")
    english = texts(build_receipt(catalogue, service, "en", "0000-0000-00", WHEN, URL))
    assert "Receipt" in english
    assert "Appointment at the citizens' office" in english
    # A language without receipt words falls back to German rather than failing.
    other = texts(build_receipt(catalogue, service, "fr", "0000-0000-00", WHEN, URL))
    assert "Eingangsbestätigung" in other


def test_wipe_empties_the_receipt() -> None:
    catalogue = load_catalogue(ROOT / "catalogues" / "musterstadt.yaml")
    receipt = build_receipt(catalogue, catalogue.service("termin"), "de", "0000-0000-00", WHEN, URL)
    receipt.wipe()
    assert receipt.blocks == []


def test_dates_are_written_the_way_each_language_writes_them() -> None:
    from datetime import UTC, datetime, time
    from zoneinfo import ZoneInfo

    from catalogue.loader import load_catalogue
    from drivers.printer.document import Row
    from kiosk.receipt import build_receipt
    from tests.support.clock import RUN_STARTED
    from tests.support.configs import ROOT

    catalogue = load_catalogue(ROOT / "catalogues" / "musterstadt.yaml")
    # A fixed instant is fine here: nothing is checked against today, only written out. It is
    # written in the municipality's time (Europe/Berlin), whatever zone the terminal runs in;
    # 23:30 UTC is already the next day there.
    when = datetime.combine(RUN_STARTED.date(), time(23, 30), UTC)
    local = when.astimezone(ZoneInfo("Europe/Berlin"))
    assert local.date() > when.date()
    german = [
        "Jan.",
        "Feb.",
        "März",
        "Apr.",
        "Mai",
        "Juni",
        "Juli",
        "Aug.",
        "Sept.",
        "Okt.",
        "Nov.",
        "Dez.",
    ]
    arabic = [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ]
    for language, expected in (
        ("de", ("Eingereicht am:", f"{local.day}. {german[local.month - 1]} {local:%Y, %H:%M}")),
        ("en", ("Submitted on:", f"{local.day} {local:%b %Y, %H:%M}")),
        (
            "ar",
            ("تاريخ التقديم:", f"{local.day} {arabic[local.month - 1]} {local:%Y}، {local:%H:%M}"),
        ),
        ("de-x-ls", ("Abgesendet am:", f"{local.day}. {local:%B %Y, %H:%M} Uhr")),
    ):
        receipt = build_receipt(
            catalogue, catalogue.service("termin"), language, "X", when, "https://x/{tracking}"
        )
        rows = [(b.label, b.value) for b in receipt.blocks if isinstance(b, Row)]
        if language == "de-x-ls":  # (the full month name, in German: not the C locale's %B)
            expected = (expected[0], expected[1].replace(f"{local:%B}", german_full(local.month)))
        assert rows == [expected]


def german_full(month: int) -> str:
    return [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ][month - 1]


def test_every_language_has_the_receipt_in_its_own_words() -> None:
    from common.languages import SUPPORTED

    catalogue = load_catalogue(ROOT / "catalogues" / "musterstadt.yaml")
    service = catalogue.service("termin")
    seen = set()
    for language in SUPPORTED:
        receipt = build_receipt(catalogue, service, language, "X", WHEN, URL)
        title = texts(receipt)[1]
        seen.add(title)
    # Seven languages, seven titles: none fell back to another language's.
    assert len(seen) == len(SUPPORTED), seen
