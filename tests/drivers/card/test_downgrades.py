"""A clone's ways around the chip checks, found by review, and the terminal's answers to them.

A copier has the files (EF.SOD, DG1 … DG15) but not the private keys; it controls every answer
that is not signed: EF.COM, status words, whether a file is released. The terminal decides
from what is signed (EF.SOD's list of data groups), and refuses a reading the hub would refuse.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from drivers.card import emrtd
from drivers.card.base import ChipCheck, DocumentData, ReaderStatus, ReadFailure
from drivers.card.chip_reader import ChipCardReader
from drivers.card.icao import active
from drivers.card.icao.passive import Verdict
from drivers.card.icao.tlv import objects, tlv
from drivers.card.icao.tlv import read as read_tlv
from drivers.card.simulated import InProcessSlot
from drivers.card.virtual.behaviour import ChipBehaviour
from drivers.card.virtual.chip import VirtualChip
from drivers.card.virtual.document import chip_profile
from tests.drivers.card.test_active_authentication import Events
from tests.drivers.card.test_emrtd_in_process import MRZ, PKI, TRUST, specimen

FID_COM, FID_SOD, FID_DG1, FID_DG14, FID_DG15 = 0x011E, 0x011D, 0x0101, 0x010E, 0x010F


def chip(
    *, clone: bool = False, german: bool = True, ca: str = "aes", aa: str = "rsa"
) -> VirtualChip:
    """A chip with Chip and Active Authentication; ``german``: the German ID card (EAC 2,
    recognised by its eID application), else another state's eMRTD (EAC 1)."""
    document = specimen(
        chip_authentication=ca,
        active_authentication=aa,
        **({} if german else {"issuing_state": "UTO"}),
    )
    return VirtualChip(chip_profile(document, PKI, ChipBehaviour(clone=clone)))


def read(c: VirtualChip, challenge: bytes = b"") -> emrtd.ChipReading:
    c.reset()
    found = emrtd.probe(c.transmit, c.atr)
    return emrtd.read_document(c.transmit, found, MRZ, TRUST, challenge=challenge)


def with_files(c: VirtualChip, **changes: object) -> VirtualChip:
    return VirtualChip(dataclasses.replace(c.profile, **changes))  # type: ignore[arg-type]


def without_in_com(c: VirtualChip, *tags: int) -> VirtualChip:
    """EF.COM (unsigned) edited so that its tag list omits the data groups with ``tags``."""
    _, body, _ = read_tlv(c.profile.files[FID_COM])
    parts = [
        (t, bytes(b for b in v if b not in tags) if t == 0x5C else v) for t, v in objects(body)
    ]
    files = dict(c.profile.files)
    files[FID_COM] = tlv(0x60, b"".join(tlv(t, v) for t, v in parts))
    return with_files(c, files=files)


# --- 7: "security status not satisfied" to Chip Authentication -------------------------------


def test_ca_refused_with_6982_by_an_emrtd_is_a_clone() -> None:
    """Found by review: a clone answering 6982 to Chip Authentication was "not checked". In
    the eMRTD application of an EAC 1 document CA runs before terminal authentication."""
    c = chip(clone=True, german=False, aa="")
    c._ca_mse = lambda command, secured: (b"", 0x6982)  # type: ignore[method-assign]
    with pytest.raises(emrtd.NotGenuineError):
        read(c)


def test_ca_refused_with_6982_by_the_german_id_card_is_not_checked() -> None:
    """The German ID card (EAC 2) runs CA only after terminal authentication."""
    c = chip(german=True, aa="")
    c._ca_mse = lambda command, secured: (b"", 0x6982)  # type: ignore[method-assign]
    assert read(c).chip_authentication is ChipCheck.NOT_CHECKED


# --- 6: "offered" from EF.SOD, not from EF.COM ----------------------------------------------


@pytest.mark.parametrize("german", [True, False])
def test_a_clone_hiding_dg14_and_dg15_in_ef_com_is_refused(german: bool) -> None:
    """Found by review: EF.COM is signed by nobody; a clone that left DG14/DG15 out of it
    switched both checks off. EF.SOD's signed list still names them."""
    clone = without_in_com(chip(clone=True, german=german), 0x6E, 0x6F)
    with pytest.raises(emrtd.NotGenuineError):
        read(clone)
    genuine = read(without_in_com(chip(german=german), 0x6E, 0x6F))
    assert genuine.chip_authentication is ChipCheck.VERIFIED
    assert genuine.active_authentication is ChipCheck.VERIFIED


@pytest.mark.parametrize("fid", [FID_DG14, FID_DG15])
def test_a_clone_withholding_dg14_or_dg15_with_6982_is_refused(fid: int) -> None:
    clone = chip(clone=True)
    with pytest.raises(emrtd.NotGenuineError):
        read(with_files(clone, protected=frozenset({fid})))


# --- 5: Active Authentication bound to the submission ---------------------------------------


def test_active_authentication_signs_the_submissions_challenge() -> None:
    """The signature travels as evidence; the hub checks it over the challenge it derives from
    the submission id — another id does not fit."""
    challenge = active.submission_challenge("3f1e0c8a-0000-4000-8000-000000000001")
    reading = read(chip(), challenge)
    assert reading.evidence is not None and reading.evidence.aa_signature
    key = active.parse_dg15(bytes(reading.evidence.data_groups[15]))
    signature = bytes(reading.evidence.aa_signature)
    assert active.verify(key, challenge, signature)
    other = active.submission_challenge("3f1e0c8a-0000-4000-8000-000000000002")
    assert not active.verify(key, other, signature)


# --- 8 and 4: the reader refuses what the hub would refuse; a hostile chip is a bad card ----


def run_reader(c: VirtualChip) -> Events:
    slot = InProcessSlot()
    reader = ChipCardReader(slot, TRUST, "card-reader-downgrade")
    recorder = Events()
    reader.start(recorder)
    try:
        slot.insert(c)
        recorder.wait("access")
        reader.provide_access(MRZ, active.submission_challenge("an-id"))
        with recorder._changed:
            assert recorder._changed.wait_for(
                lambda: recorder.of("read") or recorder.of("failed"), 10.0
            )
    finally:
        reader.stop()
    return recorder


def test_a_chip_whose_ef_sod_is_not_released_is_refused_at_the_terminal() -> None:
    """Found by review: EF.SOD answered 6982 only gave a warning in the log; the citizen went
    on to submit what the hub refuses ("needs an identity document read from its chip")."""
    recorder = run_reader(with_files(chip(aa=""), protected=frozenset({FID_SOD})))
    assert recorder.of("failed") == [ReadFailure.NOT_VERIFIABLE]
    assert recorder.of("read") == []
    assert ReaderStatus.FAILED not in recorder.of("status")


def test_a_chip_withholding_dg11_that_its_ef_sod_lists_is_refused_at_the_terminal() -> None:
    """The hub refuses evidence without a data group EF.SOD lists (a withheld DG11 would hide
    a typed address), so the terminal does not take such a reading either."""
    recorder = run_reader(with_files(chip(aa="", ca=""), protected=frozenset({0x010B})))
    assert recorder.of("failed") == [ReadFailure.NOT_VERIFIABLE]
    assert recorder.of("read") == []


def test_a_data_group_that_does_not_match_its_hash_is_refused_at_the_terminal() -> None:
    c = chip(aa="", ca="")
    files = dict(c.profile.files)
    files[FID_DG1] = files[FID_DG1].replace(b"MUSTERMANN", b"OPFER<<<<<")
    recorder = run_reader(with_files(c, files=files))
    assert recorder.of("failed") == [ReadFailure.NOT_GENUINE]
    assert recorder.of("read") == []


def test_a_photo_that_does_not_match_its_hash_is_refused_at_the_terminal() -> None:
    """DG2 does not travel to the hub, but the citizen confirms the photo: a changed one is a
    forged chip all the same."""
    c = chip(aa="", ca="")
    files = dict(c.profile.files)
    dg2 = bytearray(files[0x0102])
    dg2[-1] ^= 0x01
    files[0x0102] = bytes(dg2)
    recorder = run_reader(with_files(c, files=files))
    assert recorder.of("failed") == [ReadFailure.NOT_GENUINE]


def test_a_genuine_chip_is_read_with_its_signature_as_evidence() -> None:
    recorder = run_reader(chip())
    (data,) = recorder.of("read")
    assert isinstance(data, DocumentData) and data.evidence is not None
    assert data.evidence.aa_signature and data.authenticity == Verdict.VALID.value


def test_a_hostile_ef_sod_is_a_bad_card_not_a_broken_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by review: an EF.SOD signed with RSASSA-PSS and a salt length of 2**64 raised
    OverflowError in the reader's worker: the reader went FAILED for everyone after."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    from tests.drivers.icao import test_passive_variants as variants

    assert variants.shutil.which("openssl"), "the openssl command is missing (scripts/test)"
    c = chip(aa="", ca="")
    groups = {n: f for n in range(1, 17) if (f := c.profile.files.get(0x0100 + n))}
    monkeypatch.setattr(variants, "GROUPS", groups)
    key = rsa.generate_private_key(65537, 2048)
    ds = variants._cert("DS", key, "DS", key, False)
    pss = ("-keyopt", "rsa_padding_mode:pss", "-keyopt", "rsa_pss_saltlen:32")
    sod = variants._openssl_sod(tmp_path, key, ds, "sha256", *pss)
    huge_salt = tlv(0xA2, tlv(0x02, b"\x01" + bytes(8)))
    sha256 = variants._sha("2.16.840.1.101.3.4.2.1")
    hostile = variants._with_pss_parameters(sod, tlv(0x30, sha256 + huge_salt))
    files = {**c.profile.files, FID_SOD: hostile}
    recorder = run_reader(with_files(c, files=files))
    assert ReaderStatus.FAILED not in recorder.of("status")
    # Consistent hashes, a signature that is none: read, with the verdict the hub gives too.
    (data,) = recorder.of("read")
    assert isinstance(data, DocumentData) and data.authenticity == Verdict.INVALID.value


def test_a_clone_posing_as_a_german_id_card_to_dodge_ca_is_refused() -> None:
    """The eID application and the ATR are answers a clone chooses; the MRZ is signed. A
    passport's clone that answers like a German ID card and 6982 to CA is still refused."""
    c = chip(clone=True, german=False, aa="")
    c.profile.german_id = True  # answers the eID application's SELECT
    c._ca_mse = lambda command, secured: (b"", 0x6982)  # type: ignore[method-assign]
    with pytest.raises(emrtd.NotGenuineError):
        read(c)
