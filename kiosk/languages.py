"""The languages the terminal speaks (:mod:`common.languages`, shared with the hub's status
page) and what the terminal does with them."""

from __future__ import annotations

from common.languages import FALLBACK, LANGUAGES, SUPPORTED, Language, language

__all__ = ["FALLBACK", "LANGUAGES", "SUPPORTED", "Language", "language", "western_digits"]

#: Digits a citizen may type on another script's keypad (the Arabic keyboard's number pad types
#: Arabic-Indic digits, and "٫" for the decimal comma), as the town hall's forms and the chip
#: take them: 0-9.
_WESTERN = {
    **{0x0660 + n: str(n) for n in range(10)},  # Arabic-Indic
    **{0x06F0 + n: str(n) for n in range(10)},  # Eastern Arabic-Indic (Persian, Urdu)
    0x066B: ",",  # Arabic decimal separator
    0x066C: "",  # Arabic thousands separator
}


def western_digits(text: str) -> str:
    """``text`` with other scripts' digits as 0-9 (everything else as it was)."""
    return text.translate(_WESTERN)
