"""The Kùzu bulk path: several documents in one transaction, all or nothing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from graph.errors import BadDocument
from graph.kuzu_store import KuzuGraphStore
from ontology.model import Mention
from tests.contract.samples import embeddings_for, joint_letter, sc_resolution, upr_report


def test_put_documents_writes_a_batch_and_reports_each(tmp_path: Path) -> None:
    with KuzuGraphStore(tmp_path / "store") as store:
        store.put_document(*upr_report(1))
        doc, facts = sc_resolution()
        batch = [(*upr_report(2), None, None), (doc, facts, embeddings_for(doc), "/x.pdf"),
                 (*joint_letter(), None, None), (*sc_resolution(1769, 2007), None, None)]
        results = store.put_documents(batch)
        assert [r.status for r in results] == ["replaced", "added", "added", "added"]
        assert store.get_document("S/RES/1591 (2005)").source_path == "/x.pdf"
        assert {r.verb for r in store.recommendations(to="Sudan")} == {"Ratify", "Strengthen", "Calls upon"}
        assert {c.citing_symbol for c in store.cited_by("S/RES/1591 (2005)")} == {"A/64/100"}
        assert [r.status for r in store.put_documents(batch)] == ["unchanged"] * 4


def test_a_bad_document_refuses_the_whole_batch(tmp_path: Path) -> None:
    with KuzuGraphStore(tmp_path / "store") as store:
        store.put_document(*upr_report(1))
        before = store.stats()
        doc, facts = sc_resolution()
        broken = replace(facts, mentions=(Mention(40, "state/SDN", "Sudan"),))
        with pytest.raises(BadDocument, match="S/RES/1591"):
            store.put_documents([(*upr_report(2), None, None), (doc, broken, None, None)])
        assert store.stats() == before
        assert store.get_document("A/HRC/11/14").document == upr_report(1)[0]


def test_pages_past_the_end_are_empty(tmp_path: Path) -> None:
    # Kùzu 0.11.3 kills the process on ORDER BY … SKIP far past the rows; the store must not ask it.
    with KuzuGraphStore(tmp_path / "store") as store:
        store.put_document(*upr_report(1))
        assert store.list_documents(offset=1_000_000) == []
        assert store.recommendations(offset=1_000_000) == []
        assert store.recommendations(to="Sudan", offset=1_000_000) == []
        assert [d.symbol for d in store.list_documents(offset=0, limit=1)] == ["A/HRC/11/14"]
