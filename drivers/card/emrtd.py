"""Reading an eMRTD (passport, ID card) over any ``Transmit``: probe, access control, files,
passive authentication. Blocking; the reader's worker thread runs it.

1. :func:`probe` — unprotected: EF.CardAccess (which PACE variants), and which applications
   answer (eMRTD, the German ID card's eID) → :class:`CardKind`.
2. :func:`read_document` — PACE if the chip offers a variant we implement, else BAC (needs the
   MRZ values); then EF.COM, DG1, DG2, DG11/DG12 when listed, EF.SOD; passive authentication.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from drivers.card import genuine
from drivers.card.access_data import AccessData, CanAccess, MrzAccess
from drivers.card.base import ChipCheck, ChipEvidence
from drivers.card.genuine import NotGenuineError
from drivers.card.icao import access as access_control
from drivers.card.icao import files, lds, passive
from drivers.card.icao.apdu import (
    SW_OK,
    AccessDeniedError,
    ChipError,
    Transmit,
    command,
    split,
)
from drivers.card.icao.card_access import CardAccessError, PaceInfo, parse_card_access
from drivers.card.icao.face import FaceImage, parse_dg2
from drivers.card.icao.mrz import Mrz
from drivers.card.icao.pace import password_from_can, password_from_mrz
from drivers.card.icao.secure_messaging import Response, SecureChannel, SecureMessagingError
from drivers.card.icao.tlv import TlvError

log = logging.getLogger(__name__)

EMRTD_AID = bytes.fromhex("A0000002471001")
EID_AID = bytes.fromhex("E80704007F00070302")
CHUNK = 0xDF  # the largest read whose protected answer still fits a short APDU (AES and 3DES)

SFI: dict[str | int, int] = {"COM": 0x1E, "SOD": 0x1D, **{n: n for n in range(1, 17)}}
#: File IDs in the eMRTD application (9303-10 §4.6): what a chip without SFIs is asked for.
FID: dict[str | int, int] = {"COM": 0x011E, "SOD": 0x011D, **{n: 0x0100 + n for n in range(1, 17)}}
CARD_ACCESS_FID = 0x011C


class CardKind(StrEnum):
    EMRTD = "emrtd"  # a passport or ID card with the ICAO application
    GERMAN_ID = "german_id"  # the German ID card: PACE with its CAN
    UNKNOWN = "unknown"  # answers to neither: a bank card, a loyalty card …


@dataclass(frozen=True)
class Probe:
    kind: CardKind
    pace: list[PaceInfo] = field(default_factory=list)

    @property
    def usable_pace(self) -> PaceInfo | None:
        return next((p for p in self.pace if p.supported), None)

    @property
    def accepts_can(self) -> bool:
        return self.usable_pace is not None


class NeedsMrzError(Exception):
    """The chip offers only BAC, which needs the MRZ values, not a CAN."""


class ProtectedDocumentError(Exception):
    """The chip opened, but releases its data groups only to authorities' terminals (Extended
    Access Control) — e.g. the German ID card's travel-document application. Its data comes
    through the online ID function (eID) instead."""


@dataclass
class ChipReading:
    mrz: Mrz
    face: FaceImage | None
    personal: lds.AdditionalPersonalDetails | None
    document: lds.AdditionalDocumentDetails | None
    authentication: passive.PassiveAuthentication
    protocol: str  # "PACE" or "BAC"
    #: EF.SOD and the data groups the hub needs to check the identity itself (not DG2: no form
    #: field comes from the photo, and it is the largest file).
    evidence: ChipEvidence | None = None
    active_authentication: ChipCheck = ChipCheck.NOT_OFFERED
    chip_authentication: ChipCheck = ChipCheck.NOT_OFFERED
    #: A data group read (the photo too) that does not hash to its value in EF.SOD, whoever
    #: signed it (None: all match, or no EF.SOD).
    mismatch: str | None = None


#: The data groups that travel to the hub as evidence (see passive.EVIDENCE_GROUPS).
EVIDENCE_GROUPS = passive.EVIDENCE_GROUPS


#: The German ID card's ATR through a PC/SC reader (contactless, ISO 14443-4): its historical
#: bytes (80 31 F8 73 F7 41 E0 82 90 00) name the card; used when the eID application does not
#: answer a plain SELECT.
GERMAN_ID_ATR_HISTORICAL = bytes.fromhex("8031F873F741E0829000")


def probe(transmit: Transmit, atr: bytes = b"") -> Probe:
    """What is on the reader, from its ATR and the applications it answers to."""
    transmit(command(0x00, 0xA4, 0x00, 0x0C, b"\x3f\x00"))
    pace: list[PaceInfo] = []
    try:
        data = files.FileReader(files.plain(transmit), CHUNK).read(CARD_ACCESS_FID, 0x1C)
    except ChipError as exc:  # none there (6A82): a BAC-only chip
        log.info("no EF.CardAccess (%s): BAC only", exc)
        data = None
    if data:
        try:
            pace = parse_card_access(data)
        except CardAccessError as exc:
            log.info("EF.CardAccess unusable (%s): BAC only", exc)
    _, eid = split(transmit(command(0x00, 0xA4, 0x04, 0x0C, EID_AID)))
    _, emrtd = split(transmit(command(0x00, 0xA4, 0x04, 0x0C, EMRTD_AID)))
    if emrtd != SW_OK:
        return Probe(CardKind.UNKNOWN, pace)
    german = eid == SW_OK or GERMAN_ID_ATR_HISTORICAL in atr
    return Probe(CardKind.GERMAN_ID if german else CardKind.EMRTD, pace)


class _Session:
    def __init__(self, transmit: Transmit, channel: SecureChannel) -> None:
        self._transmit = transmit
        self._channel = channel
        self._files = files.FileReader(self.send, CHUNK)

    def send(
        self, ins: int, p1: int, p2: int, data: bytes = b"", le: int | None = None
    ) -> Response:
        apdu = self._channel.protect(0x00, ins, p1, p2, data, le)
        try:
            return self._channel.unprotect(self._transmit(apdu))
        except SecureMessagingError as exc:
            raise ChipError(f"secure messaging: {exc}") from exc

    def restart(self, channel: SecureChannel) -> None:
        """Go on under new keys (after Chip Authentication)."""
        self._channel = channel

    def read_file(self, name: str | int) -> bytes | None:
        """The whole file, or None when the chip does not let us read it (EAC-protected)."""
        return self._files.read(FID[name], SFI[name])


def _open_channel(
    transmit: Transmit, found: Probe, access: AccessData
) -> tuple[SecureChannel, str]:
    info = found.usable_pace
    if info is not None:
        if isinstance(access, CanAccess):
            password, ref = password_from_can(access.can), access_control.PASSWORD_CAN
        else:
            password, ref = password_from_mrz(access.information), access_control.PASSWORD_MRZ
        channel = access_control.run_pace(transmit, password, ref, info)
        answer = _Session(transmit, channel).send(0xA4, 0x04, 0x0C, EMRTD_AID)
        if answer.sw != SW_OK:
            raise ChipError("SELECT eMRTD application after PACE", answer.sw)
        return channel, "PACE"
    if not isinstance(access, MrzAccess):
        raise NeedsMrzError("this document is read with the MRZ values")
    _, sw = split(transmit(command(0x00, 0xA4, 0x04, 0x0C, EMRTD_AID)))
    if sw != SW_OK:
        raise ChipError("SELECT eMRTD application", sw)
    return access_control.run_bac(transmit, access.information), "BAC"


def _german_id(mrz: Mrz) -> bool:
    """The signed MRZ is the German ID card's (TD1, document code I…, issued by D)."""
    return (
        mrz.format == "TD1"
        and mrz.document_code.startswith("I")
        and mrz.issuing_state.rstrip("<") == "D"
    )


def read_document(
    transmit: Transmit,
    found: Probe,
    access: AccessData,
    trust: passive.TrustStore,
    progress: Callable[[float], None] = lambda _: None,
    challenge: bytes = b"",
) -> ChipReading:
    """Everything the identify step needs. Raises AccessDeniedError, NeedsMrzError, ChipError,
    NotGenuineError, ProtectedDocumentError, lds.LdsError; nothing else for anything the chip
    sends. ``challenge``: what Active Authentication signs (see
    :func:`drivers.card.genuine.active_authentication`)."""
    channel, protocol = _open_channel(transmit, found, access)
    progress(0.2)
    session = _Session(transmit, channel)
    try:
        com_bytes = session.read_file("COM")
        if com_bytes is None:
            raise ProtectedDocumentError("EF.COM not released")
        com = lds.parse_com(com_bytes)
        # EF.SOD first: its signed list of data groups says which the document has. EF.COM is
        # signed by nobody — a clone that drops DG14/DG15 from it (or answers 6982 when they
        # are read) would otherwise switch Chip and Active Authentication off.
        sod = session.read_file("SOD")
        listed = passive.listed_data_groups(sod) if sod is not None else frozenset()
        present = set(com.data_groups) | listed
        progress(0.25)
        groups: dict[int, bytes] = {}
        ca = ChipCheck.NOT_OFFERED
        if 14 in present:
            # DG14 first: Chip Authentication, where offered, protects every read after it.
            dg14 = session.read_file(14)
            if dg14 is None and 14 in listed:
                raise NotGenuineError("DG14 is listed in EF.SOD but not released")
            if dg14 is not None:
                groups[14] = dg14
                ca = genuine.chip_authentication(
                    session, dg14, eac2=found.kind is CardKind.GERMAN_ID
                )
                if ca is ChipCheck.FAILED:
                    raise NotGenuineError("chip authentication failed")
        weights = {1: 0.05, 2: 0.5, 11: 0.05, 12: 0.05, 15: 0.0}
        done = 0.25
        for number in (1, 2, 11, 12, 15):
            if number not in present:
                continue
            content = session.read_file(number)
            if content is not None:
                groups[number] = content
            elif number == 15 and number in listed:
                raise NotGenuineError("DG15 is listed in EF.SOD but not released")
            done += weights[number]
            progress(done)
        if 1 not in groups:
            raise ProtectedDocumentError("DG1 not released")
        progress(0.92)
        aa, aa_signature = genuine.active_authentication(
            session, groups.get(15), groups.get(14), challenge
        )
        progress(0.95)
    except (TlvError, lds.LdsError) as exc:
        raise ChipError(f"file structure: {exc}") from exc
    mrz = lds.parse_dg1(groups[1])
    if ca is ChipCheck.NOT_CHECKED and found.kind is CardKind.GERMAN_ID and not _german_id(mrz):
        # Chip Authentication was let off as on an EAC 2 card — which the card claimed by its
        # unsigned answers (eID application, ATR); its signed MRZ says it is another document.
        raise NotGenuineError("claims to be a German ID card; its MRZ says otherwise")
    face = parse_dg2(groups[2]) if 2 in groups else None
    personal = lds.parse_dg11(groups[11]) if 11 in groups else None
    document = lds.parse_dg12(groups[12]) if 12 in groups else None
    if sod is None:
        authentication = passive.PassiveAuthentication(
            passive.Verdict.INVALID, "EF.SOD not readable"
        )
    else:
        authentication = passive.verify(sod, groups, trust)
    log.info(
        "document read with %s; passive authentication: %s; active authentication: %s; "
        "chip authentication: %s",
        protocol,
        authentication.verdict,
        aa,
        ca,
    )
    progress(1.0)
    evidence = None
    if sod is not None:
        evidence = ChipEvidence(
            bytearray(sod),
            {n: bytearray(groups[n]) for n in EVIDENCE_GROUPS if n in groups},
            bytearray(aa_signature),
        )
    mismatch = passive.data_group_mismatch(sod, groups) if sod is not None else None
    return ChipReading(
        mrz, face, personal, document, authentication, protocol, evidence, aa, ca, mismatch
    )


__all__ = [
    "AccessData",
    "AccessDeniedError",
    "CanAccess",
    "CardKind",
    "ChipCheck",
    "ChipError",
    "ChipReading",
    "MrzAccess",
    "NeedsMrzError",
    "NotGenuineError",
    "Probe",
    "ProtectedDocumentError",
    "Transmit",
    "probe",
    "read_document",
]
