"""Every text a citizen reads, in every language, in one place: ``pop_<code>.ts`` here.

The screens (``qsTr`` in QML, compiled to ``pop_<code>.qm`` for Qt) and the texts the terminal
and the hub write for a citizen off the screen (the receipt, its mail, the status page) are
translated in the same files, by the same tools (``tools/i18n.py update`` collects them, Qt
Linguist edits them, ``tools/i18n.py check`` fails the test command while any language lacks
one). Adding a language is a line in ``kiosk.languages`` and its file here.

Off the screen there is no Qt (the hub runs without it), so :func:`texts_for` reads a
language's ``.ts`` file itself. A text is written at its use as
``texts.translate("Context", "English source").format(field=value)``: ``lupdate`` finds
every call of that shape in ``kiosk/``, ``hub/`` and ``common/`` as it finds ``qsTr`` in QML
(so the context and the source must be plain string literals there, and no more arguments).
Named fields (``{tracking}``) are filled in after translation; ``tools/i18n.py check`` holds
every translation to its source's fields.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from pathlib import Path

from common.languages import FALLBACK, LANGUAGES

FOLDER = Path(__file__).parent
#: The language the sources are written in.
SOURCE_LANGUAGE = "en"


class Texts:
    """One language's texts."""

    def __init__(self, language: str, table: dict[tuple[str, str], str], fallback: Texts | None):
        self.language = language
        self._table = table
        self._fallback = fallback

    def translate(self, context: str, source: str) -> str:
        """``source`` (English) in this language; German where this language lacks it, the
        English source where German does too. Fill its ``{fields}`` with ``.format`` on the
        result (lupdate cannot read a call with more than the two texts)."""
        text = self._table.get((context, source))
        if text is None:
            return self._fallback.translate(context, source) if self._fallback else source
        return text


def _read(path: Path) -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished"):
                continue
            if message.get("numerus") == "yes":
                continue  # (plurals are for the screens, which Qt translates)
            table[(name, message.findtext("source") or "")] = translation.text or ""
    return table


def texts_for(language: str) -> Texts:
    """The texts of ``language`` (a code of ``common.languages``); German's for any other
    code (a submission's language comes from outside: it never names a file, and never adds
    to what is kept)."""
    return _texts(language if language in LANGUAGES else FALLBACK.code)


@functools.cache
def _texts(language: str) -> Texts:
    """Read once per language."""
    table = _read(FOLDER / f"pop_{language}.ts")
    if language in (SOURCE_LANGUAGE, FALLBACK.code):
        return Texts(language, table, None)
    return Texts(language, table, _texts(FALLBACK.code))
