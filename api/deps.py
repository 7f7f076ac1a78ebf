"""What routes receive: the store, the embedder (loaded on first use), the catalogue, paging."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Query, Request

from api.catalogue import Catalogue
from api.errors import UnavailableError

# Deep pages are refused, and pages past the known number of rows are answered without asking
# the store: Kùzu 0.11.3 crashes the process on a SKIP far past the end of a result.
MAX_OFFSET = 10_000


@dataclass(frozen=True, slots=True)
class Page:
    offset: int
    limit: int

    def beyond(self, total: int) -> bool:
        """Whether this page starts past the last of ``total`` rows (nothing to fetch)."""
        return self.offset > 0 and self.offset >= total

    def envelope(self, items: list[Any], *, total: int | None = None) -> dict[str, Any]:
        """The list shape every list endpoint answers."""
        return {"items": items, "offset": self.offset, "limit": self.limit, "total": total}


def paging(
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")] = 0,
    limit: Annotated[int, Query(ge=1, le=500, description="Items to return.")] = 50,
) -> Page:
    return Page(offset=offset, limit=limit)


PageDep = Annotated[Page, Depends(paging)]


def get_store(request: Request) -> Any:
    """The one open store of this app (a `graph.store.GraphStore`)."""
    store = request.app.state.store
    if store is None:
        raise UnavailableError("the store is not open")
    return store


_embedder_lock = threading.Lock()


def get_embedder(request: Request) -> Any:
    """The sentence embedder, loaded once on first use (it takes a few seconds)."""
    state = request.app.state
    if state.embedder is None:
        with _embedder_lock:
            if state.embedder is None:
                from search.embed import load_embedder

                emb = state.settings.embedding
                state.embedder = load_embedder(emb.model, emb.backend, emb.batch_size)
    return state.embedder


def get_catalogue(request: Request) -> Catalogue:
    return request.app.state.catalogue


StoreDep = Annotated[Any, Depends(get_store)]
EmbedderDep = Annotated[Any, Depends(get_embedder)]
CatalogueDep = Annotated[Catalogue, Depends(get_catalogue)]
