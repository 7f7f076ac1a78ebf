"""Framework of Analysis risk-factor tags from a curated cue lexicon (``lexicon-v1``).

A tag says a paragraph *discusses* a risk factor (RF1–RF14), never that a crime occurred. The
cues in ``ontology/vocab/risk_factors.csv`` are multi-word phrases chosen for precision; a
paragraph is tagged with a factor when at least one cue occurs, with a confidence that grows
with the number of distinct cues found (1 → 0.5, 2 → 0.7, 3 or more → 0.85). Headings and
paragraphs under 60 characters are not tagged.
"""

from __future__ import annotations

from functools import lru_cache

from ontology.model import Paragraph, ParagraphKind, RiskTag

from .gazetteer import Gazetteer, Tokens
from .vocab import read_vocab, split_aliases

METHOD = "lexicon-v1"
_CONFIDENCE = {1: 0.5, 2: 0.7}


@lru_cache(maxsize=1)
def _lexicon() -> Gazetteer:
    """The cue phrases in one case-folded token table (one scan per paragraph for all factors)."""
    table = Gazetteer()
    for row in read_vocab("risk_factors.csv", required=("id", "name", "cues")):
        for cue in split_aliases(row["cues"]):
            table.add(cue, row["id"])
    return table


def risk_tags(paragraphs: tuple[Paragraph, ...], *, tokens: dict[int, Tokens] | None = None) -> list[RiskTag]:
    """The risk-factor tags of ``paragraphs`` (``tokens``: paragraphs already cut, by index)."""
    tags: list[RiskTag] = []
    for p in paragraphs:
        if p.kind is ParagraphKind.HEADING or len(p.text) < 60:
            continue
        cues: dict[str, set[str]] = {}
        for hit in _lexicon().scan(tokens[p.index] if tokens and p.index in tokens else p.text, fold=True):
            for factor in hit.ids:
                cues.setdefault(factor, set()).add(hit.alias)
        for factor in sorted(cues, key=lambda f: int(f[2:])):
            tags.append(RiskTag(p.index, factor, _CONFIDENCE.get(len(cues[factor]), 0.85), METHOD))
    return tags
