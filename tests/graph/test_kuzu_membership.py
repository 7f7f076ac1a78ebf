"""MEMBER_OF in the Kùzu backend: provenance on the edge, stores made before its columns, bad input."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import kuzu
import pytest

from graph import kuzu_queries as q
from graph.errors import BadDocument
from graph.kuzu_store import DB_NAME, KuzuGraphStore
from ontology.model import Membership
from tests.contract.test_membership import NAMING, STATED, STATING, VOCABULARY, _communique

EDGES = "MATCH (a:Actor)-[e:MEMBER_OF]->(b:Actor) RETURN a.id, b.id, e.document, e.paragraph, e.source ORDER BY e.document"


def _edges(path: Path) -> list[list[object]]:
    db = kuzu.Database(str(path / DB_NAME), read_only=True)
    try:
        result = kuzu.Connection(db).execute(EDGES)
        found = []
        while result.has_next():
            found.append(result.get_next())
        return found
    finally:
        db.close()


def test_edges_carry_the_document_and_the_paragraph_when_read_in_the_text(tmp_path: Path) -> None:
    with KuzuGraphStore(tmp_path / "store") as store:
        store.put_document(*_communique("S/2025/101", NAMING, VOCABULARY))
        store.put_document(*_communique("S/2025/103", STATING, STATED))
    assert _edges(tmp_path / "store") == [
        ["org/AU-PSC", "org/AU", "S/2025/101", None, "vocabulary"],
        ["org/AU-PSC", "org/AU", "S/2025/103", "S/2025/103#p0", "text"],
    ]


def test_a_store_made_before_the_provenance_columns_gains_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    path = tmp_path / "store"
    path.mkdir()
    old = {**q.REL_TABLES, "MEMBER_OF": ([("Actor", "Actor")], [("document", "STRING")])}
    monkeypatch.setattr(q, "REL_TABLES", old)
    db = kuzu.Database(str(path / DB_NAME))
    conn = kuzu.Connection(db)
    for stmt in q.schema_ddl(384):
        conn.execute(stmt)
    db.close()
    monkeypatch.undo()
    with KuzuGraphStore(path) as store:
        store.put_document(*_communique("S/2025/103", STATING, STATED))
        assert store.get_actor("org/AU-PSC").member_of == ("org/AU",)
    assert _edges(path) == [["org/AU-PSC", "org/AU", "S/2025/103", "S/2025/103#p0", "text"]]


@pytest.mark.parametrize("membership", [
    Membership("org/AU-PSC", "org/AU", source="text"),  # a text claim must name its paragraph
    Membership("org/AU-PSC", "org/EU"),  # the organization is not among the document's actors
    Membership("org/AU-PSC", "org/AU", source="text", paragraph_index=3),  # no such paragraph
])
def test_a_membership_that_does_not_hold_together_is_refused(tmp_path: Path, membership: Membership) -> None:
    doc, facts = _communique("S/2025/104", STATING, ())
    with KuzuGraphStore(tmp_path / "store") as store:
        with pytest.raises(BadDocument, match="S/2025/104"):
            store.put_document(doc, replace(facts, memberships=(membership,)))
        assert store.get_document("S/2025/104") is None
