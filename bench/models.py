"""Cost of each named embedding model against the default one, in one run on the same texts.

For every model: load time (first load, which unpacks a split model and converts it to OpenVINO, is
not counted: one warm-up load comes first), paragraphs per second over the same real UPR report
paragraphs (length-sorted batches, as ingest embeds them), and p50 / p95 latency of embedding one
query (the query texts of bench/queries.json). Ratios are against the default model
(all-MiniLM-L6-v2) in the same run. Search quality per model: ``bench/eval_search.py --model``.

    PYTHONPATH=. python bench/models.py [--paragraphs 2000] [--backend openvino] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from search_latency import queries, real_paragraphs

from search.embed import load_embedder
from search.models import DEFAULT_MODEL, SPLIT_MODELS


def measure(model: str, backend: str, texts: list[str], qs: list[str]) -> dict[str, float]:
    load_embedder(model, backend=backend)  # warm-up: unpack and convert once
    t = time.perf_counter()
    emb = load_embedder(model, backend=backend)
    loaded = time.perf_counter() - t
    emb.encode(texts[:32])
    t = time.perf_counter()
    emb.encode(texts)
    rate = len(texts) / (time.perf_counter() - t)
    lat = []
    for q in qs:
        t = time.perf_counter()
        emb.encode([q])
        lat.append((time.perf_counter() - t) * 1000)
    return {"dim": emb.dim, "load_s": round(loaded, 2), "paragraphs_per_s": round(rate, 1),
            "query_p50_ms": round(float(np.percentile(lat, 50)), 1),
            "query_p95_ms": round(float(np.percentile(lat, 95)), 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--paragraphs", type=int, default=2000)
    ap.add_argument("--backend", default="openvino", choices=("torch", "openvino", "onnx"))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    texts, qs = real_paragraphs(args.paragraphs), queries(100)
    rows = {m: measure(m, args.backend, texts, qs) for m in (DEFAULT_MODEL, *SPLIT_MODELS)}
    base = rows[DEFAULT_MODEL]
    for r in rows.values():
        r["throughput_vs_default"] = round(r["paragraphs_per_s"] / base["paragraphs_per_s"], 3)
        r["query_p50_vs_default"] = round(r["query_p50_ms"] / base["query_p50_ms"], 2)
    if args.json:
        print(json.dumps({"paragraphs": len(texts), "queries": len(qs), "backend": args.backend, "models": rows},
                         indent=2))
        return 0
    print(f"{len(texts)} paragraphs, {len(qs)} queries, backend {args.backend}")
    print(f"{'model':<20} {'dim':>4} {'para/s':>7} {'×default':>8} {'query p50/p95 ms':>17} {'load s':>7}")
    for name, r in rows.items():
        print(f"{name:<20} {r['dim']:>4} {r['paragraphs_per_s']:>7} {r['throughput_vs_default']:>8} "
              f"{r['query_p50_ms']:>8}/{r['query_p95_ms']:<8} {r['load_s']:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
