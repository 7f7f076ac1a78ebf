"""Spelling suggestions: how often "did you mean" gives back the word a typo was made from.

Each word of 5 letters or more of the queries in bench/queries.json that the store holds gets one random
edit (a letter dropped, added or changed, or two neighbours swapped; seeded, so every run makes the same
typos). A typo that is itself a stored word is counted apart (no suggestion is due). For the others the
suggestion (``search.lexical.closest_words``) is compared with the word typed, and so is, in the same run, the
suggestion under the baseline distance: plain Levenshtein, where two swapped letters are two edits, not one.

    PYTHONPATH=. python bench/spelling.py --store DIR [--seed 7]

DIR is a store filled by ``r2p ingest`` or by ``bench/eval_search.py --store DIR``.
"""

from __future__ import annotations

import argparse
import json
import random
import string
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def typo(word: str, rng: random.Random) -> str:
    """``word`` with one random edit."""
    i = rng.randrange(len(word))
    kind = rng.choice("dist")
    if kind == "d":
        return word[:i] + word[i + 1 :]
    if kind == "i":
        return word[:i] + rng.choice(string.ascii_lowercase) + word[i:]
    if kind == "s":
        return word[:i] + rng.choice(string.ascii_lowercase.replace(word[i], "")) + word[i + 1 :]
    i = min(i, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    from graph.factory import open_store
    from search.catalog import catalog
    from search.lexical import closest_words, index
    from search.text import STOPWORDS, stem, words

    if not args.store.exists():
        print(f"spelling.py: no store at {args.store}", file=sys.stderr)
        return 2
    store = open_store(backend="kuzu", path=args.store, read_only=True)
    cat = catalog(store)
    vocab = index(cat).vocab
    queries = json.loads((REPO / "bench" / "queries.json").read_text())["queries"]
    from rapidfuzz.distance import Levenshtein

    rng = random.Random(args.seed)
    typos: list[tuple[str, str]] = []  # (word typed, typo)
    stored_words = 0
    for q in queries:
        for w in words(q["query"]):
            if len(w) < 5 or not w.isalpha() or w in STOPWORDS or stem(w) not in vocab:
                continue
            t = typo(w, rng)
            if t == w:
                continue
            if stem(t) in vocab:
                stored_words += 1
                continue
            typos.append((w, t))
    print(f"{len(cat.rows)} paragraphs; {len(typos)} typos (and {stored_words} that are stored words)")
    for name, distance in (("Levenshtein (baseline)", Levenshtein.distance), ("OSA (search)", None)):
        counts = {"same word": 0, "same stem": 0, "other word": 0, "none": 0}
        started = time.perf_counter()
        for w, t in typos:
            got = closest_words(cat, [t], distance=distance).get(t)
            key = ("none" if got is None else "same word" if got == w else "same stem" if stem(got) == stem(w)
                   else "other word")
            counts[key] += 1
        ms = (time.perf_counter() - started) * 1000 / max(len(typos), 1)
        print(f"{name:<24} " + ", ".join(f"{k}: {v}" for k, v in counts.items()) + f"; {ms:.1f} ms per typo")
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
