"""Reading ``python -X importtime``: what the kiosk imports before its first frame, and why.

CPython writes one line per import to stderr, children before their parent, the depth as two
spaces per level::

    import time: self [us] | cumulative | imported package
    import time:       328 |     207119 |     requests

:func:`parse` turns those lines into :class:`Import` records (with each one's importer, so a
regression shows its cause as a chain: ``requests <- offline_queue.hub_client <- kiosk.config``),
:func:`report` into the lines ``bench/cold_start.py`` prints. Only the standard library.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \|( *)(\S.*)$")

#: Modules the attract screen does not need; each one found before the first frame is named
#: with the chain that imported it.
NOT_FOR_FIRST_FRAME = (
    "requests",
    "urllib3",
    "joserfc",
    "cryptography.x509",
    "cryptography.hazmat.primitives.asymmetric.rsa",
    "escpos",
    "smartcard",
    "PIL.Image",
    "qrcode",
    "yaml",
)


@dataclass(frozen=True)
class Import:
    name: str
    depth: int
    self_us: int
    cumulative_us: int
    #: The module whose import caused this one ("" at the top).
    parent: str


def parse(lines: Iterable[str]) -> list[Import]:
    """Every import in the order CPython finished them; other lines are skipped."""
    rows: list[tuple[str, int, int, int]] = []
    for line in lines:
        match = _LINE.match(line.rstrip("\n"))
        if match:
            own, total, indent, name = match.groups()
            rows.append((name, (len(indent) - 1) // 2, int(own), int(total)))
    # Children are written before their parent: the parent is the next row that is shallower.
    waiting: list[tuple[int, int]] = []  # depth, index
    parents: dict[int, str] = {}
    for index, (name, depth, _, _) in enumerate(rows):
        while waiting and waiting[-1][0] > depth:
            parents[waiting.pop()[1]] = name
        waiting.append((depth, index))
    return [
        Import(name, depth, own, total, parents.get(index, ""))
        for index, (name, depth, own, total) in enumerate(rows)
    ]


def chain(imports: Sequence[Import], name: str) -> list[str]:
    """``name`` and the modules that imported it, up to the top."""
    by_name = {i.name: i for i in imports}
    found: list[str] = []
    while name and name in by_name and name not in found:
        found.append(name)
        name = by_name[name].parent
    return found


def top(imports: Sequence[Import], count: int = 12, max_depth: int = 2) -> list[Import]:
    """The costliest imports by cumulative time, at most ``max_depth`` levels deep (deeper
    ones are inside these and would be counted twice)."""
    shallow = [i for i in imports if i.depth <= max_depth]
    return sorted(shallow, key=lambda i: i.cumulative_us, reverse=True)[:count]


def unwanted(imports: Sequence[Import]) -> list[Import]:
    """Where each package of :data:`NOT_FOR_FIRST_FRAME` came in: its shallowest import (the
    package or any of its modules), unless it came in with another one already listed."""
    found: list[Import] = []
    for package in NOT_FOR_FIRST_FRAME:
        entries = [i for i in imports if i.name == package or i.name.startswith(package + ".")]
        if not entries:
            continue
        entry = min(entries, key=lambda i: (i.depth, -i.cumulative_us))
        if not any(f.name in chain(imports, entry.name) for f in found):
            found.append(entry)
    return found


def total_ms(imports: Sequence[Import]) -> float:
    return sum(i.cumulative_us for i in imports if i.depth == 0) / 1000.0


def report(imports: Sequence[Import], count: int = 12) -> list[str]:
    lines = [f"imports before the first frame: {total_ms(imports):.0f} ms in {len(imports)}"]
    lines.append("  costliest (cumulative ms, self ms, depth ≤ 2):")
    for i in top(imports, count):
        lines.append(f"    {i.cumulative_us / 1000:7.1f} {i.self_us / 1000:7.1f}  {i.name}")
    found = unwanted(imports)
    if found:
        lines.append("  not needed for the first frame, imported by:")
        for i in found:
            causes = " <- ".join(chain(imports, i.name))
            lines.append(f"    {i.cumulative_us / 1000:7.1f}  {causes}")
    else:
        lines.append("  none of " + ", ".join(NOT_FOR_FIRST_FRAME) + " before the first frame")
    return lines
