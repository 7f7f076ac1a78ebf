"""`r2p search` and `r2p similar` on a real store built by `r2p ingest`."""

from __future__ import annotations

import csv
import io
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
    assert hits[0]["title"] == "Resolution 2772 (2025)"
    assert hits[0]["subtitle"] == "Adopted by the Security Council at its 9860th meeting, on 17 February 2025"


def test_search_lexical_mode_and_empty_query(cli_store):
    ok = CliRunner().invoke(app, ["search", "Security Council", "--mode", "lexical", "--store", str(cli_store)])
    assert ok.exit_code == 0 and "S/RES/2772 (2025)" in ok.stdout
    assert "    Resolution 2772 (2025) · Adopted by the Security Council at its 9860th meeting" in ok.stdout
    bad = CliRunner().invoke(app, ["search", "  ", "--store", str(cli_store)])
    assert bad.exit_code == 2 and "query is empty" in bad.output and "Traceback" not in bad.output


def test_search_offers_the_stored_spelling(cli_store):
    result = CliRunner().invoke(app, ["search", "Securty Council", "--mode", "lexical", "--store", str(cli_store)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == ['no stored paragraph has the word "securty"',
                                             "did you mean: Security Council"]
    as_csv = CliRunner().invoke(app, ["search", "Securty Council", "--csv", "--store", str(cli_store)])
    assert "r2p: did you mean: Security Council" in as_csv.stderr and "did you mean" not in as_csv.stdout


def test_similar_with_one_document_says_so(cli_store):
    result = CliRunner().invoke(app, ["similar", "S/RES/2772 (2025)", "1", "--store", str(cli_store)])
    assert result.exit_code == 0, result.output
    assert "no similar paragraph in other documents" in result.stdout


def test_search_csv_has_one_row_per_hit(cli_store):
    as_json = json.loads(CliRunner().invoke(app, ["search", "Security Council", "--json", "--limit", "4",
                                                  "--store", str(cli_store)]).stdout)
    result = CliRunner().invoke(app, ["search", "Security Council", "--csv", "--limit", "4", "--store", str(cli_store)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["symbol"], r["paragraph"]) for r in rows] == [
        (h["symbol"], "unnumbered" if h["paragraph"] == h["key"] and h["key"].startswith("p") else h["paragraph"])
        for h in as_json]
    assert list(rows[0])[:3] == ["rank", "symbol", "other_symbols"] and "link" not in rows[0]
    assert rows[0]["subtitle"] == as_json[0]["subtitle"] != ""
    both = CliRunner().invoke(app, ["search", "Security Council", "--csv", "--json", "--store", str(cli_store)])
    assert both.exit_code == 2 and "not both" in both.output


def test_csv_cells_are_never_formulas():
    from api.csvout import HIT_FIELDS, hit_rows, write_csv
    from search.hits import Hit

    def hit(text: str) -> Hit:
        return Hit(uid="u", symbol="A/1", symbols=("A/1", "E/1"), title=None, subtitle=None, date=None,
                   paragraph="1", key="1",
                   page=1, section=None, kind="numbered", text=text, highlighted=text, marked=text, score=0.5,
                   document_kind="report", language="en", by=("France", "Chile"))

    out = io.StringIO()
    texts = ["=HYPERLINK(\"http://x\")", "-2+3", "- a dash item", "plain, with a comma", "@SUM(A1)", "+1"]
    write_csv(HIT_FIELDS, hit_rows(hit(t) for t in texts), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["text"] for r in rows] == ["'=HYPERLINK(\"http://x\")", "'-2+3", "- a dash item", "plain, with a comma",
                                         "'@SUM(A1)", "'+1"]
    assert rows[0]["by"] == "France; Chile" and rows[0]["other_symbols"] == "E/1" and rows[0]["date"] == ""


def test_similar_order_is_checked(cli_store):
    bad = CliRunner().invoke(app, ["similar", "S/RES/2772 (2025)", "1", "--order", "newest", "--store", str(cli_store)])
    assert bad.exit_code == 2 and "unknown order 'newest'" in bad.stderr
