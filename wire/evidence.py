"""The chip's evidence in a submission: ``identity.evidence``.

The terminal sends the files it read from the identity document's chip, unchanged, so that the
hub can run passive authentication itself instead of trusting the terminal's verdict::

    "evidence": {"sod": "<base64 of EF.SOD as read, tag 77>",
                 "dg1": "<base64 of DG1>", "dg11": "<base64 of DG11>", ...,
                 "aa": "<base64 of the chip's Active Authentication signature>"}

Standard base64 (RFC 4648 §4, with padding). Keys: ``sod`` and ``dg1`` … ``dg16``; the terminal
sends every one of DG1, DG11, DG14 and DG15 that EF.SOD lists — not the photo (DG2): no form
field comes from it. ``aa``: where the chip offers Active Authentication (DG15), its signature
over the challenge derived from the submission id (``drivers.card.icao.active.
submission_challenge``): the hub checks it, so captured evidence does not fit another submission.
These are personal data: they travel and rest only inside the sealed data document.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from dataclasses import dataclass

#: EF.SOD of real documents is 2–6 KB (a document signer certificate and one signature), DG1 is
#: under 100 bytes, DG11 a few hundred, DG14/DG15 under 2 KB. Generous, but bounded.
MAX_FILE_BYTES = 32 * 1024
_KEY = re.compile(r"^dg([1-9]|1[0-6])$")


class EvidenceError(ValueError):
    """``identity.evidence`` is not shaped as above; the message says where."""


@dataclass(frozen=True)
class Evidence:
    sod: bytes
    data_groups: dict[int, bytes]  # data group number → the file as read
    #: The chip's Active Authentication signature over the submission's challenge.
    aa_signature: bytes | None = None


def encode_evidence(
    sod: bytes | bytearray,
    data_groups: Mapping[int, bytes | bytearray],
    aa_signature: bytes | bytearray = b"",
) -> dict[str, str]:
    out = {"sod": base64.b64encode(bytes(sod)).decode("ascii")}
    if aa_signature:
        out["aa"] = base64.b64encode(bytes(aa_signature)).decode("ascii")
    for number, content in sorted(data_groups.items()):
        if not 1 <= number <= 16:
            raise ValueError(f"no data group {number}")
        out[f"dg{number}"] = base64.b64encode(bytes(content)).decode("ascii")
    return out


def _decode(key: str, text: object) -> bytes:
    if not isinstance(text, str) or len(text) > (MAX_FILE_BYTES * 4) // 3 + 4:
        raise EvidenceError(f"identity.evidence.{key}: not text of a bounded length")
    try:
        value = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise EvidenceError(f"identity.evidence.{key}: not base64") from exc
    if not value:
        raise EvidenceError(f"identity.evidence.{key}: empty")
    return value


def decode_evidence(obj: object) -> Evidence:
    """The files from the JSON object; raises :class:`EvidenceError`."""
    if not isinstance(obj, Mapping):
        raise EvidenceError("identity.evidence: not an object")
    if "sod" not in obj:
        raise EvidenceError("identity.evidence.sod: missing")
    groups: dict[int, bytes] = {}
    for key, text in obj.items():
        if key in ("sod", "aa"):
            continue
        found = _KEY.match(key) if isinstance(key, str) else None
        if found is None:
            raise EvidenceError(f"identity.evidence: unknown key {str(key)[:20]!r}")
        groups[int(found.group(1))] = _decode(key, text)
    aa = _decode("aa", obj["aa"]) if "aa" in obj else None
    return Evidence(_decode("sod", obj["sod"]), groups, aa)
