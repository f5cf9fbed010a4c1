"""``[camera]``: the real camera's source and what it is asked for."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

from drivers.camera.settings import CaptureSettings, SourceKind
from kiosk.config.reader import Reader, resolve


def read_camera(r: Reader, real: bool, base: Path) -> CaptureSettings:
    """``[camera]``; a file source is taken relative to the configuration's folder."""
    d = CaptureSettings("")
    t = "camera"
    settings = CaptureSettings(
        source=r.get(t, "source", str, ""),
        width=r.get(t, "width", int, d.width),
        height=r.get(t, "height", int, d.height),
        fps=r.get(t, "fps", float, d.fps),
        fourcc=r.get(t, "fourcc", str, d.fourcc),
        stall_s=r.get(t, "stall_s", float, d.stall_s),
        idle_release_s=r.get(t, "idle_release_s", float, d.idle_release_s),
    )
    if real and not settings.source:
        r.problems.append(
            '[camera] source: needed for camera = "real": a device ("0", "/dev/video0"), a '
            'network camera ("http://…", "rtsp://…") or a video file'
        )
    if settings.source and settings.kind is SourceKind.FILE:
        found = resolve(base, settings.source)
        if real and not found.is_file():
            r.problems.append(f'[camera] source = "{settings.source}": no such device or file')
        settings = dataclasses.replace(settings, source=str(found))
    if not (160 <= settings.width <= 4096 and 120 <= settings.height <= 4096):
        r.problems.append("[camera] width and height: from 160×120 to 4096×4096 pixels")
    if not (math.isfinite(settings.fps) and 1 <= settings.fps <= 120):
        r.problems.append("[camera] fps: from 1 to 120 frames per second")
    if settings.fourcc and (len(settings.fourcc) != 4 or not settings.fourcc.isascii()):
        r.problems.append(
            '[camera] fourcc: four letters, such as "MJPG" or "YUYV" ("": the camera\'s own)'
        )
    if not (math.isfinite(settings.stall_s) and 0.5 <= settings.stall_s <= 60):
        r.problems.append("[camera] stall_s: from 0.5 to 60 seconds")
    if not (math.isfinite(settings.idle_release_s) and 0 <= settings.idle_release_s <= 3600):
        r.problems.append("[camera] idle_release_s: from 0 to 3600 seconds")
    return settings
