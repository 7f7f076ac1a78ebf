"""``GET /api/actors/{id}``: one actor with its recommendation counts (a mechanism by id, name or acronym)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path

from api.auth import require_reader
from api.deps import StoreDep
from api.errors import NotFoundError
from api.jsonable import jsonable

router = APIRouter(prefix="/api/actors", tags=["actors"], dependencies=[Depends(require_reader)])
PAGE = 500


@router.get("/{actor_id:path}", summary="An actor (State, organization, UN entity) by id or name")
def get_actor(
    actor_id: Annotated[str, Path(description="Actor id such as state/SDN, or a name.")],
    store: StoreDep,
) -> dict[str, Any]:
    actor = store.get_actor(actor_id)
    if actor is not None:
        return jsonable(actor)
    mechanism = _mechanism(store, actor_id)
    if mechanism is None:
        raise NotFoundError(f"no actor {actor_id!r} in the store", detail={"actor": actor_id})
    return {**jsonable(mechanism), "kind": "mechanism"}


def _mechanism(store: Any, key: str) -> Any:
    """A mechanism (recommenders may be mechanisms) by id, or name or acronym compared case-insensitively."""
    wanted, offset = key.strip().casefold(), 0
    while page := store.list_mechanisms(offset=offset, limit=PAGE):
        for m in page:
            if key == m.id or wanted in {m.name.casefold(), (m.acronym or "").casefold()}:
                return m
        offset += len(page)
    return None
