"""Text for thermal paper: strip what could steer the printer, encode in the chosen code page.

Everything a citizen typed or a form supplied passes through :func:`printable` before it is
laid out, and :func:`encode` turns the result into the code page's bytes: the printer never
receives a byte below 0x20 (or 0x7F) from text, so no ESC/POS command can be injected through a
name or a comment. Characters the code page lacks are written the closest way it can (``ő`` as
``o``, ``„`` as ``"``) and otherwise as ``?`` — never silently dropped, never as mojibake.
"""

from __future__ import annotations

import codecs
import unicodedata

#: Python codec names for the code pages a German terminal uses; ESC t numbers differ by model
#: and come from the printer profile (or the configuration).
CODECS = {
    "CP437": "cp437",
    "CP850": "cp850",
    "CP858": "cp858",
    "CP1252": "cp1252",
    "ISO_8859-15": "iso8859_15",
    "ISO_8859-1": "latin_1",
    "CP852": "cp852",
    "ISO_8859-2": "iso8859_2",
}

# Typography a keyboard or a catalogue brings that older code pages lack.
_FALLBACKS = {
    "„": '"',
    "“": '"',
    "”": '"',
    "‚": "'",
    "‘": "'",
    "’": "'",
    "«": '"',
    "»": '"',
    "–": "-",
    "—": "-",
    "‑": "-",
    "…": "...",
    "€": "EUR",
    "•": "*",
    "·": ".",
    "ß": "ss",
    "ẞ": "SS",
    # Letters without a decomposition to a base letter.
    "Ł": "L",
    "ł": "l",
    "Đ": "D",
    "đ": "d",
    "Œ": "OE",
    "œ": "oe",
}


def printable(text: str) -> str:
    """``text`` without control and formatting characters; line breaks become ``\\n``.

    Removed: C0 controls (ESC, GS, DLE, …), DEL, C1 controls, and Unicode format characters
    (bidirectional overrides, zero-width spaces) that could make a printed name read differently
    from what is stored. Tabs become spaces.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    out: list[str] = []
    for char in text:
        if char == "\n":
            out.append(char)
        elif char == "\t":
            out.append(" ")
        elif char in "\u2028\u2029\r\x0b\x0c\x85":
            out.append("\n")
        elif unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue
        else:
            out.append(char)
    return "".join(out)


def codec_for(codepage: str) -> str:
    """The Python codec for a code page name; :class:`ValueError` names the supported ones."""
    name = CODECS.get(codepage.upper())
    if name is None:
        raise ValueError(
            f"code page {codepage!r} is not supported; use one of {', '.join(sorted(CODECS))}"
        )
    codecs.lookup(name)
    return name


def fit(text: str, codec: str) -> str:
    """``text`` with every character the code page lacks replaced by its fallback.

    Done before the layout, so that a line that is 48 characters wide stays 48 wide on paper
    ("…" becomes "...", "€" on CP437 becomes "EUR").
    """
    return "".join(char if char == "\n" else _fit_char(char, codec) for char in text)


def encode(text: str, codec: str) -> bytes:
    """Encode already :func:`printable` text; unencodable characters get their fallback."""
    data = fit(text, codec).encode(codec, errors="replace")
    # Belt and braces: a code page that maps a character into the control range.
    return bytes(b if (b >= 0x20 and b != 0x7F) or b == 0x0A else 0x3F for b in data)


def _fit_char(char: str, codec: str) -> str:
    if _encodable(char, codec):
        return char
    replacement = _FALLBACKS.get(char)
    if replacement is None:
        # "ő" → "o" + combining mark → "o": the letter without its accent.
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        replacement = base if base and base != char and base.isprintable() else "?"
    if not all(_encodable(c, codec) for c in replacement):
        return "?" * len(replacement)
    return replacement


def _encodable(char: str, codec: str) -> bool:
    try:
        return bool(char.encode(codec))
    except UnicodeEncodeError:
        return False
