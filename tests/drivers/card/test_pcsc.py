"""The chip reader over the real PC/SC stack: pcscd, vsmartcard's vpcd reader, and our virtual
chip as the card in a process of its own (scripts/test installs and starts pcscd and vpcd).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509

from common.supervised import Backoff, WorkerState
from drivers.card import emrtd
from drivers.card.base import ChipCheck, DocumentData, ReaderStatus, ReadFailure
from drivers.card.chip_reader import ChipCardReader
from drivers.card.icao.apdu import Transmit
from drivers.card.icao.passive import TrustStore, Verdict
from drivers.card.pcsc import PcscSlot
from drivers.card.simulated import SAMPLES_DIR
from drivers.card.slot import SlotState
from drivers.card.virtual.behaviour import ChipBehaviour, PastEnd
from drivers.card.virtual.chip import ATR_GERMAN_ID
from tests.support import pcsc_stack
from tests.support.pcsc_stack import READER, VirtualCard

WAIT_S = 20.0


@pytest.fixture(scope="module", autouse=True)
def pcscd() -> None:
    pcsc_stack.start_pcscd()


class Events:
    """Records the reader's events (on its worker thread); tests wait for them by name."""

    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []
        self._changed = threading.Condition()

    def _record(self, name: str, value: object = None) -> None:
        with self._changed:
            self.events.append((name, value))
            self._changed.notify_all()

    def wait(self, name: str, count: int = 1) -> list[object]:
        with self._changed:
            ok = self._changed.wait_for(lambda: len(self.of(name)) >= count, WAIT_S)
        assert ok, f"no {name!r} event; got {self.events}"
        return self.of(name)

    def of(self, name: str) -> list[object]:
        return [v for n, v in self.events if n == name]

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

    def access_needed(self, kind: str, accepts_can: bool) -> None:
        self._record("access", (kind, accepts_can))

    def read_progress(self, fraction: float) -> None:
        self._record("progress", fraction)


@pytest.fixture
def trust() -> TrustStore:
    return TrustStore()


@pytest.fixture
def events(trust: TrustStore) -> Iterator[tuple[ChipCardReader, Events]]:
    reader = ChipCardReader(PcscSlot(READER), trust, name="card-reader-pcsc")
    recorder = Events()
    reader.start(recorder)
    yield reader, recorder
    reader.stop()


def trust_card(trust: TrustStore, card: VirtualCard) -> None:
    trust.add(x509.load_pem_x509_certificate(card.csca.read_bytes()))


def test_direct_read_over_pcscd(tmp_path: Path) -> None:
    slot = PcscSlot(READER)
    with VirtualCard(tmp_path) as card:
        assert slot.wait(1.0) is SlotState.CARD
        transmit = slot.connect()
        assert slot.atr() == ATR_GERMAN_ID  # as the card process sent it to vpcd
        probe = emrtd.probe(transmit, slot.atr())
        assert probe.kind is emrtd.CardKind.GERMAN_ID and probe.accepts_can
        reading = emrtd.read_document(transmit, probe, emrtd.CanAccess("123456"), card.trust())
        assert (reading.protocol, reading.mrz.family_name) == ("PACE", "MUSTERMANN")
        assert reading.authentication.verdict is Verdict.VALID
        slot.disconnect()
    assert slot.wait(1.0) is SlotState.EMPTY
    slot.close()


def test_the_reader_reads_a_card_placed_on_it(
    tmp_path: Path, trust: TrustStore, events: tuple[ChipCardReader, Events]
) -> None:
    reader, recorder = events
    assert reader.status is ReaderStatus.READY
    with VirtualCard(tmp_path) as card:
        trust_card(trust, card)
        assert recorder.wait("access") == [("german_id", True)]
        reader.provide_access(emrtd.CanAccess("654321"))  # wrong: nothing locks
        assert recorder.wait("failed") == [ReadFailure.ACCESS_DENIED]
        reader.provide_access(emrtd.CanAccess("123456"))
        (data,) = recorder.wait("read")
        assert isinstance(data, DocumentData)
        assert (data.family_name, data.authenticity, data.access_protocol) == (
            "Mustermann",
            "valid",
            "PACE",
        )
        assert data.photo_jpeg.startswith(b"\xff\xd8")
    recorder.wait("removed")


def test_a_passport_with_bac(
    tmp_path: Path, trust: TrustStore, events: tuple[ChipCardReader, Events]
) -> None:
    reader, recorder = events
    with VirtualCard(tmp_path, SAMPLES_DIR / "anna.json") as card:
        trust_card(trust, card)
        assert recorder.wait("access") == [("emrtd", False)]
        reader.provide_access(emrtd.MrzAccess("L898902C3", "740812", "340415"))
        (data,) = recorder.wait("read")
        assert isinstance(data, DocumentData) and data.access_protocol == "BAC"
        assert data.active_authentication is ChipCheck.VERIFIED  # ECDSA
        assert data.chip_authentication is ChipCheck.VERIFIED  # ECDH, then 3DES


def test_card_taken_away_mid_read(tmp_path: Path, events: tuple[ChipCardReader, Events]) -> None:
    reader, recorder = events
    card = VirtualCard(tmp_path, apdu_delay_s=0.05).put_down()
    try:
        recorder.wait("access")
        reader.provide_access(emrtd.CanAccess("123456"))
        recorder.wait("progress")  # PACE done, files being read
    finally:
        card.take_away()
    assert recorder.wait("failed") == [ReadFailure.REMOVED_TOO_EARLY]
    recorder.wait("removed")
    assert recorder.of("read") == []
    # The next card works.
    with VirtualCard(tmp_path):
        recorder.wait("access", count=2)


def test_a_card_that_does_not_answer(tmp_path: Path, events: tuple[ChipCardReader, Events]) -> None:
    _, recorder = events
    with VirtualCard(tmp_path, mute=True):
        assert recorder.wait("failed") == [ReadFailure.UNREADABLE]
    recorder.wait("removed")


def test_sample_not_a_document(tmp_path: Path, events: tuple[ChipCardReader, Events]) -> None:
    """A chip card without the ICAO application (a bank card, a loyalty card)."""
    sample = json.loads((SAMPLES_DIR / "erika.json").read_text(encoding="utf-8"))
    sample["chip"]["not_a_document"] = True
    path = tmp_path / "bank.json"
    path.write_text(json.dumps(sample), encoding="utf-8")
    _, recorder = events
    with VirtualCard(tmp_path, path):
        assert recorder.wait("failed") == [ReadFailure.UNSUPPORTED]


def test_pcscd_gone_and_back(tmp_path: Path, events: tuple[ChipCardReader, Events]) -> None:
    """The reader unplugged (here: pcscd stopped, the reader list empties) and back."""
    reader, recorder = events
    assert recorder.of("status") == [ReaderStatus.READY]
    pcsc_stack.stop_pcscd()
    try:
        recorder.wait("status", count=2)
        assert recorder.of("status")[-1] is ReaderStatus.NO_READER
        assert reader.status is ReaderStatus.NO_READER
    finally:
        pcsc_stack.start_pcscd()
    recorder.wait("status", count=3)
    assert recorder.of("status")[-1] is ReaderStatus.READY
    with VirtualCard(tmp_path):
        recorder.wait("access")


def test_a_chip_with_6282_without_sfi_refusing_with_6988(
    tmp_path: Path, trust: TrustStore, events: tuple[ChipCardReader, Events]
) -> None:
    """A chip unlike our own, through the real stack: EOF answered with 6282, no short file
    identifiers, answers fetched with GET RESPONSE (T=0), a wrong CAN refused with 6988 — the
    citizen is asked to check the CAN (not to place the card again), and the right one reads
    the whole document."""
    reader, recorder = events
    behaviour = ChipBehaviour(past_end=PastEnd.WARNING, sfi=False, access_denied_sw=0x6988, t0=True)
    with VirtualCard(tmp_path, behaviour=behaviour) as card:
        trust_card(trust, card)
        assert recorder.wait("access") == [("german_id", True)]
        reader.provide_access(emrtd.CanAccess("654321"))
        assert recorder.wait("failed") == [ReadFailure.ACCESS_DENIED]
        reader.provide_access(emrtd.CanAccess("123456"))
        (data,) = recorder.wait("read")
        assert isinstance(data, DocumentData)
        assert (data.family_name, data.authenticity) == ("Mustermann", "valid")


def test_a_passport_with_6cxx_short_answers_and_a_small_buffer(
    tmp_path: Path, trust: TrustStore, events: tuple[ChipCardReader, Events]
) -> None:
    reader, recorder = events
    behaviour = ChipBehaviour(
        past_end=PastEnd.EXACT_LENGTH,
        max_answer=0x61,
        max_le=0x90,
        access_denied_sw=0x6982,
        explicit_curve_parameters=True,
    )
    with VirtualCard(tmp_path, SAMPLES_DIR / "anna.json", behaviour=behaviour) as card:
        trust_card(trust, card)
        assert recorder.wait("access") == [("emrtd", False)]
        reader.provide_access(emrtd.MrzAccess("L898902C3", "740813", "340415"))
        assert recorder.wait("failed") == [ReadFailure.ACCESS_DENIED]
        reader.provide_access(emrtd.MrzAccess("L898902C3", "740812", "340415"))
        (data,) = recorder.wait("read")
        assert isinstance(data, DocumentData) and data.authenticity == "valid"
        assert data.chip_authentication is ChipCheck.VERIFIED  # explicit parameters


class FaultySlot:
    """The real PC/SC slot with one fault injected where a driver's surprise would surface:
    the first connect raises an exception nobody expects (a bug, not a card problem)."""

    def __init__(self, slot: PcscSlot) -> None:
        self.slot = slot
        self.faults = 1

    def wait(self, timeout: float) -> SlotState:
        return self.slot.wait(timeout)

    def connect(self) -> Transmit:
        if self.faults:
            self.faults -= 1
            raise RuntimeError("injected fault with Mustermann in its text")
        return self.slot.connect()

    def atr(self) -> bytes:
        return self.slot.atr()

    def disconnect(self) -> None:
        self.slot.disconnect()

    def close(self) -> None:
        self.slot.close()


def test_a_fault_in_the_reader_thread_is_shown_and_recovered(
    tmp_path: Path, trust: TrustStore, caplog: pytest.LogCaptureFixture
) -> None:
    """The worker used to die here while the reader still said READY: now the fault is caught,
    logged once (by type, no personal text), the reader shows FAILED, and after a pause it
    finds the card again and reads it."""
    reader = ChipCardReader(
        FaultySlot(PcscSlot(READER)), trust, "card-reader-faulty", backoff=Backoff(0.05, 0.05)
    )
    recorder = Events()
    reader.start(recorder)
    try:
        with caplog.at_level(logging.DEBUG, "drivers"), VirtualCard(tmp_path) as card:
            trust_card(trust, card)
            assert recorder.wait("access") == [("german_id", True)]
            assert recorder.of("status") == [
                ReaderStatus.READY,
                ReaderStatus.FAILED,
                ReaderStatus.READY,
            ]
            assert len(recorder.of("inserted")) == 2
            reader.provide_access(emrtd.CanAccess("123456"))
            (data,) = recorder.wait("read")
            assert isinstance(data, DocumentData) and data.authenticity == "valid"
            report = reader.worker_report()
            assert report is not None
            assert (report.state, report.total_failures, report.last_fault) == (
                WorkerState.RUNNING,
                1,
                "bug: RuntimeError",
            )
    finally:
        reader.stop()
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "RuntimeError" in errors[0].getMessage()
    assert "Mustermann" not in errors[0].getMessage()


@pytest.mark.parametrize(("scheme", "clone"), [("rsa", False), ("rsa", True), ("rsa-2048", False)])
def test_active_authentication_with_rsa_through_pcscd(
    tmp_path: Path,
    trust: TrustStore,
    events: tuple[ChipCardReader, Events],
    scheme: str,
    clone: bool,
) -> None:
    """RSA (ISO/IEC 9796-2) Active Authentication over the real stack (RSA-2048 with an
    extended-length answer); a cloned chip — genuine files, another key — is refused with its
    own failure, not shown as a document."""
    sample = json.loads((SAMPLES_DIR / "anna.json").read_text(encoding="utf-8"))
    sample["chip"]["active_authentication"] = scheme
    path = tmp_path / "rsa.json"
    path.write_text(json.dumps(sample), encoding="utf-8")
    reader, recorder = events
    with VirtualCard(tmp_path, path, behaviour=ChipBehaviour(clone=clone)) as card:
        trust_card(trust, card)
        recorder.wait("access")
        reader.provide_access(emrtd.MrzAccess("L898902C3", "740812", "340415"))
        if clone:
            assert recorder.wait("failed") == [ReadFailure.NOT_GENUINE]
            assert recorder.of("read") == []
        else:
            (data,) = recorder.wait("read")
            assert isinstance(data, DocumentData) and data.authenticity == "valid"
            assert data.active_authentication is ChipCheck.VERIFIED
