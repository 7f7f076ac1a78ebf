"""``GET /api/situations`` and ``GET /api/situations/{id}/trace``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path

from api.auth import require_reader
from api.deps import PageDep, StoreDep
from api.errors import NotFoundError
from api.jsonable import jsonable

router = APIRouter(prefix="/api/situations", tags=["situations"], dependencies=[Depends(require_reader)])


@router.get("", summary="Situations the stored documents concern, by name")
def list_situations(store: StoreDep, page: PageDep) -> dict[str, Any]:
    items = store.list_situations(offset=page.offset, limit=page.limit)
    return page.envelope(jsonable(items), total=store.stats()["situations"])


@router.get("/{situation_id:path}/trace", summary="Mechanisms that covered a situation, with evidence")
def trace(
    situation_id: Annotated[str, Path(description="Situation id (sit/SDN), name or alias.")],
    store: StoreDep,
) -> dict[str, Any]:
    result = store.trace(situation_id)
    if result is None:
        raise NotFoundError(f"no situation {situation_id!r} in the store", detail={"situation": situation_id})
    return jsonable(result)
