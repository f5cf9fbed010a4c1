"""Documents through python-escpos into bytes, read back by the project's own decoder."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.printer.codepages import EncodeError, check_settings
from drivers.printer.document import Align, Bullet, Document, Feed, Picture, QrCode, Row, TextLine
from drivers.printer.escpos_encoder import encode_document
from drivers.printer.settings import PrinterSettings
from drivers.printer.text import printable
from drivers.printer.virtual.decoder import Decoder, Printout
from tests.drivers.printer.conftest import STATUS_URL, receipt
from tests.support.printer_stack import qr_texts, save_png


def decode(data: bytes) -> Printout:
    decoder = Decoder()
    assert decoder.feed(data) == []
    assert decoder.pending == 0
    [printout] = decoder.finished
    return printout


def test_receipt_reads_back_line_by_line() -> None:
    printout = decode(encode_document(receipt(), PrinterSettings()))
    assert printout.initialised
    assert printout.code_pages == [19]  # CP858, before any text
    assert not printout.text_before_code_page
    assert printout.unknown == []
    assert printout.cut == "full"
    lines = [line.text.strip() for line in printout.lines]
    assert "Gemeinde Musterstadt" in lines
    assert "Eingangsbestätigung" in lines
    assert "7K3M-Q9XD-2AF8" in lines
    # Wrapped at 44 columns (48 less the margins); "–" is not in CP858 and is written as "-".
    assert "Sie erhalten den Abholtermin per Post." in lines
    assert "Gebühr: 25 € für bis zu 3 m³ - bar." in lines
    number = next(line for line in printout.lines if line.text.strip() == "7K3M-Q9XD-2AF8")
    assert number.spans[-1].style.width == 2 and number.spans[-1].style.height == 2
    title = next(line for line in printout.lines if "Musterstadt" in line.text)
    assert title.spans[-1].style.bold
    assert all(
        len(line.text) * max(s.style.width for s in line.spans or []) <= 48
        for line in printout.lines
        if line.spans
    )
    [qr] = printout.qr_codes
    assert qr.data.decode() == STATUS_URL
    [logo] = printout.images
    assert logo.width == 576  # padded to the paper: centred on every model
    path = save_png(printout, "receipt-80mm")
    assert qr_texts(path) == [STATUS_URL]


def test_58_mm_paper_wraps_at_32_columns_and_qr_as_image() -> None:
    settings = PrinterSettings(paper_mm=58, native_qr=False, partial_cut=True)
    printout = decode(encode_document(receipt(), settings))
    assert printout.cut == "partial"
    assert printout.qr_codes == []
    assert [image.width for image in printout.images] == [384, 384]  # logo, QR code
    assert max(len(line.text) for line in printout.lines) <= 32
    # 30 columns of text: 32 less the margins.
    assert "Sie erhalten den Abholtermin" in [line.text.strip() for line in printout.lines]
    # Too long for double width on 32 columns: double height only, not broken mid-word.
    title = next(line for line in printout.lines if "Eingangsbest" in line.text)
    assert title.text.strip() == "Eingangsbestätigung"
    assert (title.spans[-1].style.width, title.spans[-1].style.height) == (1, 2)
    path = save_png(printout, "receipt-58mm", dots=384)
    assert qr_texts(path) == [STATUS_URL]


def test_code_page_comes_from_the_profile_or_the_settings() -> None:
    cp1252 = decode(encode_document(receipt(), PrinterSettings(codepage="CP1252")))
    assert cp1252.code_pages == [16]
    assert "Eingangsbestätigung" in cp1252.text
    # A model that numbers its tables differently: the number from the configuration.
    own = encode_document(receipt(), PrinterSettings(codepage="CP858", codepage_number=19))
    assert own.startswith(b"\x1b@\x1bt\x13")
    with pytest.raises(EncodeError, match="codepage_number"):
        check_settings(PrinterSettings(profile="TM-T88V", codepage="ISO_8859-1"))
    with pytest.raises(EncodeError, match="profile"):
        check_settings(PrinterSettings(profile="no-such-model"))


HOSTILE_NAMES = [
    "Erika\x1b@\x1bt\x00Mustermann",
    "Max\x1dV\x00 Cut",
    "Anna\x1bp\x00\x19\xfa Drawer",
    "Eve\x10\x04\x01\x10\x05\x02 Status",
    "Mallory\x1d(k\x04\x001A2\x00 QR",
    "Bob\x1b!\x38 Big",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_no_command_can_be_injected_through_text(name: str) -> None:
    document = Document(
        [
            TextLine(name),
            Row(name, name),
            Bullet(name),
            TextLine(name, large=True, align=Align.CENTER),
            QrCode(name),
        ]
    )
    data = encode_document(document, PrinterSettings())
    decoder = Decoder()
    assert decoder.feed(data) == []  # no status query smuggled in
    [printout] = decoder.finished  # one cut: the printer's own
    assert printout.unknown == []
    assert printout.code_pages == [19]
    visible = printable(name)
    assert visible.isprintable()
    assert visible in printout.text.replace("\n", "")
    plain = [s.style for line in printout.lines[:3] for s in line.spans]
    assert all(style.width == 1 and not style.bold for style in plain)


def test_a_broken_logo_is_left_out_not_fatal() -> None:
    document = Document([Picture(b"not an image"), TextLine("Danke")])
    printout = decode(encode_document(document, PrinterSettings()))
    assert printout.images == []
    assert "Danke" in printout.text


def test_feeds_and_empty_documents() -> None:
    printout = decode(encode_document(Document([Feed(2), Feed(500)]), PrinterSettings()))
    assert printout.cut == "full"
    assert decode(encode_document(Document(), PrinterSettings())).unknown == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=80), max_size=6))
def test_any_text_decodes_back_without_stray_commands(texts: list[str]) -> None:
    document = Document([TextLine(t) for t in texts] + [Row(t, t) for t in texts[:2]])
    printout = decode(encode_document(document, PrinterSettings()))
    assert printout.unknown == []
    assert printout.cut == "full"
    assert all(len(line.text) <= 48 for line in printout.lines)


def test_no_real_time_command_hides_in_image_data() -> None:
    from PIL import Image

    from drivers.printer.escpos_encoder import raster

    # Columns of dots whose bytes read 0x10 0x04 (DLE EOT) and 0x10 0x14 (DLE DC4).
    image = Image.new("1", (32, 1040), 1)
    for y in range(image.height):
        for x in (3, 13, 19, 27):  # 0x10 at bytes 0 and 2, then 0x04 and 0x14 after them
            image.putpixel((x, y), 0)
    data = raster(image)
    header, body = data[:8], data[8:]
    assert int.from_bytes(header[6:8], "little") == 1041  # 0x0410 would spell DLE EOT
    for second in (0x04, 0x05, 0x14):
        assert bytes([0x10, second]) not in data
    assert len(body) == 4 * 1041


def test_an_overlong_qr_code_is_left_out() -> None:
    printout = decode(encode_document(Document([QrCode("x" * 70_000)]), PrinterSettings()))
    assert printout.qr_codes == [] and printout.unknown == []


def _ink_columns(image: object) -> tuple[int, int]:
    """The leftmost and rightmost black columns of a decoded picture."""
    from PIL import Image

    assert isinstance(image, PrintedImageType)
    picture = Image.frombytes("1", (image.width, image.height), image.bits).point(lambda v: 255 - v)
    box = picture.convert("L").point(lambda v: 255 - v).getbbox()
    assert box is not None
    return box[0], box[2]


from drivers.printer.virtual.decoder import PrintedImage as PrintedImageType  # noqa: E402


@pytest.mark.parametrize("language", ["ar", "uk", "ru", "tr"])
def test_a_receipt_in_a_script_the_code_page_lacks_is_printed_whole(language: str) -> None:
    # CP858 has no Arabic or Cyrillic letter: such lines are drawn (text_image) instead of
    # coming out as question marks; what the code page has (the number, the town's name)
    # stays text.
    from datetime import UTC, datetime

    from catalogue.loader import load_catalogue
    from kiosk.receipt import build_receipt
    from tests.support.configs import ROOT

    catalogue = load_catalogue(ROOT / "catalogues" / "musterstadt.yaml")
    document = build_receipt(
        catalogue,
        catalogue.service("termin"),
        language,
        "7K3M-Q9XD-2AF8",
        datetime(2026, 3, 2, 9, 4, tzinfo=UTC),
        STATUS_URL,
    )
    printout = decode(encode_document(document, PrinterSettings()))
    assert "?" not in printout.text
    assert "7K3M-Q9XD-2AF8" in [line.text.strip() for line in printout.lines]
    assert "Gemeinde Musterstadt" in printout.text
    drawn = printout.images
    assert len(drawn) >= 3  # the title, the sent line, the QR hint (Turkish: no "ğ" → "g")
    assert all(image.width == 576 for image in drawn)
    left, right = _ink_columns(drawn[-2])  # "has reached the town hall": aligned to the start
    if language == "ar":
        assert right > 576 - 2 * 12 - 12 and left > 100  # right to left: from the right edge
    else:
        assert left < 2 * 12 + 12 and right < 576 - 100
    save_png(printout, f"receipt-80mm-{language}")
