"""RFC 9457 problem documents: every error the API gives, in one shape, with a plain sentence."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hub.store import StoreError
from wire.api import MEDIA_TYPE_PROBLEM, ProblemType

log = logging.getLogger(__name__)

_BY_STATUS = {
    400: ProblemType.MALFORMED,
    401: ProblemType.UNAUTHORIZED,
    403: ProblemType.FORBIDDEN,
    404: ProblemType.NOT_FOUND,
    405: ProblemType.MALFORMED,
    413: ProblemType.TOO_LARGE,
    415: ProblemType.UNSUPPORTED_MEDIA_TYPE,
    422: ProblemType.INVALID_SUBMISSION,
    429: ProblemType.RATE_LIMITED,
    503: ProblemType.UNAVAILABLE,
}
_TITLES = {
    ProblemType.UNAUTHORIZED: "Not authenticated",
    ProblemType.FORBIDDEN: "Not allowed",
    ProblemType.NOT_FOUND: "Not found",
    ProblemType.MALFORMED: "Malformed request",
    ProblemType.UNSUPPORTED_MEDIA_TYPE: "Unsupported media type",
    ProblemType.TOO_LARGE: "Too large",
    ProblemType.UNSEALABLE: "Cannot be opened",
    ProblemType.INVALID_SUBMISSION: "Invalid submission",
    ProblemType.CONFLICT: "Conflict",
    ProblemType.ATTACHMENTS_MISSING: "Attachments missing",
    ProblemType.RATE_LIMITED: "Too many requests",
    ProblemType.UNAVAILABLE: "Unavailable",
    ProblemType.INTERNAL: "Internal error",
}
#: Sentences for Starlette's own errors (its details are bare phrases like "Not Found").
_DETAILS = {
    404: "There is nothing at this address.",
    405: "This address does not take this method.",
}

#: The OpenAPI description of a problem response.
PROBLEM_SCHEMA: dict[str, Any] = {
    "content": {
        MEDIA_TYPE_PROBLEM: {
            "schema": {
                "type": "object",
                "required": ["type", "title", "status"],
                "properties": {
                    "type": {"type": "string"},
                    "title": {"type": "string"},
                    "status": {"type": "integer"},
                    "detail": {"type": "string"},
                },
            }
        }
    }
}


class ProblemError(Exception):
    def __init__(
        self,
        status: int,
        kind: ProblemType,
        detail: str,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.kind = kind
        self.detail = detail
        self.headers = headers or {}
        self.extra = extra or {}


def problem_response(
    status: int,
    kind: ProblemType,
    detail: str,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> Response:
    body = {"type": kind.value, "title": _TITLES[kind], "status": status, "detail": detail}
    body.update(extra or {})
    return JSONResponse(body, status_code=status, headers=headers, media_type=MEDIA_TYPE_PROBLEM)


#: How long a terminal waits before retrying when the database is not usable.
STORE_RETRY_AFTER_S = 30


def install(app: FastAPI) -> None:
    """Problem documents for every error; add :class:`LastResort` as a middleware too."""

    async def on_problem(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ProblemError)
        return problem_response(exc.status, exc.kind, exc.detail, exc.headers, exc.extra)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        kind = _BY_STATUS.get(exc.status_code, ProblemType.MALFORMED)
        detail = _DETAILS.get(exc.status_code) or (
            exc.detail if isinstance(exc.detail, str) else _TITLES[kind]
        )
        return problem_response(exc.status_code, kind, detail, dict(exc.headers or {}))

    async def on_validation(request: Request, exc: Exception) -> Response:
        return problem_response(400, ProblemType.MALFORMED, "The request is not well-formed.")

    async def on_store(request: Request, exc: Exception) -> Response:
        # The environment's fault (disk full, I/O error, locked too long), not the request's:
        # 503 with Retry-After, so a terminal keeps the part and tries again later.
        log.error("database unavailable: %s", exc)
        return problem_response(
            503,
            ProblemType.UNAVAILABLE,
            "The hub cannot store anything at the moment; try again later.",
            headers={"Retry-After": str(STORE_RETRY_AFTER_S)},
        )

    app.add_exception_handler(ProblemError, on_problem)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StoreError, on_store)


class LastResort:
    """Answers an unexpected exception with a 500 problem and logs its type only.

    Not an ``Exception`` handler: Starlette runs those in its outermost middleware, which
    re-raises afterwards, and uvicorn then logs the whole traceback — whose message may quote a
    citizen's data. Here the exception ends.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking)
        except Exception as exc:  # noqa: BLE001 - the last resort: every bug ends here, once
            where = scope.get("route")
            log.error(
                "unexpected error: %s in %s",
                type(exc).__name__,
                getattr(where, "path", "?"),  # the route's pattern, not the URL with its codes
            )
            if started:  # too late for a problem document; the client sees a cut response
                return
            response = problem_response(
                500, ProblemType.INTERNAL, "Something went wrong on the hub."
            )
            await response(scope, receive, send)
