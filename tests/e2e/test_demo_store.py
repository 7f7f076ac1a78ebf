"""The demo corpus end to end: `r2p demo` writes the PDFs, the pipeline stores them, the graph answers.

The demo's States are invented, so its situations are the unlisted ones read from the documents
themselves (``sit/x-<slug>``): the situation page and ``trace`` must show them, with the demo's
mechanisms as evidence, and the UPR recommendations must carry the reviewed situation while
their fictional recommenders stay unlinked.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.pipeline import ingest_paths
from graph.factory import open_store
from graph.store import GraphStore

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    root = tmp_path_factory.mktemp("demo-store")
    env = {**os.environ, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-m", "api.cli", "demo", "--out", str(root / "pdfs")], check=False,
                          cwd=REPO, env=env, text=True, capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr
    store = open_store(path=root / "store")
    report = ingest_paths([root / "pdfs"], store)
    assert (report.added, report.failures) == (5, [])
    yield store
    store.close()


def test_the_demo_situations_are_listed(demo_store: GraphStore) -> None:
    situations = {s.id: s for s in demo_store.list_situations()}
    assert {"sit/x-eastland", "sit/x-northmark"} <= set(situations)
    assert not any(s.startswith("sit/") and not s.startswith("sit/x-") for s in situations)  # no real State


def test_trace_eastland_lists_mechanisms_with_dated_evidence(demo_store: GraphStore) -> None:
    trace = demo_store.trace("Eastland")
    assert trace is not None and trace.situation_id == "sit/x-eastland"
    by_id = {m.id: m for m in trace.mechanisms}
    assert {"mech/poe-x-eastland", "mech/sr-x-eastland", "mech/coi-x-eastland", "mech/op-x-eastland"} <= set(by_id)
    for mech in by_id.values():
        assert mech.evidence and all(e.paragraph and e.date for e in mech.evidence)
    panel = by_id["mech/poe-x-eastland"]
    assert panel.name == "Panel of Experts on Eastland"
    assert {"S/RES/9901 (2026)", "A/80/9001", "A/HRC/61/9002"} <= set(panel.documents)
    assert any(e.symbol == "S/RES/9901 (2026)" and e.paragraph == "4" for e in panel.evidence)


def test_upr_recommendations_carry_the_reviewed_situation(demo_store: GraphStore) -> None:
    stored = {s.document.symbol: s for s in demo_store.iter_documents()}
    upr = stored["A/HRC/61/9003"].facts
    assert upr.situations == ("sit/x-northmark",)
    assert len(upr.recommendations) == 14
    assert all(r.situations == ("sit/x-northmark",) and r.by == () and r.to == () for r in upr.recommendations)
    assert any("not in the controlled list" in w for w in upr.warnings)
    records = [r for r in demo_store.recommendations(limit=200) if r.symbol == "A/HRC/61/9003"]
    assert len(records) == 14 and records[0].text.startswith("Ratify the Rome Statute")


def test_the_addendum_states_the_positions_on_the_upr_recommendations(demo_store: GraphStore) -> None:
    records = {r.paragraph: r for r in demo_store.recommendations(limit=200) if r.symbol == "A/HRC/61/9003"}
    positions = {k: (r.response, r.response_symbol, r.response_paragraph) for k, r in records.items()}
    noted = {"12.2", "12.8", "12.11"}
    assert positions == {k: ("noted", "A/HRC/61/9003/Add.1", "4") if k in noted
                         else ("supported", "A/HRC/61/9003/Add.1", "2") for k in records}
    from api.csvout import RECOMMENDATION_FIELDS, recommendation_rows

    first = dict(zip(RECOMMENDATION_FIELDS, next(recommendation_rows([records["12.1"]])), strict=True))
    assert (first["response"], first["response_stated_in"]) == ("supported", "A/HRC/61/9003/Add.1, para. 2, p. 1")


def test_recommendations_filtered_by_response_on_the_api(demo_store: GraphStore, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.settings import Settings

    client = TestClient(create_app(Settings(store=tmp_path / "unused"), store=demo_store, embedder=None),
                        raise_server_exceptions=False)
    noted = client.get("/api/recommendations", params={"response": "noted"}).json()
    assert sorted(r["paragraph"] for r in noted["items"]) == ["12.11", "12.2", "12.8"]
    assert noted["total"] is None and {r["response_symbol"] for r in noted["items"]} == {"A/HRC/61/9003/Add.1"}
    every = client.get("/api/recommendations", params={"limit": 200}).json()["items"]
    supported = [r["paragraph"] for r in every if r["response"] == "supported"]
    assert len(supported) == 11
    page = client.get("/api/recommendations", params={"response": "supported", "limit": 4, "offset": 8}).json()
    assert [r["paragraph"] for r in page["items"]] == supported[8:] and len(page["items"]) == 3
    bad = client.get("/api/recommendations", params={"response": "rejected"})
    assert bad.status_code == 400 and "unknown response 'rejected'" in bad.json()["error"]["message"]
    assert client.get("/api/search", params={"q": "torture", "response": "rejected"}).status_code == 400

