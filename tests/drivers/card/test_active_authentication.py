"""Active Authentication end to end in process: the virtual chip offers it (DG15 under its SOD),
the terminal challenges it; a cloned chip is refused with its own failure."""

from __future__ import annotations

import threading

import pytest

from drivers.card import emrtd
from drivers.card.base import ChipCheck, DocumentData, ReaderStatus, ReadFailure
from drivers.card.chip_reader import ChipCardReader
from drivers.card.icao.passive import Verdict
from drivers.card.simulated import InProcessSlot
from drivers.card.virtual.active import AaKey, AaScheme
from drivers.card.virtual.behaviour import ChipBehaviour
from drivers.card.virtual.chip import VirtualChip
from drivers.card.virtual.document import chip_profile
from tests.drivers.card.test_emrtd_in_process import MRZ, PKI, TRUST, specimen


def chip(scheme: str, behaviour: ChipBehaviour | None = None, pace: bool = False) -> VirtualChip:
    profile = chip_profile(specimen(active_authentication=scheme, pace=pace), PKI)
    if behaviour is not None:
        profile.behaviour = behaviour
    return VirtualChip(profile)


def read(c: VirtualChip, access: emrtd.AccessData = MRZ) -> emrtd.ChipReading:
    c.reset()
    return emrtd.read_document(c.transmit, emrtd.probe(c.transmit), access, TRUST)


@pytest.mark.parametrize("scheme", ["ecdsa", "rsa"])
@pytest.mark.parametrize("pace", [False, True], ids=["BAC", "PACE"])
def test_a_chip_offering_active_authentication_is_verified(scheme: str, pace: bool) -> None:
    reading = read(chip(scheme, pace=pace), emrtd.CanAccess("123456") if pace else MRZ)
    assert reading.active_authentication is ChipCheck.VERIFIED
    # DG15 (and DG14) are covered by the SOD: passive authentication checks them too.
    assert reading.authentication.verdict is Verdict.VALID


def test_rsa_2048_is_asked_for_with_extended_length() -> None:
    """Its signature (256 bytes) does not fit a short answer under secure messaging: a short Le
    got 6700, and a genuine passport would have been refused as a clone."""
    c = chip("rsa")
    key = AaKey.generate(AaScheme.RSA, rsa_bits=2048)
    groups = {n: c.profile.files[0x0100 + n] for n in (1, 2, 11, 12)}
    groups[15] = c.profile.files[0x010F] = key.dg15()
    c.profile.files[0x011D] = PKI.sign_sod(groups)
    c.profile.active_authentication = key
    reading = read(c)
    assert reading.authentication.verdict is Verdict.VALID
    assert reading.active_authentication is ChipCheck.VERIFIED


def test_a_chip_without_extended_length_still_authenticates() -> None:
    c = chip("rsa", ChipBehaviour(extended_length=False))
    assert read(c).active_authentication is ChipCheck.VERIFIED


def test_a_chip_without_dg15_does_not_offer_it() -> None:
    assert read(chip("")).active_authentication is ChipCheck.NOT_OFFERED


@pytest.mark.parametrize("scheme", ["ecdsa", "rsa"])
def test_a_cloned_chip_fails(scheme: str) -> None:
    """The files copied to another chip: DG15 and the SOD are genuine, the private key is not."""
    reading = read(chip(scheme, ChipBehaviour(clone=True)))
    assert reading.authentication.verdict is Verdict.VALID  # passive authentication is fooled
    assert reading.active_authentication is ChipCheck.FAILED


def test_a_forged_dg15_breaks_passive_authentication() -> None:
    """A forger who puts their own key into DG15 passes AA but not the SOD's hash of DG15."""
    c = chip("ecdsa")
    forger = AaKey.generate(AaScheme.ECDSA)
    c.profile.files[0x010F] = forger.dg15()
    c.profile.active_authentication = forger
    reading = read(c)
    assert reading.active_authentication is ChipCheck.VERIFIED
    assert reading.authentication.verdict is Verdict.INVALID
    assert "DG15" in reading.authentication.reason


def test_a_chip_with_dg15_that_refuses_internal_authenticate_fails() -> None:
    c = chip("ecdsa")
    c.profile.active_authentication = None  # answers 6D00 "instruction not supported"
    assert read(c).active_authentication is ChipCheck.FAILED


class Events:
    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []
        self._changed = threading.Condition()

    def _record(self, name: str, value: object = None) -> None:
        with self._changed:
            self.events.append((name, value))
            self._changed.notify_all()

    def wait(self, name: str) -> list[object]:
        with self._changed:
            assert self._changed.wait_for(lambda: self.of(name), 10.0), self.events
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


@pytest.mark.parametrize("clone", [False, True])
def test_the_reader_refuses_a_cloned_chip_and_reports_a_verified_one(clone: bool) -> None:
    slot = InProcessSlot()
    reader = ChipCardReader(slot, TRUST, "card-reader-aa")
    recorder = Events()
    reader.start(recorder)
    try:
        slot.insert(chip("ecdsa", ChipBehaviour(clone=clone)))
        recorder.wait("access")
        reader.provide_access(MRZ)
        if clone:
            assert recorder.wait("failed") == [ReadFailure.NOT_GENUINE]
            assert recorder.of("read") == []
        else:
            (data,) = recorder.wait("read")
            assert isinstance(data, DocumentData)
            assert data.active_authentication is ChipCheck.VERIFIED
    finally:
        reader.stop()
