"""Errors of the search package."""

from __future__ import annotations

from ontology.errors import R2PError


class SearchError(R2PError):
    """A query that cannot be answered (empty, too long, nothing to search for, unknown paragraph)."""

    code = "search_error"


class EmbeddingError(R2PError):
    """The embedding model or backend could not be loaded or run."""

    code = "embedding_error"
