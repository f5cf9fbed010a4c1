"""A document page in a camera frame: its four corners, the page straightened to a flat
rectangle, and what is wrong with the picture before it is taken (blur, glare, darkness, a page
cut off by the frame's edge).

The page is found as the largest bright four-cornered shape (paper is lighter than the desk or
the terminal's tray under it): Otsu's threshold on a smaller grey copy, the outline of the
largest region, simplified to four corners and refined on the full frame. Straightening maps
those corners onto a rectangle with the page's own proportions (the longer of each pair of
opposite edges). OpenCV only; imported when first used.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    import numpy.typing as npt

    from drivers.camera.base import Photo
    from drivers.camera.frames import Pixels
    from drivers.camera.live import LiveCamera

    Array = npt.NDArray[Any]

log = logging.getLogger(__name__)

__all__ = ["PageFinding", "Quality", "document_photo", "find_page", "straighten"]

#: Width of the copy the page is looked for in (the corners are then refined on the frame).
WORK_WIDTH = 640
#: A page must cover at least this share of the frame to be taken for one.
MIN_AREA = 0.04
#: A "page" covering nearly all of the frame is the desk or the tray itself.
MAX_AREA = 0.97
#: Paper is this much lighter (grey levels) than what it lies on, or it is not taken for a page.
MIN_CONTRAST = 35.0
#: Paper's colour saturation (HSV, 0-255) at most: white or pale, as pages and data pages are.
MAX_PAPER_SATURATION = 70.0
#: Sharpness (variance of the Laplacian on the straightened page at 800 px) below which the
#: picture is too blurred to read.
MIN_SHARPNESS = 60.0
#: Mean brightness of the page (0-255) below which it is too dark.
MIN_BRIGHTNESS = 90.0
#: Share of the page that is blown out (255 in every channel) from which glare hides text.
MAX_GLARE = 0.02
#: Corners this close to the frame's edge (share of its size): the page is cut off.
EDGE_MARGIN = 0.01

Corners = tuple[tuple[float, float], tuple[float, float], tuple[float, float], tuple[float, float]]


class Quality(StrEnum):
    BLURRED = "blurred"
    DARK = "dark"
    GLARE = "glare"
    CUT_OFF = "cut_off"


@dataclass(frozen=True)
class PageFinding:
    """What was seen of a page: its corners (top left, top right, bottom right, bottom left, in
    frame pixels) or None, and the problems a photo of it would have."""

    corners: Corners | None
    problems: frozenset[Quality]
    sharpness: float = 0.0
    brightness: float = 0.0
    glare: float = 0.0

    @property
    def good(self) -> bool:
        return self.corners is not None and not self.problems


def find_page(pixels: Pixels) -> PageFinding:
    """Look for a page in a BGR frame."""
    import cv2
    import numpy as np

    h, w = pixels.shape[:2]
    scale = WORK_WIDTH / w if w > WORK_WIDTH else 1.0
    grey = cv2.cvtColor(pixels, cv2.COLOR_BGR2GRAY)
    small = cv2.resize(grey, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (5, 5), 0)
    _, mask = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((7, 7), np.uint8))
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return PageFinding(None, frozenset())
    outline = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(outline) / (small.shape[0] * small.shape[1])
    if area < MIN_AREA or area > MAX_AREA or not _stands_out(small, mask):
        return PageFinding(None, frozenset())
    if not _paper_coloured(pixels, mask, scale):
        return PageFinding(None, frozenset())  # the sky, a blue wall: not paper
    hull = cv2.convexHull(outline)
    quad = _four_corners(hull)
    touches = _touches_edge(hull.reshape(-1, 2), small.shape[1], small.shape[0])
    if quad is None:
        # Something large and light, but not a page's shape: most often one cut off.
        return PageFinding(None, frozenset({Quality.CUT_OFF}) if touches else frozenset())
    corners = _refine(grey, quad / scale)
    ordered = _order(corners)
    return _judge(pixels, grey, ordered, touches)


def straighten(
    pixels: Pixels, corners: Corners, long_side: int = 1600, *, smooth: bool = True
) -> Pixels:
    """The page inside ``corners`` as a flat rectangle, its longer side ``long_side`` pixels
    (``smooth``: bicubic, for the photo; else bilinear, which adds no overshoot to measure)."""
    import cv2
    import numpy as np

    tl, tr, br, bl = corners
    width = max(math.dist(tl, tr), math.dist(bl, br))
    height = max(math.dist(tl, bl), math.dist(tr, br))
    factor = long_side / max(width, height, 1.0)
    out_w, out_h = max(1, round(width * factor)), max(1, round(height * factor))
    source = np.array(corners, np.float32)
    target = np.array([[0, 0], [out_w - 1, 0], [out_w - 1, out_h - 1], [0, out_h - 1]], np.float32)
    matrix = cv2.getPerspectiveTransform(source, target)
    flags = cv2.INTER_CUBIC if smooth else cv2.INTER_LINEAR
    flat = cv2.warpPerspective(pixels, matrix, (out_w, out_h), flags=flags)
    return cast("Pixels", flat)


# --- the steps ---------------------------------------------------------------------------


def _four_corners(hull: Array) -> Array | None:
    import cv2
    import numpy as np

    perimeter = cv2.arcLength(hull, True)
    for share in (0.02, 0.03, 0.05):
        approx = cv2.approxPolyDP(hull, share * perimeter, True)
        if len(approx) == 4 and cv2.isContourConvex(approx):
            return cast("Array", approx.reshape(4, 2).astype(np.float32))
    return None


def _refine(grey: Array, corners: Array) -> list[tuple[float, float]]:
    """Each corner moved onto the page's true corner in the full frame: the point where the
    page's two edges, fitted on the full-resolution outline near it, meet."""
    import cv2
    import numpy as np

    h, w = grey.shape[:2]
    points = corners.reshape(-1, 1, 2).astype(np.float32)
    criteria = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 30, 0.05)
    window = max(3, min(9, int(min(h, w) * 0.008)))
    try:
        refined = cv2.cornerSubPix(grey, points.copy(), (window, window), (-1, -1), criteria)
    except cv2.error:
        refined = points
    out = []
    for (x0, y0), (x1, y1) in zip(points.reshape(-1, 2), refined.reshape(-1, 2), strict=True):
        # A refinement that wandered off (text near the corner) keeps the coarse corner.
        moved = math.dist((x0, y0), (x1, y1)) <= 2.5 * window
        out.append((float(x1), float(y1)) if moved else (float(x0), float(y0)))
    return out


def _stands_out(small: Array, mask: Array) -> bool:
    """The light region is clearly lighter than the rest (not one half of a plain desk)."""
    inside = small[mask > 0]
    outside = small[mask == 0]
    if inside.size == 0 or outside.size == 0:
        return False
    light, dark = float(inside.mean()), float(outside.mean())
    # Absolute in good light; relative in dim light, where everything is darker.
    return light - dark >= min(MIN_CONTRAST, max(15.0, 0.25 * light))


def _paper_coloured(pixels: Pixels, mask: Array, scale: float) -> bool:
    """Paper is white or pale (a passport's tint), not a coloured surface such as the sky."""
    import cv2

    small = cv2.resize(pixels, (mask.shape[1], mask.shape[0]), interpolation=cv2.INTER_AREA)
    saturation = cv2.cvtColor(small, cv2.COLOR_BGR2HSV)[:, :, 1]
    return float(saturation[mask > 0].mean()) <= MAX_PAPER_SATURATION


def _order(points: list[tuple[float, float]]) -> Corners:
    """Top left, top right, bottom right, bottom left (by the sum and difference of x and y)."""
    by_sum = sorted(points, key=lambda p: p[0] + p[1])
    by_diff = sorted(points, key=lambda p: p[1] - p[0])
    return (by_sum[0], by_diff[0], by_sum[-1], by_diff[-1])


def _touches_edge(points: Array, w: int, h: int) -> bool:
    mx, my = max(2.0, w * EDGE_MARGIN), max(2.0, h * EDGE_MARGIN)
    xs, ys = points[:, 0], points[:, 1]
    return bool(
        (xs <= mx).any() or (ys <= my).any() or (xs >= w - 1 - mx).any() or (ys >= h - 1 - my).any()
    )


def _judge(pixels: Pixels, grey: Array, corners: Corners, touches: bool) -> PageFinding:
    import cv2
    import numpy as np

    flat = straighten(pixels, corners, long_side=800, smooth=False)
    flat_grey = cv2.cvtColor(flat, cv2.COLOR_BGR2GRAY)
    sharpness = float(cv2.Laplacian(flat_grey, cv2.CV_64F).var())
    brightness = float(flat_grey.mean())
    blown = np.all(flat >= 254, axis=2)
    glare = float(blown.mean())
    problems = set()
    if sharpness < MIN_SHARPNESS:
        problems.add(Quality.BLURRED)
    if brightness < MIN_BRIGHTNESS:
        problems.add(Quality.DARK)
    if glare > MAX_GLARE:
        problems.add(Quality.GLARE)
    if touches:
        problems.add(Quality.CUT_OFF)
    return PageFinding(corners, frozenset(problems), sharpness, brightness, glare)


def document_photo(
    camera: LiveCamera, max_bytes: int | None = None, long_side: int = 1600
) -> Photo:
    """A photo of a document page: the first frame after the press, the page found in it and
    straightened to ``long_side`` pixels (the plain picture where no page is found), with what
    may be wrong with it, as a JPEG of at most ``max_bytes`` (default: an attachment's limit)."""
    from drivers.camera.base import CameraError
    from drivers.camera.live import MAX_PHOTO_BYTES, encode_photo

    limit = MAX_PHOTO_BYTES if max_bytes is None else max_bytes

    frame = camera.fresh_frame()
    try:
        try:
            finding = find_page(frame.pixels)
            flat = straighten(frame.pixels, finding.corners, long_side) if finding.corners else None
        except Exception as exc:  # noqa: BLE001 - the plain picture is still a photo
            log.warning("page not straightened (%s): the plain picture is kept", type(exc).__name__)
            finding, flat = PageFinding(None, frozenset()), None
        problems = frozenset(q.value for q in finding.problems)
        try:
            straightened = flat is not None
            if flat is None:
                # The plain picture at most ``long_side`` too (a 1080p camera's frame would
                # not fit a small limit otherwise).
                flat = _at_most(frame.pixels, long_side)
            return encode_photo(flat, limit, straightened=straightened, problems=problems)
        except CameraError:
            raise
        except Exception as exc:
            raise CameraError(f"the picture could not be encoded ({type(exc).__name__})") from exc
        finally:
            if flat is not None and flat is not frame.pixels:
                flat.fill(0)  # the straightened or smaller copy is personal data too
    finally:
        frame.pixels.fill(0)


def _at_most(pixels: Pixels, long_side: int) -> Pixels:
    """``pixels`` scaled down so that its longer side is at most ``long_side`` (the same
    array when it is already small enough)."""
    import cv2

    h, w = pixels.shape[:2]
    factor = long_side / max(h, w)
    if factor >= 1:
        return pixels
    size = (max(1, round(w * factor)), max(1, round(h * factor)))
    return cast("Pixels", cv2.resize(pixels, size, interpolation=cv2.INTER_AREA))


#: A picture of a place: the mean of its strongest edges (top 1 % of the Laplacian at 640 px)
#: below this is blurred; its mean brightness below this is too dark.
MIN_EDGE_STRENGTH = 20.0
MIN_SCENE_BRIGHTNESS = 55.0


def judge_picture(pixels: Pixels) -> frozenset[Quality]:
    """What is wrong with a picture of a place (no page in it): blurred, or too dark. The
    strongest edges are measured, not all of them: a road or a wall is mostly flat."""
    import cv2
    import numpy as np

    h, w = pixels.shape[:2]
    scale = WORK_WIDTH / w if w > WORK_WIDTH else 1.0
    small = cv2.resize(pixels, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)
    grey = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
    problems = set()
    if float(grey.mean()) < MIN_SCENE_BRIGHTNESS:
        problems.add(Quality.DARK)
    else:
        edges = np.abs(cv2.Laplacian(grey, cv2.CV_32F)).ravel()
        strongest = np.partition(edges, len(edges) - len(edges) // 100)[-(len(edges) // 100) :]
        if float(strongest.mean()) < MIN_EDGE_STRENGTH:
            problems.add(Quality.BLURRED)
    return frozenset(problems)
