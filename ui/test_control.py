"""A control channel for the end-to-end tests: they drive the running kiosk as a person would.

Off unless the environment names a socket (``POP_TEST_CONTROL=/private/dir/control.sock``), and
refused unless the kiosk runs the demo configuration (simulated devices) and the socket lies in
a directory only this user can enter: a production terminal never opens it. The socket is a
``QLocalServer`` served on the Qt thread; requests and answers are JSON lines::

    {"cmd": "click", "name": "startButton"}     ->  {"ok": true, "result": null}
    {"cmd": "screen"}                           ->  {"ok": true, "result": "attract"}
    {"cmd": "wait", "text": "Absenden"}         ->  {"ok": false, "error": "timed out: ..."}

Commands: ``screen``; ``items`` (what is visible: objectName, text, enabled, geometry);
``click`` (by ``name`` or visible ``text``: a tap at the item's centre, as a finger gives it,
once the item is shown, enabled and has stopped moving); ``type`` (``text`` into the field
``name`` through the input method, as the on-screen keyboard types it — QTest's key clicks crash
on umlauts, see FIELD-NOTES); ``wait`` (for a ``screen``, an item ``name`` or a visible ``text``,
or until one is ``gone``); ``screenshot`` (to ``path``, PNG). Every waiting command takes a
``timeout`` in seconds. Waits poll on a timer of the Qt thread, which never blocks.
"""

from __future__ import annotations

import json
import logging
import os
import re
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QPointF, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtQuick import QQuickItem, QQuickWindow

log = logging.getLogger(__name__)

#: The environment variable that names the socket; unset (the default) means no channel.
ENV = "POP_TEST_CONTROL"
DEFAULT_TIMEOUT_S = 10.0
POLL_MS = 20

Reply = Callable[[Any], None]
Fail = Callable[[str], None]


class ControlRefusedError(Exception):
    """The channel was asked for where it must not open; the reason says why."""


def check_socket_path(path: Path, *, demo: bool) -> None:
    """Refuse a channel on a terminal or in a directory that other users can reach."""
    if not demo:
        raise ControlRefusedError("only the demo configuration (simulated devices) accepts it")
    if not path.is_absolute():
        raise ControlRefusedError("the socket path must be absolute")
    try:
        folder = path.parent.stat()
    except OSError as exc:
        raise ControlRefusedError(f"its directory cannot be read ({exc.strerror})") from exc
    if not stat.S_ISDIR(folder.st_mode) or folder.st_uid != os.getuid():
        raise ControlRefusedError("its directory must be a directory of this user")
    if folder.st_mode & 0o077:
        raise ControlRefusedError("its directory must be private (mode 700)")
    # Listening removes what is at the path (a socket left by a killed run): never a file.
    if path.is_symlink() or (path.exists() and not path.is_socket()):
        raise ControlRefusedError("something other than a socket is at its path")


def start(window: QQuickWindow, socket_path: str, *, demo: bool) -> ControlServer | None:
    """Open the channel, or log why not (an ERROR: the end-to-end harness fails on it)."""
    path = Path(socket_path)
    try:
        check_socket_path(path, demo=demo)
    except ControlRefusedError as exc:
        log.error("test control refused: %s", exc)
        return None
    control = ControlServer(window)
    if not control.listen(path):
        return None
    return control


def screen_name(object_name: str) -> str:
    """``outOfServiceScreen`` -> ``out_of_service``: the screen's name as the core knows it."""
    base = object_name.removesuffix("Screen")
    return re.sub(r"(?<!^)([A-Z])", r"_\1", base).lower()


class ControlServer(QObject):
    """The server: one request at a time per connection, answered in order."""

    def __init__(self, window: QQuickWindow) -> None:
        super().__init__()
        self.window = window
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}
        self._touch: Any = None

    def listen(self, path: Path) -> bool:
        QLocalServer.removeServer(str(path))  # a socket file left by a killed run
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self._server.listen(str(path)):
            log.error("test control cannot listen: %s", self._server.errorString())
            return False
        log.info("test control listening")
        return True

    def close(self) -> None:
        for conn in list(self._buffers):
            self._buffers.pop(conn)
            if shiboken6.isValid(conn):
                conn.disconnected.disconnect()
                conn.abort()
        self._server.close()

    # --- the connection ----------------------------------------------------------------------

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            conn = self._server.nextPendingConnection()
            self._buffers[conn] = b""
            conn.readyRead.connect(lambda conn=conn: self._read(conn))
            conn.disconnected.connect(lambda conn=conn: self._drop(conn))

    def _drop(self, conn: QLocalSocket) -> None:
        self._buffers.pop(conn, None)
        if shiboken6.isValid(conn):  # not already gone with the server
            conn.deleteLater()

    def _read(self, conn: QLocalSocket) -> None:
        data = self._buffers.get(conn, b"") + bytes(conn.readAll().data())
        *lines, rest = data.split(b"\n")
        self._buffers[conn] = rest
        for line in lines:
            if line.strip():
                self._handle(conn, line)

    def _handle(self, conn: QLocalSocket, line: bytes) -> None:
        def send(answer: dict[str, Any]) -> None:
            if conn in self._buffers:  # still connected
                conn.write(json.dumps(answer).encode() + b"\n")
                conn.flush()

        def reply(result: Any) -> None:
            send({"ok": True, "result": result})

        def fail(error: str) -> None:
            send({"ok": False, "error": error})

        try:
            request = json.loads(line)
            command = getattr(self, f"cmd_{request.pop('cmd')}", None)
        except (ValueError, KeyError, AttributeError, TypeError):
            fail("not a command: one JSON object with a 'cmd' per line")
            return
        if command is None:
            fail("unknown command")
            return
        try:
            command(reply, fail, **request)
        except TypeError as exc:
            fail(f"bad arguments: {exc}")
        except Exception as exc:
            # The test hears of it at once; the fault itself goes on to the application's
            # last-resort handler, which logs it (and so fails the test's log check).
            fail(f"the command failed: {type(exc).__name__}")
            raise

    # --- looking -------------------------------------------------------------------------------

    def _all_items(self) -> Iterator[QQuickItem]:
        stack = [self.window.contentItem()]
        while stack:
            item = stack.pop()
            yield item
            stack.extend(reversed(item.childItems()))

    @staticmethod
    def _shown(item: QQuickItem) -> bool:
        node: QQuickItem | None = item
        while node is not None:
            if not node.isVisible() or node.opacity() == 0:
                return False
            node = node.parentItem()
        return item.width() > 0 and item.height() > 0

    @staticmethod
    def _text(item: QQuickItem) -> str | None:
        text = item.property("text")
        return text if isinstance(text, str) else None

    def _find(self, name: str | None = None, text: str | None = None) -> QQuickItem | None:
        for item in self._all_items():
            if name is not None and item.objectName() != name:
                continue
            if text is not None and (self._text(item) or "").strip() != text:
                continue
            if self._shown(item):
                return item
        return None

    def _screen(self) -> str | None:
        for item in self._all_items():
            if item.objectName() == "screenLoader":
                screen = item.property("item")
                if isinstance(screen, QQuickItem) and screen.objectName():
                    return screen_name(screen.objectName())
        return None

    def _describe(self, item: QQuickItem) -> dict[str, Any]:
        corner = item.mapToScene(QPointF(0, 0))
        return {
            "name": item.objectName(),
            "text": self._text(item),
            "enabled": item.isEnabled(),
            "geometry": [round(corner.x()), round(corner.y()), item.width(), item.height()],
        }

    def cmd_screen(self, reply: Reply, fail: Fail, timeout: float = DEFAULT_TIMEOUT_S) -> None:
        reply(self._screen())

    def cmd_items(self, reply: Reply, fail: Fail, timeout: float = DEFAULT_TIMEOUT_S) -> None:
        reply(
            [
                self._describe(item)
                for item in self._all_items()
                if (item.objectName() or self._text(item)) and self._shown(item)
            ]
        )

    def cmd_screenshot(
        self, reply: Reply, fail: Fail, path: str, timeout: float = DEFAULT_TIMEOUT_S
    ) -> None:
        image = self.window.grabWindow()
        if not path.endswith(".png") or image.isNull() or not image.save(path):
            fail(f"cannot save a screenshot to {path}")
            return
        reply(path)

    # --- waiting -------------------------------------------------------------------------------

    def _poll(
        self,
        what: str,
        ready: Callable[[], Any],
        done: Callable[[Any], None],
        fail: Fail,
        timeout: float,
    ) -> None:
        """Call ``done`` with the first value of ``ready()`` that is not None, or fail."""
        deadline = time.monotonic() + timeout
        timer = QTimer(self)
        timer.setObjectName(f"test-control-wait: {what}")
        timer.setInterval(POLL_MS)

        def check() -> None:
            value = ready()
            if value is not None:
                timer.stop()
                timer.deleteLater()
                done(value)
            elif time.monotonic() > deadline:
                timer.stop()
                timer.deleteLater()
                fail(f"timed out after {timeout} s waiting for {what} (screen {self._screen()})")

        timer.timeout.connect(check)
        timer.start()
        check()

    def cmd_wait(
        self,
        reply: Reply,
        fail: Fail,
        screen: str | None = None,
        name: str | None = None,
        text: str | None = None,
        gone: bool = False,
        timeout: float = DEFAULT_TIMEOUT_S,
    ) -> None:
        if screen is None and name is None and text is None:
            fail("wait takes a screen, a name or a text")
            return

        def ready() -> Any:
            if screen is not None:
                return True if self._screen() == screen else None
            found = self._find(name, text)
            if gone:
                return True if found is None else None
            return None if found is None else self._describe(found)

        what = f"screen {screen}" if screen else f"{'no ' if gone else ''}{name or text!r}"
        self._poll(what, ready, reply, fail, timeout)

    # --- acting --------------------------------------------------------------------------------

    def _bring_into_view(self, item: QQuickItem) -> None:
        """Scroll the enclosing Flickable so that the item is on screen, as a person would."""
        node = item.parentItem()
        while node is not None:
            if node.inherits("QQuickFlickable"):
                content = node.property("contentItem")
                top = item.mapToItem(content, QPointF(0, 0)).y()
                current = float(node.property("contentY"))
                if top < current or top + item.height() > current + node.height():
                    limit = max(0.0, float(node.property("contentHeight")) - node.height())
                    node.setProperty("contentY", min(max(0.0, top - 20), limit))
                return
            node = node.parentItem()

    def _ready_target(self, name: str | None, text: str | None) -> Callable[[], Any]:
        """A target that is shown, enabled, in view and has stopped moving (layouts settle
        over later turns of the event loop): its centre in the window."""
        last: list[Any] = [None]

        def ready() -> Any:
            item = self._find(name, text)
            if item is None or not item.isEnabled():
                last[0] = None
                return None
            self._bring_into_view(item)
            centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
            settled = centre == last[0]
            last[0] = centre
            inside = (
                0 <= centre.x() < self.window.width() and 0 <= centre.y() < self.window.height()
            )
            return (item, centre) if settled and inside else None

        return ready

    def cmd_click(
        self,
        reply: Reply,
        fail: Fail,
        name: str | None = None,
        text: str | None = None,
        timeout: float = DEFAULT_TIMEOUT_S,
    ) -> None:
        if (name is None) == (text is None):
            fail("click takes a name or a text")
            return

        def tap(found: tuple[QQuickItem, Any]) -> None:
            from PySide6.QtTest import QTest  # loaded only for the tests' channel

            if self._touch is None:
                self._touch = QTest.createTouchDevice()
            _, centre = found
            QTest.touchEvent(self.window, self._touch).press(0, centre, self.window).commit()
            QTest.touchEvent(self.window, self._touch).release(0, centre, self.window).commit()
            reply(None)

        self._poll(f"{name or text!r} to tap", self._ready_target(name, text), tap, fail, timeout)

    def cmd_type(
        self,
        reply: Reply,
        fail: Fail,
        name: str,
        text: str,
        timeout: float = DEFAULT_TIMEOUT_S,
    ) -> None:
        def focused(found: tuple[QQuickItem, Any]) -> None:
            item, _ = found
            item.forceActiveFocus()
            if not item.hasActiveFocus():
                fail(f"{name!r} takes no focus")
                return
            # What the on-screen keyboard sends: a commit that replaces the field's text.
            current = str(item.property("text") or "")
            event = QInputMethodEvent("", [])
            event.setCommitString(text, -len(current), len(current))
            QCoreApplication.sendEvent(item, event)
            reply(item.property("text"))

        self._poll(f"{name!r} to type into", self._ready_target(name, None), focused, fail, timeout)

    def cmd_quit(self, reply: Reply, fail: Fail, timeout: float = DEFAULT_TIMEOUT_S) -> None:
        """End the application as closing its window would (its shutdown runs and logs)."""
        reply(None)
        QTimer.singleShot(0, QCoreApplication.quit)
