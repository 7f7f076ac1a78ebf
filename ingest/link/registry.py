"""One gazetteer for every controlled name: States, organizations, UN entities, groups, mechanisms.

Built once per process (about a second, mostly reading the OCHA table) and shared by every
document, so linking a paragraph is one token scan.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ontology.model import Actor, Mechanism

from .actors import BLOCKING_PHRASES, is_acronym, organizations, states
from .gazetteer import Gazetteer
from .mechanisms import MechanismEntry, vocabulary

# Aliases that collide with common words or personal names in English text.
_UNSAFE_ALIASES = {"Maurice", "Chad" + "ian", "Jordanie"}


@dataclass(frozen=True, slots=True)
class Registry:
    gazetteer: Gazetteer
    actors: dict[str, Actor]
    mechanisms: dict[str, MechanismEntry]
    iso3: dict[str, Actor]

    def mechanism(self, mech_id: str) -> Mechanism | None:
        entry = self.mechanisms.get(mech_id)
        return entry.mechanism if entry else None


@lru_cache(maxsize=1)
def registry() -> Registry:
    """The shared registry (built on first use)."""
    gaz = Gazetteer()
    actors: dict[str, Actor] = {}
    iso3: dict[str, Actor] = {}
    for code, (actor, aliases) in states().items():
        actors[actor.id] = actor
        iso3[code] = actor
        for alias in aliases:
            if alias not in _UNSAFE_ALIASES:
                gaz.add(alias, actor.id, fold=not is_acronym(alias))
    for actor_id, (actor, aliases) in organizations().items():
        actors[actor_id] = actor
        for alias in aliases:
            gaz.add(alias, actor_id, fold=not is_acronym(alias))
    mechanisms = vocabulary()
    for mech_id, entry in mechanisms.items():
        for alias in entry.aliases:
            gaz.add(alias, mech_id, fold=not is_acronym(alias))
    for phrase in BLOCKING_PHRASES:
        gaz.add(phrase, None)
    return Registry(gaz, actors, dict(mechanisms), iso3)
