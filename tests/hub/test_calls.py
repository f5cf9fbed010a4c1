"""Call signalling over the real hub's WebSockets: the queue, one clerk per call, the relay,
hanging up from either side, and who may connect at all."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import requests
from websockets.exceptions import InvalidStatus
from websockets.sync.client import ClientConnection, connect

from tests.hub.conftest import LiveHub
from tests.hub.test_inbox import csrf, login

TIMEOUT_S = 10.0


def ws_url(hub: LiveHub, path: str) -> str:
    return hub.url.replace("http://", "ws://") + path


@contextmanager
def terminal(hub: LiveHub, token: str | None = None) -> Iterator[ClientConnection]:
    with connect(
        ws_url(hub, "/api/v1/calls"),
        additional_headers={"Authorization": f"Bearer {token or hub.token}"},
        open_timeout=TIMEOUT_S,
    ) as ws:
        yield ws


@contextmanager
def clerk_with_session(hub: LiveHub) -> Iterator[tuple[ClientConnection, requests.Session, str]]:
    """A clerk's desk socket, with the browser session behind it and its CSRF token."""
    session, _ = login(hub)
    token = csrf(session.get(hub.url + "/inbox", timeout=10).text)
    cookie = session.cookies["pop_session"]
    with connect(
        ws_url(hub, "/desk/ws"),
        additional_headers={"Cookie": f"pop_session={cookie}", "Sec-Fetch-Site": "same-origin"},
        open_timeout=TIMEOUT_S,
    ) as ws:
        ws.send(json.dumps({"type": "hello", "csrf": token}))
        yield ws, session, token


@contextmanager
def clerk(hub: LiveHub) -> Iterator[ClientConnection]:
    with clerk_with_session(hub) as (ws, _session, _token):
        yield ws


def next_of(ws: ClientConnection, kind: str, **match: Any) -> dict[str, Any]:
    """The next message of type ``kind`` (with the given fields), skipping others."""
    deadline = time.monotonic() + TIMEOUT_S
    while True:
        left = deadline - time.monotonic()
        assert left > 0, f"no {kind} message"
        found = json.loads(ws.recv(timeout=left))
        if found["type"] == kind and all(found.get(k) == v for k, v in match.items()):
            return found


def ring(ws: ClientConnection, topic: str = "Frage zum Antrag") -> dict[str, Any]:
    ws.send(json.dumps({"type": "ring", "topic": topic, "language": "de"}))
    return next_of(ws, "queued")


def test_a_call_is_queued_taken_by_one_clerk_relayed_and_hung_up(live_hub: LiveHub) -> None:
    with clerk(live_hub) as anna, clerk(live_hub) as ben, terminal(live_hub) as kiosk:
        next_of(anna, "queue")
        queued = ring(kiosk)
        call_id = queued["call_id"]
        assert queued["position"] == 1 and queued["wait_s"] == 0  # two clerks are free
        # Both clerks see the caller, with the terminal's place and the topic.
        for desk in (anna, ben):
            waiting = next_of(desk, "queue", clerks=2)["waiting"]
            while not waiting:
                waiting = next_of(desk, "queue")["waiting"]
            assert waiting[0]["call_id"] == call_id
            assert waiting[0]["topic"] == "Frage zum Antrag" and waiting[0]["terminal"]
        # Both press "answer"; only the first gets the call.
        anna.send(json.dumps({"type": "take", "call_id": call_id}))
        connected = next_of(anna, "connected")
        assert connected["call_id"] == call_id and connected["ice_servers"] == []
        ben.send(json.dumps({"type": "take", "call_id": call_id}))
        assert next_of(ben, "missed")["call_id"] == call_id
        answered = next_of(kiosk, "answered")
        # The citizen sees the clerk's display name, not their login.
        assert answered["clerk"] == "Frau Weber" and answered["ice_servers"] == []
        # The session descriptions and the chat pass through unchanged.
        kiosk.send(json.dumps({"type": "offer", "sdp": "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n"}))
        assert next_of(anna, "offer")["sdp"].startswith("v=0\r\n")
        anna.send(json.dumps({"type": "answer", "sdp": "v=0\r\nanswer\r\n"}))
        assert next_of(kiosk, "answer")["sdp"] == "v=0\r\nanswer\r\n"
        kiosk.send(json.dumps({"type": "chat", "text": "Können Sie mich hören?"}))
        assert next_of(anna, "chat")["text"] == "Können Sie mich hören?"
        # The terminal's sound failed: the clerk is told, to write instead.
        kiosk.send(json.dumps({"type": "sound", "ok": False}))
        assert next_of(anna, "sound")["ok"] is False
        # The clerk hangs up: the terminal is told, the queue is empty again.
        anna.send(json.dumps({"type": "hangup"}))
        assert next_of(kiosk, "ended")["reason"] == "hung_up"
    log = live_hub.runner.data_dir / "calls.sqlite"
    deadline = time.monotonic() + TIMEOUT_S
    rows: list[tuple[Any, ...]] = []
    while not rows and time.monotonic() < deadline:
        with sqlite3.connect(log) as db:
            rows = db.execute(
                "SELECT terminal_id, clerk, answered_at, outcome FROM call_log WHERE call_id = ?",
                (call_id,),
            ).fetchall()
        time.sleep(0.05)
    assert rows == [(live_hub.terminal_id, "clerk", pytest.approx(time.time(), abs=60), "hung_up")]


@pytest.fixture(scope="module")
def other_terminal(live_hub: LiveHub) -> str:
    """A second terminal's credential (each terminal has one call at a time)."""
    return live_hub.runner.cli("terminals", "add", "village-09", "--name", "B", "--place", "B")


def test_the_queue_position_follows_the_callers_ahead(
    live_hub: LiveHub, other_terminal: str
) -> None:
    with terminal(live_hub) as first, terminal(live_hub, other_terminal.strip()) as second:
        assert ring(first)["position"] == 1
        behind = ring(second)
        while behind["position"] != 2:  # a caller of an earlier test may still be leaving
            behind = next_of(second, "queued")
        # The first gives up: the second moves up.
        first.send(json.dumps({"type": "hangup"}))
        assert next_of(second, "queued", position=1)


def test_a_clerk_who_sets_themselves_away_is_not_counted_on(live_hub: LiveHub) -> None:
    with clerk(live_hub) as anna, terminal(live_hub) as kiosk:
        next_of(anna, "queue", clerks=1)
        assert ring(kiosk)["clerks"] == 1
        anna.send(json.dumps({"type": "away", "away": True}))
        # Nobody to expect: the terminal hears it (and offers a call-back); Anna still sees it.
        assert next_of(kiosk, "queued", clerks=0)
        assert next_of(anna, "queue", clerks=0)["waiting"]
        anna.send(json.dumps({"type": "away", "away": False}))
        assert next_of(kiosk, "queued", clerks=1)
        kiosk.send(json.dumps({"type": "hangup"}))


def test_a_terminal_has_one_call_a_new_ring_replaces_the_old(live_hub: LiveHub) -> None:
    with clerk(live_hub) as anna, terminal(live_hub) as old, terminal(live_hub) as new:
        old_id = ring(old)["call_id"]
        new_id = ring(new)["call_id"]
        assert new_id != old_id
        # The desk shows one caller from this terminal: the new one.
        waiting = next_of(anna, "queue")["waiting"]
        while [c["call_id"] for c in waiting if c["terminal"] == live_hub.terminal_id] != [new_id]:
            waiting = next_of(anna, "queue")["waiting"]
        anna.send(json.dumps({"type": "take", "call_id": old_id}))
        assert next_of(anna, "missed")["call_id"] == old_id
        new.send(json.dumps({"type": "hangup"}))


def test_the_terminal_s_connection_breaking_ends_the_call_for_the_clerk(
    live_hub: LiveHub,
) -> None:
    with clerk(live_hub) as anna:
        with terminal(live_hub) as kiosk:
            call_id = ring(kiosk)["call_id"]
            anna.send(json.dumps({"type": "take", "call_id": call_id}))
            next_of(anna, "connected")
        assert next_of(anna, "ended", call_id=call_id)["reason"] == "terminal_gone"


def test_strangers_get_no_socket(live_hub: LiveHub) -> None:
    # A terminal without a valid credential: refused before the socket opens.
    with pytest.raises(InvalidStatus) as refused, terminal(live_hub, "village-01.wrong"):
        pass
    assert refused.value.response.status_code == 403
    # No clerk session: refused.
    with pytest.raises(InvalidStatus), connect(ws_url(live_hub, "/desk/ws"), open_timeout=5):
        pass
    # A page of another site, with the clerk's cookie (the browser says cross-site): refused.
    session, _ = login(live_hub)
    cookie = session.cookies["pop_session"]
    with (
        pytest.raises(InvalidStatus),
        connect(
            ws_url(live_hub, "/desk/ws"),
            additional_headers={"Cookie": f"pop_session={cookie}", "Sec-Fetch-Site": "cross-site"},
            open_timeout=TIMEOUT_S,
        ),
    ):
        pass
    # The cookie without the session's CSRF token: closed without a word of the queue.
    with connect(
        ws_url(live_hub, "/desk/ws"),
        additional_headers={"Cookie": f"pop_session={cookie}"},
        open_timeout=TIMEOUT_S,
    ) as ws:
        ws.send(json.dumps({"type": "hello", "csrf": "guessed"}))
        with pytest.raises(Exception) as closed:
            ws.recv(timeout=TIMEOUT_S)
        assert "4403" in str(closed.value)
    assert requests.get(live_hub.url + "/healthz", timeout=10).status_code in (200, 503)


def test_a_terminal_must_ring_first_and_bad_messages_are_ignored(live_hub: LiveHub) -> None:
    with terminal(live_hub) as kiosk:
        kiosk.send(json.dumps({"type": "offer", "sdp": "v=0"}))
        with pytest.raises(Exception) as closed:
            kiosk.recv(timeout=TIMEOUT_S)
        assert "4400" in str(closed.value)
    with clerk(live_hub) as anna, terminal(live_hub) as kiosk:
        call_id = ring(kiosk)["call_id"]
        # A clerk's message a terminal may not send, one too long, and no JSON: ignored.
        kiosk.send(json.dumps({"type": "take", "call_id": call_id}))
        kiosk.send(json.dumps({"type": "chat", "text": "x" * 10_000}))
        kiosk.send("not json")
        anna.send(json.dumps({"type": "take", "call_id": call_id}))
        assert next_of(anna, "connected")["call_id"] == call_id
        kiosk.send(json.dumps({"type": "hangup"}))
        assert next_of(anna, "ended")["reason"] == "hung_up"


def test_a_clerk_who_logs_out_leaves_the_desk(live_hub: LiveHub) -> None:
    with clerk_with_session(live_hub) as (desk, session, token):
        next_of(desk, "queue")
        session.post(live_hub.url + "/logout", data={"csrf_token": token}, timeout=10)
        # The next thing the page does is refused, and the socket closed.
        desk.send(json.dumps({"type": "take", "call_id": "anything"}))
        with pytest.raises(Exception) as closed:
            while True:
                desk.recv(timeout=TIMEOUT_S)
        assert "4403" in str(closed.value)


def test_a_submission_shows_at_the_desk_as_it_arrives(live_hub: LiveHub) -> None:
    from tests.hub.conftest import termin

    with clerk(live_hub) as anna:
        next_of(anna, "queue")
        doc = termin(live_hub.terminal_id)
        assert live_hub.put_data(doc).status_code == 201
        arrived = next_of(anna, "submission", id=doc["id"])
        assert arrived["service"] == "Termin im Bürgerbüro" and arrived["place"] == "Testdorf"
        # Delivered again (a retry): stored once, shown once.
        assert live_hub.put_data(doc).status_code == 200
        anna.send(json.dumps({"type": "take", "call_id": "none"}))
        kinds = []
        while not kinds or kinds[-1] != "missed":
            kinds.append(json.loads(anna.recv(timeout=TIMEOUT_S))["type"])
        assert "submission" not in kinds


def test_a_clerk_confirms_the_citizen_and_the_inbox_believes_only_its_own_log(
    live_hub: LiveHub,
) -> None:
    from tests.hub.conftest import termin

    with clerk(live_hub) as anna, terminal(live_hub) as kiosk:
        call_id = ring(kiosk)["call_id"]
        anna.send(json.dumps({"type": "take", "call_id": call_id}))
        next_of(anna, "connected")
        anna.send(json.dumps({"type": "confirm_identity", "basis": "document_photo"}))
        assert next_of(anna, "identity")["confirmed"] is True
        assert next_of(kiosk, "identity_confirmed")["call_id"] == call_id
        # The terminal sends the application with that call named.
        confirmed = termin(live_hub.terminal_id, confirmed_in_call=call_id)
        assert live_hub.put_data(confirmed).status_code == 201
        kiosk.send(json.dumps({"type": "hangup"}))
    # A terminal claiming a confirmation the hub never saw.
    forged = termin(live_hub.terminal_id, confirmed_in_call="no-such-call-0")
    assert live_hub.put_data(forged).status_code == 201
    session, _ = login(live_hub)
    page = session.get(f"{live_hub.url}/inbox/{confirmed['id']}", timeout=10).text
    assert "Im Videogespräch bestätigt von clerk" in page
    assert "mit dem vor die Kamera gehaltenen Ausweis verglichen" in page
    page = session.get(f"{live_hub.url}/inbox/{forged['id']}", timeout=10).text
    assert "nicht bestätigt" in page and "bestätigt von" not in page
