"""Terminals' health at the hub: their reports (``PUT /api/v1/terminals/{id}/health``) and
the clerks' and technicians' page ``/fleet``.

A report (:mod:`wire.health`) is plain JSON, not sealed: it holds no personal data — counts,
states and short reasons the terminal builds itself. A terminal reports only for itself (its
credential's id, 403 otherwise); the document is checked by the one typed model (422 for
anything else, never 500); the latest report per terminal is kept in the hub's database, at
most one per :data:`wire.health.MIN_INTERVAL_S` per terminal after a burst of three (429
with Retry-After). The
count of terminals with dead letters is kept in memory too, for ``/healthz`` (which answers
without the database).
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from hub.auth import clerk_session
from hub.inbox import COOKIE
from hub.intake import require_terminal
from hub.problems import PROBLEM_SCHEMA, ProblemError
from hub.state import HubState, RateLimiter
from hub.store import Store, TerminalRow
from wire.api import (
    HEALTH_PATH,
    MEDIA_TYPE_JSON,
    TERMINAL_ID_RE,
    ProblemType,
    acknowledgement,
)
from wire.health import (
    HEALTH_PART_NAME,
    MAX_HEALTH_BYTES,
    MIN_INTERVAL_S,
    OPENAPI_SCHEMA,
    Connection,
    HealthError,
    TerminalHealth,
    parse_health,
)
from wire.orders import Order, order_list

log = logging.getLogger(__name__)
router = APIRouter()

#: A terminal that has not reported for three of its intervals (one lost report is no alarm),
#: and at least this long, is flagged on the fleet page.
STALE_S = 15 * 60
REPORT_BURST = 3.0
MISSED_REPORTS = 3
CONNECTION_WORDS = {
    Connection.ONLINE: "verbunden",
    Connection.OFFLINE: "keine Verbindung",
    Connection.REFUSED: "vom Hub abgewiesen",
    Connection.UNKNOWN: "unbekannt",
}


class Fleet:
    """What ``/healthz`` needs of the terminals' reports, in memory: who has dead letters."""

    def __init__(self, store: Store) -> None:
        self._lock = threading.Lock()
        self._dead_letters = {t.id: dead for t, _, _, dead in store.terminal_health() if dead}
        #: One stored report per terminal per MIN_INTERVAL_S, after a burst of REPORT_BURST:
        #: an order carried out and a restart each report at once.
        self.limiter = RateLimiter(REPORT_BURST, MIN_INTERVAL_S)

    def reported(self, terminal_id: str, dead_letters: int) -> None:
        with self._lock:
            if dead_letters:
                self._dead_letters[terminal_id] = dead_letters
            else:
                self._dead_letters.pop(terminal_id, None)

    def terminals_with_dead_letters(self) -> int:
        with self._lock:
            return len(self._dead_letters)


def _state(request: Request) -> HubState:
    state: HubState = request.app.state.hub
    return state


def _fleet(request: Request) -> Fleet:
    fleet: Fleet = request.app.state.fleet
    return fleet


async def _body(request: Request) -> bytes:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != MEDIA_TYPE_JSON:
        raise ProblemError(415, ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send application/json.")
    declared = request.headers.get("content-length", "")
    too_large = ProblemError(413, ProblemType.TOO_LARGE, f"At most {MAX_HEALTH_BYTES} bytes.")
    if declared.isdigit() and int(declared) > MAX_HEALTH_BYTES:
        raise too_large
    body = bytearray()
    try:
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_HEALTH_BYTES:
                raise too_large
    except ClientDisconnect:
        raise ProblemError(400, ProblemType.MALFORMED, "The body ended early.") from None
    return bytes(body)


_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "Stored as this terminal's latest report",
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["id", "part", "status", "sha256"],
                    "properties": {
                        "id": {"type": "string"},
                        "part": {"type": "string", "enum": [HEALTH_PART_NAME]},
                        "status": {"type": "string", "enum": ["received"]},
                        "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                        "orders": {
                            "type": "array",
                            "description": "The hub's orders for this terminal (pop.orders/1)",
                            "items": {
                                "type": "object",
                                "required": ["id", "kind"],
                                "properties": {
                                    "id": {"type": "integer"},
                                    "kind": {"type": "string"},
                                },
                            },
                        },
                        "configuration": {
                            "type": "integer",
                            "description": "The newest configuration version (mutual TLS hub)",
                        },
                    },
                }
            }
        },
    },
    **{
        code: {"description": text, **PROBLEM_SCHEMA}
        for code, text in (
            (400, "Malformed request"),
            (401, "No valid terminal credential"),
            (403, "Another terminal's id"),
            (413, "Too large"),
            (415, "Not application/json"),
            (422, "Not a health report"),
            (429, "More than one report in 10 seconds: try again after Retry-After"),
            (503, "Storage trouble: try again after Retry-After"),
        )
    },
}


@router.put(
    HEALTH_PATH,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {MEDIA_TYPE_JSON: {"schema": OPENAPI_SCHEMA}},
        }
    },
    responses=_RESPONSES,
    summary="A terminal's health report (not sealed: no personal data)",
)
async def put_health(
    request: Request,
    terminal_id: Annotated[str, PathParam(pattern=TERMINAL_ID_RE.pattern)],
) -> JSONResponse:
    terminal = await run_in_threadpool(require_terminal, request)
    if terminal.id != terminal_id:
        raise ProblemError(403, ProblemType.FORBIDDEN, "A terminal reports only for itself.")
    body = await _body(request)
    try:
        report = parse_health(body)
    except HealthError as exc:
        raise ProblemError(422, ProblemType.MALFORMED, f"Not a health report: {exc}") from None
    fleet = _fleet(request)
    wait = fleet.limiter.allow(terminal.id)
    if wait:
        raise ProblemError(
            429,
            ProblemType.RATE_LIMITED,
            "One health report per terminal every 10 seconds (after a burst of three).",
            headers={"Retry-After": str(max(1, math.ceil(wait)))},
        )
    store = _state(request).store

    def record() -> list[tuple[int, str]]:
        """The report kept and the orders settled, in one trip to a worker thread (each trip
        costs the event loop a hand-over of the interpreter: thousands of terminals report)."""
        # Stored as the model writes it, not as received: what the page reads back parses.
        store.put_terminal_health(terminal.id, report.to_json().decode(), report.dead_letters)
        fleet.reported(terminal.id, report.dead_letters)
        # What the terminal carried out, then what it still has to: orders ride on the answer.
        now = time.time()
        confirmed = report.orders_done
        if confirmed and not (report.disabled and report.depth == 0 and report.dead_letters == 0):
            # A decommissioning counts as done only from a terminal that says it is out of
            # order with nothing left to deliver (an older terminal confirms an order it does
            # not know, and goes on serving).
            pending = store.pending_orders(terminal.id)
            decommissions = {order_id for order_id, kind in pending if kind == "decommission"}
            confirmed = tuple(order_id for order_id in confirmed if order_id not in decommissions)
        done = store.orders_done(terminal.id, confirmed, now)
        if "decommission" in done:
            # It delivered what it had and is wiping itself: refused from now on.
            _retire(request, terminal.id, now)
        return store.pending_orders(terminal.id)

    pending = await run_in_threadpool(record)
    answer = acknowledgement(terminal.id, HEALTH_PART_NAME, body)
    if pending:
        answer["orders"] = order_list([Order(order_id, kind) for order_id, kind in pending])
    signer = getattr(request.app.state, "configuration", None)
    if signer is not None:
        # The newest configuration: an enrolled terminal with an older one fetches it.
        answer["configuration"] = signer.published.version
    return JSONResponse(answer)


def _retire(request: Request, terminal_id: str, now: float) -> None:
    from hub.enrolment import revocations_changed

    store = _state(request).store
    store.revoke_terminal(terminal_id)
    if store.revoke_device_certificates(terminal_id, now):
        revocations_changed(store, request.app.state.pki, now)
    log.warning("terminal %s decommissioned: refused from now on", terminal_id)


# --- the page ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TerminalView:
    id: str
    name: str
    place: str
    revoked: bool
    last_seen: str
    #: "kein Bericht seit 20 Minuten", "noch kein Bericht", or "".
    stale: str
    reported: str
    report: TerminalHealth | None
    connection: str
    oldest: str
    #: The newest order not yet carried out ("Auftrag „außer Betrieb“ wartet seit …"), or "".
    order: str = ""
    #: What needs someone: paper out, no card reader, a growing queue, a certificate about to
    #: expire (with the severity: "bad" or "warn").
    alerts: tuple[tuple[str, str], ...] = ()
    #: The printer's and the card reader's states in words ("" if not reported).
    printer: str = ""
    card_reader: str = ""
    #: The last self-test: when, and each check in words ("Drucker: in Ordnung (…)").
    self_test_at: str = ""
    self_test: tuple[tuple[str, str], ...] = ()


def _when(ts: float | None) -> str:
    if ts is None:
        return "–"
    try:
        return datetime.fromtimestamp(ts).strftime("%d.%m.%Y %H:%M")
    except (OverflowError, OSError, ValueError):
        return "–"


def _duration(seconds: float) -> str:
    minutes = int(seconds // 60)
    if minutes < 120:
        return f"{minutes} Minute" if minutes == 1 else f"{minutes} Minuten"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} Stunden"
    return f"{hours // 24} Tagen"


_ORDER_WORDS = {
    "disable": "außer Betrieb nehmen",
    "enable": "wieder in Betrieb nehmen",
    "self_test": "Selbsttest",
    "decommission": "stilllegen",
    "restart": "neu starten",
    "resend_dead_letters": "Unzustellbare erneut senden",
}
_CHECK_WORDS = {
    "card_reader": "Kartenleser",
    "printer": "Drucker",
    "camera": "Kamera",
    "hub": "Verbindung zum Hub",
    "clock": "Uhr",
    "disk": "Speicherplatz",
    "turn": "TURN-Server",
}
_RESULT_WORDS = {"ok": "in Ordnung", "failed": "FEHLER", "skipped": "nicht geprüft"}


def _order(last: tuple[str, float, float | None] | None) -> str:
    if last is None or last[2] is not None:
        return ""
    kind, issued_at, _ = last
    return f"Auftrag „{_ORDER_WORDS.get(kind, kind)}“ wartet seit {_when(issued_at)}"


_PRINTER_ALERTS = {
    "paper_out": ("bad", "Drucker: Papier leer"),
    "paper_low": ("warn", "Drucker: Papier geht zur Neige"),
    "cover_open": ("bad", "Drucker: Deckel offen"),
    "offline": ("bad", "Drucker nicht erreichbar"),
    "error": ("bad", "Drucker gestört"),
}
_DEVICE_WORDS = {
    "ready": "bereit",
    "paper_low": "Papier geht zur Neige",
    "paper_out": "Papier leer",
    "cover_open": "Deckel offen",
    "offline": "nicht erreichbar",
    "error": "gestört",
    "unknown": "meldet keinen Zustand",
    "no_reader": "fehlt",
    "failed": "gestört",
}
_READER_ALERTS = {
    "no_reader": ("bad", "Kartenleser fehlt"),
    "failed": ("bad", "Kartenleser gestört"),
}
#: A queue worth a look: this many waiting, or the oldest waiting this long.
QUEUE_ALERT_DEPTH = 20
QUEUE_ALERT_AGE_S = 3600.0
#: A device certificate this close to its end (the terminal renews at 10 days left).
CERTIFICATE_ALERT_S = 7 * 86400.0


def _alerts(
    report: TerminalHealth | None, certificate_expiry: float | None, now: float
) -> tuple[tuple[str, str], ...]:
    alerts: list[tuple[str, str]] = []
    if report is not None:
        if report.printer in _PRINTER_ALERTS:
            alerts.append(_PRINTER_ALERTS[report.printer])
        if report.card_reader in _READER_ALERTS:
            alerts.append(_READER_ALERTS[report.card_reader])
        if report.depth >= QUEUE_ALERT_DEPTH or (
            report.depth and report.oldest_age_s >= QUEUE_ALERT_AGE_S
        ):
            alerts.append(("warn", f"Warteschlange wächst: {report.depth} wartend"))
    if report is not None:
        for name, result, _ in report.self_test:
            if result == "failed":
                alerts.append(("bad", f"Selbsttest: {_CHECK_WORDS.get(name, name)} gestört"))
    if certificate_expiry is not None and certificate_expiry - now < CERTIFICATE_ALERT_S:
        word = "abgelaufen am" if certificate_expiry < now else "läuft ab am"
        alerts.append(("bad", f"Zertifikat {word} {_when(certificate_expiry)}"))
    return tuple(alerts)


def _view(
    terminal: TerminalRow,
    received_at: float | None,
    text: str | None,
    now: float,
    last_order: tuple[str, float, float | None] | None = None,
    certificate_expiry: float | None = None,
) -> TerminalView:
    report = None
    if text is not None:
        try:
            report = parse_health(text.encode("utf-8"))
        except HealthError:
            log.warning("stored health report of %s unreadable", terminal.id)
    interval = report.report_interval_s if report else 300.0
    if received_at is None:
        stale = "noch kein Bericht"
    elif now - received_at >= max(STALE_S, MISSED_REPORTS * interval):
        stale = f"kein Bericht seit {_duration(now - received_at)}"
    else:
        stale = ""
    return TerminalView(
        id=terminal.id,
        name=terminal.name,
        place=terminal.place,
        revoked=terminal.revoked_at is not None,
        last_seen=_when(terminal.last_seen_at),
        stale=stale,
        reported=_when(received_at),
        report=report,
        connection=CONNECTION_WORDS[report.connection] if report else "",
        oldest=_duration(report.oldest_age_s) if report and report.depth else "",
        order=_order(last_order),
        alerts=_alerts(report, certificate_expiry, now),
        printer=_DEVICE_WORDS.get(report.printer, report.printer) if report else "",
        card_reader=_DEVICE_WORDS.get(report.card_reader, report.card_reader) if report else "",
        self_test_at=_when(report.self_test_at) if report and report.self_test_at else "",
        self_test=tuple(
            (
                "bad" if result == "failed" else "ok",
                f"{_CHECK_WORDS.get(name, name)}: {_RESULT_WORDS.get(result, result)}"
                + (f" ({detail})" if detail else ""),
            )
            for name, result, detail in (report.self_test if report else ())
        ),
    )


@router.get("/fleet", include_in_schema=False)
def fleet_page(request: Request) -> Response:
    state = _state(request)
    session = clerk_session(state.store, request.cookies.get(COOKIE), state.sessions)
    if session is None:
        return RedirectResponse("/login", status_code=303)
    now = time.time()
    store = state.store
    views = [
        _view(t, at, text, now, store.last_order(t.id), store.certificate_expiry(t.id))
        for t, at, text, _ in store.terminal_health()
    ]
    show = request.query_params.get("show", "")
    show = show if show in FILTERS else "all"
    query = request.query_params.get("q", "").strip()[:100]
    shown = [v for v in views if FILTERS[show][1](v) and _matches(v, query)]
    return state.templates.TemplateResponse(
        request,
        "fleet.html",
        {
            "session": session,
            "admin": store.role(session.user) == "admin",
            "terminals": shown,
            "total": len(views),
            "filters": [
                (key, words, sum(1 for v in views if test(v)))
                for key, (words, test) in FILTERS.items()
            ],
            "show": show,
            "query": query,
            "with_dead_letters": sum(1 for v in views if v.report and v.report.dead_letters),
        },
        headers={"Cache-Control": "no-store"},
    )


def _matches(view: TerminalView, query: str) -> bool:
    """The search box: a part of the terminal's id, name or place (any case)."""
    text = query.casefold()
    return not text or any(text in field.casefold() for field in (view.id, view.name, view.place))


#: The fleet page's filters: what a technician looks for first.
FILTERS: dict[str, tuple[str, Callable[[TerminalView], bool]]] = {
    "all": ("alle", lambda v: True),
    "attention": ("mit Hinweis", lambda v: bool(v.alerts or v.stale or v.order)),
    "offline": ("ohne Bericht", lambda v: bool(v.stale)),
    "dead_letters": ("mit Unzustellbaren", lambda v: bool(v.report and v.report.dead_letters)),
    "disabled": ("außer Betrieb", lambda v: bool(v.revoked or (v.report and v.report.disabled))),
}
