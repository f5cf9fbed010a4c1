"""The byte pipe to a printer: python-escpos's connections behind one narrow interface.

A :class:`Transport` opens, writes, reads with a timeout and closes; every library error is
translated here into :class:`PrinterConnectionError`, so nothing of socket, pyserial, pyusb or
pycups reaches the driver above. Reading is what status queries need; a CUPS queue or a device
node cannot be read, and says so with ``can_read``.
"""

from __future__ import annotations

import contextlib
import socket
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any

from drivers.printer.settings import Connection, PrinterSettings


class PrinterConnectionError(Exception):
    """The printer cannot be reached or the connection broke (the environment's fault)."""


class Transport(ABC):
    can_read: bool = True

    @abstractmethod
    def open(self) -> None:
        """Connect; raises :class:`PrinterConnectionError`."""

    @abstractmethod
    def write(self, data: bytes) -> None: ...

    @abstractmethod
    def read(self, timeout_s: float) -> bytes:
        """What the printer sent, waiting up to ``timeout_s``; ``b""`` if nothing came."""

    def end_job(self) -> None:  # noqa: B027 - only spooling transports need it
        """The job is complete (a CUPS queue sends it now)."""

    @abstractmethod
    def close(self) -> None: ...

    @property
    @abstractmethod
    def is_open(self) -> bool: ...


class EscposTransport(Transport):
    """One of python-escpos's printer classes (USB, serial, CUPS, device node), used for its
    connection only."""

    def __init__(self, printer: Any, kind: Connection) -> None:
        self._printer = printer
        self.kind = kind
        self.can_read = kind in (Connection.USB, Connection.SERIAL)
        self._open = False

    @property
    def is_open(self) -> bool:
        return self._open

    def open(self) -> None:
        from escpos.exceptions import Error as EscposError

        if self.kind is Connection.FILE and not Path(self._printer.devfile).exists():
            # python-escpos would create a plain file of that name and "print" into it.
            raise PrinterConnectionError("device node not present (printer unplugged?)")
        try:
            self._printer.open()
        except (EscposError, OSError, ValueError) as exc:
            raise PrinterConnectionError(f"{self.kind.value} printer not reachable") from exc
        device = self._printer.device
        if device is None:
            raise PrinterConnectionError(f"{self.kind.value} printer not reachable")
        self._open = True

    def write(self, data: bytes) -> None:
        try:
            self._printer._raw(data)
        except Exception as exc:
            self.close()
            raise PrinterConnectionError(f"{self.kind.value} printer: write failed") from exc

    def read(self, timeout_s: float) -> bytes:
        device = self._printer.device
        try:
            if self.kind is Connection.SERIAL:
                device.timeout = max(0.0, timeout_s)
                return bytes(device.read(64))
            if self.kind is Connection.USB:
                import usb.core

                try:
                    wait_ms = max(1, int(timeout_s * 1000))
                    return bytes(device.read(self._printer.in_ep, 64, wait_ms))
                except usb.core.USBTimeoutError:
                    return b""
        except PrinterConnectionError:
            self.close()
            raise
        except Exception as exc:
            self.close()
            raise PrinterConnectionError(f"{self.kind.value} printer: read failed") from exc
        return b""

    def end_job(self) -> None:
        if self.kind is Connection.CUPS:
            try:
                self._printer.send()
            except Exception as exc:
                raise PrinterConnectionError("CUPS did not take the job") from exc
        elif self.kind is Connection.FILE:
            try:
                self._printer.flush()
            except OSError as exc:
                raise PrinterConnectionError("device node: write failed") from exc

    def close(self) -> None:
        if not self._open:
            return
        self._open = False
        with contextlib.suppress(Exception):  # closing a broken connection may fail too
            self._printer.close()
        # python-escpos opens again on the next use of .device; start from "never opened".
        self._printer._device = False


class NetworkTransport(Transport):
    """Raw TCP (port 9100). Not python-escpos's ``Network``: in 3.1 its ``open()`` leaks the
    socket when the connection is refused, which a terminal polling a switched-off printer every
    half minute would do all day."""

    def __init__(self, host: str, port: int, connect_timeout_s: float) -> None:
        self._address = (host, port)
        self._connect_timeout_s = connect_timeout_s
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
            self._socket.settimeout(None if len(data) > 4096 else self._connect_timeout_s * 4)
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


def open_transport(settings: PrinterSettings) -> Transport:
    """The transport the settings name (not yet connected)."""
    from escpos import printer as escpos_printer

    kind = settings.connection
    if kind is Connection.NETWORK:
        return NetworkTransport(settings.address, settings.port, settings.status_timeout_s * 3)
    device: Any
    if kind is Connection.USB:
        device = escpos_printer.Usb(settings.usb_vendor_id, settings.usb_product_id, timeout=5000)
    elif kind is Connection.SERIAL:
        device = escpos_printer.Serial(
            settings.address, baudrate=settings.serial_baudrate, timeout=1, dsrdtr=True
        )
    elif kind is Connection.CUPS:
        device = escpos_printer.CupsPrinter(settings.address)
    else:
        device = escpos_printer.File(settings.address, auto_flush=False)
    return EscposTransport(device, kind)
