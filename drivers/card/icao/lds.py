"""LDS files as the chip stores them (ICAO 9303 Part 10): EF.COM and DG1.

Each parser takes the file's bytes as read from the chip (after secure messaging verified them)
and raises :class:`LdsError` for anything malformed.
"""

from __future__ import annotations

from dataclasses import dataclass

from drivers.card.icao.mrz import Mrz, MrzError, parse_mrz
from drivers.card.icao.tlv import TlvError, objects, read

#: Data group tags in EF.COM's tag list → data group number.
DG_TAGS = {
    0x61: 1, 0x75: 2, 0x63: 3, 0x76: 4, 0x65: 5, 0x66: 6, 0x67: 7, 0x68: 8,
    0x69: 9, 0x6A: 10, 0x6B: 11, 0x6C: 12, 0x6D: 13, 0x6E: 14, 0x6F: 15, 0x70: 16,
}  # fmt: skip


class LdsError(ValueError):
    """An LDS file is not what its tag says it is."""


@dataclass(frozen=True)
class Com:
    lds_version: str
    unicode_version: str
    data_groups: tuple[int, ...]


def _outer(data: bytes, tag: int, name: str) -> bytes:
    try:
        found, value, end = read(data)
    except TlvError as exc:
        raise LdsError(f"{name} is not TLV") from exc
    if found != tag:
        raise LdsError(f"{name} has tag {found:X}, expected {tag:X}")
    if data[end:].strip(b"\x00\xff"):
        raise LdsError(f"{name} has bytes after its end")
    return value


def parse_com(data: bytes) -> Com:
    body = _outer(data, 0x60, "EF.COM")
    try:
        found = dict(objects(body))
    except TlvError as exc:
        raise LdsError("EF.COM's contents are not TLV") from exc
    if 0x5C not in found:
        raise LdsError("EF.COM has no tag list")
    groups = []
    for tag in found[0x5C]:
        if tag not in DG_TAGS:
            raise LdsError(f"EF.COM lists an unknown data group tag {tag:X}")
        groups.append(DG_TAGS[tag])
    return Com(
        found.get(0x5F01, b"").decode("ascii", "replace"),
        found.get(0x5F36, b"").decode("ascii", "replace"),
        tuple(groups),
    )


def parse_dg1(data: bytes) -> Mrz:
    body = _outer(data, 0x61, "DG1")
    try:
        found = dict(objects(body))
    except TlvError as exc:
        raise LdsError("DG1's contents are not TLV") from exc
    raw = found.get(0x5F1F)
    if raw is None:
        raise LdsError("DG1 has no MRZ")
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError as exc:
        raise LdsError("DG1's MRZ is not ASCII") from exc
    width = 30 if len(text) == 90 else 44 if len(text) == 88 else 0
    if not width:
        raise LdsError("DG1's MRZ has neither TD1 nor TD3 length")
    lines = "\n".join(text[i : i + width] for i in range(0, len(text), width))
    try:
        return parse_mrz(lines)
    except MrzError as exc:
        raise LdsError(f"DG1: {exc}") from exc


@dataclass(frozen=True)
class AdditionalPersonalDetails:
    """DG11 (optional on a chip): what the MRZ has no room for."""

    full_name: str = ""
    personal_number: str = ""
    date_of_birth: str = ""  # YYYYMMDD when the chip has it in full
    place_of_birth: str = ""
    address: tuple[str, ...] = ()
    telephone: str = ""
    profession: str = ""
    title: str = ""


@dataclass(frozen=True)
class AdditionalDocumentDetails:
    """DG12 (optional): issuing authority and date of issue."""

    issuing_authority: str = ""
    date_of_issue: str = ""  # YYYYMMDD


def _text(value: bytes) -> str:
    # ICAO: UTF-8; fillers "<" separate parts of a name or an address.
    return value.decode("utf-8", "replace").strip()


def _fields(data: bytes, tag: int, name: str) -> dict[int, bytes]:
    body = _outer(data, tag, name)
    try:
        return dict(objects(body))
    except TlvError as exc:
        raise LdsError(f"{name}'s contents are not TLV") from exc


def parse_dg11(data: bytes) -> AdditionalPersonalDetails:
    f = _fields(data, 0x6B, "DG11")
    return AdditionalPersonalDetails(
        full_name=_text(f.get(0x5F0E, b"")).replace("<<", ", ").replace("<", " "),
        personal_number=_text(f.get(0x5F10, b"")),
        date_of_birth=_text(f.get(0x5F2B, b"")),
        place_of_birth=_text(f.get(0x5F11, b"")).replace("<", " "),
        address=tuple(p for p in _text(f.get(0x5F42, b"")).split("<") if p),
        telephone=_text(f.get(0x5F12, b"")),
        profession=_text(f.get(0x5F13, b"")),
        title=_text(f.get(0x5F14, b"")),
    )


def parse_dg12(data: bytes) -> AdditionalDocumentDetails:
    f = _fields(data, 0x6C, "DG12")
    return AdditionalDocumentDetails(
        issuing_authority=_text(f.get(0x5F19, b"")),
        date_of_issue=_text(f.get(0x5F26, b"")),
    )
