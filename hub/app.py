"""The hub's ASGI application: intake API, citizens' status lookup, clerks' inbox."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.responses import Response

from hub import inbox, intake, problems, status
from hub.keys import load_key, public_key_document
from hub.state import HubState
from hub.store import Store
from kiosk.catalogue.loader import load_catalogue

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


class SecurityHeaders(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        headers = response.headers
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "no-referrer")
        headers.setdefault("X-Frame-Options", "DENY")
        if not request.url.path.startswith("/docs"):
            headers.setdefault(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self'; style-src 'self'; form-action 'self'; "
                "frame-ancestors 'none'",
            )
        return response


def create_app(settings: HubSettings) -> FastAPI:
    store = Store(settings.data_dir / DB_FILE)
    key = load_key(settings.data_dir)
    app = FastAPI(
        title="Point of Public hub",
        version="1",
        description="Intake of sealed submissions from terminals; citizens' status lookup.",
    )
    app.state.hub = HubState(
        store=store,
        key=key,
        public_jwk=public_key_document(key),
        catalogue=load_catalogue(settings.catalogue_path),
        data_dir=settings.data_dir,
        templates=Jinja2Templates(directory=str(HERE / "templates")),
        cookie_secure=settings.cookie_secure,
    )
    problems.install(app)
    app.add_middleware(SecurityHeaders)
    app.include_router(intake.router)
    app.include_router(status.router)
    app.include_router(inbox.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    return app
