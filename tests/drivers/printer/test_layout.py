"""Lines that fit the paper: wrapping, two columns, lists."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from drivers.printer.document import Align
from drivers.printer.layout import aligned, bullet, row, wrap
from tests.support.clock import RUN_STARTED


def test_wrap_at_word_boundaries() -> None:
    assert wrap("Ihr Antrag ist beim Rathaus eingegangen.", 16) == [
        "Ihr Antrag ist",
        "beim Rathaus",
        "eingegangen.",
    ]
    assert wrap("a\n\nb", 10) == ["a", "", "b"]
    assert wrap("", 10) == [""]


def test_words_longer_than_a_line_are_broken() -> None:
    assert wrap("https://buergerservice.example/status/ABC", 16) == [
        "https://buergers",
        "ervice.example/s",
        "tatus/ABC",
    ]


def test_alignment() -> None:
    assert aligned("abc", 9, Align.CENTER) == "   abc"
    assert aligned("abc", 9, Align.RIGHT) == "      abc"
    assert aligned("abc", 9, Align.LEFT) == "abc"


def test_row_fits_or_moves_the_value_below() -> None:
    day = f"{RUN_STARTED:%d.%m.%Y}"  # any date: ten characters wide
    assert row("Datum:", day, 20) == [f"Datum:    {day}"]
    assert row("Eingereicht am:", f"{day} 19:05", 20) == [
        "Eingereicht am:",
        f"    {day} 19:05",
    ]


def test_bullet_has_a_hanging_indent() -> None:
    assert bullet("Personalausweis oder Reisepass", 18) == [
        "- Personalausweis",
        "  oder Reisepass",
    ]


@given(st.text(alphabet=st.characters(blacklist_categories=["Cc", "Cs"])), st.integers(1, 64))
def test_nothing_is_wider_than_the_paper(text: str, columns: int) -> None:
    for line in wrap(text, columns) + row(text, text, columns) + bullet(text, max(3, columns)):
        assert len(line) <= max(3, columns)
    # Nothing but spaces is lost.
    assert "".join(wrap(text, columns)).replace(" ", "") == text.replace(" ", "").replace("\n", "")
