"""The demo corpus: fictional UN-style PDFs that open, carry their marks and never change."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest

from ingest.citations import find_citations
from ingest.demo import DOCUMENTS, FICTIONAL_MARK, write_demo
from ingest.demo.writer import render
from ingest.symbols import is_symbol, split_joint

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    write_demo(out)
    return out


def _text(path: Path) -> list[str]:
    with pymupdf.open(path) as doc:
        return [page.get_text() for page in doc]


def test_every_document_is_written_and_opens(demo_dir: Path) -> None:
    names = sorted(p.name for p in demo_dir.glob("*.pdf"))
    assert names == sorted(d.filename for d in DOCUMENTS)
    for doc in DOCUMENTS:
        pages = _text(demo_dir / doc.filename)
        assert 1 <= len(pages) <= 5


@pytest.mark.parametrize("doc", DOCUMENTS, ids=lambda d: d.symbol)
def test_every_page_says_it_is_fictional(demo_dir: Path, doc) -> None:  # type: ignore[no-untyped-def]
    pages = _text(demo_dir / doc.filename)
    assert all(FICTIONAL_MARK in page for page in pages)
    with pymupdf.open(demo_dir / doc.filename) as pdf:
        assert pdf.metadata["subject"] == FICTIONAL_MARK


@pytest.mark.parametrize("doc", DOCUMENTS, ids=lambda d: d.symbol)
def test_masthead_and_furniture(demo_dir: Path, doc) -> None:  # type: ignore[no-untyped-def]
    pages = _text(demo_dir / doc.filename)
    first = pages[0]
    for mark in ("United Nations", doc.symbol, "Distr.: General", doc.date, "Original: English", doc.job):
        assert mark in first
    assert all(is_symbol(s) for s in split_joint(doc.symbol))
    for number, page in enumerate(pages[1:], start=2):
        assert doc.symbol in page
        assert f"{number}/{len(pages)}" in page


@pytest.mark.parametrize("doc", DOCUMENTS, ids=lambda d: d.symbol)
def test_footnotes_labels_and_citations_are_printed(demo_dir: Path, doc) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(_text(demo_dir / doc.filename))
    for label in doc.expected.labels:
        printed = label.split(" ")[-1] if " " in label else f"{label}."
        assert printed in text, label
    context = "HRC" if doc.symbol.startswith("A/HRC/") else None
    cited = {h.symbol for h in find_citations(text, context_organ=context)}
    assert set(doc.expected.citations) <= cited


def test_documents_are_deterministic(demo_dir: Path) -> None:
    for doc in DOCUMENTS:
        assert render(doc) == (demo_dir / doc.filename).read_bytes()


def test_second_run_leaves_files_untouched(demo_dir: Path) -> None:
    before = {p.name: p.stat().st_mtime_ns for p in demo_dir.glob("*.pdf")}
    write_demo(demo_dir)
    assert {p.name: p.stat().st_mtime_ns for p in demo_dir.glob("*.pdf")} == before


def test_cli_demo_writes_the_same_bytes(tmp_path: Path, demo_dir: Path) -> None:
    """`r2p demo` in a fresh process gives byte-identical files (stable content hashes)."""
    result = subprocess.run(
        [sys.executable, "-m", "api.cli", "demo", "--out", str(tmp_path)],
        check=False, cwd=REPO, capture_output=True, text=True,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    for doc in DOCUMENTS:
        fresh = hashlib.sha256((tmp_path / doc.filename).read_bytes()).hexdigest()
        assert fresh == hashlib.sha256((demo_dir / doc.filename).read_bytes()).hexdigest()
        assert str(tmp_path / doc.filename) in result.stdout


@pytest.fixture(scope="session")
def parsed(demo_dir: Path) -> dict[str, object]:
    from ingest.pipeline import parse

    return {doc.filename: parse(demo_dir / doc.filename) for doc in DOCUMENTS}


@pytest.mark.parametrize("doc", DOCUMENTS, ids=lambda d: d.symbol)
def test_demo_pdfs_parse_back(parsed: dict, doc) -> None:  # type: ignore[no-untyped-def]
    """The parser reads back what the writer printed: symbols, date, labels, footnotes, citations."""
    result = parsed[doc.filename]
    assert list(result.symbols) == split_joint(doc.symbol)
    assert result.language == "en"
    assert result.distribution == "General"
    assert result.job_number == doc.job
    assert tuple(p.label for p in result.paragraphs if p.label) == doc.expected.labels
    assert len(result.footnotes) == doc.expected.footnotes
    assert set(doc.expected.citations) <= {c.symbol for c in result.citations}
    assert not any(FICTIONAL_MARK in p.text for p in result.paragraphs)
    assert not any(FICTIONAL_MARK in f.text for f in result.footnotes)


def test_demo_resolution_parses_into_preambular_and_operative(parsed: dict) -> None:
    from ingest.demo.texts.resolution import OPERATIVE_VERBS, PREAMBULAR_VERBS, RESOLUTION

    result = parsed[RESOLUTION.filename]
    assert result.kind == "resolution"
    assert result.date == "2026-01-15"
    pre = [p.verb for p in result.paragraphs if p.kind == "preambular"]
    ops = [p.verb for p in result.paragraphs if p.kind == "operative"]
    assert tuple(pre) == PREAMBULAR_VERBS
    assert tuple(ops) == OPERATIVE_VERBS


def test_demo_upr_recommendations_are_paragraphs(parsed: dict) -> None:
    from ingest.demo.texts.upr import RECOMMENDATIONS, UPR

    result = parsed[UPR.filename]
    recs = [p for p in result.paragraphs if p.label and p.label.count(".") == 1]
    assert len(recs) == len(RECOMMENDATIONS)
    assert recs[0].text.startswith("Ratify the Rome Statute")
    assert recs[0].text.rstrip(";").endswith("(Eastland, Westvale)")
