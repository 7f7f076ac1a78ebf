"""A real UPR Working Group report from the corpus, parsed and linked, as the Neo4j backend writes it.

The statements and parameter rows must be what a Neo4j server accepts: one write transaction, every
``$parameter`` supplied, property values Neo4j can store (no maps, no nulls inside lists, lists of
one type), and rows that keep every paragraph, recommendation and provenance link of the document.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from graph import neo4j_queries as Q
from graph.codec import document_from_json, facts_from_json
from graph.neo4j_store import Neo4jGraphStore
from graph.store import StoredDocument
from ingest.link import link
from ingest.pipeline import parse
from ontology.model import DocumentFacts, ParsedDocument
from tests.neo4j.recording import RecordingDriver, answers

KEY = "A/HRC/8/39"


@pytest.fixture(scope="module")
def benin(corpus: Path) -> tuple[ParsedDocument, DocumentFacts]:
    document = parse(corpus / "upr-cycle1" / "pdfs" / "benin2008.pdf")
    return document, link(document)


@pytest.fixture(scope="module")
def written(benin: tuple[ParsedDocument, DocumentFacts]) -> dict[str, dict[str, Any]]:
    document, facts = benin
    driver = RecordingDriver()
    store = Neo4jGraphStore(driver, clock=lambda: "2026-01-02T03:04:05+00:00")
    driver.reset()
    embeddings = {i: [float(i % 7) / 7.0] * 384 for i in range(0, len(document.paragraphs), 3)}
    assert store.put_document(document, facts, embeddings=embeddings).status == "added"
    [tx] = driver.transactions
    assert tx.mode == "write"
    assert [c.query for c in tx.calls].count(Q.CREATE_PARAGRAPHS) == 1
    return {c.query: c.params for c in tx.calls}


def _storable(value: Any) -> bool:
    """A value Neo4j keeps as a property: a primitive, or a list of one primitive type without nulls."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return True
    if isinstance(value, list):
        kinds = {type(v) for v in value}
        return None not in value and len(kinds) <= 1 and all(_storable(v) for v in value)
    return False


def test_document_node_properties_are_storable_and_round_trip(
        benin: tuple[ParsedDocument, DocumentFacts], written: dict[str, dict[str, Any]]) -> None:
    document, facts = benin
    props = written[Q.CREATE_DOCUMENT]["props"]
    assert all(_storable(v) for v in props.values())
    assert (props["key"], props["kind"], props["paragraph_count"]) == (KEY, document.kind.value,
                                                                       len(document.paragraphs))
    assert document_from_json(json.loads(props["document_json"])) == document
    assert facts_from_json(json.loads(props["facts_json"])) == facts
    row = {"document_json": props["document_json"], "facts_json": props["facts_json"], "source_path": None,
           "ingested_at": props["ingested_at"]}
    reader = Neo4jGraphStore(RecordingDriver(answers({Q.GET_DOCUMENT: [row]})), read_only=True)
    assert reader.get_document(KEY) == StoredDocument(document, facts, None, "2026-01-02T03:04:05+00:00")


def test_every_paragraph_is_one_storable_row(benin: tuple[ParsedDocument, DocumentFacts],
                                             written: dict[str, dict[str, Any]]) -> None:
    document, _ = benin
    rows = written[Q.CREATE_PARAGRAPHS]["rows"]
    assert [r["uid"] for r in rows] == [f"{KEY}#{p.key}" for p in document.paragraphs]
    assert len({r["uid"] for r in rows}) == len(rows)
    assert [r["text"] for r in rows] == [p.text for p in document.paragraphs]
    assert all(_storable(v) for r in rows for v in r.values())
    assert sum(r["embedding"] is not None for r in rows) == len(range(0, len(rows), 3))
    assert sum(r["is_recommendation"] for r in rows) == len({r.paragraph_index for r in benin[1].recommendations})


def test_recommendations_keep_who_recommended_what_to_whom(benin: tuple[ParsedDocument, DocumentFacts],
                                                           written: dict[str, dict[str, Any]]) -> None:
    document, facts = benin
    recs = written[Q.CREATE_RECOMMENDATIONS]["rows"]
    assert len(recs) == len(facts.recommendations) >= 34
    labels = {f"{KEY}#{p.key}": p.label for p in document.paragraphs}
    assert all(labels[r["paragraph"]] and labels[r["paragraph"]].startswith("56") for r in recs)
    assert all(_storable(v) for r in recs for v in r.values())
    by = written[Q.CREATE_RECOMMENDED_BY]["rows"]
    assert len(by) == sum(len(r.by) for r in facts.recommendations)
    assert {r["entity"] for r in written[Q.CREATE_ADDRESSED_TO]["rows"]} == {"state/BEN"}
    defined = {a["id"] for a in written[Q.MERGE_ACTORS]["rows"]}
    assert {r["entity"] for r in by} <= defined | {m.id for m in facts.mechanisms}


def test_mentions_and_coverage_point_at_real_paragraphs(benin: tuple[ParsedDocument, DocumentFacts],
                                                        written: dict[str, dict[str, Any]]) -> None:
    document, facts = benin
    uids = {f"{KEY}#{p.key}" for p in document.paragraphs}
    mentions = written[Q.CREATE_MENTIONS]["rows"]
    assert len(mentions) == len(facts.mentions) and {m["paragraph"] for m in mentions} <= uids
    covers = written[Q.CREATE_COVERS]["rows"]
    assert len(covers) == len(facts.coverage) and {c["paragraph"] for c in covers} <= uids
    assert all(c["date"] for c in covers)
    cites = written[Q.CREATE_CITES]["rows"]
    assert len(cites) == len(document.citations)
