"""Secure messaging with 3DES (after BAC): protected command APDUs, verified responses.

ICAO 9303 Part 11 §9.8. Every command's header and data are MACed with the send sequence
counter (incremented before each command and each response), data is encrypted in DO'87',
the expected length travels in DO'97', the MAC in DO'8E'. A response whose MAC does not
verify is refused: nothing unauthenticated from the chip reaches the parser.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from drivers.card.icao.crypto import pad, retail_mac, tdes_decrypt, tdes_encrypt, unpad
from drivers.card.icao.tlv import TlvError, objects, tlv


class SecureMessagingError(Exception):
    """The chip's answer is not authentic, or not well-formed secure messaging."""


@dataclass
class Response:
    data: bytes
    sw: int


class SecureChannel:
    def __init__(self, ks_enc: bytes, ks_mac: bytes, ssc: bytes) -> None:
        self._enc = ks_enc
        self._mac = ks_mac
        self._ssc = int.from_bytes(ssc, "big")
        self._ssc_len = len(ssc)

    @property
    def ssc(self) -> bytes:
        return self._ssc.to_bytes(self._ssc_len, "big")

    def _next(self) -> bytes:
        self._ssc = (self._ssc + 1) % (1 << (8 * self._ssc_len))
        return self.ssc

    def protect(
        self, cla: int, ins: int, p1: int, p2: int, data: bytes = b"", le: int | None = None
    ) -> bytes:
        header = bytes([cla | 0x0C, ins, p1, p2])
        do87 = tlv(0x87, b"\x01" + tdes_encrypt(self._enc, pad(data))) if data else b""
        do97 = tlv(0x97, bytes([le & 0xFF])) if le is not None else b""
        ssc = self._next()
        mac = retail_mac(self._mac, pad(ssc + pad(header) + do87 + do97))
        body = do87 + do97 + tlv(0x8E, mac)
        return header + bytes([len(body)]) + body + b"\x00"

    def unprotect(self, response: bytes) -> Response:
        if len(response) < 2:
            raise SecureMessagingError("no status word")
        body, sw = response[:-2], int.from_bytes(response[-2:], "big")
        ssc = self._next()
        if not body:
            # An error status without secure messaging objects: the chip gave up; nothing to trust.
            return Response(b"", sw)
        try:
            parts = list(objects(body))
        except TlvError as exc:
            raise SecureMessagingError("malformed secure messaging objects") from exc
        found = dict(parts)
        if 0x8E not in found or parts[-1][0] != 0x8E:
            raise SecureMessagingError("answer without a MAC")
        macced = b"".join(tlv(t, v) for t, v in parts if t in (0x85, 0x87, 0x99))
        expected = retail_mac(self._mac, pad(ssc + macced))
        if not hmac.compare_digest(expected, found[0x8E]):
            raise SecureMessagingError("answer does not authenticate")
        data = b""
        if 0x87 in found:
            encrypted = found[0x87]
            if not encrypted or encrypted[0] != 0x01 or (len(encrypted) - 1) % 8:
                raise SecureMessagingError("malformed encrypted data")
            try:
                data = unpad(tdes_decrypt(self._enc, encrypted[1:]))
            except ValueError as exc:
                raise SecureMessagingError("bad padding in encrypted data") from exc
        if 0x99 in found and len(found[0x99]) == 2:
            sw = int.from_bytes(found[0x99], "big")
        return Response(data, sw)
