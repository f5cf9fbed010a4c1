"""The simulated card reader: events on its own thread, like the real one."""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from drivers.card.base import DocumentData, DocumentType, ReaderStatus, ReadFailure
from drivers.card.simulated import SAMPLES_DIR, SimulatedCardReader

WAIT_S = 10.0

ADDRESS = {"street": "Heidestraße", "house_number": "17", "postcode": "51147", "city": "Köln"}
ERIKA: dict[str, object] = {
    "document_type": "id_card",
    "document_number": "T22000129",
    "given_names": "Erika",
    "family_name": "Mustermann",
    "date_of_birth": "1983-08-12",
    "nationality": "D",
    "expiry": "2031-10-31",
    "address": ADDRESS,
}


class RecordingListener:
    """Records every event; tests wait for an event by name instead of sleeping."""

    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []
        self.threads: set[str] = set()
        self._lock = threading.Lock()
        self._seen: defaultdict[str, threading.Event] = defaultdict(threading.Event)

    def _record(self, name: str, value: object = None) -> None:
        with self._lock:
            self.events.append((name, value))
            self.threads.add(threading.current_thread().name)
            event = self._seen[name]
        event.set()

    def wait(self, name: str) -> None:
        with self._lock:
            event = self._seen[name]
        assert event.wait(WAIT_S), f"no {name!r} event; got {self.events}"

    def names(self) -> list[str]:
        with self._lock:
            return [name for name, _ in self.events]

    def values(self, name: str) -> list[object]:
        with self._lock:
            return [value for n, value in self.events if n == name]

    def card_inserted(self) -> None:
        self._record("inserted")

    def card_removed(self) -> None:
        self._record("removed")

    def document_read(self, data: DocumentData) -> None:
        self._record("read", data)

    def read_failed(self, failure: ReadFailure) -> None:
        self._record("failed", failure)

    def reader_status_changed(self, status: ReaderStatus) -> None:
        self._record("status", status)


@pytest.fixture
def listener() -> RecordingListener:
    return RecordingListener()


@pytest.fixture
def reader(listener: RecordingListener) -> Iterator[SimulatedCardReader]:
    reader = SimulatedCardReader(read_seconds=0.0)
    reader.start(listener)
    yield reader
    reader.stop()


def samples(tmp_path: Path, **cards: dict[str, object] | str) -> Path:
    for name, content in cards.items():
        text = content if isinstance(content, str) else json.dumps(content)
        (tmp_path / f"{name}.json").write_text(text, encoding="utf-8")
    return tmp_path


def test_start_reports_ready(listener: RecordingListener) -> None:
    reader = SimulatedCardReader(read_seconds=0.0)
    assert reader.status is ReaderStatus.NO_READER
    reader.start(listener)
    assert reader.status is ReaderStatus.READY
    assert listener.values("status") == [ReaderStatus.READY]
    reader.stop()
    assert reader.status is ReaderStatus.NO_READER


def test_samples_are_listed() -> None:
    assert SimulatedCardReader(samples_dir=SAMPLES_DIR).samples() == ["broken", "erika"]


def test_place_card_needs_a_started_reader() -> None:
    with pytest.raises(RuntimeError, match="start"):
        SimulatedCardReader().place_card("erika")


def test_reading_erika(listener: RecordingListener, reader: SimulatedCardReader) -> None:
    reader.place_card("erika")
    listener.wait("read")
    assert listener.names() == ["status", "inserted", "read"]
    [data] = listener.values("read")
    assert isinstance(data, DocumentData)
    assert data.document_type is DocumentType.ID_CARD
    assert (data.given_names, data.family_name) == ("Erika", "Mustermann")
    assert data.date_of_birth == date(1983, 8, 12)
    assert data.nationality == "D"
    assert data.address == ADDRESS
    assert data.photo_jpeg == bytearray()
    # Events come from the reader's own worker thread, not the caller's.
    assert "card-reader-sim" in listener.threads


def test_broken_card_is_unreadable(
    listener: RecordingListener, reader: SimulatedCardReader
) -> None:
    reader.place_card("broken")
    listener.wait("failed")
    assert listener.values("failed") == [ReadFailure.UNREADABLE]
    assert "read" not in listener.names()


def test_unknown_sample_is_unreadable(
    listener: RecordingListener, reader: SimulatedCardReader
) -> None:
    reader.place_card("no-such-card")
    listener.wait("failed")
    assert listener.values("failed") == [ReadFailure.UNREADABLE]


def test_removal_during_the_read(listener: RecordingListener) -> None:
    reader = SimulatedCardReader(read_seconds=60.0)
    reader.start(listener)
    try:
        reader.place_card("erika")
        listener.wait("inserted")
        reader.place_card("broken")  # one card at a time: ignored while reading
        reader.remove_card()
        listener.wait("removed")
        assert listener.names() == ["status", "inserted", "failed", "removed"]
        assert listener.values("failed") == [ReadFailure.REMOVED_TOO_EARLY]
    finally:
        reader.stop()


@pytest.mark.parametrize(
    ("card", "expected"),
    [
        ({**ERIKA, "expiry": (date.today() - timedelta(days=1)).isoformat()}, ReadFailure.EXPIRED),
        ({"document_type": "id_card"}, ReadFailure.UNSUPPORTED),
        ({**ERIKA, "document_type": "library_card"}, ReadFailure.UNSUPPORTED),
        ({**ERIKA, "date_of_birth": "12.08.1983"}, ReadFailure.UNSUPPORTED),
        ({"failure": "access_denied"}, ReadFailure.ACCESS_DENIED),
        ("{not json", ReadFailure.UNREADABLE),
    ],
    ids=["expired", "incomplete", "not-an-id", "bad-date", "access-denied", "garbage"],
)
def test_failures_from_sample_files(
    tmp_path: Path,
    listener: RecordingListener,
    card: dict[str, object] | str,
    expected: ReadFailure,
) -> None:
    reader = SimulatedCardReader(read_seconds=0.0, samples_dir=samples(tmp_path, card=card))
    reader.start(listener)
    try:
        reader.place_card("card")
        listener.wait("failed")
        assert listener.values("failed") == [expected]
        assert "read" not in listener.names()
    finally:
        reader.stop()


def test_passport_with_a_photo(tmp_path: Path, listener: RecordingListener) -> None:
    card = {**ERIKA, "document_type": "passport", "photo_jpeg_b64": "/9j/4AAQ"}
    reader = SimulatedCardReader(read_seconds=0.0, samples_dir=samples(tmp_path, card=card))
    reader.start(listener)
    try:
        reader.place_card("card")
        listener.wait("read")
        [data] = listener.values("read")
        assert isinstance(data, DocumentData)
        assert data.document_type is DocumentType.PASSPORT
        assert bytes(data.photo_jpeg[:3]) == b"\xff\xd8\xff"
    finally:
        reader.stop()


def test_each_placement_reads_the_sample_file_again(tmp_path: Path) -> None:
    folder = samples(tmp_path, card=ERIKA)
    reader = SimulatedCardReader(read_seconds=0.0, samples_dir=folder)
    names: list[str] = []
    for given_names in ("Erika", "Gabriele"):
        samples(folder, card={**ERIKA, "given_names": given_names})
        listener = RecordingListener()
        reader.start(listener)
        reader.place_card("card")
        listener.wait("read")
        reader.stop()
        [data] = listener.values("read")
        assert isinstance(data, DocumentData)
        names.append(data.given_names)
    assert names == ["Erika", "Gabriele"]


def document() -> DocumentData:
    return DocumentData(
        DocumentType.ID_CARD,
        "T22000129",
        "Erika",
        "Mustermann",
        date(1983, 8, 12),
        "D",
        date(2031, 10, 31),
        address=dict(ADDRESS),
        photo_jpeg=bytearray(b"\xff\xd8\xff chip photo \xff\xd9"),
    )


def test_wipe_blanks_names_address_and_photo() -> None:
    data = document()
    photo = data.photo_jpeg
    data.wipe()
    assert (data.document_number, data.given_names, data.family_name, data.nationality) == (
        "",
        "",
        "",
        "",
    )
    assert data.address == {}
    assert photo == bytearray()
    assert data.photo_jpeg is photo


def test_wipe_blanks_the_date_of_birth() -> None:
    # DocumentData.wipe() promises to "blank every personal value", but the date of birth
    # (and expiry) stay: whoever still holds the object can read Erika's birthday.
    data = document()
    data.wipe()
    assert data.date_of_birth != date(1983, 8, 12)
