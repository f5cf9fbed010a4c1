"""RFC 9457 problem documents: every error the API gives, in one shape, with a plain sentence."""

from __future__ import annotations

import logging
import time
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from hub.store import RETRY_AFTER_S, StoreError
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
    ProblemType.IDENTITY_NOT_VERIFIED: "Identity not verified",
    ProblemType.TERMINAL_MISMATCH: "Not this terminal's submission",
    ProblemType.RATE_LIMITED: "Too many requests",
    ProblemType.UNAVAILABLE: "Unavailable",
    ProblemType.INTERNAL: "Internal error",
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


class _EveryMinute:
    """Logs an error at most once a minute, with how many were left out meanwhile."""

    def __init__(self, interval_s: float = 60.0) -> None:
        self.interval_s = interval_s
        self._last = -interval_s
        self._skipped = 0

    def error(self, message: str, *args: object) -> None:
        now = time.monotonic()
        if now - self._last < self.interval_s:
            self._skipped += 1
            return
        if self._skipped:
            message += f" (and {self._skipped} more in the last minute)"
        log.error(message, *args)
        self._last, self._skipped = now, 0


def unavailable(detail: str = "The hub cannot store or read data right now.") -> Response:
    """503 with Retry-After: storage trouble, never the client's fault."""
    return problem_response(
        503, ProblemType.UNAVAILABLE, detail, headers={"Retry-After": str(RETRY_AFTER_S)}
    )


def install(app: FastAPI) -> None:
    async def on_problem(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ProblemError)
        return problem_response(exc.status, exc.kind, exc.detail, exc.headers, exc.extra)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        kind = _BY_STATUS.get(exc.status_code, ProblemType.MALFORMED)
        detail = exc.detail if isinstance(exc.detail, str) else _TITLES[kind]
        return problem_response(exc.status_code, kind, detail, dict(exc.headers or {}))

    async def on_validation(request: Request, exc: Exception) -> Response:
        return problem_response(400, ProblemType.MALFORMED, "The request is not well-formed.")

    storage_log = _EveryMinute()

    async def on_storage(request: Request, exc: Exception) -> Response:
        # The environment's fault (disk full, I/O error, locked, the file gone), not the
        # request's: the client keeps what it sent and tries again later. Logged once a
        # minute at most: a full disk under 50 terminals must not fill the log too.
        storage_log.error("storage unavailable: %s", exc)
        return unavailable()

    async def on_error(request: Request, exc: Exception) -> Response:
        # The type only: the text of an exception may hold a citizen's data.
        log.error("unexpected error: %s", type(exc).__name__)
        return problem_response(500, ProblemType.INTERNAL, "Something went wrong on the hub.")

    app.add_exception_handler(ProblemError, on_problem)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StoreError, on_storage)
    app.add_exception_handler(Exception, on_error)
