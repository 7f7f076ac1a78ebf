"""Errors of the api package and the one place that turns errors into CLI lines and HTTP answers."""

from __future__ import annotations

import sys

from ontology.errors import R2PError


class ApiError(R2PError):
    code = "api_error"


def cli_error(exc: BaseException) -> int:
    """Print one line for an error, no traceback, and answer the exit status."""
    if isinstance(exc, R2PError):
        print(f"r2p: error: {exc.message}", file=sys.stderr)
        return 2
    print(f"r2p: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
    return 1
