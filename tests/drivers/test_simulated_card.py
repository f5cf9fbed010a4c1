"""The simulated card reader: events on its own thread, like the real one."""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from drivers.card.base import DocumentData, DocumentType, ReaderStatus, ReadFailure
from drivers.card.emrtd import CanAccess, MrzAccess
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


class AccessListener(RecordingListener):
    """Also records the access request and the progress (listener methods added for chips)."""

    def access_needed(self, kind: str, accepts_can: bool) -> None:
        self._record("access_needed", (kind, accepts_can))

    def read_progress(self, fraction: float) -> None:
        self._record("read_progress", fraction)


@pytest.fixture
def chip_listener() -> AccessListener:
    return AccessListener()


@pytest.fixture
def chip_reader(chip_listener: AccessListener) -> Iterator[SimulatedCardReader]:
    reader = SimulatedCardReader(read_seconds=0.0)
    reader.start(chip_listener)
    yield reader
    reader.stop()


def test_start_reports_ready(chip_listener: AccessListener) -> None:
    reader = SimulatedCardReader(read_seconds=0.0)
    assert reader.status is ReaderStatus.NO_READER
    reader.start(chip_listener)
    assert chip_listener.values("status") == [ReaderStatus.READY]
    reader.stop()
    assert reader.status is ReaderStatus.NO_READER


def test_samples_are_listed() -> None:
    assert SimulatedCardReader(samples_dir=SAMPLES_DIR).samples() == ["anna", "broken", "erika"]


def test_reading_erika_with_the_can(
    chip_listener: AccessListener, chip_reader: SimulatedCardReader
) -> None:
    chip_reader.place_card("erika")
    chip_listener.wait("access_needed")
    assert chip_listener.values("access_needed") == [("german_id", True)]
    chip_reader.provide_access(CanAccess("123456"))
    chip_listener.wait("read")
    (data,) = chip_listener.values("read")
    assert isinstance(data, DocumentData)
    assert (data.given_names, data.family_name) == ("Erika", "Mustermann")
    assert data.date_of_birth == date(1983, 8, 12)
    assert data.address == {
        "street": "Heidestraße",
        "house_number": "17",
        "postcode": "51147",
        "city": "Köln",
    }
    assert data.photo_jpeg[:2] == b"\xff\xd8"  # the chip's JPEG, shown as it is
    assert (data.authenticity, data.access_protocol) == ("valid", "PACE")
    progress = chip_listener.values("read_progress")
    assert progress == sorted(progress) and progress[-1] == 1.0
    # After start() (which reports availability on the caller), events come from the worker.
    assert chip_listener.threads == {"MainThread", "card-reader-sim"}


def test_a_wrong_can_then_the_right_one(
    chip_listener: AccessListener, chip_reader: SimulatedCardReader
) -> None:
    chip_reader.place_card("erika")
    chip_listener.wait("access_needed")
    chip_reader.provide_access(CanAccess("111111"))
    chip_listener.wait("failed")
    assert chip_listener.values("failed") == [ReadFailure.ACCESS_DENIED]
    chip_reader.provide_access(CanAccess("123456"))
    chip_listener.wait("read")


def test_passport_needs_the_mrz(
    chip_listener: AccessListener, chip_reader: SimulatedCardReader
) -> None:
    chip_reader.place_card("anna")
    chip_listener.wait("access_needed")
    assert chip_listener.values("access_needed") == [("emrtd", False)]
    chip_reader.provide_access(CanAccess("123456"))
    chip_listener.wait("failed")
    assert chip_listener.values("failed") == [ReadFailure.NEEDS_MRZ]
    chip_reader.provide_access(MrzAccess("L898902C3", "740812", "340415"))
    chip_listener.wait("read")
    (data,) = chip_listener.values("read")
    assert isinstance(data, DocumentData)
    assert (data.document_type, data.given_names, data.access_protocol) == (
        DocumentType.PASSPORT,
        "Anna Maria",
        "BAC",
    )


def test_broken_card_is_unreadable(
    chip_listener: AccessListener, chip_reader: SimulatedCardReader
) -> None:
    chip_reader.place_card("broken")
    chip_listener.wait("failed")
    assert chip_listener.values("failed") == [ReadFailure.UNREADABLE]


def test_removal_while_waiting_for_the_can(
    chip_listener: AccessListener, chip_reader: SimulatedCardReader
) -> None:
    chip_reader.place_card("erika")
    chip_listener.wait("access_needed")
    chip_reader.remove_card()
    chip_listener.wait("removed")
    assert "read" not in chip_listener.names()


def test_expired_document(tmp_path: Path, chip_listener: AccessListener) -> None:
    erika = json.loads((SAMPLES_DIR / "erika.json").read_text(encoding="utf-8"))
    erika["chip"]["expiry"] = (date.today() - timedelta(days=1)).isoformat()
    reader = SimulatedCardReader(read_seconds=0.0, samples_dir=samples(tmp_path, old=erika))
    reader.start(chip_listener)
    try:
        reader.place_card("old")
        chip_listener.wait("access_needed")
        reader.provide_access(CanAccess("123456"))
        chip_listener.wait("failed")
        assert chip_listener.values("failed") == [ReadFailure.EXPIRED]
    finally:
        reader.stop()


def test_reader_unplugged_and_back(
    chip_listener: AccessListener, chip_reader: SimulatedCardReader
) -> None:
    chip_reader.slot.unplug()
    chip_listener.wait("status")
    deadline = time.monotonic() + WAIT_S
    while ReaderStatus.NO_READER not in chip_listener.values("status"):
        assert time.monotonic() < deadline
        time.sleep(0.01)
    chip_reader.slot.unplug(plugged=True)
    while chip_listener.values("status")[-1] is not ReaderStatus.READY:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    chip_reader.place_card("erika")
    chip_listener.wait("access_needed")


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


def test_access_data_given_but_not_used_is_forgotten() -> None:
    reader = SimulatedCardReader(read_seconds=0.0)  # not started: nothing takes it
    reader.provide_access(MrzAccess("L898902C3", "740812", "340415"))
    reader.forget_access()
    assert reader._access.empty()


def test_a_bug_while_reading_is_caught_shown_and_recovered(
    chip_listener: AccessListener, chip_reader: SimulatedCardReader, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug escaping the read (here a KeyError from the reading code) used to end the worker
    while the reader still said READY. Now: FAILED, then READY again and the card is asked for
    once more."""
    from drivers.card import emrtd

    real = emrtd.read_document
    faults = [KeyError("bug")]
    second_ask = threading.Event()

    def faulty(*args: object, **kwargs: object) -> emrtd.ChipReading:
        if faults:
            raise faults.pop()
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(emrtd, "read_document", faulty)
    original = chip_listener.access_needed

    def access_needed(kind: str, accepts_can: bool) -> None:
        original(kind, accepts_can)
        if len(chip_listener.values("access_needed")) == 2:
            second_ask.set()

    chip_listener.access_needed = access_needed  # type: ignore[method-assign]
    chip_reader.place_card("erika")
    chip_listener.wait("access_needed")
    chip_reader.provide_access(CanAccess("123456"))
    assert second_ask.wait(WAIT_S)
    assert chip_listener.values("status") == [
        ReaderStatus.READY,
        ReaderStatus.FAILED,
        ReaderStatus.READY,
    ]
    chip_reader.provide_access(CanAccess("123456"))
    chip_listener.wait("read")
    report = chip_reader.worker_report()
    assert report is not None and report.last_fault == "bug: KeyError"
