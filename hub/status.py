"""The citizen's status lookup by the tracking code on the receipt.

It answers with the status and the clerk's message only — never personal data — and is
rate-limited per client address, unknown codes included, so codes cannot be enumerated
(60 random bits against 10 tries and then one every 6 seconds).
"""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from common.languages import FALLBACK, LANGUAGES, Language
from common.texts import Texts, texts_for
from hub.at_rest import AtRestError, current_context
from hub.intake import require_terminal
from hub.listeners import client_certificate_der
from hub.problems import PROBLEM_SCHEMA, ProblemError, problem_response
from hub.state import HubState, client_key, network_key
from hub.store import Status, SubmissionRow
from wire.api import STATUS_API_PATH, STATUS_PAGE_PATH, ProblemType
from wire.status import StatusReport, SubmissionStatus, status_body
from wire.tracking import normalise_tracking_code, tracking_digest

router = APIRouter()

#: The statuses as the clerks read them (the citizen's page has them in the citizen's language).
STATUS_WORDS = {
    Status.RECEIVED: "Eingegangen",
    Status.IN_PROGRESS: "In Bearbeitung",
    Status.DONE: "Erledigt",
    Status.REJECTED: "Abgelehnt",
}
_STATUS_SCHEMA = {
    "type": "object",
    "required": ["status", "message", "received_at", "updated_at"],
    "properties": {
        "status": {"type": "string", "enum": [s.value for s in Status]},
        "message": {"type": "string"},
        "received_at": {"type": "string"},
        "updated_at": {"type": "string"},
    },
}


def _client(request: Request) -> str:
    """The client's address: the connection's, or what a configured proxy forwarded
    (``serve --trusted-proxy``; uvicorn rewrites the address only for those)."""
    return client_key(request.client.host if request.client else None)


def _message(state: HubState, row: SubmissionRow) -> str:
    """The clerk's message, opened from its sealed form (hub.at_rest)."""
    try:
        return state.sealer().open(
            row.status_message, current_context(row.id, row.status_changed_at)
        )
    except AtRestError:
        return ""


def _lookup(request: Request, code: str) -> SubmissionRow | float | None:
    """The row, None if unknown, or the seconds to wait if rate-limited.

    A terminal asks for the citizens standing at it, all from one address: with its
    credential it gets a budget of its own (``terminal_status_limiter``) instead of sharing
    the per-address one; a wrong credential is refused rather than treated as a citizen.
    """
    state: HubState = request.app.state.hub
    if (
        request.headers.get("authorization") is not None
        or client_certificate_der(request.scope) is not None  # (an enrolled terminal)
    ):
        terminal = require_terminal(request)
        wait = state.terminal_status_limiter.allow(terminal.id)
        if wait:
            return wait
        return _row(state, code)
    wait = state.status_limiter.allow(_client(request))
    # And per IPv6 /48, so that rotating through a site's /64s does not buy guesses.
    network = network_key(request.client.host if request.client else None)
    if not wait and network is not None:
        wait = state.status_network_limiter.allow(network)
        if wait:
            state.status_limiter.refund(_client(request))
    if wait:
        return wait
    return _row(state, code)


def _row(state: HubState, code: str) -> SubmissionRow | None:
    canonical = normalise_tracking_code(code)
    if canonical is None:
        return None
    return state.store.status_by_tracking(tracking_digest(canonical))


@router.get(
    STATUS_API_PATH,
    summary="Status of a submission by its tracking code",
    responses={
        200: {"content": {"application/json": {"schema": _STATUS_SCHEMA}}},
        401: {"description": "A terminal credential was sent but is not valid", **PROBLEM_SCHEMA},
        404: {"description": "Unknown code", **PROBLEM_SCHEMA},
        429: {"description": "Too many lookups", **PROBLEM_SCHEMA},
    },
)
def status_api(request: Request, code: str) -> JSONResponse:
    state: HubState = request.app.state.hub
    found = _lookup(request, code)
    if isinstance(found, float):
        raise ProblemError(
            429,
            ProblemType.RATE_LIMITED,
            "Too many lookups; please wait a little.",
            headers={"Retry-After": str(max(1, round(found)))},
        )
    if found is None:
        raise ProblemError(404, ProblemType.NOT_FOUND, "No submission has this tracking code.")
    report = StatusReport(
        SubmissionStatus(found.status.value),
        _message(state, found),
        datetime.fromtimestamp(found.received_at, UTC),
        datetime.fromtimestamp(found.status_changed_at, UTC),
    )
    return JSONResponse(status_body(report), headers={"Cache-Control": "no-store"})


@router.get(STATUS_PAGE_PATH, response_class=HTMLResponse, include_in_schema=False)
def status_page(request: Request, code: str, lang: str = "") -> Response:
    state: HubState = request.app.state.hub
    language = page_language(lang, request.headers.get("accept-language", ""))
    texts = texts_for(language.code)
    found = _lookup(request, code)
    if isinstance(found, float):
        return problem_response(
            429,
            ProblemType.RATE_LIMITED,
            texts.translate("Status page", "Too many lookups; please wait a little."),
            headers={"Retry-After": str(max(1, round(found)))},
        )
    canonical = normalise_tracking_code(code) or ""
    municipality = state.catalogue.municipality_name.get(language.code)
    return state.templates.TemplateResponse(
        request,
        "status.html",
        {
            "found": found,
            "message": _message(state, found) if found is not None else "",
            "language": language,
            "t": _page_texts(texts, municipality, canonical, found),
            "status_word": _status_word(texts, found.status) if found is not None else "",
            "code": canonical,
            "municipality": municipality,
            # The page in each other language, the citizen's phone's choice aside.
            "others": [
                (other, f"?lang={other.code}")
                for other in LANGUAGES.values()
                if other.code != language.code
            ],
        },
        status_code=200 if found is not None else 404,
        headers={"Cache-Control": "no-store", "Content-Language": language.code},
    )


def page_language(asked: str, accept_language: str) -> Language:
    """The language the citizen chose on the page, else the first of their phone's
    (``Accept-Language``) the texts are in, else German."""
    if asked in LANGUAGES:
        return LANGUAGES[asked]
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        ranked.append((-weight, index, tag.strip().lower()))
    for weight, _, tag in sorted(ranked):
        if weight < 0 and (tag in LANGUAGES or tag.split("-")[0] in LANGUAGES):
            return LANGUAGES[tag if tag in LANGUAGES else tag.split("-")[0]]
    return FALLBACK


def _status_word(texts: Texts, status: Status) -> str:
    return {
        Status.RECEIVED: texts.translate("Status page", "Received"),
        Status.IN_PROGRESS: texts.translate("Status page", "In progress"),
        Status.DONE: texts.translate("Status page", "Done"),
        Status.REJECTED: texts.translate("Status page", "Rejected"),
    }[status]


def _page_texts(
    texts: Texts, municipality: str, code: str, found: SubmissionRow | None
) -> dict[str, str]:
    words = {
        "title": texts.translate(
            "Status page", "Status of your application – {municipality}"
        ).format(municipality=municipality),
        "number": texts.translate("Status page", "Tracking number {code}").format(code=code),
        "other_languages": texts.translate("Status page", "Other languages"),
        "unknown": texts.translate(
            "Status page",
            "There is no application with this tracking number. Please check the number "
            "on your receipt.",
        ),
        "not_yet": texts.translate(
            "Status page",
            "An application the terminal could not send yet appears here as soon as it has "
            "reached the town hall.",
        ),
    }
    if found is not None:
        words["dates"] = texts.translate(
            "Status page", "Received on {received}, last changed on {changed}."
        ).format(
            received=_local(found.received_at),
            changed=_local(found.status_changed_at),
        )
    return words


def _local(ts: float) -> str:
    # Digits only: the same in every language the page speaks.
    try:
        return datetime.fromtimestamp(ts).strftime("%d.%m.%Y %H:%M")
    except (OverflowError, ValueError, OSError):
        return "?"
