"""Contract: the bulk reads search's catalogue is built from give what the one-at-a-time reads give.

``iter_document_outlines()`` is every stored document in key order with its columns, facts and
paragraphs (no footnotes, citations, warnings or masthead extras; ``file`` is the source path);
``iter_paragraph_vectors()`` is (paragraph uid, vector) for every paragraph with a stored vector.
"""

from __future__ import annotations

import dataclasses

import pytest

from graph.store import GraphStore, StoredDocument, paragraph_uid, text_hash
from search.catalog import Catalog, add_document
from tests.contract.samples import embedding, sc_resolution, upr_report


def _outline_of(stored: StoredDocument) -> StoredDocument:
    doc = stored.document
    kept = dataclasses.replace(
        doc, file=stored.source_path or "", footnotes=(), citations=(), warnings=(), session=None, agenda=(),
        distribution=None, original_language=None, job_number=None,
        paragraphs=tuple(dataclasses.replace(p, footnotes=()) for p in doc.paragraphs))
    return dataclasses.replace(stored, document=kept)


def test_outlines_are_the_stored_documents_in_key_order(filled: GraphStore) -> None:
    outlines = list(filled.iter_document_outlines())  # type: ignore[attr-defined]
    full = list(filled.iter_documents())
    assert [o.document.symbol for o in outlines] == [f.document.symbol for f in full]
    assert len(outlines) == 4
    for outline in outlines:
        stored = filled.get_document(outline.document.symbol)
        assert stored is not None
        assert outline == _outline_of(stored)
        assert [p.index for p in outline.document.paragraphs] == list(range(len(stored.document.paragraphs)))


def test_paragraph_vectors_are_the_stored_vectors(filled: GraphStore) -> None:
    streamed = list(filled.iter_paragraph_vectors())  # type: ignore[attr-defined]
    got = dict(streamed)
    assert len(got) == len(streamed)  # each paragraph once
    paragraphs = [(paragraph_uid(s.document.symbol, p.key), p.text) for s in filled.iter_documents()
                  for p in s.document.paragraphs]
    assert set(got) == {uid for uid, _ in paragraphs}
    by_hash = filled.embeddings_by_hash([text_hash(text) for _, text in paragraphs])
    for uid, text in paragraphs:
        assert isinstance(got[uid], list) and all(isinstance(x, float) for x in got[uid])
        assert got[uid] == pytest.approx(by_hash[text_hash(text)], abs=1e-6)
        assert got[uid] == pytest.approx(embedding(text), abs=1e-6)


def test_only_paragraphs_with_a_vector_are_streamed(store: GraphStore) -> None:
    assert list(store.iter_document_outlines()) == []  # type: ignore[attr-defined]
    assert list(store.iter_paragraph_vectors()) == []  # type: ignore[attr-defined]
    doc, facts = sc_resolution()
    store.put_document(doc, facts, embeddings={1: embedding(doc.paragraphs[1].text)})
    ((uid, vector),) = store.iter_paragraph_vectors()  # type: ignore[attr-defined]
    assert uid == paragraph_uid(doc.symbol, "1") and vector == pytest.approx(embedding(doc.paragraphs[1].text))


def test_a_replaced_document_is_outlined_in_its_new_version(store: GraphStore) -> None:
    store.put_document(*upr_report(1), source_path="in/upr.pdf")
    store.put_document(*upr_report(2), source_path="in/upr-2.pdf")
    (outline,) = store.iter_document_outlines()  # type: ignore[attr-defined]
    stored = store.get_document("A/HRC/11/14")
    assert stored is not None and outline == _outline_of(stored)
    assert outline.document.file == "in/upr-2.pdf" and "Strengthen" in outline.document.paragraphs[3].text


def test_the_catalogue_read_in_bulk_equals_the_one_read_document_by_document(filled: GraphStore) -> None:
    bulk, slow = Catalog(), Catalog()
    for outline in filled.iter_document_outlines():  # type: ignore[attr-defined]
        add_document(bulk, outline)
    for stored in filled.iter_documents():
        add_document(slow, stored)
    assert len(bulk.rows) == 13
    assert (bulk.rows, bulk.by_uid, bulk.doc_rows, bulk.names) == (slow.rows, slow.by_uid, slow.doc_rows, slow.names)
