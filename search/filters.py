"""Filters (facets) over the catalog and the counts per facet value."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import chain

import numpy as np

from graph.responses import wanted_responses
from graph.store import ParagraphFilter
from ontology.model import symbol_key
from search.catalog import Catalog, Row

FACETS = ("kind", "document_kind", "body", "year", "situation", "mechanism", "recommender", "addressee",
          "response", "language")


def is_empty(f: ParagraphFilter | None) -> bool:
    """Whether the filter narrows nothing."""
    return f is None or all(v in (None, "") for v in (
        f.paragraph_kind if f.paragraph_kind != "any" else None, f.document_kind, f.organ, f.year_from,
        f.year_to, f.situation, f.mechanism, f.by, f.to, f.language, f.symbol, f.response))


def row_matches(cat: Catalog, row: Row, f: ParagraphFilter) -> bool:
    """Whether one paragraph passes every facet of ``f`` (all combined with AND)."""
    kind = (f.paragraph_kind or "any").lower()
    if kind == "recommendation" and not row.recommendation:
        return False
    if kind not in ("any", "recommendation") and row.kind != kind:
        return False
    if f.document_kind and row.doc_kind != f.document_kind.lower():
        return False
    if f.organ and f.organ.strip().lower() not in {o.lower() for o in row.organs}:
        return False
    if f.year_from is not None and (row.year is None or row.year < f.year_from):
        return False
    if f.year_to is not None and (row.year is None or row.year > f.year_to):
        return False
    if f.language and (row.language or "").lower() != f.language.strip().lower():
        return False
    if f.symbol and symbol_key(f.symbol) not in {symbol_key(s) for s in row.symbols}:
        return False
    if f.response and (not row.recommendation or row.response not in wanted_responses(f.response)):
        return False
    for wanted, ids in ((f.situation, row.situations), (f.mechanism, row.mechanisms), (f.by, row.by),
                        (f.to, row.to)):
        if wanted and not any(cat.matches_entity(i, wanted) for i in ids):
            return False
    return True


def mask(cat: Catalog, f: ParagraphFilter | None) -> np.ndarray | None:
    """Boolean array over the catalog rows that pass ``f``; None when nothing is filtered (cached)."""
    if is_empty(f):
        return None
    assert f is not None
    masks = cat.cache.setdefault("masks", {})
    if f not in masks:
        if len(masks) > 64:
            masks.clear()
        masks[f] = np.fromiter((row_matches(cat, r, f) for r in cat.rows), dtype=bool, count=len(cat.rows))
    return masks[f]


def facet_values(cat: Catalog, row: Row) -> dict[str, list[str]]:
    """The value(s) one paragraph has for each facet (display names)."""
    return {
        "kind": ["recommendation", row.kind] if row.recommendation else [row.kind],
        "document_kind": [row.doc_kind],
        "body": list(row.organs),
        "year": [str(row.year)] if row.year else [],
        "situation": [cat.name(s) for s in row.situations],
        "mechanism": [cat.name(m) for m in row.mechanisms],
        "recommender": [cat.name(b) for b in row.by],
        "addressee": [cat.name(t) for t in row.to],
        "response": [row.response] if row.recommendation and row.response else [],
        "language": [row.language] if row.language else [],
    }


def facet_counts(cat: Catalog, positions: Iterable[int]) -> dict[str, dict[str, int]]:
    """Counts per facet value over the given catalog rows, most frequent first."""
    counter = Counter(chain.from_iterable(_row_pairs(cat, p) for p in positions))
    out: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    for (name, value), n in counter.most_common():
        out[name][value] = n
    return out


def _row_pairs(cat: Catalog, pos: int) -> tuple[tuple[str, str], ...]:
    """The distinct (facet, value) pairs of one row, computed on first use and kept with the catalog
    (only rows that reach a candidate pool are ever computed, not a million up front)."""
    pairs = cat.cache.setdefault("facet_pairs", {})
    found = pairs.get(pos)
    if found is None:
        row = cat.rows[pos]
        found = pairs[pos] = tuple(dict.fromkeys(
            (name, v) for name, values in facet_values(cat, row).items() for v in values))
    return found
