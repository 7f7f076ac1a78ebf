"""Contract: trace, recommendations, citations and statistics."""

from __future__ import annotations

import pytest

from graph.store import GraphStore


@pytest.mark.parametrize("name", ["sit/SDN/darfur", "Darfur", "darfur"])
def test_trace_resolves_the_situation_and_groups_by_mechanism(filled: GraphStore, name: str) -> None:
    trace = filled.trace(name)
    assert trace is not None and trace.situation_id == "sit/SDN/darfur"
    panel = {m.id: m for m in trace.mechanisms}["mech/poe-sudan"]
    assert panel.type == "sanctions"
    assert panel.documents == ("S/RES/1591 (2005)", "S/RES/1769 (2007)")
    assert (panel.first_date, panel.last_date) == ("2005-03-29", "2007-03-29")
    assert [(e.symbol, e.paragraph) for e in panel.evidence] == [("S/RES/1591 (2005)", "1"),
                                                                  ("S/RES/1769 (2007)", "1")]


@pytest.mark.parametrize("name", ["the Sudan", "Sudan", "SDN", "sit/SDN", "Soudan"])
def test_trace_by_country_name_code_or_alias(filled: GraphStore, name: str) -> None:
    trace = filled.trace(name)
    assert trace is not None and trace.situation_id == "sit/SDN"
    assert [m.id for m in trace.mechanisms] == ["mech/upr"]
    assert trace.mechanisms[0].evidence[0].symbol == "A/HRC/11/14"


def test_trace_of_an_unknown_situation_is_none(filled: GraphStore) -> None:
    assert filled.trace("Atlantis") is None


def test_recommendations_to_by_theme_years(filled: GraphStore) -> None:
    to_sudan = filled.recommendations(to="the Sudan")
    assert len(to_sudan) == 4
    ratify = filled.recommendations(by="Brazil")
    assert [(r.symbol, r.paragraph, r.by, r.to, r.verb, r.response) for r in ratify] == [
        ("A/HRC/11/14", "83.1", ("Brazil", "Chile"), ("Sudan",), "Ratify", "supported")]
    assert [r.paragraph for r in filled.recommendations(to="SDN", by="Chile")] == ["83.1", "83.2"]
    assert [r.paragraph for r in filled.recommendations(theme="torture")] == ["83.1"]
    assert {r.symbol for r in filled.recommendations(year_to=2006)} == {"S/RES/1591 (2005)"}
    assert {r.symbol for r in filled.recommendations(year_from=2007, year_to=2008)} == {"S/RES/1769 (2007)"}
    assert filled.recommendations(to="Guinea") == []
    assert [r.symbol for r in filled.recommendations(mechanism="Panel of Experts on the Sudan")] == ["A/HRC/11/14"]
    assert len(filled.recommendations(limit=2)) == 2


def test_cites_and_cited_by(filled: GraphStore) -> None:
    out = filled.cites("A/HRC/11/14")
    assert [(c.cited_symbol, c.paragraph, c.cited_in_store) for c in out] == [
        ("S/RES/1591 (2005)", "83.2", True), ("A/HRC/WG.6/11/SDN/1", None, False)] or sorted(
        (c.cited_symbol, c.cited_in_store) for c in out) == [("A/HRC/WG.6/11/SDN/1", False),
                                                             ("S/RES/1591 (2005)", True)]
    cited = filled.cited_by("S/RES/1591 (2005)")
    assert sorted((c.citing_symbol, c.text) for c in cited) == [
        ("A/64/100", "résolution 1591 (2005)"), ("A/HRC/11/14", "Security Council resolution 1591 (2005)")]


def test_stats_count_nodes_and_edges(filled: GraphStore) -> None:
    stats = filled.stats()
    assert stats["documents"] == 4
    assert stats["paragraphs"] == 4 + 4 + 4 + 1
    assert stats["recommendations"] == 4
    assert stats["edges"] > stats["paragraphs"]


def test_trace_keeps_the_newest_evidence_and_counts_all(store: GraphStore) -> None:
    from graph.store import TRACE_EVIDENCE_LIMIT
    from tests.contract.samples import sc_resolution

    total = TRACE_EVIDENCE_LIMIT + 3
    for n in range(total):
        store.put_document(*sc_resolution(2000 + n, 1990 + n))
    trace = store.trace("Darfur")
    assert trace is not None
    panel = {m.id: m for m in trace.mechanisms}["mech/poe-sudan"]
    assert panel.evidence_count == total
    assert panel.documents == tuple(f"S/RES/{2000 + n} ({1990 + n})" for n in range(total))
    assert (panel.first_date, panel.last_date) == ("1990-03-29", f"{1990 + total - 1}-03-29")
    assert [(e.symbol, e.paragraph) for e in panel.evidence] == [
        (f"S/RES/{2000 + n} ({1990 + n})", "1") for n in range(3, total)]
    whole = store.trace("Darfur", evidence_limit=None)
    assert whole is not None
    every = {m.id: m for m in whole.mechanisms}["mech/poe-sudan"]
    assert [e.symbol for e in every.evidence] == list(panel.documents) and every.evidence_count == total
    two = store.trace("Darfur", evidence_limit=2)
    assert two is not None and [e.symbol for e in {m.id: m for m in two.mechanisms}["mech/poe-sudan"].evidence] == [
        f"S/RES/{2000 + n} ({1990 + n})" for n in (total - 2, total - 1)]
