"""Every statement in graph/neo4j_queries.py passes Neo4j's own Cypher front end.

``tests/node/validate-cypher.mjs`` runs ``lintCypherQuery`` of the npm package
``@neo4j-cypher/language-support`` (syntax and semantics) under Cypher 5 and Cypher 25, against a
schema of the project's labels, relationship types and property keys and Neo4j's built-in
procedures and functions. One Node process checks all statements.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from graph import neo4j_queries as Q
from tests.neo4j.recording import parameters_of

NODE_DIR = Path(__file__).resolve().parents[1] / "node"
SCRIPT = NODE_DIR / "validate-cypher.mjs"

# Statements that must be refused, so a validator that accepts everything cannot pass.
BROKEN = {
    "broken:syntax": "MATCH (p:Paragraph RETURN p.uid",
    "broken:variable": "MATCH (p:Paragraph) RETURN q.uid",
    "broken:procedure": "CALL db.index.vector.queryNode('paragraph_embedding', 3, $v) YIELD node RETURN node",
    "broken:plugin": "RETURN apoc.coll.sum([1, 2]) AS total",
    "broken:label": "MATCH (p:Paragrah) RETURN p.uid",
    "broken:property": "MATCH (p:Paragraph) RETURN p.txet",
    "broken:parameter": "MATCH (p:Paragraph {uid: $uid}) RETURN p.text",
}


def _node() -> str:
    node = shutil.which("node")
    ready = node and (NODE_DIR / "node_modules" / "@neo4j-cypher" / "language-support").is_dir()
    if not ready:
        message = "Node.js and tests/node/node_modules are needed (scripts/setup-system.sh runs npm ci)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return str(node)


@pytest.fixture(scope="module")
def diagnostics() -> dict[str, Any]:
    queries = {**Q.all_queries(), **BROKEN}
    declared = {name: {p: None for p in parameters_of(q)} for name, q in Q.all_queries().items()}
    payload = {"queries": queries, "parameters": declared, "labels": list(Q.LABELS),
               "relationshipTypes": list(Q.RELATIONSHIP_TYPES), "propertyKeys": list(Q.PROPERTY_KEYS),
               "versions": ["CYPHER 5", "CYPHER 25"]}
    run = subprocess.run([_node(), str(SCRIPT)], input=json.dumps(payload), capture_output=True, text=True,
                         cwd=NODE_DIR, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_every_statement_is_valid_cypher_5_and_25(diagnostics: dict[str, Any]) -> None:
    problems = {f"{name} ({version})": found
                for name in Q.all_queries()
                for version, found in diagnostics["results"][name].items() if found}
    assert problems == {}
    assert len(Q.all_queries()) >= 50
    assert set(diagnostics["results"]["TRACE"]) == {"CYPHER 5", "CYPHER 25"}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_the_front_end_refuses_broken_statements(diagnostics: dict[str, Any], name: str) -> None:
    for version, found in diagnostics["results"][name].items():
        assert found, f"{name} passed under {version}"
        assert {d["severity"] for d in found} <= {"error", "warning"}


def test_the_validator_is_the_pinned_package(diagnostics: dict[str, Any]) -> None:
    pinned = json.loads((NODE_DIR / "package.json").read_text())["dependencies"]
    assert diagnostics["package"] == pinned["@neo4j-cypher/language-support"]


def test_statements_take_values_only_as_parameters() -> None:
    """The only literals in statements are the names of the project's own indexes and settings."""
    allowed = ("'paragraph_embedding'", "'paragraph_text'", "'cosine'", "'recommendation'", "'vector.dimensions'",
               "'english'")
    for name, query in Q.all_queries().items():
        for literal in allowed:
            query = query.replace(literal, "")
        assert "'" not in query and '"' not in query, f"{name} holds a string literal"
