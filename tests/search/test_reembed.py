"""`r2p reembed` on a real store of the demo documents: after the model or the embedding rules
change, stored documents get vectors of the current model without their PDFs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from api.cli import app
from graph.factory import open_store
from search import indexing
from search.hybrid import search
from search.models import bundled_model_path
from search.reembed import reembed

QUERY = "give relief organisations unimpeded entry"  # says in other words what S/RES/9901 (2026) ¶6 says
EXPECTED = ("S/RES/9901 (2026)", "6")


@pytest.fixture(scope="module")
def demo_ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(demo PDFs, a store they were ingested into with the bundled model's vectors)."""
    root = tmp_path_factory.mktemp("reembed")
    runner = CliRunner()
    assert runner.invoke(app, ["demo", "--out", str(root / "pdfs")]).exit_code == 0
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("R2P_EMBEDDING__BACKEND", "openvino")
        done = runner.invoke(app, ["ingest", str(root / "pdfs"), "--store", str(root / "store"), "--json"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["added"] == 5
    return root / "pdfs", root / "store"


@pytest.fixture
def store_copy(demo_ingested: tuple[Path, Path], tmp_path: Path) -> Path:
    shutil.copytree(demo_ingested[1], tmp_path / "store")
    return tmp_path / "store"


def _cli(store: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, [*args, "--store", str(store)])
    return result.exit_code, result.stdout


def _json(store: Path, *args: str) -> object:
    code, out = _cli(store, *args, "--json")
    assert code == 0, out
    return json.loads(out)


def test_a_model_change_is_repaired_by_reembed_without_the_pdfs(demo_ingested, store_copy, monkeypatch) -> None:
    pdfs, _ = demo_ingested
    monkeypatch.setenv("R2P_EMBEDDING__BACKEND", "openvino")
    # the same weights named by their path: another model name, so every stored vector key is stale
    monkeypatch.setenv("R2P_EMBEDDING__MODEL", bundled_model_path())
    assert _json(store_copy, "search", QUERY, "--mode", "dense") == []
    code, out = _cli(store_copy, "search", QUERY)
    assert code == 0 and "run `r2p reembed`" in out
    before = _json(store_copy, "stats")
    recs_before = _json(store_copy, "recommendations")
    with open_store(path=store_copy, read_only=True) as s:
        stored_before = {d.document.symbol: d for d in s.iter_documents()}

    report = _json(store_copy, "reembed")
    assert report["model"] == bundled_model_path()
    assert (report["documents"], report["reembedded"], report["current"], report["failures"]) == (5, 5, 0, [])
    assert report["paragraphs_embedded"] == before["paragraphs"] and report["paragraphs_reused"] == 0

    hits = _json(store_copy, "search", QUERY, "--mode", "dense", "--limit", "3")
    assert (hits[0]["symbol"], hits[0]["paragraph"]) == EXPECTED
    code, out = _cli(store_copy, "search", QUERY)
    assert code == 0 and "r2p reembed" not in out

    again = _json(store_copy, "reembed")
    assert (again["reembedded"], again["current"], again["paragraphs_embedded"]) == (0, 5, 0)
    assert again["paragraphs_reused"] == before["paragraphs"]
    assert _json(store_copy, "stats") == before
    assert _json(store_copy, "recommendations") == recs_before
    with open_store(path=store_copy, read_only=True) as s:
        stored_after = {d.document.symbol: d for d in s.iter_documents()}
    assert stored_after == stored_before  # documents, facts, source paths and ingestion times as they were

    ingest = _json(store_copy, "ingest", str(pdfs))
    assert (ingest["unchanged"], ingest["added"], ingest["replaced"]) == (5, 0, 0)


def test_changed_embedding_rules_give_new_vectors(store_copy, embedder, monkeypatch) -> None:
    s = open_store(path=store_copy)
    try:
        stored = s.get_document(EXPECTED[0])
        doc, facts = stored.document, stored.facts
        index = next(p.index for p in doc.paragraphs if p.key == EXPECTED[1])
        old_key = indexing.embedding_keys(doc, facts, embedder.name)[index]
        old_vector = s.embeddings_by_hash([old_key])[old_key]
        monkeypatch.setattr(indexing, "CONTEXT_WEIGHT", 0.5)  # the context now weighs more in every vector
        assert "r2p reembed" in (search(s, embedder, QUERY).note or "")
        assert search(s, embedder, QUERY, mode="dense").hits == ()

        writes: list[str] = []
        s._hook = writes.append
        report = reembed(s, embedder)
        s._hook = None
        assert (report.documents, report.reembedded, report.failures) == (5, 5, [])
        assert writes.count("after_delete") == 1  # the four documents in one transaction
        new_key = indexing.embedding_keys(doc, facts, embedder.name)[index]
        assert new_key != old_key and s.embeddings_by_hash([old_key]) == {}
        new_vector = s.embeddings_by_hash([new_key])[new_key]
        assert not np.allclose(new_vector, old_vector, atol=1e-3)  # really re-encoded, not relabelled
        hit = search(s, embedder, QUERY, mode="dense").hits[0]
        assert (hit.symbol, hit.paragraph) == EXPECTED
    finally:
        s.close()


def test_a_document_that_fails_is_named_and_kept_and_the_others_go_on(store_copy, embedder, monkeypatch) -> None:
    s = open_store(path=store_copy)
    try:
        first = s.list_documents(limit=1)[0].symbol
        old = s.get_document(first)
        old_keys = set(indexing.embedding_keys(old.document, old.facts, embedder.name).values())
        monkeypatch.setattr(indexing, "CONTEXT_WEIGHT", 0.5)
        writes = []

        def fail_first_write(point: str) -> None:  # the store's fault-injection point inside its transaction
            writes.append(point)
            if writes.count("after_delete") <= 2:  # the batch of five, then the first document alone
                raise RuntimeError("disk full")

        s._hook = fail_first_write
        report = reembed(s, embedder)
        s._hook = None
        assert (report.documents, report.reembedded) == (5, 4), report
        assert writes.count("after_delete") == 6  # the refused batch, then each document on its own
        [failure] = report.failures
        assert failure.symbol == first and failure.error.startswith(f"{first}: ") and "disk full" in failure.error
        assert s.get_document(first) == old  # rolled back: the stored version is whole
        assert len(s.embeddings_by_hash(sorted(old_keys))) == len(old_keys)  # with its vectors
        retry = reembed(s, embedder)
        assert (retry.reembedded, retry.current, retry.failures) == (1, 4, [])
    finally:
        s.close()


def test_reembed_of_a_missing_store_is_a_clear_error_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "no-store"
    result = CliRunner().invoke(app, ["reembed", "--store", str(missing)])
    assert result.exit_code != 0 and f"no store at {missing}" in result.output
    assert "Traceback" not in result.output and not missing.exists()
