"""The web UI, part 3: the upload page. A plain form (no scripts) for staff who hold a curator key.

Browsers cannot send an ``Authorization`` header from a form, so the key travels in the form body, by
POST only, and is never put in a URL nor written back into a page. The file goes through the same
code as ``POST /api/documents`` (`api.uploads.receive_upload`).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.deps import StoreDep, get_embedder
from api.errors import ForbiddenError, UnauthorizedError, error_payload
from api.keys import ApiKey, role_at_least
from api.routes.pages import page
from api.templating import doc_url
from api.uploads import receive_upload
from ontology.errors import R2PError

# Not behind the reader check of the other pages: the form shows nothing stored, and sending it
# needs a curator key, which is checked here.
router = APIRouter(include_in_schema=False)


def upload_form(request: Request, *, status: int = 200, error: str | None = None) -> HTMLResponse:
    """The upload page, with an error message above the form when a try failed."""
    limit = request.app.state.settings.api.max_upload_mb
    return page(request, "upload.html", status=status, error=error, max_upload_mb=limit)


def curator_from_form(request: Request, secret: str) -> ApiKey:
    """The key typed into the form, checked against the same key store as the API."""
    secret = secret.strip()
    if not secret:
        raise UnauthorizedError("enter your API key: uploading needs a key with the curator role")
    key = request.app.state.keys.verify(secret)
    if key is None:
        raise UnauthorizedError("this API key is not valid or has been revoked")
    if not role_at_least(key.role, "curator"):
        raise ForbiddenError(f"uploading needs the curator role; the key {key.id} has the {key.role} role")
    return key


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request) -> HTMLResponse:
    return upload_form(request)


@router.post("/upload", response_class=HTMLResponse)
def upload_submit(
    request: Request, store: StoreDep,
    key: Annotated[str, Form()] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    try:
        curator_from_form(request, key)
        result = receive_upload(file, state=request.app.state, store=store, embedder=get_embedder(request))
    except R2PError as exc:
        status, body = error_payload(exc)
        return upload_form(request, status=status, error=body["error"]["message"])
    return RedirectResponse(f"{doc_url(result.symbol)}?stored={result.status}", status_code=303)
