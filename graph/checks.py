"""Checks on linked facts that both backends make before writing anything."""

from __future__ import annotations

from collections.abc import Iterable

from ontology.model import DocumentFacts, ParsedDocument


def indexes_out_of_range(document: ParsedDocument, facts: DocumentFacts, extra: Iterable[int] = ()) -> list[int]:
    """The paragraph indexes that facts, citations (and ``extra``) point at but the document lacks, sorted."""
    used = [m.paragraph_index for m in facts.mentions] + [r.paragraph_index for r in facts.recommendations]
    used += [c.paragraph_index for c in facts.coverage] + [t.paragraph_index for t in facts.risk_tags]
    used += [e.paragraph_index for e in facts.establishments if e.paragraph_index is not None]
    used += [c.paragraph_index for c in document.citations if c.paragraph_index is not None]
    used += list(extra)
    count = len(document.paragraphs)
    return sorted({i for i in used if not 0 <= i < count})


def membership_problem(facts: DocumentFacts, paragraphs: int) -> str | None:
    """What is wrong with the document's memberships (MEMBER_OF), or None when they hold together.

    Both ends must be among the document's actors; a membership read in the text must name a
    paragraph of the document (one from the vocabulary may not).
    """
    actors = {a.id for a in facts.actors}
    for m in facts.memberships:
        edge = f"membership {m.member_id} -> {m.organization_id}"
        missing = [i for i in (m.member_id, m.organization_id) if i not in actors]
        if missing:
            return f"{edge} refers to actors without a definition: {missing}"
        if m.paragraph_index is None and m.source != "vocabulary":
            return f"{edge} read from {m.source!r} names no paragraph"
        if m.paragraph_index is not None and not 0 <= m.paragraph_index < paragraphs:
            return f"{edge} points at paragraph index {m.paragraph_index} outside 0..{paragraphs - 1}"
    return None
