"""``GET /api/situations`` and ``GET /api/situations/{id}/trace``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request

from api.auth import require_reader
from api.csvout import CSV_RESPONSE, TRACE_FIELDS, Format, csv_response, trace_rows
from api.deps import PageDep, StoreDep
from api.errors import NotFoundError
from api.jsonable import jsonable
from graph.store import TRACE_EVIDENCE_LIMIT

router = APIRouter(prefix="/api/situations", tags=["situations"], dependencies=[Depends(require_reader)])


@router.get("", summary="Situations the stored documents concern, by name")
def list_situations(store: StoreDep, page: PageDep) -> dict[str, Any]:
    items = store.list_situations(offset=page.offset, limit=page.limit)
    return page.envelope(jsonable(items), total=store.stats()["situations"])


@router.get("/{situation_id:path}/trace", summary="Mechanisms that covered a situation, with evidence",
            responses=CSV_RESPONSE)
def trace(
    situation_id: Annotated[str, Path(description="Situation id (sit/SDN), name or alias.")],
    store: StoreDep, request: Request,
    format: Format = "json",
) -> Any:
    result = store.trace(situation_id, evidence_limit=None if format == "csv" else TRACE_EVIDENCE_LIMIT)
    if result is None:
        raise NotFoundError(f"no situation {situation_id!r} in the store", detail={"situation": situation_id})
    if format == "csv":
        return csv_response(request, "r2p-trace.csv", TRACE_FIELDS, lambda link: trace_rows(result, link))
    return jsonable(result)
