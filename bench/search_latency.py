"""Query latency and recall of dense search at scale, and embedding throughput of the ingest pipeline.

1. Throughput: the pipeline's embedder (``search.embed``, default backend openvino, length-sorted
   batches) against raw sentence-transformers ``model.encode`` on torch, same real paragraphs.
2. Latency: a Kùzu store filled with N paragraphs (10k, 100k, …). Their texts are real UPR report
   paragraphs (../shared/corpus/upr-cycle1/txts); their vectors are generated from the vectors of
   those real paragraphs (a mix of two real vectors plus a little noise, renormalised), because
   embedding 100k paragraphs would take an hour on these machines. Per query (real query texts,
   embedding included): the store's HNSW index (``store.vector_search``), exact numpy brute force
   over the same vectors, and search's own dense mode. Recall@10 of the index against exact.

    PYTHONPATH=. python bench/search_latency.py [--sizes 10000,100000] [--queries 100] [--json]
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

    from search.embed import default_model_path, load_embedder

    raw = SentenceTransformer(default_model_path(), device="cpu")
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


def fill_store(store, vectors: np.ndarray, text_of: np.ndarray, texts: list[str], start: int) -> None:
    """Put documents of ``PER_DOC`` paragraphs each (symbols A/BENCH/<n>) holding the given vectors."""
    for d0 in range(0, len(vectors), PER_DOC):
        n = start + d0 // PER_DOC
        paras = tuple(
            Paragraph(index=i, key=str(i + 1), label=str(i + 1), kind=ParagraphKind.NUMBERED,
                      text=f"{texts[text_of[d0 + i]]} [{n}.{i}]", page=1 + i // 10)
            for i in range(min(PER_DOC, len(vectors) - d0))
        )
        doc = ParsedDocument(file=f"bench-{n}.pdf", sha256=f"{n:064x}", symbols=(f"A/BENCH/{n}",),
                             title=f"Generated document {n}", date="2020-01-01", language="en",
                             organs=("Human Rights Council",), kind=DocumentKind.REPORT, pages=50, paragraphs=paras)
        store.put_document(doc, DocumentFacts(), embeddings={i: vectors[d0 + i].tolist() for i in range(len(paras))})


def percentiles(samples: list[float]) -> dict[str, float]:
    return {"p50_ms": round(float(np.percentile(samples, 50)) * 1000, 1),
            "p95_ms": round(float(np.percentile(samples, 95)) * 1000, 1)}


def latency(store, embedder, vectors: np.ndarray, uids: list[str], qs: list[str]) -> dict[str, object]:
    """Latency of the index, exact brute force and search's dense mode; recall@10 of the index."""
    from search.hybrid import search

    ann, exact, ours, recalls = [], [], [], []
    t = time.perf_counter()
    search(store, embedder, qs[0], mode="dense")  # builds the catalog and its vector matrix once
    build = time.perf_counter() - t
    for q in qs:
        t = time.perf_counter()
        qv = embedder.encode([q])[0]
        hits = store.vector_search(qv.tolist(), k=10)
        ann.append(time.perf_counter() - t)
        t = time.perf_counter()
        qv = embedder.encode([q])[0]
        scores = vectors @ qv
        top = np.argpartition(-scores, 9)[:10]
        exact.append(time.perf_counter() - t)
        truth = {uids[i] for i in top}
        recalls.append(len(truth & {h.uid for h in hits}) / 10)
        t = time.perf_counter()
        search(store, embedder, q, mode="dense", limit=10)
        ours.append(time.perf_counter() - t)
    return {"index": percentiles(ann), "exact_numpy": percentiles(exact), "search_dense_mode": percentiles(ours),
            "recall@10_index_vs_exact": round(float(np.mean(recalls)), 4), "catalog_build_s": round(build, 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--queries", type=int, default=100)
    ap.add_argument("--backend", default="openvino")
    ap.add_argument("--base", type=int, default=2000, help="real paragraphs embedded as the base of the generated vectors")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from graph.factory import open_store
    from search.embed import load_embedder

    texts = real_paragraphs(args.base)
    report: dict[str, object] = {"throughput": throughput(texts[:400], args.backend)}
    embedder = load_embedder(backend=args.backend)
    base = embedder.encode(texts)
    rng = np.random.default_rng(7)
    qs = queries(args.queries)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(backend="kuzu", path=Path(tmp) / "store")
        vectors = np.zeros((0, base.shape[1]), np.float32)
        uids: list[str] = []
        for size in sorted(int(s) for s in args.sizes.split(",")):
            extra, text_of = generate(base, size - len(vectors), rng)
            t = time.perf_counter()
            fill_store(store, extra, text_of, texts, start=len(vectors) // PER_DOC)
            fill_s = time.perf_counter() - t
            uids += [f"A/BENCH/{len(vectors) // PER_DOC + i // PER_DOC}#{i % PER_DOC + 1}" for i in range(len(extra))]
            vectors = np.vstack([vectors, extra])
            report[str(size)] = {"fill_seconds": round(fill_s, 1), **latency(store, embedder, vectors, uids, qs)}
            print(json.dumps({size: report[str(size)]}), file=sys.stderr, flush=True)
        store.close()
    print(json.dumps(report, indent=2) if args.json else _table(report))
    return 0


def _table(report: dict) -> str:
    t = report["throughput"]
    rate = next(v for k, v in t.items() if k.startswith("pipeline"))
    lines = [(f"embedding throughput on {t['paragraphs']} real paragraphs: raw torch {t['raw_torch_per_s']}/s, "
              f"pipeline {rate}/s ({t['speedup']}×, min cosine vs torch {t['min_cosine_vs_torch']})"),
             f"{'size':>8} {'index p50/p95':>16} {'exact p50/p95':>16} {'dense mode p50/p95':>20} {'recall@10':>9}"]
    for size, r in report.items():
        if size == "throughput":
            continue
        lines.append(f"{size:>8} {_cell(r['index']):>16} {_cell(r['exact_numpy']):>16} "
                     f"{_cell(r['search_dense_mode']):>20} {r['recall@10_index_vs_exact']:>9}")
    return "\n".join(lines)


def _cell(d: dict) -> str:
    return f"{d['p50_ms']}/{d['p95_ms']} ms"


if __name__ == "__main__":
    raise SystemExit(main())
