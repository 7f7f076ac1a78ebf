"""``GET /api/recommendations``: who recommended what to whom, from which paragraph."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from api.auth import require_reader
from api.csvout import CSV_RESPONSE, RECOMMENDATION_FIELDS, Format, csv_response, recommendation_rows
from api.deps import CatalogueDep, PageDep, StoreDep
from api.jsonable import jsonable
from graph.responses import filtered_recommendations

router = APIRouter(prefix="/api", tags=["recommendations"], dependencies=[Depends(require_reader)])
Text = Annotated[str | None, Query(max_length=200)]
Year = Annotated[int | None, Query(ge=1900, le=2100)]


@router.get("/recommendations", summary="Recommendations filtered by addressee, recommender, theme, "
            "mechanism, years and response", responses=CSV_RESPONSE)
def recommendations(
    request: Request, store: StoreDep, page: PageDep, catalogue: CatalogueDep,
    to: Text = None, by: Text = None, theme: Text = None, mechanism: Text = None,
    year_from: Year = None, year_to: Year = None,
    response: Annotated[str | None, Query(max_length=20, description="Only those with this response: supported "
                                          "(also cycle 1's accepted), noted, pending; a position stated in the "
                                          "report's addendum counts.")] = None,
    format: Format = "json",
) -> Any:
    known = catalogue.snapshot().recommendations
    unfiltered = not any((to, by, theme, mechanism, year_from, year_to, response))
    items = [] if page.beyond(known) else filtered_recommendations(
        store, response, offset=page.offset, limit=page.limit, to=to or None, by=by or None, theme=theme or None,
        mechanism=mechanism or None, year_from=year_from, year_to=year_to)
    if format == "csv":
        return csv_response(request, "r2p-recommendations.csv", RECOMMENDATION_FIELDS,
                            lambda link: recommendation_rows(items, link))
    return page.envelope(jsonable(items), total=known if unfiltered else None)
