"""A video call for real: the hub, the terminal's aiortc end and a clerk in Chromium, inside a
network namespace the test makes (tests/e2e/netns.py): media, sound, text and the form both
ways."""

from __future__ import annotations

import json

from tests.e2e import netns


def test_a_citizen_and_a_clerk_see_hear_and_write_to_each_other() -> None:
    done = netns.run("tests.e2e.call_scenario")
    assert done.returncode == 0, done.stderr[-4000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["submission_at_desk"]  # the desk is the inbox too, live
    assert seen["away_and_back"]  # a clerk sets themselves away and back
    assert seen["queued_position"] == 1 and seen["clerk"] == "clerk"
    # Pictures decoded on both sides, and sound above silence in both directions.
    assert seen["frames_at_clerk"] >= 30 and seen["frames_at_terminal"] >= 30
    assert seen["audio_level_at_terminal"] > 0.01 and seen["audio_energy_at_clerk"] > 0
    # Real-time text both ways (EN 301 549 clause 6).
    assert seen["chat_at_terminal"] == "Guten Tag, wie kann ich helfen?" and seen["chat_at_clerk"]
    # The clerk printed a checklist at the terminal and read that it came out.
    assert seen["print"] == [
        "checklist",
        "Mitbringen zum Termin",
        ["Personalausweis", "Meldebescheinigung"],
    ]
    assert seen["printed_at_clerk"]
    # The citizen's form over the data channel: seen by the clerk as data, a suggestion back,
    # its taking seen by the clerk; round trips measured from both ends.
    assert seen["form_at_clerk"] and seen["suggestion_taken_at_clerk"]
    assert seen["suggestion"] == ["location", "Hauptstraße 5"]
    # The chip's photo shows beside the video (through the page's strict CSP).
    assert seen["chip_photo_at_clerk"]
    assert all(0 < ms < 1000 for ms in seen["form_round_trip_ms"])
    # The clerk confirmed the citizen's identity; the terminal has the call's id to send along.
    assert seen["identity_confirmed"]
    # Handed on to a colleague at the desk: the terminal connected anew, media both ways.
    assert seen["transferred_to"] == "ben"
    # The colleague hung up: the terminal heard of it and closed its side.
    assert seen["ended"] == "hung_up" and seen["link_ended"]


def test_a_broken_call_is_told_and_dialled_again_to_the_same_clerk() -> None:
    done = netns.run("tests.e2e.call_redial_scenario")
    assert done.returncode == 0, done.stderr[-4000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    # The break is noticed within seconds (aiortc alone would take ~30 s).
    assert seen["noticed_after_s"] < 10
    assert seen["same_clerk"] == "clerk" and seen["frames_again"]
    assert seen["reconnected_after_s"] < 15
    # Hanging up at the terminal ends it for the clerk too.
    assert seen["ended"] == "hung_up" and seen["clerk_told"]


def test_a_call_through_turn_only_works() -> None:
    done = netns.run("tests.e2e.call_turn_scenario")
    assert done.returncode == 0, done.stderr[-4000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    # Both ends used only the relay (coturn with the hub's REST credentials).
    assert seen["clerk_route"] == "relay"
    assert seen["terminal_offers_relay"] and not seen["terminal_offers_host"]
    assert seen["ended"] == "hung_up"


def test_the_whole_kiosk_calls_and_a_clerk_helps_with_the_form() -> None:
    # The kiosk's interface and session, not only its call module: its own pytest, inside
    # the namespace (tests/ui/kiosk_call_case.py).
    done = netns.run(
        "pytest", "-q", "-p", "no:cacheprovider", "tests/ui/kiosk_call_case.py", timeout_s=300
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "1 passed" in done.stdout
