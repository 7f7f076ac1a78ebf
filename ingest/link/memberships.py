"""MEMBER_OF from the curated vocabularies: an organ or body belongs to its parent organization.

``organizations.csv`` and ``un_entities.csv`` carry a ``parent`` column (the AU Peace and Security
Council → the African Union; the Human Rights Council → the General Assembly). When a document
references an actor with a parent, the membership is emitted with ``source="vocabulary"`` (no
paragraph: the vocabulary, not the text, says it) and the parent joins the document's actors.
Membership stated in the text itself is not read here: no claim is made from free text.
"""

from __future__ import annotations

from functools import lru_cache

from ontology.model import Actor, Membership

from .vocab import read_vocab

__all__ = ["parents", "vocabulary_memberships"]


@lru_cache(maxsize=1)
def parents() -> dict[str, str]:
    """Actor id → id of the organization it belongs to, from the vocabularies' ``parent`` column."""
    found: dict[str, str] = {}
    for file in ("organizations.csv", "un_entities.csv"):
        for row in read_vocab(file, required=("id", "name")):
            if row.get("parent"):
                found[row["id"]] = row["parent"]
    return found


def vocabulary_memberships(actors: tuple[Actor, ...], known: dict[str, Actor]
                           ) -> tuple[tuple[Actor, ...], tuple[Membership, ...]]:
    """The memberships of ``actors`` (up the parent chain) and the actors extended by the parents.

    ``known`` maps actor ids to their vocabulary entries; a parent missing from it is skipped.
    """
    table = parents()
    result = list(actors)
    seen = {a.id for a in actors}
    memberships: list[Membership] = []
    queue = [a.id for a in actors]
    while queue:
        member = queue.pop(0)
        parent = table.get(member)
        if parent is None or parent not in known or parent == member:
            continue
        memberships.append(Membership(member, parent))
        if parent not in seen:
            seen.add(parent)
            result.append(known[parent])
            queue.append(parent)
    return tuple(result), tuple(dict.fromkeys(memberships))
