"""Contract: what hybrid search builds on (stored vectors by hash, dense and BM25 search, filters)."""

from __future__ import annotations

import pytest

from graph.store import GraphStore, ParagraphFilter, paragraph_uid, text_hash
from tests.contract.samples import embedding, embeddings_for, upr_report


def test_embeddings_by_hash_gives_back_stored_vectors(filled: GraphStore) -> None:
    doc, _ = upr_report()
    text = doc.paragraphs[2].text
    found = filled.embeddings_by_hash([text_hash(text), text_hash("never stored")])
    assert list(found) == [text_hash(text)]
    assert found[text_hash(text)] == pytest.approx(embedding(text), abs=1e-6)


def test_vectors_are_found_again_by_the_keys_they_were_put_with(store: GraphStore) -> None:
    doc, facts = upr_report()
    keys = {p.index: f"key-{p.index}" for p in doc.paragraphs}
    store.put_document(doc, facts, embeddings=embeddings_for(doc), embedding_keys=keys)
    text = doc.paragraphs[2].text
    found = store.embeddings_by_hash(["key-2", text_hash(text)])
    assert list(found) == ["key-2"]  # the key replaces the text hash
    assert found["key-2"] == pytest.approx(embedding(text), abs=1e-6)


def test_vector_search_finds_the_paragraph_itself_first(filled: GraphStore) -> None:
    doc, _ = upr_report()
    hits = filled.vector_search(embedding(doc.paragraphs[2].text), k=3)
    assert hits[0].uid == paragraph_uid("A/HRC/11/14", "83.1")
    assert hits[0].score == pytest.approx(1.0, abs=1e-4)
    assert len(hits) == 3 and hits[0].score >= hits[1].score >= hits[2].score


@pytest.mark.parametrize(("filters", "expected"), [
    (ParagraphFilter(paragraph_kind="recommendation", to="the Sudan"),
     {"A/HRC/11/14#83.1", "A/HRC/11/14#83.2", "S/RES/1591(2005)#2", "S/RES/1769(2007)#2"}),
    (ParagraphFilter(document_kind="resolution", year_from=2006), {
        "S/RES/1769(2007)#p0", "S/RES/1769(2007)#1", "S/RES/1769(2007)#1/a", "S/RES/1769(2007)#2"}),
    (ParagraphFilter(organ="general assembly"), {"A/64/100#p0"}),
    (ParagraphFilter(language="fr"), {"A/64/100#p0"}),
    (ParagraphFilter(by="Brazil"), {"A/HRC/11/14#83.1"}),
    (ParagraphFilter(mechanism="PoE", symbol="S/RES/1591 (2005)"), {"S/RES/1591(2005)#1"}),
    (ParagraphFilter(situation="Darfur", paragraph_kind="operative", year_to=2005),
     {"S/RES/1591(2005)#1", "S/RES/1591(2005)#1/a", "S/RES/1591(2005)#2"}),
    (ParagraphFilter(to="Guinea"), set()),
])
def test_filters_narrow_both_searches_exactly(filled: GraphStore, filters: ParagraphFilter,
                                              expected: set[str]) -> None:
    dense = filled.vector_search(embedding("anything"), k=20, filters=filters)
    assert {h.uid for h in dense} == expected
    lexical = filled.text_search("the", k=20, filters=filters) + filled.text_search(
        "Sudan Darfur Panel Convention lettre civilians monitor Recalling", k=20, filters=filters)
    assert {h.uid for h in lexical} <= expected


def test_text_search_stems_and_ranks(filled: GraphStore) -> None:
    hits = filled.text_search("protecting civilian", k=5)
    assert hits and hits[0].uid in {"S/RES/1591(2005)#2", "S/RES/1769(2007)#2"}
    assert all(h.score > 0 for h in hits)
    assert filled.text_search("zzzunknownword", k=5) == []


def test_a_symbol_query_finds_the_citing_paragraphs_first(filled: GraphStore) -> None:
    hits = filled.text_search("S/RES/1591 (2005)", k=5)
    assert {h.uid for h in hits[:2]} == {"A/64/100#p0", "A/HRC/11/14#83.2"}


def test_citing_paragraphs_in_document_order(filled: GraphStore) -> None:
    citers = filled.citing_paragraphs(["S/RES/1591 (2005)"], k=10)
    assert citers == ["A/64/100#p0", "A/HRC/11/14#83.2"]
    assert filled.citing_paragraphs(["s/res/1591(2005)", "S/RES/1591 (2005)"], k=10) == citers  # keys, once
    assert filled.citing_paragraphs(["S/RES/1591 (2005)"], k=1) == citers[:1]
    assert filled.citing_paragraphs(["S/RES/9999 (2099)"], k=10) == []
    assert filled.citing_paragraphs([], k=10) == [] and filled.citing_paragraphs(["S/RES/1591 (2005)"], k=0) == []


def test_symbols_starting_finds_stored_and_only_cited_documents(filled: GraphStore) -> None:
    assert filled.symbols_starting("S/RES/1591(", k=5) == ["S/RES/1591(2005)"]  # stored
    assert filled.symbols_starting("S/RES/1556", k=5) == ["S/RES/1556(2004)"]  # only cited
    assert filled.symbols_starting("s/res/17", k=5) == ["S/RES/1769(2007)"]
    assert filled.symbols_starting("A/HRC/11/", k=5) == ["A/HRC/11/14"]
    assert filled.symbols_starting("S/RES/", k=2) == ["S/RES/1556(2004)", "S/RES/1591(2005)"]
    assert filled.symbols_starting("S/RES/9", k=5) == []
    assert filled.symbols_starting("", k=5) == [] and filled.symbols_starting("S/", k=0) == []
