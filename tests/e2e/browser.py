"""A real headless Chromium driven over its DevTools protocol, for the clerks' pages.

Chromium's ``--remote-debugging-pipe`` takes protocol commands on file descriptor 3 and answers
on 4 (JSON messages ended by a NUL byte), so no WebSocket library, no chromedriver and no
browser download are needed: only Debian's ``/usr/bin/chromium``. The clerk's steps are what a
person does: open a page, type into fields, press a button; the browser then sends its own
headers (``Origin``, ``Sec-Fetch-Site``, cookies) exactly as it would for a person.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from queue import Empty, Queue
from typing import Any

CHROMIUM = "/usr/bin/chromium"
TIMEOUT_S = 30.0


class BrowserError(Exception):
    pass


class Chromium:
    """One headless Chromium with one page (tab)."""

    def __init__(self, profile: Path, extra_args: tuple[str, ...] = ()) -> None:
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        # bash (dash takes only one-digit descriptors) puts the pipe ends on fds 3 and 4, where
        # Chromium expects them.
        script = f'exec "$0" "$@" 3<&{to_chrome_r} 4>&{from_chrome_w}'
        self.process = subprocess.Popen(
            [
                "/bin/bash",
                "-c",
                script,
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--remote-debugging-pipe",
                *extra_args,
                "about:blank",
            ],
            pass_fds=(to_chrome_r, from_chrome_w),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._next_id = 0
        self._answers: dict[int, Queue[dict[str, Any]]] = {}
        self._events: Queue[dict[str, Any]] = Queue()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, name="cdp-reader", daemon=True)
        self._reader.start()
        self.session = self._attach()

    # -- protocol ------------------------------------------------------------------------

    def _read(self) -> None:
        buffer = b""
        with os.fdopen(self._from_chrome, "rb", buffering=0) as pipe:
            while chunk := pipe.read(65536):
                buffer += chunk
                while b"\0" in buffer:
                    raw, buffer = buffer.split(b"\0", 1)
                    message = json.loads(raw)
                    if "id" in message:
                        with self._lock:
                            queue = self._answers.get(message["id"])
                        if queue is not None:
                            queue.put(message)
                    else:
                        self._events.put(message)

    def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        with self._lock:
            self._next_id += 1
            ident = self._next_id
            queue: Queue[dict[str, Any]] = Queue()
            self._answers[ident] = queue
        message: dict[str, Any] = {"id": ident, "method": method, "params": params}
        if session is not None:
            message["sessionId"] = session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        try:
            answer = queue.get(timeout=TIMEOUT_S)
        except Empty:
            raise BrowserError(f"no answer to {method}") from None
        if "error" in answer:
            raise BrowserError(f"{method}: {answer['error']}")
        result: dict[str, Any] = answer.get("result", {})
        return result

    def wait_event(self, method: str) -> dict[str, Any]:
        while True:
            try:
                event = self._events.get(timeout=TIMEOUT_S)
            except Empty:
                raise BrowserError(f"no {method} event") from None
            if event.get("method") == method:
                params: dict[str, Any] = event.get("params", {})
                return params

    def _attach(self) -> str:
        targets = self.send("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        session = str(
            self.send("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        )
        self.send("Page.enable", session)
        self.send("Network.enable", session)
        return session

    # -- what a person does ----------------------------------------------------------------

    def _drain_events(self) -> None:
        while True:
            try:
                self._events.get_nowait()
            except Empty:
                return

    def open(self, url: str) -> None:
        self._drain_events()
        self.send("Page.navigate", self.session, url=url)
        self.wait_event("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.send(
            "Runtime.evaluate",
            self.session,
            expression=expression,
            returnByValue=True,
            awaitPromise=True,
        )
        if "exceptionDetails" in result:
            raise BrowserError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: Path) -> None:
        """Save what the clerk sees now (the whole page) as a PNG."""
        import base64

        shot = self.send(
            "Page.captureScreenshot", self.session, format="png", captureBeyondViewport=True
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))

    def type_into(self, selector: str, text: str) -> None:
        """Focus the field and type, as a keyboard would (input events, no value poking)."""
        self.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
        self.send("Input.insertText", self.session, text=text)

    def click(self, selector: str, *, loads_page: bool = True) -> None:
        """Click in the middle of the element with the mouse; waits for the page it loads."""
        # The point is where the element is *now*; a page still laying itself out (a video
        # starting, a message appearing) can move it between measuring and pressing, so it
        # is measured until the element is what lies at that point, twice running.
        where = (
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
            " const x = r.x + r.width / 2, y = r.y + r.height / 2;"
            " const hit = document.elementFromPoint(x, y);"
            " return [x, y, hit !== null && (hit === e || e.contains(hit))]; })()"
        )
        deadline = time.monotonic() + TIMEOUT_S
        box = self.evaluate(where)
        while True:
            time.sleep(0.05)
            again = self.evaluate(where)
            if again == box and box[2]:
                break
            if time.monotonic() > deadline:
                raise BrowserError(f"{selector} is not clickable (covered or moving): {again}")
            box = again
        self._drain_events()
        for kind in ("mousePressed", "mouseReleased"):
            self.send(
                "Input.dispatchMouseEvent",
                self.session,
                type=kind,
                x=box[0],
                y=box[1],
                button="left",
                clickCount=1,
            )
        if loads_page:
            self.wait_event("Page.loadEventFired")

    @property
    def url(self) -> str:
        return str(self.evaluate("location.href"))

    @property
    def text(self) -> str:
        return str(self.evaluate("document.body.innerText"))

    def close(self) -> None:
        with suppress(BrowserError, OSError):
            self.send("Browser.close")
        try:
            self.process.wait(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=TIMEOUT_S)
        os.close(self._to_chrome)


#: A clerk's browser in a call: Chromium's fake camera (a moving test picture) and microphone
#: (a beep), permission granted without a prompt, sound played without a gesture, and peer
#: connections over loopback (the call tests run in a network namespace of their own).
MEDIA_ARGS = (
    "--use-fake-device-for-media-stream=fps=30",
    "--use-fake-ui-for-media-stream",
    "--allow-loopback-in-peer-connection",
    "--autoplay-policy=no-user-gesture-required",
    "--disable-quic",
)


@contextmanager
def chromium(extra_args: tuple[str, ...] = ()) -> Iterator[Chromium]:
    with tempfile.TemporaryDirectory() as profile:
        browser = Chromium(Path(profile), extra_args)
        try:
            yield browser
        finally:
            browser.close()
