"""The virtual ESC/POS printer: paper, cover and error states, and its answers to status queries.

It behaves like an Epson-style thermal printer where the driver can tell: it decodes what it
receives into printouts, answers DLE EOT (real time, even while stopped) and GS r (in stream
order, so an answer means everything before it was processed), and stops when the paper runs
out or the cover opens, keeping what it received until DLE ENQ 2 clears it or the fault is fixed.
Thread-safe: the TCP server and a test may touch it at once.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass

from drivers.printer.virtual.decoder import Decoder, Printout, StatusRequest

_FIXED = 0x12  # bits 1 and 4 of every DLE EOT answer


#: How many of the latest status requests :attr:`VirtualPrinter.requests` keeps.
REQUESTS_KEPT = 64


@dataclass
class Faults:
    paper_out: bool = False
    paper_near_end: bool = False
    cover_open: bool = False
    #: Offline for no other reason (the feed button held, a technician's offline mode).
    offline: bool = False
    cutter_error: bool = False
    #: Answers no status query at all (a model without status support, or a hung one).
    silent: bool = False
    #: Prints and answers DLE EOT, but never answers GS r (seen on clones and some firmware):
    #: a job is never confirmed, although the receipt comes out.
    ignores_gs_r: bool = False
    #: The paper runs out after this many more bytes of print data (mid-job failure).
    paper_left_bytes: int | None = None


class VirtualPrinter:
    def __init__(self, dots: int = 576) -> None:
        self.dots = dots
        self.faults = Faults()
        self._decoder = Decoder()
        self._lock = threading.Lock()
        self._printed = threading.Condition(self._lock)
        self.bytes_received = 0
        #: Status answers sent, for tests that check the driver's questions.
        #: The latest status requests, for a look while debugging. Bounded: the driver asks
        #: about eight per receipt and at every idle status poll, and the demo's printer
        #: lives as long as the kiosk (kept whole, it grew by ~1.4 kB per session).
        self.requests: deque[StatusRequest] = deque(maxlen=REQUESTS_KEPT)
        #: How often DLE ENQ 2 cleared what the printer held.
        self.clears = 0

    # --- what tests and the demo set --------------------------------------------------------

    def set_faults(self, **changes: object) -> None:
        """Change fault states, e.g. ``set_faults(paper_out=False)`` for a new roll; a printer
        that can print again goes on with what it holds."""
        with self._lock:
            for name, value in changes.items():
                if not hasattr(self.faults, name):
                    raise AttributeError(name)
                setattr(self.faults, name, value)
        self.receive(b"")

    @property
    def stopped(self) -> bool:
        f = self.faults
        return f.paper_out or f.cover_open or f.offline or f.cutter_error

    # --- printouts --------------------------------------------------------------------------

    @property
    def printouts(self) -> list[Printout]:
        with self._lock:
            return list(self._decoder.finished)

    @property
    def current(self) -> Printout:
        """What has been printed since the last cut (a job broken off shows here)."""
        with self._lock:
            return self._decoder.current

    def take_printouts(self) -> list[Printout]:
        with self._lock:
            done = list(self._decoder.finished)
            self._decoder.finished.clear()
            return done

    def wait_for_clears(self, count: int, timeout_s: float = 5.0) -> bool:
        with self._printed:
            return self._printed.wait_for(lambda: self.clears >= count, timeout_s)

    def wait_for_printouts(self, count: int, timeout_s: float = 5.0) -> list[Printout]:
        with self._printed:
            self._printed.wait_for(lambda: len(self._decoder.finished) >= count, timeout_s)
            return list(self._decoder.finished)

    # --- the wire ---------------------------------------------------------------------------

    def receive(self, data: bytes) -> bytes:
        """Bytes from the host; returns the printer's answers."""
        with self._lock:
            self.bytes_received += len(data)
            answers = bytearray()
            if self.stopped:
                # Real-time commands are read straight off the wire; the rest waits.
                self._decoder.feed(b"", limit=0)
                pending = self._decoder.take_pending() + data
                pending, answers = self._real_time(pending)
                self._decoder.feed(pending, limit=0)
            else:
                limit = None
                available = self._decoder.pending + len(data)
                if self.faults.paper_left_bytes is not None:
                    limit = min(available, self.faults.paper_left_bytes)
                before = self._decoder.bytes_decoded
                for request in self._decoder.feed(data, limit=limit):
                    answers += self._answer(request)
                if self.faults.paper_left_bytes is not None and limit is not None:
                    used = self._decoder.bytes_decoded - before
                    self.faults.paper_left_bytes -= used
                    if limit < available and self._decoder.pending:
                        self.faults.paper_out = True
                        self.faults.paper_left_bytes = None
                        rest = self._decoder.take_pending()
                        rest, more = self._real_time(rest)
                        answers += more
                        self._decoder.feed(rest, limit=0)
            self._printed.notify_all()
            return bytes(answers)

    def disconnected(self) -> None:
        """The connection closed: a command cut off by it is dropped (unless the printer is
        stopped and holding a job for after the fault)."""
        with self._lock:
            if not self.stopped:
                self._decoder.drop_incomplete()

    def _real_time(self, data: bytes) -> tuple[bytes, bytearray]:
        kept = bytearray()
        answers = bytearray()
        i = 0
        while i < len(data):
            if data[i] == 0x10 and i + 2 < len(data) and data[i + 1] in (0x04, 0x05):
                request = StatusRequest("DLE EOT" if data[i + 1] == 4 else "DLE ENQ", data[i + 2])
                if request.command == "DLE ENQ" and request.n == 2:
                    # Recover from a recoverable error (a cutter jam) clearing the buffers;
                    # Epson's models ignore it for paper end or an open cover.
                    if self.faults.cutter_error:
                        kept.clear()
                        self._cleared()
                else:
                    answers += self._answer(request)
                i += 3
                continue
            if data[i : i + 3] == b"\x10\x14\x08" and i + 9 < len(data):
                # DLE DC4 fn 8: clear the receive and print buffers, whatever the state.
                kept.clear()
                self._cleared()
                i += 10
                continue
            kept.append(data[i])
            i += 1
        return bytes(kept), answers

    def _cleared(self) -> None:
        self.clears += 1
        self._decoder.current = Printout(initialised=True)

    def _answer(self, request: StatusRequest) -> bytes:
        self.requests.append(request)
        f = self.faults
        if f.silent:
            return b""
        if request.command == "DLE EOT":
            if request.n == 1:
                return bytes([_FIXED | (0x08 if self.stopped else 0)])
            if request.n == 2:
                value = _FIXED
                value |= 0x04 if f.cover_open else 0
                value |= 0x20 if f.paper_out else 0
                value |= 0x40 if f.cutter_error else 0
                return bytes([value])
            if request.n == 3:
                return bytes([_FIXED | (0x08 if f.cutter_error else 0)])
            if request.n == 4:
                value = _FIXED
                value |= 0x0C if f.paper_near_end or f.paper_out else 0
                value |= 0x60 if f.paper_out else 0
                return bytes([value])
        if request.command == "GS r" and request.n in (1, 49) and not f.ignores_gs_r:
            return bytes([(0x03 if f.paper_near_end else 0) | (0x0C if f.paper_out else 0)])
        if request.command == "GS I" and request.n == 66:
            return b"_POINT-OF-PUBLIC\x00"
        return b""
