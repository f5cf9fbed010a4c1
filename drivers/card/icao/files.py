"""Reading a transparent file from a chip, the way real chips answer (ISO 7816-4, ICAO 9303-10).

One reader for every file — EF.CardAccess before access control, the LDS files under secure
messaging — over a ``Send`` (one command → one verified :class:`Response`):

- The file's length comes from its own header first (a short read of its first bytes), so the
  reads that follow never ask past the end. A chip may still end a read early: **6282** ("end of
  file reached before Le bytes") comes with the bytes there are — taken, like 9000.
- **6Cxx** ("wrong Le, xx bytes are there"): the same command again with Le = xx.
- **6700** ("wrong length") to a long read: the chip's buffer is smaller than our chunk; the
  chunk is halved for the rest of the session.
- Short reads (9000 with fewer bytes than asked): the next read goes on from there.
- Files past 32 KB (large face images) are read on with the odd INS B1, the offset in DO'54'.
- **Short file identifiers** are optional (9303-10 §3.6.2; selecting by file ID is mandatory):
  when a read by SFI is refused, the file is selected by its ID and read by offset, and the
  session stops trying SFIs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from drivers.card.icao.apdu import SW_OK, SW_SECURITY_STATUS, ChipError, Transmit, command, split
from drivers.card.icao.secure_messaging import Response
from drivers.card.icao.tlv import TlvError, read, tlv

log = logging.getLogger(__name__)

#: ``send(ins, p1, p2, data, le)`` → the chip's answer, verified (secure messaging) or plain.
Send = Callable[[int, int, int, bytes, int | None], Response]

SW_END_OF_FILE = 0x6282  # warning: end of file reached before Le bytes (data follows)
SW_WRONG_LENGTH = 0x6700
SW_FILE_NOT_FOUND = 0x6A82

#: The first read: enough for any BER-TLV header (tag ≤ 2 bytes, length ≤ 5 bytes) and no more
#: than the shortest file we read.
HEADER_READ = 8
MIN_CHUNK = 0x20
MAX_OFFSET = 0x7FFF  # READ BINARY with an even INS addresses 15 bits; past it, odd INS


def plain(transmit: Transmit) -> Send:
    """A ``Send`` for commands without secure messaging (before access control)."""

    def send(ins: int, p1: int, p2: int, data: bytes = b"", le: int | None = None) -> Response:
        answer, sw = split(transmit(command(0x00, ins, p1, p2, data, le)))
        return Response(answer, sw)

    return send


def header_length(data: bytes) -> int:
    """Total length of the TLV object that ``data`` starts with (only its header is needed)."""
    if len(data) < 2:
        raise ChipError("file header truncated")
    offset = 1
    if data[0] & 0x1F == 0x1F:
        while offset < len(data) and data[offset] & 0x80:
            offset += 1
        offset += 1
    if offset >= len(data):
        raise ChipError("file header truncated")
    first = data[offset]
    if first < 0x80:
        return offset + 1 + first
    count = first & 0x7F
    if count == 0 or count > 3 or offset + 1 + count > len(data):
        raise ChipError("file header has an unusable length")
    return offset + 1 + count + int.from_bytes(data[offset + 1 : offset + 1 + count], "big")


class FileReader:
    """Reads whole files over one session; remembers what the chip turned out not to support."""

    def __init__(self, send: Send, chunk: int) -> None:
        self._send = send
        self.chunk = chunk
        #: None: not tried yet; False: this chip has no SFIs (or refuses reads by them).
        self.sfi_supported: bool | None = None

    def read(self, fid: int, sfi: int | None = None) -> bytes | None:
        """The whole file, or None when the chip does not release it (security status)."""
        name = f"{fid:04X}"
        first: Response | None = None
        if sfi is not None and self.sfi_supported is not False:
            first = self._read(0x80 | sfi, 0x00, HEADER_READ)
            if first.sw == SW_SECURITY_STATUS:
                return None
            if first.sw in (SW_OK, SW_END_OF_FILE):
                self.sfi_supported = True
            elif first.sw == SW_FILE_NOT_FOUND and self.sfi_supported:
                first = None  # this file is missing (SELECT will say so), SFIs still work
            else:
                log.info("read by SFI refused (SW %04X): selecting files by ID", first.sw)
                self.sfi_supported = False
                first = None
        if first is None:
            selected = self._send(0xA4, 0x02, 0x0C, fid.to_bytes(2, "big"), None)
            if selected.sw == SW_SECURITY_STATUS:
                return None
            if selected.sw != SW_OK:
                raise ChipError(f"SELECT file {name}", selected.sw)
            first = self._read(0x00, 0x00, HEADER_READ)
            if first.sw == SW_SECURITY_STATUS:
                return None
        if first.sw not in (SW_OK, SW_END_OF_FILE) or not first.data:
            raise ChipError(f"READ BINARY of file {name}", first.sw)
        total = header_length(first.data)
        data = bytearray(first.data)
        while len(data) < total:
            offset = len(data)
            if offset > MAX_OFFSET:
                answer = self._read_odd(offset, min(self.chunk, total - offset + 4))
            else:
                answer = self._read(offset >> 8, offset & 0xFF, min(self.chunk, total - offset))
            if answer.sw not in (SW_OK, SW_END_OF_FILE) or not answer.data:
                raise ChipError(f"READ BINARY of file {name} at {offset}", answer.sw)
            data.extend(answer.data)
            if answer.sw == SW_END_OF_FILE and len(data) < total:
                raise ChipError(f"file {name} ends before the length its header gives")
        return bytes(data[:total])

    def _read_odd(self, offset: int, le: int) -> Response:
        """READ BINARY with odd INS: offsets past 32 KB (large face images) go in DO'54', the
        bytes come back in DO'53' (ISO 7816-4 §11.3.3; 9303-10 requires it of big files)."""
        position = offset.to_bytes((offset.bit_length() + 7) // 8, "big")
        answer = self._read(0x00, 0x00, le, ins=0xB1, data=tlv(0x54, position))
        if not answer.data:
            return answer
        try:
            tag, value, end = read(answer.data)
        except TlvError as exc:
            raise ChipError("READ BINARY (odd INS) answer is not TLV") from exc
        if tag != 0x53 or end != len(answer.data):
            raise ChipError("READ BINARY (odd INS) answer is not a discretionary data object")
        return Response(value, answer.sw)

    def _read(self, p1: int, p2: int, le: int, ins: int = 0xB0, data: bytes = b"") -> Response:
        """One READ BINARY, with the chip's own corrections of Le applied."""
        while True:
            answer = self._send(ins, p1, p2, data, le)
            if answer.sw & 0xFF00 == 0x6C00 and 0 < (answer.sw & 0xFF) < le:
                le = answer.sw & 0xFF  # "wrong Le: this many are there" — ask for exactly that
                continue
            if answer.sw == SW_WRONG_LENGTH and le > MIN_CHUNK and le > HEADER_READ:
                self.chunk = max(MIN_CHUNK, min(self.chunk, le) // 2)
                log.info("the chip refused a read of %d bytes: reading %d", le, self.chunk)
                le = self.chunk
                continue
            return answer
