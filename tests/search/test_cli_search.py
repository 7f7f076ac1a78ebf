"""`r2p search` and `r2p similar` on a real store built by `r2p ingest`."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from api.cli import app

RESOLUTION = "un-mixed-2025/S_RES_2772 (2025).en.pdf"


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory, corpus, monkeypatch_module):
    path = tmp_path_factory.mktemp("cli") / "store"
    result = CliRunner().invoke(app, ["ingest", str(corpus / RESOLUTION), "--store", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    mp.setenv("R2P_EMBEDDING__BACKEND", "openvino")
    yield mp
    mp.undo()


def test_search_json_lists_hits_with_their_fields(cli_store):
    result = CliRunner().invoke(app, ["search", "S/RES/2772 (2025)", "--json", "--limit", "3", "--store", str(cli_store)])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert hits[0]["symbol"] == "S/RES/2772 (2025)"
    assert {"symbol", "paragraph", "page", "text", "score", "title", "date", "by", "to"} <= set(hits[0])


def test_search_lexical_mode_and_empty_query(cli_store):
    ok = CliRunner().invoke(app, ["search", "Security Council", "--mode", "lexical", "--store", str(cli_store)])
    assert ok.exit_code == 0 and "S/RES/2772 (2025)" in ok.stdout
    bad = CliRunner().invoke(app, ["search", "  ", "--store", str(cli_store)])
    assert bad.exit_code == 2 and "query is empty" in bad.output and "Traceback" not in bad.output


def test_similar_with_one_document_says_so(cli_store):
    result = CliRunner().invoke(app, ["similar", "S/RES/2772 (2025)", "1", "--store", str(cli_store)])
    assert result.exit_code == 0, result.output
    assert "no similar paragraph in other documents" in result.stdout
