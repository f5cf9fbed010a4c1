"""The byte pipe to a printer behind one narrow interface.

A :class:`Transport` opens, writes (within a time limit), reads with a timeout and closes; every
library error is translated here into :class:`PrinterConnectionError`, so nothing of socket,
pyserial, pyusb or pycups reaches the driver above. Raw TCP and device nodes are our own (see
their docstrings for why); USB, serial and CUPS are python-escpos's connections. Reading is what
status queries need; a CUPS queue or a device node cannot be read, and says so with
``can_read``.
"""

from __future__ import annotations

import contextlib
import os
import select
import socket
import time
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any

from drivers.printer.settings import Connection, PrinterSettings


class PrinterConnectionError(Exception):
    """The printer cannot be reached or the connection broke (the environment's fault)."""


#: Bytes handed over per write where the line is slow (serial, USB, a device node): a printer
#: that stops taking data is noticed after one stall limit, not after the whole job's.
CHUNK = 1024


class Transport(ABC):
    can_read: bool = True

    @abstractmethod
    def open(self) -> None:
        """Connect; raises :class:`PrinterConnectionError`."""

    @abstractmethod
    def write(self, data: bytes) -> None:
        """Send everything, or raise :class:`PrinterConnectionError` once the transport's write
        time limit has passed, or the printer has taken no data for its stall limit (a printer
        that stops taking data must not hold the thread, nor the citizen)."""

    @abstractmethod
    def read(self, timeout_s: float) -> bytes:
        """What the printer sent, waiting up to ``timeout_s``; ``b""`` if nothing came."""

    def transfer_s(self, size: int) -> float:
        """Seconds the line may still be sending ``size`` bytes after :meth:`write` returned
        (a slow serial line); 0 where the bytes are with the printer by then."""
        return 0.0

    def end_job(self) -> None:  # noqa: B027 - only spooling transports need it
        """The job is complete (a CUPS queue sends it now)."""

    @abstractmethod
    def close(self) -> None: ...

    @property
    @abstractmethod
    def is_open(self) -> bool: ...


class EscposTransport(Transport):
    """One of python-escpos's printer classes (USB, serial, CUPS), used for its connection
    only."""

    def __init__(
        self,
        printer: Any,
        kind: Connection,
        write_timeout_s: float = 20.0,
        stall_s: float | None = None,
    ) -> None:
        self._printer = printer
        self.kind = kind
        self._write_timeout_s = write_timeout_s
        #: Each chunk's own limit: no data taken for this long and the printer has stopped.
        self._stall_s = min(write_timeout_s, stall_s or write_timeout_s)
        self.can_read = kind in (Connection.USB, Connection.SERIAL)
        self._open = False

    @property
    def is_open(self) -> bool:
        return self._open

    def open(self) -> None:
        from escpos.exceptions import Error as EscposError

        try:
            self._printer.open()
        except (EscposError, OSError, ValueError, RuntimeError) as exc:
            raise PrinterConnectionError(f"{self.kind.value} printer not reachable") from exc
        device = self._printer.device
        if device is None:
            raise PrinterConnectionError(f"{self.kind.value} printer not reachable")
        if self.kind is Connection.SERIAL:
            # pyserial writes without a limit by default: a printer holding DSR low (paper
            # out) would hold the printer thread for good.
            device.write_timeout = self._stall_s
        self._open = True

    def write(self, data: bytes) -> None:
        if self.kind is Connection.CUPS:
            chunks = [data]  # spooled to a file: nothing to stall
        else:
            size = self._chunk_size()
            chunks = [data[i : i + size] for i in range(0, len(data), size)]
        deadline = time.monotonic() + self._write_timeout_s
        try:
            for chunk in chunks:
                if time.monotonic() > deadline:
                    raise TimeoutError("the job's write limit has passed")
                # Serial: write_timeout is the stall limit; USB: python-escpos passes its
                # timeout (ms, the stall limit) to each bulk write.
                self._printer._raw(chunk)
        except Exception as exc:
            self.close()
            raise PrinterConnectionError(f"{self.kind.value} printer: write failed") from exc

    def _chunk_size(self) -> int:
        """Bytes per write. pyserial's ``write_timeout`` (the stall limit) covers a whole
        ``write()`` call, so on a slow line a chunk must pass well within it: 1 KB takes 4.3 s
        at 2400 baud, longer than a 4 s stall limit — every job failed on a healthy printer.
        Half the stall limit's worth of bytes at the line's speed, at most :data:`CHUNK`."""
        if self.kind is not Connection.SERIAL:
            return CHUNK
        bytes_per_s = max(1, int(getattr(self._printer, "baudrate", 9600))) / 10
        return max(1, min(CHUNK, int(bytes_per_s * self._stall_s / 2)))

    def read(self, timeout_s: float) -> bytes:
        if not self.can_read:
            return b""
        device = self._printer.device
        try:
            if self.kind is Connection.SERIAL:
                # One byte with the timeout, then whatever else has come: read(64) would
                # always wait the whole timeout for bytes that are not coming.
                device.timeout = max(0.0, timeout_s)
                first = bytes(device.read(1))
                return first + bytes(device.read(device.in_waiting)) if first else b""
            import usb.core

            try:
                wait_ms = max(1, int(timeout_s * 1000))
                return bytes(device.read(self._printer.in_ep, 64, wait_ms))
            except usb.core.USBTimeoutError:
                return b""
        except Exception as exc:
            self.close()
            raise PrinterConnectionError(f"{self.kind.value} printer: read failed") from exc

    def transfer_s(self, size: int) -> float:
        if self.kind is not Connection.SERIAL:
            return 0.0
        # Ten bits a byte (start, eight data, stop) at the line's speed.
        return size * 10 / max(1, int(getattr(self._printer, "baudrate", 9600)))

    def end_job(self) -> None:
        if self.kind is not Connection.CUPS:
            return
        try:
            self._printer.send()
        except Exception as exc:
            raise PrinterConnectionError("CUPS did not take the job") from exc
        finally:
            # send() closes the job's spool file: the next job needs a fresh open().
            self.close()

    def close(self) -> None:
        if self.kind is Connection.CUPS:
            # python-escpos makes the job's spool file when the object is made, opened or not.
            with contextlib.suppress(Exception):
                self._printer.tmpfile.close()
        if not self._open:
            return
        self._open = False
        if self.kind is Connection.SERIAL:
            # python-escpos's close() flushes, which waits for a printer that may never read.
            with contextlib.suppress(Exception):
                self._printer.device.reset_output_buffer()
        with contextlib.suppress(Exception):  # closing a broken connection may fail too
            self._printer.close()
        # python-escpos opens again on the next use of .device; start from "never opened".
        self._printer._device = False


class NetworkTransport(Transport):
    """Raw TCP (port 9100). Not python-escpos's ``Network``: in 3.1 its ``open()`` leaks the
    socket when the connection is refused, which a terminal polling a switched-off printer every
    half minute would do all day."""

    def __init__(
        self, host: str, port: int, connect_timeout_s: float, write_timeout_s: float
    ) -> None:
        self._address = (host, port)
        self._connect_timeout_s = connect_timeout_s
        self._write_timeout_s = write_timeout_s
        self._socket: socket.socket | None = None

    @property
    def is_open(self) -> bool:
        return self._socket is not None

    def open(self) -> None:
        self.close()
        try:
            sock = socket.create_connection(self._address, timeout=self._connect_timeout_s)
        except OSError as exc:
            raise PrinterConnectionError("network printer not reachable") from exc
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._socket = sock

    def write(self, data: bytes) -> None:
        if self._socket is None:
            raise PrinterConnectionError("network printer: not connected")
        try:
            # A printer that stops reading (paper out mid-job, a full buffer) must not hold the
            # printer thread longer than a job may take.
            self._socket.settimeout(self._write_timeout_s)
            self._socket.sendall(data)
        except OSError as exc:
            self.close()
            raise PrinterConnectionError("network printer: write failed") from exc

    def read(self, timeout_s: float) -> bytes:
        if self._socket is None:
            raise PrinterConnectionError("network printer: not connected")
        try:
            self._socket.settimeout(max(0.0, timeout_s))
            data = self._socket.recv(64)
        except (TimeoutError, BlockingIOError):
            return b""
        except OSError as exc:
            self.close()
            raise PrinterConnectionError("network printer: read failed") from exc
        if not data:
            self.close()
            raise PrinterConnectionError("network printer closed the connection")
        return data

    def close(self) -> None:
        if self._socket is not None:
            with contextlib.suppress(OSError):
                self._socket.close()
            self._socket = None


class DeviceNodeTransport(Transport):
    """A device node such as /dev/usb/lp0, opened non-blocking: the kernel's usblp driver
    blocks a writer while the printer is out of paper, and a write must end by the job's
    deadline instead. (python-escpos's ``File`` opens it blocking, and creates a plain file of
    that name when the node is missing.) Device nodes cannot be asked for a status."""

    can_read = False

    def __init__(self, path: str, write_timeout_s: float, stall_s: float | None = None) -> None:
        self._path = path
        self._write_timeout_s = write_timeout_s
        self._stall_s = min(write_timeout_s, stall_s or write_timeout_s)
        self._fd: int | None = None

    @property
    def is_open(self) -> bool:
        return self._fd is not None

    def open(self) -> None:
        self.close()
        if not Path(self._path).exists():
            raise PrinterConnectionError("device node not present (printer unplugged?)")
        try:
            self._fd = os.open(self._path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY)
        except OSError as exc:
            raise PrinterConnectionError("device node cannot be opened") from exc

    def write(self, data: bytes) -> None:
        if self._fd is None:
            raise PrinterConnectionError("device node: not open")
        view = memoryview(data)
        deadline = time.monotonic() + self._write_timeout_s
        progress = time.monotonic()
        try:
            while view:
                try:
                    view = view[os.write(self._fd, view[:CHUNK]) :]
                    progress = time.monotonic()
                except BlockingIOError:
                    now = time.monotonic()
                    remaining = min(deadline, progress + self._stall_s) - now
                    if remaining <= 0:
                        raise TimeoutError("the printer takes no more data") from None
                    select.select([], [self._fd], [], min(remaining, 0.5))
        except OSError as exc:
            self.close()
            raise PrinterConnectionError("device node: write failed") from exc

    def read(self, timeout_s: float) -> bytes:
        return b""

    def close(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None


def open_transport(settings: PrinterSettings) -> Transport:
    """The transport the settings name (not yet connected)."""
    kind = settings.connection
    if kind is Connection.NETWORK:
        return NetworkTransport(
            settings.address,
            settings.port,
            connect_timeout_s=settings.status_timeout_s * 3,
            write_timeout_s=settings.job_timeout_s,
        )
    if kind is Connection.FILE:
        return DeviceNodeTransport(
            settings.address, settings.job_timeout_s, settings.confirm_timeout_s
        )
    from escpos import printer as escpos_printer

    device: Any
    if kind is Connection.USB:
        device = escpos_printer.Usb(
            settings.usb_vendor_id,
            settings.usb_product_id,
            # Per bulk write: the chunk's stall limit (see EscposTransport.write).
            timeout=max(1, int(min(settings.confirm_timeout_s, settings.job_timeout_s) * 1000)),
            in_ep=settings.usb_in_ep,
            out_ep=settings.usb_out_ep,
        )
    elif kind is Connection.SERIAL:
        device = escpos_printer.Serial(
            settings.address, baudrate=settings.serial_baudrate, timeout=1, dsrdtr=True
        )
    else:
        host, _, port = (settings.cups_server or "localhost:631").rpartition(":")
        device = escpos_printer.CupsPrinter(settings.address, host=host, port=int(port))
    return EscposTransport(device, kind, settings.job_timeout_s, settings.confirm_timeout_s)
