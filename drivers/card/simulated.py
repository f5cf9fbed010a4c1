"""A simulated card reader that ships with the product, for the demo and for tests.

The "cards" are JSON files in ``drivers/card/samples``; placing one starts a read on a worker
thread, just like the real reader, so the rest of the terminal cannot tell the difference. The
sample is read from its file on every placement and not kept: after a session nothing of it
remains in the reader.
"""

from __future__ import annotations

import base64
import json
import logging
import threading
from datetime import date
from pathlib import Path

from drivers.card.base import (
    CardReader,
    CardReaderListener,
    DocumentData,
    DocumentType,
    ReaderStatus,
    ReadFailure,
)

log = logging.getLogger(__name__)

SAMPLES_DIR = Path(__file__).with_name("samples")


class SimulatedCardReader(CardReader):
    def __init__(self, read_seconds: float = 0.8, samples_dir: Path = SAMPLES_DIR) -> None:
        self._read_seconds = read_seconds
        self._samples_dir = samples_dir
        self._listener: CardReaderListener | None = None
        self._worker: threading.Thread | None = None
        self._removed = threading.Event()
        self._status = ReaderStatus.NO_READER

    @property
    def status(self) -> ReaderStatus:
        return self._status

    def samples(self) -> list[str]:
        return sorted(p.stem for p in self._samples_dir.glob("*.json"))

    def start(self, listener: CardReaderListener) -> None:
        self._listener = listener
        self._status = ReaderStatus.READY
        listener.reader_status_changed(self._status)

    def stop(self) -> None:
        self.remove_card()
        if self._worker is not None:
            self._worker.join(timeout=5)
        self._listener = None
        self._status = ReaderStatus.NO_READER

    def place_card(self, sample: str) -> None:
        """Put the sample document ``sample`` on the reader; the read runs on a worker thread."""
        if self._listener is None:
            raise RuntimeError("place_card() needs a started reader (call start() first)")
        if self._worker is not None and self._worker.is_alive():
            return  # one card at a time, as on the real reader
        self._removed.clear()
        self._worker = threading.Thread(
            target=self._read, args=(sample, self._listener), name="card-reader-sim", daemon=True
        )
        self._worker.start()

    def remove_card(self) -> None:
        self._removed.set()

    def _read(self, sample: str, listener: CardReaderListener) -> None:
        listener.card_inserted()
        # Waiting on the event doubles as the read time and lets remove_card() interrupt it.
        if self._removed.wait(self._read_seconds):
            listener.read_failed(ReadFailure.REMOVED_TOO_EARLY)
            listener.card_removed()
            return
        outcome = self._load(sample)
        if isinstance(outcome, ReadFailure):
            log.info("simulated card read failed: %s", outcome.value)
            listener.read_failed(outcome)
        else:
            listener.document_read(outcome)

    def _load(self, sample: str) -> DocumentData | ReadFailure:
        path = self._samples_dir / f"{sample}.json"
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return ReadFailure.UNREADABLE
        if "failure" in raw:
            return ReadFailure(raw["failure"])
        try:
            data = DocumentData(
                document_type=DocumentType(raw["document_type"]),
                document_number=raw["document_number"],
                given_names=raw["given_names"],
                family_name=raw["family_name"],
                date_of_birth=date.fromisoformat(raw["date_of_birth"]),
                nationality=raw["nationality"],
                expiry=date.fromisoformat(raw["expiry"]),
                address=dict(raw.get("address", {})),
                photo_jpeg=bytearray(base64.b64decode(raw.get("photo_jpeg_b64", ""))),
            )
        except (KeyError, ValueError):
            return ReadFailure.UNSUPPORTED
        if data.expiry < date.today():
            data.wipe()
            return ReadFailure.EXPIRED
        return data
