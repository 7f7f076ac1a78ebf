"""The Neo4j bulk reads (search's catalogue and vector matrix): the statements and keyset parameters
sent page by page, and how the rows become documents, paragraphs and vectors.

The answers come from the properties ``write_plan`` stores (the Document ``props`` and the
Paragraph ``rows``), filtered, ordered and cut as each statement's WHERE / ORDER BY / LIMIT say and
projected through the statement's own ``RETURN x.prop AS alias`` list.
"""

from __future__ import annotations

import dataclasses
import math
import re
from typing import Any

import pytest

from graph import neo4j_bulk as B
from graph import neo4j_queries as Q
from graph.neo4j_rows import write_plan
from graph.neo4j_store import Neo4jGraphStore
from graph.store import StoredDocument
from ontology.model import DocumentFacts, DocumentKind, Paragraph, ParagraphKind, ParsedDocument
from tests.contract.samples import joint_letter, sc_resolution, upr_report
from tests.neo4j import sample
from tests.neo4j.recording import RecordingDriver

RETURNED = re.compile(r"\b[dp]\.(\w+) AS (\w+)")
SOURCE, AT = "in/x.pdf", "2026-01-02T03:04:05+00:00"


class StoredRows:
    """The node properties of stored documents, answering the three bulk statements."""

    def __init__(self, docs: list[tuple[ParsedDocument, DocumentFacts, dict[int, list[float]]]]) -> None:
        self.documents: list[dict[str, Any]] = []
        self.paragraphs: list[dict[str, Any]] = []
        for doc, facts, vectors in docs:
            plan = dict(write_plan(doc, facts, embeddings=vectors, source_path=SOURCE, ingested_at=AT,
                                   embedding_dim=2))
            self.documents.append(plan[Q.CREATE_DOCUMENT]["props"])
            self.paragraphs += plan[Q.CREATE_PARAGRAPHS]["rows"]

    def answer(self, query: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        if query == B.OUTLINE_DOCUMENTS:
            found = sorted((d for d in self.documents if d["key"] > params["after"]), key=lambda d: d["key"])
        elif query == B.OUTLINE_PARAGRAPHS:
            found = sorted((p for p in self.paragraphs if p["doc"] in params["keys"] and p["uid"] > params["after"]),
                           key=lambda p: p["uid"])
        elif query == B.PARAGRAPH_VECTORS:
            found = sorted((p for p in self.paragraphs if p["uid"] > params["after"] and p["embedding"] is not None),
                           key=lambda p: p["uid"])
        elif query == Q.GET_DOCUMENT:
            found = [d for d in self.documents if params["key"] in d["symbol_keys"]]
        else:
            return []
        return [{alias: node.get(prop) for prop, alias in RETURNED.findall(query)}
                for node in found[: params.get("limit", 1)]]  # GET_DOCUMENT: LIMIT 1


def _doc(n: int, paragraphs: int) -> ParsedDocument:
    paras = tuple(Paragraph(index=i, key=str(i + 1), label=str(i + 1), kind=ParagraphKind.NUMBERED,
                            text=f"Paragraph {i + 1} of document {n}.", page=1 + i // 3, section="I. Introduction",
                            parent="1" if i == 1 else None) for i in range(paragraphs))
    return ParsedDocument(file=f"doc{n}.pdf", sha256=f"{n:064x}", symbols=(f"S/TEST/{n}",), title=f"Doc {n}",
                          date="2021-05-01", language="en", organs=("Security Council",),
                          kind=DocumentKind.REPORT, pages=4, paragraphs=paras)


def _vec(i: int) -> list[float]:
    return [math.cos(i), math.sin(i)]


def _store(rows: StoredRows, database: str | None = None) -> tuple[Neo4jGraphStore, RecordingDriver]:
    driver = RecordingDriver(rows.answer)
    return Neo4jGraphStore(driver, database=database, read_only=True), driver


def _sent(driver: RecordingDriver) -> list[tuple[str, dict[str, Any]]]:
    assert all(t.mode == "read" and len(t.calls) == 1 for t in driver.transactions)  # a page a transaction
    return [(c.query, c.params) for c in driver.calls]


def _outline_of(doc: ParsedDocument) -> ParsedDocument:
    """What an outline keeps of a document: no footnotes, citations, warnings or masthead extras but its
    subtitle; the source path as its file."""
    return ParsedDocument(file=SOURCE, sha256=doc.sha256, symbols=doc.symbols, title=doc.title,
                          subtitle=doc.subtitle, date=doc.date,
                          language=doc.language, organs=doc.organs, kind=doc.kind, pages=doc.pages,
                          paragraphs=tuple(dataclasses.replace(p, footnotes=()) for p in doc.paragraphs))


def test_an_outline_is_the_stored_document_without_its_full_text_json() -> None:
    store, driver = _store(StoredRows([(sample.document(), sample.facts(), {})]), database="r2p")
    assert list(store.iter_document_outlines()) == [
        StoredDocument(_outline_of(sample.document()), sample.facts(), SOURCE, AT)]
    assert _sent(driver) == [(B.OUTLINE_DOCUMENTS, {"after": "", "limit": 1000}),
                             (B.OUTLINE_PARAGRAPHS, {"keys": ["A/HRC/8/99"], "after": "A/HRC/8/99", "limit": 10_000})]
    assert {t.database for t in driver.transactions} == {"r2p"}
    assert "document_json" not in B.OUTLINE_DOCUMENTS


def test_outline_values_keep_their_types() -> None:
    store, _ = _store(StoredRows([(sample.document(), sample.facts(), {})]))
    (outline,) = store.iter_document_outlines()
    doc = outline.document
    assert isinstance(doc.symbols, tuple) and isinstance(doc.organs, tuple) and doc.kind is DocumentKind.REPORT
    assert [p.kind for p in doc.paragraphs][:2] == [ParagraphKind.HEADING, ParagraphKind.NUMBERED]
    assert [p.index for p in doc.paragraphs] == [0, 1, 2, 3, 4]
    assert doc.paragraphs[3].parent == "86.1" and doc.paragraphs[0].label is None


def test_document_pages_advance_by_key_and_group_paragraph_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(B, "DOCS_PER_PAGE", 2)
    monkeypatch.setattr(B, "PARAGRAPHS_PER_PAGE", 3)
    docs = [_doc(n, paragraphs) for n, paragraphs in enumerate((1, 1, 2, 2))]
    store, driver = _store(StoredRows([(d, DocumentFacts(), {}) for d in docs]))
    outlines = list(store.iter_document_outlines())
    assert [o.document.symbol for o in outlines] == ["S/TEST/0", "S/TEST/1", "S/TEST/2", "S/TEST/3"]
    assert [len(o.document.paragraphs) for o in outlines] == [1, 1, 2, 2]
    assert _sent(driver) == [
        (B.OUTLINE_DOCUMENTS, {"after": "", "limit": 2}),
        (B.OUTLINE_PARAGRAPHS, {"keys": ["S/TEST/0", "S/TEST/1"], "after": "S/TEST/0", "limit": 3}),
        (B.OUTLINE_DOCUMENTS, {"after": "S/TEST/1", "limit": 2}),  # the keyset, no SKIP
        (B.OUTLINE_PARAGRAPHS, {"keys": ["S/TEST/2"], "after": "S/TEST/2", "limit": 3}),  # 2 + 2 > 3
        (B.OUTLINE_PARAGRAPHS, {"keys": ["S/TEST/3"], "after": "S/TEST/3", "limit": 3}),
        (B.OUTLINE_DOCUMENTS, {"after": "S/TEST/3", "limit": 2}),  # a full page: one more read finds the end
    ]


def test_a_document_larger_than_a_page_is_read_in_several_pages_and_kept_in_order(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(B, "PARAGRAPHS_PER_PAGE", 4)
    big, small = _doc(1, 11), _doc(2, 1)
    store, driver = _store(StoredRows([(big, DocumentFacts(), {}), (small, DocumentFacts(), {})]))
    first, second = store.iter_document_outlines()
    assert first.document == _outline_of(big)  # index order, not uid order ("10" < "2")
    assert second.document == _outline_of(small)
    reads = [p for q, p in _sent(driver) if q == B.OUTLINE_PARAGRAPHS]
    # uid order: #1 #10 #11 #2 | #3 #4 #5 #6 | #7 #8 #9 (3 < 4: the last page)
    assert [p["after"] for p in reads] == ["S/TEST/1", "S/TEST/1#2", "S/TEST/1#6", "S/TEST/2"]
    assert {tuple(p["keys"]) for p in reads[:3]} == {("S/TEST/1",)}


def test_an_empty_store_reads_one_page_of_each() -> None:
    store, driver = _store(StoredRows([]))
    assert list(store.iter_document_outlines()) == []
    assert list(store.iter_paragraph_vectors()) == []
    assert _sent(driver) == [(B.OUTLINE_DOCUMENTS, {"after": "", "limit": 1000}),
                             (B.PARAGRAPH_VECTORS, {"after": "", "limit": 5000})]


def test_vectors_page_by_uid_and_skip_paragraphs_without_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(B, "VECTORS_PER_PAGE", 2)
    docs = [(_doc(1, 3), DocumentFacts(), {0: _vec(0), 2: _vec(2)}), (_doc(2, 2), DocumentFacts(), {0: _vec(3),
                                                                                                    1: _vec(4)})]
    store, driver = _store(StoredRows(docs))
    got = list(store.iter_paragraph_vectors())
    assert [uid for uid, _ in got] == ["S/TEST/1#1", "S/TEST/1#3", "S/TEST/2#1", "S/TEST/2#2"]
    assert got[1][1] == pytest.approx(_vec(2)) and got[3][1] == pytest.approx(_vec(4))
    assert _sent(driver) == [(B.PARAGRAPH_VECTORS, {"after": "", "limit": 2}),
                             (B.PARAGRAPH_VECTORS, {"after": "S/TEST/1#3", "limit": 2}),
                             (B.PARAGRAPH_VECTORS, {"after": "S/TEST/2#2", "limit": 2})]


def test_vector_components_come_back_as_floats() -> None:
    rows = {B.PARAGRAPH_VECTORS: [{"uid": "S/TEST/1#1", "embedding": [1, 0]}]}
    driver = RecordingDriver(lambda query, params: rows.get(query, []))
    store = Neo4jGraphStore(driver, read_only=True)
    ((uid, vector),) = store.iter_paragraph_vectors()
    assert (uid, vector) == ("S/TEST/1#1", [1.0, 0.0])
    assert all(type(x) is float for x in vector) and isinstance(vector, list)


def test_the_bulk_statements_are_among_the_validated_ones() -> None:
    assert set(B.QUERIES.values()) <= set(Q.all_queries().values())
    for query in B.QUERIES.values():
        assert "SKIP" not in query and "LIMIT $limit" in query and "> $after" in query


def test_outlines_of_the_contract_samples_equal_their_stored_documents() -> None:
    samples = [upr_report(), sc_resolution(), sc_resolution(1769, 2007), joint_letter()]
    store, _ = _store(StoredRows([(doc, facts, {}) for doc, facts in samples]))
    outlines = list(store.iter_document_outlines())
    assert [o.document.symbol for o in outlines] == ["A/64/100", "A/HRC/11/14", "S/RES/1591 (2005)",
                                                     "S/RES/1769 (2007)"]
    for outline in outlines:
        stored = store.get_document(outline.document.symbol)
        assert stored is not None and stored.document == next(d for d, _ in samples if d.symbol == stored.document.symbol)
        assert outline == StoredDocument(_outline_of(stored.document), stored.facts, SOURCE, AT)
