"""``GET /api/mechanisms``: the mechanisms named in the stored documents."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from api.auth import require_reader
from api.deps import CatalogueDep, PageDep

router = APIRouter(prefix="/api/mechanisms", tags=["mechanisms"], dependencies=[Depends(require_reader)])


@router.get("", summary="Mechanisms (special procedures, commissions, treaty bodies, …) by name")
def list_mechanisms(
    catalogue: CatalogueDep, page: PageDep,
    type: Annotated[str | None, Query(max_length=40, description="Mechanism type, e.g. special_procedure.")] = None,
) -> dict[str, Any]:
    entries = sorted(catalogue.snapshot().mechanisms.values(), key=lambda e: e.entity.name)
    if type:
        entries = [e for e in entries if str(getattr(e.entity, "type", "")) == type]
    items = [e.to_json() for e in entries[page.offset: page.offset + page.limit]]
    return page.envelope(items, total=len(entries))
