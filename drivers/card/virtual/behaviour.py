"""How a virtual chip answers where real chips differ: the variants ISO 7816-4 and ICAO 9303
allow (or that chips in the field show), so the tests meet each one.

Our own chip's defaults are the friendliest answers; a real passport may answer any of the
others. ``python -m drivers.card.virtual.vpcd SAMPLE --behaviour '{"past_end": "6282"}'`` puts
such a chip on a real PC/SC reader.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from enum import StrEnum


class PastEnd(StrEnum):
    """The answer to a READ BINARY that asks for more bytes than the file has left."""

    LENIENT = "lenient"  # 9000 with the bytes there are
    WARNING = "6282"  # 6282 "end of file reached before Le bytes", with the bytes there are
    EXACT_LENGTH = "6cxx"  # 6Cxx without data: "ask again for xx bytes"


@dataclass(frozen=True)
class ChipBehaviour:
    past_end: PastEnd = PastEnd.LENIENT
    #: Short file identifiers are optional (9303-10): a chip without them refuses a READ
    #: BINARY by SFI with this status word (6A86 "incorrect P1-P2", 6B00, 6981 are seen).
    sfi: bool = True
    sfi_refused_sw: int = 0x6A86
    #: What a failed BAC or PACE (wrong MRZ values or CAN) answers: 6300, 63Cx, 6982, 6988.
    access_denied_sw: int = 0x6300
    #: At most this many bytes per READ BINARY answer, whatever Le asks (short reads, 9000).
    max_answer: int = 65536
    #: A larger Le is refused with 6700 (a chip whose buffer is small).
    max_le: int = 65536
    #: Extended-length APDUs (ISO 7816-4): without them, any extended command gets 6700.
    extended_length: bool = True
    #: T=0 transport: answers with data are announced with 61xx and fetched with GET RESPONSE.
    t0: bool = False
    #: DG14/DG15 keys with explicit EC domain parameters (as BSI TR-03111 and German
    #: documents have them) instead of a named curve. Applies when the profile is built.
    explicit_curve_parameters: bool = False
    #: A cloned chip: it answers INTERNAL AUTHENTICATE and Chip Authentication with keys of its
    #: own, not with the private keys that belong to DG15/DG14 (a copier cannot read them out).
    clone: bool = False

    @classmethod
    def from_json(cls, text: str) -> ChipBehaviour:
        """From a JSON object of field names (status words as numbers or hex strings)."""
        raw = json.loads(text)
        if not isinstance(raw, dict):
            raise ValueError("the behaviour is a JSON object")
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = set(raw) - known
        if unknown:
            raise ValueError(f"unknown behaviour: {', '.join(sorted(unknown))}")
        values: dict[str, object] = {}
        for name, value in raw.items():
            if name == "past_end":
                values[name] = PastEnd(value)
            elif name.endswith("_sw") and isinstance(value, str):
                values[name] = int(value, 16)
            else:
                values[name] = value
        return cls(**values)  # type: ignore[arg-type]

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self))
