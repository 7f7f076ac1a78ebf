"""Search support of the Kùzu backend: stored vectors by content hash, dense (HNSW) and BM25 search.

Filters (a :class:`ParagraphFilter`) are resolved once to ids and keys, then applied as conditions on
the denormalised columns of ``Paragraph`` (year, kind, organs, by/to/situation/mechanism ids):

- dense: with no filter, the HNSW index answers directly. With a filter, the store counts the
  matching paragraphs; up to ``EXACT_LIMIT`` of them it ranks them exactly (cosine over the
  candidates, perfect recall); above that it asks the index for an oversampled candidate list and
  keeps those passing the filter, falling back to the exact scan when fewer than ``k`` pass.
- lexical: BM25 over ``text``, ``label`` and ``section`` with the English stemmer; the filter is a
  condition on the index's matches, so it is exact. A query that is a document symbol also finds,
  first and exactly, the paragraphs citing that document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import kuzu

from graph import kuzu_queries as q
from graph.kuzu_read import filter_params, rows
from graph.store import ParagraphFilter, ScoredParagraph
from ontology.model import symbol_key

EXACT_LIMIT = 20_000
OVERSAMPLE = 10
_SYMBOL = re.compile(r"^\s*[A-Z]{1,8}(/[A-Za-z0-9.()\- ]+){1,8}\s*$")


def _where(params: dict[str, Any], *, lead: str) -> str:
    conditions = q.paragraph_where(params)
    return f" {lead} " + " AND ".join(f"({c})" for c in conditions) if conditions else ""


def embeddings_by_hash(conn: kuzu.Connection, hashes: Sequence[str]) -> dict[str, list[float]]:
    """Stored vectors of paragraphs whose text has one of these hashes."""
    if not hashes:
        return {}
    return {h: list(v) for h, v in rows(conn, q.EMBEDDINGS_BY_HASH, {"hashes": list(dict.fromkeys(hashes))})}


def vector_search(
    conn: kuzu.Connection, vector: Sequence[float], *, k: int, filters: ParagraphFilter | None, dim: int,
    indexed: bool = True,
) -> list[ScoredParagraph]:
    """The ``k`` paragraphs nearest to ``vector`` (cosine), score = cosine similarity.

    A store created without the HNSW index (``indexed=False``) always ranks exactly."""
    if len(vector) != dim:
        from graph.errors import StoreError

        raise StoreError(f"query vector has {len(vector)} dimensions, the store holds {dim}")
    fp = filter_params(conn, filters)
    base = {"vector": [float(x) for x in vector], "limit": k, **_values(fp)}
    if not indexed:
        found = rows(conn, q.VECTOR_EXACT.format(and_where=_where(fp, lead="AND")), base)
    elif not fp:
        found = rows(conn, q.VECTOR_ANN.format(where=""), {**base, "k": k, "efs": max(200, 2 * k)})
        # Kùzu 0.11.3's HNSW index can lose its way after documents are replaced (measured: 3 resolutions,
        # 23 paragraphs, each replaced a few times: the index answers nothing). Fewer hits than asked for
        # and than there are vectors means that: rank exactly then.
        if len(found) < k and len(found) < rows(conn, q.VECTOR_COUNT.format(and_where=""))[0][0]:
            found = rows(conn, q.VECTOR_EXACT.format(and_where=""), base)
    else:
        matching = rows(conn, q.VECTOR_COUNT.format(and_where=_where(fp, lead="AND")), _values(fp))[0][0]
        total = rows(conn, q.VECTOR_COUNT.format(and_where=""))[0][0]
        found = []
        if matching > EXACT_LIMIT:
            wide = min(total, max(k * OVERSAMPLE, int(k * total / max(matching, 1) * 2)))
            found = rows(conn, q.VECTOR_ANN.format(where=_where(fp, lead="WHERE")),
                         {**base, "k": wide, "efs": max(200, wide)})
        if len(found) < k:
            found = rows(conn, q.VECTOR_EXACT.format(and_where=_where(fp, lead="AND")), base)
    return [ScoredParagraph(uid, 1.0 - float(d)) for uid, d in found]


def text_search(
    conn: kuzu.Connection, query: str, *, k: int, filters: ParagraphFilter | None, conjunctive: bool = False
) -> list[ScoredParagraph]:
    """BM25 ranking of paragraphs for ``query``; symbol queries first find the citing paragraphs."""
    fp = filter_params(conn, filters)
    hits: list[ScoredParagraph] = []
    if _SYMBOL.match(query):
        keys = [symbol_key(query)]
        cited = rows(conn, q.TEXT_SYMBOL.format(and_where=_where(fp, lead="AND")),
                     {"keys": keys, "limit": k, **_values(fp)})
        hits = [ScoredParagraph(uid, 1000.0 - n) for n, (uid, _, _) in enumerate(cited)]
    if len(hits) < k and query.strip():
        params = {"query": query, "conjunctive": conjunctive, "limit": k, **_values(fp)}
        seen = {h.uid for h in hits}
        for uid, score in rows(conn, q.TEXT_FTS.format(where=_where(fp, lead="WHERE")), params):
            if uid not in seen and len(hits) < k:
                hits.append(ScoredParagraph(uid, float(score)))
    return hits


def symbols_starting(conn: kuzu.Connection, prefix: str, *, k: int) -> list[str]:
    """Keys of the documents, stored or only cited, whose key starts with ``prefix`` (see GraphStore)."""
    key = symbol_key(prefix)
    if not key or k <= 0:
        return []
    return [r[0] for r in rows(conn, q.SYMBOLS_STARTING, {"prefix": key, "limit": k})]


def citing_paragraphs(conn: kuzu.Connection, symbols: Sequence[str], *, k: int) -> list[str]:
    """Uids of the paragraphs citing one of ``symbols``, in document order (see GraphStore)."""
    keys = sorted({symbol_key(s) for s in symbols if s.strip()})
    if not keys or k <= 0:
        return []
    return [uid for uid, _, _ in rows(conn, q.TEXT_SYMBOL.format(and_where=""), {"keys": keys, "limit": k})]


def _values(fp: dict[str, Any]) -> dict[str, Any]:
    """Query parameters of the resolved filters."""
    return q.flatten(fp)
