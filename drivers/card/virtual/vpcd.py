"""The virtual chip behind a real PC/SC reader: the card side of vsmartcard's vpcd.

vpcd (a pcscd reader driver) listens on TCP 35963 for reader "Virtual PCD 00 00" (35964 for
"00 01"); a card program connects and answers frames: a 2-byte big-endian length, then either
one control byte (0 power off, 1 power on, 2 reset, 4 ATR request) or a command APDU.
Test machines only: vpcd accepts anyone on the network.

``python -m drivers.card.virtual.vpcd SAMPLE`` puts a sample document on the reader until
interrupted (technicians: test a terminal's PC/SC stack without a real card).
"""

from __future__ import annotations

import argparse
import contextlib
import socket
import struct
import sys
import threading
import time
from pathlib import Path

from drivers.card.virtual.behaviour import ChipBehaviour
from drivers.card.virtual.chip import VirtualChip

VPCD_PORT = 35963
_POWER_OFF, _POWER_ON, _RESET, _ATR = 0, 1, 2, 4


def _quick_ack(sock: socket.socket) -> None:
    # The kernel clears QUICKACK after use: set it before every read, so that vpcd's second
    # write (the APDU after its length) is not held back waiting for our delayed ACK.
    if hasattr(socket, "TCP_QUICKACK"):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)


def _receive(sock: socket.socket, n: int, stop: threading.Event | None = None) -> bytes:
    data = bytearray()
    while len(data) < n:
        _quick_ack(sock)
        try:
            chunk = sock.recv(n - len(data))
        except TimeoutError:
            if stop is not None and stop.is_set() and not data:
                return b""
            continue
        if not chunk:
            raise ConnectionError("vpcd closed the connection")
        data.extend(chunk)
    return bytes(data)


def serve(
    chip: VirtualChip,
    host: str = "127.0.0.1",
    port: int = VPCD_PORT,
    stop: threading.Event | None = None,
    mute: bool = False,
    apdu_delay_s: float = 0.0,
) -> None:
    """Be the card on vpcd's reader until ``stop`` is set (the card is then removed).

    ``mute``: a card that does not answer properly — an unusable ATR (pcscd sees a card but
    cannot connect to it, as with a broken chip) and no answer to any APDU.
    ``apdu_delay_s``: a slow chip (tests remove the card mid-read).
    """
    stop = stop or threading.Event()
    with socket.create_connection((host, port), timeout=5) as sock:
        # vpcd writes length and APDU separately: without these, each APDU waits ~45 ms.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.settimeout(0.1)
        while not stop.is_set():
            header = _receive(sock, 2, stop)
            if not header:
                return
            (length,) = struct.unpack(">H", header)
            message = _receive(sock, length)
            if length == 1:
                if message[0] in (_POWER_ON, _RESET, _POWER_OFF):
                    chip.reset()
                elif message[0] == _ATR:
                    atr = b"\xff" if mute else chip.atr
                    sock.sendall(struct.pack(">H", len(atr)) + atr)
                continue
            if mute:
                continue
            if apdu_delay_s:
                time.sleep(apdu_delay_s)
            answer = chip.transmit(message)
            sock.sendall(struct.pack(">H", len(answer)) + answer)


def main(argv: list[str] | None = None) -> int:
    from drivers.card.virtual.document import Specimen, chip_profile
    from drivers.card.virtual.pki import TestPki

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sample", help="a sample file (drivers/card/samples/NAME.json or a path)")
    parser.add_argument("--port", type=int, default=VPCD_PORT)
    parser.add_argument("--csca-out", type=Path, help="write the test CSCA certificate here (PEM)")
    parser.add_argument("--mute", action="store_true", help="a card that does not answer")
    parser.add_argument("--apdu-delay", type=float, default=0.0, help="seconds per APDU")
    parser.add_argument(
        "--behaviour",
        type=ChipBehaviour.from_json,
        default=ChipBehaviour(),
        help='how the chip answers, as JSON: e.g. {"past_end": "6282", "sfi": false}',
    )
    args = parser.parse_args(argv)
    path = Path(args.sample)
    if not path.exists():
        path = Path(__file__).parent.parent / "samples" / f"{args.sample}.json"
    pki = TestPki.generate()
    if args.csca_out:
        args.csca_out.write_bytes(pki.csca_pem())
    profile = chip_profile(Specimen.from_json(path), pki, args.behaviour)
    chip = VirtualChip(profile)
    sys.stdout.write("card ready\n")
    sys.stdout.flush()
    with contextlib.suppress(KeyboardInterrupt, ConnectionError):
        serve(chip, port=args.port, mute=args.mute, apdu_delay_s=args.apdu_delay)
    return 0


if __name__ == "__main__":
    sys.exit(main())
