"""Chip Authentication (ICAO 9303-11 §6.2) in process: the virtual chip publishes its key in
DG14 (under its SOD); the terminal agrees keys with it and reads on under them. A clone — the
files without the private key — is refused."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.card import emrtd
from drivers.card.base import ChipCheck
from drivers.card.icao import chip_auth
from drivers.card.icao.passive import Verdict
from drivers.card.virtual.behaviour import ChipBehaviour
from drivers.card.virtual.chip import VirtualChip
from drivers.card.virtual.document import chip_profile
from tests.drivers.card.test_emrtd_in_process import MRZ, PKI, TRUST, specimen


def chip(
    ca: str, aa: str = "", behaviour: ChipBehaviour | None = None, pace: bool = False
) -> VirtualChip:
    document = specimen(chip_authentication=ca, active_authentication=aa, pace=pace)
    return VirtualChip(chip_profile(document, PKI, behaviour))


def read(c: VirtualChip, access: emrtd.AccessData = MRZ) -> emrtd.ChipReading:
    c.reset()
    return emrtd.read_document(c.transmit, emrtd.probe(c.transmit), access, TRUST)


@pytest.mark.parametrize(
    ("ca", "pace"), [("aes", True), ("aes", False), ("3des", False), ("3des", True)]
)
def test_chip_authentication_verified_and_read_on_under_its_keys(ca: str, pace: bool) -> None:
    reading = read(chip(ca, pace=pace), emrtd.CanAccess("123456") if pace else MRZ)
    assert reading.chip_authentication is ChipCheck.VERIFIED
    assert reading.mrz.family_name == "MUSTERMANN" and reading.face is not None
    assert reading.authentication.verdict is Verdict.VALID  # DG14 is covered by the SOD


def test_explicit_curve_parameters_and_active_authentication_together() -> None:
    """BSI-style DG14/DG15 keys (explicit domain parameters) — before, cryptography refused
    them — and both checks on one chip."""
    reading = read(chip("aes", "ecdsa", ChipBehaviour(explicit_curve_parameters=True)))
    assert reading.chip_authentication is ChipCheck.VERIFIED
    assert reading.active_authentication is ChipCheck.VERIFIED
    assert reading.authentication.verdict is Verdict.VALID


@pytest.mark.parametrize("ca", ["aes", "3des"])
def test_a_clone_is_refused(ca: str) -> None:
    with pytest.raises(emrtd.NotGenuineError):
        read(chip(ca, behaviour=ChipBehaviour(clone=True)))


def test_a_chip_that_wants_terminal_authentication_first_is_not_checked() -> None:
    """EAC 2 (the German ID card): CA only after terminal authentication, which an
    authorities' terminal does. Refused with 6982: not run, no sign of a clone."""
    c = chip("aes")
    c._ca_mse = lambda command, secured: (b"", 0x6982)  # type: ignore[method-assign]
    reading = read(c)
    assert reading.chip_authentication is ChipCheck.NOT_CHECKED


@pytest.mark.parametrize("clone", [False, True])
def test_on_a_chip_without_sfi(clone: bool) -> None:
    """The check after the key agreement asks by SFI: a chip without SFIs answers that with a
    protected error — authenticated all the same — and a clone cannot even protect it."""
    c = chip("aes", behaviour=ChipBehaviour(sfi=False, clone=clone))
    if clone:
        with pytest.raises(emrtd.NotGenuineError):
            read(c)
    else:
        assert read(c).chip_authentication is ChipCheck.VERIFIED


def test_without_dg14_it_is_not_offered() -> None:
    assert read(chip("")).chip_authentication is ChipCheck.NOT_OFFERED


DG14 = chip_profile(specimen(chip_authentication="aes"), PKI).files[0x010E]


@settings(max_examples=300, deadline=None, database=None)
@given(st.integers(0, len(DG14) - 1), st.integers(0, 255), st.binary(max_size=100))
def test_dg14_damage_gives_its_own_error_or_nothing(position: int, value: int, tail: bytes) -> None:
    damaged = bytearray(DG14)
    damaged[position] = value
    for data in (bytes(damaged), tail):
        with contextlib.suppress(chip_auth.ChipAuthError):
            chip_auth.parse_dg14(data)


@settings(max_examples=150, deadline=None, database=None)
@given(st.integers(8, 40), st.binary(max_size=300))
def test_a_hostile_chip_with_ca_and_aa_gives_only_the_drivers_errors(
    after: int, noise: bytes
) -> None:
    """Every answer from the ``after``-th on is noise (with 9000): DG14/DG15 parsing, the key
    agreement and the signature check raise only the reader's own errors."""
    c = chip("aes", "rsa")
    count = 0

    def transmit(apdu: bytes) -> bytes:
        nonlocal count
        count += 1
        return c.transmit(apdu) if count < after else noise + b"\x90\x00"

    c.reset()
    with contextlib.suppress(
        emrtd.ChipError,
        emrtd.AccessDeniedError,
        emrtd.NeedsMrzError,
        emrtd.NotGenuineError,
        emrtd.ProtectedDocumentError,
    ):
        emrtd.read_document(transmit, emrtd.probe(transmit), MRZ, TRUST)
