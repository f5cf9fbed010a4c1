"""The camera interface: UVC cameras through OpenCV (real), the simulator, test fakes.

Capturing blocks (``VideoCapture.read``), so callers run :meth:`Camera.capture` on a worker
thread. A photo is JPEG bytes in a mutable buffer that :meth:`Photo.wipe` zeroes.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drivers.camera.frames import LatestFrame


class CameraStatus(StrEnum):
    READY = "ready"
    NOT_FOUND = "not_found"


class CameraError(Exception):
    """The camera could not deliver a picture (gone, busy, broken)."""


@dataclass
class Photo:
    jpeg: bytearray
    width: int
    height: int
    #: A document page found in the picture and straightened to a flat page.
    straightened: bool = False
    #: What may be wrong with it (``drivers.camera.document.Quality`` values): the citizen is
    #: offered to take it again.
    problems: frozenset[str] = frozenset()

    def wipe(self) -> None:
        self.jpeg[:] = bytes(len(self.jpeg))
        self.jpeg.clear()


class Camera(ABC):
    @property
    @abstractmethod
    def status(self) -> CameraStatus: ...

    @abstractmethod
    def capture(self) -> Photo:
        """Take one still picture; blocking. Raises :class:`CameraError`."""

    def describe(self) -> str:
        """The camera's state in a word, for the health report and error messages."""
        return self.status.value

    @property
    def live(self) -> LatestFrame | None:
        """The camera's live frames (:mod:`drivers.camera.live`); None for a camera that only
        takes stills (a test's fake): no preview then."""
        return None

    def start(self) -> None:  # noqa: B027 - optional: most cameras need no start
        """Start capturing (a real camera's capture thread); the terminal calls it once."""

    def close(self) -> None:  # noqa: B027 - optional: most cameras hold nothing
        """Stop capturing and wipe what is held (the terminal shuts down)."""
