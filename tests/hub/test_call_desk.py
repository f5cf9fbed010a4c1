"""The call desk's rules without sockets: estimates, re-dial to the same clerk, leaving."""

from __future__ import annotations

import json
from typing import Any

from hub.calls.desk import DEFAULT_CALL_S, CallDesk, CallState
from hub.calls.turn import TurnSettings, ice_servers
from wire.call import EndReason


class Inbox:
    def __init__(self) -> None:
        self.messages: list[dict[str, Any]] = []

    def send(self, text: str) -> None:
        self.messages.append(json.loads(text))

    def last(self, kind: str) -> dict[str, Any]:
        return next(m for m in reversed(self.messages) if m["type"] == kind)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_wait_is_estimated_from_the_calls_the_desk_has_seen() -> None:
    clock = Clock()
    desk = CallDesk(monotonic=clock)
    first, second = Inbox(), Inbox()
    desk.ring("t1", "Bücherei", "de", "a", first)
    # Nobody at the desk: the default length per caller ahead and at the counter.
    assert first.last("queued")["wait_s"] == round(DEFAULT_CALL_S)
    desk.ring("t2", "Sparkasse", "tr", "b", second)
    assert second.last("queued")["position"] == 2
    assert second.last("queued")["wait_s"] == round(2 * DEFAULT_CALL_S)
    # A clerk sits down and takes the first; that call lasts 60 s.
    anna = desk.sit_down("anna", Inbox())
    call = next(c for c in desk._calls.values() if c.terminal_id == "t1")
    assert desk.take(anna, call.call_id)
    assert second.last("queued")["position"] == 1
    clock.now += 60
    desk.hang_up(call, EndReason.HUNG_UP, by="clerk")
    # Anna is free again: the next caller is answered now.
    assert second.last("queued")["wait_s"] == 0
    # Busy, the estimate is what calls here take (60 s), not the default.
    other = next(c for c in desk._calls.values() if c.terminal_id == "t2")
    desk.take(anna, other.call_id)
    third = Inbox()
    desk.ring("t3", "Laden", "de", "c", third)
    assert third.last("queued")["wait_s"] == 60


def test_a_broken_call_rung_again_goes_to_the_same_clerk_first() -> None:
    desk = CallDesk()
    anna_inbox, ben_inbox = Inbox(), Inbox()
    anna = desk.sit_down("anna", anna_inbox)
    desk.sit_down("ben", ben_inbox)
    kiosk = Inbox()
    call = desk.ring("t1", "Bücherei", "de", "a", kiosk)
    desk.take(anna, call.call_id)
    desk.hang_up(call, EndReason.TERMINAL_GONE, by="terminal")
    # Somebody else is waiting already; the re-dial still goes straight to Anna.
    desk.ring("t2", "Sparkasse", "de", "b", Inbox())
    again = Inbox()
    redial = desk.ring("t1", "Bücherei", "de", "a", again, redial_of=call.call_id)
    assert redial.state is CallState.CONNECTED and redial.clerk is anna
    assert again.last("answered")["clerk"] == "anna"
    # Another terminal naming that call gets no clerk by it.
    stranger = desk.ring("t9", "x", "de", "a", Inbox(), redial_of=call.call_id)
    assert stranger.state is CallState.WAITING


def test_a_clerk_leaving_mid_call_ends_it_for_the_citizen() -> None:
    ended: list[str] = []
    desk = CallDesk(on_ended=lambda c: ended.append(c.end_reason.value if c.end_reason else ""))
    anna = desk.sit_down("anna", Inbox())
    kiosk = Inbox()
    call = desk.ring("t1", "Bücherei", "de", "a", kiosk)
    desk.take(anna, call.call_id)
    desk.leave(anna)
    assert kiosk.last("ended")["reason"] == "clerk_gone" and ended == ["clerk_gone"]
    assert desk.clerks == 0


def test_turn_credentials_are_coturn_s_rest_scheme_and_expire() -> None:
    assert ice_servers(TurnSettings(), "t1") == []
    stun = ice_servers(TurnSettings(urls=("stun:turn.example.org",)), "t1")
    assert stun == [{"urls": ["stun:turn.example.org"]}]
    settings = TurnSettings(urls=("turn:turn.example.org:3478",), secret="s3cret", ttl_s=3600)
    (server,) = ice_servers(settings, "village:01", now=1_700_000_000)
    assert server["username"] == "1700003600:village_01"
    # What coturn computes for that user name: base64(HMAC-SHA1(secret, username)).
    import base64
    import hashlib
    import hmac

    expected = hmac.new(b"s3cret", b"1700003600:village_01", hashlib.sha1).digest()
    assert server["credential"] == base64.b64encode(expected).decode()


def test_a_re_dial_before_the_hub_noticed_the_break_replaces_the_broken_call() -> None:
    desk = CallDesk()
    anna_inbox = Inbox()
    anna = desk.sit_down("anna", anna_inbox)
    call = desk.ring("t1", "Bücherei", "de", "a", Inbox())
    desk.take(anna, call.call_id)
    # The terminal's old socket still looks alive here; the terminal rings again naming it.
    again = desk.ring("t1", "Bücherei", "de", "a", Inbox(), redial_of=call.call_id)
    assert call.state is CallState.ENDED and call.end_reason is EndReason.TERMINAL_GONE
    assert again.state is CallState.CONNECTED and again.clerk is anna
    kinds = [m["type"] for m in anna_inbox.messages]
    assert kinds.index("ended") < len(kinds) - 1 - kinds[::-1].index("connected")


def test_a_re_dial_is_honoured_only_for_a_broken_call_and_only_for_a_while() -> None:
    clock = Clock()
    desk = CallDesk(monotonic=clock)
    anna = desk.sit_down("anna", Inbox())
    desk.sit_down("ben", Inbox())
    hung_up = desk.ring("t1", "x", "de", "a", Inbox())
    desk.take(anna, hung_up.call_id)
    desk.hang_up(hung_up, EndReason.HUNG_UP, by="terminal")
    # A call that was hung up gives no claim on its clerk.
    again = desk.ring("t1", "x", "de", "a", Inbox(), redial_of=hung_up.call_id)
    assert again.state is CallState.WAITING and not again.wanted_clerk
    desk.hang_up(again, EndReason.CANCELLED, by="terminal")
    broken = desk.ring("t1", "x", "de", "a", Inbox())
    desk.take(anna, broken.call_id)
    desk.hang_up(broken, EndReason.TERMINAL_GONE, by="terminal")
    clock.now += 120  # too late
    late = desk.ring("t1", "x", "de", "a", Inbox(), redial_of=broken.call_id)
    assert late.state is CallState.WAITING and not late.wanted_clerk


def test_a_re_dial_whose_clerk_is_busy_waits_first_and_gets_them_when_free() -> None:
    desk = CallDesk()
    anna = desk.sit_down("anna", Inbox())
    broken = desk.ring("t1", "x", "de", "a", Inbox())
    desk.take(anna, broken.call_id)
    desk.hang_up(broken, EndReason.TERMINAL_GONE, by="terminal")
    # Anna takes the next caller before the terminal is back.
    other = desk.ring("t2", "y", "de", "b", Inbox())
    desk.ring("t3", "z", "de", "c", Inbox())
    desk.take(anna, other.call_id)
    kiosk = Inbox()
    redial = desk.ring("t1", "x", "de", "a", kiosk, redial_of=broken.call_id)
    assert redial.state is CallState.WAITING and kiosk.last("queued")["position"] == 1
    desk.hang_up(other, EndReason.HUNG_UP, by="clerk")
    assert redial.state is CallState.CONNECTED and redial.clerk is anna


def test_a_full_queue_refuses_a_ring() -> None:
    from hub.calls.desk import MAX_WAITING, DeskFullError

    desk = CallDesk()
    for n in range(MAX_WAITING):
        desk.ring(f"t{n}", "x", "de", "a", Inbox())
    import pytest

    with pytest.raises(DeskFullError):
        desk.ring("one-more", "x", "de", "a", Inbox())


def test_a_clerk_hands_the_call_to_a_colleague() -> None:
    desk = CallDesk()
    anna_inbox, ben_inbox, kiosk = Inbox(), Inbox(), Inbox()
    anna = desk.sit_down("anna", anna_inbox)
    ben = desk.sit_down("ben", ben_inbox)
    call = desk.ring("t1", "x", "de", "a", kiosk)
    desk.take(anna, call.call_id)
    assert anna_inbox.last("queue")["free"] == ["ben"]
    assert not desk.transfer(anna, "nobody") and not desk.transfer(anna, "anna")
    assert desk.transfer(anna, "ben")
    assert anna_inbox.last("ended")["reason"] == "transferred" and anna.call is None
    assert call.clerk is ben and ben_inbox.last("connected")["call_id"] == call.call_id
    # The terminal is answered anew by Ben: it sends a new offer.
    assert [m["clerk"] for m in kiosk.messages if m["type"] == "answered"] == ["anna", "ben"]
    # Handed to a busy colleague, the call waits first in the queue for them.
    second = Inbox()
    other = desk.ring("t2", "y", "de", "b", second)
    desk.take(anna, other.call_id)
    assert desk.transfer(anna, "ben")  # Ben is busy with t1
    assert other.state is CallState.WAITING and second.last("queued")["position"] == 1
    desk.hang_up(call, EndReason.HUNG_UP, by="clerk")
    assert other.state is CallState.CONNECTED and other.clerk is ben


def test_the_hub_ends_a_call_that_waited_too_long() -> None:
    from hub.calls.desk import MAX_WAIT_S

    clock = Clock()
    desk = CallDesk(monotonic=clock)
    kiosk = Inbox()
    desk.ring("t1", "x", "de", "a", kiosk)
    clock.now += MAX_WAIT_S / 2
    assert desk.expire() == 0
    clock.now += MAX_WAIT_S
    assert desk.expire() == 1
    assert kiosk.last("ended")["reason"] == "no_clerk" and desk.waiting() == []


def test_the_call_log_forgets_old_calls_but_keeps_confirmations(tmp_path: Any) -> None:
    from hub.calls.desk import Call, CallState
    from hub.calls.log import KEEP_CALLS_S, CallLog

    log = CallLog(tmp_path / "calls.sqlite")
    call = Call("call-old-1", "t1", "x", "de", "a", Inbox(), queued_at=0.0)
    call.state, call.ended_at, call.end_reason = CallState.ENDED, 10.0, EndReason.HUNG_UP
    log.record(call, now=1_000_000.0)
    log.confirm("call-old-1", "t1", "anna", now=1_000_000.0, basis="video")
    assert len(log.recent()) == 1
    assert log.forget_old(now=1_000_000.0 + KEEP_CALLS_S + 1) == 1
    assert log.recent() == []
    confirmation = log.confirmation("call-old-1")
    assert confirmation is not None and confirmation.clerk == "anna"
    assert confirmation.basis == "video"
    log.close()


def test_a_call_log_from_before_the_basis_was_recorded_is_carried_on(tmp_path: Any) -> None:
    import sqlite3

    from hub.calls.log import CallLog

    path = tmp_path / "calls.sqlite"
    old = sqlite3.connect(path)
    old.execute(
        "CREATE TABLE identity_confirmations (call_id TEXT PRIMARY KEY, terminal_id TEXT "
        "NOT NULL, clerk TEXT NOT NULL, confirmed_at REAL NOT NULL)"
    )
    old.execute("INSERT INTO identity_confirmations VALUES ('c1', 't1', 'anna', 5.0)")
    old.commit()
    old.close()
    log = CallLog(path)
    found = log.confirmation("c1")
    # Not recorded then, so not claimed now: the inbox names no basis for it.
    assert found is not None and (found.clerk, found.basis) == ("anna", "")
    log.confirm("c2", "t1", "ben", now=6.0, basis="chip_photo")
    again = log.confirmation("c2")
    assert again is not None and again.basis == "chip_photo"
    log.close()


def test_a_clerk_who_is_away_is_not_counted_on_nor_handed_calls() -> None:
    desk = CallDesk()
    anna_inbox, ben_inbox = Inbox(), Inbox()
    anna = desk.sit_down("anna", anna_inbox)
    ben = desk.sit_down("ben", ben_inbox)
    desk.set_away(ben, True)
    terminal = Inbox()
    desk.ring("t1", "Bücherei", "de", "Frage", terminal)
    # The caller hears of one clerk; the queue names only Anna as free for a transfer.
    assert terminal.last("queued")["clerks"] == 1
    assert anna_inbox.last("queue")["free"] == ["anna"] and anna_inbox.last("queue")["clerks"] == 1
    call = next(iter(desk._calls.values()))
    assert desk.take(anna, call.call_id)
    # Handed to Ben while he is away: it waits for him, first in the queue.
    assert desk.transfer(anna, "ben")
    assert call.state is CallState.WAITING and call.wanted_clerk == "ben"
    # Everyone away: the caller hears that nobody is there (the terminal offers a call-back).
    desk.set_away(anna, True)
    assert terminal.last("queued")["clerks"] == 0
    # Ben is back: the call handed to him is his at once, and he is counted again.
    desk.set_away(ben, False)
    assert call.state is CallState.CONNECTED and terminal.last("answered")["clerk"] == "ben"
    assert anna_inbox.last("queue")["clerks"] == 1
    # Away, a clerk still sees the queue and may take a call.
    other = Inbox()
    desk.ring("t2", "Laden", "de", "Frage", other)
    assert anna_inbox.last("queue")["waiting"]
    waiting = next(c for c in desk._calls.values() if c.terminal_id == "t2")
    assert desk.take(anna, waiting.call_id)
