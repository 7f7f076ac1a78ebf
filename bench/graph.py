"""Benchmark of the embedded graph store: ingest throughput and query latency at ≥ 1M edges.

Usage: ``PYTHONPATH=. python bench/graph.py [--sources 24] [--edges 1000000] [--store DIR] [--json]``

1. Parses and links ``--sources`` real corpus PDFs (UPR Working Group reports and UN documents of
   ``un-mixed-2025``); that time is reported apart and is not part of the store figures.
2. Ingest throughput, excluding embeddings, in the same run: one transaction per document
   (``put_document``, the baseline) against batches of ``--batch`` documents (``put_documents``).
3. Scales the graph by replicating the parsed documents under new symbols (dates shifted by whole
   years) until the store holds at least ``--edges`` edges, with the bulk path.
4. Latency p50/p95 of ``trace`` (random situations, and the one with most evidence) and
   ``recommendations`` (by addressee, by recommender, by theme, unfiltered first page), measured on
   the small graph of step 2 (the baseline) and again on the scaled graph, with their ratio.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from graph.kuzu_rows import document_rows
from graph.kuzu_store import KuzuGraphStore
from ingest.link import link
from ingest.pipeline import parse
from ontology.model import DocumentFacts, ParsedDocument

CORPUS = Path(os.environ.get("R2P_CORPUS", REPO.parent / "shared" / "corpus"))
Doc = tuple[ParsedDocument, DocumentFacts]


def sources(count: int) -> tuple[list[Doc], float]:
    """Parse and link real corpus documents (half UPR reports, half other UN documents)."""
    upr = sorted((CORPUS / "upr-cycle1" / "pdfs").glob("*.pdf"))
    mixed = sorted((CORPUS / "un-mixed-2025").glob("*.pdf"))
    picked = upr[: count // 2] + mixed[: count - count // 2]
    started, docs = time.perf_counter(), []
    for path in picked:
        try:
            document = parse(path)
            docs.append((document, link(document)))
        except Exception as exc:  # noqa: BLE001 - bad corpus files are part of the corpus; skip them
            print(f"skipped {path.name}: {exc}", file=sys.stderr)
    return docs, time.perf_counter() - started


def replica(doc: Doc, n: int) -> Doc:
    """The document under a new symbol, its dates shifted back ``n % 20`` years."""
    document, facts = doc
    shift = n % 20

    def shifted(date: str | None) -> str | None:
        return f"{int(date[:4]) - shift:04d}{date[4:]}" if date and date[:4].isdigit() else date

    symbols = tuple(f"{s}/R{n}" for s in document.symbols)
    coverage = tuple(replace(c, date=shifted(c.date)) for c in facts.coverage)
    return (replace(document, symbols=symbols, date=shifted(document.date), sha256=f"{document.sha256[:56]}{n:08d}"),
            replace(facts, coverage=coverage))


def edges_of(doc: Doc) -> int:
    rows = document_rows(doc[0], doc[1], embeddings=None, embedding_dim=384, source_path=None, ingested_at="")
    return sum(len(v) for v in rows.rels.values())


def timed(fn, *args, **kwargs) -> float:
    started = time.perf_counter()
    fn(*args, **kwargs)
    return (time.perf_counter() - started) * 1000


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]
    return {"n": len(ordered), "p50_ms": round(statistics.median(ordered), 2), "p95_ms": round(p95, 2)}


def ingest_figures(store: KuzuGraphStore, docs: list[Doc], batch: int) -> dict[str, object]:
    """Per-document transactions (baseline) against batches, on the same documents under new symbols."""
    paragraphs = sum(len(d.paragraphs) for d, _ in docs)
    started = time.perf_counter()
    for document, facts in docs:
        store.put_document(document, facts)
    single = time.perf_counter() - started
    copies = [replica(d, 1) for d in docs]
    started = time.perf_counter()
    for i in range(0, len(copies), batch):
        store.put_documents([(d, f, None, None) for d, f in copies[i:i + batch]])
    batched = time.perf_counter() - started
    return {
        "documents": len(docs), "paragraphs": paragraphs,
        "per_document": {"seconds": round(single, 2), "documents_per_s": round(len(docs) / single, 2),
                         "paragraphs_per_s": round(paragraphs / single, 1)},
        "batched": {"batch": batch, "seconds": round(batched, 2), "documents_per_s": round(len(docs) / batched, 2),
                    "paragraphs_per_s": round(paragraphs / batched, 1)},
        "speed_up_batched_vs_per_document": round(single / batched, 2),
    }


def scale(store: KuzuGraphStore, docs: list[Doc], target: int, batch: int) -> dict[str, object]:
    """Add replicas until the store holds ``target`` edges."""
    per_round = sum(edges_of(d) for d in docs)
    have = store.stats()["edges"]
    rounds = max(0, math.ceil((target - have) / per_round))
    started, n, written, paragraphs = time.perf_counter(), 2, 0, 0
    pending: list[Doc] = []
    for _ in range(rounds):
        for doc in docs:
            pending.append(replica(doc, n))
            if len(pending) >= batch:
                store.put_documents([(d, f, None, None) for d, f in pending])
                written += len(pending)
                paragraphs += sum(len(d.paragraphs) for d, _ in pending)
                pending.clear()
        n += 1
    if pending:
        store.put_documents([(d, f, None, None) for d, f in pending])
        written += len(pending)
        paragraphs += sum(len(d.paragraphs) for d, _ in pending)
    seconds = time.perf_counter() - started
    return {"documents_added": written, "seconds": round(seconds, 1),
            "documents_per_s": round(written / seconds, 2) if seconds else None,
            "paragraphs_per_s": round(paragraphs / seconds, 1) if seconds else None}


def query_figures(store: KuzuGraphStore, repeat: int) -> dict[str, object]:
    """p50/p95 of trace and recommendations, and the scan baseline of trace, in ms."""
    from graph import kuzu_read

    conn = store._reader()
    situations = [r[0] for r in kuzu_read.rows(conn, "MATCH (s:Situation) RETURN s.name ORDER BY s.id")]
    largest = kuzu_read.rows(conn, "MATCH (:Mechanism)-[c:COVERS]->(s:Situation) RETURN s.id, count(*) AS n "
                                   "ORDER BY n DESC LIMIT 1")[0][0]
    states = [r[0] for r in kuzu_read.rows(
        conn, "MATCH (a:Actor)<-[:ADDRESSED_TO]-(:Recommendation) RETURN DISTINCT a.name ORDER BY a.name")]
    recommenders = [r[0] for r in kuzu_read.rows(
        conn, "MATCH (a:Actor)<-[:RECOMMENDED_BY]-(:Recommendation) RETURN DISTINCT a.name ORDER BY a.name")]
    rng = random.Random(7)
    for name in situations[:3]:
        store.trace(name)  # warm up
    out: dict[str, object] = {}
    out["trace"] = percentiles([timed(store.trace, rng.choice(situations)) for _ in range(repeat)])
    out["trace_largest"] = percentiles([timed(store.trace, largest) for _ in range(max(10, repeat // 4))])
    out["recommendations_to"] = percentiles(
        [timed(store.recommendations, to=rng.choice(states), limit=100) for _ in range(repeat)])
    out["recommendations_by"] = percentiles(
        [timed(store.recommendations, by=rng.choice(recommenders), limit=100) for _ in range(repeat)])
    out["recommendations_theme"] = percentiles(
        [timed(store.recommendations, theme=rng.choice(["torture", "women", "children", "justice"]), limit=100)
         for _ in range(max(10, repeat // 4))])
    out["recommendations_first_page"] = percentiles(
        [timed(store.recommendations, limit=100) for _ in range(max(10, repeat // 4))])
    return out


def _graph(store: KuzuGraphStore) -> dict[str, int]:
    stats = store.stats()
    return {k: stats[k] for k in ("documents", "paragraphs", "recommendations", "edges")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=24)
    parser.add_argument("--edges", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--store", type=Path, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    docs, parse_seconds = sources(args.sources)
    with tempfile.TemporaryDirectory() as tmp:
        store = KuzuGraphStore(args.store or Path(tmp) / "store")
        try:
            figures: dict[str, object] = {"parse_and_link": {"documents": len(docs), "seconds": round(parse_seconds, 2)}}
            figures["ingest"] = ingest_figures(store, docs, args.batch)
            figures["baseline_graph"] = _graph(store)
            small = query_figures(store, args.repeat)
            figures["scale"] = scale(store, docs, args.edges, args.batch)
            figures["graph"] = _graph(store)
            large = query_figures(store, args.repeat)
            figures["queries"] = {name: {"baseline": small[name], "scaled": large[name],
                                         "p95_ratio": round(large[name]["p95_ms"] / max(small[name]["p95_ms"], 0.01), 1)}
                                  for name in large}
        finally:
            store.close()
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
