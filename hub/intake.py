"""The intake API: terminals deliver sealed submissions, one part per request.

See :mod:`wire.api` for the protocol. Each part is idempotent: a retry of something the hub
already has is answered 200 and changes nothing, so a terminal may resend after any failure.
Bodies are read as a stream and cut off at the limit, so an oversized upload costs the hub no
more than the limit.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Annotated, Any, TypeVar

import anyio.to_thread
from anyio import CapacityLimiter
from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from hub.auth import authenticate_terminal
from hub.checks import check_document
from hub.identity_check import CLOCK_SKEW, enforce_identity
from hub.listeners import client_certificate_der
from hub.problems import PROBLEM_SCHEMA, ProblemError
from hub.state import HubState
from hub.store import RETRY_AFTER_S, Put, TerminalRow
from wire.api import (
    ATTACHMENT_NAME_RE,
    ATTACHMENT_PATH,
    DATA_PART_NAME,
    KEY_PATH,
    MAX_ATTACHMENT_BYTES,
    MAX_DATA_BYTES,
    MAX_SEALED_ATTACHMENT_BYTES,
    MAX_SEALED_DATA_BYTES,
    MEDIA_TYPE_JOSE,
    SUBMISSION_ID_RE,
    SUBMISSION_PATH,
    ProblemType,
    acknowledgement,
)
from wire.sealing import CONTENT_TYPE_JPEG, SealError, open_sealed
from wire.submission import DocumentError, parse_document
from wire.tracking import tracking_digest

log = logging.getLogger(__name__)
router = APIRouter()
_T = TypeVar("_T")

_PROBLEMS: dict[int | str, dict[str, Any]] = {
    code: {"description": text, **PROBLEM_SCHEMA}
    for code, text in (
        (400, "Malformed request"),
        (401, "No valid terminal credential"),
        (409, "Other content under this id, or attachments missing"),
        (413, "Too large"),
        (415, "Not application/jose"),
        (
            422,
            "Cannot be opened, not a valid submission, its identity does not hold up, or it "
            "names another terminal (terminal-mismatch)",
        ),
    )
}
_UNAVAILABLE: dict[int | str, dict[str, Any]] = {
    503: {
        "description": "Storage trouble, or every upload slot taken: try again after Retry-After",
        **PROBLEM_SCHEMA,
    }
}
_FULL: dict[int | str, dict[str, Any]] = {
    507: {
        "description": "This terminal's photos waiting for their submission are at the quota: "
        "try again after Retry-After",
        **PROBLEM_SCHEMA,
    }
}
_JOSE_BODY = {
    "requestBody": {
        "required": True,
        "content": {MEDIA_TYPE_JOSE: {"schema": {"type": "string"}}},
    }
}
_STORED = {
    "type": "object",
    "required": ["id", "part", "status", "sha256"],
    "properties": {
        "id": {"type": "string"},
        "part": {"type": "string"},
        "status": {"type": "string", "enum": ["received"]},
        "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
    },
}
_OK: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "Already stored with this content (a retry)",
        "content": {"application/json": {"schema": _STORED}},
    },
    201: {"description": "Stored", "content": {"application/json": {"schema": _STORED}}},
}


def _state(request: Request) -> HubState:
    state: HubState = request.app.state.hub
    return state


def require_terminal(request: Request) -> TerminalRow:
    """The terminal whose credential the request carries (401 problem otherwise); every
    terminal endpoint (intake, health report) authenticates through here."""
    state = _state(request)
    terminal = authenticate_terminal(
        state.store, request.headers.get("authorization"), client_certificate_der(request.scope)
    )
    if terminal is None:
        raise ProblemError(
            401,
            ProblemType.UNAUTHORIZED,
            "A valid terminal credential is needed: an enrolled terminal's certificate, or "
            "(not yet enrolled) Authorization: Bearer <id>.<secret>.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    state.seen(terminal.id)
    return terminal


#: Intake jobs (opening a JWE, hashing, SQLite with fsync) running at once. Each holds up to
#: a few copies of its body in memory, so this bounds the hub's memory under a burst of photos;
#: the event loop stays free meanwhile (bodies wait on disk, not in RAM).
INTAKE_WORKERS = 2
#: Bodies up to this size are spooled in memory; larger ones go to a file in the data folder.
SPOOL_IN_MEMORY = 256 * 1024
SPOOL_DIR = "spool"


def _limiter(request: Request) -> CapacityLimiter:
    # Made on first use: an anyio limiter belongs to the running event loop.
    limiter: CapacityLimiter | None = getattr(request.app.state, "intake_limiter", None)
    if limiter is None:
        limiter = request.app.state.intake_limiter = CapacityLimiter(INTAKE_WORKERS)
    return limiter


async def _in_worker(request: Request, work: Callable[[], _T]) -> _T:
    """Run blocking intake work on a bounded pool of threads, never on the event loop."""
    return await anyio.to_thread.run_sync(work, limiter=_limiter(request))


def _spool_dir(state: HubState) -> Path:
    folder = state.data_dir / SPOOL_DIR
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


#: Retry-After when every upload slot is taken: the uploads ahead take seconds each.
BUSY_RETRY_AFTER_S = 5
#: Retry-After when a terminal's pending photos are at their quota: they go when their
#: submissions come, or when the orphans are purged (hub.orphans).
FULL_RETRY_AFTER_S = 3600


@asynccontextmanager
async def _upload(request: Request, terminal: TerminalRow, limit: int) -> AsyncIterator[IO[bytes]]:
    """The body, spooled, while holding one of the hub's upload slots: bodies wait on disk
    before the intake workers take them, so without a bound a leaked credential (or a
    thousand slow uploads) could fill the disk with spool files. Beyond the bound: 503 with
    Retry-After, which terminals retry. One terminal holds at most a few of the slots."""
    slots = _state(request).upload_slots
    if not slots.take(terminal.id):
        log.warning("no upload slot free (terminal %s): asked to come back", terminal.id)
        raise ProblemError(
            503,
            ProblemType.UNAVAILABLE,
            "The hub is receiving as many uploads as it takes at once; try again shortly.",
            headers={"Retry-After": str(BUSY_RETRY_AFTER_S)},
        )
    try:
        with await _body(request, limit) as spool:
            yield spool
    finally:
        slots.release(terminal.id)


async def _body(request: Request, limit: int) -> IO[bytes]:
    """The request body, spooled: in memory while small, then in an unnamed temporary file in
    the data folder (not /tmp, which may be RAM), gone when closed or when the hub dies."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != MEDIA_TYPE_JOSE:
        raise ProblemError(415, ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send application/jose.")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ProblemError(413, ProblemType.TOO_LARGE, f"At most {limit} bytes per request.")
    size = 0
    try:
        # Handed to the caller, who closes it (a with block round the whole request).
        spool: IO[bytes] = tempfile.SpooledTemporaryFile(  # noqa: SIM115
            SPOOL_IN_MEMORY, mode="w+b", dir=str(_spool_dir(_state(request)))
        )
    except OSError as exc:
        raise _storage_trouble(exc) from None
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise ProblemError(
                    413, ProblemType.TOO_LARGE, f"At most {limit} bytes per request."
                )
            # Chunks are at most 64 KB into the page cache, no fsync: microseconds, not worth
            # a thread hop each.
            spool.write(chunk)
    except ClientDisconnect:
        spool.close()
        log.info("an upload ended before its announced length (the client went away)")
        # The client announced more than it sent and went away; nobody reads this answer.
        raise ProblemError(400, ProblemType.MALFORMED, "The body ended early.") from None
    except OSError as exc:
        spool.close()
        raise _storage_trouble(exc) from None
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    return spool


def _storage_trouble(exc: OSError) -> ProblemError:
    log.error("intake cannot spool a body: %s", type(exc).__name__)
    return ProblemError(
        503,
        ProblemType.UNAVAILABLE,
        "The hub cannot take this right now.",
        headers={"Retry-After": str(RETRY_AFTER_S)},
    )


def _check_id(submission_id: str) -> None:
    if not SUBMISSION_ID_RE.fullmatch(submission_id):
        raise ProblemError(400, ProblemType.MALFORMED, "The submission id is not a UUID.")


def _open(state: HubState, body: bytes) -> tuple[bytes, str]:
    try:
        return open_sealed(body, state.key)
    except SealError:
        raise ProblemError(
            422, ProblemType.UNSEALABLE, "The part cannot be opened with this hub's key."
        ) from None


def _mismatch(detail: str) -> ProblemError:
    """An item that belongs to another terminal: a verdict on the item (422), not on the
    credential (that is 401) — a 403 would read as "this terminal is refused", and the
    terminal would hold its whole queue behind the one item."""
    return ProblemError(422, ProblemType.TERMINAL_MISMATCH, detail)


def _answer(put: Put, submission_id: str, part: str, body: bytes) -> JSONResponse:
    """The acknowledgement the terminal checks before it forgets the part (see wire.api)."""
    if put is Put.CONFLICT:
        raise ProblemError(
            409, ProblemType.CONFLICT, "This id already holds other content; nothing was changed."
        )
    return JSONResponse(
        acknowledgement(submission_id, part, body),
        status_code=201 if put is Put.CREATED else 200,
    )


@router.put(
    ATTACHMENT_PATH,
    openapi_extra=_JOSE_BODY,
    responses={**_OK, **_PROBLEMS, **_UNAVAILABLE, **_FULL},
    summary="Deliver one sealed attachment of a submission",
)
async def put_attachment(
    request: Request,
    submission_id: Annotated[str, PathParam(pattern=SUBMISSION_ID_RE.pattern)],
    name: Annotated[str, PathParam(pattern=ATTACHMENT_NAME_RE.pattern)],
) -> JSONResponse:
    terminal = await run_in_threadpool(require_terminal, request)
    _check_id(submission_id)
    if not ATTACHMENT_NAME_RE.fullmatch(name):
        raise ProblemError(400, ProblemType.MALFORMED, "Not an attachment name.")
    async with _upload(request, terminal, MAX_SEALED_ATTACHMENT_BYTES) as spool:
        state = _state(request)
        return await _in_worker(
            request, lambda: _store_attachment(state, terminal, submission_id, name, spool)
        )


def _store_attachment(
    state: HubState, terminal: TerminalRow, submission_id: str, name: str, spool: IO[bytes]
) -> JSONResponse:
    body = spool.read()
    plaintext, content_type = _open(state, body)
    if len(plaintext) > MAX_ATTACHMENT_BYTES:
        raise ProblemError(
            413, ProblemType.TOO_LARGE, f"An attachment has at most {MAX_ATTACHMENT_BYTES} bytes."
        )
    if content_type != CONTENT_TYPE_JPEG:
        raise ProblemError(422, ProblemType.INVALID_SUBMISSION, "Attachments are JPEG images.")
    digest = hashlib.sha256(plaintext).hexdigest()
    size = len(plaintext)
    del plaintext  # up to 10 MB, not needed any more while the body is stored
    existing = state.store.submission_owner(submission_id)
    if existing is not None:
        # Stored already: a late retry of one of its attachments.
        if existing[0] != terminal.id:
            raise _mismatch("This submission was delivered by another terminal.")
        refs = {a.name: a for a in state.store.attachments(submission_id)}
        same = name in refs and refs[name].content_sha256 == digest
        return _answer(Put.SAME if same else Put.CONFLICT, submission_id, name, body)
    if any(a.terminal_id != terminal.id for a in state.store.attachments(submission_id)):
        # Photos under this id came from another terminal: not this one's to add to (nor to
        # learn whether a name is taken there).
        raise _mismatch("Photos under this id were delivered by another terminal.")
    put = state.store.put_attachment(
        submission_id,
        name,
        terminal.id,
        CONTENT_TYPE_JPEG,
        size,
        digest,
        body.decode("ascii", "replace"),
        pending_limit=state.max_pending_attachment_bytes,
    )
    if put is Put.FULL:
        log.warning("terminal %s has the most photos waiting for their submission", terminal.id)
        # 507 with the problem type "unavailable": terminals retry it (after Retry-After) and
        # never dead-letter an item for it — the item itself is fine.
        raise ProblemError(
            507,
            ProblemType.UNAVAILABLE,
            "This terminal has too many photos waiting for their submission; try again later.",
            headers={"Retry-After": str(FULL_RETRY_AFTER_S)},
        )
    return _answer(put, submission_id, name, body)


@router.put(
    SUBMISSION_PATH,
    openapi_extra=_JOSE_BODY,
    responses={**_OK, **_PROBLEMS, **_UNAVAILABLE},
    summary="Deliver a sealed submission (its attachments first)",
)
async def put_submission(
    request: Request, submission_id: Annotated[str, PathParam(pattern=SUBMISSION_ID_RE.pattern)]
) -> JSONResponse:
    terminal = await run_in_threadpool(require_terminal, request)
    _check_id(submission_id)
    created: list[str] = []
    async with _upload(request, terminal, MAX_SEALED_DATA_BYTES) as spool:
        state = _state(request)
        answer = await _in_worker(
            request, lambda: _store_submission(state, terminal, submission_id, spool, created)
        )
    if created:
        # The clerks' desk shows it at once (on this event loop, where the desk lives).
        desk = getattr(request.app.state, "calls", None)
        if desk is not None:
            service = next((s for s in state.catalogue.services if s.id == created[0]), None)
            desk.new_submission(
                submission_id,
                service.title.get("de") if service is not None else created[0],
                terminal.place or terminal.name,
            )
    return answer


def _store_submission(
    state: HubState,
    terminal: TerminalRow,
    submission_id: str,
    spool: IO[bytes],
    created: list[str],
) -> JSONResponse:
    body = spool.read()
    plaintext, _ = _open(state, body)
    if len(plaintext) > MAX_DATA_BYTES:
        raise ProblemError(413, ProblemType.TOO_LARGE, "The submission document is too large.")
    try:
        # The one typed model (wire.submission): whatever it accepts can be stored and opened.
        doc = parse_document(plaintext)
    except DocumentError as exc:
        raise ProblemError(422, ProblemType.INVALID_SUBMISSION, str(exc)) from None
    if doc.id != submission_id:
        raise ProblemError(422, ProblemType.INVALID_SUBMISSION, "The id differs from the URL.")
    if doc.terminal_id != terminal.id:
        raise _mismatch("The document names another terminal than the credential.")
    if doc.submitted_at > datetime.now(UTC) + CLOCK_SKEW:
        # The date of submission decides deadlines and a document's expiry: one from the
        # future is a wrong clock or a forgery, never a fact (identity_check bounds the past).
        raise ProblemError(422, ProblemType.INVALID_SUBMISSION, "submitted_at lies in the future.")
    content_sha256 = hashlib.sha256(plaintext).hexdigest()
    existing = state.store.submission_owner(submission_id)
    if existing is not None:
        same = existing[1] == content_sha256
        return _answer(Put.SAME if same else Put.CONFLICT, submission_id, DATA_PART_NAME, body)
    service, problems = check_document(doc, state.archive)
    if problems:
        raise ProblemError(
            422,
            ProblemType.INVALID_SUBMISSION,
            "The submission does not fit the service: " + "; ".join(problems),
            extra={"problems": problems},
        )
    enforce_identity(doc, service, state.csca)
    # Only this terminal's own photos count: another's under the same id are not its evidence.
    stored = {
        a.name: a for a in state.store.attachments(submission_id) if a.terminal_id == terminal.id
    }
    missing = [
        ref.name
        for ref in doc.attachments
        if ref.name not in stored
        or stored[ref.name].content_sha256 != ref.sha256
        or stored[ref.name].size != ref.size
    ]
    if missing:
        raise ProblemError(
            409,
            ProblemType.ATTACHMENTS_MISSING,
            "Send these attachments first: " + ", ".join(missing),
            extra={"missing": missing},
        )
    put = state.store.put_submission(
        submission_id=submission_id,
        terminal_id=terminal.id,
        service_id=doc.service_id,
        service_version=doc.service_version,
        language=doc.language,
        tracking_digest=tracking_digest(doc.tracking_code),
        submitted_at=doc.submitted_at.isoformat(),
        content_sha256=content_sha256,
        sealed_data=body.decode("ascii", "replace"),
        receipt_mail=bool(doc.receipt_email),
    )
    if put is Put.CREATED and doc.receipt_email and state.mailer is not None:
        state.mailer.wake()
    if put is Put.CREATED:
        created.append(doc.service_id)
    return _answer(put, submission_id, DATA_PART_NAME, body)


@router.get(KEY_PATH, summary="The hub's public key (JWK) that terminals seal for")
def get_key(request: Request) -> dict[str, Any]:
    return _state(request).public_jwk
