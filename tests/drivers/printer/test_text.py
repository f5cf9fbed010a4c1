"""Sanitising and encoding text for thermal paper: nothing a citizen types steers the printer."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.printer.text import CODECS, codec_for, encode, printable

HOSTILE = [
    "Erika\x1b@Mustermann",  # ESC @: reset
    "Name\x1dV\x00",  # GS V: cut
    "\x10\x04\x01",  # DLE EOT: a status query
    "\x1bp\x00\x19\xfa",  # ESC p: kick the cash drawer
    "A\x9b31mB",  # C1 CSI
    "Bad\u202edcba",  # right-to-left override
    "Zero\u200bwidth\ufeff",  # zero-width space, BOM
    "\x00\x07\x08\x7f",  # NUL, BEL, BS, DEL
    "Tab\tbed",
    "Line\r\nbreak\u2028sep",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_loses_every_control_character(text: str) -> None:
    clean = printable(text)
    for char in clean:
        assert char == "\n" or (char.isprintable() and char not in "\u202e\u200b\ufeff")
    data = encode(clean, "cp858")
    assert all(b >= 0x20 and b != 0x7F for b in data.replace(b"\n", b""))


def test_readable_parts_survive() -> None:
    assert printable("Erika\x1b@Mustermann") == "Erika@Mustermann"
    assert printable("Tab\tbed") == "Tab bed"
    assert printable("Line\r\nbreak\u2028sep") == "Line\nbreak\nsep"
    assert printable("Bad\u202edcba") == "Baddcba"


@pytest.mark.parametrize(
    ("codepage", "text", "expected"),
    [
        ("CP858", "Größe ÄÖÜ äöü ß €", b"Gr\x94\xe1e \x8e\x99\x9a \x84\x94\x81 \xe1 \xd5"),
        ("CP1252", "Größe ÄÖÜ äöü ß €", "Größe ÄÖÜ äöü ß €".encode("cp1252")),
        # CP437 has the umlauts but no €: written out rather than as "?".
        ("CP437", "ä ß 5 €", b"\x84 \xe1 5 EUR"),
        ("CP858", "„Zitat“ – gut…", b'"Zitat" - gut...'),
        # CP858 has é and ó; Ő and Ł are written without their marks.
        ("CP858", "Őrség Łódź", b"Ors\x82g L\xa2dz"),
        ("CP858", "東京", b"??"),
    ],
)
def test_code_pages(codepage: str, text: str, expected: bytes) -> None:
    assert encode(printable(text), codec_for(codepage)) == expected


def test_unknown_code_page_names_the_supported_ones() -> None:
    with pytest.raises(ValueError, match="CP858"):
        codec_for("CP999")


@given(st.text())
def test_no_text_can_produce_a_control_byte(text: str) -> None:
    for codepage in CODECS:  # every code page the settings offer
        data = encode(printable(text), codec_for(codepage))
        assert all(b >= 0x20 and b != 0x7F for b in data.replace(b"\n", b""))
