"""The virtual printer on a TCP socket (port 9100 style), for tests, the benchmark and a
technician's check of the network path.

One connection at a time is served, as a network printer's raw port does; each byte received
goes to the :class:`VirtualPrinter`, and its answers go back at once. ``refuse()`` makes the
port unreachable (a printer switched off) and ``accept()`` brings it back.
"""

from __future__ import annotations

import contextlib
import logging
import selectors
import socket
import threading

from drivers.printer.virtual.printer import VirtualPrinter

log = logging.getLogger(__name__)


class VirtualPrinterServer:
    def __init__(self, printer: VirtualPrinter, host: str = "127.0.0.1", port: int = 0) -> None:
        self.printer = printer
        self.host = host
        self._requested_port = port
        self.port = 0
        self._listener: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._wake_r, self._wake_w = socket.socketpair()
        #: Connections accepted so far (a driver that reconnects per job shows here).
        self.connections = 0
        #: Close the current connection after this many more bytes (a cable pulled mid-job).
        self.drop_after_bytes: int | None = None
        self._pending_ack: threading.Event | None = None

    def start(self) -> VirtualPrinterServer:
        self._listen()
        self._stop.clear()
        self._thread = threading.Thread(target=self._serve, name="virtual-printer", daemon=True)
        self._thread.start()
        return self

    def _listen(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.host, self.port or self._requested_port))
        listener.listen(4)
        listener.setblocking(False)
        self.port = listener.getsockname()[1]
        self._listener = listener

    def refuse(self) -> None:
        """Stop listening: connections are refused, as with a printer switched off."""
        self._wake(b"r")

    def accept(self) -> None:
        self._wake(b"a")

    def stop(self) -> None:
        self._stop.set()
        self._wake(b"s")
        if self._thread is not None:
            self._thread.join(5)
        if self._listener is not None:
            self._listener.close()
        self._wake_r.close()
        self._wake_w.close()

    def __enter__(self) -> VirtualPrinterServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _wake(self, what: bytes) -> None:
        done = threading.Event()
        self._pending_ack = done
        with contextlib.suppress(OSError):
            self._wake_w.send(what)
        if what in (b"r", b"a") and self._thread is not None:
            # Refusing or accepting is done when this returns: tests go on from there.
            done.wait(2)

    def _serve(self) -> None:
        selector = selectors.DefaultSelector()
        selector.register(self._wake_r, selectors.EVENT_READ, "wake")
        if self._listener is not None:
            selector.register(self._listener, selectors.EVENT_READ, "listen")
        client: socket.socket | None = None
        try:
            while not self._stop.is_set():
                for key, _ in selector.select(0.5):
                    if key.data == "wake":
                        for command in self._wake_r.recv(64):
                            client = self._control(bytes([command]), selector, client)
                    elif key.data == "listen" and self._listener is not None:
                        try:
                            conn, _ = self._listener.accept()
                        except BlockingIOError:
                            continue
                        if client is not None:
                            # A real raw port serves one host; the newest wins, as after a
                            # reconnect the old one is gone.
                            selector.unregister(client)
                            client.close()
                        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                        conn.setblocking(False)
                        client = conn
                        self.connections += 1
                        selector.register(client, selectors.EVENT_READ, "client")
                    elif key.data == "client" and client is not None:
                        client = self._read(client, selector)
        finally:
            if client is not None:
                client.close()
            selector.close()

    def _control(
        self, command: bytes, selector: selectors.BaseSelector, client: socket.socket | None
    ) -> socket.socket | None:
        if command == b"r" and self._listener is not None:
            selector.unregister(self._listener)
            self._listener.close()
            self._listener = None
            if client is not None:
                selector.unregister(client)
                client.close()
                client = None
        elif command == b"a" and self._listener is None:
            self._listen()
            assert self._listener is not None
            selector.register(self._listener, selectors.EVENT_READ, "listen")
        if self._pending_ack is not None:
            self._pending_ack.set()
        return client

    def _read(
        self, client: socket.socket, selector: selectors.BaseSelector
    ) -> socket.socket | None:
        try:
            # Quick ACKs before every read: without them each short answer waits for the
            # peer's delayed ACK (about 40 ms on Linux).
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
            data = client.recv(65536)
        except BlockingIOError:
            return client
        except OSError:
            data = b""
        closing = not data
        if self.drop_after_bytes is not None and data:
            data = data[: self.drop_after_bytes]
            self.drop_after_bytes -= len(data)
            if self.drop_after_bytes <= 0:
                self.drop_after_bytes = None
                closing = True
        answer = self.printer.receive(data) if data else b""
        if answer and not closing:
            try:
                client.setblocking(True)
                client.sendall(answer)
                client.setblocking(False)
            except OSError:
                closing = True
        if closing:
            selector.unregister(client)
            client.close()
            self.printer.disconnected()
            return None
        return client
