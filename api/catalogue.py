"""The entities of the stored documents (situations, mechanisms, actors) with where they appear.

The `GraphStore` interface answers documents, traces and recommendations; lists of entities for the
browsing pages are gathered here in one pass over ``store.iter_documents()`` and kept until the next
write through this app (``invalidate()``).
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from graph.paragraph_context import paragraph_context
from ontology.model import Actor, Mechanism, Situation, symbol_key


@dataclass(slots=True)
class Entry:
    """One entity with the documents it appears in and its recommendation counts."""

    entity: Actor | Mechanism | Situation
    documents: set[str] = field(default_factory=set)
    recommended: int = 0  # recommendations made (actors, mechanisms)
    addressed: int = 0  # recommendations received (actors) or concerning it (situations)
    # mechanisms: recommendations filed under it, as the recommendations' mechanism filter finds them
    # (made by it, made in its process such as a UPR review, or naming it in their paragraph)
    under: int = 0

    def to_json(self) -> dict[str, Any]:
        from api.jsonable import jsonable

        return {
            **jsonable(self.entity),
            "documents": sorted(self.documents),
            "recommendations_made": self.recommended,
            "recommendations_received": self.addressed,
            **({"recommendations_under": self.under} if isinstance(self.entity, Mechanism) else {}),
        }


@dataclass(slots=True)
class Snapshot:
    documents: int = 0
    recommendations: int = 0
    situations: dict[str, Entry] = field(default_factory=dict)
    mechanisms: dict[str, Entry] = field(default_factory=dict)
    actors: dict[str, Entry] = field(default_factory=dict)
    # symbol key of a document -> (relation, symbol) of the documents that add to, revise or correct it
    related_in: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    themes: Counter[str] = field(default_factory=Counter)  # theme id -> recommendations


def _add(table: dict[str, Entry], entity: Actor | Mechanism | Situation, symbol: str) -> Entry:
    entry = table.setdefault(entity.id, Entry(entity=entity))
    entry.documents.add(symbol)
    return entry


def build_snapshot(store: Any) -> Snapshot:
    """One pass over the stored documents."""
    snap = Snapshot()
    for stored in store.iter_documents():
        symbol, facts = stored.document.symbol, stored.facts
        snap.documents += 1
        for sit in facts.situation_defs:
            _add(snap.situations, sit, symbol)
        for mech in facts.mechanisms:
            _add(snap.mechanisms, mech, symbol)
        for actor in facts.actors:
            _add(snap.actors, actor, symbol)
        snap.recommendations += len(facts.recommendations)
        for rel in facts.relations:
            snap.related_in.setdefault(symbol_key(rel.symbol), []).append((rel.type, symbol))
        under = paragraph_context(stored.document, facts).mechanisms if facts.recommendations else {}
        for rec in facts.recommendations:
            for entity_id in rec.by:
                table = snap.actors if entity_id in snap.actors else snap.mechanisms
                if entity_id in table:
                    table[entity_id].recommended += 1
            for entity_id in rec.to:
                if entity_id in snap.actors:
                    snap.actors[entity_id].addressed += 1
            for sit_id in rec.situations:
                if sit_id in snap.situations:
                    snap.situations[sit_id].addressed += 1
            for mech_id in under.get(rec.paragraph_index, ()):
                if mech_id in snap.mechanisms:
                    snap.mechanisms[mech_id].under += 1
            snap.themes.update(set(rec.themes))
    return snap


class Catalogue:
    """A cached `Snapshot` of one store, rebuilt lazily after `invalidate()`."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self._snap: Snapshot | None = None
        self._lock = threading.Lock()

    def snapshot(self) -> Snapshot:
        with self._lock:
            if self._snap is None and self._store is not None:
                self._snap = build_snapshot(self._store)
            return self._snap or Snapshot()

    def invalidate(self) -> None:
        with self._lock:
            self._snap = None

    def find(self, kind: str, key: str) -> Entry | None:
        """An entity by id, or by name / acronym / alias compared case-insensitively."""
        table: dict[str, Entry] = getattr(self.snapshot(), kind)
        if key in table:
            return table[key]
        wanted = key.strip().casefold()
        for entry in table.values():
            names = {entry.entity.name, getattr(entry.entity, "acronym", None) or ""}
            names.update(getattr(entry.entity, "aliases", ()))
            if wanted in {n.casefold() for n in names if n}:
                return entry
        return None
