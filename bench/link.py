"""Linking throughput on real documents: paragraphs per second of ``ingest.link.link``.

Parses the PDFs first (not timed); reports wall-clock and process CPU throughput (the CPU
figure is the fair one on a shared machine), builds the registry once (timed apart), then links every
document ``--rounds`` times. Usage::

    PYTHONPATH=. python bench/link.py [--corpus ../shared/corpus] [--rounds 3]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ingest.errors import ParseError
from ingest.link import link
from ingest.link.registry import registry
from ingest.pipeline import parse
from ontology.model import ParsedDocument


def _documents(corpus: Path) -> list[ParsedDocument]:
    files = sorted((corpus / "un-mixed-2025").glob("*.pdf")) + sorted((corpus / "upr-cycle1" / "pdfs").glob("*.pdf"))[:40]
    documents = []
    for path in files:
        try:
            documents.append(parse(path))
        except ParseError:
            continue
    return documents


def main() -> None:
    """Print registry build time and linking throughput."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "corpus")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    documents = _documents(args.corpus)
    start = time.perf_counter()
    registry()
    built = time.perf_counter() - start
    paragraphs = sum(len(d.paragraphs) for d in documents) * args.rounds
    start, cpu = time.perf_counter(), time.process_time()
    facts = [link(d) for _ in range(args.rounds) for d in documents]
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"registry built in {built:.2f} s")
    print(f"{len(documents)} documents, {paragraphs // args.rounds} paragraphs, {args.rounds} rounds")
    print(f"linking: {paragraphs / elapsed:,.0f} paragraphs/s wall, {paragraphs / cpu:,.0f} paragraphs/s CPU, "
          f"{len(facts) / elapsed:,.1f} documents/s wall")
    print(f"per round: {sum(len(f.mentions) for f in facts) // args.rounds} mentions, "
          f"{sum(len(f.recommendations) for f in facts) // args.rounds} recommendations")


if __name__ == "__main__":
    main()
