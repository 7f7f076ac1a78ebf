"""Who may do what: roles reader < curator < admin, keys sent as ``Authorization: Bearer <key>``.

Reading is open or keyed (setting ``api.read_access``); writing always needs a curator key.
No or an invalid key answers 401, a key whose role is too low answers 403.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import Request

from api.errors import ForbiddenError, UnauthorizedError
from api.keys import ApiKey, KeyStore, role_at_least


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


def require(role: str) -> Callable[[Request], ApiKey | None]:
    """A dependency that lets the request through only with a key of at least ``role``."""

    def check(request: Request) -> ApiKey | None:
        key = caller_key(request)
        if role == "reader" and request.app.state.settings.api.read_access == "open":
            return key
        if key is None:
            raise UnauthorizedError(f"this needs an API key with the {role} role (Authorization: Bearer …)")
        if not role_at_least(key.role, role):
            raise ForbiddenError(f"this needs the {role} role; the key {key.id} has the {key.role} role")
        return key

    check.__name__ = f"require_{role}"
    return check


require_reader = require("reader")
require_curator = require("curator")
require_admin = require("admin")
