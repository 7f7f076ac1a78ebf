"""Search quality: P@10, nDCG@10 and recall@100 of hybrid, dense and lexical search, in one run.

Ingests UPR Working Group reports (../shared/corpus/upr-cycle1/pdfs) into a store, then runs the
queries of bench/queries.json in each mode.

Relevance rule (computed here at run time from the corpus; nothing of it is stored in the repo):

1. Each stored paragraph of the review of State S is matched to the recommendations addressed to S
   in the UPR table ../shared/corpus/upr-cycle1/recommendations-sessions-1-12.csv (columns To, Text,
   Issue, ...). Texts are normalised (lower case, letters and digits only, tokens of 2+ characters,
   the recommending States in brackets dropped from the paragraph). A paragraph states a table
   recommendation when at least MATCH_COVER of the recommendation's distinct tokens occur in the
   paragraph and the paragraph has at most MATCH_SPREAD times as many distinct tokens (so a long
   narrative paragraph that merely mentions the matter is not taken for the recommendation); the
   paragraph as a whole and each of its parts split at ";" and ")/" are tried, since one paragraph
   may list several recommendations. Only reviews of States that the table covers are ingested.
2. A paragraph is relevant to a query when it states a table recommendation whose themes (`Issue`)
   include one of the query's `themes`, and, when the query has `intent` (a case-insensitive regular
   expression, given where the themes are broad, e.g. "Rights of the Child" for corporal punishment),
   that recommendation's table text matches `intent`.

Paragraphs that state no table recommendation are never relevant. Queries are phrased as staff
would, with paraphrases (`paraphrase`: worded unlike the recommendations they should find).
"More like this" (``search.hybrid.similar``) is judged too: seeded with three relevant paragraphs of each
query, its hits from other documents count when they are relevant to that query.
Queries marked `holdout` were written after the search defaults had been chosen on the others, and
are reported apart as well, per round of writing (`holdout: 2` is the second round): they show how
far those choices carry to queries never looked at.
`--split` also tunes the hybrid fusion on one half of the queries and reports on the other half.

    PYTHONPATH=. python bench/eval_search.py [--docs 30] [--backend openvino] [--store DIR] [--split] [--json]
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
# hybrid-nofb: hybrid without the feedback round; hybrid-rrf: reciprocal rank fusion, no feedback;
# dense-fb: the dense run refined by its own best rows (the same feedback round, without the keywords)
MODES = ("hybrid", "hybrid-nofb", "hybrid-rrf", "dense", "dense-fb", "lexical")
_NORM = re.compile(r"[^a-z0-9]+")


def pick_pdfs(n: int) -> list[Path]:
    """Every k-th UPR report of a State the table covers, so that the set spans regions and years."""
    covered = csv_recommendations()
    pdfs = [p for p in sorted((UPR / "pdfs").glob("*.pdf"))
            if any(k.startswith(state_of(p)) or state_of(p).startswith(k) for k in covered)]
    step = max(1, len(pdfs) // max(n, 1))
    return pdfs[::step][:n]


def state_of(pdf: Path) -> str:
    """'burkinafaso2009.pdf' -> 'burkinafaso' (the State under review, as the file names it)."""
    return re.sub(r"\d+$", "", pdf.stem).lower()


MATCH_COVER = 0.8
MATCH_SPREAD = 2.5
_BRACKETS = re.compile(r"\([^()]*\)")
_SEGMENT = re.compile(r";|\)\s*/")  # one paragraph may list several recommendations: "A (X); B (Y)/C (Z)"


def _tokens(text: str) -> set[str]:
    return {t for t in _NORM.sub(" ", text.lower()).split() if len(t) > 1}


def csv_recommendations() -> dict[str, list[tuple[set[str], str, set[str]]]]:
    """State (squashed lower-case name) -> [(tokens, text, themes)] from the UPR table."""
    out: dict[str, list[tuple[set[str], str, set[str]]]] = {}
    with open(UPR / "recommendations-sessions-1-12.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            state = _NORM.sub("", row["To"].lower())
            themes = {t.strip() for t in row["Issue"].split(",") if t.strip()}
            toks = _tokens(_BRACKETS.sub(" ", row["Text"]))
            if len(toks) >= 3:
                out.setdefault(state, []).append((toks, row["Text"], themes))
    return out


def matched_recommendations(cat: Catalog, doc_state: dict[str, str],
                            table: dict[str, list[tuple[set[str], str, set[str]]]]
                            ) -> dict[int, list[tuple[str, set[str]]]]:
    """Catalog row -> [(table text, themes)] of the table recommendations it states (rule 1)."""
    out: dict[int, list[tuple[str, set[str]]]] = {}
    for pos, row in enumerate(cat.rows):
        state = doc_state.get(row.symbol)
        if not state:
            continue
        recs = [r for key, rows in table.items() if key.startswith(state) or state.startswith(key) for r in rows]
        parts = [_tokens(_BRACKETS.sub(" ", t)) for t in (row.text, *_SEGMENT.split(row.text))]
        parts = [t for t in parts if len(t) >= 3]
        for toks, text, themes in recs:
            if any(len(t) <= MATCH_SPREAD * len(toks) and len(toks & t) >= MATCH_COVER * len(toks) for t in parts):
                out.setdefault(pos, []).append((text, themes))
    return out


def judge(query: dict, matched: dict[int, list[tuple[str, set[str]]]]) -> set[int]:
    """Rows relevant to the query (rule 2)."""
    wanted = set(query["themes"])
    intent = re.compile(query["intent"], re.IGNORECASE) if query.get("intent") else None
    return {pos for pos, recs in matched.items()
            if any(themes & wanted and (intent is None or intent.search(text)) for text, themes in recs)}


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
    """Parse, link, embed and store the PDFs, 16 per transaction (a file already stored, as in ``--store``
    DIR of an earlier run, is kept as it is); answer symbol -> State under review."""
    from api.pipeline import ingest_paths, stored_symbol
    from search.indexing import embed_document

    report = ingest_paths(pdfs, store, embed=lambda doc, facts, st: embed_document(doc, facts, st, embedder))
    for failure in report.failures:
        print(f"not stored: {failure.error}", file=sys.stderr)
    return {symbol: state_of(pdf) for pdf in pdfs if (symbol := stored_symbol(pdf, store)) is not None}


DEFAULT = {}  # the shipped settings of search.hybrid
GRID = ([{"FUSION": "score", "ALPHA": a, "FEEDBACK_ROWS": n} for a in (0.2, 0.3, 0.4, 0.5, 0.6) for n in (0, 5, 10)]
        + [{"FUSION": "rrf", "RRF_K": k, "WEIGHTS": {"lexical": w, "dense": 1.0}, "FEEDBACK_ROWS": 0}
           for k in (10, 60) for w in (0.5, 1.0)])


def run_queries(store, embedder, judged: list[tuple[dict, set[int]]], mode: str, config: dict, *,
                filters: ParagraphFilter | None = None) -> list[dict[str, float]]:
    """Metrics of each judged query in one mode, with ``config`` set on search.hybrid for the run."""
    from search import hybrid

    cat = catalog(store)
    saved = {k: getattr(hybrid, k) for k in config}
    for k, v in config.items():
        setattr(hybrid, k, v)
    try:
        out = []
        for q, relevant in judged:
            res = hybrid.search(store, embedder, q["query"], mode=mode, filters=filters or ParagraphFilter(),
                                limit=100)
            out.append(metrics([cat.by_uid[h.uid] for h in res.hits], relevant))
        return out
    finally:
        for k, v in saved.items():
            setattr(hybrid, k, v)


SEEDS = 3  # relevant paragraphs per query whose "more like this" is judged


def similar_precision(store, embedder, judged: list[tuple[dict, set[int]]]) -> dict[str, float]:
    """P@10 of "more like this" (``search.hybrid.similar``): seeded with ``SEEDS`` of each query's relevant
    paragraphs (the first, middle and last stored), its hits from other documents are judged against the
    same query's relevant paragraphs."""
    from search.hybrid import similar

    cat = catalog(store)
    scores = []
    for _, relevant in judged:
        ordered = sorted(relevant)
        for pos in sorted({ordered[i * (len(ordered) - 1) // max(SEEDS - 1, 1)] for i in range(SEEDS)}):
            row = cat.rows[pos]
            hits = similar(store, embedder, row.symbol, row.key, 10).hits
            scores.append(sum(cat.by_uid[h.uid] in relevant for h in hits) / 10)
    return {"seeds": len(scores), "p@10": round(sum(scores) / max(len(scores), 1), 4)}


def _mean(rows: list[dict[str, float]]) -> dict[str, float]:
    keys = ("p@10", "ndcg@10", "recall@100")
    return {k: round(sum(r[k] for r in rows) / max(len(rows), 1), 4) for k in keys}


def judged_queries(store, queries: list[dict], doc_state: dict[str, str]) -> list[tuple[dict, set[int]]]:
    """(query, relevant rows) for the queries with at least one relevant paragraph."""
    matched = matched_recommendations(catalog(store), doc_state, csv_recommendations())
    return [(q, rel) for q in queries if (rel := judge(q, matched))]


def evaluate(store, embedder, judged: list[tuple[dict, set[int]]], *, hybrid_config: dict | None = None) -> dict:
    """Mean metrics per mode over the judged queries, the paraphrase queries apart, and per query."""
    runs = {"hybrid": run_queries(store, embedder, judged, "hybrid", hybrid_config or DEFAULT),
            "hybrid-nofb": run_queries(store, embedder, judged, "hybrid", {"FEEDBACK_ROWS": 0}),
            "hybrid-rrf": run_queries(store, embedder, judged, "hybrid", {"FUSION": "rrf", "FEEDBACK_ROWS": 0}),
            "dense": run_queries(store, embedder, judged, "dense", {}),
            "dense-fb": run_queries(store, embedder, judged, "dense", {"DENSE_FEEDBACK": True}),
            "lexical": run_queries(store, embedder, judged, "lexical", {})}
    para = [i for i, (q, _) in enumerate(judged) if q.get("paraphrase")]
    rounds = sorted({int(q.get("holdout") or 0) for q, _ in judged})  # round 0: the queries the defaults were chosen on
    held = {r: [i for i, (q, _) in enumerate(judged) if int(q.get("holdout") or 0) == r] for r in rounds}
    recs = ParagraphFilter(paragraph_kind="recommendation")
    recs_only = {m: _mean(run_queries(store, embedder, judged, m, hybrid_config or DEFAULT if m == "hybrid" else {},
                                      filters=recs)) for m in ("hybrid", "dense", "lexical")}
    per_query = [{"id": q["id"], "relevant": len(rel), "paraphrase": bool(q.get("paraphrase")),
                  "holdout": int(q.get("holdout") or 0),
                  **{m: round(runs[m][i]["p@10"], 2) for m in MODES}} for i, (q, rel) in enumerate(judged)]
    return {"queries": len(judged), "means": {m: _mean(r) for m, r in runs.items()},
            "similar": similar_precision(store, embedder, judged),
            "attainable_p@10": round(sum(min(10, len(rel)) for _, rel in judged) / (10 * max(len(judged), 1)), 4),
            "recommendations_only": recs_only, "paraphrase_queries": len(para),
            "paraphrase_means": {m: _mean([r[i] for i in para]) for m, r in runs.items()},
            "holdout": {str(k): {"queries": len(ix), "means": {m: _mean([r[i] for i in ix]) for m, r in runs.items()}}
                        for k, ix in held.items()},
            "per_query": per_query}


def tune(store, embedder, judged: list[tuple[dict, set[int]]]) -> tuple[dict, list[dict]]:
    """The GRID setting with the best hybrid P@10 (then nDCG@10) on ``judged``, and every setting's figures."""
    table = []
    for config in GRID:
        m = _mean(run_queries(store, embedder, judged, "hybrid", config))
        table.append({**config, **m})
    best = max(range(len(table)), key=lambda i: (table[i]["p@10"], table[i]["ndcg@10"]))
    return GRID[best], table


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=30, help="UPR reports to ingest")
    ap.add_argument("--backend", default="openvino", choices=("torch", "openvino", "onnx"))
    ap.add_argument("--model", default="", help="embedding model (default: the bundled all-MiniLM-L6-v2)")
    ap.add_argument("--store", type=Path, default=None, help="store directory (default: a fresh temporary one); files stored there by an earlier run are kept "
                         "as they are, so after a change to the embedding rules use a fresh one or run `r2p reembed`")
    ap.add_argument("--split", action="store_true",
                    help="also tune the fusion on every other query and report on the rest")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from graph.factory import open_store
    from search.embed import load_embedder

    queries = json.loads((REPO / "bench" / "queries.json").read_text())["queries"]
    embedder = load_embedder(args.model, backend=args.backend)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(backend="kuzu", path=args.store or Path(tmp) / "store", embedding_dim=embedder.dim)
        t0 = time.perf_counter()
        doc_state = ingest(store, embedder, pick_pdfs(args.docs))
        t1 = time.perf_counter()
        judged = judged_queries(store, queries, doc_state)
        report = evaluate(store, embedder, judged)
        if args.split:
            tune_half, test_half = judged[0::2], judged[1::2]
            best, grid = tune(store, embedder, tune_half)
            report["split"] = {"tuned_on": len(tune_half), "tested_on": len(test_half), "best": best, "grid": grid,
                               "test_default": evaluate(store, embedder, test_half)["means"],
                               "test_tuned": evaluate(store, embedder, test_half, hybrid_config=best)["means"]}
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
    print(f"P@10 attainable (a query with fewer than 10 relevant paragraphs cannot reach 1.0): "
          f"{report['attainable_p@10']:.3f}")
    print(f"{'mode':<11} {'P@10':>6} {'nDCG@10':>8} {'R@100':>6}")
    for mode, m in report["means"].items():
        print(f"{mode:<11} {m['p@10']:>6.3f} {m['ndcg@10']:>8.3f} {m['recall@100']:>6.3f}")
    best = max(report["means"][m]["p@10"] for m in ("dense", "lexical"))
    gain = report["means"]["hybrid"]["p@10"] / best - 1 if best else 0.0
    print(f"hybrid P@10 against the best single mode: {gain:+.1%}")
    fb = report["means"]["dense-fb"]["p@10"]
    print(f"hybrid P@10 against dense with its own feedback round: {report['means']['hybrid']['p@10'] / fb - 1 if fb else 0.0:+.1%}")
    sim = report["similar"]
    print(f"more like this, seeded with {sim['seeds']} relevant paragraphs: P@10 {sim['p@10']:.3f}")
    print("the same queries with the filter --kind recommendation:")
    for mode, m in report["recommendations_only"].items():
        print(f"{mode:<11} {m['p@10']:>6.3f} {m['ndcg@10']:>8.3f} {m['recall@100']:>6.3f}")
    print(f"the {report['paraphrase_queries']} paraphrase queries (worded unlike the recommendations):")
    for mode, m in report["paraphrase_means"].items():
        print(f"{mode:<11} {m['p@10']:>6.3f} {m['ndcg@10']:>8.3f}")
    for k, group in report["holdout"].items():
        print(f"the {group['queries']} queries the defaults were chosen on:" if k == "0" else
              f"the {group['queries']} held-out queries of round {k} (written after the defaults were fixed):")
        for mode, m in group["means"].items():
            print(f"{mode:<11} {m['p@10']:>6.3f} {m['ndcg@10']:>8.3f} {m['recall@100']:>6.3f}")
    if "split" in report:
        sp = report["split"]
        print(f"fusion tuned on {sp['tuned_on']} queries (every other one), best: {sp['best']}")
        for r in sp["grid"]:
            print("   " + " ".join(f"{k}={v}" for k, v in r.items()))
        for name in ("test_default", "test_tuned"):
            print(f"held-out {sp['tested_on']} queries, {name[5:]} fusion:")
            for mode, m in sp[name].items():
                print(f"{mode:<11} {m['p@10']:>6.3f} {m['ndcg@10']:>8.3f} {m['recall@100']:>6.3f}")
    for row in report["per_query"]:
        print(f"  {row['id']:<22} rel={row['relevant']:<5} {'P' if row['paraphrase'] else ' '}{'H' + str(row['holdout']) if row['holdout'] else '  '} " + " ".join(f"{m}={row[m]:.1f}" for m in MODES))


if __name__ == "__main__":
    raise SystemExit(main())
