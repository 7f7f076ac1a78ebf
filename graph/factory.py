"""`open_store(...)`: the one place that chooses a backend."""

from __future__ import annotations

from pathlib import Path

from graph.errors import StoreError
from graph.store import GraphStore


def open_store(
    *,
    backend: str = "kuzu",
    path: str | Path | None = None,
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    read_only: bool = False,
    embedding_dim: int = 384,
    vector_index: bool = True,
    buffer_pool_mb: int = 0,
) -> GraphStore:
    """Open a store: the embedded Kùzu store in directory ``path``, or a Neo4j database at ``uri``.

    The Kùzu store admits one writer process (a second fails at once with StoreLockedError);
    ``read_only=True`` opens it for reading, which also fails while a writer holds it.
    ``vector_index=False`` creates a new Kùzu store without the HNSW index (dense search is then
    exact; an existing store keeps the choice it was created with). ``buffer_pool_mb`` caps Kùzu's
    buffer pool (0: Kùzu's default, about 80% of the machine's memory); Neo4j ignores it.
    """
    if backend == "kuzu":
        if path is None:
            raise StoreError("the kuzu backend needs a store directory (--store DIR or R2P_STORE)")
        from graph.kuzu_store import KuzuGraphStore

        return KuzuGraphStore(path, read_only=read_only, embedding_dim=embedding_dim, vector_index=vector_index,
                              buffer_pool_mb=buffer_pool_mb)
    if backend == "neo4j":
        if not uri:
            raise StoreError("the neo4j backend needs a URI (R2P_GRAPH__URI)")
        try:
            from graph.neo4j_store import Neo4jGraphStore  # type: ignore[import-not-found]
        except ImportError as exc:
            raise StoreError(f"the neo4j backend is not available: {exc}") from exc
        return Neo4jGraphStore(uri=uri, user=user, password=password, database=database,
                               read_only=read_only, embedding_dim=embedding_dim)
    raise StoreError(f"unknown graph backend {backend!r} (expected 'kuzu' or 'neo4j')")
