"""Dense retrieval: exact cosine over the stored vectors, or the store's vector index.

Below ``EXACT_LIMIT`` paragraphs the catalog keeps every stored vector (fetched once through
``store.embeddings_by_hash``) in one float32 matrix and answers by brute force: exact, filter-aware
and, at that size, as fast as an approximate index (see ``bench/search_latency.py``). Above it, or
when the store does not give every vector back, the store's own vector index answers and the
catalog's filter mask is applied again to what it returns, so a filter never leaks.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from graph.store import GraphStore, ParagraphFilter, text_hash
from search.catalog import Catalog

EXACT_LIMIT = 2_000_000  # 1M × 384 float32 = 1.5 GB; exact beat the HNSW index at every size measured


def vector_matrix(store: GraphStore, cat: Catalog, model: str) -> np.ndarray | None:
    """All catalog vectors in row order (unit length), or None when some are not in the store."""
    key = f"vectors:{model}"
    if key not in cat.cache:
        cat.cache[key] = _load_matrix(store, cat, model) if 0 < len(cat.rows) <= EXACT_LIMIT else None
    return cat.cache[key]


def _load_matrix(store: GraphStore, cat: Catalog, model: str) -> np.ndarray | None:
    stream = getattr(store, "iter_paragraph_vectors", None)
    if stream is not None:
        return _stream_matrix(stream(), cat)
    hashes = [text_hash(r.text) for r in cat.rows]
    found: dict[str, list[float]] = {}
    unique = sorted(set(hashes))
    for i in range(0, len(unique), 5000):
        found.update(store.embeddings_by_hash(unique[i : i + 5000]))
    if any(h not in found for h in hashes):
        return None
    return np.asarray([found[h] for h in hashes], dtype=np.float32)


def _stream_matrix(vectors: Iterable[tuple[str, list[float]]], cat: Catalog) -> np.ndarray | None:
    """The matrix filled from a stream of (uid, vector); None when a catalog row gets no vector."""
    matrix: np.ndarray | None = None
    seen = np.zeros(len(cat.rows), dtype=bool)
    for uid, vec in vectors:
        pos = cat.by_uid.get(uid)
        if pos is None:
            continue
        if matrix is None:
            matrix = np.empty((len(cat.rows), len(vec)), dtype=np.float32)
        matrix[pos] = vec
        seen[pos] = True
    return matrix if matrix is not None and bool(seen.all()) else None


def exact_search(matrix: np.ndarray, qvec: np.ndarray, *, k: int, allowed: np.ndarray | None) -> list[tuple[int, float]]:
    """Top ``k`` (row position, cosine) by brute force over the allowed rows."""
    scores = matrix @ qvec
    if allowed is not None:
        scores = np.where(allowed, scores, -np.inf)
    k = min(k, int(np.isfinite(scores).sum()))
    if k <= 0:
        return []
    top = np.argpartition(-scores, k - 1)[:k]
    top = top[np.argsort(-scores[top], kind="stable")]
    return [(int(p), float(scores[p])) for p in top]


def dense_search(store: GraphStore, cat: Catalog, qvec: np.ndarray, *, model: str, k: int,
                 filters: ParagraphFilter | None, allowed: np.ndarray | None) -> list[tuple[int, float]]:
    """Top ``k`` (row position, similarity) for the query vector among the allowed rows."""
    matrix = vector_matrix(store, cat, model)
    if matrix is not None:
        return exact_search(matrix, qvec, k=k, allowed=allowed)
    hits = store.vector_search(qvec.tolist(), k=k, filters=filters)
    out = []
    for h in hits:
        pos = cat.by_uid.get(h.uid)
        if pos is not None and (allowed is None or allowed[pos]):
            out.append((pos, float(h.score)))
    return out
