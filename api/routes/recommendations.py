"""``GET /api/recommendations``: who recommended what to whom, from which paragraph."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from api.auth import require_reader
from api.deps import CatalogueDep, PageDep, StoreDep
from api.jsonable import jsonable

router = APIRouter(prefix="/api", tags=["recommendations"], dependencies=[Depends(require_reader)])
Text = Annotated[str | None, Query(max_length=200)]
Year = Annotated[int | None, Query(ge=1900, le=2100)]


@router.get("/recommendations", summary="Recommendations filtered by addressee, recommender, theme, "
            "mechanism and years")
def recommendations(
    store: StoreDep, page: PageDep, catalogue: CatalogueDep,
    to: Text = None, by: Text = None, theme: Text = None, mechanism: Text = None,
    year_from: Year = None, year_to: Year = None,
) -> dict[str, Any]:
    known = catalogue.snapshot().recommendations
    unfiltered = not any((to, by, theme, mechanism, year_from, year_to))
    if page.beyond(known):
        return page.envelope([], total=known if unfiltered else None)
    items = store.recommendations(
        to=to or None, by=by or None, theme=theme or None, mechanism=mechanism or None,
        year_from=year_from, year_to=year_to, offset=page.offset, limit=page.limit,
    )
    return page.envelope(jsonable(items), total=known if unfiltered else None)
