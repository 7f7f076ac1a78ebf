"""`ingest_paths` on real corpus PDFs: batches, skipping unchanged files, recording failures."""

from __future__ import annotations

from pathlib import Path

from api.pipeline import collect_paths, ingest_paths
from graph.factory import open_store


def test_ingest_paths_batches_skips_and_records(corpus: Path, tmp_path: Path) -> None:
    folder = corpus / "un-mixed-2025"
    files = [folder / "S_RES_2768 (2025).en.pdf", folder / "S_RES_2770 (2025).en.pdf",
             folder / "S_RES_2772 (2025).en.pdf", folder / "S_2024_207.en.pdf", tmp_path / "missing.pdf"]
    seen: list[tuple[str, str]] = []
    with open_store(path=tmp_path / "store") as store:
        report = ingest_paths(files, store, batch_size=2, progress=lambda p, s: seen.append((p.name, s)))
        assert (report.files, report.added, len(report.failures)) == (5, 3, 2)
        assert {f.path for f in report.failures} == {str(files[3]), str(files[4])}
        assert "missing.pdf" in report.failures[-1].error or "missing.pdf" in report.failures[0].error
        assert sorted(s for _, s in seen) == ["added", "added", "added", "failed", "failed"]
        assert store.stats()["documents"] == 3
        assert report.paragraphs == store.stats()["paragraphs"]
        again = ingest_paths(files[:3], store)
        assert (again.unchanged, again.added) == (3, 0)


def test_a_file_without_a_symbol_fails_before_it_is_linked_or_embedded(corpus: Path, tmp_path: Path) -> None:
    scan = corpus / "un-mixed-2025" / "E_CN.4_109.en.pdf"  # the scan garbles its symbol line
    embedded: list[str] = []

    def embed(document, facts, store):
        embedded.append(document.file)
        return {}, {}

    with open_store(path=tmp_path / "store") as store:
        report = ingest_paths([scan], store, embed=embed)
        assert (report.added, len(report.failures), embedded) == (0, 1, [])
        assert report.failures[0].error == (
            f"{scan}: no document symbol, so it cannot be stored (no symbol in the masthead: its symbol line reads "
            "'E/CN A/109', a series cut from its number by the scan)")
        assert store.stats()["documents"] == 0


def test_a_stored_file_that_now_reads_without_a_symbol_keeps_its_document(corpus: Path, tmp_path: Path) -> None:
    from dataclasses import replace

    from ingest.link import link
    from ingest.pipeline import parse

    scan = corpus / "un-mixed-2025" / "E_CN.4_109.en.pdf"
    with open_store(path=tmp_path / "store") as store:
        document = parse(scan)
        # what earlier rules stored: the symbol read from "E/CN A/109"
        store.put_document(replace(document, symbols=("A/109",), reading=1), link(document), source_path=str(scan))
        report = ingest_paths([scan], store)
        assert (report.replaced, report.added, len(report.failures)) == (0, 0, 1)
        assert report.failures[0].error.endswith(
            "; the document read from it earlier is kept as A/109 (`r2p remove A/109` takes it out)")
        assert store.get_document("A/109") is not None


def test_collect_paths_walks_folders(corpus: Path) -> None:
    found = collect_paths([corpus / "ga-resolutions-2018"])
    assert found and all(p.suffix.lower() == ".pdf" for p in found)
    assert found == sorted(found)


def test_reread_brings_stored_documents_up_to_the_current_rules(corpus: Path, tmp_path: Path) -> None:
    from dataclasses import replace

    from ingest.link import link
    from ingest.pipeline import parse

    upr = corpus / "upr-cycle1" / "pdfs" / "china2009.pdf"  # its dialogue has "It recommended …" items
    scan = corpus / "scans" / "1971-09-29_A_L.632-EN.pdf"  # once read with no symbol
    with open_store(path=tmp_path / "store") as store:
        # what earlier rules stored: the UPR report without its dialogue items, the scan under another symbol
        document = parse(upr)
        facts = link(document)
        dialogue = {p.index for p in document.paragraphs if "interactive dialogue" in (p.section or "").lower()}
        older = replace(facts, recommendations=tuple(r for r in facts.recommendations if r.paragraph_index not in dialogue))
        store.put_document(document, older, source_path=str(upr))
        old_scan = parse(scan, ocr=False)
        store.put_document(replace(old_scan, symbols=("UNKNOWN/1971/1",)), link(old_scan), source_path=str(scan))

        assert ingest_paths([upr, scan], store).unchanged == 2  # the same bytes: skipped
        report = ingest_paths([upr, scan], store, reread=True)
        assert (report.replaced, report.added, report.unchanged, report.failures) == (2, 0, 0, [])
        stored = store.get_document(document.symbol)
        assert stored is not None and len(stored.facts.recommendations) == len(facts.recommendations) > len(
            older.recommendations)
        assert store.get_document("UNKNOWN/1971/1") is None and store.get_document("A/L.632") is not None
        assert store.stats()["documents"] == 2
        again = ingest_paths([upr, scan], store, reread=True)
        assert (again.unchanged, again.replaced) == (2, 0)  # the current rules give what is stored


def test_a_document_read_by_older_rules_is_read_again_without_asking(corpus: Path, tmp_path: Path) -> None:
    from dataclasses import replace

    from api.uploads import ingest_pdf
    from ingest.link import link
    from ingest.pipeline import READING, parse
    from search.embed import load_embedder

    upr = corpus / "upr-cycle1" / "pdfs" / "china2009.pdf"
    scan = corpus / "scans" / "1971-09-29_A_L.632-EN.pdf"
    with open_store(path=tmp_path / "store") as store:
        document = parse(upr)
        facts = link(document)
        assert document.reading == READING >= 1
        older = replace(facts, recommendations=facts.recommendations[:3])
        # what a store filled before the rules were stamped holds: no stamp, and what those rules read
        store.put_document(replace(document, reading=0), older, source_path=str(upr))
        old_scan = parse(scan, ocr=False)
        store.put_document(replace(old_scan, symbols=("UNKNOWN/1971/1",), reading=0), link(old_scan),
                           source_path=str(scan))
        stored = store.get_document(document.symbol)
        assert stored is not None and stored.document.reading == 0

        report = ingest_paths([upr], store)
        assert (report.replaced, report.unchanged, report.failures) == (1, 0, [])
        stored = store.get_document(document.symbol)
        assert stored is not None and stored.document.reading == READING
        assert len(stored.facts.recommendations) == len(facts.recommendations)
        assert ingest_paths([upr], store).unchanged == 1  # now read by the current rules: skipped

        # an upload of the scan's bytes reads it again too, and it replaces the one stored under the old symbol
        embedder = load_embedder(backend="openvino")
        result = ingest_pdf(scan, store=store, embedder=embedder)
        assert (result.symbol, result.status) == ("A/L.632", "replaced")
        assert store.get_document("UNKNOWN/1971/1") is None and store.stats()["documents"] == 2
        assert ingest_pdf(scan, store=store, embedder=embedder).status == "unchanged"
