"""``GET /api/situations`` and ``GET /api/situations/{id}/trace``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path

from api.auth import require_reader
from api.deps import CatalogueDep, PageDep, StoreDep
from api.errors import NotFoundError
from api.jsonable import jsonable

router = APIRouter(prefix="/api/situations", tags=["situations"], dependencies=[Depends(require_reader)])


@router.get("", summary="Situations the stored documents concern, by name")
def list_situations(catalogue: CatalogueDep, page: PageDep) -> dict[str, Any]:
    entries = sorted(catalogue.snapshot().situations.values(), key=lambda e: e.entity.name)
    items = [e.to_json() for e in entries[page.offset: page.offset + page.limit]]
    return page.envelope(items, total=len(entries))


@router.get("/{situation_id:path}/trace", summary="Mechanisms that covered a situation, with evidence")
def trace(
    situation_id: Annotated[str, Path(description="Situation id (sit/SDN), name or alias.")],
    store: StoreDep,
) -> dict[str, Any]:
    result = store.trace(situation_id)
    if result is None:
        raise NotFoundError(f"no situation {situation_id!r} in the store", detail={"situation": situation_id})
    return jsonable(result)
