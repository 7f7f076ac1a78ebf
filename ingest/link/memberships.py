"""MEMBER_OF from the curated vocabularies: an organ or body belongs to its parent organization.

``organizations.csv`` and ``un_entities.csv`` carry a ``parent`` column (the AU Peace and Security
Council → the African Union; the Human Rights Council → the General Assembly). When a document
references an actor with a parent, the membership is emitted with ``source="vocabulary"`` (no
paragraph: the vocabulary, not the text, says it) and the parent joins the document's actors.

From the text, one plain form only: a State named right before ", as a member of the …", ", a
member of the …" or " is a member of the …" and an organization or UN body named right after
("Gabon, as a member of the Human Rights Council, would continue …"), both linked in that
paragraph; emitted with ``source="text"`` and the paragraph. Anything looser is not claimed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from ontology.model import Actor, Membership, Mention, ParsedDocument

from .gazetteer import Gazetteer
from .vocab import read_vocab

__all__ = ["parents", "text_memberships", "vocabulary_memberships"]

_MEMBER_OF = re.compile(r",?\s+(?:as\s+a|is\s+a|a)\s+member\s+of\s+(?:the\s+)?")


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


def text_memberships(document: ParsedDocument, gazetteer: Gazetteer, mentions: list[Mention]
                     ) -> tuple[Membership, ...]:
    """Memberships the text states in the one plain form above, with the paragraph they were read in."""
    linked = {(m.paragraph_index, m.entity_id) for m in mentions}
    found: list[Membership] = []
    for p in document.paragraphs:
        if "member of" not in p.text:
            continue
        hits = [h for h in gazetteer.scan(p.text) if len(h.ids) == 1 and (p.index, h.ids[0]) in linked]
        for member, body in pairwise(hits):
            if (member.ids[0].startswith("state/") and body.ids[0].startswith(("org/", "un/"))
                    and _MEMBER_OF.fullmatch(p.text, member.end, body.start)):
                found.append(Membership(member.ids[0], body.ids[0], "text", p.index))
    return tuple(dict.fromkeys(found))
