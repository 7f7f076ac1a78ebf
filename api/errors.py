"""Errors of the api package and the one place that turns errors into CLI lines and HTTP answers.

Every HTTP error, whether raised on purpose, by request validation, by routing (404/405) or by a bug,
answers one JSON shape::

    {"error": {"code": "not_found", "message": "no document S/2025/999", "detail": null}}
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from pydantic import ValidationError

from ontology.errors import R2PError

log = logging.getLogger("r2p.api")


class ApiError(R2PError):
    """An error answered over HTTP; ``status`` is its HTTP status code."""

    code = "api_error"
    status = 400


class NotFoundError(ApiError):
    code = "not_found"
    status = 404


class BadRequestError(ApiError):
    code = "bad_request"
    status = 400


class UnauthorizedError(ApiError):
    code = "unauthorized"
    status = 401


class ForbiddenError(ApiError):
    code = "forbidden"
    status = 403


class PayloadTooLargeError(ApiError):
    code = "payload_too_large"
    status = 413


class UnsupportedMediaError(ApiError):
    code = "unsupported_media_type"
    status = 415


class UnavailableError(ApiError):
    code = "unavailable"
    status = 503


class KeyStoreError(ApiError):
    """The API key file is unreadable or a key operation is invalid."""

    code = "key_error"
    status = 400


class KeyNotFoundError(KeyStoreError):
    code = "not_found"
    status = 404


# Errors of the lower packages, by class name (api may not be imported by them, and some may be
# absent in a given build): the HTTP status each one answers.
_STATUS_BY_CLASS = {
    "ParseError": 422,
    "UnreadablePdfError": 422,
    "StoreLockedError": 503,
    "StoreError": 500,
    "DocumentNotFoundError": 404,
    "NotFoundError": 404,
    "NotFound": 404,
    "BadDocument": 422,
    "QueryError": 400,
    "SearchError": 400,
    "SparqlError": 400,
    "RdfError": 400,
    "ExportError": 400,
}


def http_status(exc: BaseException) -> int:
    """The HTTP status for an error: ``ApiError.status``, else by class name, else 400/500."""
    if isinstance(exc, ApiError):
        return exc.status
    for cls in type(exc).__mro__:
        if cls.__name__ in _STATUS_BY_CLASS:
            return _STATUS_BY_CLASS[cls.__name__]
    return 400 if isinstance(exc, R2PError) else 500


def error_body(code: str, message: str, detail: Any = None) -> dict[str, Any]:
    """The one JSON error shape."""
    return {"error": {"code": code, "message": message, "detail": detail}}


def error_payload(exc: BaseException) -> tuple[int, dict[str, Any]]:
    """Status and body for any exception; unexpected ones are logged and answered without internals."""
    status = http_status(exc)
    if isinstance(exc, R2PError) and status < 500:
        return status, error_body(exc.code, exc.message, exc.detail)
    if isinstance(exc, R2PError) and status == 503:
        return status, error_body(exc.code, exc.message, exc.detail)
    log.error("unexpected error", exc_info=exc)
    return 500, error_body("internal_error", "the server failed to answer this request", None)


def cli_error(exc: BaseException) -> int:
    """Print one line for an error, no traceback, and answer the exit status."""
    if isinstance(exc, R2PError):
        print(f"r2p: error: {exc.message}", file=sys.stderr)
        return 2
    if isinstance(exc, ValidationError):  # a bad setting
        print(f"r2p: error: {settings_problem(exc)}", file=sys.stderr)
        return 2
    print(f"r2p: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
    return 1


def settings_problem(exc: ValidationError) -> str:
    """A settings validation error as one line: each bad setting by its environment variable, and why."""
    parts = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ())]
        name = "R2P_" + "__".join(x.upper() for x in loc) if loc else "a setting"
        given = err.get("input")
        parts.append(f"{name}={given!r}: {err.get('msg', 'invalid')}" if isinstance(given, str | int | float)
                     else f"{name}: {err.get('msg', 'invalid')}")
    return "invalid setting " + "; ".join(parts)
