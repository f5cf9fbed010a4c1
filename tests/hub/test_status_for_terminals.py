"""Status look-ups a terminal makes for the citizens standing at it, against a real hub.

A village terminal asks for many citizens from one address. With its credential it gets a
budget of its own, so it neither uses up the public per-address limit nor is starved by it;
a wrong credential is refused, not mistaken for a citizen.
"""

from __future__ import annotations

import requests

from tests.hub.conftest import LiveHub, termin
from wire.api import STATUS_API_PATH
from wire.tracking import new_tracking_code


def _ask(hub: LiveHub, code: str, token: str | None) -> requests.Response:
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    return hub.http.get(
        hub.url + STATUS_API_PATH.format(code=code),
        headers=headers,
        timeout=30,
        allow_redirects=False,
    )


def test_a_terminal_looks_up_for_many_citizens_on_its_own_budget(live_hub: LiveHub) -> None:
    doc = termin(live_hub.terminal_id)
    assert live_hub.put_data(doc).status_code == 201
    code = doc["tracking_code"]

    # Thirty citizens at the terminal, one after the other: each gets an answer, and the
    # code is found however it was typed (lower case, spaces instead of dashes).
    typed = code.lower().replace("-", " ")
    answers = [_ask(live_hub, typed if n % 2 else code, live_hub.token) for n in range(30)]
    assert [r.status_code for r in answers] == [200] * 30
    assert answers[0].json()["status"] == "received"
    assert answers[0].headers["Cache-Control"] == "no-store"

    # Then the terminal's own budget is spent: 429 with a Retry-After, not an error.
    limited = _ask(live_hub, code, live_hub.token)
    assert limited.status_code == 429
    assert int(limited.headers["Retry-After"]) >= 1

    # The public per-address budget was not touched by the terminal's look-ups.
    public = _ask(live_hub, new_tracking_code(), None)
    assert public.status_code == 404


def test_a_wrong_terminal_credential_is_refused(live_hub: LiveHub) -> None:
    r = _ask(live_hub, new_tracking_code(), live_hub.terminal_id + ".not-the-secret")
    assert r.status_code == 401
    assert r.headers["Content-Type"].startswith("application/problem+json")
