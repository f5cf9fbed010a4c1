"""The hub's HTTP API as the terminal uses it: paths, credentials, limits, problem types.

Delivery of one submission (see docs/HUB.md):

1. ``PUT /api/v1/submissions/{id}/attachments/{name}`` for every attachment, body: one JWE
   (``application/jose``). 201 stored, 200 already there with the same content, 409 the name
   holds other content.
2. ``PUT /api/v1/submissions/{id}`` with the data document's JWE. The hub opens it, checks it
   against the catalogue and that every attachment it names has arrived intact. 201 stored,
   200 the same submission was already stored (a retry), 409 other content under this id or
   attachments missing (problem type tells which).

Every request carries ``Authorization: Bearer <terminal id>.<secret>``. Errors are RFC 9457
``application/problem+json`` documents whose ``type`` is one of :class:`ProblemType`. A 422 is
the hub's verdict on the content (the same part will never be accepted); a 503 with
``Retry-After`` is storage trouble at the hub (disk full, database locked or gone): nothing was
stored, send the same part again later; so is a 503 when every upload slot is taken, and a
507 (type ``unavailable``) when this terminal's photos waiting for their submission are at the
hub's quota. A 422 ``terminal-mismatch`` is about the item (it names, or its id belongs to,
another terminal), not the credential (that is 401): dead-letter the item, go on with the
others. The hub never answers 500 for anything a client sends.

A part counts as stored only on the hub's own acknowledgement (:func:`acknowledgement`): JSON
naming the submission id, the part, ``"status": "received"`` and the SHA-256 of the exact body
the hub received. A 200 from anything else — a maintenance page, a captive portal, a proxy that
followed a redirect — is not an acknowledgement (:func:`is_acknowledgement`).
"""

from __future__ import annotations

import hashlib
import re
from enum import StrEnum
from typing import Any

API_PREFIX = "/api/v1"
SUBMISSION_PATH = API_PREFIX + "/submissions/{submission_id}"
ATTACHMENT_PATH = API_PREFIX + "/submissions/{submission_id}/attachments/{name}"
STATUS_API_PATH = API_PREFIX + "/status/{code}"
STATUS_PAGE_PATH = "/status/{code}"
KEY_PATH = API_PREFIX + "/key"
#: A terminal's health report (:mod:`wire.health`): ``application/json``, NOT sealed — it holds
#: no personal data (counts, states, short reasons the terminal builds itself). Answered with
#: the hub's acknowledgement (part ``health``, id the terminal's id); 429 more often than
#: once per :data:`wire.health.MIN_INTERVAL_S`.
HEALTH_PATH = API_PREFIX + "/terminals/{terminal_id}/health"
#: A cheap, authenticated "are you there, and do you take submissions?" (``GET``, no body):
#: while the way to the hub fails, the terminal asks this every few seconds instead of
#: sending a whole item again. Query ``nonce`` (:data:`PROBE_NONCE_RE`); answered with
#: :func:`probe_answer` (200, never cached), the hub's 401 (credential) or 503 (storage
#: trouble) problem. Like an acknowledgement, only this exact answer counts.
PROBE_PATH = API_PREFIX + "/probe"
PROBE_NONCE_RE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")

MEDIA_TYPE_JOSE = "application/jose"
MEDIA_TYPE_PROBLEM = "application/problem+json"
MEDIA_TYPE_JSON = "application/json"

#: The largest data document (form values, identity block) before sealing.
MAX_DATA_BYTES = 256 * 1024
#: The largest attachment before sealing: a 12-megapixel JPEG fits. Each attachment is its own
#: request, so a slow link never has to carry more than one photo in one go.
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS = 10
#: The longest form value and address part a submission carries (wire.submission refuses
#: longer ones). Here, apart from the document model, so that the catalogue's form checks on
#: the terminal keep within them without importing the model.
MAX_FIELD_TEXT = 20_000
MAX_ADDRESS_TEXT = 500


def sealed_limit(plain_limit: int) -> int:
    """Bytes a JWE of ``plain_limit`` bytes can take: base64url (4/3) plus header and key."""
    return plain_limit * 4 // 3 + 4096


MAX_SEALED_DATA_BYTES = sealed_limit(MAX_DATA_BYTES)
MAX_SEALED_ATTACHMENT_BYTES = sealed_limit(MAX_ATTACHMENT_BYTES)

#: Submission ids are UUIDs (client generated); attachment names are plain file names.
SUBMISSION_ID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
ATTACHMENT_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
TERMINAL_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


class ProblemType(StrEnum):
    """The ``type`` of a problem document (RFC 9457 relative URIs under ``/problems/``)."""

    UNAUTHORIZED = "/problems/unauthorized"
    FORBIDDEN = "/problems/forbidden"
    NOT_FOUND = "/problems/not-found"
    MALFORMED = "/problems/malformed"
    UNSUPPORTED_MEDIA_TYPE = "/problems/unsupported-media-type"
    TOO_LARGE = "/problems/too-large"
    UNSEALABLE = "/problems/cannot-open"
    INVALID_SUBMISSION = "/problems/invalid-submission"
    CONFLICT = "/problems/conflict"
    ATTACHMENTS_MISSING = "/problems/attachments-missing"
    #: The identity data do not hold up: fields marked as read from the chip differ from the
    #: chip's signed data, the chip's files do not match their own hashes, or a service that
    #: needs an identity document came without one (see hub/identity_check.py).
    IDENTITY_NOT_VERIFIED = "/problems/identity-not-verified"
    #: The item names another terminal than the credential's (a re-provisioned terminal, a
    #: salvaged outbox, another terminal's submission): a verdict on this item, not on the
    #: terminal — the terminal dead-letters the item and goes on with the others.
    TERMINAL_MISMATCH = "/problems/terminal-mismatch"
    RATE_LIMITED = "/problems/rate-limited"
    UNAVAILABLE = "/problems/unavailable"
    INTERNAL = "/problems/internal"


def bearer_token(terminal_id: str, secret: str) -> str:
    return f"{terminal_id}.{secret}"


def parse_bearer_token(token: str) -> tuple[str, str] | None:
    """``(terminal_id, secret)`` from a credential, or None if it is not shaped like one."""
    terminal_id, dot, secret = token.partition(".")
    if not dot or not TERMINAL_ID_RE.match(terminal_id) or not 16 <= len(secret) <= 128:
        return None
    return terminal_id, secret


#: The part name of the data document in an acknowledgement (attachments use their own name).
DATA_PART_NAME = "data"
ACK_STATUS = "received"


def body_digest(body: bytes) -> str:
    """SHA-256 (hex) of a request body exactly as sent: what an acknowledgement names."""
    return hashlib.sha256(body).hexdigest()


def acknowledgement(submission_id: str, part: str, body: bytes) -> dict[str, Any]:
    """The hub's answer for a part it has stored (201) or already had (200)."""
    return {
        "id": submission_id,
        "part": part,
        "status": ACK_STATUS,
        "sha256": body_digest(body),
    }


def is_acknowledgement(answer: Any, submission_id: str, part: str, body: bytes) -> bool:
    """Whether a parsed JSON answer is the hub's acknowledgement of exactly this part."""
    return (
        isinstance(answer, dict)
        and answer.get("id") == submission_id
        and answer.get("part") == part
        and answer.get("status") == ACK_STATUS
        and answer.get("sha256") == body_digest(body)
    )


PROBE_READY = "ready"


def probe_answer(terminal_id: str, nonce: str) -> dict[str, Any]:
    """The hub's answer to a probe: it names the terminal and echoes the nonce (no cache,
    portal or proxy can give it without the hub)."""
    return {"terminal": terminal_id, "nonce": nonce, "status": PROBE_READY}


def is_probe_answer(answer: Any, terminal_id: str, nonce: str) -> bool:
    """Whether a parsed JSON answer is the hub's own answer to this terminal's probe."""
    return bool(answer == probe_answer(terminal_id, nonce))
