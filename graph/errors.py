"""Errors of the graph package (every one an :class:`ontology.errors.R2PError`)."""

from __future__ import annotations

from ontology.errors import R2PError


class StoreError(R2PError):
    """The store could not do what was asked (bad path, failed write, broken data)."""

    code = "store_error"


class StoreLockedError(StoreError):
    """Another process holds the store for writing."""

    code = "store_locked"


class NotFound(StoreError):
    """A document, situation or paragraph asked for by name is not in the store."""

    code = "not_found"


class BadDocument(StoreError):
    """A document or its facts cannot be stored as given (no symbol, dangling paragraph index…)."""

    code = "bad_document"


class QueryError(R2PError):
    """A read asked with a value the graph cannot take (an unknown response, …)."""

    code = "bad_query"


__all__ = ["BadDocument", "NotFound", "QueryError", "StoreError", "StoreLockedError"]
