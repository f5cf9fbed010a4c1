"""The hub's ASGI application: intake API, citizens' status lookup, clerks' inbox."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from catalogue.loader import CatalogueError, load_catalogue
from drivers.card.icao.passive import TrustStore
from hub import (
    configuration,
    enrolment,
    fleet,
    fleet_actions,
    health,
    inbox,
    intake,
    probe,
    problems,
    status,
)
from hub.archive import ArchiveError, open_archive
from hub.at_rest import PREFIX, AtRest, AtRestError, current_context, history_context
from hub.auth import dummy_password_hash
from hub.calls import desk_page, signalling
from hub.calls.desk import Call, CallDesk
from hub.calls.log import CallLog
from hub.calls.turn import TurnSettings, ice_servers
from hub.keys import key_path, load_key, make_private, public_key_document
from hub.mailer import MailSettings, ReceiptMailer
from hub.orphans import OrphanPurge
from hub.pki import PKI_DIR, CertificateAuthority, PkiError
from hub.state import (
    MAX_PENDING_ATTACHMENT_BYTES,
    UPLOADS_AT_ONCE,
    UPLOADS_PER_TERMINAL,
    HubState,
    SessionPolicy,
    Slots,
)
from hub.store import Store

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
DEFAULT_CATALOGUE = HERE.parent / "catalogues" / "musterstadt.yaml"
DB_FILE = "hub.sqlite"
CALL_LOG_FILE = "calls.sqlite"


@dataclass(frozen=True)
class HubSettings:
    data_dir: Path
    catalogue_path: Path = DEFAULT_CATALOGUE
    #: Send the session cookie only over HTTPS. On by default; the demo on http://127.0.0.1
    #: turns it off (browsers accept Secure cookies from localhost, HTTP clients may not).
    cookie_secure: bool = True
    #: SMTP for receipt mails (terminals offer them when their printer cannot print).
    mail: MailSettings = field(default_factory=MailSettings)
    #: CSCA certificates and master lists (files or folders) the chips' evidence is checked
    #: against; without any, every document is "not checkable" (unknown CSCA).
    csca_paths: tuple[Path, ...] = ()
    #: The private key file; None: ``hub-key.jwk`` in the data folder.
    key_path: Path | None = None
    #: Clerks' sessions: idle and absolute expiry.
    sessions: SessionPolicy = field(default_factory=SessionPolicy)
    #: Serve the API description at /openapi.json (no HTML viewer: that would load scripts
    #: from elsewhere into the inbox's origin). Off by default.
    api_docs: bool = False
    #: STUN/TURN for the video calls (hub.calls.turn); none: direct connections only.
    turn: TurnSettings = field(default_factory=TurnSettings)
    #: The CA's folder (hub.pki); None: ``pki/`` in the data folder.
    pki_dir: Path | None = None
    #: The enrolled terminals' settings (hub.configuration; None: terminal-settings.json in
    #: the data folder, if there is one).
    terminal_settings: Path | None = None
    #: The enrolled terminals' mutual-TLS port (0: the hub serves no TLS itself, and enrols
    #: nobody: a certificate it could not check, for a code sent in the clear).
    terminal_port: int = 0
    #: Where enrolled terminals reach that listener (told them at enrolment); "": the host
    #: they enrolled at, with ``terminal_port``.
    terminal_url: str = ""
    #: Uploads received or stored at once; one more is answered 503 with Retry-After.
    uploads_at_once: int = UPLOADS_AT_ONCE
    uploads_per_terminal: int = UPLOADS_PER_TERMINAL
    #: Bytes of attachments one terminal may have waiting for their submission (507 beyond).
    max_pending_attachment_bytes: int = MAX_PENDING_ATTACHMENT_BYTES


_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
_CSP = (
    b"content-security-policy",
    # blob: for the chip's photo at the desk (desk.js makes it from what the data channel
    # brought; only a script of this origin can make such a URL).
    b"default-src 'self'; img-src 'self' blob:; style-src 'self'; form-action 'self'; "
    b"frame-ancestors 'none'",
)


class SecurityHeaders:
    """Adds the security headers to every response (a plain ASGI middleware: Starlette's
    BaseHTTPMiddleware costs a task and a stream per request, a tenth of the intake time)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in _ALL_HEADERS if k not in present
                ]
            await send(message)

        await self.app(scope, receive, with_headers)


_ALL_HEADERS = [*_HEADERS, _CSP]

#: The clerks' forms (login, status with a 1000-character message) are a few kB at most.
MAX_FORM_BYTES = 64 * 1024


class FormBodyLimit:
    """Bounds the bodies of the pages' form posts (everything outside ``/api/``, whose
    uploads the intake bounds itself): Starlette buffers a url-encoded form in memory, so an
    unauthenticated ``POST /login`` of a gigabyte would otherwise cost a gigabyte. A body
    must declare its length (browsers do), and not more than :data:`MAX_FORM_BYTES`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] in ("GET", "HEAD", "OPTIONS")
            or scope["path"].startswith("/api/")
        ):
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length", b"").decode("latin-1")
        if not declared.isdigit():
            await _plain(send, 411, "Length Required")
        elif int(declared) > MAX_FORM_BYTES:
            await _plain(send, 413, "Content Too Large")
        else:
            await self.app(scope, receive, send)


async def _plain(send: Send, status: int, text: str) -> None:
    body = text.encode("ascii")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode("ascii")),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _seal_old_messages(store: Store, at_rest: AtRest) -> None:
    """Messages an earlier hub stored in clear, or sealed without their place (``sealed:v1:``),
    are sealed for their place at start (hub.at_rest)."""
    current, history = store.messages_to_reseal(PREFIX)
    if not current and not history:
        return
    resealed: tuple[list[tuple[str, str]], list[tuple[int, str]]] = ([], [])
    unreadable = 0
    for sid, changed_at, stored in current:
        try:
            text = at_rest.open_legacy(stored)
        except AtRestError:
            unreadable += 1  # not this hub's key: left as it is, shown as unreadable
            continue
        resealed[0].append((sid, at_rest.seal(text, current_context(sid, changed_at))))
    for rowid, sid, at, stored in history:
        try:
            text = at_rest.open_legacy(stored)
        except AtRestError:
            unreadable += 1
            continue
        resealed[1].append((rowid, at_rest.seal(text, history_context(sid, at))))
    store.replace_messages(*resealed)
    log.info("sealed %d stored status messages for their place", len(current) + len(history))
    if unreadable:
        log.warning("%d stored status messages cannot be opened with this hub's key", unreadable)


class StartupError(Exception):
    """The hub cannot start; the message tells the operator what to fix."""


#: How often the call desk ends calls that waited too long, and the call log forgets old calls.
TIDY_CALLS_S = 60.0


async def _tidy_calls(app: FastAPI) -> None:
    rounds = 0
    while True:
        await asyncio.sleep(TIDY_CALLS_S)
        app.state.calls.expire()
        rounds += 1
        if rounds % 1440 == 0:  # daily
            await asyncio.get_running_loop().run_in_executor(None, app.state.call_log.forget_old)


def create_app(settings: HubSettings) -> FastAPI:
    try:
        catalogue = load_catalogue(settings.catalogue_path)
        # Every service version the hub has loaded stays valid for submissions made with it.
        archive = open_archive(settings.data_dir, catalogue, settings.catalogue_path)
    except (CatalogueError, ArchiveError) as exc:
        raise StartupError(str(exc)) from exc
    make_private(settings.data_dir / DB_FILE)
    store = Store(settings.data_dir / DB_FILE)
    make_private(settings.data_dir / DB_FILE)  # the -wal and -shm files SQLite just made
    key = load_key(key_path(settings.data_dir, settings.key_path))
    # The hash an unknown account's password is checked against: made now, so that the
    # first such login takes as long as any other.
    dummy_password_hash()
    at_rest = AtRest.from_key(key)
    _seal_old_messages(store, at_rest)
    # Photos whose submission never came, at start and then daily (hub.orphans).
    purge = OrphanPurge(store)
    purge.purge()
    mailer = ReceiptMailer(store, key, catalogue, settings.mail) if settings.mail.enabled else None
    csca = TrustStore.from_paths(settings.csca_paths)
    if settings.csca_paths and not len(csca):
        log.warning("no CSCA certificate found in --csca: no ID chip can be verified")
    log.info("CSCA trust store: %d certificates", len(csca))

    @asynccontextmanager
    async def lifespan(running: FastAPI) -> AsyncIterator[None]:
        # The mailer's thread lives as long as the server; mails queued while the hub was down
        # go out when it is back.
        if mailer is not None:
            mailer.start()
        purge.start()
        tidy = asyncio.create_task(_tidy_calls(running))
        try:
            yield
        finally:
            tidy.cancel()
            purge.stop()
            if mailer is not None:
                mailer.stop()

    app = FastAPI(
        title="Point of Public hub",
        version="1",
        description="Intake of sealed submissions from terminals; citizens' status lookup.",
        lifespan=lifespan,
        openapi_url="/openapi.json" if settings.api_docs else None,
        docs_url=None,
        redoc_url=None,
    )
    app.state.hub = HubState(
        store=store,
        key=key,
        public_jwk=public_key_document(key),
        catalogue=catalogue,
        archive=archive,
        data_dir=settings.data_dir,
        templates=Jinja2Templates(directory=str(HERE / "templates")),
        cookie_secure=settings.cookie_secure,
        mailer=mailer,
        csca=csca,
        sessions=settings.sessions,
        at_rest=at_rest,
        upload_slots=Slots(settings.uploads_at_once, settings.uploads_per_terminal),
        max_pending_attachment_bytes=settings.max_pending_attachment_bytes,
        purge=purge,
    )
    app.state.fleet = fleet.Fleet(store)
    # The CA for the terminals' device certificates (made on first start).
    try:
        app.state.pki = CertificateAuthority(settings.pki_dir or settings.data_dir / PKI_DIR)
    except PkiError as exc:
        raise StartupError(str(exc)) from exc
    if settings.terminal_port:
        # The enrolled terminals' signed configuration (hub.configuration).
        from hub.configuration import SettingsError, Signer, publish, read_settings

        try:
            terminal_settings = read_settings(
                settings.terminal_settings or settings.data_dir / "terminal-settings.json",
                settings.turn.urls,
            )
            published = publish(
                store,
                settings.catalogue_path.read_text(encoding="utf-8"),
                public_key_document(key),
                csca,
                terminal_settings,
            )
        except SettingsError as exc:
            raise StartupError(str(exc)) from exc
        app.state.configuration = Signer(published, app.state.pki)
        app.include_router(configuration.router)
    app.state.terminal_url = settings.terminal_url
    app.state.terminal_port = settings.terminal_port
    make_private(settings.data_dir / CALL_LOG_FILE)
    call_log = CallLog(settings.data_dir / CALL_LOG_FILE)

    def logged(call: Call) -> None:
        # On the event loop: the write (an fsync) goes to a thread.
        asyncio.get_running_loop().run_in_executor(None, call_log.record, call)

    def confirmed(call: Call, basis: str) -> None:
        # Written before the terminal is told (a short SQLite write on the loop: the order
        # matters more than the fsync's few milliseconds here).
        clerk = call.clerk.user if call.clerk else ""
        call_log.confirm(call.call_id, call.terminal_id, clerk, basis=basis)

    app.state.calls = CallDesk(
        ice_servers=lambda who: ice_servers(settings.turn, who),
        on_ended=logged,
        ice_policy=settings.turn.ice_policy,
        on_confirmed=confirmed,
    )
    app.state.call_log = call_log
    problems.install(app)
    app.add_middleware(FormBodyLimit)
    app.add_middleware(SecurityHeaders)
    app.include_router(health.router)
    if settings.terminal_port:
        # (only a hub serving TLS itself enrols: a code sent in the clear, or a certificate it
        # cannot check, is worse than none)
        app.include_router(enrolment.router)
    app.include_router(intake.router)
    app.include_router(status.router)
    app.include_router(inbox.router)
    app.include_router(fleet.router)
    app.include_router(fleet_actions.router)
    app.include_router(probe.router)
    app.include_router(signalling.router)
    app.include_router(desk_page.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    return app
