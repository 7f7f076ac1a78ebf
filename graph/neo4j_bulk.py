"""Bulk reads of the Neo4j backend for search's in-memory catalogue, and their Cypher.

``iter_document_outlines`` gives every stored document with its facts and its paragraphs read from
the ``Paragraph`` properties (no per-document JSON of the full text, no footnotes or citations);
``iter_paragraph_vectors`` streams the stored vectors. Both page by key (keyset pagination:
``WHERE key > $after ORDER BY key LIMIT $limit``, never ``SKIP``), one read transaction a page,
so memory stays bounded by one page and a page costs an index seek, not a rescan of the pages
before it. They give what the embedded backend's :mod:`graph.kuzu_bulk` gives.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from graph.codec import facts_from_json
from graph.store import StoredDocument
from ontology.model import DocumentKind, Paragraph, ParagraphKind, ParsedDocument

Read = Callable[[str, dict[str, Any]], list[dict[str, Any]]]

DOCS_PER_PAGE = 1000
PARAGRAPHS_PER_PAGE = 10_000  # rows per paragraph read; a group of documents holds about this many at most
VECTORS_PER_PAGE = 5_000  # ~15 MB of 384-dimension vectors on the wire

# The columns of a page of documents (everything but the full document JSON), in key order.
OUTLINE_DOCUMENTS = """
MATCH (d:Document)
WHERE d.key > $after
RETURN d.key AS key, d.symbols AS symbols, d.title AS title, d.date AS date, d.language AS language,
       d.organs AS organs, d.kind AS kind, d.pages AS pages, d.sha256 AS sha256, d.facts_json AS facts_json,
       d.source_path AS source_path, d.ingested_at AS ingested_at, d.paragraph_count AS paragraph_count,
       d.subtitle AS subtitle
ORDER BY d.key
LIMIT $limit
"""

# The paragraphs of a group of documents, a page at a time in uid order. Anchored on the documents'
# unique keys: one index seek a document to start from, rather than a range scan of every paragraph uid.
OUTLINE_PARAGRAPHS = """
UNWIND $keys AS doc_key
MATCH (:Document {key: doc_key})-[:HAS_PARAGRAPH]->(p:Paragraph)
WHERE p.uid > $after
RETURN p.uid AS uid, p.doc AS doc, p.index AS index, p.key AS key, p.label AS label, p.kind AS kind,
       p.text AS text, p.page AS page, p.section AS section, p.parent AS parent, p.verb AS verb
ORDER BY p.uid
LIMIT $limit
"""

# Stored vectors a page at a time in uid order (the uid constraint's index gives the order).
PARAGRAPH_VECTORS = """
MATCH (p:Paragraph)
WHERE p.uid > $after AND p.embedding IS NOT NULL
RETURN p.uid AS uid, p.embedding AS embedding
ORDER BY p.uid
LIMIT $limit
"""

QUERIES = {"OUTLINE_DOCUMENTS": OUTLINE_DOCUMENTS, "OUTLINE_PARAGRAPHS": OUTLINE_PARAGRAPHS,
           "PARAGRAPH_VECTORS": PARAGRAPH_VECTORS}


def _document_pages(read: Read, docs: int, paragraphs: int) -> Iterator[list[dict[str, Any]]]:
    """Groups of document rows in key order, each with at most ~``paragraphs`` paragraphs (a larger
    document is a group of its own)."""
    after = ""
    while True:
        batch = read(OUTLINE_DOCUMENTS, {"after": after, "limit": docs})
        group: list[dict[str, Any]] = []
        count = 0
        for row in batch:
            size = row["paragraph_count"] or 0
            if group and count + size > paragraphs:
                yield group
                group, count = [], 0
            group.append(row)
            count += size
        if group:
            yield group
        if len(batch) < docs:
            return
        after = batch[-1]["key"]


def _paragraphs(read: Read, keys: list[str], limit: int) -> dict[str, list[Paragraph]]:
    """The paragraphs of the documents with these keys (in key order), by document key.

    Every uid of a document starts with its key, so every uid of the group is greater than its
    first key: the keyset starts there rather than at the start of all paragraphs.
    """
    found: dict[str, list[Paragraph]] = defaultdict(list)
    after = keys[0]
    while True:
        batch = read(OUTLINE_PARAGRAPHS, {"keys": keys, "after": after, "limit": limit})
        for r in batch:
            found[r["doc"]].append(Paragraph(index=r["index"], key=r["key"], label=r["label"],
                                             kind=ParagraphKind(r["kind"]), text=r["text"], page=r["page"],
                                             section=r["section"], parent=r["parent"], verb=r["verb"]))
        if len(batch) < limit:
            return found
        after = batch[-1]["uid"]


def _outline(row: dict[str, Any], paragraphs: list[Paragraph]) -> StoredDocument:
    source = row["source_path"]
    doc = ParsedDocument(file=source or "", sha256=row["sha256"] or "", symbols=tuple(row["symbols"]),
                         title=row["title"], subtitle=row["subtitle"], date=row["date"], language=row["language"],
                         organs=tuple(row["organs"] or ()), kind=DocumentKind(row["kind"]),
                         pages=row["pages"] or 0, paragraphs=tuple(sorted(paragraphs, key=lambda p: p.index)))
    return StoredDocument(doc, facts_from_json(json.loads(row["facts_json"])), source, row["ingested_at"])


def iter_document_outlines(read: Read, *, docs_per_page: int, paragraphs_per_page: int
                           ) -> Iterator[StoredDocument]:
    """Every stored document in key order: its columns, facts and paragraphs in index order (no
    footnotes, citations or parse warnings; ``file`` is the source path, as the embedded backend
    gives it). ``read(query, params)`` runs one read transaction."""
    for group in _document_pages(read, docs_per_page, paragraphs_per_page):
        paragraphs = _paragraphs(read, [r["key"] for r in group], paragraphs_per_page)
        for row in group:
            yield _outline(row, paragraphs.get(row["key"], []))


def iter_paragraph_vectors(read: Read, *, per_page: int) -> Iterator[tuple[str, list[float]]]:
    """(paragraph uid, stored vector) of every paragraph that has one, in uid order, ``per_page`` at a
    time."""
    after = ""
    while True:
        batch = read(PARAGRAPH_VECTORS, {"after": after, "limit": per_page})
        for r in batch:
            yield r["uid"], [float(x) for x in r["embedding"]]
        if len(batch) < per_page:
            return
        after = batch[-1]["uid"]
