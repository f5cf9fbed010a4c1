"""The call signalling format: what each side may send, and nothing else."""

from __future__ import annotations

import json

import pytest

from wire.call import (
    MAX_CHAT_CHARS,
    MAX_MESSAGE_BYTES,
    MAX_PRINT_LINES,
    CallMessageError,
    Sender,
    ice_servers_ok,
    message,
    parse_message,
)


def test_each_side_sends_its_own_messages() -> None:
    ring = parse_message(message("ring", topic="Frage", language="de"), Sender.TERMINAL)
    assert ring.type == "ring" and ring["topic"] == "Frage" and "redial_of" not in ring.fields
    again = parse_message(
        message("ring", topic="Frage", language="de", redial_of="abc"), Sender.TERMINAL
    )
    assert again["redial_of"] == "abc"
    assert parse_message(message("take", call_id="abc"), Sender.CLERK)["call_id"] == "abc"
    assert parse_message(b'{"type":"hangup"}', Sender.CLERK).fields == {}
    confirm = parse_message(message("confirm_identity", basis="chip_photo"), Sender.CLERK)
    assert confirm["basis"] == "chip_photo"
    sdp = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n"
    assert parse_message(message("offer", sdp=sdp), Sender.TERMINAL)["sdp"] == sdp


@pytest.mark.parametrize(
    ("text", "sender", "says"),
    [
        ("not json", Sender.TERMINAL, "not JSON"),
        (b"\xff\xfe", Sender.TERMINAL, "not JSON"),
        ("[1, 2]", Sender.TERMINAL, "not a message"),
        ('{"type": 3}', Sender.TERMINAL, "not a message"),
        (message("take", call_id="x"), Sender.TERMINAL, "does not send 'take'"),
        (message("offer", sdp="v=0"), Sender.CLERK, "does not send 'offer'"),
        (message("ring", topic="x"), Sender.TERMINAL, "language missing"),
        (message("ring", topic=3, language="de"), Sender.TERMINAL, "topic missing or not a str"),
        (message("chat", text="x" * (MAX_CHAT_CHARS + 1)), Sender.CLERK, "text too long"),
        (message("chat", text="a\x1b[31m"), Sender.CLERK, "control characters"),
        ("x" * (MAX_MESSAGE_BYTES + 1), Sender.CLERK, "too large"),
        ('{"type": "confirm_identity"}', Sender.CLERK, "basis missing"),
        (message("confirm_identity", basis="hunch"), Sender.CLERK, "not one the hub records"),
    ],
)
def test_anything_else_is_refused_by_name_never_echoed(
    text: str | bytes, sender: Sender, says: str
) -> None:
    with pytest.raises(CallMessageError) as refused:
        parse_message(text, sender)
    assert says in str(refused.value)
    assert "\x1b" not in str(refused.value)


def test_a_chat_line_may_hold_line_breaks() -> None:
    assert parse_message(message("chat", text="Zeile 1\nZeile 2"), Sender.CLERK)["text"]


def test_ice_servers_are_stun_or_turn_urls_with_optional_credentials() -> None:
    good = [
        {"urls": "stun:turn.example.org"},
        {"urls": ["turn:turn.example.org:3478"], "username": "1:t", "credential": "c"},
    ]
    assert ice_servers_ok(good) == [
        {"urls": ["stun:turn.example.org"]},
        {"urls": ["turn:turn.example.org:3478"], "username": "1:t", "credential": "c"},
    ]
    assert ice_servers_ok([]) == []
    for bad in (
        None,
        {"urls": "stun:x"},
        [1],
        [{"urls": []}],
        [{"urls": ["http://evil.example"]}],
        [{"urls": "turn:x", "username": 5}],
        [{"urls": "stun:x"}] * 9,
    ):
        assert ice_servers_ok(bad) is None, json.dumps(bad)


def test_a_clerk_prints_a_document_of_a_known_kind_within_bounds() -> None:
    printed = parse_message(
        message("print", kind="checklist", title="Mitbringen", lines=["Ausweis", "Foto"]),
        Sender.CLERK,
    )
    assert printed["kind"] == "checklist" and printed["lines"] == ["Ausweis", "Foto"]
    assert parse_message(message("printed", outcome="paper_out"), Sender.TERMINAL)["outcome"]
    # The terminal says its sound failed; only as a true or false.
    assert parse_message(message("sound", ok=False), Sender.TERMINAL)["ok"] is False
    for bad_sound, sender in ((message("sound", ok="no"), Sender.TERMINAL),
                              (message("sound", ok=False), Sender.CLERK)):  # fmt: skip
        with pytest.raises(CallMessageError):
            parse_message(bad_sound, sender)
    for bad, says in (
        (dict(kind="poster", title="x", lines=[]), "kind"),
        (dict(kind="letter", title="x", lines=["a"] * (MAX_PRINT_LINES + 1)), "too many"),
        (dict(kind="letter", title="x", lines=[3]), "not text"),
        (dict(kind="letter", title="x", lines=["a\tb"]), "control"),
        (dict(kind="letter", title="x", lines="Ausweis"), "not a list"),
    ):
        with pytest.raises(CallMessageError) as refused:
            parse_message(message("print", **bad), Sender.CLERK)
        assert says in str(refused.value)
    with pytest.raises(CallMessageError):
        parse_message(message("print", kind="letter", title="x", lines=[]), Sender.TERMINAL)
