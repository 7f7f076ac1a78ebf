"""Dense search over projected vectors with exact rescoring, on the real vectors of the test store."""

from __future__ import annotations

import numpy as np

from search import dense
from search.catalog import Catalog, catalog


def _setup(store, embedder):
    matrix = dense.vector_matrix(store, catalog(store), embedder.name)
    basis, low = dense.projection(Catalog(), matrix, embedder.name)
    return matrix, basis, low


def test_projected_search_finds_what_exact_search_finds(store, embedder, monkeypatch) -> None:
    matrix, basis, low = _setup(store, embedder)
    monkeypatch.setattr(dense, "CANDIDATES", 100)  # a few thousand rows here: keep the candidate list short
    assert basis.shape == (embedder.dim, dense.PROJECTED_DIMS) and low.shape == (len(matrix), dense.PROJECTED_DIMS)
    recalls = []
    for q in ("abolish the death penalty", "rights of persons with disabilities", "protection of civilians"):
        qvec = embedder.encode([q])[0]
        exact = dense.exact_search(matrix, qvec, k=10, allowed=None)
        got = dense.projected_search(matrix, basis, low, qvec, k=10, allowed=None)
        assert [s for _, s in got] == sorted((s for _, s in got), reverse=True)
        assert all(abs(s - float(matrix[p] @ qvec)) < 1e-5 for p, s in got)  # scores are exact cosines
        recalls.append(len({p for p, _ in exact} & {p for p, _ in got}) / 10)
    assert np.mean(recalls) >= 0.9


def test_projected_search_never_leaks_a_filter(store, embedder, monkeypatch) -> None:
    matrix, basis, low = _setup(store, embedder)
    qvec = embedder.encode(["abolish the death penalty"])[0]
    allowed = np.zeros(len(matrix), dtype=bool)
    allowed[::3] = True
    monkeypatch.setattr(dense, "SMALL_FILTER", 0)  # take the projected path even for a small filter
    got = dense.projected_search(matrix, basis, low, qvec, k=20, allowed=allowed)
    assert len(got) == 20 and all(allowed[p] for p, _ in got)
    monkeypatch.setattr(dense, "SMALL_FILTER", 50_000)  # a small filter is ranked exactly
    assert dense.projected_search(matrix, basis, low, qvec, k=20, allowed=allowed) == dense.exact_search(
        matrix, qvec, k=20, allowed=allowed)
