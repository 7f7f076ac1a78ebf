"""Dense retrieval: cosine over the stored vectors held in memory, or the store's vector index.

Up to ``EXACT_LIMIT`` paragraphs the catalog keeps every stored vector (streamed once from the
store, ``iter_paragraph_vectors``, or found by content hash) in one float32 matrix. Up to
``PROJECT_ABOVE`` rows a query is answered by brute force: exact, filter-aware, and within ~2 ms
of the store's HNSW index at 100k (``bench/search_latency.py``). Above it one matrix
product over all vectors is bound by memory bandwidth (1.5 GB per query at 1M × 384, ~200 ms on
these machines), so candidates come from the vectors projected on their first ``PROJECTED_DIMS``
principal components (a quarter of the bytes) and the best ``CANDIDATES`` are rescored exactly on
the full vectors; its recall@10 against exact search is measured by the same benchmark. Without a
matrix (the store does not give every vector back, or more than ``EXACT_LIMIT`` rows) the store's
own vector search answers and the catalog's filter mask is applied again, so a filter never leaks.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from graph.store import GraphStore, ParagraphFilter
from search.catalog import Catalog, row_context, row_text
from search.indexing import vector_key

EXACT_LIMIT = 2_000_000  # rows held in memory (1M × 384 float32 = 1.5 GB)
PROJECT_ABOVE = 250_000  # rows; above, candidates come from the projected vectors
PROJECTED_DIMS = 96
CANDIDATES = 2_000  # at least; 10 × k when more are asked
SMALL_FILTER = 50_000  # a filter leaving at most this many rows is ranked exactly over them


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
    hashes = [vector_key(model, row_context(cat, i), row_text(cat, i)) for i in range(len(cat.rows))]
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
    return _best(scores, np.arange(len(scores)), k)


def _best(scores: np.ndarray, positions: np.ndarray, k: int) -> list[tuple[int, float]]:
    """The ``k`` best finite scores as (position, score), best first."""
    k = min(k, int(np.isfinite(scores).sum()))
    if k <= 0:
        return []
    top = np.argpartition(-scores, k - 1)[:k]
    top = top[np.argsort(-scores[top], kind="stable")]
    return [(int(positions[p]), float(scores[p])) for p in top]


def projection(cat: Catalog, matrix: np.ndarray, model: str) -> tuple[np.ndarray, np.ndarray]:
    """(basis d × ``PROJECTED_DIMS``, matrix projected on it), built once per catalog: principal
    components of a fixed sample of 50,000 rows."""
    key = f"projection:{model}"
    if key not in cat.cache:
        rng = np.random.default_rng(0)
        sample = matrix[np.sort(rng.choice(len(matrix), min(len(matrix), 50_000), replace=False))]
        _, vecs = np.linalg.eigh(np.cov(sample, rowvar=False))
        basis = np.ascontiguousarray(vecs[:, ::-1][:, :PROJECTED_DIMS], dtype=np.float32)
        low = np.empty((len(matrix), basis.shape[1]), np.float32)
        for start in range(0, len(matrix), 100_000):
            low[start : start + 100_000] = matrix[start : start + 100_000] @ basis
        cat.cache[key] = (basis, low)
    return cat.cache[key]


def projected_search(matrix: np.ndarray, basis: np.ndarray, low: np.ndarray, qvec: np.ndarray, *, k: int,
                     allowed: np.ndarray | None) -> list[tuple[int, float]]:
    """Top ``k`` (row position, cosine): candidates by the projected vectors, rescored exactly.
    A filter leaving few rows ranks them exactly instead."""
    if allowed is not None:
        rows = np.flatnonzero(allowed)
        if len(rows) <= SMALL_FILTER:
            return _best(matrix[rows] @ qvec, rows, k)
    rough = low @ (qvec.astype(np.float32) @ basis)
    if allowed is not None:
        rough = np.where(allowed, rough, -np.inf)
    wanted = min(max(CANDIDATES, 10 * k), int(np.isfinite(rough).sum()))
    if wanted <= 0:
        return []
    candidates = np.argpartition(-rough, wanted - 1)[:wanted]
    candidates = candidates[np.isfinite(rough[candidates])]
    return _best(matrix[candidates] @ qvec, candidates, k)


def vectors_match(store: GraphStore, cat: Catalog, model: str) -> bool:
    """Whether the store holds vectors made as ``model`` embeds now: checked once per catalog on a
    sample of rows (their ``vector_key``). False for a store ingested without embeddings or by
    another model; the dense run then stays empty rather than compare unlike vectors."""
    found, sampled = _sampled_keys(store, cat, model)
    return found > 0 or sampled == 0


def vectors_current(store: GraphStore, cat: Catalog, model: str) -> bool:
    """Whether every sampled row has its vector under the current rules: False for a store some of whose
    paragraphs were embedded by older rules (recommendations with their recommenders' names, say), which
    the dense run still ranks by those older vectors until ``r2p reembed``."""
    found, sampled = _sampled_keys(store, cat, model)
    return found == sampled


def _sampled_keys(store: GraphStore, cat: Catalog, model: str) -> tuple[int, int]:
    """(keys found, keys sampled): 20 rows spread over the catalog and 20 spread over the recommendations
    embedded without their recommenders' names, whose embedded text differs from their text."""
    key = f"model-sample:{model}"
    if key not in cat.cache:
        n = len(cat.rows)
        recs = [i for i, r in enumerate(cat.rows) if r.unembedded]
        spread = {i * n // 20 for i in range(min(20, n))}
        sample = sorted(spread | {recs[i * len(recs) // 20] for i in range(min(20, len(recs)))})
        keys = {vector_key(model, row_context(cat, p), row_text(cat, p)) for p in sample}
        cat.cache[key] = (len(store.embeddings_by_hash(sorted(keys))), len(keys))
    return cat.cache[key]


def dense_search(store: GraphStore, cat: Catalog, qvec: np.ndarray, *, model: str, k: int,
                 filters: ParagraphFilter | None, allowed: np.ndarray | None,
                 within: np.ndarray | None = None) -> list[tuple[int, float]]:
    """Top ``k`` (row position, similarity) for the query vector among the allowed rows.

    ``within`` (row positions, already allowed) limits the ranking to those rows when the vectors
    are held in memory; the store's own index ignores it and ranks every allowed row."""
    if not vectors_match(store, cat, model):
        return []
    matrix = vector_matrix(store, cat, model)
    if matrix is not None and within is not None:
        return _best(matrix[within] @ qvec, within, k)
    if matrix is not None and len(matrix) > PROJECT_ABOVE:
        basis, low = projection(cat, matrix, model)
        return projected_search(matrix, basis, low, qvec, k=k, allowed=allowed)
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
    keys = [vector_key(model, row_context(cat, p), row_text(cat, p)) for p in positions]
    found = store.embeddings_by_hash(keys)
    vectors = [found[k] for k in keys if k in found]
    return np.asarray(vectors, dtype=np.float32).reshape(len(vectors), -1)
