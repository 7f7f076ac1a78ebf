"""Browser sessions for the web pages when reading needs a key (``api.read_access = key``).

Signing in with an API key gives the browser an opaque random token in a cookie; the server keeps,
in memory, only the token's SHA-256 hash, the key's id and an expiry. The key itself is never put in
the cookie. Each use looks the key up again, so revoking it ends its sessions at once; restarting the
server ends them all. A session grants reading (GET and HEAD) only: writes keep needing the key in an
``Authorization`` header or in the upload form, so a cookie never authorises a change.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from fastapi import Request, Response

from api.keys import ApiKey, KeyStore

COOKIE = "r2p_session"
LIFETIME_S = 12 * 3600
MAX_SESSIONS = 10_000
READ_METHODS = ("GET", "HEAD")


@dataclass(frozen=True, slots=True)
class Session:
    key_id: str
    expires: float  # time.monotonic()


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class SessionStore:
    """Sessions of one app, by token hash. Thread-safe; bounded (the oldest goes first when full)."""

    def __init__(self, keys: KeyStore, *, lifetime_s: int = LIFETIME_S, limit: int = MAX_SESSIONS) -> None:
        self.keys = keys
        self.lifetime_s = lifetime_s
        self.limit = limit
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()

    def start(self, key: ApiKey) -> str:
        """Open a session for ``key``; answers the token for the cookie (kept here only as a hash)."""
        token = secrets.token_urlsafe(32)
        now = time.monotonic()
        with self._lock:
            self._sessions = {h: s for h, s in self._sessions.items() if s.expires > now}
            while len(self._sessions) >= self.limit:
                self._sessions.pop(next(iter(self._sessions)))
            self._sessions[_digest(token)] = Session(key_id=key.id, expires=now + self.lifetime_s)
        return token

    def key_for(self, token: str) -> ApiKey | None:
        """The active key a token was opened with, or None (unknown, expired or revoked: then dropped)."""
        digest = _digest(token)
        with self._lock:
            session = self._sessions.get(digest)
        if session is None:
            return None
        key = self.keys.get(session.key_id) if session.expires > time.monotonic() else None
        if key is None or not key.active:
            self.end(token)
            return None
        return key

    def end(self, token: str) -> None:
        """Forget a session (signing out); unknown tokens are ignored."""
        with self._lock:
            self._sessions.pop(_digest(token), None)


def session_key(request: Request) -> ApiKey | None:
    """The key of the browser session this request carries, or None."""
    token = request.cookies.get(COOKIE)
    sessions: SessionStore | None = getattr(request.app.state, "sessions", None)
    if not token or sessions is None:
        return None
    return sessions.key_for(token)


def set_session_cookie(response: Response, request: Request, token: str, *, max_age: int) -> None:
    """The session cookie: HttpOnly, SameSite=Strict, whole site, Secure over https."""
    response.set_cookie(COOKIE, token, max_age=max_age, path="/", httponly=True, samesite="strict",
                        secure=request.url.scheme == "https")


def clear_session_cookie(response: Response, request: Request) -> None:
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict",
                           secure=request.url.scheme == "https")


def safe_next(value: str | None) -> str:
    """Where to go after signing in: a local path (one leading ``/``), else ``/``. Never another site."""
    if not value or not value.startswith("/") or value.startswith(("//", "/\\")):
        return "/"
    if any(c in value for c in "\\\r\n\t") or any(ord(c) < 32 or ord(c) == 127 for c in value):
        return "/"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return "/"
    return value


def login_url(request: Request) -> str:
    """The sign-in page, told to come back to the page asked for."""
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return "/login" + ("" if here == "/" else "?" + urlencode({"next": here}))
