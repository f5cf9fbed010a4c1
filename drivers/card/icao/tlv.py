"""BER-TLV as eMRTD chips use it: one- and two-byte tags, definite lengths up to 4 bytes.

Everything the chip sends goes through here, so malformed input must end in :class:`TlvError`
and nothing else (it is fuzzed in the tests).
"""

from __future__ import annotations

from collections.abc import Iterator


class TlvError(ValueError):
    """The bytes are not well-formed TLV."""


def encode_length(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def tlv(tag: int, value: bytes) -> bytes:
    tag_bytes = tag.to_bytes((tag.bit_length() + 7) // 8 or 1, "big")
    return tag_bytes + encode_length(len(value)) + value


def read(data: bytes, offset: int = 0) -> tuple[int, bytes, int]:
    """(tag, value, offset after it) of the TLV object at ``offset``."""
    n = len(data)
    if offset >= n:
        raise TlvError("no tag")
    tag = data[offset]
    offset += 1
    if tag & 0x1F == 0x1F:  # more tag bytes follow
        while True:
            if offset >= n:
                raise TlvError("truncated tag")
            tag = (tag << 8) | data[offset]
            offset += 1
            if not data[offset - 1] & 0x80:
                break
            if tag > 0xFFFFFF:
                raise TlvError("tag too long")
    if offset >= n:
        raise TlvError("no length")
    first = data[offset]
    offset += 1
    if first < 0x80:
        length = first
    elif first == 0x80 or first > 0x84:
        raise TlvError("unsupported length form")
    else:
        count = first & 0x7F
        if offset + count > n:
            raise TlvError("truncated length")
        length = int.from_bytes(data[offset : offset + count], "big")
        offset += count
    if offset + length > n:
        raise TlvError("value runs past the end")
    return tag, data[offset : offset + length], offset + length


def objects(data: bytes) -> Iterator[tuple[int, bytes]]:
    offset = 0
    while offset < len(data):
        tag, value, offset = read(data, offset)
        yield tag, value
