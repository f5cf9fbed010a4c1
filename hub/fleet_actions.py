"""What an administrator does on the fleet page (``/fleet``): register a terminal and get its
enrolment code (typed, or its QR code scanned at the terminal), a new code for one, and the
orders — disable, enable, self-test, restart, resend dead letters, decommission.

Only accounts with the ``admin`` role (``hub users add --role admin`` / ``hub users role``)
act; clerks see the page without the buttons. Every form carries the session's CSRF token and
must come from our own page; every action is logged with who did it. The same rules as the
command line (:mod:`hub.cli`) apply: one function places an order for both.
"""

from __future__ import annotations

import logging
import time
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from hub.auth import ClerkSession, csrf_ok, new_secret, secret_digest
from hub.inbox import _cross_site, _message, _page, _session, _state, _to_login
from hub.store import Store
from wire.api import TERMINAL_ID_RE
from wire.orders import OrderKind

log = logging.getLogger(__name__)
router = APIRouter()

ADMIN = "admin"
#: What the fleet page's buttons may order (decommissioning also needs its box ticked).
ORDERS = {kind.value for kind in OrderKind}


class OrderError(ValueError):
    pass


def place_order(store: Store, terminal_id: str, kind: str, now: float | None = None) -> None:
    """Queue ``kind`` for the terminal's next report; :class:`OrderError` says why not."""
    terminal = store.terminal(terminal_id)
    if terminal is None or terminal.revoked_at is not None:
        raise OrderError(f"no active terminal {terminal_id!r}")
    if kind not in ORDERS:
        raise OrderError(f"no such order: {kind!r}")
    if any(pending == "decommission" for _, pending in store.pending_orders(terminal_id)):
        raise OrderError(f"terminal {terminal_id} is being decommissioned: no further orders")
    store.add_order(terminal_id, kind, time.time() if now is None else now)


def _admin(request: Request, csrf_token: str) -> ClerkSession | Response:
    session = _session(request)
    if session is None:
        return _to_login()
    if _cross_site(request) or not csrf_ok(session.csrf_token, csrf_token):
        return _message(
            request, "Abgelehnt", "Das Formular ist abgelaufen. Bitte laden Sie die Seite neu.", 403
        )
    if _state(request).store.role(session.user) != ADMIN:
        return _message(
            request,
            "Nicht erlaubt",
            "Terminals einrichten und Aufträge erteilen dürfen nur Administrator(inn)en.",
            403,
        )
    return session


def _hub_url(request: Request) -> str:
    """Where the technician's browser reached the hub: the terminal enrols at the same."""
    return f"{request.url.scheme}://{request.url.netloc}"


def _code_page(request: Request, terminal_id: str, created: bool) -> Response:
    import datetime as dt

    import qrcode
    import qrcode.image.svg

    from hub.enrolment import issue_code
    from wire.enrolment import shown

    state = _state(request)
    if not _hub_url(request).startswith("https://"):
        return _message(
            request,
            "Nicht möglich",
            "Terminals werden nur über HTTPS eingerichtet (hub serve --tls-name).",
            409,
        )
    try:
        issued = issue_code(state.store, request.app.state.pki, terminal_id, _hub_url(request))
    except ValueError as exc:
        return _message(request, "Nicht möglich", str(exc), 409)
    image = qrcode.make(
        issued.invitation.text(), image_factory=qrcode.image.svg.SvgPathImage, box_size=8
    )
    svg = image.to_string(encoding="unicode")
    until = dt.datetime.fromtimestamp(issued.expires_at).astimezone()
    return _page(
        request,
        "enrolment.html",
        {
            "terminal_id": terminal_id,
            "created": created,
            "code": shown(issued.code),
            "until": f"{until:%d.%m.%Y %H:%M}",
            "invitation": issued.invitation.text(),
            "fingerprint": issued.invitation.ca_sha256,
            "qr_svg": svg,
        },
    )


@router.post("/fleet/terminals", include_in_schema=False)
def register(
    request: Request,
    csrf_token: Annotated[str, Form()] = "",
    terminal_id: Annotated[str, Form()] = "",
    name: Annotated[str, Form()] = "",
    place: Annotated[str, Form()] = "",
) -> Response:
    session = _admin(request, csrf_token)
    if isinstance(session, Response):
        return session
    terminal_id, name, place = terminal_id.strip(), name.strip()[:100], place.strip()[:200]
    if not TERMINAL_ID_RE.match(terminal_id) or not name or not place:
        return _message(
            request,
            "Bitte prüfen",
            "Kennung (Kleinbuchstaben, Ziffern, Bindestriche, z. B. buecherei-01), Name und "
            "Standort werden gebraucht.",
            400,
        )
    # Enrolled terminals talk with their certificate: the bearer secret is never handed out.
    if not _state(request).store.add_terminal(
        terminal_id, name, place, secret_digest(new_secret())
    ):
        return _message(
            request, "Bitte prüfen", f"Ein Terminal „{terminal_id}“ gibt es schon.", 409
        )
    log.info("fleet: %s registered terminal %s (%s, %s)", session.user, terminal_id, name, place)
    return _code_page(request, terminal_id, created=True)


@router.post("/fleet/terminals/{terminal_id}/code", include_in_schema=False)
def new_code(
    request: Request, terminal_id: str, csrf_token: Annotated[str, Form()] = ""
) -> Response:
    session = _admin(request, csrf_token)
    if isinstance(session, Response):
        return session
    log.info("fleet: %s asked for an enrolment code for %s", session.user, terminal_id)
    return _code_page(request, terminal_id, created=False)


@router.post("/fleet/terminals/{terminal_id}/orders", include_in_schema=False)
def order(
    request: Request,
    terminal_id: str,
    csrf_token: Annotated[str, Form()] = "",
    kind: Annotated[str, Form()] = "",
    confirm: Annotated[str, Form()] = "",
) -> Response:
    session = _admin(request, csrf_token)
    if isinstance(session, Response):
        return session
    if kind == OrderKind.DECOMMISSION and confirm != "yes":
        return _message(
            request,
            "Bitte bestätigen",
            "Stilllegen ist endgültig: Das Terminal löscht seine Schlüssel und Warteschlange, "
            "der Hub weist es danach ab. Bitte das Kästchen „endgültig“ ankreuzen.",
            400,
        )
    try:
        place_order(_state(request).store, terminal_id, kind)
    except OrderError as exc:
        return _message(request, "Nicht möglich", str(exc), 409)
    log.info("fleet: %s ordered %s for terminal %s", session.user, kind, terminal_id)
    return RedirectResponse(f"/fleet#terminal-{terminal_id}", status_code=303)
