"""The graph commands end to end, as a user runs them, on real corpus PDFs."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.factory import open_store

REPO = Path(__file__).resolve().parents[2]


def r2p(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1"}
    return subprocess.run([sys.executable, "-m", "api.cli", *args], check=False, cwd=REPO, env=env, text=True,
                          capture_output=True, timeout=600)


@pytest.fixture(scope="module")
def files(corpus: Path) -> dict[str, Path]:
    return {
        "upr": corpus / "upr-cycle1" / "pdfs" / "albania2010.pdf",
        "resolution": corpus / "un-mixed-2025" / "S_RES_2768 (2025).en.pdf",
        "placeholder": corpus / "un-mixed-2025" / "S_2024_207.en.pdf",
    }


@pytest.fixture(scope="module")
def store(files: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "store"
    done = r2p("ingest", str(files["upr"]), str(files["resolution"]), "--store", str(path), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["added"], report["failures"]) == (2, [])
    assert report["paragraphs"] > 100 and report["recommendations"] > 50
    return path


def test_reingesting_the_same_files_changes_nothing(store: Path, files: dict[str, Path]) -> None:
    done = r2p("ingest", str(files["upr"].parent.parent / "pdfs" / files["upr"].name), "--store", str(store),
               "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["unchanged"] == 1
    reread = r2p("ingest", str(files["upr"]), "--reread", "--store", str(store), "--json")
    assert reread.returncode == 0, reread.stderr
    assert json.loads(reread.stdout)["unchanged"] == 1  # read again by the same rules: the same document


def test_a_bad_file_is_reported_skipped_and_the_exit_status_says_so(store: Path, files: dict[str, Path],
                                                                   tmp_path: Path) -> None:
    done = r2p("ingest", str(files["placeholder"]), "--store", str(store))
    assert done.returncode == 1
    assert "S_2024_207.en.pdf" in done.stderr and "failed" in done.stderr
    stats = json.loads(r2p("stats", "--store", str(store), "--json").stdout)
    assert stats["documents"] == 2
    odd = tmp_path / "drafts[" / "x]" / "minutes.pdf"  # "[/x]" in a path is printed as it is, not read as a style
    odd.parent.mkdir(parents=True)
    odd.write_bytes(b"not a PDF at all")
    done = r2p("ingest", str(odd), "--store", str(store))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "drafts[/x]/minutes.pdf" in "".join(done.stderr.split())


def test_recommendations_json_shape_and_filters(store: Path) -> None:
    done = r2p("recommendations", "--to", "Albania", "--by", "France", "--store", str(store), "--json")
    assert done.returncode == 0, done.stderr
    records = json.loads(done.stdout)
    assert records and all({"symbol", "paragraph", "text", "by", "to", "verb", "response"} <= set(r) for r in records)
    assert all("France" in r["by"] and r["to"] == ["Albania"] for r in records)
    assert all(r["symbol"] == "A/HRC/13/6" for r in records)


def test_recommendations_by_mechanism_and_years(store: Path) -> None:
    base = ("recommendations", "--to", "Albania", "--store", str(store), "--json")
    every = json.loads(r2p(*base).stdout)
    year = int(every[0]["date"][:4])
    assert json.loads(r2p(*base, "--mechanism", "Universal Periodic Review").stdout) == every  # their channel
    cat = json.loads(r2p(*base, "--mechanism", "Committee against Torture").stdout)
    assert [r["paragraph"] for r in cat] == ["67.25", "67.45"]  # the two that cite the Committee's recommendations
    assert all("Committee against Torture" in r["text"] for r in cat)
    assert json.loads(r2p(*base, "--year-from", str(year), "--year-to", str(year)).stdout) == every
    assert json.loads(r2p(*base, "--year-to", str(year - 1)).stdout) == []


def test_recommendations_csv_has_the_json_records(store: Path) -> None:
    args = ("recommendations", "--to", "Albania", "--by", "France", "--store", str(store))
    records = json.loads(r2p(*args, "--json").stdout)
    done = r2p(*args, "--csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [(r["symbol"], r["paragraph"], r["text"]) for r in rows] == [
        (x["symbol"], x["paragraph"], " ".join(x["text"].split())) for x in records]
    assert all("France" in r["by"].split("; ") and r["to"] == "Albania" for r in rows)


def test_trace_json_shape(store: Path) -> None:
    done = r2p("trace", "Albania", "--store", str(store), "--json")
    assert done.returncode == 0, done.stderr
    trace = json.loads(done.stdout)
    assert trace["situation"] == "Albania"
    upr = [m for m in trace["mechanisms"] if m["type"] == "upr"]
    assert upr and upr[0]["documents"] == ["A/HRC/13/6"]
    assert {"name", "type", "documents", "first_date", "last_date", "evidence"} <= set(upr[0])
    assert all({"symbol", "paragraph"} <= set(e) for e in upr[0]["evidence"])
    missing = r2p("trace", "Atlantis", "--store", str(store))
    assert missing.returncode == 2 and "Atlantis" in missing.stderr


def test_trace_csv_one_row_per_evidence_paragraph(store: Path) -> None:
    trace = json.loads(r2p("trace", "Albania", "--store", str(store), "--json").stdout)
    done = r2p("trace", "Albania", "--store", str(store), "--csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    expected = [(m["name"], e["symbol"], e["paragraph"] or "") for m in trace["mechanisms"] for e in m["evidence"]]
    assert [(r["mechanism"], r["symbol"], r["paragraph"]) for r in rows] == expected and rows
    assert {r["situation"] for r in rows} == {"Albania"}


def test_show_cites_stats(store: Path) -> None:
    shown = json.loads(r2p("show", "S/RES/2768 (2025)", "--store", str(store), "--json").stdout)
    assert shown["document"]["symbols"][0] == "S/RES/2768 (2025)"
    plain = r2p("show", "S/RES/2768 (2025)", "--store", str(store))
    assert plain.returncode == 0
    assert shown["document"]["subtitle"] == "Adopted by the Security Council at its 9836th meeting, on 15 January 2025"
    assert "Adopted by the Security Council at its 9836th meeting" in plain.stdout  # the subtitle under the title
    cites = r2p("cites", "S/RES/2768 (2025)", "--store", str(store), "--json")
    assert cites.returncode == 0
    assert all(c["citing"] == "S/RES/2768 (2025)" for c in json.loads(cites.stdout))
    text = r2p("stats", "--store", str(store))
    assert text.returncode == 0 and "paragraphs" in text.stdout


def test_a_second_writer_is_refused_with_a_clear_message(store: Path, files: dict[str, Path]) -> None:
    with open_store(path=store):  # this process holds the store, like `r2p serve` would
        done = r2p("ingest", str(files["resolution"]), "--store", str(store))
    assert done.returncode == 2
    assert f"store {store} is in use by process {os.getpid()}" in done.stderr
    assert "POST /api/documents" in done.stderr


def test_remove(store: Path, tmp_path: Path) -> None:
    done = r2p("remove", "S/RES/2768 (2025)", "--store", str(store))
    assert done.returncode == 0
    assert r2p("show", "S/RES/2768 (2025)", "--store", str(store)).returncode == 2
    assert r2p("remove", "S/RES/2768 (2025)", "--store", str(store)).returncode == 2


def test_a_bad_setting_is_one_line_naming_the_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("R2P_GRAPH__BACKEND", "sqlite")
    monkeypatch.setenv("R2P_API__PORT", "eighty")
    done = r2p("stats", "--store", str(tmp_path / "store"))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("r2p: error: invalid setting")
    assert "R2P_GRAPH__BACKEND='sqlite'" in lines[0] and "R2P_API__PORT='eighty'" in lines[0]
    assert not (tmp_path / "store").exists()


def test_recommendations_by_response(store: Path) -> None:
    base = ("recommendations", "--to", "Albania", "--limit", "1000", "--store", str(store), "--json")
    every = json.loads(r2p(*base).stdout)
    found = {}
    for value, stored in (("supported", {"supported", "accepted"}), ("noted", {"noted"}), ("pending", {"pending"})):
        found[value] = json.loads(r2p(*base, "--response", value).stdout)
        assert found[value] == [r for r in every if r["response"] in stored], value
    assert found["supported"] and sum(map(len, found.values())) == sum(r["response"] is not None for r in every)
    page = json.loads(r2p(*base[:3], "--limit", "3", "--offset", "2", *base[5:], "--response", "supported").stdout)
    assert page == found["supported"][2:5]
    assert json.loads(r2p(*base[:3], "--limit", "4", "--offset", "1", *base[5:]).stdout) == every[1:5]
    bad = r2p(*base, "--response", "rejected")
    assert bad.returncode == 2 and "unknown response 'rejected'" in bad.stderr and not bad.stdout
