"""Framework of Analysis risk-factor tags from a curated cue lexicon (``lexicon-v1``).

A tag says a paragraph *discusses* a risk factor (RF1–RF14), never that a crime occurred. The
cues in ``ontology/vocab/risk_factors.csv`` are multi-word phrases chosen for precision; a
paragraph is tagged with a factor when at least one cue occurs, with a confidence that grows
with the number of distinct cues found (1 → 0.5, 2 → 0.7, 3 or more → 0.85). Headings and
paragraphs under 60 characters are not tagged.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ontology.model import Paragraph, ParagraphKind, RiskTag

from .vocab import read_vocab, split_aliases

METHOD = "lexicon-v1"
_CONFIDENCE = {1: 0.5, 2: 0.7}


@lru_cache(maxsize=1)
def _lexicon() -> tuple[tuple[str, re.Pattern[str]], ...]:
    rows = read_vocab("risk_factors.csv", required=("id", "name", "cues"))
    return tuple(
        (row["id"], re.compile(r"\b(?:" + "|".join(re.escape(c) for c in split_aliases(row["cues"])) + r")\b", re.I))
        for row in rows
    )


def risk_tags(paragraphs: tuple[Paragraph, ...]) -> list[RiskTag]:
    """The risk-factor tags of ``paragraphs``."""
    tags: list[RiskTag] = []
    for p in paragraphs:
        if p.kind is ParagraphKind.HEADING or len(p.text) < 60:
            continue
        for factor, pattern in _lexicon():
            cues = {m.group().lower() for m in pattern.finditer(p.text)}
            if cues:
                tags.append(RiskTag(p.index, factor, _CONFIDENCE.get(len(cues), 0.85), METHOD))
    return tags
