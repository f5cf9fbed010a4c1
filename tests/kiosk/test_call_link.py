"""The terminal's call link against a real hub, in this process (no media: nobody answers):
ringing, the queue, hanging up, a hub that refuses or is not there, and the details of a
browser's answer that aiortc would miss. The whole call with media is tests/e2e/test_call.py."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from queue import Queue

import pytest

from drivers.camera.frames import LatestFrame
from kiosk.call.dialer import HubDialer
from kiosk.call.link import CallEvent, CallLink, CallPhase, websocket_url
from kiosk.call.peer import _add_bundled_candidates
from tests.e2e.call_scenario import next_event
from tests.support.hub_runner import HubRunner, free_port

TIMEOUT_S = 15.0


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[HubRunner, str]]:
    runner = HubRunner(tmp_path_factory.mktemp("hub") / "data")
    credential, _ = runner.setup("village-01")
    runner.start()
    yield runner, credential.read_text().strip()
    runner.stop()


def test_a_call_waits_in_the_queue_and_the_citizen_hangs_up(hub: tuple[HubRunner, str]) -> None:
    runner, token = hub
    events: Queue[CallEvent] = Queue()
    link = HubDialer(runner.url, token).dial(events.put, LatestFrame())
    link.start("Frage", "de")
    queued = next_event(events, CallPhase.QUEUED)
    assert queued.position == 1 and queued.clerks == 0 and queued.call_id
    # What the citizen does meanwhile reaches a link that has no media yet: nothing breaks.
    link.set_muted(True)
    link.set_camera(False)
    link.chat("Hallo?")
    link.hang_up()
    ended = next_event(events, CallPhase.ENDED)
    assert ended.reason == "hung_up"
    assert isinstance(link, CallLink)
    link.join()
    link.hang_up()  # after the end: nothing happens
    link.report_printed("printed")


def test_a_hub_that_refuses_or_is_not_there_fails_the_call_plainly(
    hub: tuple[HubRunner, str],
) -> None:
    runner, _token = hub
    refused: Queue[CallEvent] = Queue()
    CallLink(runner.url, "village-01.wrong", refused.put).start("Frage", "de")
    assert next_event(refused, CallPhase.FAILED).reason == "refused"
    gone: Queue[CallEvent] = Queue()
    CallLink(f"http://127.0.0.1:{free_port()}", "x.y", gone.put).start("Frage", "de")
    assert next_event(gone, CallPhase.FAILED).reason == "unreachable"


def test_the_hub_s_address_becomes_its_signalling_socket() -> None:
    assert websocket_url("https://hub.example/") == "wss://hub.example/api/v1/calls"
    assert websocket_url("http://127.0.0.1:8700") == "ws://127.0.0.1:8700/api/v1/calls"
    with pytest.raises(ValueError):
        websocket_url("ftp://hub.example")


def test_a_browser_s_bundled_candidates_reach_the_ice_transport() -> None:
    """Chromium answers with max-bundle and lists its candidates in the first section only;
    they are handed to the transport by that section's mid."""
    added: list[tuple[str, str]] = []

    class Peer:
        async def addIceCandidate(self, candidate: object) -> None:  # noqa: N802 - aiortc's name
            added.append((getattr(candidate, "sdpMid", ""), getattr(candidate, "ip", "")))

    answer = (
        "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1\r\n"
        "m=audio 49244 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 10.99.0.1\r\n"
        "a=candidate:2695594172 1 udp 58662911 10.99.0.1 49244 typ relay raddr 0.0.0.0 "
        "rport 0 generation 0 network-id 1\r\na=mid:0\r\n"
        "m=video 9 UDP/TLS/RTP/SAVPF 97\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\n"
    )
    asyncio.run(_add_bundled_candidates(Peer(), answer))
    assert added == [("0", "10.99.0.1")]
    asyncio.run(_add_bundled_candidates(Peer(), "v=0\r\n"))  # no media sections: nothing
    assert len(added) == 1


def test_the_camera_track_sends_the_newest_frame_scaled_or_black_when_off() -> None:
    import numpy as np

    from kiosk.call.media import CALL_HEIGHT, CALL_WIDTH, CameraTrack

    frames = LatestFrame()
    frames.publish(np.full((720, 1280, 3), 200, np.uint8))
    track = CameraTrack(frames)
    assert frames.wanted

    async def two() -> tuple[object, object]:
        first = await track.recv()
        track.enabled = False  # camera off: black, and the camera no longer wanted
        second = await track.recv()
        return first, second

    first, second = asyncio.run(two())
    picture = first.to_ndarray(format="bgr24")  # type: ignore[attr-defined]
    assert picture.shape == (CALL_HEIGHT, CALL_WIDTH, 3) and picture.mean() > 150
    assert second.to_ndarray(format="bgr24").max() == 0  # type: ignore[attr-defined]
    assert not frames.wanted
    track.enabled = True
    assert frames.wanted
    track.stop()
    assert not frames.wanted


def test_the_clerk_s_printout_is_laid_out_as_a_receipt() -> None:
    from drivers.printer.document import Bullet, DocumentKind, TextLine
    from kiosk.call.printout import clerk_document

    checklist = clerk_document("checklist", "Mitbringen", ("Ausweis", "", "Foto"), "Vom Rathaus")
    assert checklist.kind is DocumentKind.CHECKLIST
    assert [b.text for b in checklist.blocks if isinstance(b, Bullet)] == ["Ausweis", "Foto"]
    letter = clerk_document("letter", "Termin", ("Am Montag.",), "Vom Rathaus")
    assert any(isinstance(b, TextLine) and b.text == "Am Montag." for b in letter.blocks)
    assert clerk_document("unknown", "x", (), "y").kind is DocumentKind.LETTER


class LateWords:
    """The hub's socket as the terminal reads it: each message a little after the last."""

    def __init__(self, *messages: dict[str, object]) -> None:
        self._messages = [json.dumps(m) for m in messages]

    async def recv(self) -> str:
        await asyncio.sleep(0.05)
        if not self._messages:
            await asyncio.sleep(3600)
        return self._messages.pop(0)


def test_a_clerk_s_hang_up_that_closes_the_media_first_ends_the_call_not_redials() -> None:
    # The clerk's browser closes its peer connection as it sends its hang-up: the terminal
    # sees its media end one hop before the hub's "ended" arrives, and must not take that for
    # a broken line.
    link = CallLink("http://127.0.0.1:9", "village-01." + "x" * 43, lambda event: None)
    link.call_id = "c1"

    async def after_media_lost(socket: LateWords) -> CallEvent | None:
        return await link._ended_soon(socket, asyncio.ensure_future(socket.recv()))

    words = LateWords({"type": "chat", "text": "Tschüss"}, {"type": "ended", "reason": "hung_up"})
    ended = asyncio.run(after_media_lost(words))
    assert ended is not None and ended.phase is CallPhase.ENDED and ended.reason == "hung_up"
    # No word from the hub in time: a broken line (dialled again by the caller).
    assert asyncio.run(after_media_lost(LateWords())) is None
