"""EF.CardAccess: which PACE variants a chip offers (ICAO 9303 Part 11 §9.2, BSI TR-03110-3).

The file is a DER ``SET OF SecurityInfo``; each PACEInfo is ``SEQUENCE { protocol OID, version
INTEGER, parameterId INTEGER OPTIONAL }``. Unknown entries (chip authentication, terminal
authentication, …) are skipped; a chip that offers only variants we do not implement is read
with BAC instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from drivers.card.icao.ec import STANDARD_CURVES
from drivers.card.icao.tlv import TlvError, objects, tlv

#: id-PACE (0.4.0.127.0.7.2.2.4) as DER contents; ECDH-GM is id-PACE.2, then .2/.3/.4 for
#: AES-128/192/256.
ID_PACE = bytes.fromhex("04007F0007020204")
ECDH_GM = 0x02
_AES_BITS = {0x02: 128, 0x03: 192, 0x04: 256}


class CardAccessError(ValueError):
    """EF.CardAccess is not well-formed."""


@dataclass(frozen=True)
class PaceInfo:
    oid: bytes
    version: int
    parameter_id: int | None

    @property
    def supported(self) -> bool:
        return (
            self.version == 2
            and len(self.oid) == len(ID_PACE) + 2
            and self.oid.startswith(ID_PACE)
            and self.oid[-2] == ECDH_GM
            and self.oid[-1] in _AES_BITS
            and self.parameter_id in STANDARD_CURVES
        )

    @property
    def key_bits(self) -> int:
        return _AES_BITS.get(self.oid[-1], 128)

    def encode(self) -> bytes:
        body = tlv(0x06, self.oid) + tlv(0x02, bytes([self.version]))
        if self.parameter_id is not None:
            body += tlv(0x02, bytes([self.parameter_id]))
        return tlv(0x30, body)


def _integer(value: bytes) -> int:
    if not value or len(value) > 4:
        raise CardAccessError("integer of unexpected size")
    return int.from_bytes(value, "big", signed=True)


def parse_card_access(data: bytes) -> list[PaceInfo]:
    """The PACE variants of EF.CardAccess, in the chip's order."""
    try:
        outer = list(objects(data))
        if len(outer) != 1 or outer[0][0] != 0x31:
            raise CardAccessError("EF.CardAccess is not a SET")
        found = []
        for tag, info in objects(outer[0][1]):
            if tag != 0x30:
                raise CardAccessError("a SecurityInfo is not a SEQUENCE")
            fields = list(objects(info))
            if len(fields) < 2 or fields[0][0] != 0x06:
                raise CardAccessError("a SecurityInfo without a protocol")
            oid = fields[0][1]
            if not oid.startswith(ID_PACE) or len(oid) != len(ID_PACE) + 2:
                continue
            if fields[1][0] != 0x02 or (len(fields) > 2 and fields[2][0] != 0x02):
                raise CardAccessError("PACEInfo fields are not integers")
            parameter = _integer(fields[2][1]) if len(fields) > 2 else None
            found.append(PaceInfo(oid, _integer(fields[1][1]), parameter))
        return found
    except TlvError as exc:
        raise CardAccessError("EF.CardAccess is not well-formed DER") from exc


def encode_card_access(infos: list[PaceInfo]) -> bytes:
    return tlv(0x31, b"".join(info.encode() for info in infos))
