"""Chips that answer as ISO 7816-4 and ICAO 9303 allow, not only as our own chip does: each
variant of :class:`~drivers.card.virtual.behaviour.ChipBehaviour`, read in process with BAC
and with PACE (the same variants through pcscd + vpcd: tests/drivers/card/test_pcsc.py)."""

from __future__ import annotations

import dataclasses

import pytest

from drivers.card import emrtd
from drivers.card.icao.apdu import with_transport_rules
from drivers.card.icao.passive import Verdict
from drivers.card.virtual.behaviour import ChipBehaviour, PastEnd
from drivers.card.virtual.chip import VirtualChip
from drivers.card.virtual.document import chip_profile
from tests.drivers.card.test_emrtd_in_process import MRZ, PKI, TRUST, specimen

VARIANTS = {
    "6282 at the end of a file": ChipBehaviour(past_end=PastEnd.WARNING),
    "6Cxx at the end of a file": ChipBehaviour(past_end=PastEnd.EXACT_LENGTH),
    "no SFI (6A86)": ChipBehaviour(sfi=False),
    "no SFI (6B00)": ChipBehaviour(sfi=False, sfi_refused_sw=0x6B00),
    "no SFI (6981), 6282": ChipBehaviour(
        sfi=False, sfi_refused_sw=0x6981, past_end=PastEnd.WARNING
    ),
    "short answers": ChipBehaviour(max_answer=0x41),
    "small buffer (6700)": ChipBehaviour(max_le=0x80, past_end=PastEnd.WARNING),
    "T=0: 61xx and GET RESPONSE": ChipBehaviour(t0=True),
    "T=0 with 6Cxx": ChipBehaviour(t0=True, past_end=PastEnd.EXACT_LENGTH, sfi=False),
}


def chip(behaviour: ChipBehaviour, pace: bool = True) -> VirtualChip:
    profile = chip_profile(specimen(pace=pace), PKI)
    profile.behaviour = behaviour
    return VirtualChip(profile)


def read(c: VirtualChip, access: emrtd.AccessData) -> emrtd.ChipReading:
    """Read through the transport rules every slot applies (61xx, 6Cxx)."""
    c.reset()
    transmit = with_transport_rules(c.transmit)
    return emrtd.read_document(transmit, emrtd.probe(transmit), access, TRUST)


@pytest.mark.parametrize("behaviour", VARIANTS.values(), ids=VARIANTS.keys())
@pytest.mark.parametrize("pace", [True, False], ids=["PACE", "BAC"])
def test_every_variant_reads_the_whole_document(behaviour: ChipBehaviour, pace: bool) -> None:
    access = emrtd.CanAccess("123456") if pace else MRZ
    reading = read(chip(behaviour, pace), access)
    assert reading.protocol == ("PACE" if pace else "BAC")
    assert reading.mrz.family_name == "MUSTERMANN"
    assert reading.face is not None and reading.personal is not None
    assert reading.authentication.verdict is Verdict.VALID


def test_ef_card_access_with_6282_still_offers_pace() -> None:
    """EF.CardAccess is read before access control, with the same rules: a chip answering 6282
    to a read past its end must not look like a BAC-only chip (a German ID card has no BAC)."""
    probe = emrtd.probe(chip(ChipBehaviour(past_end=PastEnd.WARNING)).transmit)
    assert probe.accepts_can


def test_files_are_read_without_asking_past_their_end() -> None:
    """The length comes from the header: after the first few bytes, no read runs past the end
    (a chip may answer such a read with an error rather than a warning)."""
    c = chip(ChipBehaviour())
    asked: list[tuple[int, int, int]] = []
    original = c._read_binary

    def spy(command, secured):  # type: ignore[no-untyped-def]
        data, sw = original(command, secured)
        if secured:
            asked.append((command.p1, command.p2, command.le or 256))
            assert sw == 0x9000, f"read past the end: {command}"
        return data, sw

    c._read_binary = spy  # type: ignore[method-assign]
    read(c, MRZ)
    assert asked and all(le <= 0xDF for *_, le in asked)


def test_a_6282_answer_is_still_authenticated() -> None:
    """Under secure messaging the 6282 answer carries data and a MAC: it is taken with its data,
    and altered data is refused, not taken because the status word is a warning."""
    c = chip(ChipBehaviour(past_end=PastEnd.WARNING))
    tampering = False

    def transmit(apdu: bytes) -> bytes:
        answer = c.transmit(apdu)
        if tampering and answer.endswith(b"\x62\x82"):
            altered = bytearray(answer)
            altered[5] ^= 0x01  # inside the encrypted data object
            return bytes(altered)
        return answer

    probe = emrtd.probe(transmit)
    channel, _ = emrtd._open_channel(transmit, probe, emrtd.CanAccess("123456"))
    session = emrtd._Session(transmit, channel)
    answer = session.send(0xB0, 0x80 | 0x1E, 0x00, le=0xDF)  # EF.COM is far shorter
    assert answer.sw == 0x6282 and answer.data.startswith(b"\x60")
    tampering = True
    with pytest.raises(emrtd.ChipError, match="secure messaging"):
        session.send(0xB0, 0x00, 0x00, le=0xDF)


@pytest.mark.parametrize("sw", [0x6300, 0x6988, 0x6982, 0x63C2, 0x63C0], ids=hex)
@pytest.mark.parametrize("pace", [True, False], ids=["PACE", "BAC"])
def test_every_refusal_of_the_access_data_means_wrong_values(sw: int, pace: bool) -> None:
    c = chip(ChipBehaviour(access_denied_sw=sw), pace)
    wrong = emrtd.CanAccess("654321") if pace else dataclasses.replace(MRZ, date_of_birth="640813")
    with pytest.raises(emrtd.AccessDeniedError):
        read(c, wrong)
    right = emrtd.CanAccess("123456") if pace else MRZ
    assert read(c, right).authentication.verdict is Verdict.VALID


def test_behaviour_from_the_command_line() -> None:
    text = '{"past_end": "6282", "sfi": false, "access_denied_sw": "6988"}'
    behaviour = ChipBehaviour.from_json(text)
    assert behaviour == ChipBehaviour(past_end=PastEnd.WARNING, sfi=False, access_denied_sw=0x6988)
    assert ChipBehaviour.from_json(behaviour.to_json()) == behaviour
    with pytest.raises(ValueError, match="unknown"):
        ChipBehaviour.from_json('{"sif": false}')


def test_an_unprotected_success_under_secure_messaging_is_refused() -> None:
    """Only errors may come without secure messaging objects; a bare 9000 (or 6282) to a
    protected command is not the chip the session was opened with."""
    c = chip(ChipBehaviour())
    probe = emrtd.probe(c.transmit)
    channel, _ = emrtd._open_channel(c.transmit, probe, emrtd.CanAccess("123456"))
    for forged in (b"\x90\x00", b"\x62\x82"):
        session = emrtd._Session(lambda apdu, answer=forged: answer, channel)
        with pytest.raises(emrtd.ChipError, match="secure messaging"):
            session.send(0xA4, 0x02, 0x0C, b"\x01\x01")
    errors = emrtd._Session(lambda apdu: b"\x6a\x82", channel)
    assert errors.send(0xA4, 0x02, 0x0C, b"\x01\x01").sw == 0x6A82


def big_face_chip(behaviour: ChipBehaviour) -> VirtualChip:
    """A chip whose DG2 is past 64 KB (a high-resolution face image): offsets need odd INS."""
    import io
    import os

    from PIL import Image

    from drivers.card.virtual.document import dg2

    noise = Image.frombytes("L", (320, 320), os.urandom(320 * 320))
    out = io.BytesIO()
    noise.save(out, format="JPEG", quality=95)
    profile = chip_profile(specimen(), PKI)
    profile.files[0x0102] = dg2(out.getvalue(), 320, 320)
    groups = {n: profile.files[0x0100 + n] for n in (1, 2, 11, 12)}
    profile.files[0x011D] = PKI.sign_sod(groups)
    profile.behaviour = behaviour
    assert len(profile.files[0x0102]) > 0x10000
    return VirtualChip(profile)


@pytest.mark.parametrize(
    "behaviour",
    [ChipBehaviour(), ChipBehaviour(sfi=False, past_end=PastEnd.WARNING, max_answer=0x80)],
    ids=["plain", "no SFI, 6282, short answers"],
)
def test_a_face_image_past_64_kb_is_read_with_odd_ins(behaviour: ChipBehaviour) -> None:
    for access in (emrtd.CanAccess("123456"), MRZ):
        reading = read(big_face_chip(behaviour), access)
        assert reading.face is not None and len(reading.face.data) > 0x10000
        assert reading.authentication.verdict is Verdict.VALID


def test_the_in_process_slot_follows_the_transport_rules() -> None:
    """The demo's slot, like the PC/SC one, fetches 61xx answers (it passed them up before)."""
    from drivers.card.simulated import InProcessSlot

    slot = InProcessSlot()
    slot.insert(chip(ChipBehaviour(t0=True)))
    transmit = slot.connect()
    reading = emrtd.read_document(transmit, emrtd.probe(transmit), MRZ, TRUST)
    assert reading.authentication.verdict is Verdict.VALID
