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


def test_collect_paths_walks_folders(corpus: Path) -> None:
    found = collect_paths([corpus / "ga-resolutions-2018"])
    assert found and all(p.suffix.lower() == ".pdf" for p in found)
    assert found == sorted(found)
