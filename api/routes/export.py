"""``GET /api/export`` (the graph as RDF, streamed) and ``GET|POST /api/sparql`` (read-only)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import StreamingResponse

from api.auth import require_reader
from api.deps import StoreDep
from api.streaming import stream_writes

router = APIRouter(prefix="/api", tags=["rdf"], dependencies=[Depends(require_reader)])

Format = Literal["turtle", "jsonld", "nt", "xml"]
EXTENSIONS = {"turtle": "ttl", "jsonld": "jsonld", "nt": "nt", "xml": "rdf"}
SINCE = r"^\d{4}-\d{2}-\d{2}([T ][0-9:.+\-Z]*)?$"


@router.get("/export", summary="The whole graph as RDF (Turtle, JSON-LD, N-Triples, RDF/XML), streamed",
            response_class=StreamingResponse)
def export(
    request: Request, store: StoreDep,
    format: Format = "turtle",
    since: Annotated[str | None, Query(pattern=SINCE, max_length=40,
                                       description="Only documents ingested on or after this date.")] = None,
) -> StreamingResponse:
    from graph.rdf.export import export as write_rdf
    from graph.rdf.export import media_type

    rdf = request.app.state.settings.rdf

    def write(out: Any) -> None:
        write_rdf(store, out, format=format, base_iri=rdf.base_iri, since=since, license=rdf.license)

    return StreamingResponse(stream_writes(write), media_type=media_type(format), headers={
        "Content-Disposition": f'attachment; filename="r2p-graph.{EXTENSIONS[format]}"'})


def _sparql(request: Request, store: Any, query: str) -> dict[str, Any]:
    from graph.rdf.sparql import sparql_query

    settings = request.app.state.settings
    result = sparql_query(store, query, base_iri=settings.rdf.base_iri, license=settings.rdf.license,
                          cache_dir=Path(settings.store) / "sparql-cache", limit=SPARQL_LIMIT)
    return result.to_json()


SPARQL_LIMIT = 10_000


@router.get("/sparql", summary="A read-only SPARQL query over the exported graph (SPARQL JSON results)")
def sparql_get(request: Request, store: StoreDep,
               query: Annotated[str, Query(min_length=1, max_length=20_000)]) -> dict[str, Any]:
    return _sparql(request, store, query)


@router.post("/sparql", summary="A read-only SPARQL query (form field 'query')")
def sparql_post(request: Request, store: StoreDep,
                query: Annotated[str, Form(min_length=1, max_length=20_000)]) -> dict[str, Any]:
    return _sparql(request, store, query)
