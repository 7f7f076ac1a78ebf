"""The `store` fixture: every contract test runs against each backend.

Kùzu always (a fresh store in a temporary directory); Neo4j when ``R2P_TEST_NEO4J_URI`` is set
(marker ``neo4j``; see :mod:`tests.contract.neo4j_backend`: the database is emptied through the
store's own ``remove_document`` before each test, and refused when it holds foreign documents).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.factory import open_store
from graph.store import GraphStore
from tests.contract.neo4j_backend import open_test_store
from tests.contract.samples import embeddings_for, joint_letter, sc_resolution, upr_report

BACKENDS = [
    pytest.param("kuzu", id="kuzu"),
    pytest.param("neo4j", id="neo4j", marks=pytest.mark.neo4j),
]


@pytest.fixture(scope="session")
def empty_kuzu_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty Kùzu store made once (schema and indexes); tests copy it."""
    path = tmp_path_factory.mktemp("empty") / "store"
    open_store(backend="kuzu", path=path).close()
    return path


def _open(request: pytest.FixtureRequest, path: Path) -> GraphStore:
    if request.param == "kuzu":
        shutil.copytree(request.getfixturevalue("empty_kuzu_store"), path)
        return open_store(backend="kuzu", path=path)
    return open_test_store()


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """An empty store of each backend."""
    opened = _open(request, tmp_path / "store")
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(scope="module", params=BACKENDS)
def filled(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    """A store of each backend holding the four sample documents with embeddings (read-only tests)."""
    opened = _open(request, tmp_path_factory.mktemp("filled") / "store")
    for doc, facts in (upr_report(), sc_resolution(), sc_resolution(1769, 2007), joint_letter()):
        opened.put_document(doc, facts, embeddings=embeddings_for(doc))
    try:
        yield opened
    finally:
        opened.close()
