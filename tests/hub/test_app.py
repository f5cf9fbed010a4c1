"""The hub's application in-process: what happens to errors nobody planned for."""

from __future__ import annotations

import asyncio
import logging
import shutil
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from hub.app import HubSettings, create_app
from hub.store import StoreError
from tests.support.hub_process import TEST_HUB_KEY


@pytest.fixture
def app(tmp_path: Path) -> FastAPI:
    shutil.copyfile(TEST_HUB_KEY, tmp_path / "hub-key.jwk")
    app = create_app(HubSettings(data_dir=tmp_path))

    @app.get("/test/bug")
    def bug() -> None:
        raise ValueError("Erika Mustermann, Heidestraße 17")  # a message quoting a citizen

    @app.get("/test/disk-full")
    def disk_full() -> None:
        raise StoreError("hub database: OperationalError: database or disk is full")

    return app


class Client:
    """Requests straight into the ASGI app (Starlette's TestClient wants a package we lack)."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app

    def request(self, method: str, path: str) -> httpx.Response:
        async def call() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://hub") as c:
                return await c.request(method, path)

        return asyncio.run(call())

    def get(self, path: str) -> httpx.Response:
        return self.request("GET", path)


@pytest.fixture
def client(app: FastAPI) -> Client:
    return Client(app)


def test_a_bug_is_a_500_problem_and_logs_its_type_only(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        r = client.get("/test/bug")
    assert r.status_code == 500
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["type"] == "/problems/internal"
    assert r.headers["x-frame-options"] == "DENY"  # the security headers still apply
    assert "ValueError" in caplog.text
    assert "Mustermann" not in caplog.text and "Heidestraße" not in caplog.text
    assert "Traceback" not in caplog.text


def test_an_unusable_database_asks_the_terminal_to_come_back(client: Client) -> None:
    r = client.get("/test/disk-full")
    assert r.status_code == 503 and r.json()["type"] == "/problems/unavailable"
    assert int(r.headers["retry-after"]) > 0


def test_framework_errors_are_problems_too(client: Client) -> None:
    for method, path, status in (
        ("GET", "/nowhere", 404),
        ("POST", "/healthz", 405),
        ("PUT", "/api/v1/submissions/NOT-A-UUID", 400),
        ("GET", "/api/v1/status/" + "x" * 5000, 404),
    ):
        r = client.request(method, path)
        assert r.status_code == status, path
        body = r.json()
        assert r.headers["content-type"] == "application/problem+json"
        assert body["status"] == status and body["detail"].endswith(".")
