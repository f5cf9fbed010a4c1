"""Small scripted devices and outboxes: each does exactly what the test tells it to."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from drivers.camera.base import Camera, CameraError, CameraStatus, Photo
from drivers.printer.base import PrinterStatus, PrintOutcome, PrintResult, ReceiptPrinter
from drivers.printer.document import Document
from offline_queue.outbox import Fault, Outbox, OutboxError
from offline_queue.parcel import Parcel

#: Enough of a JPEG for the session: start and end markers around some bytes.
FAKE_JPEG = b"\xff\xd8\xff\xe0" + bytes(range(256)) + b"\xff\xd9"


class ScriptedCamera(Camera):
    """Returns photos, or raises :class:`CameraError`, in the order given; then photos."""

    def __init__(self, *script: bytes | CameraError) -> None:
        self._script: deque[bytes | CameraError] = deque(script)
        self.captures = 0

    @property
    def status(self) -> CameraStatus:
        return CameraStatus.READY

    def capture(self) -> Photo:
        self.captures += 1
        step = self._script.popleft() if self._script else FAKE_JPEG
        if isinstance(step, CameraError):
            raise step
        return Photo(bytearray(step), 4, 3)


class ScriptedPrinter(ReceiptPrinter):
    """Answers each print with the next outcome (``None``: raise an unexpected error)."""

    def __init__(self, *outcomes: PrintOutcome | None) -> None:
        self._outcomes: deque[PrintOutcome | None] = deque(outcomes)
        self.receipts: list[Document] = []
        #: What the next status questions answer (the last one stays).
        self.statuses: deque[PrinterStatus] = deque([PrinterStatus.READY])

    def query_status(self) -> PrinterStatus:
        if len(self.statuses) > 1:
            return self.statuses.popleft()
        return self.statuses[0]

    def print_document(self, receipt: Document) -> PrintResult:
        self.receipts.append(receipt)
        outcome = self._outcomes.popleft() if self._outcomes else PrintOutcome.PRINTED
        if outcome is None:
            raise RuntimeError("printer driver bug")
        preview = bytearray(b"\x89PNG\r\n\x1a\n" + b"\x01" * 32)
        status = PrinterStatus.READY if outcome is PrintOutcome.PRINTED else PrinterStatus.ERROR
        return PrintResult(
            outcome, preview if outcome is PrintOutcome.PRINTED else bytearray(), status=status
        )


@dataclass
class OutboxControl:
    """What the scripted outbox does on ``enqueue``: fail with ``failure`` while it is set."""

    failure: BaseException | None
    attempts: int = 0


def scripted_outbox(control: OutboxControl) -> type[Outbox]:
    """A real outbox class whose ``enqueue`` fails as ``control`` says (disk full, a bug, ...)."""

    class ScriptedOutbox(Outbox):
        def enqueue(self, parcel: Parcel) -> bool:
            control.attempts += 1
            if control.failure is not None:
                raise control.failure
            return super().enqueue(parcel)

    return ScriptedOutbox


def disk_full() -> OutboxError:
    return OutboxError(Fault.ENVIRONMENT, "outbox write failed: SQLITE_FULL")


class HeldCamera(ScriptedCamera):
    """A camera that hangs in ``capture`` until the test lets it go (a stuck USB camera)."""

    def __init__(self) -> None:
        super().__init__()
        import threading

        self.release = threading.Event()
        self.busy = threading.Event()
        self.given: list[Photo] = []

    def capture(self) -> Photo:
        self.busy.set()
        self.release.wait(timeout=30)
        photo = super().capture()
        self.given.append(photo)
        return photo
