"""Command/response APDUs and the errors of talking to a chip.

A ``Transmit`` sends one command APDU and returns the whole answer, data and status word. The
real reader (PC/SC), the in-process virtual chip and test fakes all provide one; everything
above it is the same code.
"""

from __future__ import annotations

from collections.abc import Callable

Transmit = Callable[[bytes], bytes]

SW_OK = 0x9000
SW_SECURITY_STATUS = 0x6982  # not allowed in this state (e.g. before access control)
SW_AUTH_FAILED = 0x6300
SW_FILE_NOT_FOUND = 0x6A82
SW_WRONG_DATA = 0x6A80


class ChipError(Exception):
    """The chip answered something we cannot use (protocol error, unexpected status)."""

    def __init__(self, message: str, sw: int | None = None) -> None:
        super().__init__(message if sw is None else f"{message} (SW {sw:04X})")
        self.sw = sw


class AccessDeniedError(Exception):
    """The access data (MRZ values or CAN) does not match the chip. Nothing is locked by it."""


def command(
    cla: int, ins: int, p1: int, p2: int, data: bytes = b"", le: int | None = None
) -> bytes:
    """A short command APDU (Lc ≤ 255, Le ≤ 256)."""
    out = bytes([cla, ins, p1, p2])
    if data:
        out += bytes([len(data)]) + data
    if le is not None:
        out += bytes([le % 256])
    return out


def split(response: bytes) -> tuple[bytes, int]:
    if len(response) < 2:
        raise ChipError("answer without a status word")
    return response[:-2], int.from_bytes(response[-2:], "big")


def expect_ok(response: bytes, what: str) -> bytes:
    data, sw = split(response)
    if sw != SW_OK:
        raise ChipError(what, sw)
    return data


def _short_le_position(apdu: bytes) -> int | None:
    """Where a short command's Le byte is (cases 2S and 4S), or None."""
    if len(apdu) == 5:
        return 4
    if len(apdu) > 5 and apdu[4] and len(apdu) == 6 + apdu[4]:
        return len(apdu) - 1
    return None


def with_transport_rules(transmit: Transmit) -> Transmit:
    """A ``Transmit`` that follows the answers of ISO 7816-3/-4's transport (T=0 cards, and
    readers that pass them on): **61xx** — "xx more bytes": fetched with GET RESPONSE and
    joined; **6Cxx** — "wrong Le, xx are there": the same command again with Le = xx.

    Applied by every slot (PC/SC and in process), so the layers above never see either.
    """

    def send(apdu: bytes) -> bytes:
        answer = transmit(apdu)
        position = _short_le_position(apdu)
        if len(answer) == 2 and answer[0] == 0x6C and position is not None:
            answer = transmit(apdu[:position] + answer[1:2])
        collected = bytearray()
        for _ in range(256):  # a chip that never stops saying 61xx is not believed forever
            if len(answer) < 2 or answer[-2] != 0x61:
                break
            collected += answer[:-2]
            answer = transmit(bytes([apdu[0] & 0x03 if apdu else 0, 0xC0, 0x00, 0x00, answer[-1]]))
        else:
            raise ChipError("the chip keeps announcing more data")
        return bytes(collected) + answer

    return send
