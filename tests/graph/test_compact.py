"""Compaction of the embedded store on real documents: the same graph in less space, or nothing touched."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from api.pipeline import read
from graph import kuzu_compact
from graph.errors import StoreError
from graph.factory import open_store

DOCS = ("un-mixed-2025/S_RES_2768 (2025).en.pdf", "un-mixed-2025/S_RES_2770 (2025).en.pdf",
        "un-mixed-2025/S_RES_2772 (2025).en.pdf")


@pytest.fixture(scope="module")
def embedder():
    from search.embed import load_embedder

    return load_embedder(backend="openvino")


def grown_store(path: Path, corpus: Path, embedder) -> None:
    """A store of three real resolutions, each then replaced four times in its own transaction."""
    from search.indexing import embed_document

    with open_store(path=path) as store:
        items = [read(corpus / d, store, embed=lambda doc, facts, s: embed_document(doc, facts, s, embedder)) for d in DOCS]
        for doc, facts, vectors, source, keys in items:
            store.put_document(doc, facts, embeddings=vectors, source_path=source, embedding_keys=keys)
        for n in range(4):
            for doc, facts, vectors, source, keys in items:
                retitled = replace(doc, title=f"{doc.title} ({n})") if n < 3 else doc
                result = store.put_document(retitled, facts, embeddings=vectors, source_path=source,
                                            embedding_keys=keys)
                assert result.status == "replaced"


def snapshot(store) -> dict:
    docs = {d.symbol: store.get_document(d.symbol) for d in store.list_documents(limit=10)}
    return {"stats": store.stats(), "docs": docs,
            "text": [(p.uid, round(p.score, 4)) for p in store.text_search("Security Council decides", k=5)]}


def test_compaction_keeps_the_graph_and_gives_back_the_space(corpus: Path, tmp_path: Path, embedder) -> None:
    path = tmp_path / "store"
    grown_store(path, corpus, embedder)
    query = embedder.encode(["protection of civilians in armed conflict"])[0]
    with open_store(path=path) as store:
        before = snapshot(store)
        nearest = [(p.uid, round(p.score, 4)) for p in store.vector_search(query, k=5)]
        report = store.compact()
        assert report.counts == before["stats"]
        assert report.bytes_after < report.bytes_before - 10 * 2**20, report  # 36 MB → 20 MB when measured
        assert kuzu_compact.database_bytes(path) == report.bytes_after
        assert snapshot(store) == before  # the same documents, facts, counts and keyword ranking
        assert [(p.uid, round(p.score, 4)) for p in store.vector_search(query, k=5)] == nearest
        # the store stays writable, and no working files are left
        doc, facts, _, source, _ = read(corpus / DOCS[0], store, embed=None)
        assert store.put_document(replace(doc, title="x"), facts, source_path=source).status == "replaced"
    assert sorted(p.name for p in path.iterdir()) == ["graph.kuzu", "graph.lock"]
    with open_store(path=path, read_only=True) as store:
        assert store.get_document(doc.symbol).document.title == "x"


def test_a_failed_compaction_leaves_the_store_as_it_was(corpus: Path, tmp_path: Path, embedder,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "store"
    grown_store(path, corpus, embedder)
    real = kuzu_compact.stats
    calls = []

    def short_by_one(conn):  # the rewritten database (second call) misses a paragraph
        out = real(conn)
        calls.append(1)
        return {**out, "paragraphs": out["paragraphs"] - 1} if len(calls) == 2 else out

    monkeypatch.setattr(kuzu_compact, "stats", short_by_one)
    with open_store(path=path) as store:
        before = snapshot(store)
        size = kuzu_compact.database_bytes(path)
        with pytest.raises(StoreError, match="differs in paragraphs; the store is left as it was"):
            store.compact()
        assert snapshot(store) == before and kuzu_compact.database_bytes(path) == size
    assert sorted(p.name for p in path.iterdir()) == ["graph.kuzu", "graph.lock"]


def test_r2p_compact(corpus: Path, tmp_path: Path, embedder) -> None:
    path = tmp_path / "store"
    grown_store(path, corpus, embedder)
    result = CliRunner().invoke(app, ["compact", "--store", str(path), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["documents"] == 3 and out["bytes_after"] < out["bytes_before"]
    missing = CliRunner().invoke(app, ["compact", "--store", str(tmp_path / "none")])
    assert missing.exit_code != 0 and "no store at" in missing.output and not (tmp_path / "none").exists()


def test_vector_search_answers_after_documents_are_replaced(corpus: Path, tmp_path: Path, embedder) -> None:
    # Kùzu's HNSW index answered nothing on this store after its documents were replaced a few times;
    # the store then ranks exactly, and gives what an exact ranking over the stored vectors gives.
    import numpy as np

    path = tmp_path / "store"
    grown_store(path, corpus, embedder)
    query = embedder.encode(["protection of civilians in armed conflict"])[0]
    with open_store(path=path) as store:
        hits = store.vector_search(query, k=5)
        paragraphs = store.stats()["paragraphs"]
        everything = store.vector_search(query, k=paragraphs + 10)
    assert len(hits) == 5 and len(everything) == paragraphs
    scores = [h.score for h in everything]
    assert scores == sorted(scores, reverse=True) and [h.uid for h in hits] == [h.uid for h in everything[:5]]
    assert np.isclose(hits[0].score, max(scores))


def test_ingest_that_replaced_documents_points_to_compaction(corpus: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from ingest.link import link
    from ingest.pipeline import parse

    monkeypatch.setenv("R2P_EMBEDDING__BACKEND", "openvino")
    pdf = corpus / DOCS[0]
    path = tmp_path / "store"
    with open_store(path=path) as store:  # stored by rules before the stamps: read again
        doc = parse(pdf)
        store.put_document(replace(doc, reading=0), link(doc), source_path=str(pdf))
    result = CliRunner().invoke(app, ["ingest", str(pdf), "--store", str(path)])
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split())  # as one line, however the console wrapped it
    assert "1 replaced" in said and "`r2p compact` gives it back" in said
    again = " ".join(CliRunner().invoke(app, ["ingest", str(pdf), "--store", str(path)]).stdout.split())
    assert "1 unchanged" in again and "compact" not in again
