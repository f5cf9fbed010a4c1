"""Property-based tests of the clerks' inbox and the citizens' status page (schemathesis).

These pages are not in the API description (they are HTML for people), so the description
of what a browser can send them is written here. Whatever schemathesis makes of it — odd
filters, odd ids, odd form fields, with a clerk's session and without — the hub answers
without a server error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from schemathesis.openapi import from_dict

from tests.hub.conftest import CLERK_PASSWORD, LiveHub, jpeg, pothole, termin
from tests.support.hub_runner import HubRunner
from wire.sealing import load_public_key

TEXT: dict[str, Any] = {"type": "string"}


def _one_of(known: list[str]) -> dict[str, Any]:
    """Real values some of the time (so the pages behind them are reached), anything else."""
    return {"anyOf": [{"type": "string", "enum": known}, TEXT]}


def _query(*names: str) -> list[dict[str, Any]]:
    return [{"name": n, "in": "query", "required": False, "schema": TEXT} for n in names]


def _path(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": schema}


def _form(schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "required": True,
        "content": {"application/x-www-form-urlencoded": {"schema": schema}},
    }


def inbox_schema(url: str, ids: list[str], codes: list[str], token: str) -> dict[str, Any]:
    answer = {"default": {"description": "a page"}}
    submission = _path("submission_id", _one_of(ids))
    return {
        "openapi": "3.0.3",
        "info": {"title": "clerks' inbox", "version": "1"},
        "servers": [{"url": url}],
        "paths": {
            "/inbox": {
                "get": {
                    "parameters": _query(
                        "page", "from", "to", "status", "service", "terminal", "tracking"
                    ),
                    "responses": answer,
                }
            },
            "/inbox/{submission_id}": {"get": {"parameters": [submission], "responses": answer}},
            "/inbox/{submission_id}/attachments/{name}": {
                "get": {
                    "parameters": [submission, _path("name", _one_of(["photo-1.jpg"]))],
                    "responses": answer,
                }
            },
            "/inbox/{submission_id}/status": {
                "post": {
                    "parameters": [submission],
                    "requestBody": _form(
                        {
                            "type": "object",
                            "properties": {
                                "status": _one_of(["received", "in_progress", "done", "rejected"]),
                                "message": TEXT,
                                "csrf_token": _one_of([token]),
                            },
                        }
                    ),
                    "responses": answer,
                }
            },
            "/login": {
                "post": {
                    "requestBody": _form(
                        {
                            "type": "object",
                            "properties": {
                                "username": TEXT,
                                "password": TEXT,
                                "csrf_token": TEXT,
                            },
                        }
                    ),
                    "responses": answer,
                }
            },
            "/status/{code}": {
                "get": {"parameters": [_path("code", _one_of(codes))], "responses": answer}
            },
        },
    }


@pytest.fixture(scope="module")
def inbox_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveHub]:
    runner = HubRunner(tmp_path_factory.mktemp("fuzz-inbox") / "data")
    credential, key = runner.setup("fuzz-02")
    runner.cli("users", "add", "clerk", "--password-stdin", stdin=CLERK_PASSWORD + "\n")
    # Behind a "proxy" on 127.0.0.1, each example from an address of its own: the status
    # page's rate limit would otherwise answer 429 to almost everything, hiding the page.
    runner.start("--trusted-proxy", "127.0.0.1")
    hub = LiveHub(runner, credential.read_text().strip(), load_public_key(key), "fuzz-02")
    yield hub
    hub.http.close()
    runner.stop()


def test_the_inbox_answers_without_server_errors(inbox_hub: LiveHub) -> None:
    photo = jpeg(3)
    docs = [termin(inbox_hub.terminal_id), pothole(inbox_hub.terminal_id, [photo])]
    assert inbox_hub.put_photo(docs[1]["id"], "photo-1.jpg", photo).status_code == 201
    for doc in docs:
        assert inbox_hub.put_data(doc).status_code == 201
    clerk = requests.Session()
    form = clerk.get(inbox_hub.url + "/login", timeout=10)
    match = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    assert match
    r = clerk.post(
        inbox_hub.url + "/login",
        data={"username": "clerk", "password": CLERK_PASSWORD, "csrf_token": match.group(1)},
        timeout=30,
    )
    assert r.status_code == 200
    token = re.search(r'name="csrf_token" value="([^"]+)"', r.text)
    assert token
    session = clerk.cookies["pop_session"]
    ids, codes = [d["id"] for d in docs], [d["tracking_code"] for d in docs]
    schema = from_dict(inbox_schema(inbox_hub.url, ids, codes, token.group(1)))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 6
    counter = iter(range(10**6))
    seen: set[int] = set()

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=40,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def run(case: Any) -> None:
            address = {"X-Forwarded-For": f"2001:db8:{next(counter):x}::1"}
            for cookies in ({"pop_session": session}, {}):
                response = case.call(base_url=inbox_hub.url, headers=address, cookies=cookies)
                seen.add(response.status_code)
                assert response.status_code < 500, (case.path, case.query, response.text[:300])

        run()
    assert 200 in seen and 404 in seen  # the pages behind the ids were reached
