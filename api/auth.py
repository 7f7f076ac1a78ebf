"""Who may do what: roles reader < curator < admin, keys sent as ``Authorization: Bearer <key>``.

Reading is open or keyed (setting ``api.read_access``); writing always needs a curator key.
No or an invalid key answers 401, a key whose role is too low answers 403. When reading is keyed, a
browser signed in at ``/login`` (a session cookie, `api.sessions`) may also read, by GET or HEAD only:
the session grants the reader role whatever the key's role, and never a write.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.errors import ForbiddenError, UnauthorizedError
from api.keys import ApiKey, KeyStore, role_at_least
from api.sessions import READ_METHODS, session_key


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def caller_key(request: Request) -> ApiKey | None:
    """The active key the request carries; raises 401 when a key is sent but is not valid."""
    token = _bearer(request)
    if token is None:
        if request.headers.get("authorization"):
            raise UnauthorizedError("the Authorization header must read 'Bearer <API key>'")
        return None
    keys: KeyStore = request.app.state.keys
    found = keys.verify(token)
    if found is None:
        raise UnauthorizedError("invalid or revoked API key")
    return found


# Declares the scheme in the OpenAPI document (the "Authorize" button of /docs); the header itself
# is read by `caller_key` so that a malformed one is refused, not ignored.
BEARER = HTTPBearer(auto_error=False, scheme_name="apiKey",
                    description="An API key made with `r2p keys create --role reader|curator|admin`.")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)]


def require(role: str) -> Callable[..., ApiKey | None]:
    """A dependency that lets the request through only with a key of at least ``role``."""

    def check(request: Request, _declared: Credentials = None) -> ApiKey | None:
        key = caller_key(request)
        if role == "reader" and request.app.state.settings.api.read_access == "open":
            return key
        if key is None and role == "reader" and request.method in READ_METHODS:
            key = session_key(request)
        if key is None:
            hint = " or, in a browser, signing in at /login" if role == "reader" else ""
            raise UnauthorizedError(f"this needs an API key with the {role} role (Authorization: Bearer …){hint}")
        if not role_at_least(key.role, role):
            raise ForbiddenError(f"this needs the {role} role; the key {key.id} has the {key.role} role")
        return key

    check.__name__ = f"require_{role}"
    return check


require_reader = require("reader")
require_curator = require("curator")
require_admin = require("admin")
