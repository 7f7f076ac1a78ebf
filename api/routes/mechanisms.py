"""``GET /api/mechanisms``: the mechanisms named in the stored documents."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from api.auth import require_reader
from api.deps import PageDep, StoreDep
from api.jsonable import jsonable

router = APIRouter(prefix="/api/mechanisms", tags=["mechanisms"], dependencies=[Depends(require_reader)])


@router.get("", summary="Mechanisms (special procedures, commissions, treaty bodies, …) by name")
def list_mechanisms(
    store: StoreDep, page: PageDep,
    type: Annotated[str | None, Query(max_length=40, description="Mechanism type, e.g. special_procedure.")] = None,
) -> dict[str, Any]:
    items = store.list_mechanisms(type=type or None, offset=page.offset, limit=page.limit)
    if not type:
        total: int | None = store.stats()["mechanisms"]
    else:  # known when this page is the last one
        total = page.offset + len(items) if 0 < len(items) < page.limit or (not items and page.offset == 0) else None
    return page.envelope(jsonable(items), total=total)
