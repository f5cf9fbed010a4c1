"""Every offered code page prints every character the layout uses: no '?' on paper.

The rules, bullets, arrows, quotes, dashes, the ellipsis and the euro sign of a receipt (and the
letters of names) each have a fallback that the code page can print; decoded back by the
virtual printer, a receipt in any offered code page reads as written, rules as rules.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.printer.base import PrintOutcome
from drivers.printer.codepages import check_settings
from drivers.printer.document import Bullet, Document, Row, Rule, TextLine
from drivers.printer.escpos_encoder import encode_document
from drivers.printer.escpos_printer import EscposPrinter
from drivers.printer.settings import Connection, PrinterSettings
from drivers.printer.text import CODECS, TYPOGRAPHY, codec_for, encode, fit, printable
from drivers.printer.transport import open_transport
from drivers.printer.virtual.decoder import Decoder
from drivers.printer.virtual.printer import VirtualPrinter
from drivers.printer.virtual.server import VirtualPrinterServer
from tests.drivers.printer.conftest import receipt
from tests.support.printer_stack import save_png

#: The code pages whose ESC t number python-escpos's default profile knows (the virtual
#: printer numbers them the same way); ISO_8859-1 needs a number from the configuration.
NUMBERED = [page for page in CODECS if page != "ISO_8859-1"]

#: Letters names bring: Latin-1 and Latin Extended-A (German, French, Polish, Czech, Turkish …).
LETTERS = "".join(chr(c) for c in range(0xC0, 0x180) if chr(c).isalpha() and chr(c).isprintable())


def test_cp1252_receipt_over_tcp_has_rules_not_question_marks() -> None:
    with VirtualPrinterServer(VirtualPrinter()) as server:
        values = PrinterSettings(
            connection=Connection.NETWORK,
            port=server.port,
            codepage="CP1252",
            status_timeout_s=0.5,
            job_timeout_s=3.0,
        )
        printer = EscposPrinter(open_transport(values), values)
        assert printer.print_document(receipt()).outcome is PrintOutcome.PRINTED
        printer.close()
        [printout] = server.printer.printouts
    assert printout.code_pages == [16]
    save_png(printout, "receipt-cp1252")
    texts = [line.text.strip() for line in printout.lines]
    rules = [text for text in texts if text and set(text) <= {"-", "─"}]
    assert rules == ["-" * 44, "-" * 44]  # 48 columns less the margins
    assert "?" not in printout.text
    assert "25 € für bis zu 3 m³ – bar." in printout.text  # CP1252 has the en dash


@pytest.mark.parametrize("codepage", NUMBERED)
def test_every_layout_character_reads_back_in_every_code_page(codepage: str) -> None:
    document = Document(
        [
            TextLine(TYPOGRAPHY),
            Rule(),
            Bullet("Personalausweis • Reisepass → „Meldebescheinigung“ … 25 €"),
            Row("Gebühr – bar:", "25,00 €"),
            TextLine(LETTERS),
        ]
    )
    decoder = Decoder()
    decoder.feed(encode_document(document, PrinterSettings(codepage=codepage)))
    [printout] = decoder.finished
    assert "?" not in printout.text, printout.text
    assert "\ufffd" not in printout.text
    assert any(line.text.strip() in ("-" * 44, "─" * 44) for line in printout.lines)


ALPHABET = TYPOGRAPHY + LETTERS + " abcXYZ019.,:;-+/()\n"
TEXTS = st.text(alphabet=st.sampled_from(ALPHABET), max_size=120)
BLOCKS = st.one_of(
    st.builds(TextLine, TEXTS, bold=st.booleans(), large=st.booleans()),
    st.builds(Row, TEXTS, TEXTS),
    st.builds(Bullet, TEXTS),
    st.just(Rule()),
)


@settings(max_examples=40, deadline=None)
@given(st.lists(BLOCKS, max_size=8))
def test_any_document_of_layout_characters_reads_back_without_question_marks(
    blocks: list[TextLine | Row | Bullet | Rule],
) -> None:
    for codepage in NUMBERED:
        decoder = Decoder()
        assert (
            decoder.feed(
                encode_document(Document(list(blocks)), PrinterSettings(codepage=codepage))
            )
            == []
        )
        [printout] = decoder.finished
        assert printout.unknown == []
        assert "?" not in printout.text and "\ufffd" not in printout.text, codepage


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET)))
def test_layout_characters_never_print_as_question_marks(text: str) -> None:
    for codepage in CODECS:
        codec = codec_for(codepage)
        data = encode(printable(text), codec)
        assert b"?" not in data, (codepage, [c for c in text if "?" in fit(c, codec)])
        assert all(b >= 0x20 and b != 0x7F for b in data.replace(b"\n", b""))


@pytest.mark.parametrize("spelling", ["ISO-8859-15", "iso_8859-15", "ISO 8859-15", "cp-858"])
def test_code_page_names_are_read_however_they_are_written(spelling: str) -> None:
    codec, number = check_settings(PrinterSettings(codepage=spelling))
    assert (codec, number) in (("iso8859_15", 40), ("cp858", 19))
