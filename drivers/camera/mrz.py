"""A passport's machine-readable zone read from a camera frame, so nobody has to type it.

The data page is found and straightened (:mod:`drivers.camera.document`); in its lower part the
two MRZ lines are the two lowest long rows of ink. Each line holds 44 characters at a fixed
pitch, so it is cut into 44 cells, and each cell is matched against the 37 OCR-B glyphs
(Debian's ``fonts-ocr-b``, the font MRZs are printed in), rendered once: only the characters
that may stand at that position of a TD3 MRZ are candidates (digits in dates and check digits,
letters in state codes). OpenCV and Pillow only; nothing is trained or downloaded.

Only the second line's document number and dates (the chip's access key) are used; the first
line (state, names) has no check digit and is never relied on: the chip's own data names the
citizen. A reading is accepted only when every check digit holds
(:func:`drivers.card.icao.mrz.parse_mrz`), and :class:`MrzVotes` accepts it only once two
readings in a row gave the same chip key; the
characters the chip's key is made of must each be clearly one glyph (check digits cannot tell
G from 6). A wrong MRZ costs the citizen the chip's tries: a misread must never reach the reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from drivers.card.icao.mrz import Mrz, MrzError, parse_mrz

if TYPE_CHECKING:
    import numpy.typing as npt

    from drivers.camera.frames import Pixels

    Array = npt.NDArray[Any]

__all__ = ["MrzUnavailableError", "MrzVotes", "read_mrz", "read_mrz_lines"]

#: Debian's fonts-ocr-b.
OCR_B_FONT = Path("/usr/share/fonts/opentype/ocr-b/OCRB.otf")
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIGITS = "0123456789"
ALL = DIGITS + LETTERS + "<"
LINE = 44
#: The size a glyph is compared at (width, height).
CELL = (20, 28)
#: The data page straightened to this width before the MRZ is looked for.
PAGE_WIDTH = 1250


class MrzUnavailableError(RuntimeError):
    """The OCR-B glyphs are not installed (Debian: fonts-ocr-b)."""


def mrz_readable() -> bool:
    """The glyphs the MRZ is read with are installed."""
    return OCR_B_FONT.exists()


def _allowed() -> tuple[str, ...]:
    """What may stand at each position of a TD3 MRZ (line 1 then line 2)."""
    first = ["P", LETTERS + "<"] + [LETTERS + "<"] * 3 + [LETTERS + "<"] * 39
    second = (
        [DIGITS + LETTERS + "<"] * 9
        + [DIGITS]
        + [LETTERS + "<"] * 3
        + [DIGITS] * 7
        + ["MF<"]
        + [DIGITS] * 7
        + [DIGITS + LETTERS + "<"] * 14
        + [DIGITS + "<"]
        + [DIGITS]
    )
    return tuple(first + second)


ALLOWED = _allowed()
#: Positions (line 1 then line 2) of what opens the chip: the document number, the dates and
#: their check digits. Check digits cannot tell some letters from digits (G/6: 16 and 6 weigh
#: the same modulo 10), so each of these characters must be clearly read.
GUARDED = frozenset(LINE + i for i in (*range(0, 10), *range(13, 20), *range(21, 28), 43))
#: How much better than the next candidate a guarded character's glyph must match.
MIN_LEAD = 0.08


@lru_cache(maxsize=1)
def _templates() -> tuple[str, Array]:
    """Each MRZ character's glyph as the camera's cells are compared (unit vectors)."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    if not OCR_B_FONT.exists():
        raise MrzUnavailableError(f"{OCR_B_FONT} is missing (Debian: apt install fonts-ocr-b)")
    font = ImageFont.truetype(str(OCR_B_FONT), 96)
    rows = []
    for char in ALL:
        image = Image.new("L", (120, 140), 0)
        ImageDraw.Draw(image).text((10, 10), char, fill=255, font=font)
        rows.append(_normalise(np.asarray(image)))
    return ALL, np.stack(rows)


def _normalise(ink: Array) -> Array:
    """The glyph's ink (white on black) cropped to its box, scaled to CELL, as a unit vector;
    its width-to-height ratio is kept as a last element so that 1/I and 0/O stay apart."""
    import cv2
    import numpy as np

    ys, xs = np.nonzero(ink > 96)
    if len(xs) == 0:
        return np.zeros(CELL[0] * CELL[1] + 1, np.float32)
    box = ink[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1].astype(np.float32)
    cell = cv2.resize(box, CELL, interpolation=cv2.INTER_AREA).ravel()
    cell -= cell.mean()
    norm = float(np.linalg.norm(cell)) or 1.0
    aspect = (xs.max() - xs.min() + 1) / (ys.max() - ys.min() + 1)
    return cast("Array", np.append(cell / norm, aspect).astype(np.float32))


def read_mrz_lines(pixels: Pixels, *, guarded: bool = True) -> list[str] | None:
    """The two 44-character lines of a TD3 MRZ in a BGR frame, as read (not yet checked);
    None also when a character of the chip's key is not clearly read (``guarded``)."""
    import cv2

    from drivers.camera.document import find_page, straighten

    page = find_page(pixels)
    image = pixels
    if page.corners is not None:
        image = straighten(pixels, page.corners, long_side=PAGE_WIDTH, smooth=False)
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    rows = _mrz_rows(grey)
    if rows is None:
        return None
    chars, glyphs = _templates()
    lines = []
    for index, (top, bottom) in enumerate(rows):
        cells = _cells(grey[top:bottom])
        if cells is None:
            return None
        text = []
        for column, cell in enumerate(cells):
            position = index * LINE + column
            char, lead = _best(cell, ALLOWED[position], chars, glyphs)
            if guarded and position in GUARDED and lead < MIN_LEAD:
                # A character the chip's key is made of, not clearly one glyph rather than
                # another (G or 6, S or 5, B or 8 weigh alike in the check digits): no reading.
                return None
            text.append(char)
        lines.append("".join(text))
    return lines


def read_mrz(pixels: Pixels) -> Mrz | None:
    """The MRZ in a frame if one is read and every check digit holds; None otherwise."""
    lines = read_mrz_lines(pixels)
    if lines is None:
        return None
    try:
        return parse_mrz("\n".join(lines))
    except MrzError:
        return None


@dataclass
class MrzVotes:
    """Readings of several frames: an MRZ is accepted once ``needed`` readings in a row give
    the same chip key (each already checked; line 1, unchecked and unused, may differ); a
    different key starts the count again. Frames that gave no reading do not count."""

    needed: int = 2
    _last: str = ""
    _count: int = 0

    def add(self, mrz: Mrz | None) -> Mrz | None:
        if mrz is None:
            return None
        if mrz.bac_key_input != self._last:
            self._last, self._count = mrz.bac_key_input, 0
        self._count += 1
        return mrz if self._count >= self.needed else None

    def clear(self) -> None:
        self._last, self._count = "", 0


# --- the steps ---------------------------------------------------------------------------


def _mrz_rows(grey: Array) -> list[tuple[int, int]] | None:
    """The two lowest long rows of ink in the lower half: the MRZ's lines (top, bottom)."""
    import cv2
    import numpy as np

    h, w = grey.shape[:2]
    lower = grey[h // 2 :]
    _, ink = cv2.threshold(lower, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    # Characters joined into words along the line, then the long rows kept.
    joined = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((3, max(3, w // 60)), np.uint8))
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(joined)
    rows = []
    for i in range(1, count):
        _x, y, bw, bh, _area = stats[i]
        if bw >= 0.6 * w and 0.012 * w <= bh <= 0.06 * w:
            rows.append((int(y) + h // 2, int(y + bh) + h // 2))
    if len(rows) < 2:
        return None
    rows.sort()
    top, bottom = rows[-2], rows[-1]
    margin = max(2, (bottom[1] - bottom[0]) // 6)
    return [(max(0, t - margin), min(h, b + margin)) for t, b in (top, bottom)]


def _cells(line: Array) -> list[Array] | None:
    """A line cut into its 44 character cells (ink white on black) at the fixed pitch fitted
    to the centres of its glyphs (a sliver of desk at the page's edge does not count)."""
    import cv2
    import numpy as np

    h, w = line.shape[:2]
    _, ink = cv2.threshold(line, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, _labels, stats, centroids = cv2.connectedComponentsWithStats(ink)
    glyphs = []
    for i in range(1, count):
        x, _y, bw, bh, area = stats[i]
        # A glyph: about a line tall or less, narrow, and clear of the page's edges.
        if bh >= 0.3 * h and bw <= 0.08 * w and x > 0.01 * w and x + bw < 0.99 * w and area > 4:
            glyphs.append(float(centroids[i][0]))
    if len(glyphs) < LINE // 2:
        return None
    glyphs.sort()
    steps = np.diff(glyphs)
    pitch = float(np.median(steps[steps > 0]))
    # Each glyph's slot counted from the first; the line's start and pitch fitted to them all.
    slots = np.round((np.array(glyphs) - glyphs[0]) / pitch)
    if slots[-1] >= LINE:
        return None
    # The first glyph is the line's first character (a letter; never blank).
    pitch, start = np.polyfit(slots, glyphs, 1)
    centres = [start + n * pitch for n in range(LINE)]
    if centres[-1] + pitch / 2 > w + pitch:
        return None
    cells = []
    for centre in centres:
        a, b = max(0, round(centre - pitch / 2)), min(w, round(centre + pitch / 2))
        cells.append(ink[:, a:b] if b > a else ink[:, 0:0])
    return cells


def _best(cell: Array, allowed: str, chars: str, glyphs: Array) -> tuple[str, float]:
    """The allowed character most like ``cell``, and its lead over the next best."""
    import numpy as np

    vector = _normalise(cell)
    if not vector[:-1].any():
        return ("<" if "<" in allowed else allowed[0]), 1.0
    scores = glyphs[:, :-1] @ vector[:-1] - 0.6 * np.abs(glyphs[:, -1] - vector[-1])
    ranked = sorted(((float(scores[chars.index(c)]), c) for c in allowed), reverse=True)
    lead = ranked[0][0] - ranked[1][0] if len(ranked) > 1 else 1.0
    return ranked[0][1], lead
