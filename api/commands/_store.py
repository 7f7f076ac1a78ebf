"""Helpers shared by the graph commands: open the store the settings name, print JSON or tables."""

from __future__ import annotations

import dataclasses
import json
import sys
from typing import Any

from api.settings import Settings
from graph.store import GraphStore


def open_from_settings(settings: Settings, *, read_only: bool, embedding_dim: int = 384) -> GraphStore:
    """The store named by the settings (``--store`` / ``R2P_STORE``, ``R2P_GRAPH__*``); ``embedding_dim``
    is the vector size the caller's model gives (a store built with another one is refused)."""
    from graph.factory import open_store

    g = settings.graph
    return open_store(backend=g.backend, path=settings.store, uri=g.uri, user=g.user,
                      password=g.password.get_secret_value(), database=g.database, read_only=read_only,
                      vector_index=g.vector_index, embedding_dim=embedding_dim, buffer_pool_mb=g.buffer_pool_mb)


def plain(value: Any) -> Any:
    """Dataclasses and tuples as JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def print_json(value: Any) -> None:
    """Print JSON (UTF-8, indented) on stdout."""
    json.dump(plain(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
