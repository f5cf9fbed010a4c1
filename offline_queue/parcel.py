"""A parcel: one submission sealed for the hub, as the outbox keeps and the delivery sends it.

Its parts are opaque JWE strings: first every attachment (by name), then the data document.
The data part goes last because the hub accepts a submission only when the attachments it
names are already there; sending them first makes every step idempotent and resumable.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The name of the data document's part (attachment names never contain a colon).
DATA_PART = ":data"


@dataclass(frozen=True)
class Part:
    name: str
    body: bytes

    @property
    def is_data(self) -> bool:
        return self.name == DATA_PART


@dataclass(frozen=True)
class Parcel:
    submission_id: str
    #: sha256 of the plaintext data document: the same submission sealed twice (a retry
    #: after a crash) has different ciphertext but the same digest. The document holds a
    #: random 122-bit id, so the digest cannot be used to guess its content.
    digest: str
    parts: tuple[Part, ...]

    def __post_init__(self) -> None:
        if not self.parts or not self.parts[-1].is_data:
            raise ValueError("a parcel ends with its data part")
        if any(p.is_data for p in self.parts[:-1]):
            raise ValueError("a parcel has one data part")

    @property
    def size(self) -> int:
        return sum(len(p.body) for p in self.parts)
