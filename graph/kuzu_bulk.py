"""Bulk reads of the Kùzu backend for search's in-memory catalogue.

``iter_document_outlines`` gives every stored document with its facts and its paragraphs read from
the ``Paragraph`` columns (a few queries per thousand documents, no per-document JSON of the full
text); ``iter_paragraph_vectors`` streams the stored vectors. Both read a page at a time, so memory
stays bounded by one page.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import kuzu

from graph import kuzu_queries as q
from graph.codec import facts_from_json
from graph.kuzu_read import rows
from graph.store import StoredDocument
from ontology.model import DocumentKind, Paragraph, ParagraphKind, ParsedDocument

DOCS_PER_PAGE = 1000
PARAGRAPHS_PER_PAGE = 20_000  # a page of documents holds about this many paragraphs at most
VECTORS_PER_PAGE = 20_000  # ~250 MB as Python lists


def _pages(conn: kuzu.Connection, query: str) -> Iterator[list[list[Any]]]:
    """Pages of document rows (``DOC_OUTLINE_PAGE`` columns), each with at most ~``PARAGRAPHS_PER_PAGE``
    paragraphs (a larger document is a page of its own)."""
    after = ""
    while True:
        batch = rows(conn, query, {"after": after, "limit": DOCS_PER_PAGE})
        page: list[list[Any]] = []
        count = 0
        for row in batch:
            if page and count + (row[12] or 0) > PARAGRAPHS_PER_PAGE:
                yield page
                page, count = [], 0
            page.append(row)
            count += row[12] or 0
        if page:
            yield page
        if len(batch) < DOCS_PER_PAGE:
            return
        after = batch[-1][0]


def iter_document_outlines(conn: kuzu.Connection, *, subtitles: bool = True) -> Iterator[StoredDocument]:
    """Every stored document in key order: its columns, facts and paragraphs (no footnotes, citations).
    ``subtitles=False`` reads a store whose ``subtitle`` column is not there yet (opened read-only)."""
    for page in _pages(conn, q.DOC_OUTLINE_PAGE if subtitles else q.DOC_OUTLINE_PAGE_UNMIGRATED):
        paragraphs: dict[str, list[Paragraph]] = defaultdict(list)
        for doc_key, idx, key, label, kind, text, pg, section, parent, verb in rows(
                conn, q.PARAGRAPH_COLUMNS, {"keys": [r[0] for r in page]}):
            paragraphs[doc_key].append(Paragraph(index=idx, key=key, label=label, kind=ParagraphKind(kind),
                                                 text=text, page=pg, section=section, parent=parent, verb=verb))
        for key, symbols, title, date, language, organs, kind, pages, sha, facts, source, at, _, sub in page:
            paras = tuple(sorted(paragraphs.get(key, ()), key=lambda p: p.index))
            doc = ParsedDocument(file=source or "", sha256=sha or "", symbols=tuple(symbols), title=title,
                                 subtitle=sub, date=date, language=language, organs=tuple(organs or ()),
                                 kind=DocumentKind(kind), pages=pages or 0, paragraphs=paras)
            yield StoredDocument(doc, facts_from_json(json.loads(facts)), source, at)


def iter_paragraph_vectors(conn: kuzu.Connection) -> Iterator[tuple[str, list[float]]]:
    """(paragraph uid, stored vector) of every paragraph that has one, ``VECTORS_PER_PAGE`` at a time
    (in storage order)."""
    last = rows(conn, q.PARAGRAPH_LAST_OFFSET)[0][0]
    if last is None:
        return
    for lo in range(0, int(last) + 1, VECTORS_PER_PAGE):
        yield from map(tuple, rows(conn, q.PARAGRAPH_VECTORS, {"lo": lo, "hi": lo + VECTORS_PER_PAGE}))
