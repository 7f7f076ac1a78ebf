"""``GET /api/search`` (hybrid paragraph search with facets) and ``GET /api/similar``."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request

from api.auth import require_reader
from api.csvout import CSV_RESPONSE, HIT_FIELDS, Format, csv_response, hit_rows
from api.deps import EmbedderDep, StoreDep
from api.jsonable import jsonable
from api.views import find_paragraph, require_document
from graph.store import ParagraphFilter

router = APIRouter(prefix="/api", tags=["search"], dependencies=[Depends(require_reader)])

Text = Annotated[str | None, Query(max_length=200)]
Year = Annotated[int | None, Query(ge=1900, le=2100)]


def search_filters(
    kind: Annotated[str | None, Query(max_length=40, description="recommendation | operative | "
                                      "preambular | numbered | table | any")] = None,
    to: Text = None, by: Text = None, situation: Text = None, mechanism: Text = None,
    body: Annotated[str | None, Query(max_length=200, description="Organ or body.")] = None,
    doc_kind: Annotated[str | None, Query(max_length=40, description="Kind of document.")] = None,
    year_from: Year = None, year_to: Year = None,
    language: Annotated[str | None, Query(max_length=8)] = None,
    symbol: Annotated[str | None, Query(max_length=200, description="Only this document.")] = None,
    response: Annotated[str | None, Query(max_length=20, description="Recommendations with this response: "
                                          "supported (also cycle 1's accepted), noted, pending.")] = None,
) -> ParagraphFilter:
    """The CLI's search options as a `ParagraphFilter` (empty values mean no filter)."""
    return ParagraphFilter(
        paragraph_kind=None if kind in (None, "", "any") else kind,
        document_kind=doc_kind or None, organ=body or None, year_from=year_from, year_to=year_to,
        situation=situation or None, mechanism=mechanism or None, by=by or None, to=to or None,
        language=language or None, symbol=symbol or None, response=response or None,
    )


FilterDep = Annotated[ParagraphFilter, Depends(search_filters)]


@router.get("/search", summary="Hybrid semantic + keyword search down to the paragraph, with facet counts",
            responses=CSV_RESPONSE)
def search(
    request: Request, store: StoreDep, embedder: EmbedderDep, filters: FilterDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description=(
        'What to look for: words, "a phrase in quotes", or a document symbol ("S/RES/2417 (2018)", '
        '"resolution 2417 (2018)", "UNSCR 1325", "HRC resolution 5/1"), which finds that document first and then '
        "the paragraphs citing it, however they write it."))],
    mode: Literal["hybrid", "dense", "lexical"] = "hybrid",
    offset: Annotated[int, Query(ge=0, le=1000)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    format: Format = "json",
) -> Any:
    from search.hybrid import search as run_search

    result = run_search(store, embedder, q, mode=mode, filters=filters, limit=limit, offset=offset)
    if format == "csv":
        return csv_response(request, "r2p-search.csv", HIT_FIELDS,
                            lambda link: hit_rows(result.hits, link, first_rank=offset + 1))
    return {"query": q, "mode": mode, "offset": offset, "limit": limit, **jsonable(result)}


@router.get("/similar", summary="Paragraphs like the given one across documents and years", responses=CSV_RESPONSE)
def similar(
    request: Request, store: StoreDep, embedder: EmbedderDep,
    symbol: Annotated[str, Query(min_length=1, max_length=200)],
    paragraph: Annotated[str, Query(min_length=1, max_length=50, description="Paragraph label or key.")],
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    order: Annotated[Literal["closest", "oldest"], Query(
        description="closest first, or the same paragraphs as a chain in time (oldest first)")] = "closest",
    format: Format = "json",
) -> Any:
    from search.hybrid import similar as run_similar

    found = find_paragraph(require_document(store, symbol).document, paragraph)
    result = run_similar(store, embedder, symbol, found.key, limit, order=order)
    if format == "csv":
        return csv_response(request, "r2p-similar.csv", HIT_FIELDS, lambda link: hit_rows(result.hits, link))
    return {"symbol": symbol, "paragraph": paragraph, "limit": limit, "order": order, **jsonable(result)}

