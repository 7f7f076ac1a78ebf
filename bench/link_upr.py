"""UPR recommendations read from the reports, checked against UPR Info's table of cycle 1.

Parses and links every Working Group report in ``upr-cycle1/pdfs`` (two processes) and checks
each row of ``upr-cycle1/recommendations-sessions-1-12.csv`` (voluntary pledges left out) whose
State under review has a report:

- *found*: the first 60 normalised characters of the row's text occur in an extracted
  recommendation of that report;
- *right*: one of those has the row's State among its recommenders and the State under review as
  its only addressee; *wrong*: found, but none of them has;
- *not found*: no extracted recommendation has the text (the table rewords or splits many rows).

Rows found only through a recommendation read from the interactive dialogue are counted apart.
Whatever the wording, a row's *pair* (recommending State, State under review) is *covered* when
some recommendation of the report has that State among its recommenders: the share of pairs
covered says how much of "who recommended to whom" the graph holds.
Usage::

    PYTHONPATH=. python bench/link_upr.py [--corpus ../shared/corpus] [--show wrong|missing] [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import re
import time
import unicodedata
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ingest.errors import ParseError
from ingest.link import link
from ingest.link.registry import registry
from ingest.pipeline import parse

# UPR Info's spellings that are not UN names or common forms.
CSV_NAMES = {"Macedonia FYR": "North Macedonia", "DPR Korea": "Democratic People's Republic of Korea",
             "Republic of Congo": "Congo", "Democratic Republic of Congo": "Democratic Republic of the Congo"}
KEY_CHARS = 60  # a row is found by this many normalised characters of its text


def state_id(name: str) -> str:
    """The actor id of a State as the table spells it (``state/XXX``)."""
    name = re.sub(r"^St ", "Saint ", CSV_NAMES.get(name, name).replace("&", "and"))
    ids = registry().gazetteer.lookup(name)
    if len(ids) != 1:
        raise ValueError(f"the table's State {name!r} is not one known State")
    return ids[0]


def norm(text: str) -> str:
    """Lower-case ASCII letters and digits only: what a row and an extracted text are compared on."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", ascii_text.lower())


def table_rows(corpus: Path) -> list[dict[str, str]]:
    """The table's rows, voluntary pledges left out."""
    with (corpus / "upr-cycle1" / "recommendations-sessions-1-12.csv").open(encoding="utf-8") as handle:
        return [r for r in csv.DictReader(handle) if r["Response"] != "Voluntary Pledge"]


Extracted = tuple[str, tuple[str, ...], tuple[str, ...], bool]  # normalised text, by, to, from the dialogue


def _read(path: Path) -> tuple[str, str | None, list[Extracted]]:
    """(file name, State under review or None, its recommendations) of one report."""
    try:
        document = parse(path)
    except ParseError:
        return path.name, None, []
    facts = link(document)
    dialogue = {p.index for p in document.paragraphs if "interactive dialogue" in (p.section or "").lower()}
    states = [s.replace("sit/", "state/") for s in facts.situations]
    recs = [(norm(r.text), r.by, r.to, r.paragraph_index in dialogue) for r in facts.recommendations]
    return path.name, (states[0] if len(states) == 1 else None), recs


def check(rows: list[dict[str, str]], reports: dict[str, list[Extracted]]) -> tuple[Counter[str], list[tuple[str, dict[str, str]]]]:
    """Outcome counts and (outcome, row) for every row whose State under review has a report."""
    counts: Counter[str] = Counter()
    outcomes = []
    for row in rows:
        sur = state_id(row["To"])
        if sur not in reports:
            counts["no report"] += 1
            continue
        key = norm(row["Text"])[:KEY_CHARS]
        found = [r for r in reports[sur] if key in r[0]]
        if not found:
            outcome = "not found"
        elif any(state_id(row["From"]) in by and to == (sur,) for _, by, to, _ in found):
            outcome = "right (dialogue)" if all(d for *_, d in found) else "right"
        else:
            outcome = "wrong"
        counts[outcome] += 1
        outcomes.append((outcome, row))
    return counts, outcomes


def main() -> None:
    """Print the share of table rows linked right, wrong and not found."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "corpus")
    parser.add_argument("--show", choices=("wrong", "missing", "pairs"), help="print these rows, or the pairs not covered")
    parser.add_argument("--limit", type=int, default=0, help="read only the first N reports (0: all)")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    files = sorted((args.corpus / "upr-cycle1" / "pdfs").glob("*.pdf"))
    files = files[: args.limit] if args.limit else files
    start = time.perf_counter()
    reports: dict[str, list[Extracted]] = {}
    unread = []
    with ProcessPoolExecutor(args.workers) as pool:
        for name, sur, recs in pool.map(_read, files, chunksize=4):
            if sur is None:
                unread.append(name)
            else:
                reports.setdefault(sur, []).extend(recs)
    elapsed = time.perf_counter() - start
    table = table_rows(args.corpus)
    counts, outcomes = check(table, reports)
    checked = sum(v for k, v in counts.items() if k != "no report")
    print(f"{len(files)} reports read in {elapsed:.1f} s ({len(unread)} without one State under review: "
          f"{', '.join(unread) or 'none'})")
    print(f"{checked:,} table rows checked ({counts['no report']:,} more have no report here); "
          f"{sum(len(v) for v in reports.values()):,} recommendations extracted")
    rows = [r for r in table if "Unknown" not in r["From"]]  # a few rows name no recommender
    pairs = {(state_id(r["From"]), state_id(r["To"])) for r in rows if state_id(r["To"]) in reports}
    covered = {(by, sur) for by, sur in pairs if any(by in rec[1] for rec in reports[sur])}
    right = counts["right"] + counts["right (dialogue)"]
    for label, n in (("right", right), ("  of which only from the dialogue", counts["right (dialogue)"]),
                     ("wrong", counts["wrong"]), ("not found", counts["not found"])):
        print(f"{label:<36} {n:>6,}  {100 * n / max(checked, 1):6.2f}%")
    print(f"(recommending State, State under review) pairs covered: {len(covered):,} of {len(pairs):,} "
          f"({100 * len(covered) / max(len(pairs), 1):.2f}%)")
    if args.show == "pairs":
        for by, sur in sorted(pairs - covered):
            print(f"- {sur} ← {by}")
    elif args.show:
        want = "wrong" if args.show == "wrong" else "not found"
        for outcome, row in outcomes:
            if outcome == want:
                print(f"- {row['To']} ← {row['From']}: {row['Text'][:160]}")


if __name__ == "__main__":
    main()
