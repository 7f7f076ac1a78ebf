"""Errors raised while linking entities."""

from __future__ import annotations

from ontology.errors import R2PError


class LinkError(R2PError):
    """A vocabulary file is missing or malformed, or a document cannot be linked."""

    code = "link_error"
