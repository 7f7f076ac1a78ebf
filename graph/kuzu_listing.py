"""Listings of the Kùzu backend: situations, mechanisms, one actor, and the store's generation."""

from __future__ import annotations

import kuzu

from graph import kuzu_queries as q
from graph.kuzu_read import resolve_actors, rows, within
from graph.store import ActorRecord, MechanismSummary, SituationSummary


def list_situations(conn: kuzu.Connection, offset: int, limit: int) -> list[SituationSummary]:
    """One page of situations by name, with document and mechanism counts ([] past the end)."""
    if not within(conn, q.COUNT_SITUATIONS, {}, offset, limit):
        return []
    found = rows(conn, q.LIST_SITUATIONS, {"offset": offset, "limit": limit})
    return [SituationSummary(id=r[0], name=r[1], iso3=r[2], documents=r[3], mechanisms=r[4]) for r in found]


def list_mechanisms(conn: kuzu.Connection, type: str | None, offset: int, limit: int) -> list[MechanismSummary]:
    """One page of mechanisms by name, of one type when given ([] past the end)."""
    if not within(conn, q.COUNT_MECHANISMS, {"type": type}, offset, limit):
        return []
    found = rows(conn, q.LIST_MECHANISMS, {"type": type, "offset": offset, "limit": limit})
    return [MechanismSummary(id=r[0], name=r[1], type=r[2], acronym=r[3], situations=r[4], documents=r[5])
            for r in found]


def get_actor(conn: kuzu.Connection, name: str) -> ActorRecord | None:
    """The actor an id (or name, ISO3 code or alias) designates, with its recommendation counts."""
    found = rows(conn, q.GET_ACTOR, {"id": name})
    if not found:
        resolved = [i for i in resolve_actors(conn, name) if i != name]
        found = rows(conn, q.GET_ACTOR, {"id": resolved[0]}) if resolved else []
    if not found:
        return None
    r = found[0]
    return ActorRecord(id=r[0], name=r[1], kind=r[2], iso3=r[3], m49=r[4], aliases=tuple(r[5] or ()),
                       recommendations_by=r[6], recommendations_to=r[7], documents=r[8],
                       member_of=tuple(sorted(r[9] or ())), members=tuple(sorted(r[10] or ())))


def generation(conn: kuzu.Connection) -> str:
    """The count of committed writes, kept in the store ("0" before the first)."""
    found = rows(conn, q.META_GET, {"name": q.GENERATION})
    return found[0][0] if found else "0"
