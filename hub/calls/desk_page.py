"""The clerk's desk page (``/desk``): the callers waiting, and the call itself in the browser.

Server-rendered like the inbox; its one script (``/static/desk.js``) is a file of the hub's
own origin, so the pages' Content-Security-Policy stays strict (no inline script, no inline
handlers). The session's CSRF token is in the page for the script's first socket message.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import Response

from hub.inbox import _page, _session, _to_login

router = APIRouter(include_in_schema=False)
SCRIPT = Path(__file__).resolve().parent.parent / "static" / "desk.js"


@cache
def script_version() -> str:
    """A short hash of desk.js: its URL changes with the script, so that a browser never runs
    a cached script older than the hub it talks to."""
    return hashlib.sha256(SCRIPT.read_bytes()).hexdigest()[:12]


@router.get("/desk")
def desk(request: Request) -> Response:
    session = _session(request)
    if session is None:
        return _to_login()
    return _page(request, "desk.html", {"session": session, "script_version": script_version()})
