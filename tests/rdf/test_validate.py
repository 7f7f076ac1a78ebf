"""SHACL validation of exports: the real export conforms, broken ones are reported, the CLI's exit status."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.rdf.errors import RdfError
from graph.rdf.export import export
from graph.rdf.validate import validate
from tests.rdf.samples import BASE, ListStore, report, resolution

REPO = Path(__file__).resolve().parents[2]


def test_the_corpus_export_conforms(exports: dict[str, bytes], tmp_path: Path) -> None:
    path = tmp_path / "corpus.ttl"
    path.write_bytes(exports["turtle"])
    result = validate(path)
    assert result.conforms, result.text()
    assert not [f for f in result.findings if f.severity == "Violation"]


@pytest.mark.parametrize("ext,fmt", [("nt", "nt"), ("jsonld", "jsonld"), ("rdf", "xml")])
def test_samples_conform_in_every_format(tmp_path: Path, ext: str, fmt: str) -> None:
    buffer = io.BytesIO()
    export(ListStore([report(), resolution()]), buffer, format=fmt, base_iri=BASE)
    path = tmp_path / f"sample.{ext}"
    path.write_bytes(buffer.getvalue())
    result = validate(path)
    assert result.conforms and result.triples > 300, result.text()


def _broken(tmp_path: Path, drop: str) -> Path:
    buffer = io.BytesIO()
    export(ListStore([report(), resolution()]), buffer, format="nt", base_iri=BASE)
    lines = [line for line in buffer.getvalue().decode().splitlines() if drop not in line]
    path = tmp_path / "broken.nt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_document_without_primary_symbol_and_a_recommendation_without_addressee_fail(tmp_path: Path) -> None:
    path = _broken(tmp_path, "#primarySymbol>")
    text = path.read_text()
    path.write_text("\n".join(line for line in text.splitlines() if "#addressedTo>" not in line) + "\n")
    result = validate(path)
    assert not result.conforms
    messages = {f.message for f in result.findings if f.severity == "Violation"}
    assert "A document has exactly one primary symbol." in messages
    assert "A recommendation has at least one addressee." in messages
    assert "does NOT conform" in result.text()


def test_a_fact_without_provenance_fails(tmp_path: Path) -> None:
    result = validate(_broken(tmp_path, "prov#wasGeneratedBy> <https://r2p-graph.example.org/doc/A/80/123/run"))
    assert not result.conforms
    assert any("extraction run" in f.message for f in result.findings)


def test_a_dataset_description_without_licence_count_or_title_fails_as_a_dataset(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    export(ListStore([report(), resolution()]), buffer, format="nt", base_iri=BASE)
    subject = f"<{BASE}dataset> "
    lines = [line for line in buffer.getvalue().decode().splitlines()
             if not (line.startswith(subject) and any(p in line for p in ("/license>", "/title>", "#triples>")))]
    path = tmp_path / "no-description.nt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = validate(path)
    assert not result.conforms
    violations = [f for f in result.findings if f.severity == "Violation"]
    assert {f.message for f in violations} == {
        "A dump states its licence.", "A dump counts its triples (one void:triples, an xsd:integer).",
        "A dump has a title."}
    assert {f.example for f in violations} == {f"{BASE}dataset"}
    assert not any("extracted fact" in f.message for f in result.findings)  # never reported as a fact


def test_unreadable_files_are_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(RdfError, match="bad.ttl: not valid turtle"):
        validate(bad)
    with pytest.raises(RdfError, match="unknown RDF file extension"):
        validate(tmp_path / "x.csv")
    with pytest.raises(RdfError, match="no such file"):
        validate(tmp_path / "missing.ttl")


def _cli(*args: str, store: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    if store is not None:
        env["R2P_STORE"] = str(store)
    return subprocess.run([sys.executable, "-m", "api.cli", *args], check=False, cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=300)


def test_cli_export_validate_and_sparql(tmp_path: Path) -> None:
    from graph.factory import open_store

    store_dir = tmp_path / "store"
    store = open_store(backend="kuzu", path=store_dir)
    for stored in (report(), resolution()):
        store.put_document(stored.document, stored.facts)
    store.close()
    out = tmp_path / "dump.ttl"
    done = _cli("export", "--format", "turtle", "-o", str(out), "--store", str(store_dir))
    assert done.returncode == 0, done.stderr
    assert "exported 2 documents" in done.stderr
    done = _cli("validate", str(out))
    assert done.returncode == 0 and "conforms" in done.stdout, done.stdout + done.stderr
    broken = _broken(tmp_path, "#primarySymbol>")
    done = _cli("validate", str(broken))
    assert done.returncode == 1 and "primary symbol" in done.stdout
    query = "SELECT ?s WHERE { ?d <https://r2p-graph.example.org/ontology#primarySymbol> ?s } ORDER BY ?s"
    done = _cli("sparql", query, "--store", str(store_dir))
    assert done.returncode == 0, done.stderr
    assert "A/80/123" in done.stdout and "(2 rows)" in done.stdout
    done = _cli("sparql", "DELETE WHERE { ?s ?p ?o }", "--store", str(store_dir))
    assert done.returncode == 2 and "read-only" in done.stderr


def test_a_document_dated_by_its_year_alone_exports_an_xsd_gyear(corpus: Path, tmp_path: Path) -> None:
    from graph.factory import open_store
    from ingest.link import link
    from ingest.pipeline import parse

    document = parse(corpus / "un-mixed-2025" / "A_80_1.en.pdf")  # dated by its imprint: "New York, 2025"
    with open_store(backend="kuzu", path=tmp_path / "store") as store:
        store.put_document(document, link(document), source_path=document.file)
        buffer = io.BytesIO()
        export(store, buffer, format="turtle", base_iri=BASE)
    path = tmp_path / "a-80-1.ttl"
    path.write_bytes(buffer.getvalue())
    assert 'r2p:dateIssued "2025"^^xsd:gYear' in buffer.getvalue().decode()
    result = validate(path)
    assert result.conforms and not [f for f in result.findings if "no date" in f.message], result.text()
