"""``GET /api/export`` (the graph as RDF, streamed) and ``GET|POST /api/sparql`` (read-only)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import StreamingResponse

from api.auth import require_reader
from api.deps import StoreDep
from api.errors import UnavailableError

router = APIRouter(prefix="/api", tags=["rdf"], dependencies=[Depends(require_reader)])

MEDIA_TYPES = {
    "turtle": ("text/turtle; charset=utf-8", "ttl"),
    "jsonld": ("application/ld+json", "jsonld"),
    "nt": ("application/n-triples", "nt"),
    "xml": ("application/rdf+xml", "rdf"),
}
Format = Literal["turtle", "jsonld", "nt", "xml"]


def _rdf() -> Any:
    try:
        from graph import rdf
    except ImportError as exc:
        raise UnavailableError("RDF export is not available in this build") from exc
    return rdf


def _encoded(chunks: Iterator[str | bytes]) -> Iterator[bytes]:
    for chunk in chunks:
        yield chunk.encode("utf-8") if isinstance(chunk, str) else chunk


@router.get("/export", summary="The whole graph as RDF (Turtle, JSON-LD, N-Triples, RDF/XML), streamed",
            response_class=StreamingResponse)
def export(
    request: Request, store: StoreDep,
    format: Format = "turtle",
    since: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}", max_length=32)] = None,
) -> StreamingResponse:
    rdf = _rdf()
    settings = request.app.state.settings
    chunks = rdf.export_chunks(store, format=format, since=since, base_iri=settings.rdf.base_iri,
                               license=settings.rdf.license)
    media, ext = MEDIA_TYPES[format]
    return StreamingResponse(_encoded(chunks), media_type=media,
                             headers={"Content-Disposition": f'attachment; filename="r2p-graph.{ext}"'})


def _sparql(request: Request, store: Any, query: str) -> dict[str, Any]:
    rdf = _rdf()
    settings = request.app.state.settings
    return rdf.sparql_query(store, query, base_iri=settings.rdf.base_iri)


@router.get("/sparql", summary="A read-only SPARQL query over the exported graph")
def sparql_get(request: Request, store: StoreDep,
               query: Annotated[str, Query(min_length=1, max_length=20_000)]) -> dict[str, Any]:
    return _sparql(request, store, query)


@router.post("/sparql", summary="A read-only SPARQL query (form field 'query')")
def sparql_post(request: Request, store: StoreDep,
                query: Annotated[str, Form(min_length=1, max_length=20_000)]) -> dict[str, Any]:
    return _sparql(request, store, query)
