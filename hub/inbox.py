"""The clerks' inbox: server-rendered pages, no JavaScript, German.

Login with a password (argon2id); a session cookie (HttpOnly, SameSite=Strict, Secure unless
the operator turned that off for a local demo); every form POST carries the session's CSRF
token and is refused if the browser says it comes from another site. Submissions are opened
with the hub's key only to show them here; photos are served decrypted with
``Cache-Control: no-store``.

Nothing here blocks the event loop: handlers are sync (FastAPI runs them in its thread pool,
their forms parsed before), and the password check runs in a thread under a cap of its own.
Whatever a stored submission holds, its page opens: values are shown defensively, a document
that cannot be opened still shows its stored facts and can be worked.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any
from urllib.parse import urlencode

import anyio
from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from catalogue.model import FieldKind, Service
from hub.at_rest import AtRestError, current_context, history_context
from hub.auth import ClerkSession, check_password, clerk_session, csrf_ok, start_session
from hub.device_cookie import COOKIE as DEVICE_COOKIE
from hub.device_cookie import DEVICE_COOKIE_MAX_AGE_S
from hub.identity_check import (
    ChipProof,
    IdentityCheck,
    IdentityVerdict,
    check_identity,
    identity_fields,
)
from hub.state import PASSWORD_CHECKS_WAITING, HubState, RateLimiter, client_key, network_key
from hub.status import STATUS_WORDS
from hub.store import Filters, Status, SubmissionRow
from wire.api import ATTACHMENT_NAME_RE, SUBMISSION_ID_RE
from wire.sealing import SealError, open_sealed
from wire.submission import DocumentError, Identity, SubmissionData, parse_document
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
    state = _state(request)
    return clerk_session(state.store, request.cookies.get(COOKIE), state.sessions)


def _to_login() -> Response:
    return RedirectResponse("/login", status_code=303)


def _cross_site(request: Request) -> bool:
    """Does the browser say this form post comes from a page that is not ours?

    ``Sec-Fetch-Site`` is set by the browser itself (scripts cannot forge it) and is the
    truth: our pages send ``Referrer-Policy: no-referrer``, so Chromium sends ``Origin: null``
    on our own forms, and behind a reverse proxy that rewrites ``Host`` an Origin never equals
    the Host we see. Every browser of the last years sends it (Chromium 76, Firefox 90,
    Safari 16.4); a request without it comes from another kind of client or a very old
    browser, and the synchronizer CSRF token, checked on every post anyway, is the guard.
    """
    fetch_site = request.headers.get("sec-fetch-site")
    return fetch_site is not None and fetch_site.lower() != "same-origin"


def _cookie_secure(request: Request) -> bool:
    return _state(request).cookie_secure or request.url.scheme == "https"


# --- login ---------------------------------------------------------------------------------


@router.get("/")
def root() -> Response:
    return RedirectResponse("/inbox", status_code=303)


@router.get("/login")
def login_form(request: Request) -> Response:
    token = secrets.token_urlsafe(32)
    response = _page(request, "login.html", {"csrf_token": token, "error": "", "username": ""})
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
async def login(
    request: Request,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    state = _state(request)
    user, password = username[:100], password[:1000]
    if _cross_site(request) or not csrf_ok(request.cookies.get(LOGIN_COOKIE, ""), csrf_token):
        return _message(request, "Anmeldung abgelaufen", "Bitte laden Sie die Seite neu.", 403)
    # Counted per address (and IPv6 /48) and per account: guesses from many addresses meet
    # the account's limit, one address's guesses at many accounts meet its own. A browser
    # with a device cookie for this account (it logged in here before) is counted on its own
    # bucket alone, so a stranger's guesses, which use up the account's, do not lock it out.
    # A success is refunded.
    buckets = _login_buckets(request, state, user)
    wait = _take(buckets)
    if wait:
        return _too_many(request, wait)
    if state.password_slots.statistics().tasks_waiting >= PASSWORD_CHECKS_WAITING:
        _give_back(buckets)
        return _too_many(request, 2.0)
    # argon2 takes ~64 MiB and tens of milliseconds of a core: in a thread, at most a few at
    # once, so the event loop (status lookups, intake, /healthz) never waits for it.
    ok = await anyio.to_thread.run_sync(
        check_password, state.store, user, password, limiter=state.password_slots
    )
    if not ok:
        log.warning("failed clerk login")
        # The name stays typed (only the password is asked again), as on any login form.
        return _page(
            request,
            "login.html",
            {
                "csrf_token": csrf_token,
                "error": "Benutzername oder Passwort stimmt nicht.",
                "username": user,
            },
            401,
        )
    _give_back(buckets)
    cookie, _ = await anyio.to_thread.run_sync(start_session, state.store, user, state.sessions)
    log.info("clerk logged in")
    response = RedirectResponse("/inbox", status_code=303)
    response.set_cookie(
        COOKIE, cookie, httponly=True, samesite="strict", secure=_cookie_secure(request)
    )
    response.set_cookie(
        DEVICE_COOKIE,
        state.device_cookies().issue(user),
        max_age=DEVICE_COOKIE_MAX_AGE_S,
        path="/login",
        httponly=True,
        samesite="strict",
        secure=_cookie_secure(request),
    )
    response.delete_cookie(LOGIN_COOKIE)
    return response


_Bucket = tuple[RateLimiter, str]


def _login_buckets(request: Request, state: HubState, user: str) -> list[_Bucket]:
    """The buckets a login attempt is counted on (see :func:`login`)."""
    device = state.device_cookies().device(request.cookies.get(DEVICE_COOKIE), user)
    if device is not None:
        return [(state.device_limiter, "device|" + device)]
    host = request.client.host if request.client else None
    buckets = [(state.login_limiter, "address|" + client_key(host))]
    network = network_key(host)
    if network is not None:
        buckets.append((state.network_limiter, "network|" + network))
    buckets.append((state.account_limiter, "account|" + user.casefold()))
    return buckets


def _take(buckets: list[_Bucket]) -> float:
    """A token from every bucket, or none at all: the seconds to wait if one is empty."""
    for n, (limiter, key) in enumerate(buckets):
        wait = limiter.allow(key)
        if wait:
            _give_back(buckets[:n])
            return wait
    return 0.0


def _give_back(buckets: list[_Bucket]) -> None:
    for limiter, key in buckets:
        limiter.refund(key)


def _too_many(request: Request, wait: float) -> Response:
    seconds = max(1, round(wait))
    response = _message(
        request,
        "Zu viele Versuche",
        f"Bitte warten Sie {seconds} Sekunden und versuchen Sie es dann erneut.",
        429,
    )
    response.headers["Retry-After"] = str(seconds)
    return response


@router.post("/logout")
def logout(request: Request, csrf_token: Annotated[str, Form()] = "") -> Response:
    """A plain form post; the session ends on the server, the cookie in the browser."""
    session = _session(request)
    if session is not None and not _cross_site(request) and csrf_ok(session.csrf_token, csrf_token):
        _state(request).store.delete_session(session.token_sha256)
    response = _to_login()
    response.delete_cookie(COOKIE)
    return response


# --- the list ------------------------------------------------------------------------------


#: The days a filter can name: outside them a date has no timestamp on every platform.
_FIRST_DAY = date(1970, 1, 2)
_LAST_DAY = date(9999, 12, 30)


def _day(text: str) -> date | None:
    """A filter's date, clamped to the days that have timestamps; None if not a date."""
    try:
        day = date.fromisoformat(text) if text else None
    except ValueError:
        return None
    return None if day is None else min(max(day, _FIRST_DAY), _LAST_DAY)


def _page_number(text: str) -> int:
    """A page number as typed: not a number is the first page; a huge one is cut to 10⁹
    here and to the last page by the caller."""
    text = text.strip()
    if not text.isascii() or not text.isdigit():
        return 0
    return int(text) if len(text) <= 9 else 10**9


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
    # A page past the last shows the last (the count first: SQLite's OFFSET is 64-bit).
    _, total = state.store.submissions(filters, 0, 0)
    pages = max(1, (total + PAGE_SIZE - 1) // PAGE_SIZE)
    page = min(_page_number(q.get("page", "0")), pages - 1)
    rows, total = state.store.submissions(filters, page * PAGE_SIZE, PAGE_SIZE)
    pages = max(1, (total + PAGE_SIZE - 1) // PAGE_SIZE)
    params = {k: v for k, v in q.items() if k != "page"}
    return _page(
        request,
        "inbox.html",
        {
            "session": session,
            "rows": [_row_view(state, r) for r in rows],
            "total": total,
            "page": page,
            "pages": pages,
            "query": params,
            "link": lambda p: "/inbox?" + urlencode({**params, "page": p}),
            "statuses": STATUS_WORDS,
            "services": [(s.id, s.title.get("de")) for s in state.catalogue.services],
            "terminals": state.store.known_values("terminal_id"),
        },
    )


def _midnight(day: date) -> float:
    try:
        return datetime(day.year, day.month, day.day).timestamp()
    except (OverflowError, ValueError, OSError):
        return 0.0 if day.year < 2000 else 253402214400.0  # the start of 9999-12-31 (UTC)


def _when(ts: float) -> str:
    try:
        return datetime.fromtimestamp(ts).strftime("%d.%m.%Y %H:%M")
    except (OverflowError, ValueError, OSError):
        return "?"


def _local_time(when: datetime) -> str:
    """A submission's time in the hub's zone; one that has none there (year 1 at +14:00) as
    it was sent."""
    try:
        return when.astimezone().strftime("%d.%m.%Y %H:%M")
    except (OverflowError, ValueError):
        return when.isoformat(timespec="minutes")


def _service_title(state: HubState, service_id: str) -> str:
    try:
        return state.catalogue.service(service_id).title.get("de")
    except KeyError:
        return service_id


def _row_view(state: HubState, row: SubmissionRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "received": _when(row.received_at),
        "service": _service_title(state, row.service_id),
        "terminal": row.terminal_id,
        "status": row.status,
        "status_word": STATUS_WORDS.get(row.status, str(row.status)),
    }


# --- one submission --------------------------------------------------------------------------


@dataclass(frozen=True)
class Opened:
    row: SubmissionRow
    #: None: the stored document cannot be opened (the row's facts are still shown).
    doc: SubmissionData | None
    service: Service | None


def _open(state: HubState, submission_id: str) -> Opened | None:
    """None only if there is no such submission."""
    if not SUBMISSION_ID_RE.match(submission_id):
        return None
    row = state.store.submission(submission_id)
    if row is None:
        return None
    try:
        plaintext, _ = open_sealed(row.sealed_data, state.key)
        parsed = parse_document(plaintext)
    except (SealError, DocumentError):
        log.error("stored submission cannot be opened")
        doc: SubmissionData | None = None
    else:
        doc = parsed
        # A JWE names no place: one copied from another row in the database would open. The
        # row's own facts (its id, the SHA-256 taken at intake) tell whether it is this one.
        if parsed.id != row.id or hashlib.sha256(plaintext).hexdigest() != row.content_sha256:
            log.error("stored submission %s holds another document", row.id)
            doc = None
    service_id = doc.service_id if doc is not None else row.service_id
    # The definition the citizen filled in (every version the hub loaded is archived), so the
    # labels and the identity rules are those of the submission, not of today's catalogue.
    service: Service | None = state.archive.service(
        service_id, doc.service_version if doc is not None else row.service_version
    )
    if service is None:
        try:
            service = state.catalogue.service(service_id)
        except KeyError:
            service = None
    return Opened(row, doc, service)


def _show_value(kind: FieldKind | None, value: Any, choices: dict[str, str]) -> str:
    if isinstance(value, dict):
        parts = {k: str(v) for k, v in value.items()}
        street = " ".join(v for v in (parts.get("street", ""), parts.get("house_number", "")) if v)
        town = " ".join(v for v in (parts.get("postcode", ""), parts.get("city", "")) if v)
        return ", ".join(v for v in (street, town) if v) or ", ".join(parts.values())
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
    if doc is None:
        return None
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


def _prefilled(identity: Identity | None) -> set[str]:
    """The fields the terminal filled from the chip (wire.submission's typed identity)."""
    return set(identity.prefilled_fields) if identity is not None else set()


def _fields(opened: Opened) -> list[dict[str, Any]]:
    doc, service = opened.doc, opened.service
    if doc is None:
        return []
    specs = {f.key: f for f in service.fields()} if service else {}
    chip = _prefilled(doc.identity)
    fields = []
    for key, value in doc.form.items():
        spec = specs.get(key)
        choices = {c.value: c.label.get("de") for c in spec.choices} if spec else {}
        fields.append(
            {
                "label": spec.label.get("de") if spec else key,
                "value": _show_value(spec.kind if spec else None, value, choices),
                "from_chip": key in chip,
            }
        )
    return fields


def _history(state: HubState, submission_id: str) -> list[dict[str, Any]]:
    history = []
    for h in state.store.history(submission_id):
        history.append(
            {
                "at": h.at,
                "status": h.status,
                "clerk": h.clerk,
                "message": _message_text(state, h.message, history_context(submission_id, h.at)),
            }
        )
    return history


def _message_text(state: HubState, stored: str, context: str) -> str:
    try:
        return state.sealer().open(stored, context)
    except AtRestError:
        return "(Nachricht kann nicht geöffnet werden)"


def _confirmation(request: Request, opened: Opened) -> dict[str, str] | None:
    """What the submission says about a clerk confirming the citizen's identity in a video
    call, judged against the hub's own call log (the terminal's word alone proves nothing)."""
    doc = opened.doc
    if doc is None or not doc.confirmed_in_call:
        return None
    log_ = getattr(request.app.state, "call_log", None)
    found = log_.confirmation(doc.confirmed_in_call) if log_ is not None else None
    if found is None or found.terminal_id != opened.row.terminal_id:
        return {
            "level": "bad",
            "text": "Das Terminal gibt eine Bestätigung im Videogespräch an, die das "
            "Anrufprotokoll nicht kennt – nicht bestätigt.",
        }
    compared = _COMPARED_WITH.get(found.basis, "")
    return {
        "level": "ok",
        "text": f"Im Videogespräch bestätigt von {found.clerk}{compared}, "
        f"{_when(found.confirmed_at)}",
    }


#: How the clerk confirmed who the citizen is (hub.calls.log's basis).
_COMPARED_WITH = {
    "chip_photo": " (mit dem Foto aus dem Chip verglichen)",
    "document_photo": " (mit dem vor die Kamera gehaltenen Ausweis verglichen)",
    "video": " (mit dem Ausweis im Video verglichen)",
}


def _detail_page(
    request: Request,
    session: ClerkSession,
    opened: Opened,
    error: str,
    status: int = 200,
    *,
    chosen: Status | None = None,
    message: str = "",
) -> Response:
    """The submission's page; after a refused change, ``chosen`` and ``message`` are what
    the clerk had picked and typed, shown again so that only the missing part is added."""
    state = _state(request)
    allowed = NEXT.get(opened.row.status, ())
    doc = opened.doc
    return _page(
        request,
        "detail.html",
        {
            "session": session,
            "row": opened.row,
            "doc": doc,
            "authenticity": _authenticity(state, opened),
            "confirmation": _confirmation(request, opened),
            "service_title": _service_title(state, opened.row.service_id),
            "fields": _fields(opened),
            "photos": [a.name for a in doc.attachments] if doc is not None else [],
            "history": _history(state, opened.row.id),
            "status_message": _message_text(
                state,
                opened.row.status_message,
                current_context(opened.row.id, opened.row.status_changed_at),
            ),
            "statuses": STATUS_WORDS,
            "next": allowed,
            "chosen": chosen if chosen in allowed else (allowed[0] if allowed else None),
            "typed": message,
            "error": error,
            "when": _when,
            "submitted": _local_time(doc.submitted_at) if doc is not None else "",
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
    refs = {a.name: a for a in state.store.attachments(submission_id)}
    try:
        jpeg, _ = open_sealed(sealed, state.key)
    except SealError:
        log.error("stored photo cannot be opened")
        return _message(request, "Fehler", "Das Foto kann nicht geöffnet werden.", 404)
    if name not in refs or hashlib.sha256(jpeg).hexdigest() != refs[name].content_sha256:
        # Another photo copied into this row (the JWE names no place): not this one.
        log.error("stored photo of %s holds another photo", submission_id)
        return _message(request, "Fehler", "Das Foto kann nicht geöffnet werden.", 404)
    return Response(jpeg, media_type="image/jpeg", headers=_NO_STORE)


@router.post("/inbox/{submission_id}/status")
def set_status(
    request: Request,
    submission_id: str,
    csrf_token: Annotated[str, Form()] = "",
    status: Annotated[str, Form()] = "",
    message: Annotated[str, Form()] = "",
) -> Response:
    session = _session(request)
    if session is None:
        return _to_login()
    if _cross_site(request) or not csrf_ok(session.csrf_token, csrf_token):
        return _message(
            request, "Abgelehnt", "Das Formular ist abgelaufen. Bitte laden Sie die Seite neu.", 403
        )
    state = _state(request)
    opened = _open(state, submission_id)
    if opened is None:
        return _message(request, "Nicht gefunden", "Diesen Antrag gibt es nicht.", 404)
    try:
        new = Status(status)
    except ValueError:
        return _detail_page(
            request, session, opened, "Bitte wählen Sie einen Status.", 400, message=message
        )
    text = message.strip()[:1000]
    if new not in NEXT.get(opened.row.status, ()):
        return _detail_page(
            request,
            session,
            opened,
            "Dieser Statuswechsel ist nicht möglich.",
            400,
            message=message,
        )
    if new is Status.REJECTED and not text:
        # The clerk's choice stays chosen: saving again after typing the reason must not
        # silently set the first status of the list instead.
        return _detail_page(
            request,
            session,
            opened,
            "Bei einer Ablehnung braucht die Bürgerin oder der Bürger eine Begründung.",
            400,
            chosen=new,
            message=message,
        )
    # Each copy sealed for its place: the submission's current message and the history entry
    # of this change, both bound to the id and the change's time (hub.at_rest).
    at, sealer = time.time(), state.sealer()
    state.store.set_status(
        submission_id,
        new,
        sealer.seal(text, current_context(submission_id, at)),
        session.user,
        history_message=sealer.seal(text, history_context(submission_id, at)),
        at=at,
    )
    log.info("status set: %s", new.value)
    return RedirectResponse(f"/inbox/{submission_id}", status_code=303)
