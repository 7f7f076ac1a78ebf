"""The web UI, part 1: the search page, similar paragraphs, documents. Server-rendered, no scripts."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.auth import require_reader
from api.deps import CatalogueDep, EmbedderDep, PageDep, StoreDep
from api.jsonable import jsonable
from api.routes.search import FilterDep
from api.sessions import session_key
from api.templating import TEMPLATES
from api.views import document_json, find_paragraph, related_documents, require_document, stated_for

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_reader)])
FACET_PARAMS = {"kind": "kind", "paragraph_kind": "kind", "body": "body", "organ": "body",
                "doc_kind": "doc_kind", "document_kind": "doc_kind", "situation": "situation",
                "mechanism": "mechanism", "recommender": "by", "by": "by", "addressee": "to", "to": "to",
                "language": "language", "year": "year", "response": "response"}


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render a page with the context every template expects."""
    keyed = request.app.state.settings.api.read_access == "key"
    base = {"params": dict(request.query_params), "path": request.url.path, "keyed": keyed,
            "signed_in": keyed and session_key(request) is not None}
    return TEMPLATES.TemplateResponse(request, template, {**base, **context}, status_code=status)


def render_error(request: Request, status: int, message: str) -> Response:
    return page(request, "error.html", status=status, status_code=status, message=message)


FACET_VALUES = 12  # values shown per facet: those with the most hits


def facet_groups(facets: Any) -> list[dict[str, Any]]:
    """Facet counts as ``[{name, param, values: [(value, count)]}]`` whatever their JSON layout: the
    ``FACET_VALUES`` values with the most hits, years newest first."""
    groups = []
    for name, values in (facets or {}).items():
        if isinstance(values, dict):
            pairs = list(values.items())
        else:
            pairs = [(v.get("value"), v.get("count")) if isinstance(v, dict) else tuple(v) for v in values]
        pairs = [(str(v), c) for v, c in pairs if v not in (None, "")][:FACET_VALUES]
        if name == "year":  # the years with most hits, newest first
            pairs.sort(key=lambda vc: vc[0], reverse=True)
        if pairs:
            groups.append({"name": name, "param": FACET_PARAMS.get(name, name), "values": pairs})
    return groups


@router.get("/", response_class=HTMLResponse)
def search_page(
    request: Request, store: StoreDep, filters: FilterDep,
    q: Annotated[str, Query(max_length=500)] = "",
    mode: Literal["hybrid", "dense", "lexical"] = "hybrid",
    offset: Annotated[int, Query(ge=0, le=1000)] = 0,
) -> HTMLResponse:
    result: dict[str, Any] = {}
    if q.strip():
        from search.hybrid import search as run_search

        embedder = _embedder(request)
        found = run_search(store, embedder, q, mode=mode, filters=filters, limit=10, offset=offset)
        result = jsonable(found)
    return page(request, "search.html", q=q, mode=mode, offset=offset, result=result,
                hits=result.get("hits", []), facets=facet_groups(result.get("facets")))


@router.get("/search")
def search_page_elsewhere(request: Request) -> RedirectResponse:
    """``/search?q=…`` (the address people guess) is the search page at ``/``."""
    query = request.url.query
    return RedirectResponse("/" + (f"?{query}" if query else ""), status_code=307)


@router.get("/similar", response_class=HTMLResponse)
def similar_page(request: Request, store: StoreDep, embedder: EmbedderDep,
                 symbol: Annotated[str, Query(max_length=200)],
                 paragraph: Annotated[str, Query(max_length=50)],
                 order: Annotated[Literal["closest", "oldest"], Query()] = "closest") -> HTMLResponse:
    from search.hybrid import similar as run_similar

    found = find_paragraph(require_document(store, symbol).document, paragraph)
    result = jsonable(run_similar(store, embedder, symbol, found.key, 20, order=order))
    return page(request, "similar.html", symbol=symbol, paragraph=found.label or found.key, key=found.key,
                source=found.text, order=order, hits=result.get("hits", []), note=result.get("note"))


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, store: StoreDep, catalogue: CatalogueDep,
                   paging: PageDep) -> HTMLResponse:
    total = catalogue.snapshot().documents
    found = [] if paging.beyond(total) else store.list_documents(offset=paging.offset, limit=paging.limit)
    return page(request, "documents.html", items=jsonable(found), paging=paging, total=total)


@router.get("/documents/{symbol:path}", response_class=HTMLResponse)
def document_page(request: Request, symbol: str, store: StoreDep, catalogue: CatalogueDep,
                  just_stored: Annotated[Literal["added", "replaced", "unchanged"] | None,
                                         Query(alias="stored")] = None) -> HTMLResponse:
    stored = require_document(store, symbol)
    doc = document_json(stored, cites=store.cites(symbol), cited_by=store.cited_by(symbol),
                        related=related_documents(store, catalogue.snapshot(), stored),
                        stated=stated_for(store, stored))
    return page(request, "document.html", doc=doc, stored=stored, just_stored=just_stored)


def _embedder(request: Request) -> Any:
    from api.deps import get_embedder

    return get_embedder(request)
