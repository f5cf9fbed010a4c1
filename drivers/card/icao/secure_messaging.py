"""Secure messaging (ICAO 9303 Part 11 §9.8): protected commands, verified answers.

Both sides live here — the terminal's (:class:`SecureChannel`: protect a command, verify and
decrypt the answer) and the chip's (:class:`ChipChannel`, used by the virtual chip) — over one
of two cipher suites: 3DES after BAC (8-byte SSC, zero IV, retail MAC) or AES after PACE
(16-byte SSC, IV = E(KS_enc, SSC), CMAC truncated to 8 bytes). Both sides are checked against
the worked examples of Part 11, not only against each other.

Every command's header and data are MACed with the send sequence counter (incremented before
each command and each answer); data is encrypted in DO'87', the expected length travels in
DO'97', the MAC in DO'8E'. An answer whose MAC does not verify is refused: nothing
unauthenticated from the chip reaches a parser.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Protocol

from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.cmac import CMAC

from drivers.card.icao.crypto import RetailMac, pad, unpad
from drivers.card.icao.tlv import TlvError, objects, read, tlv


class SecureMessagingError(Exception):
    """The other side's message is not authentic, or not well-formed secure messaging."""


@dataclass
class Response:
    data: bytes
    sw: int
    #: False: a bare error status without secure messaging objects (nothing authenticated it).
    protected: bool = True


class Suite(Protocol):
    block: int

    def encrypt(self, ssc: bytes, data: bytes) -> bytes: ...
    def decrypt(self, ssc: bytes, data: bytes) -> bytes: ...
    def mac(self, data: bytes) -> bytes: ...


class TripleDesSuite:
    block = 8

    def __init__(self, ks_enc: bytes, ks_mac: bytes) -> None:
        # Built once per session: every APDU is encrypted and MACed twice.
        self._cipher = Cipher(TripleDES(ks_enc + ks_enc[:8]), modes.CBC(bytes(8)))
        self._mac = RetailMac(ks_mac)

    def encrypt(self, ssc: bytes, data: bytes) -> bytes:
        encryptor = self._cipher.encryptor()
        return encryptor.update(data) + encryptor.finalize()

    def decrypt(self, ssc: bytes, data: bytes) -> bytes:
        decryptor = self._cipher.decryptor()
        return decryptor.update(data) + decryptor.finalize()

    def mac(self, data: bytes) -> bytes:
        return self._mac(data)


class AesSuite:
    block = 16

    def __init__(self, ks_enc: bytes, ks_mac: bytes) -> None:
        self._enc = algorithms.AES(ks_enc)
        self._ecb = Cipher(self._enc, modes.ECB())
        self._mac = algorithms.AES(ks_mac)

    def _iv(self, ssc: bytes) -> bytes:
        return self._ecb.encryptor().update(ssc)

    def encrypt(self, ssc: bytes, data: bytes) -> bytes:
        encryptor = Cipher(self._enc, modes.CBC(self._iv(ssc))).encryptor()
        return encryptor.update(data) + encryptor.finalize()

    def decrypt(self, ssc: bytes, data: bytes) -> bytes:
        decryptor = Cipher(self._enc, modes.CBC(self._iv(ssc))).decryptor()
        return decryptor.update(data) + decryptor.finalize()

    def mac(self, data: bytes) -> bytes:
        cmac = CMAC(self._mac)
        cmac.update(data)
        return cmac.finalize()[:8]


class _Counter:
    def __init__(self, suite: Suite, ssc: bytes) -> None:
        self.suite = suite
        self._ssc = int.from_bytes(ssc, "big")
        self._len = len(ssc)

    @property
    def ssc(self) -> bytes:
        return self._ssc.to_bytes(self._len, "big")

    def next(self) -> bytes:
        self._ssc = (self._ssc + 1) % (1 << (8 * self._len))
        return self.ssc

    def encrypted_object(self, tag: int, ssc: bytes, data: bytes) -> bytes:
        """DO'87' (padding-content indicator 01, then the cryptogram) or, for odd INS whose
        data are BER-TLV, DO'85' (the cryptogram alone; 9303-11 §9.8.6)."""
        cryptogram = self.suite.encrypt(ssc, pad(data, self.suite.block))
        return tlv(tag, cryptogram if tag == 0x85 else b"\x01" + cryptogram)

    def decrypt_object(self, ssc: bytes, value: bytes, indicator: bool = True) -> bytes:
        block = self.suite.block
        if indicator:
            if not value or value[0] != 0x01:
                raise SecureMessagingError("malformed encrypted data")
            value = value[1:]
        if not value or len(value) % block:
            raise SecureMessagingError("malformed encrypted data")
        try:
            return unpad(self.suite.decrypt(ssc, value))
        except ValueError as exc:
            raise SecureMessagingError("bad padding in encrypted data") from exc

    def decrypt_found(self, ssc: bytes, found: dict[int, bytes]) -> bytes:
        if 0x87 in found:
            return self.decrypt_object(ssc, found[0x87])
        if 0x85 in found:
            return self.decrypt_object(ssc, found[0x85], indicator=False)
        return b""

    def check_mac(self, ssc: bytes, macced: bytes, mac: bytes) -> None:
        expected = self.suite.mac(pad(ssc + macced, self.suite.block))
        if not hmac.compare_digest(expected, mac):
            raise SecureMessagingError("message does not authenticate")


def _encode_le(le: int, extended: bool) -> bytes:
    if extended:
        return (le % 65536).to_bytes(2, "big")
    return bytes([le % 256])


class SecureChannel:
    """The terminal's side."""

    def __init__(self, suite: Suite, ssc: bytes) -> None:
        self._c = _Counter(suite, ssc)

    @classmethod
    def tdes(cls, ks_enc: bytes, ks_mac: bytes, ssc: bytes) -> SecureChannel:
        return cls(TripleDesSuite(ks_enc, ks_mac), ssc)

    @classmethod
    def aes(cls, ks_enc: bytes, ks_mac: bytes) -> SecureChannel:
        return cls(AesSuite(ks_enc, ks_mac), bytes(16))

    @property
    def ssc(self) -> bytes:
        return self._c.ssc

    def protect(
        self, cla: int, ins: int, p1: int, p2: int, data: bytes = b"", le: int | None = None
    ) -> bytes:
        """The protected APDU; ``le`` up to 256 gives a short APDU, more an extended one."""
        block = self._c.suite.block
        extended = (le is not None and le > 256) or len(data) > 200
        header = bytes([cla | 0x0C, ins, p1, p2])
        ssc = self._c.next()
        tag = 0x85 if ins & 0x01 else 0x87
        do87 = self._c.encrypted_object(tag, ssc, data) if data else b""
        do97 = tlv(0x97, _encode_le(le, extended)) if le is not None else b""
        mac = self._c.suite.mac(pad(ssc + pad(header, block) + do87 + do97, block))
        body = do87 + do97 + tlv(0x8E, mac)
        if extended:
            return header + b"\x00" + len(body).to_bytes(2, "big") + body + b"\x00\x00"
        return header + bytes([len(body)]) + body + b"\x00"

    def unprotect(self, response: bytes) -> Response:
        if len(response) < 2:
            raise SecureMessagingError("no status word")
        body, sw = response[:-2], int.from_bytes(response[-2:], "big")
        ssc = self._c.next()
        if not body:
            if sw == 0x9000 or sw >> 8 in (0x62, 0x63):
                # Success and warnings come protected (9303-11 §9.8.6.2); a plain one is not the
                # chip we opened the session with.
                raise SecureMessagingError("an unprotected answer claims success")
            # An error status without secure messaging objects: the chip gave up; nothing to trust.
            return Response(b"", sw, protected=False)
        try:
            parts = list(objects(body))
        except TlvError as exc:
            raise SecureMessagingError("malformed secure messaging objects") from exc
        found = dict(parts)
        if 0x8E not in found or parts[-1][0] != 0x8E:
            raise SecureMessagingError("answer without a MAC")
        macced = b"".join(tlv(t, v) for t, v in parts if t in (0x85, 0x87, 0x99))
        self._c.check_mac(ssc, macced, found[0x8E])
        data = self._c.decrypt_found(ssc, found)
        if 0x99 in found and len(found[0x99]) == 2:
            sw = int.from_bytes(found[0x99], "big")
        return Response(data, sw)


@dataclass
class Command:
    cla: int
    ins: int
    p1: int
    p2: int
    data: bytes
    le: int | None


def parse_apdu(apdu: bytes) -> Command:
    """Split a command APDU (short or extended, ISO 7816-4 cases 1–4) into its fields."""
    if len(apdu) < 4:
        raise SecureMessagingError("command shorter than its header")
    cla, ins, p1, p2 = apdu[:4]
    rest = apdu[4:]
    if not rest:
        return Command(cla, ins, p1, p2, b"", None)
    if len(rest) == 1:
        return Command(cla, ins, p1, p2, b"", rest[0] or 256)
    if rest[0] != 0:  # short
        lc = rest[0]
        data = rest[1 : 1 + lc]
        if len(data) != lc or len(rest) > 2 + lc:
            raise SecureMessagingError("command length does not match Lc")
        le = (rest[1 + lc] or 256) if len(rest) == 2 + lc else None
        return Command(cla, ins, p1, p2, data, le)
    if len(rest) == 3:  # extended, Le only
        return Command(cla, ins, p1, p2, b"", int.from_bytes(rest[1:3], "big") or 65536)
    lc = int.from_bytes(rest[1:3], "big")
    data = rest[3 : 3 + lc]
    if lc == 0 or len(data) != lc or len(rest) not in (3 + lc, 5 + lc):
        raise SecureMessagingError("command length does not match Lc")
    le = (int.from_bytes(rest[3 + lc :], "big") or 65536) if len(rest) == 5 + lc else None
    return Command(cla, ins, p1, p2, data, le)


class ChipChannel:
    """The chip's side: verify and decrypt a protected command, protect the answer."""

    def __init__(self, suite: Suite, ssc: bytes) -> None:
        self._c = _Counter(suite, ssc)

    def open_command(self, apdu: bytes) -> Command:
        command = parse_apdu(apdu)
        if command.cla & 0x0C != 0x0C:
            raise SecureMessagingError("command without secure messaging")
        ssc = self._c.next()
        try:
            parts = []
            offset = 0
            while offset < len(command.data):
                tag, value, offset = read(command.data, offset)
                parts.append((tag, value))
        except TlvError as exc:
            raise SecureMessagingError("malformed secure messaging objects") from exc
        found = dict(parts)
        if not parts or parts[-1][0] != 0x8E:
            raise SecureMessagingError("command without a MAC")
        block = self._c.suite.block
        header = bytes([command.cla, command.ins, command.p1, command.p2])
        macced = pad(header, block) + b"".join(
            tlv(t, v) for t, v in parts if t in (0x85, 0x87, 0x97)
        )
        self._c.check_mac(ssc, macced, found[0x8E])
        data = self._c.decrypt_found(ssc, found)
        le = None
        if 0x97 in found:
            le = int.from_bytes(found[0x97], "big") or (65536 if len(found[0x97]) == 2 else 256)
        return Command(command.cla & ~0x0C, command.ins, command.p1, command.p2, data, le)

    def response_length(self, data_length: int) -> int:
        """How many bytes (without the status word) :meth:`protect_response` makes of that
        much data: whether the answer fits a short APDU's 256."""
        if not data_length:
            return 4 + 10
        cryptogram = 1 + (data_length // self._c.suite.block + 1) * self._c.suite.block
        return len(tlv(0x87, bytes(cryptogram))) + 4 + 10

    def protect_response(self, data: bytes, sw: int, odd: bool = False) -> bytes:
        """``odd``: the answer to an odd INS (BER-TLV data, in DO'85')."""
        ssc = self._c.next()
        do87 = self._c.encrypted_object(0x85 if odd else 0x87, ssc, data) if data else b""
        do99 = tlv(0x99, sw.to_bytes(2, "big"))
        mac = self._c.suite.mac(pad(ssc + do87 + do99, self._c.suite.block))
        return do87 + do99 + tlv(0x8E, mac) + sw.to_bytes(2, "big")
