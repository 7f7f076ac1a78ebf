"""``GET /api/actors/{id}``: one actor with the documents naming it and its recommendations."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path

from api.auth import require_reader
from api.deps import CatalogueDep
from api.errors import NotFoundError

router = APIRouter(prefix="/api/actors", tags=["actors"], dependencies=[Depends(require_reader)])


@router.get("/{actor_id:path}", summary="An actor (State, organization, UN entity) by id or name")
def get_actor(
    actor_id: Annotated[str, Path(description="Actor id such as state/SDN, or a name.")],
    catalogue: CatalogueDep,
) -> dict[str, Any]:
    entry = catalogue.find("actors", actor_id) or catalogue.find("mechanisms", actor_id)
    if entry is None:
        raise NotFoundError(f"no actor {actor_id!r} in the store", detail={"actor": actor_id})
    return entry.to_json()
