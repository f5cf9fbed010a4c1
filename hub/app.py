"""The hub's ASGI application: intake API, citizens' status lookup, clerks' inbox."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from drivers.card.icao.passive import TrustStore
from hub import inbox, intake, problems, status
from hub.archive import ArchiveError, open_archive
from hub.keys import load_key, public_key_document
from hub.mailer import MailSettings, ReceiptMailer
from hub.state import HubState
from hub.store import Store
from kiosk.catalogue.loader import CatalogueError, load_catalogue

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
DEFAULT_CATALOGUE = HERE.parent / "catalogues" / "musterstadt.yaml"
DB_FILE = "hub.sqlite"


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


_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
_CSP = (
    b"content-security-policy",
    b"default-src 'self'; img-src 'self'; style-src 'self'; form-action 'self'; "
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
        extra = list(_HEADERS)
        if not scope["path"].startswith("/docs"):  # the Swagger page needs its CDN scripts
            extra.append(_CSP)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in extra if k not in present
                ]
            await send(message)

        await self.app(scope, receive, with_headers)


class StartupError(Exception):
    """The hub cannot start; the message tells the operator what to fix."""


def create_app(settings: HubSettings) -> FastAPI:
    try:
        catalogue = load_catalogue(settings.catalogue_path)
        # Every service version the hub has loaded stays valid for submissions made with it.
        archive = open_archive(settings.data_dir, catalogue, settings.catalogue_path)
    except (CatalogueError, ArchiveError) as exc:
        raise StartupError(str(exc)) from exc
    store = Store(settings.data_dir / DB_FILE)
    key = load_key(settings.data_dir)
    mailer = ReceiptMailer(store, key, catalogue, settings.mail) if settings.mail.enabled else None
    csca = TrustStore.from_paths(settings.csca_paths)
    if settings.csca_paths and not len(csca):
        log.warning("no CSCA certificate found in --csca: no ID chip can be verified")
    log.info("CSCA trust store: %d certificates", len(csca))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # The mailer's thread lives as long as the server; mails queued while the hub was down
        # go out when it is back.
        if mailer is not None:
            mailer.start()
        try:
            yield
        finally:
            if mailer is not None:
                mailer.stop()

    app = FastAPI(
        title="Point of Public hub",
        version="1",
        description="Intake of sealed submissions from terminals; citizens' status lookup.",
        lifespan=lifespan,
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
    )
    problems.install(app)
    app.add_middleware(SecurityHeaders)
    app.include_router(intake.router)
    app.include_router(status.router)
    app.include_router(inbox.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    return app
