"""The web application: HTTP API under ``/api``, the web UI, ``/healthz``, OpenAPI at ``/openapi.json``.

``create_app(settings)`` is the only place (besides the CLI) that builds settings. The app holds the one
open store (the embedded store admits a single writer) and serialises its own writes.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.catalogue import Catalogue
from api.errors import error_body, error_payload
from api.keys import KeyStore
from api.sessions import READ_METHODS, SessionStore, login_url
from api.settings import Settings
from api.storeguard import SharedStore
from ontology.errors import R2PError

HERE = Path(__file__).resolve().parent
_HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 413: "payload_too_large", 415: "unsupported_media_type"}


def open_settings_store(settings: Settings, *, read_only: bool = False) -> Any:
    """Open the store the settings name (the embedded one is created when missing)."""
    from api.commands._store import open_from_settings

    return open_from_settings(settings, read_only=read_only)


def create_app(settings: Settings | None = None, *, store: Any = None, embedder: Any = None) -> FastAPI:
    """Build the app. ``store`` and ``embedder`` may be given already open (the CLI, tests);
    otherwise the store named by the settings is opened for writing and closed at shutdown."""
    settings = settings or Settings()
    owns_store = store is None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if owns_store and app.state.store is not None:
            app.state.store.close()

    app = FastAPI(
        title="r2p-graph",
        version="0.1.0",
        description="Paragraph-level search and a knowledge graph over UN documents on atrocity "
        "prevention and the responsibility to protect.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.write_lock = threading.RLock()
    opened = open_settings_store(settings) if owns_store else store
    app.state.store = SharedStore(opened, app.state.write_lock)
    app.state.embedder = embedder
    app.state.catalogue = Catalogue(app.state.store)
    app.state.keys = KeyStore(Path(settings.store))
    app.state.sessions = SessionStore(app.state.keys)
    _install_errors(app)
    _install_headers(app)
    app.add_middleware(HeadAsGet)
    _include_routes(app)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _install_docs(app)
    return app


def _install_docs(app: FastAPI) -> None:
    """Swagger UI at /docs from the locally installed bundle (no CDN)."""
    import swagger_ui_bundle

    app.mount("/docs-static", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="docs-static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="r2p-graph API",
                                   swagger_js_url="/docs-static/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-static/swagger-ui.css",
                                   swagger_favicon_url="/docs-static/favicon-32x32.png")


def _include_routes(app: FastAPI) -> None:
    from api.routes import (
        actors,
        documents,
        export,
        health,
        keys,
        mechanisms,
        pages,
        pages_browse,
        pages_login,
        pages_upload,
        recommendations,
        search,
        situations,
    )

    for module in (health, search, documents, situations, mechanisms, actors, recommendations, export,
                   keys, pages, pages_browse, pages_upload, pages_login):
        app.include_router(module.router)


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api") or path in ("/healthz", "/openapi.json"):
        return False
    return "text/html" in request.headers.get("accept", "")


def _signs_in(request: Request) -> bool:
    """Whether a refused page request should go to the sign-in page (reading keyed, a read)."""
    return request.app.state.settings.api.read_access == "key" and request.method in READ_METHODS


def _answer(request: Request, status: int, body: dict[str, Any]) -> Response:
    if _wants_html(request) and status == 401 and _signs_in(request):
        return RedirectResponse(login_url(request), status_code=303)  # a browser signs in first
    if _wants_html(request):
        from api.routes.pages import render_error

        return render_error(request, status, body["error"]["message"])
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status_code=status, headers=headers)


def _install_errors(app: FastAPI) -> None:
    """Every error answers ``{"error": {"code", "message", "detail"}}``."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        if exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return _answer(request, exc.status_code, error_body(code, message))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
                  for e in exc.errors()]
        first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
        where = ".".join(str(p) for p in first["loc"])
        body = error_body("invalid_request", f"{where}: {first['msg']}", jsonable_encoder(errors))
        return _answer(request, 422, body)

    @app.exception_handler(R2PError)
    async def known_error(request: Request, exc: R2PError) -> Response:
        status, body = error_payload(exc)
        return _answer(request, status, body)

    @app.exception_handler(Exception)
    async def any_error(request: Request, exc: Exception) -> Response:
        status, body = error_payload(exc)
        return _answer(request, status, body)


class HeadAsGet:
    """Answer ``HEAD`` on the web pages as ``GET`` without the body (link checkers and uptime
    monitors send it; the routes declare ``GET`` only). The JSON API is left as declared."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD" or scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Any) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body"):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def _install_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        is_html = response.headers.get("content-type", "").startswith("text/html")
        keyed = request.app.state.settings.api.read_access == "key"
        if keyed and not request.url.path.startswith(("/static", "/docs-static")):
            response.headers.setdefault("Cache-Control", "private, no-cache")  # pages seen after signing in
        if is_html and request.url.path != "/docs":  # Swagger UI starts itself with an inline script
            response.headers.setdefault(
                "Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                "frame-ancestors 'self'"
            )
        return response
