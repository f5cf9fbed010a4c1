"""A call through TURN only: coturn (Debian's) in the test's network namespace, the hub handing
out coturn REST credentials for it and telling both ends to send media only through the relay.
Prints one JSON line for ``tests/e2e/test_call.py``."""

from __future__ import annotations

import secrets
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

TURN_PORT = 3478


def coturn(secret: str, log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            "turnserver",
            "-n",  # no configuration file: everything is here
            f"--listening-ip={CALL_ADDRESS}",
            f"--relay-ip={CALL_ADDRESS}",
            f"--listening-port={TURN_PORT}",
            "--min-port=49160",
            "--max-port=49260",
            "--use-auth-secret",
            f"--static-auth-secret={secret}",
            "--realm=pop.test",
            "--allow-loopback-peers",
            "--no-cli",
            "--no-tls",
            "--no-dtls",
            f"--log-file={log}",
            "--simple-log",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def listening(address: str, timeout_s: float = 15.0) -> None:
    """Wait until coturn has bound its UDP port."""
    deadline = time.monotonic() + timeout_s
    while address not in subprocess.run(["ss", "-lun"], capture_output=True, text=True).stdout:
        if time.monotonic() > deadline:
            raise AssertionError(f"coturn is not listening on {address}")
        time.sleep(0.05)


def scenario(work: Path) -> dict[str, Any]:
    results: dict[str, Any] = {}
    secret = secrets.token_urlsafe(24)
    secret_file = work / "turn-secret"
    secret_file.write_text(secret + "\n", encoding="utf-8")
    turn = coturn(secret, work / "coturn.log")
    hub = HubRunner(work / "hub")
    credential, _key = hub.setup(terminal_id="village-01")
    hub.cli("users", "add", "clerk", "--password-stdin", stdin=CLERK_PASSWORD + "\n")
    hub.start(
        "--turn-url",
        f"turn:{CALL_ADDRESS}:{TURN_PORT}?transport=udp",
        "--turn-secret-file",
        str(secret_file),
        "--turn-relay-only",
    )
    camera = SimulatedCamera(640, 480, seed=3, fps=30)
    camera.start()
    events: Queue[CallEvent] = Queue()
    try:
        listening(f"{CALL_ADDRESS}:{TURN_PORT}")
        with chromium(MEDIA_ARGS) as browser:
            log_in(browser, hub.url)
            link = CallLink(
                hub.url, credential.read_text().strip(), events.put, camera.frames, SimulatedSound()
            )
            link.start("Frage", "de")
            next_event(events, CallPhase.QUEUED)
            until("the caller shows at the desk", lambda: "Frage" in browser.text)
            browser.click("#queue button", loads_page=False)
            next_event(events, CallPhase.CONNECTED)

            def clerk() -> dict[str, Any]:
                got = browser.evaluate("window.popDesk.received()")
                return dict(got) if got else {"framesDecoded": 0, "route": ""}

            until("the clerk sees the terminal", lambda: clerk()["framesDecoded"] > 10)
            until("the terminal sees the clerk", lambda: link.video_in.received > 10)
            results["clerk_route"] = clerk()["route"]
            offer = link.offer_sdp
            results["terminal_offers_relay"] = "typ relay" in offer
            results["terminal_offers_host"] = "typ host" in offer
            link.hang_up()
            results["ended"] = next_event(events, CallPhase.ENDED).reason
            link.join()
    finally:
        camera.close()
        hub.stop()
        turn.terminate()
        turn.wait(10)
    return results


if __name__ == "__main__":
    sys.exit(run(scenario))
