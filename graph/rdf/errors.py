"""Errors of the RDF export, validation and SPARQL."""

from __future__ import annotations

from ontology.errors import R2PError


class RdfError(R2PError):
    """Bad input to the export or validation (a bad setting, an unreadable file)."""

    code = "rdf_error"


class SparqlError(R2PError):
    """A SPARQL query that is malformed or tries to change the data."""

    code = "sparql_error"
