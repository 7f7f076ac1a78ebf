"""The Kùzu buffer pool cap (``R2P_GRAPH__BUFFER_POOL_MB``): it reaches the database, and a size too
small to work is a clear error naming the store, never a trace or a damaged store."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from api.commands._store import open_from_settings
from api.settings import Settings
from graph import kuzu_store
from graph.factory import open_store
from tests.contract.samples import embeddings_for, sc_resolution, upr_report

MIB = 1024 * 1024
REPO = Path(__file__).resolve().parents[2]


def _pool_bytes(store) -> int:
    return int(store._conn.execute("CALL bm_info() RETURN mem_limit").get_next()[0])


def test_the_setting_reaches_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("R2P_GRAPH__BUFFER_POOL_MB", "160")
    settings = Settings(store=tmp_path / "store")
    assert settings.graph.buffer_pool_mb == 160
    with open_from_settings(settings, read_only=False) as store:
        assert _pool_bytes(store) == 160 * MIB
        doc, facts = upr_report()
        assert store.put_document(doc, facts, embeddings=embeddings_for(doc)).status == "added"
    with open_store(path=tmp_path / "store", read_only=True, buffer_pool_mb=200) as store:
        assert _pool_bytes(store) == 200 * MIB and store.stats()["documents"] == 1


def test_unset_leaves_kuzus_own_default(tmp_path: Path) -> None:
    assert Settings().graph.buffer_pool_mb == 0
    with open_store(path=tmp_path / "store") as store:
        assert _pool_bytes(store) > 1024 * MIB  # Kùzu's default: most of the machine's memory


def test_a_too_small_pool_is_refused_naming_the_store_and_creating_nothing(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "store"
    monkeypatch.setenv("R2P_GRAPH__BUFFER_POOL_MB", "64")
    result = CliRunner().invoke(app, ["stats", "--store", str(store)])
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert f"cannot open the store {store}" in result.output and "R2P_GRAPH__BUFFER_POOL_MB" in result.output
    assert not store.exists()


WRITER = """
import sys
from graph import kuzu_store
from graph.factory import open_store
from tests.contract.samples import sc_resolution
kuzu_store.MIN_BUFFER_POOL_MB = 1  # past the guard, to meet Kùzu's own limit
with open_store(path=sys.argv[1], buffer_pool_mb=96) as store:
    store.put_document(*sc_resolution())
"""


def test_a_pool_that_runs_out_during_a_write_names_the_store_and_keeps_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with open_store(path=path) as store:
        store.put_document(*upr_report())
        before = store.stats()
    # the pool runs out inside the bulk load, which cannot be rolled back in process: the writer stops
    child = subprocess.run([sys.executable, "-c", WRITER, str(path)], cwd=REPO, capture_output=True, text=True,
                           check=False, timeout=300, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert child.returncode == kuzu_store.ABANDONED_EXIT, child.stderr
    assert str(path) in child.stderr and "raise R2P_GRAPH__BUFFER_POOL_MB" in child.stderr
    with open_store(path=path) as store:
        assert store.stats() == before
        assert store.put_document(*sc_resolution()).status == "added"
    with open_store(path=path, read_only=True) as store:
        assert store.stats()["documents"] == before["documents"] + 1


def test_the_server_and_export_open_the_store_with_every_graph_setting(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from api.app import open_settings_store
    from api.commands.export import open_read_only

    monkeypatch.setenv("R2P_GRAPH__VECTOR_INDEX", "false")
    monkeypatch.setenv("R2P_GRAPH__BUFFER_POOL_MB", "160")
    settings = Settings(store=tmp_path / "store")
    with open_settings_store(settings) as store:  # `r2p serve` on a new store
        assert store.vector_index is False and _pool_bytes(store) == 160 * MIB
    with open_read_only(settings) as store:  # `r2p export`, `r2p sparql`
        assert store.vector_index is False and _pool_bytes(store) == 160 * MIB
