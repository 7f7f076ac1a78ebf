"""Dense retrieval: exact cosine over the stored vectors, or the store's vector index.

Below ``EXACT_LIMIT`` paragraphs the catalog keeps every stored vector (fetched once through
``store.embeddings_by_hash``) in one float32 matrix and answers by brute force: exact, filter-aware
and, at that size, as fast as an approximate index (see ``bench/search_latency.py``). Above it, or
when the store does not give every vector back, the store's own vector index answers and the
catalog's filter mask is applied again to what it returns, so a filter never leaks.
"""

from __future__ import annotations

import numpy as np

from graph.store import GraphStore, ParagraphFilter
from search.catalog import Catalog
from search.indexing import vector_key

EXACT_LIMIT = 200_000


def vector_matrix(store: GraphStore, cat: Catalog, model: str) -> np.ndarray | None:
    """All catalog vectors in row order (unit length), or None when some are not in the store."""
    key = f"vectors:{model}"
    if key not in cat.cache:
        cat.cache[key] = _load_matrix(store, cat, model) if 0 < len(cat.rows) <= EXACT_LIMIT else None
    return cat.cache[key]


def _load_matrix(store: GraphStore, cat: Catalog, model: str) -> np.ndarray | None:
    hashes = [vector_key(model, r.context, r.text) for r in cat.rows]
    found: dict[str, list[float]] = {}
    unique = sorted(set(hashes))
    for i in range(0, len(unique), 5000):
        found.update(store.embeddings_by_hash(unique[i : i + 5000]))
    if any(h not in found for h in hashes):
        return None
    return np.asarray([found[h] for h in hashes], dtype=np.float32)


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


def row_vectors(store: GraphStore, cat: Catalog, model: str, positions: list[int]) -> np.ndarray:
    """The stored vectors of these catalog rows (those the store has), as a float32 matrix."""
    matrix = vector_matrix(store, cat, model)
    if matrix is not None:
        return matrix[positions]
    keys = [vector_key(model, cat.rows[p].context, cat.rows[p].text) for p in positions]
    found = store.embeddings_by_hash(keys)
    vectors = [found[k] for k in keys if k in found]
    return np.asarray(vectors, dtype=np.float32).reshape(len(vectors), -1)
