"""What the real camera is asked for (``[camera]`` in the terminal's configuration): kept
apart from the capture thread so that the configuration imports neither it nor OpenCV."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["CaptureSettings", "SourceKind"]


class SourceKind(StrEnum):
    DEVICE = "device"
    STREAM = "stream"
    FILE = "file"


@dataclass(frozen=True)
class CaptureSettings:
    #: "0", "/dev/video0", "http://…/video.mjpg", "rtsp://…", or a video file's path.
    source: str
    width: int = 1280
    height: int = 720
    fps: float = 30.0
    #: The pixel format asked of a device ("MJPG", "YUYV"); "" leaves the camera's own.
    fourcc: str = "MJPG"
    #: No frame for this long: the camera is stalled, released and opened again.
    stall_s: float = 3.0
    #: A file plays again from its start at its end (the demo's scenes).
    loop: bool = False
    #: The camera is released once no frame has been wanted for this long.
    idle_release_s: float = 10.0

    @property
    def kind(self) -> SourceKind:
        if self.source.isdigit() or self.source.startswith("/dev/"):
            return SourceKind.DEVICE
        if self.source.split("://", 1)[0].lower() in ("http", "https", "rtsp", "rtsps"):
            return SourceKind.STREAM
        return SourceKind.FILE
