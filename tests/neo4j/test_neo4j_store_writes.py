"""What `Neo4jGraphStore` sends when it opens and when it writes: exact statements and parameters."""

from __future__ import annotations

import dataclasses
import json

import pytest

from graph import neo4j_queries as Q
from graph.codec import document_from_json, facts_from_json
from graph.errors import BadDocument, StoreError
from graph.neo4j_rows import dumps
from graph.neo4j_store import Neo4jGraphStore
from graph.store import text_hash
from ontology.model import Actor, ActorKind, DocumentFacts, Membership
from tests.neo4j import sample
from tests.neo4j.recording import RecordingDriver, answers

NOW = "2026-01-02T03:04:05+00:00"
KEY = "A/HRC/8/99"


def open_store(driver: RecordingDriver, **kwargs: object) -> Neo4jGraphStore:
    store = Neo4jGraphStore(driver, database="r2p", clock=lambda: NOW, **kwargs)
    driver.reset()
    return store


def stored_state(sha256: str, vectors: dict[int, str] | None = None) -> dict[str, list[dict[str, object]]]:
    """What DOCUMENT_STATE answers when the sample document is already stored with this hash
    (and with vectors under the keys ``vectors`` gives by paragraph index; none by default)."""
    row = {"sha256": sha256, "document_json": dumps(sample.document(sha256)),
           "facts_json": dumps(sample.facts()), "symbol_keys": [KEY, "A/HRC/8/99/CORR.9"],
           "ingested_at": "2025-12-01T00:00:00+00:00",
           "vectors": [[i, (vectors or {}).get(i, "h"), i in (vectors or {})] for i in reversed(range(5))]}
    return {Q.DOCUMENT_STATE: [row]}


def test_opening_creates_every_constraint_and_index_idempotently() -> None:
    driver = RecordingDriver(answers({Q.VECTOR_INDEX_DIMENSIONS: [{"dimensions": 384}]}))
    Neo4jGraphStore(driver, database="r2p")
    writes = [t for t in driver.transactions if t.mode == "write"]
    schema, fill = writes[:-1], writes[-1]
    assert [t.queries for t in schema] == [[q] for q in Q.SCHEMA] + [[Q.CREATE_VECTOR_INDEX]]
    assert all("IF NOT EXISTS" in t.queries[0] for t in schema)
    assert schema[-1].calls[0].params == {"dimensions": 384}
    reads = [t for t in driver.transactions if t.mode == "read"]
    assert [(t.queries, t.calls[0].params) for t in reads] == [
        ([Q.AWAIT_INDEXES], {"seconds": 300}), ([Q.VECTOR_INDEX_DIMENSIONS], {"name": "paragraph_embedding"}),
        ([Q.SUBTITLES_FILLED], {"name": "subtitles"}), ([Q.SUBTITLES_TO_FILL], {"marker": '"subtitle":"'})]
    # a new store has no document to fill: it only records that the subtitles are properties now
    assert (fill.queries, fill.calls[0].params) == ([Q.FILL_SUBTITLES], {"rows": [], "name": "subtitles",
                                                                          "value": "filled"})
    assert {t.database for t in driver.transactions} == {"r2p"}


def test_a_store_written_before_subtitles_were_properties_fills_them_from_the_stored_json_once() -> None:
    with_subtitle = dumps(dataclasses.replace(sample.document(), subtitle="Report of the Special Rapporteur"))
    driver = RecordingDriver(answers({Q.VECTOR_INDEX_DIMENSIONS: [{"dimensions": 384}],
                                      Q.SUBTITLES_TO_FILL: [{"key": KEY, "document_json": with_subtitle}]}))
    Neo4jGraphStore(driver)
    (fill,) = [c for t in driver.transactions for c in t.calls if c.query == Q.FILL_SUBTITLES]
    assert fill.params["rows"] == [{"key": KEY, "subtitle": "Report of the Special Rapporteur"}]
    filled = RecordingDriver(answers({Q.VECTOR_INDEX_DIMENSIONS: [{"dimensions": 384}],
                                      Q.SUBTITLES_FILLED: [{"value": "filled"}]}))
    Neo4jGraphStore(filled)
    assert not [c for t in filled.transactions for c in t.calls
                if c.query in (Q.SUBTITLES_TO_FILL, Q.FILL_SUBTITLES)]


def test_a_vector_index_of_another_dimension_is_refused() -> None:
    driver = RecordingDriver(answers({Q.VECTOR_INDEX_DIMENSIONS: [{"dimensions": 768}]}))
    with pytest.raises(StoreError, match="768-dimension vectors, the embedder gives 384"):
        Neo4jGraphStore(driver)


def test_read_only_store_sends_no_schema_and_refuses_writes() -> None:
    driver = RecordingDriver()
    store = Neo4jGraphStore(driver, read_only=True)
    assert driver.transactions == []
    with pytest.raises(StoreError, match="read-only"):
        store.put_document(sample.document(), sample.facts())
    with pytest.raises(StoreError, match="read-only"):
        store.remove_document(KEY)
    assert driver.transactions == []


def test_new_document_is_written_in_one_write_transaction() -> None:
    driver = RecordingDriver()
    store = open_store(driver)
    vector = [0.25] * 384
    result = store.put_document(sample.document(), sample.facts(), embeddings={2: vector}, source_path="in/x.pdf")
    assert result == dataclasses.replace(result, symbol=KEY, status="added", paragraphs=5, entities=6,
                                         recommendations=1)
    [tx] = driver.transactions
    assert tx.mode == "write" and tx.database == "r2p"
    assert tx.queries == [
        Q.DOCUMENT_STATE, Q.CREATE_DOCUMENT, Q.CREATE_PARAGRAPHS, Q.LINK_SUBPARAGRAPHS, Q.CREATE_FOOTNOTES,
        Q.LINK_FOOTNOTES, Q.MERGE_ACTORS, Q.MERGE_SITUATIONS, Q.MERGE_MECHANISMS, Q.MERGE_RISK_FACTORS,
        Q.CREATE_ISSUED_BY, Q.CREATE_CONCERNS, Q.CREATE_MENTIONS, Q.CREATE_COVERS, Q.CREATE_ESTABLISHED_BY,
        Q.CREATE_TAGGED, Q.CREATE_RECOMMENDATIONS, Q.CREATE_RECOMMENDED_BY, Q.CREATE_ADDRESSED_TO,
        Q.CREATE_RECOMMENDATION_CONCERNS, Q.CREATE_CITES, Q.CREATE_RELATIONS["corrects"], Q.BUMP_GENERATION,
    ]
    sent = {c.query: c.params for c in tx.calls}
    assert sent[Q.DOCUMENT_STATE] == {"key": KEY}
    assert sent[Q.BUMP_GENERATION] == {"name": "generation"}
    document = sent[Q.CREATE_DOCUMENT]
    assert document["symbols"] == [{"key": KEY, "symbol": "A/HRC/8/99", "position": 0},
                                   {"key": "A/HRC/8/99/CORR.9", "symbol": "A/HRC/8/99/Corr.9", "position": 1}]
    props = document["props"]
    assert {k: props[k] for k in ("key", "symbol", "sha256", "date", "year", "kind", "organs", "language",
                                  "pages", "paragraph_count", "source_path", "ingested_at")} == {
        "key": KEY, "symbol": "A/HRC/8/99", "sha256": sample.SHA, "date": "2008-05-23", "year": 2008,
        "kind": "report", "organs": ["Human Rights Council"], "language": "en", "pages": 4,
        "paragraph_count": 5, "source_path": "in/x.pdf", "ingested_at": NOW}
    assert document_from_json(json.loads(props["document_json"])) == sample.document()
    assert facts_from_json(json.loads(props["facts_json"])) == sample.facts()

    paragraphs = sent[Q.CREATE_PARAGRAPHS]
    assert paragraphs["key"] == KEY
    assert [r["uid"] for r in paragraphs["rows"]] == [f"{KEY}#p0", f"{KEY}#12", f"{KEY}#86.1", f"{KEY}#86.1/a",
                                                      f"{KEY}#p4"]
    row = paragraphs["rows"][2]
    assert row == {"doc": KEY, "symbol": "A/HRC/8/99", "document_kind": "report",
                   "organ_keys": ["human rights council"], "year": 2008, "language": "en",
                   "uid": f"{KEY}#86.1", "index": 2, "key": "86.1", "label": "86.1", "kind": "numbered",
                   "text": sample.document().paragraphs[2].text, "page": 3,
                   "section": "II. Conclusions and/or recommendations", "parent": None, "verb": None,
                   "footnotes": [], "text_hash": text_hash(sample.document().paragraphs[2].text),
                   "embedding": vector, "is_recommendation": True, "by_ids": ["state/BRA", "state/CHL"],
                   "to_ids": ["state/XYZ"], "situation_ids": ["sit/XYZ"], "mechanism_ids": []}
    assert paragraphs["rows"][4]["mechanism_ids"] == ["mech/mxyz"]  # mentioned and covering there
    assert [r["embedding"] for r in paragraphs["rows"]].count(None) == 4
    assert sent[Q.LINK_SUBPARAGRAPHS] == {"rows": [{"child": f"{KEY}#86.1/a", "parent": f"{KEY}#86.1"}]}
    assert sent[Q.LINK_FOOTNOTES] == {"rows": [{"paragraph": f"{KEY}#12", "footnote": f"{KEY}#fn1"}]}


def test_facts_become_parameter_rows_with_provenance() -> None:
    driver = RecordingDriver()
    open_store(driver).put_document(sample.document(), sample.facts())
    sent = {c.query: c.params for c in driver.transactions[0].calls}
    xyz = sent[Q.MERGE_ACTORS]["rows"][1]
    assert xyz == {"id": "state/XYZ", "name": "Xyzland", "kind": "state", "iso3": "XYZ", "m49": "999",
                   "aliases": ["the Xyzland"], "match_keys": ["state/xyz", "xyz", "xyzland"]}
    assert sent[Q.MERGE_RISK_FACTORS] == {"ids": ["RF1"]}
    assert sent[Q.CREATE_ISSUED_BY] == {"key": KEY, "rows": [{"id": "un/HRC", "position": 0}]}
    assert sent[Q.CREATE_RECOMMENDATIONS]["rows"] == [{
        "uid": f"{KEY}#rec0", "doc": KEY, "symbol": "A/HRC/8/99", "position": 0, "paragraph": f"{KEY}#86.1",
        "text": "Ratify the optional protocol on communications", "verb": "Ratify", "response": "accepted",
        "themes": ["International instruments"], "by_ids": ["state/CHL", "state/BRA"], "to_ids": ["state/XYZ"],
        "situation_ids": ["sit/XYZ"], "mechanism_ids": [], "date": "2008-05-23", "year": 2008}]
    assert sent[Q.CREATE_RECOMMENDED_BY]["rows"] == [
        {"recommendation": f"{KEY}#rec0", "entity": "state/CHL", "position": 0},
        {"recommendation": f"{KEY}#rec0", "entity": "state/BRA", "position": 1}]
    assert sent[Q.CREATE_COVERS]["rows"] == [{"mechanism": "mech/mxyz", "situation": "sit/XYZ", "doc": KEY,
                                             "symbol": "A/HRC/8/99", "paragraph": f"{KEY}#p4",
                                             "date": "2008-05-01"}]
    assert sent[Q.CREATE_ESTABLISHED_BY]["rows"] == [{"mechanism": "mech/mxyz", "key": "S/RES/9999(2008)",
                                                     "symbol": "S/RES/9999 (2008)", "doc": KEY,
                                                     "paragraph": None, "action": "established"}]
    assert sent[Q.CREATE_TAGGED]["rows"] == [{"paragraph": f"{KEY}#p4", "factor": "RF1", "confidence": 0.75,
                                             "method": "lexicon-v1"}]
    cites = sent[Q.CREATE_CITES]["rows"]
    assert [(c["paragraph"], c["label"], c["key"], c["footnote"], c["pinpoint"]) for c in cites] == [
        (f"{KEY}#12", "12", "A/RES/60/1", None, "138"), (None, None, "A/RES/60/1", "1", None)]
    assert sent[Q.CREATE_RELATIONS["corrects"]] == {"key": KEY, "rows": [{"key": "A/HRC/8/98",
                                                                          "symbol": "A/HRC/8/98"}]}


def _with_memberships() -> DocumentFacts:
    """The sample facts with the Council's parent organ (vocabulary) and a membership read in paragraph 12."""
    facts = sample.facts()
    assembly = Actor("un/GA", "General Assembly", ActorKind.UN_ENTITY)
    return dataclasses.replace(facts, actors=(*facts.actors, assembly), memberships=(
        Membership("un/HRC", "un/GA"), Membership("state/XYZ", "un/HRC", "text", 1)))


def test_memberships_are_written_after_the_actors_with_their_provenance() -> None:
    driver = RecordingDriver()
    open_store(driver).put_document(sample.document(), _with_memberships())
    [tx] = driver.transactions
    assert tx.queries.index(Q.MERGE_ACTORS) < tx.queries.index(Q.CREATE_MEMBER_OF) < tx.queries.index(
        Q.BUMP_GENERATION)
    sent = {c.query: c.params for c in tx.calls}
    assert sent[Q.CREATE_MEMBER_OF] == {"rows": [
        {"member": "un/HRC", "organization": "un/GA", "doc": KEY, "source": "vocabulary", "paragraph": None},
        {"member": "state/XYZ", "organization": "un/HRC", "doc": KEY, "source": "text", "paragraph": f"{KEY}#12"}]}
    assert "un/GA" in [r["id"] for r in sent[Q.MERGE_ACTORS]["rows"]]
    assert facts_from_json(json.loads(sent[Q.CREATE_DOCUMENT]["props"]["facts_json"])) == _with_memberships()


def test_memberships_that_do_not_hold_together_are_refused_before_anything_is_sent() -> None:
    driver = RecordingDriver()
    store = open_store(driver)
    loose = dataclasses.replace(sample.facts(), memberships=(Membership("un/HRC", "un/GA"),))
    with pytest.raises(BadDocument, match=r"membership un/HRC -> un/GA refers to actors without a definition"):
        store.put_document(sample.document(), loose)
    unsourced = dataclasses.replace(sample.facts(), memberships=(Membership("state/XYZ", "un/HRC", "text"),))
    with pytest.raises(BadDocument, match="read from 'text' names no paragraph"):
        store.put_document(sample.document(), unsourced)
    assert driver.transactions == []


def test_a_changed_document_replaces_the_old_one_in_the_same_transaction() -> None:
    driver = RecordingDriver(answers(stored_state("b" * 64)))
    result = open_store(driver).put_document(sample.document(), sample.facts())
    assert result.status == "replaced"
    [tx] = driver.transactions
    deletes = [Q.DELETE_COVERS, Q.DELETE_ESTABLISHED_BY, Q.DELETE_MEMBER_OF, Q.DELETE_RECOMMENDATIONS,
               Q.DELETE_PARAGRAPHS, Q.DELETE_FOOTNOTES, Q.DELETE_DOCUMENT]
    assert tx.queries[:8] == [Q.DOCUMENT_STATE, *deletes]
    assert all(c.params == {"key": KEY} for c in tx.calls[1:8])
    assert tx.queries[8] == Q.CREATE_DOCUMENT
    assert tx.queries[-3:] == [Q.DELETE_ORPHAN_ENTITIES, Q.DELETE_ORPHAN_SYMBOLS, Q.BUMP_GENERATION]
    assert tx.calls[-3].params == {"ids": ["RF1", "mech/mxyz", "sit/XYZ", "state/BRA", "state/CHL", "state/XYZ",
                                           "un/HRC"]}
    assert tx.calls[-2].params == {"keys": ["A/HRC/8/98", KEY, "A/HRC/8/99/CORR.9", "A/RES/60/1",
                                            "S/RES/9999(2008)"]}


def test_an_unchanged_document_is_a_no_op() -> None:
    driver = RecordingDriver(answers(stored_state(sample.SHA)))
    result = open_store(driver).put_document(sample.document(), sample.facts())
    assert (result.status, result.paragraphs) == ("unchanged", 5)
    assert [t.queries for t in driver.transactions] == [[Q.DOCUMENT_STATE]]


def test_same_document_with_other_vectors_is_replaced_and_keeps_its_ingestion_time() -> None:
    driver = RecordingDriver(answers(stored_state(sample.SHA, {2: "old-model-key"})))
    store = open_store(driver)
    vector = [0.5] * 384
    assert store.put_document(sample.document(), sample.facts(), embeddings={2: vector},
                              embedding_keys={2: "old-model-key"}).status == "unchanged"
    result = store.put_document(sample.document(), sample.facts(), embeddings={2: vector},
                                embedding_keys={2: "new-model-key"})
    assert result.status == "replaced"
    tx = driver.transactions[-1]
    sent = {c.query: c.params for c in tx.calls}
    assert sent[Q.CREATE_DOCUMENT]["props"]["ingested_at"] == "2025-12-01T00:00:00+00:00"
    assert sent[Q.CREATE_PARAGRAPHS]["rows"][2]["text_hash"] == "new-model-key"
    assert tx.queries[-1] == Q.BUMP_GENERATION


def test_same_file_with_better_facts_is_replaced() -> None:
    driver = RecordingDriver(answers(stored_state(sample.SHA)))
    relinked = dataclasses.replace(sample.facts(), warnings=())
    assert open_store(driver).put_document(sample.document(), relinked).status == "replaced"


def test_facts_pointing_past_the_last_paragraph_are_refused_before_anything_is_sent() -> None:
    driver = RecordingDriver()
    store = open_store(driver)
    bad = dataclasses.replace(sample.facts(), risk_tags=(sample.RiskTag(9, "RF2", 0.5, "lexicon-v1"),))
    with pytest.raises(BadDocument, match=r"A/HRC/8/99 \(tests/sample/upr-report.pdf\): facts refer to paragraph index 9"):
        store.put_document(sample.document(), bad)
    with pytest.raises(BadDocument, match="embedding for paragraph 1"):
        store.put_document(sample.document(), sample.facts(), embeddings={1: [0.0] * 3})
    assert driver.transactions == []


def test_remove_deletes_the_document_and_what_only_it_supported() -> None:
    table = stored_state(sample.SHA) | {Q.DOCUMENT_KEY: [{"key": KEY, "symbol_keys": [KEY]}]}
    driver = RecordingDriver(answers(table))
    assert open_store(driver).remove_document("a/hrc/8/99/corr.9") is True
    [tx] = driver.transactions
    assert tx.mode == "write"
    assert tx.queries == [Q.DOCUMENT_KEY, Q.DOCUMENT_STATE, Q.DELETE_COVERS, Q.DELETE_ESTABLISHED_BY,
                          Q.DELETE_MEMBER_OF, Q.DELETE_RECOMMENDATIONS,
                          Q.DELETE_PARAGRAPHS, Q.DELETE_FOOTNOTES, Q.DELETE_DOCUMENT, Q.DELETE_ORPHAN_ENTITIES,
                          Q.DELETE_ORPHAN_SYMBOLS, Q.BUMP_GENERATION]
    assert tx.calls[0].params == {"key": "A/HRC/8/99/CORR.9"}


def test_removing_an_unknown_document_answers_false_and_deletes_nothing() -> None:
    driver = RecordingDriver()
    assert open_store(driver).remove_document("S/2099/1") is False
    assert [t.queries for t in driver.transactions] == [[Q.DOCUMENT_KEY]]


def test_a_statement_refused_by_the_server_rolls_the_whole_document_back() -> None:
    from neo4j.exceptions import ClientError

    def answer(query: str, params: dict[str, object]) -> list[dict[str, object]]:
        if query == Q.CREATE_CITES:
            raise ClientError("Neo.ClientError.Schema.ConstraintValidationFailed")
        return []

    driver = RecordingDriver(answer)
    store = open_store(driver)
    with pytest.raises(StoreError, match="A/HRC/8/99: .* rolled back, the stored version is unchanged"):
        store.put_document(sample.document(), sample.facts())
    assert driver.transactions == []  # the transaction function never returned: nothing was committed
