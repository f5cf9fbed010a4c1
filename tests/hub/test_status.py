"""The citizens' status lookup: rate-limited per address, unknown and invalid codes included."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import requests

from tests.hub.conftest import termin
from tests.support.hub_process import HubProcess
from wire.api import MEDIA_TYPE_JOSE, SUBMISSION_PATH
from wire.sealing import seal

BURST = 4


@pytest.fixture(scope="module")
def strict_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    # A refill of ten minutes: no token comes back while the test runs, however slow the
    # machine, so the count is exact.
    hub = HubProcess(
        tmp_path_factory.mktemp("status") / "data",
        serve_args=("--status-burst", str(BURST), "--status-refill-seconds", "600"),
    )
    hub.setup("village-01")
    hub.start()
    yield hub
    hub.stop()
    assert hub.unexpected_log_lines() == []


def test_lookups_are_limited_per_address_and_bad_codes_count(strict_hub: HubProcess) -> None:
    doc = termin("village-01")
    r = requests.put(
        strict_hub.url + SUBMISSION_PATH.format(submission_id=doc["id"]),
        data=seal(json.dumps(doc).encode(), strict_hub.public_key(), "application/json"),
        headers={
            "Authorization": f"Bearer {strict_hub.credential('village-01')}",
            "Content-Type": MEDIA_TYPE_JOSE,
        },
        timeout=30,
    )
    assert r.status_code == 201
    code = doc["tracking_code"]
    with requests.Session() as http:
        ok = http.get(strict_hub.url + f"/api/v1/status/{code.lower().replace('-', ' ')}")
        assert ok.status_code == 200 and ok.json()["status"] == "received"
        assert ok.headers["cache-control"] == "no-store"
        assert set(ok.json()) == {"status", "message", "received_at", "updated_at"}
        page = http.get(strict_hub.url + f"/status/{code}")
        assert page.status_code == 200 and "Eingegangen" in page.text
        assert "Mustermann" not in page.text and "Mustermann" not in ok.text
        unknown = http.get(strict_hub.url + "/api/v1/status/AAAA-BBBB-CCCC")
        assert unknown.status_code == 404
        assert unknown.headers["content-type"].startswith("application/problem+json")
        invalid = http.get(strict_hub.url + "/status/not-a-code")  # counts as well
        assert invalid.status_code == 404 and "keinen Antrag" in invalid.text
        limited = http.get(strict_hub.url + f"/api/v1/status/{code}")
        assert limited.status_code == 429
        assert limited.json()["type"] == "/problems/rate-limited"
        assert 1 <= int(limited.headers["retry-after"]) <= 600
        html = http.get(strict_hub.url + f"/status/{code}")
        assert html.status_code == 429 and int(html.headers["retry-after"]) >= 1
        assert "warten" in html.json()["detail"]
