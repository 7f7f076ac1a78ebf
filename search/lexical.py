"""Lexical retrieval: Okapi BM25 over stemmed paragraph text, quoted phrases, exact UN symbols.

The index (a sparse document × term matrix of BM25 weights) is built once per catalog. A query
scores every paragraph with one sparse column sum; quoted phrases then keep only the paragraphs
that contain them word for word (stems, in order); a UN symbol ranks the paragraphs of that
document first, then the paragraphs that cite it: those that write the symbol, and those whose
citation the store holds however it was written ("resolution 1591 (2005)"), given as ``citing``.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

import numpy as np
from scipy import sparse

from ontology.model import symbol_key
from search.catalog import Catalog, Row
from search.text import STOPWORDS, SYMBOL, WORD, ParsedQuery, contains_phrase, stem

K1 = 1.2
B = 0.75
SYMBOL_DOC_BONUS = 1_000.0  # paragraphs of a document named in the query come before anything else
SYMBOL_CITE_BONUS = 100.0  # then paragraphs that cite it


class Bm25Index:
    """BM25 weights of every catalog row, as a CSC matrix (rows × vocabulary).

    Built without a Python loop per term occurrence: each distinct word is looked up once (stop word
    or stem id, :class:`_TermIds`), each row's words are mapped in C (``map``), and the counts of a
    chunk of rows are summed by scipy (duplicates of a COO matrix add up).
    """

    def __init__(self, rows: list[Row]) -> None:
        ids = _TermIds()
        chunks, lengths, seen = [], [], []
        for start in range(0, len(rows), CHUNK_ROWS):
            tf, dl, words_seen = _counts(rows[start : start + CHUNK_ROWS], ids)
            chunks.append(tf)
            lengths.append(dl)
            seen.append(words_seen)
        self.vocab = ids.vocab
        width = len(self.vocab)
        for c in chunks:
            c.resize((c.shape[0], width))  # earlier chunks saw a smaller vocabulary
        tf = sparse.vstack(chunks, format="csr") if chunks else sparse.csr_matrix((0, 0), dtype=np.float32)
        dl = np.concatenate(lengths).astype(np.float32) if lengths else np.zeros(0, np.float32)
        avgdl = float(dl.mean()) if len(dl) else 1.0
        df = np.bincount(tf.indices, minlength=width).astype(np.float32)
        # every word the rows hold (lower case, as written) -> its term id (-1: a stop word), and how often
        # it occurs: the vocabulary of spelling suggestions
        self.words = ids
        self.word_stems = np.asarray(ids.stem_of, dtype=np.int64)
        self.word_counts = sum((np.pad(c, (0, len(ids) - len(c))) for c in seen), np.zeros(len(ids), np.int64))
        idf = np.log1p((len(rows) - df + 0.5) / (df + 0.5))
        norm = K1 * (1 - B + B * dl / max(avgdl, 1e-9))
        tf = tf.tocoo()
        w = idf[tf.col] * tf.data * (K1 + 1) / (tf.data + norm[tf.row])
        self.weights = sparse.csc_matrix((w.astype(np.float32), (tf.row, tf.col)), shape=tf.shape)
        self.size = len(rows)

    def scores(self, query_terms: tuple[str, ...]) -> np.ndarray:
        """BM25 score of every row for the query terms (0 where no term occurs)."""
        cols = [self.vocab[t] for t in query_terms if t in self.vocab]
        if not cols:
            return np.zeros(self.size, np.float32)
        return np.asarray(self.weights[:, cols].sum(axis=1)).ravel()


CHUNK_ROWS = 50_000  # rows counted at a time (bounds the token arrays)


class _TermIds(dict):
    """Raw word (as ``search.text.words`` finds it, before the apostrophe is normalised) -> word id; a word
    is stemmed once, on first sight. ``stem_of``: word id -> term id, or -1 for a stop word. ``vocab``: stem ->
    term id."""

    def __init__(self) -> None:
        super().__init__()
        self.vocab: dict[str, int] = {}
        self.stem_of: list[int] = []

    def __missing__(self, token: str) -> int:
        w = token.replace("’", "'")
        self.stem_of.append(-1 if w in STOPWORDS else self.vocab.setdefault(stem(w), len(self.vocab)))
        j = self[token] = len(self.stem_of) - 1
        return j


def _counts(rows: list[Row], ids: _TermIds) -> tuple[sparse.csr_matrix, np.ndarray, np.ndarray]:
    """Term counts (rows × current vocabulary), document lengths (terms, stop words left out), and how often
    each word id seen so far occurs in these rows."""
    flat: list[int] = []
    per_row = np.empty(len(rows), np.int64)
    for n, row in enumerate(rows):
        toks = WORD.findall(_indexed_text(row).lower())
        per_row[n] = len(toks)
        flat.extend(map(ids.__getitem__, toks))
    word_ids = np.asarray(flat, dtype=np.int64)
    cols = np.asarray(ids.stem_of, dtype=np.int64)[word_ids] if len(word_ids) else word_ids
    row_of = np.repeat(np.arange(len(rows)), per_row)
    keep = cols >= 0
    cols, row_of = cols[keep], row_of[keep]
    tf = sparse.coo_matrix((np.ones(len(cols), np.float32), (row_of, cols)),
                           shape=(len(rows), len(ids.vocab))).tocsr()
    tf.sum_duplicates()
    return tf, np.bincount(row_of, minlength=len(rows)), np.bincount(word_ids, minlength=len(ids))


def _indexed_text(row: Row) -> str:
    return " ".join(x for x in (row.label, row.section, row.text) if x)


def index(cat: Catalog) -> Bm25Index:
    """The BM25 index of the catalog (built on first use)."""
    if "bm25" not in cat.cache:
        cat.cache["bm25"] = Bm25Index(cat.rows)
    return cat.cache["bm25"]


def lexical_search(cat: Catalog, query: ParsedQuery, *, k: int, allowed: np.ndarray | None,
                   citing: Mapping[str, np.ndarray] | None = None) -> list[tuple[int, float]]:
    """Top ``k`` (row position, score) for the query among the ``allowed`` rows (None = all).
    ``citing``: symbol key -> positions of the rows the store records as citing it."""
    # float64: the document-order offsets of a symbol look-up (1e-6 per row) vanish in float32 at 1,000
    scores = (index(cat).scores(query.terms) if query.terms else np.zeros(len(cat.rows))).astype(np.float64)
    for sym in query.symbols:
        for pos in cat.doc_rows.get(symbol_key(sym), ()):
            scores[pos] += SYMBOL_DOC_BONUS - pos * 1e-6 if not query.terms else SYMBOL_DOC_BONUS
    if query.symbols:
        scores = _cite_bonus(cat, query, scores, citing or {})
    if allowed is not None:
        scores = np.where(allowed, scores, 0.0)
    hits = _top(scores, k if not query.phrases else max(k * 20, 500))
    if query.phrases:
        hits = list(itertools.islice(((p, s) for p, s in hits if has_phrases(cat, p, query)), k))
    return hits[:k]


def has_phrases(cat: Catalog, pos: int, query: ParsedQuery) -> bool:
    """Whether row ``pos`` contains every quoted phrase of the query."""
    return all(contains_phrase(cat.rows[pos].text, ph) for ph in query.phrases)


def _cite_bonus(cat: Catalog, query: ParsedQuery, scores: np.ndarray, citing: Mapping[str, np.ndarray]
                ) -> np.ndarray:
    """Paragraphs citing one of the query's symbols get a bonus (among the term candidates, if any)."""
    rows = citing_positions(cat, query, citing)
    if query.terms:
        rows = rows[scores[rows] > 0]
    scores[rows] += SYMBOL_CITE_BONUS
    return scores


def citing_positions(cat: Catalog, query: ParsedQuery, citing: Mapping[str, np.ndarray] | None) -> np.ndarray:
    """Rows citing one of the query's symbols: those writing it, and those ``citing`` gives."""
    mentions = symbol_mentions(cat)
    found = [by_key[k] for k in dict.fromkeys(symbol_key(s) for s in query.symbols)
             for by_key in (mentions, citing or {}) if k in by_key]
    return np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)


def symbol_positions(cat: Catalog, query: ParsedQuery, citing: Mapping[str, np.ndarray] | None) -> set[int]:
    """Rows of the documents the query names by symbol, and rows citing them."""
    own = {p for sym in query.symbols for p in cat.doc_rows.get(symbol_key(sym), ())}
    return own | set(citing_positions(cat, query, citing).tolist())


def symbol_mentions(cat: Catalog) -> dict[str, np.ndarray]:
    """Symbol key -> positions of the rows whose text writes that symbol (``search.text.SYMBOL``),
    found once per catalog: a query naming a symbol then costs a look-up, not a pass over every text."""
    if "symbol_rows" not in cat.cache:
        found: dict[str, list[int]] = {}
        for pos, row in enumerate(cat.rows):
            if "/" in row.text:
                for m in SYMBOL.finditer(row.text):
                    found.setdefault(symbol_key(m.group(0)), []).append(pos)
        cat.cache["symbol_rows"] = {k: np.unique(np.asarray(v, dtype=np.int64)) for k, v in found.items()}
    return cat.cache["symbol_rows"]


MIN_SUGGESTED_WORD = 4  # shorter words are too often other real words one letter away


def closest_words(cat: Catalog, query_words: list[str], *, distance: Any = None) -> dict[str, str]:
    """For each query word that no stored paragraph holds, the stored word closest to it in spelling:
    at most one edit away (two for words of 6 letters or more; two letters swapped count as one edit), the most
    frequent among the closest.
    Numbers, stop words and short words are left alone. ``distance``: another rapidfuzz distance to compare
    with (``bench/spelling.py``)."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    idx = index(cat)
    out: dict[str, str] = {}
    for w in dict.fromkeys(query_words):
        if len(w) < MIN_SUGGESTED_WORD or not w.isalpha() or w in STOPWORDS or stem(w) in idx.vocab:
            continue
        most = 1 if len(w) < 6 else 2
        found = process.extract(w, idx.words.keys(), scorer=distance or OSA.distance, score_cutoff=most, limit=100)
        known = [(d, -int(idx.word_counts[j]), c) for c, d, _ in found
                 if c.isalpha() and idx.word_stems[j := idx.words[c]] >= 0]
        if known:
            out[w] = min(known)[2]
    return out


def _top(scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    nz = np.flatnonzero(scores > 0)
    if len(nz) > k:
        nz = nz[np.argpartition(-scores[nz], k - 1)[:k]]
    order = nz[np.argsort(-scores[nz], kind="stable")]
    return [(int(p), float(scores[p])) for p in order]
