"""Parse speed against raw PyMuPDF extraction on the same files, in the same run.

    PYTHONPATH=. python bench/parse.py [--files PDF ...] [--limit N] [--repeat R]

Baseline: ``page.get_text("dict")`` on every page with its default flags, and a stricter second
baseline with the text-only flags ``parse`` itself uses (no image blocks), which ``parse`` calls
once per page. Reported: pages per second of both, their ratio (goal: parse at least half the raw speed),
and peak memory (tracemalloc peak of one ``parse`` of the largest file; peak RSS of the process).
Files without a text layer are left out, and OCR is off: its time is Tesseract's, not the parser's, so a scan
whose text layer is garbled is read from that layer here.
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import pymupdf

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ingest.errors import ParseError
from ingest.pipeline import parse

CORPUS = REPO.parent / "shared" / "corpus"


def default_files(limit: int) -> list[Path]:
    """Text-layer PDFs of the corpus: Security Council, GA/HRC documents, UPR reports."""
    files = sorted((CORPUS / "un-mixed-2025").glob("*.pdf")) + sorted((CORPUS / "upr-cycle1" / "pdfs").glob("*.pdf"))
    return [f for f in files if _has_text(f)][:limit]


def _has_text(path: Path) -> bool:
    try:
        with pymupdf.open(path) as doc:
            return doc.page_count > 0 and bool(doc[0].get_text().strip())
    except Exception:  # noqa: BLE001 - any unreadable file is simply left out
        return False


TEXT_ONLY = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP  # the flags parse() uses


def raw_pass(files: list[Path], flags: int | None = None) -> tuple[int, float]:
    """``page.get_text("dict")`` on every page (default flags, or ``flags``)."""
    pages, start = 0, time.perf_counter()
    for path in files:
        with pymupdf.open(path) as doc:
            for page in doc:
                if flags is None:
                    page.get_text("dict")
                else:
                    page.get_text("dict", flags=flags)
                pages += 1
    return pages, time.perf_counter() - start


def parse_pass(files: list[Path]) -> tuple[int, float]:
    pages, start = 0, time.perf_counter()
    for path in files:
        try:
            pages += parse(path, ocr=False).pages
        except ParseError:
            pass
    return pages, time.perf_counter() - start


def peak_parse_memory(path: Path) -> int:
    gc.collect()
    tracemalloc.start()
    parse(path, ocr=False)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", nargs="*", type=Path)
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    files = args.files or default_files(args.limit)
    if not files:
        print("no files", file=sys.stderr)
        return 1
    parse(files[0])  # warm up: imports, language model
    raw_pages = text_pages = parse_pages = 0
    raw_time = text_time = parse_time = 0.0
    for _ in range(args.repeat):  # interleaved, so all three see the same machine load
        p, t = raw_pass(files)
        raw_pages, raw_time = raw_pages + p, raw_time + t
        p, t = raw_pass(files, TEXT_ONLY)
        text_pages, text_time = text_pages + p, text_time + t
        p, t = parse_pass(files)
        parse_pages, parse_time = parse_pages + p, parse_time + t
    raw_rate, parse_rate = raw_pages / raw_time, parse_pages / parse_time
    text_rate = text_pages / text_time
    largest = max(files, key=lambda f: f.stat().st_size)
    peak = peak_parse_memory(largest)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"files: {len(files)}  pages: {raw_pages // args.repeat}")
    print(f"raw get_text('dict'):              {raw_rate:8.1f} pages/s  (default flags, image blocks included)")
    print(f"raw get_text('dict', text flags):  {text_rate:8.1f} pages/s  (the extraction parse() does)")
    print(f"parse():                           {parse_rate:8.1f} pages/s")
    print(f"ratio parse/raw:                   {parse_rate / raw_rate:8.2f}  (goal >= 0.5)")
    print(f"ratio parse/raw with text flags:   {parse_rate / text_rate:8.2f}")
    print(f"peak traced memory of one parse ({largest.name}): {peak / 2**20:.1f} MiB")
    print(f"peak RSS of the process: {rss:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
