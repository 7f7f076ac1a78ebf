"""Contract: positions stated in a UPR report's addendum reach the report's recommendations.

Real documents: Slovenia's second-cycle Working Group report (A/HRC/28/15, 163 recommendations
"will be examined") and its addendum (A/HRC/28/15/Add.1: "accepts the recommendations 1–5, …",
"notes recommendations 6–13, …"), stored in either order, replaced and removed apart.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from graph.errors import QueryError
from graph.responses import by_response
from graph.store import GraphStore
from ingest.link import link
from ingest.pipeline import parse
from ontology.model import DocumentFacts, ParsedDocument
from tests.contract.samples import embeddings_for

REPORT = "upr-slovenia/docs/2ndcycleunoriginal/g1423930.pdf"
ADDENDUM = "upr-slovenia/docs/2ndcycleunoriginal/g1504261.pdf"


@lru_cache(maxsize=2)
def _read(path: Path) -> tuple[ParsedDocument, DocumentFacts]:
    document = parse(path)
    return document, link(document)


def _put(store: GraphStore, corpus: Path, name: str) -> None:
    document, facts = _read(corpus / name)
    store.put_document(document, facts, embeddings=embeddings_for(document))


def _slovenia(store: GraphStore) -> dict[str, tuple]:
    recs = store.recommendations(to="Slovenia", limit=500)
    return {r.paragraph: (r.response, r.response_symbol, r.response_paragraph, r.response_page) for r in recs}


@pytest.mark.parametrize("addendum_first", [False, True], ids=["report-first", "addendum-first"])
def test_the_addendum_gives_the_pending_recommendations_their_positions(
        store: GraphStore, corpus: Path, addendum_first: bool) -> None:
    for name in ([ADDENDUM, REPORT] if addendum_first else [REPORT, ADDENDUM]):
        _put(store, corpus, name)
    got = _slovenia(store)
    assert len(got) == 163
    assert got["115.1"] == ("supported", "A/HRC/28/15/Add.1", "3", 2)  # "accepts the recommendations 1–5, …"
    assert got["115.18"] == ("supported", "A/HRC/28/15/Add.1", "4", 2)  # accepted, "already implemented"
    assert got["115.6"] == ("noted", "A/HRC/28/15/Add.1", "5", 6)  # "notes recommendations 6–13, …"
    counts: dict[str | None, int] = {}
    for response, *_ in got.values():
        counts[response] = counts.get(response, 0) + 1
    assert counts == {"supported": 142, "noted": 21}  # as the addendum's paragraph 2 counts them
    stated = store.stated_responses(["A/HRC/28/15"])
    assert set(stated) == {"A/HRC/28/15"} and len(stated["A/HRC/28/15"]) == 163


def test_filtering_by_response_counts_the_addendum_positions_and_pages(store: GraphStore, corpus: Path) -> None:
    _put(store, corpus, REPORT)
    _put(store, corpus, ADDENDUM)

    def fetch(offset: int, limit: int) -> list:
        return store.recommendations(to="Slovenia", offset=offset, limit=limit)

    everything = fetch(0, 500)
    noted = by_response(fetch, "noted", limit=500, chunk=40)  # 163 rows read 40 at a time
    assert [r.paragraph for r in noted] == [r.paragraph for r in everything if r.response == "noted"]
    assert len(noted) == 21 and {r.response_symbol for r in noted} == {"A/HRC/28/15/Add.1"}
    assert len(by_response(fetch, "Supported ", limit=500)) == 142  # case and spaces do not matter
    assert by_response(fetch, "pending", limit=500) == []
    page = by_response(fetch, "noted", offset=5, limit=7, chunk=40)
    assert page == noted[5:12]
    assert by_response(fetch, "noted", offset=21, limit=5) == []
    with pytest.raises(QueryError, match="unknown response 'rejected'"):
        by_response(fetch, "rejected")
    store.remove_document("A/HRC/28/15/Add.1")
    assert len(by_response(fetch, "pending", limit=500)) == 163


def test_without_its_addendum_a_recommendation_stays_pending(store: GraphStore, corpus: Path) -> None:
    _put(store, corpus, REPORT)
    _put(store, corpus, ADDENDUM)
    assert store.remove_document("A/HRC/28/15/Add.1")
    assert {v for v in _slovenia(store).values()} == {("pending", None, None, None)}
    assert store.stated_responses(["A/HRC/28/15"]) == {}


def test_an_addendum_alone_claims_nothing(store: GraphStore, corpus: Path) -> None:
    _put(store, corpus, ADDENDUM)
    assert store.recommendations(to="Slovenia") == []
    assert store.stated_responses(["A/HRC/28/15", "A/HRC/28/15/Add.1"]) == {}


def test_search_rows_carry_the_stated_position(store: GraphStore, corpus: Path) -> None:
    """Search's catalogue (hits, facets, CSV) reads the same positions as ``recommendations``."""
    from search.catalog import catalog

    _put(store, corpus, ADDENDUM)
    _put(store, corpus, REPORT)
    cat = catalog(store)
    rows = {r.label: r for r in cat.rows if r.symbol == "A/HRC/28/15" and r.recommendation}
    assert len(rows) == 163
    first, noted = rows["115.1"], rows["115.6"]
    assert (first.response, first.response_symbol, first.response_paragraph, first.response_page) == (
        "supported", "A/HRC/28/15/Add.1", "3", 2)
    assert (noted.response, noted.response_paragraph) == ("noted", "5")
    from graph.store import ParagraphFilter
    from search.filters import mask

    noted = mask(cat, ParagraphFilter(response="noted"))
    assert noted is not None and int(noted.sum()) == 21  # the search filter sees what the addendum says
    from_store = _slovenia(store)
    assert {k: (r.response, r.response_symbol, r.response_paragraph, r.response_page) for k, r in rows.items()
            } == from_store


def test_the_rdf_export_says_where_the_response_is_stated(store: GraphStore, corpus: Path, tmp_path: Path) -> None:
    from rdflib import Graph, Literal, URIRef

    from graph.rdf.export import export
    from graph.rdf.validate import validate
    from ontology.terms import R2P

    _put(store, corpus, REPORT)
    _put(store, corpus, ADDENDUM)
    path = tmp_path / "dump.nt"
    with path.open("wb") as out:
        export(store, out, format="nt", base_iri="https://example.org/r2p/")
    graph = Graph().parse(path, format="nt")
    base = "https://example.org/r2p/doc/A/HRC/28/15"
    first = URIRef(f"{base}/para/115.1/rec/1")
    assert graph.value(first, R2P.response) == Literal("supported")
    assert graph.value(first, R2P.responseStatedIn) == URIRef(f"{base}/ADD.1/para/3")  # IRIs use the symbol key
    assert (graph.value(first, R2P.responseStatedIn), None, None) in graph  # the addendum's paragraph is there too
    stated = list(graph.subject_objects(R2P.responseStatedIn))
    assert len(stated) == 163
    assert validate(path).conforms, validate(path).text()


def test_an_export_since_the_addendum_writes_the_report_again_with_its_positions(
        store: GraphStore, corpus: Path, tmp_path: Path) -> None:
    import time

    from rdflib import Graph, Literal, URIRef

    from graph.rdf.export import export
    from ontology.terms import R2P

    _put(store, corpus, REPORT)
    time.sleep(1.1)  # ingestion times are kept to the second
    _put(store, corpus, ADDENDUM)
    added = store.get_document("A/HRC/28/15/Add.1").ingested_at
    assert added and store.get_document("A/HRC/28/15").ingested_at < added
    path = tmp_path / "since.nt"
    with path.open("wb") as out:
        summary = export(store, out, format="nt", base_iri="https://example.org/r2p/", since=added)
    assert summary.documents == 2  # the addendum, and the report it answers
    graph = Graph().parse(path, format="nt")
    first = URIRef("https://example.org/r2p/doc/A/HRC/28/15/para/115.1/rec/1")
    assert graph.value(first, R2P.response) == Literal("supported")
    assert graph.value(first, R2P.responseStatedIn) == URIRef("https://example.org/r2p/doc/A/HRC/28/15/ADD.1/para/3")
    store.remove_document("A/HRC/28/15/Add.1")
    with (tmp_path / "after.nt").open("wb") as out:
        assert export(store, out, format="nt", base_iri="https://example.org/r2p/", since=added).documents == 0


def test_the_recommendations_page_filters_by_response(store: GraphStore, corpus: Path, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.settings import Settings

    _put(store, corpus, REPORT)
    _put(store, corpus, ADDENDUM)
    client = TestClient(create_app(Settings(store=tmp_path / "unused"), store=store, embedder=None),
                        raise_server_exceptions=False)
    every = client.get("/recommendations", params={"to": "Slovenia"})
    assert every.status_code == 200 and "/recommendations?to=Slovenia&amp;response=noted" in every.text
    noted = client.get("/recommendations", params={"to": "Slovenia", "response": "noted", "limit": 100})
    assert noted.status_code == 200 and "Recommendations to Slovenia, noted" in noted.text
    assert noted.text.count('<article class="rec">') == 21 and noted.text.count('<span class="tag">noted</span>') == 21
    assert noted.text.count("stated in A/HRC/28/15/Add.1") == 21
    assert client.get("/recommendations", params={"to": "Slovenia", "response": "maybe"}).status_code == 400
