"""A real hub process per test module, set up through its CLI, and helpers to feed it."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import requests
from joserfc.jwk import RSAKey

from tests.support.hub_runner import HubRunner
from wire.api import ATTACHMENT_PATH, MEDIA_TYPE_JOSE, SUBMISSION_PATH
from wire.sealing import load_public_key, seal
from wire.submission import SCHEMA, ServiceRef, SubmissionData
from wire.tracking import new_tracking_code

CLERK_PASSWORD = "sicheres-Passwort-1"


@dataclass
class LiveHub:
    runner: HubRunner
    token: str
    key: RSAKey
    terminal_id: str
    http: requests.Session = field(default_factory=requests.Session)

    @property
    def url(self) -> str:
        return self.runner.url

    def auth(self, token: str | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {token or self.token}", "Content-Type": MEDIA_TYPE_JOSE}

    def put_data(
        self, doc: dict[str, Any], token: str | None = None, **kw: Any
    ) -> requests.Response:
        body = seal(json.dumps(doc).encode(), self.key, "application/json")
        return self.http.put(
            self.url + SUBMISSION_PATH.format(submission_id=doc["id"]),
            data=body,
            headers=self.auth(token),
            timeout=30,
            **kw,
        )

    def put_photo(self, sid: str, name: str, jpeg: bytes) -> requests.Response:
        return self.http.put(
            self.url + ATTACHMENT_PATH.format(submission_id=sid, name=name),
            data=seal(jpeg, self.key, "image/jpeg"),
            headers=self.auth(),
            timeout=30,
        )


@pytest.fixture(scope="module")
def live_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveHub]:
    runner = HubRunner(tmp_path_factory.mktemp("hub") / "data")
    credential, key = runner.setup("village-01")
    runner.cli(
        "users", "add", "clerk", "--password-stdin", "--display-name", "Frau Weber",
        stdin=CLERK_PASSWORD + "\n",
    )  # fmt: skip
    # Tests here race one terminal's deliveries on purpose (a real one sends one at a time).
    runner.start("--uploads-per-terminal", "32")
    token = credential.read_text().strip()
    hub = LiveHub(runner, token, load_public_key(key), "village-01")
    yield hub
    hub.http.close()
    runner.stop()


def termin(terminal_id: str, **changes: Any) -> dict[str, Any]:
    """A valid appointment request (no photos), built by the document model (wire.submission)
    and returned as JSON values for the tests to change."""
    now = datetime.now(UTC)
    built = SubmissionData(
        schema=SCHEMA,
        id=str(uuid.uuid4()),
        tracking_code=new_tracking_code(),
        service=ServiceRef(id="termin", version=1),
        terminal_id=terminal_id,
        language="de",
        started_at=now,
        submitted_at=now,
        form={
            "topic": "id_card",
            "preferred_date": (date.today() + timedelta(days=7)).isoformat(),
            "morning": "yes",
            "name": "Erika Mustermann",
            "phone": "0221 654321",
        },
        attachments=(),
    )
    doc: dict[str, Any] = json.loads(built.to_json())
    doc.update(changes)
    return doc


def pothole(terminal_id: str, photos: list[bytes]) -> dict[str, Any]:
    doc = termin(terminal_id)
    doc["service"] = {"id": "maengel-melden", "version": 1}
    doc["form"] = {
        "category": "pothole",
        "location": "Hauptstraße 3",
        "description": "Tiefes Schlagloch vor der Kirche",
    }
    doc["attachments"] = [
        {
            "name": f"photo-{i + 1}.jpg",
            "media_type": "image/jpeg",
            "size": len(p),
            "sha256": hashlib.sha256(p).hexdigest(),
        }
        for i, p in enumerate(photos)
    ]
    return doc


def jpeg(n: int) -> bytes:
    return b"\xff\xd8\xff\xe0" + bytes([n % 256]) * 3000 + b"\xff\xd9"
