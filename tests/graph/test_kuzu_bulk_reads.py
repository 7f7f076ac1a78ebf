"""Bulk reads of the Kùzu store and a store created without the HNSW vector index."""

from __future__ import annotations

import dataclasses
import math

import pytest

from graph.errors import StoreError
from graph.factory import open_store
from ontology.model import DocumentFacts, DocumentKind, Paragraph, ParagraphKind, ParsedDocument


def _doc(n: int, paragraphs: int = 4) -> ParsedDocument:
    paras = tuple(Paragraph(index=i, key=str(i + 1), label=str(i + 1), kind=ParagraphKind.NUMBERED,
                            text=f"Paragraph {i} of document {n} on the protection of civilians.", page=1,
                            section="I. Introduction", parent="1" if i == 3 else None)
                  for i in range(paragraphs))
    return ParsedDocument(file=f"doc{n}.pdf", sha256=f"{n:064x}", symbols=(f"A/TEST/{n}",), title=f"Doc {n}",
                          date="2021-05-01", language="en", organs=("General Assembly",),
                          kind=DocumentKind.REPORT, pages=3, paragraphs=paras)


def _vec(i: int) -> list[float]:
    v = [0.0] * 8
    v[i % 8], v[(i + 1) % 8] = 1.0, 0.5
    norm = math.sqrt(sum(x * x for x in v))
    return [x / norm for x in v]


def _fill(store, docs: int = 3) -> None:
    store.put_documents([(_doc(n), DocumentFacts(), {i: _vec(n * 4 + i) for i in range(4)}, None)
                         for n in range(docs)])


def test_outlines_carry_the_stored_paragraphs_in_order(tmp_path) -> None:
    with open_store(path=tmp_path / "s", embedding_dim=8) as store:
        _fill(store)
        outlines = list(store.iter_document_outlines())
        full = list(store.iter_documents())
    assert [o.document.symbol for o in outlines] == [f.document.symbol for f in full]
    for o, f in zip(outlines, full):
        assert o.document.paragraphs == tuple(p.__class__(**{**_fields(p), "footnotes": ()}) for p in
                                              f.document.paragraphs)
        assert (o.document.title, o.document.date, o.document.organs, o.document.kind) == (
            f.document.title, f.document.date, f.document.organs, f.document.kind)
        assert o.facts == f.facts


def _fields(p: Paragraph) -> dict:
    return {name: getattr(p, name) for name in p.__dataclass_fields__}


def test_paragraph_vectors_stream_every_stored_vector(tmp_path) -> None:
    with open_store(path=tmp_path / "s", embedding_dim=8) as store:
        _fill(store)
        got = dict(store.iter_paragraph_vectors())
    assert len(got) == 12
    assert got["A/TEST/1#2"] == pytest.approx(_vec(5), abs=1e-6)


def test_store_without_vector_index_ranks_exactly_and_keeps_the_choice(tmp_path) -> None:
    with open_store(path=tmp_path / "s", embedding_dim=8, vector_index=False) as store:
        _fill(store)
        assert store.vector_index is False
        hits = store.vector_search(_vec(6), k=3)
    assert hits[0].uid == "A/TEST/1#3" and hits[0].score == pytest.approx(1.0, abs=1e-6)
    with open_store(path=tmp_path / "s", embedding_dim=8) as again:  # reopened with the default
        assert again.vector_index is False
        _fill(again, docs=4)
        top = again.vector_search(_vec(13), k=2)  # _vec(13) == _vec(5): paragraph 2 of documents 1 and 3
        assert {h.uid for h in top} == {"A/TEST/1#2", "A/TEST/3#2"}
    with open_store(path=tmp_path / "s", embedding_dim=8, read_only=True) as reader:
        assert reader.vector_index is False


def test_default_store_keeps_the_index(tmp_path) -> None:
    with open_store(path=tmp_path / "s", embedding_dim=8) as store:
        assert store.vector_index is True
        _fill(store)
        assert store.vector_search(_vec(6), k=1)[0].uid == "A/TEST/1#3"
    with pytest.raises(StoreError):
        open_store(path=tmp_path / "s", embedding_dim=9)


def test_setting_creates_a_store_without_vector_index(tmp_path) -> None:
    from api.commands._store import open_from_settings
    from api.settings import GraphSettings, Settings

    settings = Settings(store=tmp_path / "s", graph=GraphSettings(vector_index=False))
    store = open_from_settings(settings, read_only=False)
    try:
        assert store.vector_index is False
    finally:
        store.close()


def test_a_store_written_before_the_subtitle_column_fills_it_from_the_stored_documents(tmp_path) -> None:
    import kuzu

    from graph.kuzu_store import DB_NAME, KuzuGraphStore

    path = tmp_path / "s"
    with open_store(path=path, embedding_dim=8) as store:
        store.put_documents([(dataclasses.replace(_doc(0), subtitle="Report of the Secretary-General"),
                              DocumentFacts(), {}, None), (_doc(1), DocumentFacts(), {}, None)])
        assert [o.document.subtitle for o in store.iter_document_outlines()] == [
            "Report of the Secretary-General", None]
    # the store as an earlier release left it: no subtitle column, no record of having filled it
    db = kuzu.Database(str(path / DB_NAME))
    conn = KuzuGraphStore._connect_to(db)
    conn.execute("ALTER TABLE Document DROP subtitle")
    conn.execute("MATCH (m:StoreMeta {name: 'subtitles'}) DELETE m")
    conn.close()
    db.close()
    with open_store(path=path, embedding_dim=8, read_only=True) as store:  # search before any write
        assert [o.document.subtitle for o in store.iter_document_outlines()] == [None, None]
        assert [d.subtitle for d in store.list_documents()] == [None, None]
        stored = store.get_document("A/TEST/0")
        assert stored is not None and stored.document.subtitle == "Report of the Secretary-General"
    with open_store(path=path, embedding_dim=8) as store:
        assert [o.document.subtitle for o in store.iter_document_outlines()] == [
            "Report of the Secretary-General", None]
        assert [d.subtitle for d in store.list_documents()] == ["Report of the Secretary-General", None]
