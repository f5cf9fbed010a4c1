"""The intake API over real HTTP: idempotency, attachments, limits, credentials, hostile input."""

from __future__ import annotations

import hashlib
import json
import socket
import threading

import requests

from tests.hub.conftest import LiveHub, jpeg, pothole, termin
from wire.api import (
    ATTACHMENT_PATH,
    MAX_SEALED_DATA_BYTES,
    MEDIA_TYPE_JOSE,
    SUBMISSION_PATH,
    ProblemType,
)
from wire.sealing import generate_key, import_key, public_jwk, seal


def problem(r: requests.Response) -> str:
    assert r.headers["content-type"].startswith("application/problem+json"), r.text
    body = r.json()
    assert body["status"] == r.status_code and body["title"] and body["detail"]
    return str(body["type"])


def rows(hub: LiveHub, sid: str) -> int:
    return int(hub.runner.rows("SELECT count(*) FROM submissions WHERE id = ?", sid)[0][0])


def test_first_201_same_again_200_other_content_409(live_hub: LiveHub) -> None:
    doc = termin(live_hub.terminal_id)
    first = live_hub.put_data(doc)
    assert first.status_code == 201, first.text
    ack = first.json()
    assert ack["id"] == doc["id"] and ack["part"] == "data" and ack["status"] == "received"
    # The digest of the exact body the hub received: what the terminal checks (wire.api).
    sent = first.request.body
    sent = sent.encode("ascii") if isinstance(sent, str) else bytes(sent or b"")
    assert ack["sha256"] == hashlib.sha256(sent).hexdigest()
    # The same submission, sealed again (other ciphertext): a retry, no second copy.
    again = live_hub.put_data(doc)
    assert again.status_code == 200
    assert rows(live_hub, doc["id"]) == 1
    other = dict(doc, form={**doc["form"], "name": "Max Mustermann"})
    conflict = live_hub.put_data(other)
    assert conflict.status_code == 409 and problem(conflict) == ProblemType.CONFLICT
    assert rows(live_hub, doc["id"]) == 1


def test_attachments_first_then_the_data(live_hub: LiveHub) -> None:
    photos = [jpeg(1), jpeg(2)]
    doc = pothole(live_hub.terminal_id, photos)
    sid = doc["id"]
    missing = live_hub.put_data(doc)
    assert missing.status_code == 409 and problem(missing) == ProblemType.ATTACHMENTS_MISSING
    assert missing.json()["missing"] == ["photo-1.jpg", "photo-2.jpg"]
    assert live_hub.put_photo(sid, "photo-1.jpg", photos[0]).status_code == 201
    assert live_hub.put_photo(sid, "photo-1.jpg", photos[0]).status_code == 200
    clash = live_hub.put_photo(sid, "photo-1.jpg", jpeg(9))
    assert clash.status_code == 409 and problem(clash) == ProblemType.CONFLICT
    assert live_hub.put_data(doc).json()["missing"] == ["photo-2.jpg"]
    # A photo with other bytes than the document names does not count.
    assert live_hub.put_photo(sid, "photo-2.jpg", jpeg(3)).status_code == 201
    assert live_hub.put_data(doc).json()["missing"] == ["photo-2.jpg"]


def test_a_late_attachment_retry_after_the_submission_is_stored(live_hub: LiveHub) -> None:
    photo = jpeg(4)
    doc = pothole(live_hub.terminal_id, [photo])
    assert live_hub.put_photo(doc["id"], "photo-1.jpg", photo).status_code == 201
    assert live_hub.put_data(doc).status_code == 201
    assert live_hub.put_photo(doc["id"], "photo-1.jpg", photo).status_code == 200
    assert live_hub.put_photo(doc["id"], "photo-1.jpg", jpeg(5)).status_code == 409


def test_invalid_submissions_say_which_field_not_what_value(live_hub: LiveHub) -> None:
    doc = termin(live_hub.terminal_id)
    doc["form"]["phone"] = "not a phone number at all"
    doc["form"]["extra"] = "x"
    r = live_hub.put_data(doc)
    assert r.status_code == 422 and problem(r) == ProblemType.INVALID_SUBMISSION
    problems = r.json()["problems"]
    assert "form.phone: not_a_phone" in problems
    assert "form.extra: not a field of this service" in problems
    assert "not a phone number" not in r.text
    for broken in (
        termin(live_hub.terminal_id, schema="pop.submission/0"),
        # (An unknown service or version is not refused but deferred: tests/hub/test_archive.py.)
        termin(live_hub.terminal_id, tracking_code="nope"),
        termin(live_hub.terminal_id, attachments=[{"name": "../../etc/passwd"}]),
    ):
        r = live_hub.put_data(broken)
        assert r.status_code == 422, r.text
    # The URL and the document must name the same submission.
    doc = termin(live_hub.terminal_id)
    body = seal(json.dumps(doc).encode(), live_hub.key, "application/json")
    r = live_hub.http.put(
        live_hub.url + SUBMISSION_PATH.format(submission_id="00000000-0000-4000-8000-000000000000"),
        data=body,
        headers=live_hub.auth(),
        timeout=30,
    )
    assert r.status_code == 422


def test_credentials(live_hub: LiveHub) -> None:
    doc = termin(live_hub.terminal_id)
    url = live_hub.url + SUBMISSION_PATH.format(submission_id=doc["id"])
    body = seal(json.dumps(doc).encode(), live_hub.key, "application/json")
    for headers in (
        {"Content-Type": MEDIA_TYPE_JOSE},
        {"Content-Type": MEDIA_TYPE_JOSE, "Authorization": "Basic dXNlcjpwYXNz"},
        {"Content-Type": MEDIA_TYPE_JOSE, "Authorization": "Bearer garbage"},
        live_hub.auth(f"{live_hub.terminal_id}.{'x' * 43}"),
        live_hub.auth(f"other-terminal.{live_hub.token.split('.', 1)[1]}"),
    ):
        r = requests.put(url, data=body, headers=headers, timeout=30)
        assert r.status_code == 401 and problem(r) == ProblemType.UNAUTHORIZED
        assert r.headers["www-authenticate"] == "Bearer"
    assert rows(live_hub, doc["id"]) == 0


def test_another_terminal_cannot_deliver_for_this_one(live_hub: LiveHub) -> None:
    token = live_hub.runner.cli("terminals", "add", "village-02", "--name", "B", "--place", "B")
    doc = termin(live_hub.terminal_id)
    r = live_hub.put_data(doc, token=token.strip())
    assert r.status_code == 403 and problem(r) == ProblemType.FORBIDDEN
    live_hub.runner.cli("terminals", "revoke", "village-02")
    r = live_hub.put_data(termin("village-02"), token=token.strip())
    assert r.status_code == 401


def test_bodies_that_are_not_ours(live_hub: LiveHub) -> None:
    sid = termin(live_hub.terminal_id)["id"]
    url = live_hub.url + SUBMISSION_PATH.format(submission_id=sid)
    other_key = import_key(public_jwk(generate_key()))
    invalid = ProblemType.INVALID_SUBMISSION

    def sealed(data: bytes) -> bytes:
        return seal(data, live_hub.key, "application/json").encode()

    cases = [
        (b"not a jwe", 422, ProblemType.UNSEALABLE),
        (b"a.b.c.d.e", 422, ProblemType.UNSEALABLE),
        (b"", 422, ProblemType.UNSEALABLE),
        (seal(b"{}", other_key, "application/json").encode(), 422, ProblemType.UNSEALABLE),
        (sealed(b"not json"), 422, invalid),
        (sealed(b"[1, 2]"), 422, invalid),
        (sealed(b"\xff\xfe"), 422, invalid),
        (sealed(b"[" * 100_000), 422, invalid),  # deep nesting: a clear error, no crash
    ]
    for body, status, kind in cases:
        r = live_hub.http.put(url, data=body, headers=live_hub.auth(), timeout=30)
        assert (r.status_code, problem(r)) == (status, kind), body[:40]
    r = live_hub.http.put(
        url, data=b"x", headers={**live_hub.auth(), "Content-Type": "application/json"}, timeout=30
    )
    assert r.status_code == 415 and problem(r) == ProblemType.UNSUPPORTED_MEDIA_TYPE
    r = live_hub.http.put(
        live_hub.url + "/api/v1/submissions/not-a-uuid",
        data=b"x",
        headers=live_hub.auth(),
        timeout=30,
    )
    assert r.status_code == 400 and problem(r) == ProblemType.MALFORMED
    r = live_hub.http.put(
        live_hub.url + ATTACHMENT_PATH.format(submission_id=sid, name="..%2F..%2Fkey"),
        data=b"x",
        headers=live_hub.auth(),
        timeout=30,
    )
    assert r.status_code in (400, 404) and problem(r) in (
        ProblemType.MALFORMED,
        ProblemType.NOT_FOUND,
    )


def test_an_oversized_body_is_refused_without_reading_it_all(live_hub: LiveHub) -> None:
    sid = termin(live_hub.terminal_id)["id"]
    path = SUBMISSION_PATH.format(submission_id=sid)
    # Announced too large: refused at once, before the body is sent.
    with socket.create_connection(("127.0.0.1", live_hub.runner.port), timeout=10) as s:
        s.sendall(
            f"PUT {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {live_hub.token}\r\n"
            f"Content-Type: application/jose\r\nContent-Length: {10**9}\r\n\r\n".encode()
        )
        reply = s.makefile("rb")
        head = b""
        while not head.endswith(b"\r\n\r\n"):
            head += reply.readline()
        length = int(
            next(
                line.split(b":")[1]
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length")
            )
        )
        answer = (head + reply.read(length)).decode()
    assert answer.startswith("HTTP/1.1 413"), answer
    assert "/problems/too-large" in answer

    # Not announced (chunked): cut off once the limit is passed.
    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(MAX_SEALED_DATA_BYTES // 65536 + 10):
            yield b"A" * 65536

    r = live_hub.http.put(live_hub.url + path, data=chunks(), headers=live_hub.auth(), timeout=30)
    assert r.status_code == 413 and problem(r) == ProblemType.TOO_LARGE


def test_concurrent_identical_deliveries_make_one_row(live_hub: LiveHub) -> None:
    doc = termin(live_hub.terminal_id)
    statuses: list[int] = []

    def deliver() -> None:
        with requests.Session() as http:
            body = seal(json.dumps(doc).encode(), live_hub.key, "application/json")
            r = http.put(
                live_hub.url + SUBMISSION_PATH.format(submission_id=doc["id"]),
                data=body,
                headers=live_hub.auth(),
                timeout=30,
            )
            statuses.append(r.status_code)

    threads = [threading.Thread(target=deliver) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(statuses) == [200] * 7 + [201]
    assert rows(live_hub, doc["id"]) == 1


def test_every_error_is_a_problem_document(live_hub: LiveHub) -> None:
    for method, path in (
        ("GET", "/no/such/page"),
        ("DELETE", "/api/v1/submissions/x"),
        ("POST", "/api/v1/key"),
    ):
        r = live_hub.http.request(method, live_hub.url + path, timeout=30)
        assert r.status_code in (404, 405)
        problem(r)


def test_stored_sealed_at_rest(live_hub: LiveHub) -> None:
    doc = termin(live_hub.terminal_id)
    live_hub.put_data(doc)
    raw = b"".join(
        p.read_bytes() for p in live_hub.runner.data_dir.glob("hub.sqlite*") if p.is_file()
    )
    assert b"Erika Mustermann" not in raw and b"0221 654321" not in raw
    assert doc["tracking_code"].encode() not in raw
    key = live_hub.http.get(live_hub.url + "/api/v1/key", timeout=30).json()
    assert key["kty"] == "RSA" and "d" not in key and key["alg"] == "RSA-OAEP-256"


def test_a_photo_of_several_megabytes_is_one_request(live_hub: LiveHub) -> None:
    import os

    photo = b"\xff\xd8\xff\xe0" + os.urandom(6 * 1024 * 1024)
    doc = pothole(live_hub.terminal_id, [photo])
    assert live_hub.put_photo(doc["id"], "photo-1.jpg", photo).status_code == 201
    assert live_hub.put_data(doc).status_code == 201
    too_big = b"\xff\xd8" + os.urandom(11 * 1024 * 1024)
    r = live_hub.put_photo(doc["id"], "photo-2.jpg", too_big)
    assert r.status_code == 413 and problem(r) == ProblemType.TOO_LARGE
