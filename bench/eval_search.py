"""Search quality: P@10, nDCG@10 and recall@100 of hybrid, dense and lexical search, in one run.

Ingests UPR Working Group reports (../shared/corpus/upr-cycle1/pdfs) into a fresh store, then
runs the queries of bench/queries.json in each mode. Relevance is computed here at run time from
the corpus (see the "about" of queries.json): a paragraph is relevant when it names the query's
concept (the query's rule) and, if it is one of the UPR recommendations of
recommendations-sessions-1-12.csv, that recommendation's themes include one of the query's themes.

    PYTHONPATH=. python bench/eval_search.py [--docs 30] [--backend openvino] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import re
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from graph.store import ParagraphFilter
from search.catalog import Catalog, catalog

CORPUS = Path(os.environ.get("R2P_CORPUS", REPO.parent / "shared" / "corpus"))
UPR = CORPUS / "upr-cycle1"
MODES = ("hybrid", "hybrid-rrf", "dense", "lexical")  # hybrid-rrf: the same hybrid with rank fusion
_NORM = re.compile(r"[^a-z0-9]+")


def pick_pdfs(n: int) -> list[Path]:
    """Every k-th UPR report, so that the set spans regions and years."""
    pdfs = sorted((UPR / "pdfs").glob("*.pdf"))
    step = max(1, len(pdfs) // max(n, 1))
    return pdfs[::step][:n]


def state_of(pdf: Path) -> str:
    """'burkinafaso2009.pdf' -> 'burkinafaso' (the State under review, as the file names it)."""
    return re.sub(r"\d+$", "", pdf.stem).lower()


def csv_recommendations() -> dict[str, list[tuple[str, set[str]]]]:
    """State (squashed lower-case name) -> [(normalised text, themes)] from the UPR table."""
    out: dict[str, list[tuple[str, set[str]]]] = {}
    with open(UPR / "recommendations-sessions-1-12.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            state = _NORM.sub("", row["To"].lower())
            themes = {t.strip() for t in row["Issue"].split(",") if t.strip()}
            out.setdefault(state, []).append((_norm(row["Text"]), themes))
    return out


def _norm(text: str) -> str:
    return " ".join(_NORM.sub(" ", text.lower()).split())


def paragraph_themes(cat: Catalog, doc_state: dict[str, str], table: dict[str, list[tuple[str, set[str]]]]
                     ) -> dict[int, set[str]]:
    """Catalog row -> themes of the UPR recommendation(s) it states (rows that state none are absent)."""
    out: dict[int, set[str]] = {}
    for pos, row in enumerate(cat.rows):
        state = doc_state.get(row.symbol)
        recs = [r for key, r in table.items() if state and (key.startswith(state) or state.startswith(key))]
        para = _norm(row.text)
        for rows in recs:
            for text, themes in rows:
                head = " ".join(text.split()[:10])
                if len(head) > 20 and head in para:
                    out.setdefault(pos, set()).update(themes)
    return out


def judge(cat: Catalog, query: dict, themes_of_row: dict[int, set[str]], doc_state: dict[str, str]) -> set[int]:
    """Rows relevant to the query."""
    rule = re.compile(query["rule"], re.IGNORECASE)
    wanted = set(query["themes"])
    rel = set()
    for pos, row in enumerate(cat.rows):
        if query.get("state") and doc_state.get(row.symbol) != query["state"]:
            continue
        if not rule.search(row.text):
            continue
        if pos in themes_of_row and not (themes_of_row[pos] & wanted):
            continue
        rel.add(pos)
    return rel


def metrics(ranked: list[int], relevant: set[int], k: int = 10) -> dict[str, float]:
    """P@k, nDCG@k and recall@100 of one ranking."""
    gains = [1.0 if p in relevant else 0.0 for p in ranked[:k]]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return {
        "p@10": sum(gains) / k,
        "ndcg@10": dcg / ideal if ideal else 0.0,
        "recall@100": len(set(ranked[:100]) & relevant) / len(relevant) if relevant else 0.0,
    }


def ingest(store, embedder, pdfs: list[Path]) -> dict[str, str]:
    """Parse, link, embed and store each PDF; answer symbol -> State under review."""
    from ingest.link import link
    from ingest.pipeline import parse
    from search.indexing import embed_paragraphs

    doc_state = {}
    for pdf in pdfs:
        doc = parse(pdf)
        facts = link(doc)
        store.put_document(doc, facts, embeddings=embed_paragraphs(doc, store, embedder), source_path=str(pdf))
        doc_state[doc.symbol] = state_of(pdf)
    return doc_state


def evaluate(store, embedder, queries: list[dict], doc_state: dict[str, str], *, fusion: dict | None = None
             ) -> dict[str, dict[str, float]]:
    """Mean metrics per mode over the queries (queries with no relevant paragraph are skipped)."""
    from search import hybrid

    cat = catalog(store)
    themes_of_row = paragraph_themes(cat, doc_state, csv_recommendations())
    sums = {m: {"p@10": 0.0, "ndcg@10": 0.0, "recall@100": 0.0} for m in MODES}
    per_query, n = [], 0
    for q in queries:
        relevant = judge(cat, q, themes_of_row, doc_state)
        if not relevant:
            continue
        n += 1
        row = {"id": q["id"], "relevant": len(relevant), "paraphrase": bool(q.get("paraphrase"))}
        for mode in MODES:
            hybrid.FUSION = "rrf" if mode == "hybrid-rrf" else "score"
            res = hybrid.search(store, embedder, q["query"], mode=mode.split("-")[0], filters=ParagraphFilter(),
                                limit=100)
            ranked = [cat.by_uid[h.uid] for h in res.hits]
            m = metrics(ranked, relevant)
            row[mode] = round(m["p@10"], 2)
            row[f"{mode} ndcg"] = m["ndcg@10"]
            for key, value in m.items():
                sums[mode][key] += value
        per_query.append(row)
    hybrid.FUSION = "score"
    means = {m: {k: round(v / max(n, 1), 4) for k, v in s.items()} for m, s in sums.items()}
    para = [r for r in per_query if r["paraphrase"]]
    paraphrases = {m: {"p@10": round(sum(r[m] for r in para) / max(len(para), 1), 4),
                       "ndcg@10": round(sum(r[f"{m} ndcg"] for r in para) / max(len(para), 1), 4)} for m in MODES}
    for r in per_query:
        for m in MODES:
            r.pop(f"{m} ndcg")
    return {"queries": n, "means": means, "paraphrase_queries": len(para), "paraphrase_means": paraphrases,
            "per_query": per_query}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=30, help="UPR reports to ingest")
    ap.add_argument("--backend", default="openvino", choices=("torch", "openvino", "onnx"))
    ap.add_argument("--store", type=Path, default=None, help="store directory (default: a fresh temporary one)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from graph.factory import open_store
    from search.embed import load_embedder

    queries = json.loads((REPO / "bench" / "queries.json").read_text())["queries"]
    embedder = load_embedder(backend=args.backend)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(backend="kuzu", path=args.store or Path(tmp) / "store")
        t0 = time.perf_counter()
        doc_state = ingest(store, embedder, pick_pdfs(args.docs))
        t1 = time.perf_counter()
        report = evaluate(store, embedder, queries, doc_state)
        report.update(documents=len(doc_state), paragraphs=len(catalog(store).rows),
                      ingest_seconds=round(t1 - t0, 1), eval_seconds=round(time.perf_counter() - t1, 1))
        store.close()
    print_report(report, as_json=args.json)
    return 0


def print_report(report: dict, *, as_json: bool) -> None:
    if as_json:
        print(json.dumps(report, indent=2))
        return
    print(f"{report['documents']} documents, {report['paragraphs']} paragraphs, {report['queries']} queries "
          f"(ingest {report['ingest_seconds']} s, queries {report['eval_seconds']} s)")
    print(f"{'mode':<11} {'P@10':>6} {'nDCG@10':>8} {'R@100':>6}")
    for mode, m in report["means"].items():
        print(f"{mode:<11} {m['p@10']:>6.3f} {m['ndcg@10']:>8.3f} {m['recall@100']:>6.3f}")
    best = max(report["means"][m]["p@10"] for m in ("dense", "lexical"))
    gain = report["means"]["hybrid"]["p@10"] / best - 1 if best else 0.0
    print(f"hybrid P@10 against the best single mode: {gain:+.1%}")
    print(f"the {report['paraphrase_queries']} paraphrase queries (worded unlike the recommendations):")
    for mode, m in report["paraphrase_means"].items():
        print(f"{mode:<11} {m['p@10']:>6.3f} {m['ndcg@10']:>8.3f}")
    for row in report["per_query"]:
        print(f"  {row['id']:<22} rel={row['relevant']:<5} {'P' if row['paraphrase'] else ' '} " + " ".join(f"{m}={row[m]:.1f}" for m in MODES))


if __name__ == "__main__":
    raise SystemExit(main())
