"""What `Neo4jGraphStore` sends when it reads and searches, and how it reads the answers."""

from __future__ import annotations

import dataclasses

import pytest

from graph import neo4j_bulk as B
from graph import neo4j_queries as Q
from graph.errors import NotFound, StoreError
from graph.neo4j_rows import dumps
from graph.neo4j_store import Neo4jGraphStore
from graph.store import (
    ActorRecord,
    CitationLink,
    DocumentSummary,
    EvidenceRef,
    MechanismSummary,
    MechanismTrace,
    ParagraphFilter,
    RecommendationRecord,
    ScoredParagraph,
    SituationSummary,
    StoredDocument,
)
from ontology.model import Membership, Response
from tests.neo4j import sample
from tests.neo4j.recording import RecordingDriver, answers

KEY = "A/HRC/8/99"
NO_FILTER = {"paragraph_kind": None, "document_kind": None, "organ": None, "year_from": None, "year_to": None,
             "language": None, "symbol": None, "situation": None, "mechanism": None, "by": None, "to": None}


def store_with(table: dict[str, list[dict[str, object]]]) -> tuple[Neo4jGraphStore, RecordingDriver]:
    driver = RecordingDriver(answers(table))
    store = Neo4jGraphStore(driver, read_only=True)
    return store, driver


def sent(driver: RecordingDriver) -> list[tuple[str, dict[str, object]]]:
    assert all(t.mode == "read" for t in driver.transactions)
    return [(c.query, c.params) for c in driver.calls]


def document_row(sha: str = sample.SHA) -> dict[str, object]:
    return {"key": KEY, "document_json": dumps(sample.document(sha)), "facts_json": dumps(sample.facts()),
            "source_path": "in/x.pdf", "ingested_at": "2026-01-02T03:04:05+00:00"}


def test_get_document_gives_back_exactly_what_was_put() -> None:
    store, driver = store_with({Q.GET_DOCUMENT: [document_row()]})
    assert store.get_document("a/hrc/8/99/corr.9") == StoredDocument(
        sample.document(), sample.facts(), "in/x.pdf", "2026-01-02T03:04:05+00:00")
    assert sent(driver) == [(Q.GET_DOCUMENT, {"key": "A/HRC/8/99/CORR.9"})]
    assert store_with({})[0].get_document("S/1") is None


def test_hash_lookups() -> None:
    store, driver = store_with({Q.DOCUMENT_SHA256: [{"sha256": sample.SHA}], Q.FIND_BY_SHA256: [{"symbol": KEY}]})
    assert store.document_sha256("A/HRC/8/99 ") == sample.SHA
    assert store.find_by_sha256(sample.SHA) == KEY
    assert sent(driver) == [(Q.DOCUMENT_SHA256, {"key": KEY}), (Q.FIND_BY_SHA256, {"sha256": sample.SHA})]


def test_iter_documents_pages_by_key_each_page_its_own_transaction() -> None:
    pages = iter([[document_row()] * 100, [document_row()]])
    driver = RecordingDriver(lambda query, params: next(pages) if query == Q.ITER_DOCUMENTS else [])
    store = Neo4jGraphStore(driver, read_only=True)
    assert len(list(store.iter_documents(since="2026-01-01"))) == 101
    assert [c.params for c in driver.calls] == [{"after": "", "since": "2026-01-01", "limit": 100},
                                                {"after": KEY, "since": "2026-01-01", "limit": 100}]
    assert len(driver.transactions) == 2


def test_list_documents() -> None:
    row = {"symbol": KEY, "symbols": [KEY, "A/HRC/8/99/Corr.9"], "title": "Report", "date": "2008-05-23",
           "kind": "report", "organs": ["Human Rights Council"], "language": "en", "paragraphs": 5,
           "subtitle": "Report of the Special Rapporteur"}
    store, driver = store_with({Q.LIST_DOCUMENTS: [row]})
    assert store.list_documents(offset=10, limit=5) == [DocumentSummary(
        KEY, (KEY, "A/HRC/8/99/Corr.9"), "Report", "2008-05-23", "report", ("Human Rights Council",), "en", 5,
        "Report of the Special Rapporteur")]
    assert sent(driver) == [(Q.LIST_DOCUMENTS, {"offset": 10, "limit": 5})]


def test_trace_resolves_then_groups_evidence_by_mechanism() -> None:
    rows = [{"id": "mech/a", "name": "A", "type": "sanctions", "symbol": "S/RES/1", "date": "2005-01-01",
             "paragraph": "1", "page": 1},
            {"id": "mech/a", "name": "A", "type": "sanctions", "symbol": "S/RES/2", "date": "2007-01-01",
             "paragraph": "3", "page": 2},
            {"id": "mech/a", "name": "A", "type": "sanctions", "symbol": "S/RES/2", "date": "2007-01-01",
             "paragraph": "3", "page": 2},
            {"id": "mech/b", "name": "B", "type": "upr", "symbol": "A/HRC/1", "date": None, "paragraph": "p4",
             "page": 4}]
    table = {Q.SITUATION_BY_ACTOR: [{"id": "sit/SDN", "name": "Sudan"}], Q.TRACE: rows}
    store, driver = store_with(table)
    trace = store.trace(" Soudan ")
    assert sent(driver) == [(Q.RESOLVE_SITUATION, {"query": "Soudan", "key": "soudan"}),
                            (Q.SITUATION_BY_ACTOR, {"query": "Soudan", "key": "soudan"}),
                            (Q.TRACE, {"situation_id": "sit/SDN"})]
    assert (trace.situation, trace.situation_id) == ("Sudan", "sit/SDN")
    assert trace.mechanisms == (
        MechanismTrace("mech/a", "A", "sanctions", ("S/RES/1", "S/RES/2"), "2005-01-01", "2007-01-01",
                       (EvidenceRef("S/RES/1", "1", 1, "2005-01-01"), EvidenceRef("S/RES/2", "3", 2, "2007-01-01")), 2),
        MechanismTrace("mech/b", "B", "upr", ("A/HRC/1",), None, None, (EvidenceRef("A/HRC/1", "p4", 4, None),), 1))
    assert store_with({})[0].trace("Atlantis") is None


def test_recommendations_resolve_names_to_ids_first() -> None:
    row = {"symbol": KEY, "paragraph": "86.1", "text": "Ratify", "by": ["Chile", "Brazil"], "to": ["Xyzland"],
           "verb": "Ratify", "response": "accepted", "date": "2008-05-23", "page": 3, "themes": ["Treaties"]}
    table = {Q.RESOLVE_ACTORS: [{"id": "state/XYZ"}], Q.RECOMMENDATIONS: [row]}
    store, driver = store_with(table)
    found = store.recommendations(to="the Xyzland", by="Chile", theme="Treaties", mechanism="MXYZ",
                                  year_from=2008, offset=0, limit=10)
    assert found == [RecommendationRecord(KEY, "86.1", "Ratify", ("Chile", "Brazil"), ("Xyzland",), "Ratify",
                                          "accepted", "2008-05-23", 3, ("Treaties",))]
    assert sent(driver) == [
        (Q.RESOLVE_ACTORS, {"query": "Chile", "key": "chile"}),
        (Q.RESOLVE_MECHANISMS, {"query": "Chile", "key": "chile"}),
        (Q.RESOLVE_ACTORS, {"query": "the Xyzland", "key": "xyzland"}),
        (Q.RESOLVE_MECHANISMS, {"query": "MXYZ", "key": "mxyz"}),
        (Q.RECOMMENDATIONS, {"to": ["state/XYZ"], "by": ["state/XYZ", "Chile"], "theme": "treaties",
                             "mechanism": ["MXYZ"], "year_from": 2008, "year_to": None, "offset": 0,
                             "limit": 10}),
        (Q.ADDENDA_OF, {"keys": [KEY]})]  # no addendum answers: nothing more is asked


def _addendum_facts() -> str:
    responses = (Response(1, KEY, ("86.1",), "supported"), Response(2, KEY, ("2", "3"), "noted"))
    return dumps(dataclasses.replace(sample.facts(), responses=responses))


def test_recommendations_take_the_positions_their_addenda_state() -> None:
    rec = {"symbol": KEY, "paragraph": "86.1", "text": "Ratify", "by": ["Chile"], "to": ["Xyzland"],
           "verb": "Ratify", "response": "pending", "date": "2008-05-23", "page": 3, "themes": []}
    table = {Q.RECOMMENDATIONS: [rec, {**rec, "paragraph": "86.2"}, {**rec, "paragraph": "86.3", "response": None}],
             Q.ADDENDA_OF: [{"key": KEY + "/ADD.1", "symbol": KEY + "/Add.1", "facts_json": _addendum_facts()}],
             Q.PARAGRAPHS_AT: [{"index": 1, "label": "3", "key": "3", "page": 2},
                               {"index": 2, "label": "4", "key": "4", "page": 5}],
             Q.REPORT_RECOMMENDATIONS: [{"key": KEY, "label": "86.1", "response": "pending"},
                                        {"key": KEY, "label": "86.2", "response": "pending"},
                                        {"key": KEY, "label": "86.3", "response": "supported"}]}
    store, driver = store_with(table)
    found = {r.paragraph: (r.response, r.response_symbol, r.response_paragraph, r.response_page)
             for r in store.recommendations()}
    # 86.1 by its full number, 86.2 as the second pending one; 86.3 keeps what the report says
    assert found == {"86.1": ("supported", KEY + "/Add.1", "3", 2), "86.2": ("noted", KEY + "/Add.1", "4", 5),
                     "86.3": (None, None, None, None)}
    assert sent(driver)[1:] == [(Q.ADDENDA_OF, {"keys": [KEY]}),
                                (Q.PARAGRAPHS_AT, {"key": KEY + "/ADD.1", "indexes": [1, 2]}),
                                (Q.REPORT_RECOMMENDATIONS, {"keys": [KEY]})]


def test_recommendations_without_filters_send_nulls() -> None:
    store, driver = store_with({})
    assert store.recommendations() == []
    assert sent(driver) == [(Q.RECOMMENDATIONS, {"to": None, "by": None, "theme": None, "mechanism": None,
                                                 "year_from": None, "year_to": None, "offset": 0, "limit": 100})]


def test_cites_and_cited_by() -> None:
    link = {"citing_symbol": KEY, "cited_symbol": "A/RES/60/1", "paragraph": "12", "text": "resolution 60/1",
            "cited_in_store": False}
    table = {Q.DOCUMENT_KEY: [{"key": KEY, "symbol_keys": [KEY, "A/HRC/8/99/CORR.9"]}], Q.CITES: [link],
             Q.CITED_BY: [link | {"cited_in_store": True}]}
    store, driver = store_with(table)
    assert store.cites("A/HRC/8/99/Corr.9") == [CitationLink(KEY, "A/RES/60/1", "12", "resolution 60/1", False)]
    assert store.cited_by(KEY)[0].cited_in_store is True
    assert sent(driver) == [(Q.DOCUMENT_KEY, {"key": "A/HRC/8/99/CORR.9"}), (Q.CITES, {"key": KEY}),
                            (Q.DOCUMENT_KEY, {"key": KEY}), (Q.CITED_BY, {"keys": [KEY, "A/HRC/8/99/CORR.9"]})]


def test_cites_of_an_unknown_document_is_not_found_but_it_may_be_cited() -> None:
    store, driver = store_with({})
    with pytest.raises(NotFound, match="S/2099/1"):
        store.cites("S/2099/1")
    assert store.cited_by("s/2099/1") == []
    assert sent(driver)[-1] == (Q.CITED_BY, {"keys": ["S/2099/1"]})


def test_stats_counts_nodes_and_every_edge_type() -> None:
    counts = {"documents": 2, "paragraphs": 9, "footnotes": 1, "actors": 4, "situations": 1, "mechanisms": 1,
              "recommendations": 1, "riskfactors": 1, "cited_documents_not_stored": 3}
    edges = [{"type": "HAS_PARAGRAPH", "n": 9}, {"type": "CITES", "n": 2}]
    store, driver = store_with({Q.STATS: [counts], Q.EDGE_COUNTS: edges})
    assert store.stats() == {**counts, "edges_cites": 2, "edges_has_paragraph": 9, "edges": 11}
    assert sent(driver) == [(Q.STATS, {}), (Q.EDGE_COUNTS, {})]


def test_embeddings_by_hash() -> None:
    store, driver = store_with({Q.EMBEDDINGS_BY_HASH: [{"hash": "h1", "embedding": [1, 0.5]}]})
    assert store.embeddings_by_hash(["h2", "h1", "h1"]) == {"h1": [1.0, 0.5]}
    assert store.embeddings_by_hash([]) == {}
    assert sent(driver) == [(Q.EMBEDDINGS_BY_HASH, {"hashes": ["h1", "h2"]})]


def test_vector_search_uses_the_index_and_reports_cosine() -> None:
    store, driver = store_with({Q.VECTOR_SEARCH: [{"uid": f"{KEY}#12", "score": 0.9}]})
    vector = [0.1] * 384
    assert store.vector_search(vector, k=3) == [ScoredParagraph(f"{KEY}#12", pytest.approx(0.8))]
    assert sent(driver) == [(Q.VECTOR_SEARCH, {**NO_FILTER, "vector": vector, "k": 3, "candidates": 3})]
    with pytest.raises(StoreError, match="query vector has 2 dimensions"):
        store.vector_search([1.0, 0.0], k=3)


def test_filtered_vector_search_oversamples_then_ranks_exactly_when_short() -> None:
    table = {Q.RESOLVE_SITUATION: [{"id": "sit/XYZ", "name": "Xyzland"}], Q.RESOLVE_ACTORS: [{"id": "state/CHL"}],
             Q.VECTOR_SEARCH_EXACT: [{"uid": f"{KEY}#86.1", "score": 1.0}]}
    store, driver = store_with(table)
    vector = [0.1] * 384
    filters = ParagraphFilter(paragraph_kind="recommendation", organ="Human Rights Council", year_from=2008,
                              situation="Xyzland", by="Chile")
    assert store.vector_search(vector, k=5, filters=filters) == [ScoredParagraph(f"{KEY}#86.1", 1.0)]
    params = {**NO_FILTER, "paragraph_kind": "recommendation", "organ": "human rights council", "year_from": 2008,
              "situation": ["sit/XYZ"], "by": ["state/CHL", "Chile"], "vector": vector, "k": 5}
    assert sent(driver)[-2:] == [(Q.VECTOR_SEARCH, {**params, "candidates": 100}),
                                 (Q.VECTOR_SEARCH_EXACT, params)]


def test_text_search_sends_words_only_and_finds_citers_of_a_symbol_first() -> None:
    table = {Q.TEXT_BY_CITATION: [{"uid": f"{KEY}#12"}],
             Q.TEXT_SEARCH: [{"uid": f"{KEY}#12", "score": 3.5}, {"uid": f"{KEY}#p4", "score": 1.25}]}
    store, driver = store_with(table)
    assert store.text_search("A/RES/60/1", k=5) == [ScoredParagraph(f"{KEY}#12", 1000.0),
                                                    ScoredParagraph(f"{KEY}#p4", 1.25)]
    assert sent(driver) == [(Q.TEXT_BY_CITATION, {**NO_FILTER, "keys": ["A/RES/60/1"], "k": 5}),
                            (Q.TEXT_SEARCH, {**NO_FILTER, "query": "a res 60 1", "k": 5})]
    driver.reset()
    store.text_search('protection AND "civilians" OR title:x~2', k=2, filters=ParagraphFilter(language="en"))
    assert sent(driver) == [(Q.TEXT_SEARCH, {**NO_FILTER, "language": "en",
                                             "query": "protection and civilians or title x 2", "k": 2})]
    assert store.text_search("  ", k=2) == [] and store.text_search("x", k=0) == []


def test_citing_paragraphs_sends_the_symbol_keys_once_without_filters() -> None:
    store, driver = store_with({Q.TEXT_BY_CITATION: [{"uid": f"{KEY}#12"}, {"uid": f"{KEY}#13"}]})
    assert store.citing_paragraphs(["s/res/1591 (2005)", "S/RES/1591(2005)", "A/RES/60/1"], k=50) == [
        f"{KEY}#12", f"{KEY}#13"]
    assert sent(driver) == [(Q.TEXT_BY_CITATION, {**NO_FILTER, "keys": ["A/RES/60/1", "S/RES/1591(2005)"], "k": 50})]
    driver.reset()
    assert store.citing_paragraphs([], k=5) == [] and store.citing_paragraphs(["A/RES/60/1"], k=0) == []
    assert driver.calls == []


def test_symbols_starting_sends_the_prefix_as_a_symbol_key() -> None:
    store, driver = store_with({Q.SYMBOLS_STARTING: [{"key": "S/RES/1325(2000)"}]})
    assert store.symbols_starting("s/res/1325 (", k=2) == ["S/RES/1325(2000)"]
    assert sent(driver) == [(Q.SYMBOLS_STARTING, {"prefix": "S/RES/1325(", "k": 2})]
    driver.reset()
    assert store.symbols_starting(" ", k=2) == [] and store.symbols_starting("S/", k=0) == [] and driver.calls == []


def test_a_store_closes_only_the_driver_it_opened() -> None:
    driver = RecordingDriver()
    Neo4jGraphStore(driver, read_only=True).close()
    assert driver.closed is False


def test_every_statement_of_the_module_is_sent_by_some_public_method() -> None:
    outline = {"key": KEY, "symbols": [KEY], "title": None, "date": None, "language": None, "organs": None,
               "kind": "report", "pages": 1, "sha256": "b" * 64, "facts_json": dumps(sample.facts()),
               "source_path": None, "ingested_at": None, "paragraph_count": 0, "subtitle": None}
    state = {"sha256": "b" * 64, "document_json": dumps(sample.document("b" * 64)),
             "facts_json": dumps(sample.facts()), "symbol_keys": [KEY]}
    table = {Q.DOCUMENT_STATE: [state], Q.DOCUMENT_KEY: [{"key": KEY, "symbol_keys": [KEY]}],
             Q.STATS: [{"documents": 1}], Q.RESOLVE_SITUATION: [{"id": "sit/XYZ", "name": "Xyzland"}],
             B.OUTLINE_DOCUMENTS: [outline],
             Q.RECOMMENDATIONS: [{"symbol": KEY, "paragraph": "1", "text": "t", "by": [], "to": [], "verb": None,
                                  "response": None, "date": None, "page": 1, "themes": []}],
             Q.ADDENDA_OF: [{"key": KEY, "symbol": KEY, "facts_json": _addendum_facts()}]}
    driver = RecordingDriver(answers(table))
    store = Neo4jGraphStore(driver)
    store.put_document(sample.document(), sample.facts())
    relations = (sample.Relation("revises", "A/HRC/8/97"), sample.Relation("addendum_to", "A/HRC/8/96"))
    member = (Membership("state/XYZ", "un/HRC", "text", 1),)
    store.put_document(sample.document(), dataclasses.replace(sample.facts(), relations=relations, memberships=member))
    store.remove_document(KEY)
    store.document_sha256(KEY), store.find_by_sha256("x"), store.get_document(KEY), list(store.iter_documents())
    store.list_documents(), store.trace("Xyzland"), store.recommendations(by="Chile", mechanism="MXYZ")
    store.cites(KEY), store.cited_by(KEY), store.stats(), store.embeddings_by_hash(["h"])
    store.vector_search([0.0] * 384, k=1, filters=ParagraphFilter(language="en"))
    store.text_search("A/RES/60/1", k=2), store.symbols_starting("A/RES/", k=2)
    store.list_situations(), store.list_mechanisms(), store.get_actor("state/XYZ"), store.generation()
    list(store.iter_document_outlines()), list(store.iter_paragraph_vectors())
    alias, other = store_with({})
    alias.trace("Soudan")  # no situation of that name: the country alias is tried
    sent_queries = {c.query for c in driver.calls + other.calls}
    assert {name for name, q in Q.all_queries().items() if q not in sent_queries} == set()


def test_the_store_is_a_graph_store() -> None:
    from graph.store import GraphStore

    assert isinstance(Neo4jGraphStore(RecordingDriver(), read_only=True), GraphStore)


def test_the_factory_opens_a_neo4j_store_with_its_own_driver() -> None:
    from graph.factory import open_store

    store = open_store(backend="neo4j", uri="neo4j://localhost:7687", user="neo4j", password="secret",
                       database="r2p", read_only=True)
    assert isinstance(store, Neo4jGraphStore)
    store.close()  # no server needed: the driver connects lazily, and is closed with the store


def test_trace_keeps_the_newest_evidence_per_mechanism_and_counts_all() -> None:
    rows = [{"id": "mech/a", "name": "A", "type": "sanctions", "symbol": f"S/RES/{n}", "date": f"{1990 + n}-01-01",
             "paragraph": "1", "page": 1} for n in range(25)]
    table = {Q.RESOLVE_SITUATION: [{"id": "sit/SDN", "name": "Sudan"}], Q.TRACE: rows}
    store, _driver = store_with(table)
    (panel,) = store.trace("sit/SDN").mechanisms
    assert panel.evidence_count == 25 and len(panel.documents) == 25
    assert (panel.first_date, panel.last_date) == ("1990-01-01", "2014-01-01")
    assert [e.symbol for e in panel.evidence] == [f"S/RES/{n}" for n in range(5, 25)]
    (whole,) = store.trace("sit/SDN", evidence_limit=None).mechanisms
    assert [e.symbol for e in whole.evidence] == [f"S/RES/{n}" for n in range(25)]


def test_list_situations_sends_one_paged_query_and_reads_the_counts() -> None:
    rows = [{"id": "sit/SDN", "name": "Sudan", "iso3": "SDN", "documents": 3, "mechanisms": 2}]
    store, driver = store_with({Q.LIST_SITUATIONS: rows})
    assert store.list_situations(offset=5, limit=10) == [SituationSummary("sit/SDN", "Sudan", "SDN", 3, 2)]
    assert sent(driver) == [(Q.LIST_SITUATIONS, {"offset": 5, "limit": 10})]
    assert store.list_situations(offset=-1) == [] and store.list_situations(limit=0) == []
    assert len(driver.calls) == 1


def test_list_mechanisms_passes_the_type_or_null() -> None:
    rows = [{"id": "mech/upr", "name": "Universal Periodic Review", "type": "upr", "acronym": "UPR",
             "situations": 4, "documents": 9}]
    store, driver = store_with({Q.LIST_MECHANISMS: rows})
    assert store.list_mechanisms(type="upr", offset=0, limit=20) == [
        MechanismSummary("mech/upr", "Universal Periodic Review", "upr", "UPR", 4, 9)]
    store.list_mechanisms()
    assert sent(driver) == [(Q.LIST_MECHANISMS, {"type": "upr", "offset": 0, "limit": 20}),
                            (Q.LIST_MECHANISMS, {"type": None, "offset": 0, "limit": 50})]


def test_get_actor_by_id_then_by_name() -> None:
    row = {"id": "state/SDN", "name": "Sudan", "kind": "state", "iso3": "SDN", "m49": "729",
           "aliases": ["the Sudan"], "made": 0, "received": 4, "documents": 3, "member_of": ["org/AU", "org/IGAD"],
           "members": []}

    def answer(query: str, params: dict[str, object]) -> list[dict[str, object]]:
        if query == Q.RESOLVE_ACTORS:
            return [{"id": "state/SDN"}]
        return [row] if query == Q.GET_ACTOR and params["id"] == "state/SDN" else []

    driver = RecordingDriver(answer)
    store = Neo4jGraphStore(driver, read_only=True)
    assert store.get_actor("the Sudan") == ActorRecord("state/SDN", "Sudan", "state", "SDN", "729", ("the Sudan",),
                                                       recommendations_by=0, recommendations_to=4, documents=3,
                                                       member_of=("org/AU", "org/IGAD"))
    assert [(c.query, c.params) for c in driver.calls] == [
        (Q.GET_ACTOR, {"id": "the Sudan"}), (Q.RESOLVE_ACTORS, {"query": "the Sudan", "key": "sudan"}),
        (Q.GET_ACTOR, {"id": "state/SDN"})]
    nobody, _ = store_with({})
    assert nobody.get_actor("state/XXX") is None


def test_generation_reads_the_write_counter() -> None:
    store, driver = store_with({Q.GENERATION: [{"generation": 7}]})
    assert store.generation() == "7"
    assert sent(driver) == [(Q.GENERATION, {"name": "generation"})]
    empty, _ = store_with({Q.GENERATION: [{"generation": None}]})
    assert empty.generation() == "0"
