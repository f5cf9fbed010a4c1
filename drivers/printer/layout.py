"""Lines of monospaced text for a given number of columns: wrapping, two columns, lists.

Pure functions over already sanitised text; the ESC/POS encoder and the virtual printer's tests
share them, so "fits the paper" means the same on both sides.
"""

from __future__ import annotations

from drivers.printer.document import Align

#: Columns left blank on each side of the text: a thermal head prints up to its outermost
#: dot, and text that runs to the paper's edge looks cut off (and is, on a skewed roll).
#: Two characters (3 mm) on 80 mm paper; one (1.5 mm) on 58 mm, where every column counts.
WIDE_MARGIN, NARROW_MARGIN = 2, 1


def margin(columns: int) -> int:
    """Blank columns on each side of a line of ``columns`` (48 on 80 mm, 32 on 58 mm)."""
    return WIDE_MARGIN if columns >= 42 else NARROW_MARGIN


def indented(lines: list[str], left: int) -> list[str]:
    """``lines`` moved ``left`` columns in from the paper's edge (blank lines stay empty)."""
    return [" " * left + line if line.strip() else "" for line in lines]


def wrap(text: str, columns: int) -> list[str]:
    """Word-wrap ``text`` to ``columns``; words longer than a line are broken."""
    columns = max(1, columns)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split(" "):
            if not word:
                continue
            while len(word) > columns:
                if current:
                    lines.append(current)
                    current = ""
                lines.append(word[:columns])
                word = word[columns:]
            if not current:
                current = word
            elif len(current) + 1 + len(word) <= columns:
                current = f"{current} {word}"
            else:
                lines.append(current)
                current = word
        lines.append(current)
    return lines


def aligned(line: str, columns: int, align: Align) -> str:
    """Pad ``line`` for ``align``; the printer's own justification is not relied on for text,
    so centred text looks the same on printers whose ESC a behaves differently."""
    if align is Align.CENTER:
        return " " * max(0, (columns - len(line)) // 2) + line
    if align is Align.RIGHT:
        return " " * max(0, columns - len(line)) + line
    return line


def row(label: str, value: str, columns: int) -> list[str]:
    """Label left, value right on one line; if both do not fit, the value goes below it."""
    label, value = " ".join(label.split()), " ".join(value.split())
    if len(label) + 1 + len(value) <= columns:
        return [label + " " * (columns - len(label) - len(value)) + value]
    lines = wrap(label, columns)
    lines += [aligned(line, columns, Align.RIGHT) for line in wrap(value, columns)]
    return lines


def bullet(text: str, columns: int) -> list[str]:
    """``- text`` with the continuation lines indented under the text."""
    inner = wrap(text, max(1, columns - 2))
    return [("- " if i == 0 else "  ") + line for i, line in enumerate(inner)]
