"""Ranking rules of the hybrid search on the real store: formula lines, rare query words, fusion, feedback."""

from __future__ import annotations

import copy

import numpy as np
import pytest

from ontology.model import symbol_key
from search import hybrid
from search.catalog import catalog
from search.dense import dense_search, row_vectors
from search.hybrid import (
    FEEDBACK_ROWS,
    _title_like,
    feedback_vector,
    formula_lines,
    fuse_scores,
    lexical_coverage,
    search,
)
from search.text import parse_query, words


def test_formula_lines_are_short_non_recommendations(store):
    cat = catalog(store)
    flags = formula_lines(cat)
    flagged = [cat.rows[p] for p in flags.nonzero()[0]]
    assert any(r.text.strip().rstrip(",") == "The Security Council" for r in flagged)
    assert all(not r.recommendation and (len(words(r.text)) < 12 or r.kind == "heading") for r in flagged)


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


def test_score_fusion_normalises_each_run_to_its_own_range():
    lexical = [(1, 12.0), (2, 6.0), (3, 2.0)]
    dense = [(2, 0.62), (4, 0.58), (1, 0.50)]
    fused = dict(fuse_scores(lexical, dense, alpha=0.5))
    assert fused[1] == pytest.approx(0.5 * 1.0 + 0.5 * 0.0)  # best lexical, worst dense
    assert fused[2] == pytest.approx(0.5 * 0.4 + 0.5 * 1.0)
    assert fused[3] == pytest.approx(0.0) and fused[4] == pytest.approx(0.5 * (0.08 / 0.12))


def test_feedback_moves_the_query_towards_the_best_fused_paragraphs(store, embedder):
    cat = catalog(store)
    qvec = embedder.encode(["end capital punishment"])[0]
    best = [p for p, _ in search_rows(store, embedder, "end capital punishment")[:FEEDBACK_ROWS]]
    vectors = row_vectors(store, cat, embedder.name, best)
    moved = feedback_vector(qvec, vectors)
    centre = vectors.mean(axis=0)
    assert vectors.shape == (len(best), embedder.dim) and np.linalg.norm(moved) == pytest.approx(1, abs=1e-5)
    assert float(moved @ centre) > float(qvec @ centre)
    assert float(moved @ qvec) > 0.7  # refined, not replaced


def test_hybrid_without_feedback_is_plain_fusion(store, embedder, monkeypatch):
    with_feedback = search(store, embedder, "end capital punishment", limit=20)
    monkeypatch.setattr(hybrid, "FEEDBACK_ROWS", 0)
    plain = search(store, embedder, "end capital punishment", limit=20)
    assert with_feedback.hits and plain.hits
    assert {h.uid for h in with_feedback.hits} != {h.uid for h in plain.hits} or \
        [h.score for h in with_feedback.hits] != [h.score for h in plain.hits]


def search_rows(store, embedder, query: str) -> list[tuple[int, float]]:
    cat = catalog(store)
    return [(cat.by_uid[h.uid], h.score) for h in search(store, embedder, query, limit=20).hits]


def test_vectors_of_another_model_are_never_compared(store, embedder):
    other = copy.copy(embedder)
    other.name = "another-model"  # same weights, but the store's vectors were not made under this name
    dense = search(store, other, "abolish the death penalty", mode="dense")
    hybrid_result = search(store, other, "abolish the death penalty")
    assert not dense.hits and "another-model" in dense.note
    assert hybrid_result.hits and "keywords only" in hybrid_result.note
    lexical = search(store, embedder, "abolish the death penalty", mode="lexical", limit=10)
    assert [h.uid for h in hybrid_result.hits] == [h.uid for h in lexical.hits]
    assert search(store, embedder, "abolish the death penalty").note is None


def test_dense_ranking_within_given_rows_is_exact_over_them(store, embedder):
    cat = catalog(store)
    qvec = embedder.encode(["abolish the death penalty"])[0]
    everything = dense_search(store, cat, qvec, model=embedder.name, k=len(cat.rows), filters=None, allowed=None)
    within = np.asarray(sorted(p for p, _ in everything[5:25]), dtype=np.int64)
    ranked = dense_search(store, cat, qvec, model=embedder.name, k=10, filters=None, allowed=None, within=within)
    assert [p for p, _ in ranked] == [p for p, _ in everything[5:15]]


QUERIES = ("stop putting people to death", "protect women from violence at home", "room for NGOs to work freely",
           "let UN human rights experts visit the country")


def test_feedback_pass_ranks_only_the_first_runs_candidates(store, embedder, monkeypatch):
    cat = catalog(store)
    monkeypatch.setattr(hybrid, "POOL", 3)  # each run gives 3 candidates (a page of 3)
    for query in QUERIES:
        qvec = embedder.encode([parse_query(query).free_text])[0]
        first = dense_search(store, cat, qvec, model=embedder.name, k=3, filters=None, allowed=None)
        lexical = search(store, embedder, query, mode="lexical", limit=3)
        candidates = {p for p, _ in first} | {cat.by_uid[h.uid] for h in lexical.hits}
        monkeypatch.setattr(hybrid, "FEEDBACK_WITHIN", 3)
        narrow = search(store, embedder, query, limit=3).hits
        assert narrow and {cat.by_uid[h.uid] for h in narrow} <= candidates, query


def test_dense_feedback_is_off_by_default_and_refines_within_the_first_run(store, embedder, monkeypatch):
    cat = catalog(store)
    query = "stop putting people to death"
    plain = search(store, embedder, query, mode="dense", limit=20)
    qvec = embedder.encode([query])[0]
    first = dense_search(store, cat, qvec, model=embedder.name, k=len(cat.rows), filters=None, allowed=None)
    assert [cat.by_uid[h.uid] for h in plain.hits] == [p for p, _ in first[:20]]  # off: the plain run
    monkeypatch.setattr(hybrid, "DENSE_FEEDBACK", True)
    monkeypatch.setattr(hybrid, "POOL", 20)
    monkeypatch.setattr(hybrid, "FEEDBACK_WITHIN", 20)
    refined = search(store, embedder, query, mode="dense", limit=20)
    moved = feedback_vector(qvec, row_vectors(store, cat, embedder.name, [p for p, _ in first[:FEEDBACK_ROWS]]))
    assert {cat.by_uid[h.uid] for h in refined.hits} == {p for p, _ in first[:20]}  # the same rows, ranked again
    scores = {cat.by_uid[h.uid]: h.score for h in refined.hits}
    vectors = row_vectors(store, cat, embedder.name, list(scores))
    assert [p for p, _ in sorted(zip(scores, vectors @ moved, strict=True), key=lambda kv: -kv[1])] == \
        [cat.by_uid[h.uid] for h in refined.hits]


def test_a_resolution_without_its_year_takes_every_year_the_texts_give_it(tmp_path):
    # one paragraph writes the right year, another a wrong one, as a real UPR report does ("1325 (2005)")
    from dataclasses import replace

    from graph.factory import open_store
    from ontology.model import Citation
    from tests.contract.samples import upr_report

    doc, facts = upr_report()
    paras = list(doc.paragraphs)
    paras[1] = replace(paras[1], text=paras[1].text + " Recalling resolution 1325 (2000).")
    paras[2] = replace(paras[2], text=paras[2].text + " See resolution 1325 (2005).")
    doc = replace(doc, paragraphs=tuple(paras), citations=(
        Citation("S/RES/1325 (2000)", "resolution 1325 (2000)", "1", 1),
        Citation("S/RES/1325 (2005)", "resolution 1325 (2005)", "83.1", 2)))
    with open_store(backend="kuzu", path=tmp_path / "store") as store:
        store.put_document(doc, facts)
        for query in ("UNSCR 1325", "S/RES/1325"):
            result = search(store, None, query, mode="lexical")
            assert [h.paragraph for h in result.hits] == ["1", "83.1"] and result.note is None, query
        exact = search(store, None, "S/RES/1325 (2000)", mode="lexical")
        assert [h.paragraph for h in exact.hits] == ["1"]


def test_a_query_of_symbols_only_answers_every_paragraph_of_the_document_beyond_the_pool(
        store, embedder, parsed, monkeypatch):
    china = parsed[0][0]
    monkeypatch.setattr(hybrid, "POOL", 5)
    result = search(store, embedder, china.symbol, limit=10, offset=len(china.paragraphs) - 3)
    assert result.total >= len(china.paragraphs) > 5
    assert [h.symbol for h in result.hits[:3]] == [china.symbol] * 3


def test_headings_count_as_lines_that_state_nothing(store):
    cat = catalog(store)
    flags = formula_lines(cat)
    headings = [p for p, r in enumerate(cat.rows) if r.kind == "heading"]
    assert headings and all(flags[p] for p in headings)
    assert not any(flags[p] for p, r in enumerate(cat.rows) if r.recommendation)


@pytest.mark.parametrize("mode", ["hybrid", "dense", "lexical"])
def test_a_heading_does_not_outrank_the_paragraphs_under_it(store, embedder, mode):
    # "B. Interactive dialogue and responses by the State under review" heads the section whose paragraphs
    # report the dialogue: those are what a reader cites. The heading is demoted, not dropped.
    cat = catalog(store)
    result = search(store, embedder, "interactive dialogue and responses by the State under review", mode=mode,
                    limit=50)
    rows = [cat.rows[cat.by_uid[h.uid]] for h in result.hits]
    assert rows and rows[0].kind != "heading", rows[0].text
    if mode == "hybrid":  # (in the lexical mode every paragraph of the section holds its words as well)
        assert any(r.kind == "heading" and "Interactive dialogue" in r.text for r in rows)


def test_lines_set_as_titles_state_nothing_to_cite(store):
    # lines of real reports: a subheading the layout gives no heading type, a lead-in, a chart's label
    for line in ("Migrants, refugees and asylum-seekers", "Protection of civilians:", "Conflict-related sexual violence 17%"):
        assert _title_like("text", line) and _title_like("numbered", line)
    assert not _title_like("numbered", "Providing basic and essential services to civilians in conflict-affected areas.")
    assert not _title_like("preambular", "Recalling its resolution 2417 (2018)")  # a resolution's paragraph is cited
    assert not _title_like("text", "The Working Group notes the efforts made by the State in the field of education and "
                                   "training of its judges")  # twelve words or more: a statement, however it ends
    cat = catalog(store)
    flags = formula_lines(cat)
    titles = [p for p, r in enumerate(cat.rows) if not r.recommendation and _title_like(r.kind, r.text)]
    assert titles and all(flags[p] for p in titles)
    assert not any(flags[p] for p, r in enumerate(cat.rows) if r.kind in ("preambular", "operative")
                   and len(r.text.split()) >= 5)
