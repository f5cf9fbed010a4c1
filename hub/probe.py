"""The terminals' probe: a cheap, authenticated "are you there?" (:data:`wire.api.PROBE_PATH`).

While the way to the hub fails, a terminal backs off its real sends (up to minutes) but asks
this every few seconds, so that a recovered hub is used within seconds, not at the end of the
backoff. It costs a credential check (one SHA-256 and a primary-key lookup) and a ``stat``:
no body, no storage, no thread pool slot beyond the lookup.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from hub.intake import require_terminal
from hub.problems import PROBLEM_SCHEMA, ProblemError
from hub.state import HubState
from wire.api import PROBE_NONCE_RE, PROBE_PATH, ProblemType, probe_answer

router = APIRouter()

#: Retry-After when the hub's storage is in trouble (the intake would answer 503 too).
STORAGE_RETRY_AFTER_S = 30


_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The hub takes submissions now",
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["terminal", "nonce", "status"],
                    "properties": {
                        "terminal": {"type": "string"},
                        "nonce": {"type": "string"},
                        "status": {"type": "string", "enum": ["ready"]},
                    },
                }
            }
        },
    },
    **{
        code: {"description": text, **PROBLEM_SCHEMA}
        for code, text in (
            (400, "No nonce, or not a nonce"),
            (401, "No valid terminal credential"),
            (503, "Storage trouble: try again after Retry-After"),
        )
    },
}


@router.get(
    PROBE_PATH,
    responses=_RESPONSES,
    summary="A terminal asks whether the hub takes submissions now",
)
async def probe(
    request: Request,
    nonce: Annotated[str, Query(pattern=PROBE_NONCE_RE.pattern)],
) -> JSONResponse:
    terminal = await run_in_threadpool(require_terminal, request)
    state: HubState = request.app.state.hub
    if not state.store.files_intact():
        raise ProblemError(
            503,
            ProblemType.UNAVAILABLE,
            "The hub's storage is in trouble; submissions cannot be stored now.",
            headers={"Retry-After": str(STORAGE_RETRY_AFTER_S)},
        )
    return JSONResponse(probe_answer(terminal.id, nonce), headers={"Cache-Control": "no-store"})
