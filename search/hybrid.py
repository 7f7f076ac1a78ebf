"""Paragraph search: lexical, dense and hybrid (fusion of both rankings), with facets.

Hybrid search fuses the two runs' scores, each min-max normalised over its candidates, as a convex
combination (``ALPHA`` for lexical), then refines the query vector once with the vectors of the
``FEEDBACK_ROWS`` best fused paragraphs (pseudo-relevance feedback, Rocchio's rule:
``q + FEEDBACK_WEIGHT × mean``), ranks again with it and fuses again. The refined vector ranks
only the first dense run's best ``FEEDBACK_WITHIN`` rows and the lexical candidates: on the 35,603
paragraphs of ``bench/eval_search.py --docs 400`` the top ten of every query came out the same as
from a second pass over all rows, at a small part of its cost when the vectors are in memory. Keyword matches
anchor what the feedback learns, and the feedback finds the paragraphs worded unlike the query
that keywords miss. ``DENSE_FEEDBACK`` gives the dense mode the same round from its own best rows
(off: the dense mode shows what the vectors alone find). Weighted reciprocal rank fusion (``fuse``,
``FUSION = "rrf"``) is the alternative. ``bench/eval_search.py`` measured all of these; its
``--split`` tunes them on half of the queries and reports on the other half.
In every mode a formula line (a very short paragraph stating no recommendation, such as "The
Security Council,"), a section heading ("C. Gender and conflict-related sexual violence") and a report's
line set as a title (``_title_like``: "Protection of civilians:") have their scores halved, so the
paragraph that says something, the one to cite, comes first; the heading's words still count for the
paragraphs under it, as their section.
A query naming documents by symbol puts their paragraphs first, then the paragraphs citing them as the
store records citations, however written (``citing_rows``); a query of symbols only answers just these.
A Council resolution named without its year takes the years the store knows (``with_resolution_years``).

``search`` answers a :class:`SearchResult`: the hits of one page, the facet counts over the
candidate pool, the total size of that pool, and a note when the query could not be taken as given.
``similar`` finds the paragraphs most like a stored one, in other documents ("more like this").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import numpy as np

from graph.responses import wanted_responses
from graph.store import GraphStore, ParagraphFilter
from ontology.model import ParagraphKind, symbol_key
from search.catalog import Catalog, catalog, row_context, row_text
from search.dense import dense_search, row_vectors, vectors_current, vectors_match
from search.embed import Embedder
from search.errors import SearchError
from search.filters import facet_counts, mask
from search.hits import Hit, make_hit
from search.indexing import encode_with_context
from search.lexical import (
    SYMBOL_CITE_BONUS,
    closest_words,
    has_phrases,
    lexical_search,
    symbol_mentions,
    symbol_positions,
)
from search.lexical import index as lexical_index
from search.text import MAX_QUERY_CHARS, WORD, ParsedQuery, parse_query, words

MODES = ("hybrid", "dense", "lexical")
RRF_K = 60
WEIGHTS = {"lexical": 1.0, "dense": 1.0}
FUSION = "score"  # "score" (max-normalised score fusion) | "rrf"
ALPHA = 0.3  # weight of the lexical run in score fusion
POOL = 200  # candidates fetched from each retriever (and counted in the facets)
FORMULA_WORDS = 5  # a non-recommendation paragraph of fewer words is a formula line ("The Security Council,")
FORMULA_WEIGHT = 0.5  # its score, and a heading's, is multiplied by this, so a paragraph with content outranks it
RARE_ALPHA = True  # the lexical weight shrinks with the share of query terms the collection lacks
FEEDBACK_ROWS = 5  # best fused paragraphs whose vectors refine the query vector (0: no feedback)
FEEDBACK_WEIGHT = 1.0  # weight of their mean vector against the query's
FEEDBACK_WITHIN = 1_000  # the refined vector ranks the first dense run's best this many, and the lexical run
DENSE_FEEDBACK = False  # the dense mode refines its query vector with its own best rows (measured, not the default)


@dataclass(frozen=True, slots=True)
class SearchResult:
    """One page of hits, facet counts over the candidate pool, an optional note, and the query respelled
    when some of its words are in no stored paragraph and a stored word is one or two letters away."""

    query: str
    mode: str
    hits: tuple[Hit, ...]
    total: int  # size of the candidate pool the page was cut from
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    note: str | None = None
    suggestion: str | None = None


def search(store: GraphStore, embedder: Embedder | None, query: str, *, mode: str = "hybrid",
           filters: ParagraphFilter | None = None, limit: int = 10, offset: int = 0) -> SearchResult:
    """Search the stored paragraphs. Raises :class:`SearchError` for a query it cannot take."""
    parsed = _check(query, mode, limit, offset)
    if filters is not None and filters.response:
        wanted_responses(filters.response)  # an unknown response is an error, not an empty page
    if parsed.empty:
        return SearchResult(query=parsed.text, mode=mode, hits=(), total=0, note=(
            "nothing to search for: the query has no words or document symbols"))
    if mode != "lexical" and embedder is None:
        raise SearchError(f"the {mode} mode needs an embedding model")
    cat = catalog(store)
    parsed = with_resolution_years(store, cat, parsed)
    allowed = mask(cat, filters)
    pool = max(POOL, offset + limit)
    ranked = _ranked(store, embedder, cat, parsed, mode=mode, filters=filters, allowed=allowed, pool=pool)
    page = ranked[offset : offset + limit]
    hits = tuple(make_hit(cat, pos, score, parsed) for pos, score in page)
    note = None if ranked else "no paragraph matches the query" + (" and the filters" if allowed is not None else "")
    unknown = _unknown_symbols(store, cat, parsed) if mode != "dense" else []
    if unknown:
        note = (f"no stored document is {' or '.join(unknown)}, and no stored paragraph cites "
                f"{'them' if len(unknown) > 1 else 'it'}" + (f"; {note}" if note else ""))
    if embedder is not None and mode != "lexical" and not vectors_match(store, cat, embedder.name):
        note = (f"the stored paragraphs have no vectors made by the model {embedder.name!r} (ingested without "
                "embeddings or with another model): ranked by keywords only; run `r2p reembed` to search by meaning")
    elif embedder is not None and mode != "lexical" and not vectors_current(store, cat, embedder.name):
        note = ("some stored paragraphs were embedded by older rules or have no vector: they are ranked by their "
                "older vectors or by keywords; run `r2p reembed` to bring them up to date" + (f"; {note}" if note else ""))
    # the lexical index is built in these modes anyway; the dense mode does not build it for a suggestion
    respelled = closest_words(cat, words(parsed.free_text)) if mode != "dense" and parsed.terms else {}
    if respelled:
        missing = " or ".join(f'"{w}"' for w in respelled)
        note = f"no stored paragraph has the word{'s' if len(respelled) > 1 else ''} {missing}" + (
            f"; {note}" if note else "")
    return SearchResult(query=parsed.text, mode=mode, hits=hits, total=len(ranked),
                        facets=facet_counts(cat, (p for p, _ in ranked)), note=note,
                        suggestion=respell(parsed.text, respelled) if respelled else None)


def respell(query: str, respelled: dict[str, str]) -> str:
    """``query`` with each word of ``respelled`` (lower case) replaced wherever written, in the case it was
    written in ("Deth" → "Death", "DETH" → "DEATH")."""
    def one(m: re.Match[str]) -> str:
        typed = m.group(0)
        new = respelled.get(typed.lower())
        if new is None:
            return typed
        return new.upper() if typed.isupper() and len(typed) > 1 else new.capitalize() if typed[0].isupper() else new
    return WORD.sub(one, query)


def _check(query: str, mode: str, limit: int, offset: int) -> ParsedQuery:
    if mode not in MODES:
        raise SearchError(f"unknown search mode {mode!r}; use one of {', '.join(MODES)}")
    if not 1 <= limit <= 1000 or offset < 0:
        raise SearchError("limit must be between 1 and 1000 and offset at least 0")
    if query is None or not str(query).strip():
        raise SearchError("the query is empty: give words, a phrase in quotes or a document symbol")
    if len(query) > MAX_QUERY_CHARS:
        raise SearchError(f"the query is {len(query):,} characters long; the limit is {MAX_QUERY_CHARS:,}")
    return parse_query(query)


def _ranked(store: GraphStore, embedder: Embedder | None, cat: Catalog, q: ParsedQuery, *, mode: str,
            filters: ParagraphFilter | None, allowed: np.ndarray | None, pool: int) -> list[tuple[int, float]]:
    citing = citing_rows(store, cat, q.symbols) if mode != "dense" else {}
    named = symbol_positions(cat, q, citing) if q.symbols else set()
    only_symbols = bool(q.symbols) and not (q.terms or q.phrases)
    if only_symbols:  # every paragraph of the named documents and every citer, however many
        pool = max(pool, len(named))
    lexical = lexical_search(cat, q, k=pool, allowed=allowed, citing=citing) if mode != "dense" else []
    pinned = _pinned(lexical, named)
    if mode == "lexical" or (mode == "hybrid" and only_symbols):
        # a query of symbols only asks for those documents and their citers: nothing to rank by meaning
        return demote_formula_lines(cat, lexical, pinned=pinned)
    if embedder is None:
        raise SearchError(f"the {mode} mode needs an embedding model")
    dense_text = q.free_text if (q.terms or q.phrases) else q.text
    qvec = embedder.encode([dense_text])[0]
    feedback = FEEDBACK_ROWS > 0 and (DENSE_FEEDBACK if mode == "dense" else FUSION == "score")
    wide = dense_search(store, cat, qvec, model=embedder.name, k=max(pool, FEEDBACK_WITHIN) if feedback else pool,
                        filters=filters, allowed=allowed)
    dense = _with_phrases(cat, wide[:pool], q)
    if mode == "dense":
        if feedback and dense:
            qvec = feedback_vector(qvec, row_vectors(store, cat, embedder.name, [p for p, _ in dense[:FEEDBACK_ROWS]]))
            within = np.fromiter((p for p, _ in wide), dtype=np.int64)
            dense = _with_phrases(cat, dense_search(store, cat, qvec, model=embedder.name, k=pool, filters=filters,
                                                    allowed=allowed, within=within), q)
        return demote_formula_lines(cat, dense)
    if FUSION == "rrf":
        ranked = fuse({"lexical": lexical, "dense": dense}, k=RRF_K, pinned=pinned)
        return demote_formula_lines(cat, ranked, pinned=pinned)
    alpha = ALPHA * lexical_coverage(cat, q) if RARE_ALPHA else ALPHA
    fused = fuse_scores(lexical, dense, alpha=alpha, pinned=pinned)
    if feedback and not pinned and fused and dense:  # no dense run (no vectors): nothing to refine
        qvec = feedback_vector(qvec, row_vectors(store, cat, embedder.name, [p for p, _ in fused[:FEEDBACK_ROWS]]))
        within = np.unique(np.fromiter((p for run in (wide, lexical) for p, _ in run), dtype=np.int64))
        dense = _with_phrases(cat, dense_search(store, cat, qvec, model=embedder.name, k=pool, filters=filters,
                                                allowed=allowed, within=within), q)
        fused = fuse_scores(lexical, dense, alpha=alpha, pinned=pinned)
    return demote_formula_lines(cat, fused, pinned=pinned)


CITERS_LIMIT = 10_000  # citing paragraphs of one symbol read from the store


def citing_rows(store: GraphStore, cat: Catalog, symbols: tuple[str, ...]) -> dict[str, np.ndarray]:
    """Symbol key -> positions of the rows the store records as citing that document, however the
    citation is written ("resolution 1591 (2005)" as well as "S/RES/1591 (2005)"); read once per
    symbol and catalog state."""
    known: dict[str, np.ndarray] = cat.cache.setdefault("citers", {})
    for key in dict.fromkeys(symbol_key(s) for s in symbols):
        if key not in known:
            uids = store.citing_paragraphs([key], k=CITERS_LIMIT)
            known[key] = np.asarray([cat.by_uid[u] for u in uids if u in cat.by_uid], dtype=np.int64)
    return {key: known[key] for key in (symbol_key(s) for s in symbols)}


_YEARLESS = re.compile(r"S/RES/\d+")
YEARS_LIMIT = 5  # years looked up for a resolution written without one


def with_resolution_years(store: GraphStore, cat: Catalog, q: ParsedQuery) -> ParsedQuery:
    """The query with each Council resolution written without its year ("S/RES/1325", "UNSCR 1325") given
    the years the store knows for it, stored or cited ("S/RES/1325 (2000)"). A number is one resolution, so
    every year the texts give it counts: a report that writes "1325 (2005)" still cites resolution 1325."""
    symbols: list[str] = []
    for written in q.symbols:
        key = symbol_key(written)
        known = store.symbols_starting(key + "(", k=YEARS_LIMIT) if (
            _YEARLESS.fullmatch(key) and key not in cat.doc_rows) else []
        symbols += [_shown(cat, k) for k in known] or [written]
    return replace(q, symbols=tuple(dict.fromkeys(symbols))) if symbols != list(q.symbols) else q


def _shown(cat: Catalog, key: str) -> str:
    """A symbol key as written: the stored document's symbol, else the key with its year set apart."""
    rows = cat.doc_rows.get(key)
    return cat.rows[rows[0]].symbol if rows else key.replace("(", " (")


def _unknown_symbols(store: GraphStore, cat: Catalog, q: ParsedQuery) -> list[str]:
    """The query's symbols that name no stored document and that no stored paragraph cites."""
    citing, written = citing_rows(store, cat, q.symbols), symbol_mentions(cat)
    return [s for s in q.symbols
            if not cat.doc_rows.get(k := symbol_key(s)) and not len(citing[k]) and k not in written]


def _with_phrases(cat: Catalog, dense: list[tuple[int, float]], q: ParsedQuery) -> list[tuple[int, float]]:
    """The dense run kept to the paragraphs containing the query's quoted phrases: a phrase is a
    constraint in every mode."""
    return [(p, s) for p, s in dense if has_phrases(cat, p, q)] if q.phrases else dense


def feedback_vector(qvec: np.ndarray, vectors: np.ndarray) -> np.ndarray:
    """Rocchio's rule: the query vector moved towards the mean of ``vectors`` (unit length)."""
    if len(vectors) == 0:
        return qvec
    moved = qvec + FEEDBACK_WEIGHT * vectors.mean(axis=0)
    return (moved / np.linalg.norm(moved)).astype(np.float32)


def _pinned(lexical: list[tuple[int, float]], named: set[int]) -> set[int]:
    """Rows of a document named by symbol, and rows citing it, that got their bonus: they come first."""
    return {p for p, s in lexical if p in named and s >= SYMBOL_CITE_BONUS}


def _demoted(score: float) -> float:
    return score * FORMULA_WEIGHT if score > 0 else score / FORMULA_WEIGHT


def lexical_coverage(cat: Catalog, q: ParsedQuery) -> float:
    """Share of the query's terms that occur in the collection (1.0 for a query of symbols or phrases only)."""
    if not q.terms or q.phrases:
        return 1.0
    vocab = lexical_index(cat).vocab
    return sum(t in vocab for t in q.terms) / len(q.terms)


def formula_lines(cat: Catalog) -> np.ndarray:
    """Per row: whether it states nothing to cite: a formula line (a very short paragraph that states no
    recommendation), a section heading, or a line set as one (see ``_title_like``)."""
    if "formula" not in cat.cache:
        cat.cache["formula"] = np.fromiter(
            (not r.recommendation and (r.kind == ParagraphKind.HEADING or _fewer_words(r.text, FORMULA_WORDS)
                                       or _title_like(r.kind, r.text))
             for r in cat.rows),
            dtype=bool, count=len(cat.rows))
    return cat.cache["formula"]


TITLE_WORDS = 12  # a report's line of fewer words that ends no sentence is a title, not a statement
_SENTENCE_END = (".", ";", "!", "?", ",")


def _title_like(kind: str, text: str) -> bool:
    """A report's line that is set like a title: fewer than ``TITLE_WORDS`` words and no sentence ending, such as a
    subheading the layout gives no heading type ("Migrants, refugees and asylum-seekers"), a lead-in ("Protection of
    civilians:") or a chart's label ("Conflict-related sexual violence 17%"). A resolution's paragraphs are not."""
    return (kind in (ParagraphKind.TEXT, ParagraphKind.NUMBERED) and _fewer_words(text, TITLE_WORDS)
            and not text.rstrip(" )]\"'”’»*").endswith(_SENTENCE_END))


def _fewer_words(text: str, n: int) -> bool:
    """Whether ``text`` has fewer than ``n`` words (as counted by ``search.text.words``), reading only its start."""
    return len(words(text[: 40 * n])) < n and len(words(text)) < n


def demote_formula_lines(cat: Catalog, ranked: list[tuple[int, float]], *, pinned: set[int] | None = None
                         ) -> list[tuple[int, float]]:
    """Multiply the scores of formula lines and headings by ``FORMULA_WEIGHT`` and re-sort (``pinned`` rows keep their place)."""
    flags = formula_lines(cat)
    pinned = pinned or set()
    out = [(p, _demoted(s) if flags[p] and p not in pinned else s) for p, s in ranked]
    return sorted(out, key=lambda kv: (kv[0] not in pinned, -kv[1]))


def fuse_scores(lexical: list[tuple[int, float]], dense: list[tuple[int, float]], *, alpha: float = ALPHA,
                pinned: set[int] | None = None) -> list[tuple[int, float]]:
    """``alpha`` × lexical + (1 − alpha) × dense, each min-max normalised over its run; a row missing
    from one run gets 0 there. ``pinned`` rows (of a document named by symbol, or citing it) come first."""
    pinned = pinned or set()
    lex = _normalised([(p, s) for p, s in lexical if p not in pinned])
    den = _normalised(dense)
    scores = {p: alpha * lex.get(p, 0.0) + (1 - alpha) * den.get(p, 0.0) for p in set(lex) | set(den)}
    scores.update({p: 2.0 + s for p, s in _normalised([(p, s) for p, s in lexical if p in pinned]).items()})
    return sorted(scores.items(), key=lambda kv: -kv[1])


def _normalised(run: list[tuple[int, float]]) -> dict[int, float]:
    """Scores mapped to [0, 1] over the run (min-max); a run of equal scores maps to 1."""
    if not run:
        return {}
    top, low = max(s for _, s in run), min(s for _, s in run)
    return {p: (s - low) / (top - low) if top > low else 1.0 for p, s in run}


def fuse(runs: dict[str, list[tuple[int, float]]], *, k: int = RRF_K, weights: dict[str, float] | None = None,
         pinned: set[int] | None = None) -> list[tuple[int, float]]:
    """Weighted reciprocal rank fusion: score = Σ w / (k + rank). ``pinned`` rows come first."""
    weights = weights or WEIGHTS
    scores: dict[int, float] = {}
    for name, run in runs.items():
        w = weights.get(name, 1.0)
        for rank, (pos, _) in enumerate(run, start=1):
            scores[pos] = scores.get(pos, 0.0) + w / (k + rank)
    pinned = pinned or set()
    return sorted(scores.items(), key=lambda kv: (kv[0] not in pinned, -kv[1]))


ORDERS = ("closest", "oldest")


def similar(store: GraphStore, embedder: Embedder, symbol: str, paragraph: str, limit: int = 10, *,
            filters: ParagraphFilter | None = None, order: str = "closest") -> SearchResult:
    """Paragraphs most like ``symbol``'s paragraph ``paragraph`` (label or key) in other documents: the
    ``limit`` closest, closest first or (``order="oldest"``) as a chain in time, undated ones last. Headings,
    formula lines and lines set as titles rank below paragraphs that state something, as in ``search``."""
    if order not in ORDERS:
        raise SearchError(f"unknown order {order!r}; use one of {', '.join(ORDERS)}")
    cat = catalog(store)
    positions = cat.doc_rows.get(symbol_key(symbol))
    if not positions:
        raise SearchError(f"no stored document {symbol!r}")
    want = paragraph.strip()
    found = [p for p in positions if cat.rows[p].key == want or cat.rows[p].label == want]
    if not found:
        raise SearchError(f"{symbol} has no paragraph {paragraph!r}")
    row = cat.rows[found[0]]
    stored = row_vectors(store, cat, embedder.name, found[:1])
    qvec = stored[0] if len(stored) else encode_with_context(
        embedder, [(row_context(cat, found[0]), row_text(cat, found[0]))])[0]
    allowed = mask(cat, filters)
    other = np.fromiter((r.symbol != row.symbol for r in cat.rows), dtype=bool, count=len(cat.rows))
    allowed = other if allowed is None else (allowed & other)
    ranked = demote_formula_lines(cat, dense_search(store, cat, qvec, model=embedder.name, k=max(POOL, limit),
                                                    filters=filters, allowed=allowed))
    query = parse_query(row.text[:MAX_QUERY_CHARS])
    hits = tuple(make_hit(cat, pos, score, query, mark_words=False) for pos, score in ranked[:limit])
    if order == "oldest":
        hits = tuple(sorted(hits, key=lambda h: (h.date is None, h.date or "")))
    return SearchResult(query=f"{row.symbol} {row.label or row.key}", mode="similar", hits=hits,
                        total=len(ranked), facets=facet_counts(cat, (p for p, _ in ranked)),
                        note=None if hits else "no similar paragraph in other documents")
