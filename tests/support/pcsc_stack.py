"""The real PC/SC stack for the card tests: pcscd with vsmartcard's vpcd reader, and our
virtual chip as the card (``python -m drivers.card.virtual.vpcd`` in a process of its own).

One pcscd serves the whole machine, so card tests run one after another. After a card leaves,
we wait until pcscd reports the reader empty before the next card connects (FIELD-NOTES: a card
put down earlier is unusable about half the time).
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType

from drivers.card.icao.passive import TrustStore
from drivers.card.virtual.behaviour import ChipBehaviour
from tests.support.configs import ROOT

READER = "Virtual PCD 00 00"
TIMEOUT_S = 15.0


def _scard():  # type: ignore[no-untyped-def]
    import smartcard.scard as scard

    return scard


def reader_state() -> int | None:
    """pcscd's event state of the vpcd reader, or None when pcscd or the reader is missing."""
    s = _scard()
    result, context = s.SCardEstablishContext(s.SCARD_SCOPE_USER)
    if result != s.SCARD_S_SUCCESS:
        return None
    try:
        result, readers = s.SCardListReaders(context, [])
        if result != s.SCARD_S_SUCCESS or READER not in readers:
            return None
        result, states = s.SCardGetStatusChange(context, 0, [(READER, s.SCARD_STATE_UNAWARE)])
        return int(states[0][1]) if result == s.SCARD_S_SUCCESS else None
    finally:
        s.SCardReleaseContext(context)


def wait_until(condition, what: str, timeout: float = TIMEOUT_S) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"pcscd: {what} not reached in {timeout} s")
        time.sleep(0.02)


def start_pcscd() -> None:
    """Start pcscd if it is not running (CI: as root, installed by scripts/test)."""
    if reader_state() is not None:
        return
    pcscd = shutil.which("pcscd") or "/usr/sbin/pcscd"
    subprocess.run([pcscd], check=True)  # daemonises itself
    wait_until(lambda: reader_state() is not None, "the vpcd reader listed")


def stop_pcscd() -> None:
    subprocess.run(["pkill", "-x", "pcscd"], check=False)
    wait_until(lambda: reader_state() is None, "pcscd gone")


def card_present() -> bool:
    state = reader_state()
    return state is not None and bool(state & _scard().SCARD_STATE_PRESENT)


def reader_empty() -> bool:
    state = reader_state()
    return state is not None and bool(state & _scard().SCARD_STATE_EMPTY)


class VirtualCard:
    """Our virtual chip on the vpcd reader, in a process of its own (killed = card taken)."""

    def __init__(
        self,
        directory: Path,
        sample: str | Path = "erika",
        mute: bool = False,
        apdu_delay_s: float = 0.0,
        behaviour: ChipBehaviour | None = None,
    ) -> None:
        self.csca = directory / "csca.pem"
        self._command = [
            sys.executable, "-m", "drivers.card.virtual.vpcd", str(sample),
            "--csca-out", str(self.csca), "--apdu-delay", str(apdu_delay_s),
        ]  # fmt: skip
        if mute:
            self._command.append("--mute")
        if behaviour is not None:
            self._command += ["--behaviour", behaviour.to_json()]
        self.process: subprocess.Popen[bytes] | None = None

    def put_down(self, wait: bool = True) -> VirtualCard:
        wait_until(reader_empty, "reader empty before the next card")
        self.process = subprocess.Popen(self._command, cwd=ROOT, stdout=subprocess.PIPE)
        assert self.process.stdout is not None
        assert self.process.stdout.readline() == b"card ready\n"
        if wait:
            wait_until(card_present, "card present")
        return self

    def take_away(self) -> None:
        """Yank the card: the card process dies at once (SIGKILL), pcscd sees it leave."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=TIMEOUT_S)
        if self.process is not None and self.process.stdout is not None:
            self.process.stdout.close()
        self.process = None
        if reader_state() is not None:
            wait_until(reader_empty, "reader empty after the card left")

    def trust(self) -> TrustStore:
        return TrustStore.from_paths([self.csca])

    def __enter__(self) -> VirtualCard:
        return self.put_down()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.take_away()
