"""The clerks' inbox: server-rendered pages, no JavaScript, German.

Login with a password (argon2id); a session cookie (HttpOnly, SameSite=Strict, Secure unless
the operator turned that off for a local demo); every form POST carries the session's CSRF
token and is refused if its Origin is another site. Submissions are opened with the hub's key
only to show them here; photos are served decrypted with ``Cache-Control: no-store``.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from hub.auth import ClerkSession, check_password, clerk_session, csrf_ok, start_session
from hub.identity_check import (
    ChipProof,
    IdentityCheck,
    IdentityVerdict,
    check_identity,
    identity_fields,
)
from hub.state import HubState
from hub.status import STATUS_WORDS
from hub.store import Filters, Status, SubmissionRow
from kiosk.catalogue.model import FieldKind, Service
from wire.api import ATTACHMENT_NAME_RE, SUBMISSION_ID_RE
from wire.sealing import SealError, open_sealed
from wire.submission import DocumentError, SubmissionData, parse_document
from wire.tracking import normalise_tracking_code, tracking_digest

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)

COOKIE = "pop_session"
LOGIN_COOKIE = "pop_login_csrf"
PAGE_SIZE = 50
#: Which status may follow which (a clerk can also correct a status back to "in progress").
NEXT = {
    Status.RECEIVED: (Status.IN_PROGRESS, Status.DONE, Status.REJECTED),
    Status.IN_PROGRESS: (Status.DONE, Status.REJECTED),
    Status.DONE: (Status.IN_PROGRESS,),
    Status.REJECTED: (Status.IN_PROGRESS,),
}
_NO_STORE = {"Cache-Control": "no-store"}


def _state(request: Request) -> HubState:
    state: HubState = request.app.state.hub
    return state


def _page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    return _state(request).templates.TemplateResponse(
        request, name, context, status_code=status, headers=_NO_STORE
    )


def _message(request: Request, title: str, text: str, status: int) -> Response:
    return _page(request, "message.html", {"title": title, "text": text}, status)


def _session(request: Request) -> ClerkSession | None:
    return clerk_session(_state(request).store, request.cookies.get(COOKIE))


def _to_login() -> Response:
    return RedirectResponse("/login", status_code=303)


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if origin is None:  # old browsers and non-browser clients; the CSRF token still guards
        return True
    host = request.headers.get("host", "")
    return urlsplit(origin).netloc == host


def _cookie_secure(request: Request) -> bool:
    return _state(request).cookie_secure or request.url.scheme == "https"


# --- login ---------------------------------------------------------------------------------


@router.get("/")
def root() -> Response:
    return RedirectResponse("/inbox", status_code=303)


@router.get("/login")
def login_form(request: Request) -> Response:
    token = secrets.token_urlsafe(32)
    response = _page(request, "login.html", {"csrf_token": token, "error": ""})
    response.set_cookie(
        LOGIN_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=_cookie_secure(request),
        max_age=3600,
    )
    return response


@router.post("/login")
async def login(request: Request) -> Response:
    state = _state(request)
    form = await request.form()
    user = str(form.get("username", ""))[:100]
    password = str(form.get("password", ""))[:1000]
    if not _same_origin(request) or not csrf_ok(
        request.cookies.get(LOGIN_COOKIE, ""), str(form.get("csrf_token", ""))
    ):
        return _message(request, "Anmeldung abgelaufen", "Bitte laden Sie die Seite neu.", 403)
    client = request.client.host if request.client else "?"
    wait = state.login_limiter.allow(f"{client}|{user}")
    if wait:
        return _message(
            request,
            "Zu viele Versuche",
            f"Bitte warten Sie {max(1, round(wait))} Sekunden und versuchen Sie es dann erneut.",
            429,
        )
    if not check_password(state.store, user, password):
        log.warning("failed clerk login")
        token = str(form.get("csrf_token", ""))
        return _page(
            request,
            "login.html",
            {"csrf_token": token, "error": "Benutzername oder Passwort stimmt nicht."},
            401,
        )
    cookie, _ = start_session(state.store, user)
    log.info("clerk logged in")
    response = RedirectResponse("/inbox", status_code=303)
    response.set_cookie(
        COOKIE, cookie, httponly=True, samesite="strict", secure=_cookie_secure(request)
    )
    response.delete_cookie(LOGIN_COOKIE)
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    session = _session(request)
    form = await request.form()
    if session is not None and csrf_ok(session.csrf_token, str(form.get("csrf_token", ""))):
        _state(request).store.delete_session(session.token_sha256)
    response = _to_login()
    response.delete_cookie(COOKIE)
    return response


# --- the list ------------------------------------------------------------------------------


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


@router.get("/inbox")
def inbox(request: Request) -> Response:
    session = _session(request)
    if session is None:
        return _to_login()
    state = _state(request)
    q = request.query_params
    status = q.get("status", "")
    if status not in {s.value for s in Status}:
        status = ""
    tracking = normalise_tracking_code(q.get("tracking", "")) if q.get("tracking") else None
    day_from, day_to = _day(q.get("from", "")), _day(q.get("to", ""))
    filters = Filters(
        status=status,
        service_id=q.get("service", "")[:64],
        terminal_id=q.get("terminal", "")[:64],
        received_from=_midnight(day_from) if day_from else None,
        received_to=_midnight(day_to + timedelta(days=1)) if day_to else None,
        tracking_digest=tracking_digest(tracking) if tracking else "",
    )
    if q.get("tracking") and tracking is None:
        filters = Filters(tracking_digest="no such code")
    try:
        page = max(0, int(q.get("page", "0")))
    except ValueError:
        page = 0
    rows, total = state.store.submissions(filters, page * PAGE_SIZE, PAGE_SIZE)
    params = {k: v for k, v in q.items() if k != "page"}
    return _page(
        request,
        "inbox.html",
        {
            "session": session,
            "rows": [_row_view(state, r) for r in rows],
            "total": total,
            "page": page,
            "pages": max(1, (total + PAGE_SIZE - 1) // PAGE_SIZE),
            "query": params,
            "link": lambda p: "/inbox?" + urlencode({**params, "page": p}),
            "statuses": STATUS_WORDS,
            "services": [(s.id, s.title.get("de")) for s in state.catalogue.services],
            "terminals": state.store.known_values("terminal_id"),
        },
    )


def _midnight(day: date) -> float:
    return datetime(day.year, day.month, day.day).timestamp()


def _service_title(state: HubState, service_id: str) -> str:
    try:
        return state.catalogue.service(service_id).title.get("de")
    except KeyError:
        return service_id


def _row_view(state: HubState, row: SubmissionRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "received": datetime.fromtimestamp(row.received_at).strftime("%d.%m.%Y %H:%M"),
        "service": _service_title(state, row.service_id),
        "terminal": row.terminal_id,
        "status": row.status,
        "status_word": STATUS_WORDS[row.status],
    }


# --- one submission --------------------------------------------------------------------------


@dataclass(frozen=True)
class Opened:
    row: SubmissionRow
    doc: SubmissionData
    service: Service | None


def _open(state: HubState, submission_id: str) -> Opened | None:
    if not SUBMISSION_ID_RE.match(submission_id):
        return None
    row = state.store.submission(submission_id)
    if row is None:
        return None
    try:
        plaintext, _ = open_sealed(row.sealed_data, state.key)
        doc = parse_document(plaintext)
    except (SealError, DocumentError):
        log.error("stored submission cannot be opened")
        return None
    try:
        service: Service | None = state.catalogue.service(doc.service_id)
    except KeyError:
        service = None
    return Opened(row, doc, service)


def _show_value(kind: FieldKind | None, value: Any, choices: dict[str, str]) -> str:
    if isinstance(value, dict):
        street = " ".join(v for v in (value.get("street", ""), value.get("house_number", "")) if v)
        town = " ".join(v for v in (value.get("postcode", ""), value.get("city", "")) if v)
        return ", ".join(v for v in (street, town) if v)
    text = str(value)
    if kind is FieldKind.YES_NO:
        return {"yes": "Ja", "no": "Nein"}.get(text, text)
    if kind is FieldKind.CHOICE:
        return choices.get(text, text)
    if kind is FieldKind.DATE:
        try:
            return date.fromisoformat(text).strftime("%d.%m.%Y")
        except ValueError:
            return text
    return text


@router.get("/inbox/{submission_id}")
def detail(request: Request, submission_id: str) -> Response:
    session = _session(request)
    if session is None:
        return _to_login()
    state = _state(request)
    opened = _open(state, submission_id)
    if opened is None:
        return _message(request, "Nicht gefunden", "Diesen Antrag gibt es nicht.", 404)
    return _detail_page(request, session, opened, error="")


#: The hub's own verdict on the chip's evidence (hub/identity_check.py), never the terminal's.
AUTHENTICITY = {
    IdentityVerdict.VALID: ("echt – Signatur, Zertifikatskette und Daten geprüft", "ok"),
    IdentityVerdict.INVALID: (
        "NICHT BESTÄTIGT – die Prüfung der Chipdaten ist fehlgeschlagen",
        "bad",
    ),
    IdentityVerdict.UNKNOWN_CSCA: (
        "nicht prüfbar – Ausstellerzertifikat (CSCA) nicht hinterlegt",
        "warn",
    ),
    IdentityVerdict.NO_EVIDENCE: ("nicht geprüft – keine Chipdaten übermittelt", "warn"),
}


#: Whether the chip proved to the hub that it is the original (docs/HUB.md: only Active
#: Authentication leaves a proof the hub can check; Chip Authentication does not).
CHIP_PROOF = {
    ChipProof.ACTIVE_AUTHENTICATION: "vom Server geprüft (Active Authentication)",
    ChipProof.NOT_CHECKABLE: "nicht prüfbar (der Chip bietet keine Active Authentication)",
    ChipProof.UNUSABLE_KEY: "nicht prüfbar (Schlüssel des Chips hier nicht verwendbar)",
}


def _chip_text(check: IdentityCheck) -> str:
    if check.verdict is IdentityVerdict.NO_EVIDENCE:
        return ""
    if check.verdict is not IdentityVerdict.VALID:
        # DG15's key proves the original chip only when the state signed DG15.
        return "nicht prüfbar (Chipdaten nicht bestätigt)"
    return CHIP_PROOF[check.chip]


def _authenticity(state: HubState, opened: Opened) -> dict[str, Any] | None:
    """The identity part of the detail page: verified here, from the evidence in the sealed
    document, as of the time the hub received it (the same verdict on every look)."""
    doc = opened.doc
    identity = identity_fields(doc)
    if identity is None:
        return None
    received = datetime.fromtimestamp(opened.row.received_at, UTC)
    check = check_identity(doc, opened.service, state.csca, received)
    text, level = AUTHENTICITY[check.verdict]
    specs = {f.key: f for f in opened.service.fields()} if opened.service else {}
    if check.differing and level == "ok":
        # The chip is genuine, but the form says otherwise in places: never the green badge.
        text, level = "echt – aber Angaben weichen vom Ausweis ab", "warn"
    holder = check.holder
    return {
        "text": text,
        "level": level,
        "protocol": identity.access_protocol[:10],
        "reason": check.reason[:200],
        "holder": None
        if holder is None
        else f"{holder.given_names} {holder.family_name}, geboren am "
        f"{holder.date_of_birth.strftime('%d.%m.%Y')}",
        # The holder's data are only the state's when passive authentication vouched for them.
        "holder_checked": check.verdict is IdentityVerdict.VALID,
        "differing": [specs[k].label.get("de") for k in check.differing if k in specs],
        "chip": _chip_text(check),
        # From the signed MRZ, not the terminal's "document_type".
        "document": ""
        if holder is None
        else ("Reisepass" if holder.passport else "Personalausweis"),
    }


def _detail_page(
    request: Request, session: ClerkSession, opened: Opened, error: str, status: int = 200
) -> Response:
    state = _state(request)
    doc, service = opened.doc, opened.service
    fields = []
    specs = {f.key: f for f in service.fields()} if service else {}
    for key, value in doc.form.items():
        spec = specs.get(key)
        choices = {c.value: c.label.get("de") for c in spec.choices} if spec else {}
        fields.append(
            {
                "label": spec.label.get("de") if spec else key,
                "value": _show_value(spec.kind if spec else None, value, choices),
                "from_chip": doc.identity is not None and key in doc.identity.prefilled_fields,
            }
        )
    return _page(
        request,
        "detail.html",
        {
            "session": session,
            "row": opened.row,
            "doc": doc,
            "authenticity": _authenticity(state, opened),
            "service_title": _service_title(state, doc.service_id),
            "fields": fields,
            "photos": [a.name for a in doc.attachments],
            "history": state.store.history(opened.row.id),
            "statuses": STATUS_WORDS,
            "next": NEXT[opened.row.status],
            "error": error,
            "when": lambda ts: datetime.fromtimestamp(ts).strftime("%d.%m.%Y %H:%M"),
            "submitted": doc.submitted_at.astimezone().strftime("%d.%m.%Y %H:%M"),
        },
        status,
    )


@router.get("/inbox/{submission_id}/attachments/{name}")
def photo(request: Request, submission_id: str, name: str) -> Response:
    session = _session(request)
    if session is None:
        return _to_login()
    state = _state(request)
    if not SUBMISSION_ID_RE.match(submission_id) or not ATTACHMENT_NAME_RE.match(name):
        return _message(request, "Nicht gefunden", "Dieses Foto gibt es nicht.", 404)
    if state.store.submission(submission_id) is None:
        return _message(request, "Nicht gefunden", "Dieses Foto gibt es nicht.", 404)
    sealed = state.store.sealed_attachment(submission_id, name)
    if sealed is None:
        return _message(request, "Nicht gefunden", "Dieses Foto gibt es nicht.", 404)
    try:
        jpeg, _ = open_sealed(sealed, state.key)
    except SealError:
        return _message(request, "Fehler", "Das Foto kann nicht geöffnet werden.", 500)
    return Response(jpeg, media_type="image/jpeg", headers=_NO_STORE)


@router.post("/inbox/{submission_id}/status")
async def set_status(request: Request, submission_id: str) -> Response:
    session = _session(request)
    if session is None:
        return _to_login()
    form = await request.form()
    if not _same_origin(request) or not csrf_ok(
        session.csrf_token, str(form.get("csrf_token", ""))
    ):
        return _message(
            request, "Abgelehnt", "Das Formular ist abgelaufen. Bitte laden Sie die Seite neu.", 403
        )
    state = _state(request)
    opened = _open(state, submission_id)
    if opened is None:
        return _message(request, "Nicht gefunden", "Diesen Antrag gibt es nicht.", 404)
    try:
        new = Status(str(form.get("status", "")))
    except ValueError:
        return _detail_page(request, session, opened, "Bitte wählen Sie einen Status.", 400)
    message = str(form.get("message", "")).strip()[:1000]
    if new not in NEXT[opened.row.status]:
        return _detail_page(
            request, session, opened, "Dieser Statuswechsel ist nicht möglich.", 400
        )
    if new is Status.REJECTED and not message:
        return _detail_page(
            request,
            session,
            opened,
            "Bei einer Ablehnung braucht die Bürgerin oder der Bürger eine Begründung.",
            400,
        )
    state.store.set_status(submission_id, new, message, session.user)
    log.info("status set: %s", new.value)
    return RedirectResponse(f"/inbox/{submission_id}", status_code=303)
