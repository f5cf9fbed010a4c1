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
from functools import lru_cache

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

#: Every character the layout draws with (rules, bullets) and the typography catalogue texts and
#: keyboards bring (quotes, dashes, arrows, the ellipsis, €, units, spaces): each one prints in
#: every code page of :data:`CODECS`, as itself or as its fallback, never as "?" (a property
#: test holds every offered code page to this).
TYPOGRAPHY = (
    "─━═│┃║┄┈╌"  # rules
    "•‣◦▪▫■□●○◆◇►▶▸→←↑↓↔⇒⇐➔➜✓✔✗✘☐☑☒"  # bullets, arrows, check boxes
    "„“”‚‘’«»‹›\"'`´′″"  # quotes
    "‐‑‒–—―−…·"  # dashes, minus, ellipsis, middle dot
    "€$£¥¢§¶°²³¹½¼¾×÷±µ‰%&@#*~^_|©®™№"  # money, paragraphs, units, marks
    "\u00a0\u2002\u2003\u2009\u200a\u202f"  # no-break, en, em, thin, hair, narrow no-break spaces
)

# What a character the code page lacks is written as, best first: a candidate the code page
# lacks too falls back in turn ("━" → "─" → "-"), so one table serves every code page.
_FALLBACKS: dict[str, str | tuple[str, ...]] = {
    # Rules and frames: CP437/850/858/852 have the box-drawing set, the Latin pages do not.
    "─": "-",
    "━": "─",
    "┄": "-",
    "┈": "-",
    "╌": "-",
    "═": "=",
    "│": "|",
    "┃": "│",
    "║": "|",
    # Bullets, arrows, check boxes.
    "•": "*",
    "‣": "•",
    "●": "•",
    "▪": "■",
    "■": "*",
    "◆": "*",
    "◦": "o",
    "○": "o",
    "◇": "o",
    "▫": "□",
    "□": "[ ]",
    "►": ">",
    "▶": ">",
    "▸": ">",
    "→": "->",
    "➔": "->",
    "➜": "->",
    "←": "<-",
    "↔": "<->",
    "↑": "^",
    "↓": "v",
    "⇒": "=>",
    "⇐": "<=",
    "✓": ("√", "x"),
    "✔": "✓",
    "✗": "x",
    "✘": "x",
    "☐": "[ ]",
    "☑": "[x]",
    "☒": "[x]",
    # Quotes.
    "„": '"',
    "“": '"',
    "”": '"',
    "‚": "'",
    "‘": "'",
    "’": "'",
    "«": '"',
    "»": '"',
    "‹": "<",
    "›": ">",
    "′": "'",
    "″": '"',
    # Dashes and the ellipsis.
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "–": "-",
    "—": "-",
    "―": "-",
    "−": "-",
    "…": "...",
    "·": ".",
    # Money, paragraphs, units, marks.
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "¢": "c",
    "§": "Par.",
    "¶": "P",
    "½": "1/2",
    "¼": "1/4",
    "¾": "3/4",
    "×": "x",
    "±": "+/-",
    "µ": "u",
    "‰": "o/oo",
    "©": "(c)",
    "®": "(R)",
    # Letters without a decomposition to a base letter.
    "ß": "ss",
    "ẞ": "SS",
    "Ł": "L",
    "ł": "l",
    "Đ": "D",
    "đ": "d",
    "Ð": "D",
    "ð": "d",
    "Ø": "O",
    "ø": "o",
    "Þ": "Th",
    "þ": "th",
    "Æ": "AE",
    "æ": "ae",
    "Œ": "OE",
    "œ": "oe",
    "Ħ": "H",
    "ħ": "h",
    "ı": "i",
    "ĸ": "k",
    "Ŀ": "L",
    "ŀ": "l",
    "ŉ": "'n",
    "Ŋ": "N",
    "ŋ": "n",
    "Ŧ": "T",
    "ŧ": "t",
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
    name = {same_name(key): codec for key, codec in CODECS.items()}.get(same_name(codepage))
    if name is None:
        raise ValueError(
            f"code page {codepage!r} is not supported; use one of {', '.join(sorted(CODECS))}"
        )
    codecs.lookup(name)
    return name


def same_name(codepage: str) -> str:
    """A code page's name as compared: "ISO-8859-15", "iso_8859-15" and "ISO 8859 15" are one
    table (python-escpos's profiles write "ISO_8859-15", people write it all ways)."""
    return "".join(c for c in codepage.upper() if c.isalnum())


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


@lru_cache(maxsize=4096)
def _fit_char(char: str, codec: str, depth: int = 0) -> str:
    if _encodable(char, codec):
        return char
    if depth < 3:
        for candidate in _candidates(char):
            fitted = "".join(_fit_char(c, codec, depth + 1) for c in candidate)
            if "?" not in fitted:
                return fitted
    return "?"


def _candidates(char: str) -> tuple[str, ...]:
    listed = _FALLBACKS.get(char, ())
    candidates = (listed,) if isinstance(listed, str) else listed
    # "ő" → "o" + combining mark → "o": the letter without its accent; "½" → "1⁄2".
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    if base and base != char and base.isprintable():
        candidates += (base,)
    return candidates


def _encodable(char: str, codec: str) -> bool:
    try:
        return bool(char.encode(codec))
    except UnicodeEncodeError:
        return False
