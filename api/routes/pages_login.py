"""The web UI, part 4: signing in with an API key when reading needs one (``api.read_access = key``).

Browsers cannot send an ``Authorization`` header, so the key is typed once into a form (POST only,
never in a URL, never written back) and the browser then holds a session cookie (`api.sessions`)
that lets it read the pages and what they link to. Writing still needs the key itself.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.routes.pages import page
from api.sessions import COOKIE, clear_session_cookie, safe_next, set_session_cookie

router = APIRouter(include_in_schema=False)
NO_STORE = {"Cache-Control": "no-store"}


def login_form(request: Request, *, next_path: str, status: int = 200, error: str | None = None) -> HTMLResponse:
    """The sign-in page, with an error above the form when a try failed."""
    response = page(request, "login.html", status=status, error=error, next_path=safe_next(next_path))
    response.headers.update(NO_STORE)
    return response


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: Annotated[str, Query(max_length=2000)] = "/") -> HTMLResponse:
    return login_form(request, next_path=next)


@router.post("/login", response_class=HTMLResponse)
def login_submit(
    request: Request,
    key: Annotated[str, Form(max_length=500)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    state = request.app.state
    if state.settings.api.read_access != "key":
        return RedirectResponse(safe_next(next), status_code=303)  # reading is open: nothing to sign in to
    found = state.keys.verify(key.strip()) if key.strip() else None
    if found is None:
        message = "Enter your API key." if not key.strip() else "This API key is not valid or has been revoked."
        return login_form(request, next_path=next, status=401, error=message)
    response = RedirectResponse(safe_next(next), status_code=303)
    old = request.cookies.get(COOKIE)
    if old:
        state.sessions.end(old)
    token = state.sessions.start(found)
    set_session_cookie(response, request, token, max_age=state.sessions.lifetime_s)
    return response


@router.post("/logout")
def logout(request: Request) -> RedirectResponse:
    token = request.cookies.get(COOKIE)
    if token:
        request.app.state.sessions.end(token)
    response = RedirectResponse("/login", status_code=303)
    clear_session_cookie(response, request)
    return response
