"""The languages the terminal can speak to a citizen, and what each needs of the screen: its
name as its readers write it, its writing direction, the on-screen keyboard's layout.

A terminal offers some of them (``[languages] available``, or the hub's configuration); the
screens' texts for each are in ``ui/i18n/pop_<code>.ts`` (``tools/i18n.py`` checks that every
language listed here is complete).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str
    #: The language's name in itself: a citizen looks for the word they can read.
    native_name: str
    #: Written right to left: the whole layout is mirrored.
    right_to_left: bool
    #: The Qt Virtual Keyboard's layout for it.
    keyboard: str


LANGUAGES: dict[str, Language] = {
    language.code: language
    for language in (
        Language("de", "Deutsch", right_to_left=False, keyboard="de_DE"),
        Language("en", "English", right_to_left=False, keyboard="en_GB"),
        Language("tr", "Türkçe", right_to_left=False, keyboard="tr_TR"),
        Language("ar", "العربية", right_to_left=True, keyboard="ar_AR"),
        Language("uk", "Українська", right_to_left=False, keyboard="uk_UA"),
        Language("ru", "Русский", right_to_left=False, keyboard="ru_RU"),
    )
}
SUPPORTED = tuple(LANGUAGES)
#: What the terminal falls back to (the town hall's own language).
FALLBACK = LANGUAGES["de"]


def language(code: str) -> Language:
    """The language with this code; German for a code the terminal does not know."""
    return LANGUAGES.get(code, FALLBACK)


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
