"""Reading methods of the Kùzu backend, mixed into :class:`graph.kuzu_store.KuzuGraphStore`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import kuzu

from graph import kuzu_bulk, kuzu_listing, kuzu_read, kuzu_search
from graph import kuzu_queries as q
from graph.errors import NotFound
from graph.responses import StatedResponse
from graph.store import (
    TRACE_EVIDENCE_LIMIT,
    ActorRecord,
    CitationLink,
    DocumentSummary,
    MechanismSummary,
    ParagraphFilter,
    RecommendationRecord,
    ScoredParagraph,
    SituationSummary,
    StoredDocument,
    TraceResult,
)
from ontology.model import symbol_key


class KuzuReading:
    """The reading methods of :class:`graph.kuzu_store.KuzuGraphStore`."""

    embedding_dim: int
    vector_index: bool = True  # whether the store keeps an HNSW index (else dense search is exact)
    _has_subtitles: bool = True  # whether the Document table has its subtitle column (an old store opened read-only has not)

    def _reader(self) -> kuzu.Connection:
        raise NotImplementedError

    def _resolve_key(self, symbol: str) -> str | None:
        return kuzu_read.resolve_document(self._reader(), symbol)

    def document_sha256(self, symbol: str) -> str | None:
        """File hash of the stored document with this symbol."""
        key = self._resolve_key(symbol)
        found = kuzu_read.rows(self._reader(), q.DOC_SHA, {"key": key}) if key else []
        return found[0][0] if found else None

    def find_by_sha256(self, sha256: str) -> str | None:
        """Primary symbol of the stored document with this file hash, if any."""
        found = kuzu_read.rows(self._reader(), q.DOC_BY_SHA, {"sha": sha256})
        return found[0][0] if found else None

    def get_document(self, symbol: str) -> StoredDocument | None:
        """The stored document (exactly as put) having this symbol among its symbols."""
        key = self._resolve_key(symbol)
        return kuzu_read.stored_document(self._reader(), key) if key else None

    def iter_documents(self, *, since: str | None = None) -> Iterator[StoredDocument]:
        """Every stored document in symbol-key order; ``since`` keeps those ingested on or after it."""
        return kuzu_read.iter_documents(self._reader(), since)

    def iter_document_outlines(self) -> Iterator[StoredDocument]:
        """Every stored document in key order with its facts and paragraphs, read in bulk from the
        paragraph columns (no footnotes, citations or parse warnings: what search's catalogue needs)."""
        return kuzu_bulk.iter_document_outlines(self._reader(), subtitles=self._has_subtitles)

    def iter_paragraph_vectors(self) -> Iterator[tuple[str, list[float]]]:
        """(paragraph uid, vector) of every paragraph with a stored vector, streamed a page at a time."""
        return kuzu_bulk.iter_paragraph_vectors(self._reader())

    def list_documents(self, *, offset: int = 0, limit: int = 50) -> list[DocumentSummary]:
        """One page of stored documents in symbol-key order."""
        return kuzu_read.list_documents(self._reader(), offset, limit, subtitles=self._has_subtitles)

    def trace(self, situation: str, *, evidence_limit: int | None = TRACE_EVIDENCE_LIMIT) -> TraceResult | None:
        """Mechanisms that covered a situation (id, name, ISO3 or a country alias), with evidence."""
        return kuzu_read.trace(self._reader(), situation, evidence_limit)

    def recommendations(
        self, *, to: str | None = None, by: str | None = None, theme: str | None = None,
        mechanism: str | None = None, year_from: int | None = None, year_to: int | None = None,
        offset: int = 0, limit: int = 100,
    ) -> list[RecommendationRecord]:
        """Recommendations filtered by addressee, recommender, theme, mechanism and years.

        In storage order: documents in the order they were stored, paragraphs in document order.
        """
        return kuzu_read.recommendations(self._reader(), to=to, by=by, theme=theme, mechanism=mechanism,
                                         year_from=year_from, year_to=year_to, offset=offset, limit=limit)

    def stated_responses(self, symbols: Sequence[str]) -> dict[str, dict[str, StatedResponse]]:
        """Positions on the given reports' recommendations stated in their stored addenda."""
        return kuzu_read.stated_responses(self._reader(), sorted({symbol_key(s) for s in symbols}))

    def list_situations(self, *, offset: int = 0, limit: int = 50) -> list[SituationSummary]:
        """One page of situations by name (then id), with document and mechanism counts."""
        return kuzu_listing.list_situations(self._reader(), offset, limit)

    def list_mechanisms(
        self, *, type: str | None = None, offset: int = 0, limit: int = 50
    ) -> list[MechanismSummary]:
        """One page of mechanisms by name (then id), of one ``type`` when given."""
        return kuzu_listing.list_mechanisms(self._reader(), type, offset, limit)

    def get_actor(self, id: str) -> ActorRecord | None:
        """An actor by id (or name, ISO3 code or alias), with its recommendation counts."""
        return kuzu_listing.get_actor(self._reader(), id)

    def generation(self) -> str:
        """The count of committed writes (a fingerprint of the stored state for caches)."""
        return kuzu_listing.generation(self._reader())

    def cites(self, symbol: str) -> list[CitationLink]:
        """What the document cites; raises NotFound when it is not stored."""
        key = self._resolve_key(symbol)
        if key is None:
            raise NotFound(f"document {symbol} is not in the store")
        stored = kuzu_read.stored_symbol(self._reader(), key)
        return kuzu_read.cites(self._reader(), key, stored)

    def cited_by(self, symbol: str) -> list[CitationLink]:
        """Stored documents citing this one (stored or not), by any of its symbols."""
        key = self._resolve_key(symbol)
        keys = kuzu_read.symbol_keys(self._reader(), key) if key else [symbol_key(symbol)]
        return kuzu_read.cited_by(self._reader(), keys, symbol)

    def stats(self) -> dict[str, int]:
        """Counts of documents, nodes per type and edges per type."""
        return kuzu_read.stats(self._reader())

    def embeddings_by_hash(self, hashes: Sequence[str]) -> dict[str, list[float]]:
        """Stored vectors for paragraph texts with these hashes (see ``graph.store.text_hash``)."""
        return kuzu_search.embeddings_by_hash(self._reader(), hashes)

    def vector_search(
        self, vector: Sequence[float], *, k: int, filters: ParagraphFilter | None = None
    ) -> list[ScoredParagraph]:
        """Nearest paragraphs by cosine similarity, filters applied (see graph.kuzu_search)."""
        return kuzu_search.vector_search(self._reader(), vector, k=k, filters=filters, dim=self.embedding_dim,
                                         indexed=self.vector_index)

    def text_search(
        self, query: str, *, k: int, filters: ParagraphFilter | None = None
    ) -> list[ScoredParagraph]:
        """BM25 (English stemming) over paragraph text, filters applied exactly."""
        return kuzu_search.text_search(self._reader(), query, k=k, filters=filters)

    def symbols_starting(self, prefix: str, *, k: int) -> list[str]:
        """Keys of the document symbols, stored or only cited, that start with ``prefix``."""
        return kuzu_search.symbols_starting(self._reader(), prefix, k=k)

    def citing_paragraphs(self, symbols: Sequence[str], *, k: int) -> list[str]:
        """Uids of the paragraphs citing one of ``symbols``, in document order."""
        return kuzu_search.citing_paragraphs(self._reader(), symbols, k=k)

