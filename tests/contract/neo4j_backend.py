"""The Neo4j side of the contract suite: a store on the server named by ``R2P_TEST_NEO4J_URI``.

``R2P_TEST_NEO4J_URI`` (e.g. ``neo4j://localhost:7687`` or ``neo4j+s://<id>.databases.neo4j.io``),
``R2P_TEST_NEO4J_USER`` (default ``neo4j``), ``R2P_TEST_NEO4J_PASSWORD``, ``R2P_TEST_NEO4J_DATABASE``
(default: the server's default database). Without a URI the Neo4j cases are skipped.

Each test starts from an empty graph: the documents are removed through the store's own
``remove_document`` (which must leave nothing behind), after checking that the database holds
only documents the contract suite itself writes, so a database with real data is never emptied.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

import pytest

from graph.factory import open_store
from graph.store import GraphStore
from ontology.model import symbol_key

ENV_URI = "R2P_TEST_NEO4J_URI"


def configured() -> bool:
    """Whether a Neo4j server is configured for the contract suite."""
    return bool(os.environ.get(ENV_URI))


def open_test_store(sample_symbols: Iterable[str] | None = None) -> GraphStore:
    """An emptied Neo4j store for one contract test; skips when no server is configured.

    ``sample_symbols``: the symbols the suite writes; a database holding any other document is
    refused rather than emptied (default: the symbols of ``tests.contract.samples``).
    """
    uri = os.environ.get(ENV_URI)
    if not uri:
        pytest.skip(f"{ENV_URI} is not set")
    store = open_store(backend="neo4j", uri=uri, user=os.environ.get("R2P_TEST_NEO4J_USER", "neo4j"),
                       password=os.environ.get("R2P_TEST_NEO4J_PASSWORD", ""),
                       database=os.environ.get("R2P_TEST_NEO4J_DATABASE") or None)
    allowed = {symbol_key(s) for s in (sample_symbols if sample_symbols is not None else _sample_symbols())}
    stored = [d.symbol for d in store.list_documents(limit=1_000_000)]
    foreign = [s for s in stored if symbol_key(s) not in allowed]
    if foreign:
        store.close()
        pytest.fail(f"{uri} holds documents the contract suite did not write ({foreign[0]}, …); "
                    "point R2P_TEST_NEO4J_URI / R2P_TEST_NEO4J_DATABASE at a database kept for tests")
    for symbol in stored:
        store.remove_document(symbol)
    return store


def _sample_symbols() -> set[str]:
    from tests.contract import samples

    made = [samples.upr_report(1), samples.upr_report(2), samples.sc_resolution(), samples.sc_resolution(1769, 2007),
            samples.joint_letter()]
    return {s for document, _facts in made for s in document.symbols}
