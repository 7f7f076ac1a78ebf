"""Contract: writing is atomic per document, replaces whole, skips unchanged, removes what only it supported."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from graph.errors import BadDocument
from graph.store import GraphStore
from ontology.model import Mention
from tests.contract.samples import embeddings_for, joint_letter, sc_resolution, upr_report


def test_put_then_get_gives_back_what_was_put(store: GraphStore) -> None:
    doc, facts = upr_report()
    result = store.put_document(doc, facts, embeddings=embeddings_for(doc), source_path="/pdfs/upr.pdf")
    assert (result.status, result.paragraphs, result.recommendations, result.entities) == ("added", 4, 2, 8)
    stored = store.get_document("a/hrc/11/14")  # any spelling of the symbol
    assert stored is not None
    assert stored.document == doc and stored.facts == facts
    assert stored.source_path == "/pdfs/upr.pdf" and stored.ingested_at


def test_joint_symbol_finds_the_document_by_either_half(store: GraphStore) -> None:
    store.put_document(*joint_letter())
    assert store.get_document("S/2009/300").document.symbol == "A/64/100"
    assert store.document_sha256("S/2009/300") == joint_letter()[0].sha256
    assert store.find_by_sha256(joint_letter()[0].sha256) == "A/64/100"


def test_same_content_again_is_unchanged(store: GraphStore) -> None:
    doc, facts = upr_report()
    store.put_document(doc, facts)
    before = store.stats()
    assert store.put_document(doc, facts).status == "unchanged"
    assert store.stats() == before


def test_new_version_replaces_everything_derived_from_the_old(store: GraphStore) -> None:
    store.put_document(*upr_report(1))
    assert store.put_document(*upr_report(2)).status == "replaced"
    texts = {r.text for r in store.recommendations(to="Sudan")}
    assert "Strengthen protection of displaced persons (Chile)" in texts
    assert not any(t.startswith("Cooperate fully") for t in texts)
    assert store.cites("A/HRC/11/14") == []  # version 2 cites nothing
    assert store.stats()["mechanisms"] == 1  # the panel was only supported by version 1
    assert store.stats()["paragraphs"] == 4


def test_remove_deletes_the_document_and_what_only_it_supported(store: GraphStore) -> None:
    store.put_document(*upr_report())
    store.put_document(*sc_resolution())
    store.put_document(*joint_letter())
    assert store.remove_document("S/RES/1591(2005)") is True
    assert store.get_document("S/RES/1591 (2005)") is None
    assert store.remove_document("S/RES/1591 (2005)") is False
    stats = store.stats()
    assert stats["documents"] == 2 and stats["paragraphs"] == 5
    trace = store.trace("Darfur")
    assert trace is not None and trace.mechanisms == ()  # its coverage went with it
    # the Panel is still mentioned by the UPR report, UNAMID was only in the resolution
    assert stats["mechanisms"] == 2
    cited = store.cited_by("S/RES/1591 (2005)")  # still cited by the others, though not stored
    assert {c.citing_symbol for c in cited} == {"A/64/100", "A/HRC/11/14"}
    assert [d.symbol for d in store.list_documents()] == ["A/64/100", "A/HRC/11/14"]


def test_bad_facts_are_refused_and_nothing_is_written(store: GraphStore) -> None:
    doc, facts = upr_report()
    store.put_document(doc, facts)
    before = store.stats()
    broken = replace(facts, mentions=facts.mentions + (Mention(99, "state/SDN", "Sudan"),))
    other = replace(doc, sha256="0" * 64)
    with pytest.raises(BadDocument, match="A/HRC/11/14"):
        store.put_document(other, broken)
    assert store.stats() == before
    assert store.get_document("A/HRC/11/14").facts == facts


def test_iter_and_list_documents(store: GraphStore) -> None:
    store.put_document(*sc_resolution())
    store.put_document(*upr_report())
    assert [s.document.symbol for s in store.iter_documents()] == ["A/HRC/11/14", "S/RES/1591 (2005)"]
    assert list(store.iter_documents(since="2999-01-01")) == []
    page = store.list_documents(offset=1, limit=1)
    assert [(d.symbol, d.paragraphs, d.kind) for d in page] == [("S/RES/1591 (2005)", 4, "resolution")]


def test_same_document_with_other_vectors_is_replaced_and_keeps_sha_and_ingestion_time(store: GraphStore) -> None:
    doc, facts = upr_report()
    old_keys = {p.index: f"old-{p.index}" for p in doc.paragraphs}
    store.put_document(doc, facts, embeddings=embeddings_for(doc), embedding_keys=old_keys, source_path="/pdfs/u.pdf")
    first = store.get_document(doc.symbol)
    before, generation = store.stats(), store.generation()
    time.sleep(1.1)  # the stored time has whole seconds: a new one would differ
    new_keys = {p.index: f"new-{p.index}" for p in doc.paragraphs}
    again = store.put_document(doc, facts, embeddings=embeddings_for(doc), embedding_keys=new_keys,
                               source_path="/pdfs/u.pdf")
    assert again.status == "replaced" and store.generation() != generation
    assert sorted(store.embeddings_by_hash([*old_keys.values(), *new_keys.values()])) == sorted(new_keys.values())
    stored = store.get_document(doc.symbol)
    assert (stored.document, stored.facts, stored.source_path) == (doc, facts, "/pdfs/u.pdf")
    assert stored.ingested_at == first.ingested_at  # the content was not ingested again
    assert store.find_by_sha256(doc.sha256) == doc.symbol and store.stats() == before
    assert store.put_document(doc, facts, embeddings=embeddings_for(doc), embedding_keys=new_keys).status == "unchanged"
    assert store.put_document(doc, facts).status == "replaced"  # no vectors now: the put says what is stored
    assert store.embeddings_by_hash(list(new_keys.values())) == {}


def test_a_document_listed_carries_its_title_and_subtitle(store: GraphStore) -> None:
    resolution, _ = sc_resolution()
    store.put_document(*sc_resolution())
    store.put_document(*upr_report())
    listed = {d.symbol: d for d in store.list_documents()}
    assert listed[resolution.symbol].subtitle == resolution.subtitle is not None
    assert resolution.subtitle.startswith("Adopted by the Security Council at its")
    upr = listed["A/HRC/11/14"]
    assert (upr.title, upr.subtitle) == ("Report of the Working Group on the Universal Periodic Review: Sudan", None)
