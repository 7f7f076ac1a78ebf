"""Errors of the ingest package."""

from __future__ import annotations

from ontology.errors import R2PError


class IngestError(R2PError):
    """Base of the errors raised while reading documents."""

    code = "ingest_error"


class ParseError(IngestError):
    """A file could not be read as a UN document; the message names the file and the problem."""

    code = "parse_error"
