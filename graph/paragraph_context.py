"""The per-paragraph filter columns both backends denormalise onto their Paragraph nodes.

One definition, used by :mod:`graph.kuzu_rows` and :mod:`graph.neo4j_rows`, so the two stores
always answer a filtered search from the same columns: which actors recommend and are addressed
in a paragraph, which situations and mechanisms it concerns, its themes, and whether it holds a
recommendation. ``paragraph_recommendations`` merges a paragraph's recommendations in reading order, for
the search catalog and the text each paragraph is embedded as.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ontology.model import DocumentFacts, ParsedDocument, Recommendation


@dataclass
class ParagraphContext:
    """Filter columns per paragraph index, gathered from a document's facts."""

    by: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    to: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    situations: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    mechanisms: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    themes: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    recommendation: set[int] = field(default_factory=set)


def paragraph_context(document: ParsedDocument, facts: DocumentFacts) -> ParagraphContext:
    """The filter columns of every paragraph of ``document``.

    Mechanisms: mentioned, recommending, covering or established in the paragraph, and for a
    recommendation those the document is the outcome of (the UPR for its Working Group report). Situations:
    mentioned, concerned by a recommendation or covered there, plus the document's own situations
    (which hold for every paragraph).
    """
    ctx = ParagraphContext()
    mechanism_ids = {m.id for m in facts.mechanisms}
    situation_ids = {s.id for s in facts.situation_defs}
    for m in facts.mentions:
        if m.entity_id in mechanism_ids:
            ctx.mechanisms[m.paragraph_index].add(m.entity_id)
        elif m.entity_id in situation_ids:
            ctx.situations[m.paragraph_index].add(m.entity_id)
    for r in facts.recommendations:
        i = r.paragraph_index
        ctx.recommendation.add(i)
        ctx.by[i] |= set(r.by)
        ctx.to[i] |= set(r.to)
        ctx.situations[i] |= set(r.situations)
        ctx.themes[i] |= set(r.themes)
        ctx.mechanisms[i] |= (set(r.by) & mechanism_ids) | set(facts.outcome_of)
    for c in facts.coverage:
        ctx.mechanisms[c.paragraph_index].add(c.mechanism_id)
        ctx.situations[c.paragraph_index].add(c.situation_id)
    for e in facts.establishments:
        if e.paragraph_index is not None:
            ctx.mechanisms[e.paragraph_index].add(e.mechanism_id)
    for i in range(len(document.paragraphs)):
        ctx.situations[i] |= set(facts.situations)
    return ctx


@dataclass(frozen=True, slots=True)
class ParagraphRecommendations:
    """What the recommendations of one paragraph say together: a paragraph may hold several
    ("… (Indonesia); Continue … (Netherlands);"), each with its own recommenders and themes."""

    by: tuple[str, ...]
    to: tuple[str, ...]
    themes: tuple[str, ...]
    situations: tuple[str, ...]
    response: str | None  # the one every recommendation of the paragraph shares, else None


def paragraph_recommendations(recommendations: Iterable[Recommendation]) -> dict[int, ParagraphRecommendations]:
    """The recommendations of a document merged by paragraph index, in the order they are read."""
    grouped: dict[int, list[Recommendation]] = {}
    for r in recommendations:
        grouped.setdefault(r.paragraph_index, []).append(r)

    def union(values: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(v for vs in values for v in vs))

    out = {}
    for index, rs in grouped.items():
        responses = {r.response for r in rs}
        out[index] = ParagraphRecommendations(
            by=union(r.by for r in rs), to=union(r.to for r in rs), themes=union(r.themes for r in rs),
            situations=union(r.situations for r in rs), response=responses.pop() if len(responses) == 1 else None)
    return out
