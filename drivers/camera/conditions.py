"""What a real camera does to a picture, applied to the simulator's frames: out of focus, dim
light with its noise, a page turned further, a thumb over a corner. The analysers' tests and
``bench/camera_analysis.py`` measure how well codes and pages are still read under them.
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from drivers.camera.frames import Pixels

__all__ = ["Condition", "apply"]


class Condition(StrEnum):
    CLEAR = "clear"
    BLURRED = "blurred"  # a little out of focus (a Gaussian blur, σ = 0.2 % of the width)
    DIM = "dim"  # a quarter of the light, with sensor noise
    ROTATED = "rotated"  # turned by a further 35°
    COVERED = "covered"  # a thumb over one corner of the code's quiet zone
    SMALL = "small"  # held far away: half the size


def apply(pixels: Pixels, condition: Condition, seed: int = 0) -> Pixels:
    """``pixels`` as the camera would deliver them under ``condition`` (a new array)."""
    import cv2
    import numpy as np

    h, w = pixels.shape[:2]
    if condition is Condition.BLURRED:
        return cast("Pixels", cv2.GaussianBlur(pixels, (0, 0), sigmaX=w * 0.002))
    if condition is Condition.DIM:
        noise = np.random.default_rng(seed).normal(0.0, 6.0, pixels.shape)
        return np.clip(pixels.astype(np.float32) * 0.25 + noise, 0, 255).astype(np.uint8)
    if condition is Condition.ROTATED:
        matrix = cv2.getRotationMatrix2D((w / 2, h / 2), 35.0, 1.0)
        return cast("Pixels", cv2.warpAffine(pixels, matrix, (w, h), borderValue=(70, 92, 118)))
    if condition is Condition.COVERED:
        out = pixels.copy()
        centre = (int(w * 0.56), int(h * 0.82))
        axes = (int(w * 0.05), int(h * 0.09))
        cv2.ellipse(out, centre, axes, 30, 0, 360, (120, 150, 200), -1)  # a thumb
        return out
    if condition is Condition.SMALL:
        small = cv2.resize(pixels, (w // 2, h // 2), interpolation=cv2.INTER_AREA)
        out = np.empty_like(pixels)
        out[:] = (70, 92, 118)
        y, x = h // 4, w // 4 + int(w * 0.1 * math.sin(seed))
        out[y : y + h // 2, x : x + w // 2] = small
        return out
    return pixels.copy()
