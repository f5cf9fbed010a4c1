"""A call whose connection breaks (the network address it runs over goes away for a few
seconds): the terminal tells the citizen, dials the same clerk again once the network is back,
and picture and sound flow again. Run inside a network namespace (``netns.run``); the hub
listens on the namespace's call address too, so the break cuts signalling and media alike.
Prints one JSON line for ``tests/e2e/test_call.py``."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from queue import Queue
from typing import Any

from drivers.camera.simulated import SimulatedCamera
from drivers.sound.simulated import SimulatedSound
from kiosk.call.link import CallEvent, CallLink, CallPhase
from tests.e2e.browser import MEDIA_ARGS, chromium
from tests.e2e.call_scenario import log_in, next_event, run, until
from tests.e2e.netns import CALL_ADDRESS
from tests.hub.conftest import CLERK_PASSWORD
from tests.support.hub_runner import HubRunner


def address(change: str) -> None:
    subprocess.run(["ip", "addr", change, f"{CALL_ADDRESS}/32", "dev", "lo"], check=True)


def scenario(work: Path) -> dict[str, Any]:
    results: dict[str, Any] = {}
    hub = HubRunner(work / "hub")
    credential, _key = hub.setup(terminal_id="village-01")
    hub.cli("users", "add", "clerk", "--password-stdin", stdin=CLERK_PASSWORD + "\n")
    hub.start("--host", "0.0.0.0")
    camera = SimulatedCamera(640, 480, seed=3, fps=30)
    camera.start()
    events: Queue[CallEvent] = Queue()
    try:
        with chromium(MEDIA_ARGS) as browser:
            log_in(browser, hub.url)
            terminal_url = hub.url.replace("127.0.0.1", CALL_ADDRESS)
            token = credential.read_text().strip()
            link = CallLink(terminal_url, token, events.put, camera.frames, SimulatedSound())
            link.start("Frage", "de")
            next_event(events, CallPhase.QUEUED)
            until("the caller shows at the desk", lambda: "Frage" in browser.text)
            browser.click("#queue button", loads_page=False)
            next_event(events, CallPhase.CONNECTED)
            until("frames at the terminal", lambda: link.video_in.received > 10)
            # The network goes away under the call.
            address("del")
            broke = time.monotonic()
            next_event(events, CallPhase.RECONNECTING)
            results["noticed_after_s"] = time.monotonic() - broke
            time.sleep(2.0)
            address("add")
            back = time.monotonic()
            answered = next_event(events, CallPhase.ANSWERED)
            results["same_clerk"] = answered.clerk
            next_event(events, CallPhase.CONNECTED)
            results["reconnected_after_s"] = time.monotonic() - back
            before = link.video_in.received
            until("frames flow again", lambda: link.video_in.received > before + 10)

            def clerk_frames() -> int:
                got = browser.evaluate("window.popDesk.received()")
                return int(got["framesDecoded"]) if got else 0

            until("the clerk sees the terminal again", lambda: clerk_frames() > 10)
            results["frames_again"] = True
            # The citizen hangs up from the terminal; the clerk's page is told.
            link.hang_up()
            results["ended"] = next_event(events, CallPhase.ENDED).reason
            until("the clerk's call ended", lambda: not browser.evaluate("window.popDesk.inCall()"))
            results["clerk_told"] = True
            link.join()
    finally:
        camera.close()
        hub.stop()
    return results


if __name__ == "__main__":
    sys.exit(run(scenario))
