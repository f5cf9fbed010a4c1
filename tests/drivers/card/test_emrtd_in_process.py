"""The terminal's reading code against the project's virtual chip, in process (no pcscd)."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.card import emrtd
from drivers.card.icao import cms
from drivers.card.icao.card_access import CardAccessError, parse_card_access
from drivers.card.icao.passive import TrustStore, Verdict, verify
from drivers.card.virtual.chip import VirtualChip
from drivers.card.virtual.document import (
    PACE_GM_AES_128_P256,
    PACE_GM_AES_256_P384,
    Specimen,
    chip_profile,
)
from drivers.card.virtual.pki import TestPki

PKI = TestPki.generate()
TRUST = TrustStore([PKI.csca])


def specimen(**changes: object) -> Specimen:
    values: dict[str, object] = {
        "document_type": "id_card",
        "issuing_state": "D",
        "document_number": "T22000129",
        "family_name": "Mustermann",
        "given_names": "Erika",
        "nationality": "D",
        "date_of_birth": date(1964, 8, 12),
        "expiry": date(2031, 10, 31),
        "sex": "F",
        "can": "123456",
        "address": ["Heidestr. 17", "51147 Köln"],
        "place_of_birth": "Berlin",
        "issuing_authority": "Stadt Köln",
    }
    values.update(changes)
    return Specimen(**values)  # type: ignore[arg-type]


MRZ = emrtd.MrzAccess("T22000129", "640812", "311031")


def read(
    chip: VirtualChip, access: emrtd.AccessData, trust: TrustStore = TRUST
) -> emrtd.ChipReading:
    chip.reset()
    return emrtd.read_document(chip.transmit, emrtd.probe(chip.transmit), access, trust)


@pytest.mark.parametrize("access", [emrtd.CanAccess("123456"), MRZ])
def test_german_id_card_with_pace(access: emrtd.AccessData) -> None:
    chip = VirtualChip(chip_profile(specimen(), PKI))
    assert emrtd.probe(chip.transmit).kind is emrtd.CardKind.GERMAN_ID
    reading = read(chip, access)
    assert reading.protocol == "PACE"
    assert (reading.mrz.family_name, reading.mrz.given_names) == ("MUSTERMANN", ("ERIKA",))
    assert reading.mrz.date_of_birth == "640812"
    assert reading.face is not None and reading.face.media_type == "image/jpeg"
    assert reading.personal is not None and reading.personal.address == (
        "Heidestr. 17",
        "51147 Köln",
    )
    assert reading.document is not None and reading.document.issuing_authority == "Stadt Köln"
    assert reading.authentication.verdict is Verdict.VALID


@pytest.mark.parametrize("info", [PACE_GM_AES_128_P256, PACE_GM_AES_256_P384])
def test_pace_on_nist_curves_and_aes_256(info: object) -> None:
    profile = chip_profile(specimen(), PKI)
    profile.pace = [info]  # type: ignore[list-item]
    reading = read(VirtualChip(profile), emrtd.CanAccess("123456"))
    assert reading.protocol == "PACE" and reading.authentication.verdict is Verdict.VALID


def test_passport_with_bac_only() -> None:
    passport = specimen(
        document_type="passport", issuing_state="UTO", nationality="UTO", pace=False, can=""
    )
    chip = VirtualChip(chip_profile(passport, PKI))
    probe = emrtd.probe(chip.transmit)
    assert probe.kind is emrtd.CardKind.EMRTD and not probe.accepts_can
    reading = read(chip, MRZ)
    assert reading.protocol == "BAC" and reading.mrz.format == "TD3"
    with pytest.raises(emrtd.NeedsMrzError):
        read(chip, emrtd.CanAccess("123456"))


@pytest.mark.parametrize(
    ("pace", "access"),
    [
        (True, emrtd.CanAccess("654321")),
        (True, emrtd.MrzAccess("T22000128", "640812", "311031")),
        (False, emrtd.MrzAccess("T22000129", "640813", "311031")),
    ],
)
def test_wrong_access_data_is_refused_and_locks_nothing(
    pace: bool, access: emrtd.AccessData
) -> None:
    chip = VirtualChip(chip_profile(specimen(pace=pace), PKI))
    for _ in range(5):
        with pytest.raises(emrtd.AccessDeniedError):
            read(chip, access)
    right = emrtd.CanAccess("123456") if pace else MRZ
    assert read(chip, right).authentication.verdict is Verdict.VALID


def test_unknown_csca_and_a_forged_data_group() -> None:
    profile = chip_profile(specimen(), PKI)
    chip = VirtualChip(profile)
    assert read(chip, MRZ, TrustStore()).authentication.verdict is Verdict.UNKNOWN_CSCA
    other = TestPki.generate()  # same names, another key: not issued by "our" CSCA
    # The signer names a CSCA key the store does not hold (as after a key rollover): unknown.
    assert read(chip, MRZ, TrustStore([other.csca])).authentication.verdict is (
        Verdict.UNKNOWN_CSCA
    )
    dg1 = profile.files[0x0101]
    profile.files[0x0101] = dg1.replace(b"ERIKA", b"ERIKO")
    forged = read(chip, MRZ).authentication
    assert forged.verdict is Verdict.INVALID and "DG1" in forged.reason


def test_eac_protected_photo_is_left_out() -> None:
    profile = chip_profile(specimen(), PKI)
    profile.protected = frozenset({0x0102})
    reading = read(VirtualChip(profile), MRZ)
    assert reading.face is None and reading.authentication.verdict is Verdict.VALID


def test_a_document_that_releases_nothing_without_eac() -> None:
    """Like the German ID card's travel-document application: PACE works, the files do not."""
    profile = chip_profile(specimen(), PKI)
    profile.protected = frozenset(profile.files)
    with pytest.raises(emrtd.ProtectedDocumentError):
        read(VirtualChip(profile), emrtd.CanAccess("123456"))


def test_a_card_without_the_icao_application() -> None:
    profile = chip_profile(specimen(), PKI)
    chip = VirtualChip(profile)
    chip.transmit = lambda apdu: b"\x6a\x82"  # type: ignore[method-assign]
    assert emrtd.probe(chip.transmit).kind is emrtd.CardKind.UNKNOWN


def test_master_list_and_certificate_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "csca.pem").write_bytes(PKI.csca_pem())
    (tmp_path / "garbage.der").write_bytes(b"\x30\x03\x02\x01\x00")
    store = TrustStore.from_paths([tmp_path])
    assert len(store) == 1
    # A CSCA master list (CMS): every certificate in it is trusted.
    other = TestPki.generate(name="Other")
    (tmp_path / "countries.ml").write_bytes(PKI.master_list([PKI.csca, other.csca]))
    assert len(TrustStore.from_paths([tmp_path / "countries.ml"])) == 2
    assert (
        read(VirtualChip(chip_profile(specimen(), PKI)), MRZ, store).authentication.verdict
        is Verdict.VALID
    )


SOD = chip_profile(specimen(), PKI).files[0x011D]


@settings(max_examples=300, deadline=None, database=None)
@given(st.integers(0, len(SOD) - 1), st.integers(0, 255), st.integers(0, 40))
def test_corrupted_sod_is_reported_never_a_crash(position: int, value: int, cut: int) -> None:
    damaged = bytearray(SOD)
    damaged[position] = value
    outcome = verify(bytes(damaged[: len(damaged) - cut]), {}, TRUST)
    # A few bytes are outside the signature (e.g. the SignedData version); changing them is
    # harmless. Cutting the file, or changing the signature, never is.
    if cut or (position >= len(SOD) - 64 and value != SOD[position]):
        assert outcome.verdict is Verdict.INVALID


@settings(max_examples=400, deadline=None, database=None)
@given(st.binary(max_size=400))
def test_cms_and_card_access_parsers_only_raise_their_own_errors(noise: bytes) -> None:
    with contextlib.suppress(cms.CmsError):
        cms.parse_signed_data(noise)
    with contextlib.suppress(cms.CmsError):
        cms.parse_lds_security_object(noise)
    with contextlib.suppress(CardAccessError):
        parse_card_access(noise)
    assert (
        verify(b"\x77" + bytes([len(noise[:127])]) + noise[:127], {}, TRUST).verdict
        is Verdict.INVALID
    )


@settings(max_examples=200, deadline=None, database=None)
@given(st.binary(max_size=300))
def test_a_hostile_chip_gives_only_the_drivers_errors(noise: bytes) -> None:
    """Every answer after the first few is noise: only our own errors may come out."""
    chip = VirtualChip(chip_profile(specimen(), PKI))
    count = 0

    def transmit(apdu: bytes) -> bytes:
        nonlocal count
        count += 1
        return chip.transmit(apdu) if count < 8 else noise + b"\x90\x00"

    with contextlib.suppress(emrtd.ChipError, emrtd.AccessDeniedError, emrtd.NeedsMrzError):
        emrtd.read_document(transmit, emrtd.probe(transmit), MRZ, TRUST)


def test_the_atr_names_a_german_id_card_whose_eid_application_stays_silent() -> None:
    from drivers.card.virtual.chip import ATR_GERMAN_ID, ATR_PASSPORT

    profile = chip_profile(specimen(), PKI)
    profile.german_id = False  # the eID application does not answer a plain SELECT
    chip = VirtualChip(profile)
    assert emrtd.probe(chip.transmit, ATR_PASSPORT).kind is emrtd.CardKind.EMRTD
    assert emrtd.probe(chip.transmit, ATR_GERMAN_ID).kind is emrtd.CardKind.GERMAN_ID


def test_a_document_signer_certificate_with_a_bad_version_is_invalid_not_a_crash() -> None:
    # Found by the fuzzer above: cryptography's InvalidVersion is not a ValueError.
    version = b"\xa0\x03\x02\x01\x02"
    assert version in SOD
    damaged = SOD.replace(version, version[:-1] + b"\x01", 1)
    outcome = verify(damaged, {}, TRUST)
    assert outcome.verdict is Verdict.INVALID
