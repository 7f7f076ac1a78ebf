"""Query latency and recall of dense search at scale, and embedding throughput of the ingest pipeline.

1. Throughput: the pipeline's embedder (``search.embed``, default backend openvino, length-sorted
   batches) against raw sentence-transformers ``model.encode`` on torch, same real paragraphs.
2. Latency: Kùzu stores filled through the store's bulk path (``put_documents``, ``--batch``
   documents of 500 paragraphs per transaction, as ``r2p ingest`` writes) with N paragraphs. Their
   texts are real UPR report paragraphs (../shared/corpus/upr-cycle1/txts); their vectors are
   generated from the vectors of those real paragraphs (a mix of two real vectors plus a little
   noise, renormalised), because embedding 1M paragraphs would take hours on these machines. Two
   stores get the same vectors: the default one, which keeps Kùzu's HNSW index (``--index-sizes``;
   the index takes ~100-200 vectors/s to maintain, so it is not grown to 1M), and one created
   without it (``vector_index=False``, ``--sizes``). Per size: fill time; the build time of
   search's catalogue, its exact vector matrix and BM25 index, with RSS and peak RSS; per query
   (real query texts, embedding included) the store's ``vector_search`` (HNSW, or its exact scan
   on ``--scan-queries`` queries), exact numpy brute force over the same vectors, ``search``'s
   dense mode and its default hybrid mode; recall@10 of the store and of the dense mode against
   exact.

    PYTHONPATH=. python bench/search_latency.py [--sizes 10000,100000,1000000] [--index-sizes 10000,100000]
        [--queries 100] [--batch 20] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from ontology.model import DocumentFacts, DocumentKind, Paragraph, ParagraphKind, ParsedDocument

CORPUS = Path(os.environ.get("R2P_CORPUS", REPO.parent / "shared" / "corpus"))
PER_DOC = 500


def real_paragraphs(limit: int) -> list[str]:
    """Paragraph-sized texts from the UPR reports' plain-text extractions."""
    out: list[str] = []
    for f in sorted((CORPUS / "upr-cycle1" / "txts").glob("*.txt")):
        for block in re.split(r"\n\s*\n", f.read_text(errors="ignore")):
            text = " ".join(block.split())
            if 80 <= len(text) <= 2000:
                out.append(text)
                if len(out) >= limit:
                    return out
    return out


def queries(n: int) -> list[str]:
    qs = [q["query"] for q in json.loads((REPO / "bench" / "queries.json").read_text())["queries"]]
    return (qs * (n // len(qs) + 1))[:n]


def throughput(texts: list[str], backend: str) -> dict[str, float]:
    """Paragraphs per second: the pipeline's embedder vs raw torch ``model.encode``, same texts."""
    from sentence_transformers import SentenceTransformer

    from search.embed import load_embedder
    from search.models import bundled_model_path

    raw = SentenceTransformer(bundled_model_path(), device="cpu")
    raw.encode(texts[:8])
    t = time.perf_counter()
    a = raw.encode(texts, normalize_embeddings=True)
    raw_rate = len(texts) / (time.perf_counter() - t)
    emb = load_embedder(backend=backend)
    emb.encode(texts[:8])
    t = time.perf_counter()
    b = emb.encode(texts)
    rate = len(texts) / (time.perf_counter() - t)
    cos = (a * b).sum(axis=1)
    return {"paragraphs": len(texts), "raw_torch_per_s": round(raw_rate, 1), f"pipeline_{backend}_per_s": round(rate, 1),
            "speedup": round(rate / raw_rate, 2), "min_cosine_vs_torch": round(float(cos.min()), 6)}


def generate(base: np.ndarray, n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """``n`` unit vectors mixed from pairs of real ones; answers (vectors, index of the text to use)."""
    a = rng.integers(0, len(base), n)
    b = rng.integers(0, len(base), n)
    w = rng.uniform(0.6, 0.9, (n, 1)).astype(np.float32)
    v = w * base[a] + (1 - w) * base[b] + rng.normal(0, 0.02, (n, base.shape[1])).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    return v.astype(np.float32), a


def bench_document(n: int, vectors: np.ndarray, text_of: np.ndarray, texts: list[str], d0: int, model: str) -> tuple:
    """Document ``n`` (symbol A/BENCH/<n>) of up to ``PER_DOC`` paragraphs holding ``vectors[d0:]``,
    stored under the keys ``model`` would give them (as ``r2p ingest`` stores them)."""
    from search.indexing import embedding_keys

    paras = tuple(
        Paragraph(index=i, key=str(i + 1), label=str(i + 1), kind=ParagraphKind.NUMBERED,
                  text=f"{texts[text_of[d0 + i]]} [{n}.{i}]", page=1 + i // 10)
        for i in range(min(PER_DOC, len(vectors) - d0))
    )
    doc = ParsedDocument(file=f"bench-{n}.pdf", sha256=f"{n:064x}", symbols=(f"A/BENCH/{n}",),
                         title=f"Generated document {n}", date="2020-01-01", language="en",
                         organs=("Human Rights Council",), kind=DocumentKind.REPORT, pages=50, paragraphs=paras)
    return (doc, DocumentFacts(), {i: vectors[d0 + i].tolist() for i in range(len(paras))}, None,
            embedding_keys(doc, None, model))


def fill_store(store, vectors: np.ndarray, text_of: np.ndarray, texts: list[str], start: int, batch: int,
               model: str) -> None:
    """Add the vectors as documents through the store's bulk path, ``batch`` documents per transaction
    (``put_documents``, as ``r2p ingest`` does)."""
    pending, t0 = [], time.perf_counter()
    for d0 in range(0, len(vectors), PER_DOC):
        pending.append(bench_document(start + d0 // PER_DOC, vectors, text_of, texts, d0, model))
        if len(pending) >= batch:
            store.put_documents(pending)
            pending = []
            if (d0 // PER_DOC + 1) % (10 * batch) == 0:
                done = d0 + PER_DOC
                print(f"  filled {done:,} of {len(vectors):,} ({done / (time.perf_counter() - t0):.0f}/s)",
                      file=sys.stderr, flush=True)
    if pending:
        store.put_documents(pending)


def percentiles(samples: list[float]) -> dict[str, float]:
    return {"p50_ms": round(float(np.percentile(samples, 50)) * 1000, 1),
            "p95_ms": round(float(np.percentile(samples, 95)) * 1000, 1)}


def memory_mb() -> dict[str, float]:
    """Resident set size now and its peak so far (VmRSS, VmHWM), in MB."""
    out = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(("VmRSS", "VmHWM")):
            out[line.split(":")[0]] = round(int(line.split()[1]) / 1024, 1)
    return {"rss_mb": out.get("VmRSS", 0.0), "peak_rss_mb": out.get("VmHWM", 0.0)}


def build_catalog(store, embedder) -> dict[str, object]:
    """Time the catalogue, its vector matrix and its BM25 index, each built once per store state."""
    from search.catalog import catalog
    from search.dense import PROJECT_ABOVE, projection, vector_matrix
    from search.hybrid import formula_lines
    from search.lexical import index

    t0 = time.perf_counter()
    cat = catalog(store)
    t1 = time.perf_counter()
    matrix = vector_matrix(store, cat, embedder.name)
    if matrix is not None and len(matrix) > PROJECT_ABOVE:
        projection(cat, matrix, embedder.name)
    t2 = time.perf_counter()
    index(cat)
    formula_lines(cat)
    t3 = time.perf_counter()
    return {"catalog_s": round(t1 - t0, 1), "vector_matrix_s": round(t2 - t1, 1), "projected": matrix is not None and len(matrix) > PROJECT_ABOVE, "bm25_s": round(t3 - t2, 1),
            "catalog_build_s": round(t3 - t0, 1), "exact_matrix": matrix is not None, **memory_mb()}


def latency(store, embedder, vectors: np.ndarray, uids: list[str], qs: list[str], *, index_queries: int
            ) -> dict[str, object]:
    """Per query, embedding included: the store's vector search, exact numpy, search's dense and hybrid
    modes; recall@10 of the store's vector search and of search's dense mode against exact."""
    from search.hybrid import search

    build = build_catalog(store, embedder)
    ann, exact, dense, hybrid, recalls, dense_recalls = [], [], [], [], [], []
    for n, q in enumerate(qs):
        t = time.perf_counter()
        qv = embedder.encode([q])[0]
        scores = vectors @ qv
        top = np.argpartition(-scores, 9)[:10]
        exact.append(time.perf_counter() - t)
        truth = {uids[i] for i in top}
        if n < index_queries:
            t = time.perf_counter()
            hits = store.vector_search(embedder.encode([q])[0].tolist(), k=10)
            ann.append(time.perf_counter() - t)
            recalls.append(len(truth & {h.uid for h in hits}) / 10)
        t = time.perf_counter()
        found = search(store, embedder, q, mode="dense", limit=10)
        dense.append(time.perf_counter() - t)
        dense_recalls.append(len(truth & {h.uid for h in found.hits}) / 10)
        t = time.perf_counter()
        search(store, embedder, q, limit=10)
        hybrid.append(time.perf_counter() - t)
    return {"index": percentiles(ann), "exact_numpy": percentiles(exact), "search_dense_mode": percentiles(dense),
            "search_hybrid_mode": percentiles(hybrid), "recall@10_index_vs_exact": round(float(np.mean(recalls)), 4),
            "recall@10_dense_mode_vs_exact": round(float(np.mean(dense_recalls)), 4), **build}


def grow(store, label: str, sizes: list[int], base: np.ndarray, texts: list[str], qs: list[str],
         embedder, args: argparse.Namespace, report: dict) -> None:
    """Fill ``store`` up to each size in turn (same seed: same vectors for every store) and measure."""
    rng = np.random.default_rng(7)
    vectors = np.zeros((0, base.shape[1]), np.float32)
    uids: list[str] = []
    for size in sizes:
        extra, text_of = generate(base, size - len(vectors), rng)
        start = len(vectors) // PER_DOC
        t = time.perf_counter()
        fill_store(store, extra, text_of, texts, start=start, batch=args.batch, model=embedder.name)
        fill_s = time.perf_counter() - t
        uids += [f"A/BENCH/{start + i // PER_DOC}#{i % PER_DOC + 1}" for i in range(len(extra))]
        vectors = np.vstack([vectors, extra])
        index_queries = len(qs) if store.vector_index else min(len(qs), args.scan_queries)
        report[f"{label}/{size}"] = {
            "store": label, "paragraphs": size, "fill_seconds": round(fill_s, 1),
            "fill_paragraphs_per_s": round(len(extra) / fill_s, 1),
            **latency(store, embedder, vectors, uids, qs, index_queries=index_queries),
            "loadavg": os.getloadavg()[0],
        }
        print(json.dumps({f"{label}/{size}": report[f"{label}/{size}"]}), file=sys.stderr, flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000", help="sizes of the store without the HNSW index")
    ap.add_argument("--index-sizes", default="10000,100000", help="sizes of the store with the HNSW index ('' = none)")
    ap.add_argument("--queries", type=int, default=100)
    ap.add_argument("--scan-queries", type=int, default=20,
                    help="queries timed on the store's own exact scan (slow at 1M) for the store without index")
    ap.add_argument("--batch", type=int, default=100,
                    help="documents (of 500 paragraphs) per transaction: every COMMIT after COPY checkpoints, "
                         "at a cost growing with the store (~2 s at 100k paragraphs, ~5 s at 250k)")
    ap.add_argument("--backend", default="openvino")
    ap.add_argument("--base", type=int, default=2000, help="real paragraphs embedded as the base of the generated vectors")
    ap.add_argument("--no-throughput", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from graph.factory import open_store
    from search.embed import load_embedder

    texts = real_paragraphs(args.base)
    report: dict[str, object] = {} if args.no_throughput else {"throughput": throughput(texts[:400], args.backend)}
    embedder = load_embedder(backend=args.backend)
    base = embedder.encode(texts)
    qs = queries(args.queries)
    plans = [("exact", False, args.sizes), ("hnsw", True, args.index_sizes)]
    for label, indexed, sizes in plans:
        if not sizes:
            continue
        with tempfile.TemporaryDirectory(dir=os.environ.get("R2P_BENCH_TMP")) as tmp:
            store = open_store(backend="kuzu", path=Path(tmp) / "store", vector_index=indexed)
            grow(store, label, sorted(int(s) for s in sizes.split(",")), base, texts, qs, embedder, args, report)
            store.close()
            del store
    print(json.dumps(report, indent=2) if args.json else _table(report))
    return 0


def _table(report: dict) -> str:
    lines = []
    t = report.get("throughput")
    if t:
        rate = next(v for k, v in t.items() if k.startswith("pipeline"))
        lines.append(f"embedding throughput on {t['paragraphs']} real paragraphs: raw torch {t['raw_torch_per_s']}/s, "
                     f"pipeline {rate}/s ({t['speedup']}×, min cosine vs torch {t['min_cosine_vs_torch']})")
    lines.append(f"{'store/size':>14} {'fill s':>7} {'store vs p50/p95':>17} {'exact p50/p95':>15} "
                 f"{'dense p50/p95':>15} {'hybrid p50/p95':>15} {'rec@10':>6} {'build s':>7} {'peak MB':>8}")
    for name, r in report.items():
        if name == "throughput":
            continue
        lines.append(f"{name:>14} {r['fill_seconds']:>7} {_cell(r['index']):>17} {_cell(r['exact_numpy']):>15} "
                     f"{_cell(r['search_dense_mode']):>15} {_cell(r['search_hybrid_mode']):>15} "
                     f"{r['recall@10_index_vs_exact']:>6} {r['catalog_build_s']:>7} {r['peak_rss_mb']:>8}")
    return "\n".join(lines)


def _cell(d: dict) -> str:
    return f"{d['p50_ms']}/{d['p95_ms']}"


if __name__ == "__main__":
    raise SystemExit(main())
