"""The languages the terminal can speak to a citizen, and what each needs of the screen: its
name as its readers write it, its writing direction, the on-screen keyboard's layout.

A terminal offers some of them (``[languages] available``, or the hub's configuration). Every
text a citizen reads in each (the screens, the receipt, its mail, the status page) is in
``common/texts/pop_<code>.ts``: adding a language here and writing that file is the whole step,
and ``tools/i18n.py check`` (run by the test command) fails until the file is complete.

Leichte Sprache (Easy German, BITV 2.0) is a language of its own here: its own texts, German's
keyboard, voice, dates and numbers (``locale``).
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
    #: The language as the rest of the world knows it (Qt's locale, the voice, plural rules):
    #: the code itself but for a variant such as Leichte Sprache, which is German there.
    locale: str = ""
    #: What the top bar shows for it in two or three letters ("DE"; "LS").
    mark: str = ""

    @property
    def base(self) -> str:
        return self.locale or self.code

    @property
    def short(self) -> str:
        return self.mark or self.code.upper()


LANGUAGES: dict[str, Language] = {
    language.code: language
    for language in (
        Language("de", "Deutsch", right_to_left=False, keyboard="de_DE"),
        # A private-use tag (BCP 47 has none registered for it), as German public sites use.
        Language(
            "de-x-ls",
            "Leichte Sprache",
            right_to_left=False,
            keyboard="de_DE",
            locale="de",
            mark="LS",
        ),
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
