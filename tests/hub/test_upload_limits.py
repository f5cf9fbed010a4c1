"""What a leaked terminal credential can make the hub store, against real hub processes:
uploads at once are bounded, photos waiting for their submission have a quota per terminal,
and photos whose submission never came are purged."""

from __future__ import annotations

import socket
import sqlite3
import time
from collections.abc import Callable, Iterator

import pytest
import requests

from hub.orphans import ORPHAN_MAX_AGE_S, OrphanPurge
from hub.store import Store
from tests.hub.conftest import LiveHub, pothole
from tests.support.hub_runner import HubRunner
from wire.api import ATTACHMENT_PATH, MEDIA_TYPE_JOSE, ProblemType
from wire.sealing import load_public_key


def _live(tmp_path_factory: pytest.TempPathFactory, name: str, *extra: str) -> Iterator[LiveHub]:
    runner = HubRunner(tmp_path_factory.mktemp(name) / "data")
    credential, key = runner.setup("village-01")
    runner.start(*extra)
    hub = LiveHub(runner, credential.read_text().strip(), load_public_key(key), "village-01")
    yield hub
    hub.http.close()
    runner.stop()


@pytest.fixture(scope="module")
def narrow_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveHub]:
    yield from _live(
        tmp_path_factory,
        "narrow",
        "--uploads-at-once",
        "3",
        "--uploads-per-terminal",
        "2",
        "--max-pending-attachment-mb",
        "1",
    )


def _big_jpeg(n: int, size: int = 600_000) -> bytes:
    return b"\xff\xd8\xff\xe0" + bytes([n]) * size + b"\xff\xd9"


def _held_upload(hub: LiveHub, sid: str, token: str = "") -> socket.socket:
    """An upload that announces a large body and sends only its start, then waits."""
    host, port = hub.url.split("//")[1].split(":")
    s = socket.create_connection((host, int(port)))
    path = ATTACHMENT_PATH.format(submission_id=sid, name="photo-1.jpg")
    s.sendall(
        f"PUT {path} HTTP/1.1\r\nHost: hub\r\nAuthorization: Bearer {token or hub.token}\r\n"
        f"Content-Type: {MEDIA_TYPE_JOSE}\r\nContent-Length: 1000000\r\n\r\n".encode()
        + b"x" * 1000
    )
    return s


def _answered(s: socket.socket) -> bool:
    """Whether the hub already answered a held upload (it was refused, not holding a slot)."""
    try:
        return bool(s.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT))
    except BlockingIOError:
        return False


def _keep_held(hub: LiveHub, held: list[socket.socket], tokens: list[str]) -> None:
    """Replace held uploads the hub refused. A small upload can reach the hub between two
    held ones and take the slot the second was meant to hold; that one is then answered 503
    and holds nothing (a race seen on a slow machine, where the test waited in vain)."""
    for i, s in enumerate(held):
        if _answered(s):
            s.close()
            held[i] = _held_upload(hub, pothole("x", [])["id"], tokens[i])


def _small_upload(hub: LiveHub, token: str = "") -> requests.Response:
    sid = pothole(hub.terminal_id, [])["id"]
    return hub.http.put(
        hub.url + ATTACHMENT_PATH.format(submission_id=sid, name="photo-1.jpg"),
        data=b"not a jwe",  # 422 cannot-open once it gets a slot
        headers=hub.auth(token or None),
        timeout=30,
    )


def _until(answer: Callable[[], requests.Response | None], what: str) -> requests.Response:
    """Send small uploads until one is answered as wanted (the hub takes the held uploads'
    slots when their handlers start, a moment after their headers arrive; on a loaded CI
    machine that moment can be long)."""
    deadline = time.monotonic() + 60.0
    while (r := answer()) is None:
        assert time.monotonic() < deadline, what
    return r


def test_uploads_at_once_are_bounded(narrow_hub: LiveHub) -> None:
    other = narrow_hub.runner.cli(
        "terminals", "add", "village-02", "--name", "B", "--place", "B"
    ).strip()
    held = [_held_upload(narrow_hub, pothole("x", [])["id"]) for _ in range(2)]
    tokens = ["", ""]
    try:

        def busy(token: str = "") -> Callable[[], requests.Response | None]:
            def answer() -> requests.Response | None:
                _keep_held(narrow_hub, held, tokens)
                r = _small_upload(narrow_hub, token)
                return r if r.status_code == 503 else None

            return answer

        # One terminal holds at most two of the three slots ...
        r = _until(busy(), "a third upload of one terminal is taken while two hold slots")
        assert r.json()["type"] == ProblemType.UNAVAILABLE
        assert int(r.headers["retry-after"]) > 0
        # ... so another terminal still gets in,
        assert _small_upload(narrow_hub, other).status_code == 422
        # until every slot is held.
        held.append(_held_upload(narrow_hub, pothole("x", [])["id"], other))
        tokens.append(other)
        r = _until(busy(other), "an upload is taken while every slot is held")
        assert r.json()["type"] == ProblemType.UNAVAILABLE
    finally:
        for s in held:
            s.close()

    def free() -> requests.Response | None:
        r = _small_upload(narrow_hub)
        return r if r.status_code != 503 else None

    # The slots come back when the held uploads' clients go away.
    assert _until(free, "the slots come back").status_code == 422


def test_photos_waiting_for_their_submission_have_a_quota(narrow_hub: LiveHub) -> None:
    first, second = _big_jpeg(1), _big_jpeg(2)
    doc = pothole(narrow_hub.terminal_id, [first])
    assert narrow_hub.put_photo(doc["id"], "photo-1.jpg", first).status_code == 201
    # 600 kB waiting; 600 kB more would be over the 1 MB quota.
    other = pothole(narrow_hub.terminal_id, [second])
    r = narrow_hub.put_photo(other["id"], "photo-1.jpg", second)
    assert r.status_code == 507 and r.json()["type"] == ProblemType.UNAVAILABLE
    assert int(r.headers["retry-after"]) > 0
    # A retry of what the hub has is still answered; nothing else was stored.
    assert narrow_hub.put_photo(doc["id"], "photo-1.jpg", first).status_code == 200
    assert narrow_hub.runner.rows("SELECT count(*) FROM attachments")[0][0] == 1
    # Once its submission came, the first photo is no longer waiting: the second goes in.
    assert narrow_hub.put_data(doc).status_code == 201
    assert narrow_hub.put_photo(other["id"], "photo-1.jpg", second).status_code == 201


@pytest.fixture
def purge_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveHub]:
    yield from _live(tmp_path_factory, "purge")


def test_photos_whose_submission_never_came_are_purged_at_start(purge_hub: LiveHub) -> None:
    hub = purge_hub
    photo = _big_jpeg(3, 1000)
    old, fresh, delivered = (pothole(hub.terminal_id, [photo]) for _ in range(3))
    for doc in (old, fresh, delivered):
        assert hub.put_photo(doc["id"], "photo-1.jpg", photo).status_code == 201
    assert hub.put_data(delivered).status_code == 201
    hub.runner.stop()
    # Back-date two photos past the limit, as if they had waited that long.
    db = sqlite3.connect(hub.runner.data_dir / "hub.sqlite")
    with db:
        db.execute(
            "UPDATE attachments SET received_at = ? WHERE submission_id IN (?, ?)",
            (time.time() - ORPHAN_MAX_AGE_S - 3600, old["id"], delivered["id"]),
        )
    db.close()
    hub.runner.start()
    left = {r[0] for r in hub.runner.rows("SELECT submission_id FROM attachments")}
    # The old orphan went; the fresh one waits on; a delivered submission keeps its photo.
    assert left == {fresh["id"], delivered["id"]}


def test_the_purge_runs_again_when_due(tmp_path_factory: pytest.TempPathFactory) -> None:
    store = Store(tmp_path_factory.mktemp("purge-step") / "hub.sqlite")
    purge = OrphanPurge(store, max_age_s=60.0, every_s=3600.0)
    store.put_attachment("s-1", "photo-1.jpg", "t", "image/jpeg", 10, "0" * 64, "sealed")
    assert purge.step() == 3600.0  # due at once: the first step purges (nothing old yet)
    assert 0 < purge.step() <= 3600.0  # then waits for the next day
    # A day later (as the purge sees it) the photo is older than the limit and goes.
    assert purge.purge(now=time.time() + 120) == 1
    assert store.pending_attachment_bytes("t") == 0
    store.close()
