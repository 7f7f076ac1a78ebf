"""Ranking rules of the hybrid search on the real store: formula lines, rare query words."""

from __future__ import annotations

import pytest

from ontology.model import symbol_key
from search.catalog import catalog
from search.hybrid import formula_lines, lexical_coverage, search
from search.text import parse_query


def test_formula_lines_are_short_non_recommendations(store):
    cat = catalog(store)
    flags = formula_lines(cat)
    flagged = [cat.rows[p] for p in flags.nonzero()[0]]
    assert any(r.text.strip().rstrip(",") == "The Security Council" for r in flagged)
    assert all(not r.recommendation and len(r.text.split()) < 5 for r in flagged)


@pytest.mark.parametrize("mode", ["hybrid", "dense", "lexical"])
def test_formula_line_does_not_outrank_the_decision(store, embedder, mode):
    cat = catalog(store)
    flags = formula_lines(cat)
    result = search(store, embedder, "Security Council decides", mode=mode, limit=5)
    assert result.hits
    top = cat.by_uid[result.hits[0].uid]
    assert not flags[top], result.hits[0].text
    assert len(result.hits[0].text.split()) >= 5


def test_symbol_look_up_keeps_the_document_order(store, embedder, parsed):
    cat = catalog(store)
    resolution = parsed[2][0]
    rows = cat.doc_rows[symbol_key(resolution.symbol)]
    result = search(store, embedder, resolution.symbol, mode="lexical", limit=len(rows))
    assert [cat.by_uid[h.uid] for h in result.hits] == rows  # formula lines of a named document are not moved


def test_lexical_weight_follows_the_share_of_known_query_words(store):
    cat = catalog(store)
    assert lexical_coverage(cat, parse_query("torture")) == 1.0
    assert lexical_coverage(cat, parse_query("torture zzqxv")) == 0.5
    assert lexical_coverage(cat, parse_query("zzqxv wqqpt")) == 0.0
    assert lexical_coverage(cat, parse_query('"death penalty" zzqxv')) == 1.0
