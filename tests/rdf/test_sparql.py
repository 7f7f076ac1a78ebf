"""SPARQL over the export: the partner queries of docs/sparql-examples.md, read-only, clear errors, caching."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.factory import open_store
from graph.rdf.errors import SparqlError
from graph.rdf.sparql import sparql_query, store_fingerprint
from tests.rdf.samples import BASE, report, resolution

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "sparql-examples.md"
QUERIES = re.findall(r"```sparql\n(.*?)```", EXAMPLES.read_text(encoding="utf-8"), re.DOTALL)


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    """A real store holding the two sample documents (a joint report and a resolution)."""
    store = open_store(backend="kuzu", path=tmp_path_factory.mktemp("sparql") / "store")
    for stored in (report(), resolution()):
        store.put_document(stored.document, stored.facts)
    yield store
    store.close()


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    """One Oxigraph cache for the module: built once per store state, then reused."""
    return tmp_path_factory.mktemp("sparql-cache")


@pytest.fixture(scope="module")
def corpus_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("sparql-corpus-cache")


def _values(result, name: str) -> list[str]:
    return [row[name]["value"] for row in result.rows if name in row]


def test_the_examples_hold_three_queries() -> None:
    assert len(QUERIES) == 3


def test_recommendations_addressed_to_a_state_since_2020(sample_store, cache) -> None:
    result = sparql_query(sample_store, QUERIES[0], base_iri=BASE, cache_dir=cache)
    found = {(r["symbol"]["value"], r["iso"]["value"], r["text"]["value"]) for r in result.rows}
    assert found == {("A/80/123", "SDN", "Ratify the Rome Statute"),
                     ("S/RES/2736 (2024)", "SDN", "Calls upon the Sudan to protect civilians")}


def test_recommendations_query_agrees_with_the_stored_facts(corpus_store, parsed, corpus_cache) -> None:
    result = sparql_query(corpus_store, QUERIES[0], base_iri=BASE, cache_dir=corpus_cache)
    expected = set()
    for document, facts in parsed:
        states = {a.id for a in facts.actors if a.kind == "state" and a.iso3}
        if (document.date or "") >= "2020":
            expected |= {(document.symbol, r.text) for r in facts.recommendations if states & set(r.to)}
    assert {(r["symbol"]["value"], r["text"]["value"]) for r in result.rows} == expected


def test_documents_citing_resolution_2417(sample_store, cache) -> None:
    result = sparql_query(sample_store, QUERIES[1], base_iri=BASE, cache_dir=cache)
    assert _values(result, "symbol") == ["A/80/123", "S/RES/2736 (2024)"]
    assert _values(result, "citations") == ["2", "1"]


def test_citation_query_agrees_with_the_corpus(corpus_store, parsed, corpus_cache) -> None:
    cited = {}
    for document, _ in parsed:
        for c in document.citations:
            cited.setdefault(c.symbol, set()).add(document.symbol)
    symbol, citing = max(cited.items(), key=lambda kv: (len(kv[1]), kv[0]))
    key = re.sub(r"\s", "", symbol).upper()
    query = QUERIES[1].replace('"S/RES/2417(2018)"', f'"{key}"')
    result = sparql_query(corpus_store, query, base_iri=BASE, cache_dir=corpus_cache)
    assert set(_values(result, "symbol")) == citing


def test_mechanisms_that_covered_a_situation(sample_store, cache) -> None:
    result = sparql_query(sample_store, QUERIES[2], base_iri=BASE, cache_dir=cache)
    assert _values(result, "mechanism") == [BASE + "mech/ffm-sudan"]
    assert _values(result, "first") == ["2025-06-30"]
    assert _values(result, "documents") == ["1"]


def test_updates_are_refused_and_bad_queries_explained(sample_store, cache) -> None:
    for update in ("INSERT DATA { <a:b> <a:c> <a:d> }", "PREFIX x: <a:>\nDELETE WHERE { ?s ?p ?o }",
                   "# comment\nDROP ALL", "LOAD <http://example.org/x>"):
        with pytest.raises(SparqlError, match="read-only"):
            sparql_query(sample_store, update, base_iri=BASE, cache_dir=cache)
    with pytest.raises(SparqlError, match="bad SPARQL query"):
        sparql_query(sample_store, "SELECT ?x WHERE { ?x", base_iri=BASE, cache_dir=cache)
    with pytest.raises(SparqlError, match="empty"):
        sparql_query(sample_store, "  ", base_iri=BASE, cache_dir=cache)


def test_ask_and_construct(sample_store, cache) -> None:
    ask = sparql_query(sample_store, "ASK { ?s a <https://r2p-graph.example.org/ontology#Document> }",
                       base_iri=BASE, cache_dir=cache)
    assert ask.to_json() == {"head": {}, "boolean": True}
    graph = sparql_query(sample_store, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5", base_iri=BASE,
                         cache_dir=cache, limit=3)
    assert graph.kind == "graph" and len(graph.triples) == 3 and graph.truncated


def test_the_cache_is_reused_until_the_graph_changes(tmp_path) -> None:
    store = open_store(backend="kuzu", path=tmp_path / "store")
    try:
        store.put_document(resolution().document, resolution().facts)
        first = store_fingerprint(store, base_iri=BASE)
        sparql_query(store, "ASK { ?s ?p ?o }", base_iri=BASE, cache_dir=tmp_path / "cache")
        assert (tmp_path / "cache" / first).is_dir()
        store.put_document(report().document, report().facts)
        second = store_fingerprint(store, base_iri=BASE)
        assert second != first
        result = sparql_query(store, QUERIES[1], base_iri=BASE, cache_dir=tmp_path / "cache")
        assert "A/80/123" in _values(result, "symbol")
        assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == [second]
    finally:
        store.close()


def test_fingerprint_follows_the_write_generation_not_each_document(tmp_path):
    store = open_store(backend="kuzu", path=tmp_path / "store")
    try:
        store.put_document(resolution().document, resolution().facts)
        before = store_fingerprint(store, base_iri=BASE)
        assert store_fingerprint(store, base_iri=BASE) == before
        store.put_document(report().document, report().facts)
        store.remove_document(report().document.symbol)  # same documents and counts, later generation
        assert store.stats() and store_fingerprint(store, base_iri=BASE) != before
        assert store_fingerprint(store, base_iri=BASE + "x/") != store_fingerprint(store, base_iri=BASE)
    finally:
        store.close()
