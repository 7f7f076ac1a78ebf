"""The HNSW index against exact cosine ranking on the same stored vectors (recall@10)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from graph.kuzu_store import KuzuGraphStore
from graph.store import ParagraphFilter
from ontology.model import DocumentFacts, DocumentKind, Paragraph, ParagraphKind, ParsedDocument

DIM = 384


def _documents(rng: np.random.Generator, count: int, size: int) -> list[tuple[ParsedDocument, np.ndarray]]:
    centres = rng.normal(size=(20, DIM))  # clustered, like sentence embeddings
    out = []
    for d in range(count):
        vectors = centres[rng.integers(0, 20, size)] + 0.6 * rng.normal(size=(size, DIM))
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        paragraphs = tuple(Paragraph(i, str(i + 1), str(i + 1), ParagraphKind.NUMBERED, f"text {d}/{i}", 1)
                           for i in range(size))
        doc = ParsedDocument(file=f"{d}.pdf", sha256=f"{d:064d}", symbols=(f"A/TEST/{d}",), title=None,
                             date="2020-01-01", language="en", organs=(), kind=DocumentKind.REPORT, pages=1,
                             paragraphs=paragraphs)
        out.append((doc, vectors))
    return out


def test_hnsw_recall_at_10_against_exact(tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    docs = _documents(rng, 8, 120)
    uids = [f"A/TEST/{d}#{i + 1}" for d in range(8) for i in range(120)]
    matrix = np.vstack([v for _, v in docs])
    with KuzuGraphStore(tmp_path / "store") as store:
        store.put_documents([(doc, DocumentFacts(), {i: v.tolist() for i, v in enumerate(vecs)}, None)
                             for doc, vecs in docs])
        recalls = []
        for _ in range(20):
            query = matrix[rng.integers(0, len(uids))] + 0.3 * rng.normal(size=DIM)
            exact = {uids[i] for i in np.argsort(-(matrix @ (query / np.linalg.norm(query))))[:10]}
            ann = {h.uid for h in store.vector_search(query.tolist(), k=10)}
            recalls.append(len(ann & exact) / 10)
            # the filtered path (a filter every paragraph passes) ranks exactly
            filtered = store.vector_search(query.tolist(), k=10, filters=ParagraphFilter(language="en"))
            assert {h.uid for h in filtered} == exact
    assert float(np.mean(recalls)) >= 0.9
