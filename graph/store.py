"""The `GraphStore` interface every backend implements (embedded Kùzu, Neo4j).

One Protocol, two implementations, one contract suite (``tests/contract/``). Result types are
plain frozen dataclasses so the CLI and the API can print them as JSON.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar, runtime_checkable

from graph.responses import StatedResponse
from ontology.model import DocumentFacts, ParsedDocument, symbol_key


def text_hash(text: str) -> str:
    """Content hash of a paragraph's text: the key under which its embedding is reused."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def vector_keys(
    document: ParsedDocument,
    embeddings: Mapping[int, Sequence[float]] | None,
    embedding_keys: Mapping[int, str] | None,
) -> list[str]:
    """The key of each paragraph's vector in index order ("" for a paragraph put without one).

    What a put compares with the stored version: the same file, document and facts with other
    vectors (another model, other embedding rules) is a replacement, not "unchanged".
    """
    vectors, keys = embeddings or {}, embedding_keys or {}
    return [(keys.get(p.index) or text_hash(p.text)) if vectors.get(p.index) is not None else ""
            for p in document.paragraphs]


def paragraph_uid(symbol: str, key: str) -> str:
    """The store-wide id of a paragraph: ``"<symbol_key(primary symbol)>#<paragraph key>"``."""
    return f"{symbol_key(symbol)}#{key}"


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A document as stored: what was parsed and what was linked from it."""

    document: ParsedDocument
    facts: DocumentFacts
    source_path: str | None = None  # where the original PDF is kept, for /api/documents/{symbol}/pdf
    ingested_at: str | None = None  # ISO timestamp


@dataclass(frozen=True, slots=True)
class PutResult:
    symbol: str
    status: str  # "added" | "replaced" | "unchanged"
    paragraphs: int = 0
    entities: int = 0
    recommendations: int = 0


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    symbol: str
    symbols: tuple[str, ...]
    title: str | None
    date: str | None
    kind: str
    organs: tuple[str, ...]
    language: str | None
    paragraphs: int
    subtitle: str | None = None


@dataclass(frozen=True, slots=True)
class EvidenceRef:
    symbol: str  # primary symbol of the document
    paragraph: str | None  # paragraph label (or key when unnumbered)
    page: int | None = None
    date: str | None = None


_T = TypeVar("_T")
TRACE_EVIDENCE_LIMIT = 20  # evidence refs a trace returns per mechanism: the newest ones


def newest(refs: Sequence[_T], limit: int | None) -> tuple[_T, ...]:
    """The last ``limit`` of ``refs`` (in date order, so the newest); all of them when ``limit`` is None."""
    return tuple(refs if limit is None else refs[-limit:] if limit > 0 else ())


@dataclass(frozen=True, slots=True)
class MechanismTrace:
    """A mechanism covering a situation: every document and the exact first/last dates, but only
    the newest evidence refs (``TRACE_EVIDENCE_LIMIT`` unless asked otherwise, in date order);
    ``evidence_count`` counts all."""

    id: str
    name: str
    type: str
    documents: tuple[str, ...]
    first_date: str | None
    last_date: str | None
    evidence: tuple[EvidenceRef, ...]
    evidence_count: int = 0  # evidence refs in all (``evidence`` holds the newest of them)


@dataclass(frozen=True, slots=True)
class TraceResult:
    situation: str  # display name of the resolved situation
    situation_id: str
    mechanisms: tuple[MechanismTrace, ...]


@dataclass(frozen=True, slots=True)
class SituationSummary:
    """A situation with how many stored documents concern it and how many mechanisms covered it."""

    id: str
    name: str
    iso3: str | None
    documents: int  # stored documents with an edge to it (concerning, mentioning, covering)
    mechanisms: int  # mechanisms covering it


@dataclass(frozen=True, slots=True)
class MechanismSummary:
    """A mechanism with how many situations it covered and how many stored documents refer to it."""

    id: str
    name: str
    type: str
    acronym: str | None
    situations: int  # situations it covered
    documents: int  # stored documents with an edge to it (mentioning, covering, recommending, establishing)


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """An actor's attributes and how many recommendations it made and received."""

    id: str
    name: str
    kind: str
    iso3: str | None = None
    m49: str | None = None
    aliases: tuple[str, ...] = ()
    recommendations_by: int = 0  # recommendations it made
    recommendations_to: int = 0  # recommendations addressed to it
    documents: int = 0  # stored documents with an edge to it (issuing, mentioning, recommending, addressed)
    member_of: tuple[str, ...] = ()  # ids of the organizations it is a member or organ of (MEMBER_OF), sorted
    members: tuple[str, ...] = ()  # ids of the actors that are members or organs of it, sorted


@dataclass(frozen=True, slots=True)
class RecommendationRecord:
    symbol: str
    paragraph: str | None
    text: str
    by: tuple[str, ...]  # display names
    to: tuple[str, ...]  # display names
    verb: str | None
    response: str | None
    date: str | None = None
    page: int | None = None
    themes: tuple[str, ...] = ()
    response_symbol: str | None = None  # where the response is stated, when not in this document (its addendum)
    response_paragraph: str | None = None
    response_page: int | None = None


@dataclass(frozen=True, slots=True)
class CitationLink:
    citing_symbol: str
    cited_symbol: str
    paragraph: str | None  # label of the citing paragraph
    text: str  # as written
    cited_in_store: bool = False  # whether the cited document is itself stored


@dataclass(frozen=True, slots=True)
class ParagraphFilter:
    """Facets that narrow paragraph search; every field optional, all combined with AND."""

    paragraph_kind: str | None = None  # "recommendation" | "operative" | "preambular" | "numbered" | …
    document_kind: str | None = None
    organ: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    situation: str | None = None  # situation id or name
    mechanism: str | None = None  # mechanism id, name or acronym
    by: str | None = None  # recommender actor id or name
    to: str | None = None  # addressee actor id or name
    language: str | None = None
    symbol: str | None = None  # restrict to one document
    response: str | None = None  # a recommendation's response: "supported" (also cycle 1's "accepted"), "noted", "pending"


@dataclass(frozen=True, slots=True)
class ScoredParagraph:
    uid: str  # "<symbol_key>#<paragraph key>"
    score: float


@runtime_checkable
class GraphStore(Protocol):
    """What every backend offers. Implementations: `KuzuGraphStore`, `Neo4jGraphStore`."""

    # -- writing (atomic per document) --------------------------------------------------------
    def put_document(
        self,
        document: ParsedDocument,
        facts: DocumentFacts,
        *,
        embeddings: Mapping[int, Sequence[float]] | None = None,
        source_path: str | None = None,
        embedding_keys: Mapping[int, str] | None = None,
    ) -> PutResult:
        """Add or replace a document and everything derived from it, all or nothing.

        ``embeddings`` maps paragraph index to vector; ``embedding_keys`` maps paragraph index to
        the key ``embeddings_by_hash`` finds that vector by again (default: ``text_hash`` of the
        paragraph text). Re-putting a document whose ``sha256``, content, facts and vector keys
        (``vector_keys``) are unchanged is a no-op answering ``status="unchanged"``. When only the
        vectors differ (re-embedding), the document is replaced and keeps its ``ingested_at``.
        """
        ...

    def remove_document(self, symbol: str) -> bool:
        """Delete a document and what only it supported; False when it was not stored."""
        ...

    # -- reading -----------------------------------------------------------------------------
    def document_sha256(self, symbol: str) -> str | None: ...

    def find_by_sha256(self, sha256: str) -> str | None:
        """Primary symbol of the stored document with this file hash, if any."""
        ...

    def get_document(self, symbol: str) -> StoredDocument | None:
        """Any of a document's symbols finds it (compared by `symbol_key`)."""
        ...

    def iter_documents(self, *, since: str | None = None) -> Iterator[StoredDocument]:
        """Every stored document in symbol order; ``since`` (ISO date) keeps those ingested on or after."""
        ...

    def list_documents(self, *, offset: int = 0, limit: int = 50) -> list[DocumentSummary]: ...

    def trace(self, situation: str, *, evidence_limit: int | None = TRACE_EVIDENCE_LIMIT) -> TraceResult | None:
        """The mechanisms that covered a situation (id, name or alias), with the newest ``evidence_limit``
        evidence refs of each (None: all of them)."""
        ...

    def recommendations(
        self,
        *,
        to: str | None = None,
        by: str | None = None,
        theme: str | None = None,
        mechanism: str | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
        offset: int = 0,
        limit: int = 100,
    ) -> list[RecommendationRecord]: ...

    def stated_responses(self, symbols: Sequence[str]) -> dict[str, dict[str, StatedResponse]]:
        """Positions on the recommendations of the given reports stated in their stored addenda:
        report ``symbol_key`` → paragraph label → response (:mod:`graph.responses`)."""
        ...

    def list_situations(self, *, offset: int = 0, limit: int = 50) -> list[SituationSummary]:
        """One page of situations by name (then id); [] past the end."""
        ...

    def list_mechanisms(
        self, *, type: str | None = None, offset: int = 0, limit: int = 50
    ) -> list[MechanismSummary]:
        """One page of mechanisms by name (then id), of one ``type`` when given; [] past the end."""
        ...

    def get_actor(self, id: str) -> ActorRecord | None:
        """An actor by id (or name, ISO3 code or alias), with its recommendation counts."""
        ...

    def generation(self) -> str:
        """A cheap fingerprint of the stored state: it changes on every write that changes something."""
        ...

    def cites(self, symbol: str) -> list[CitationLink]: ...

    def cited_by(self, symbol: str) -> list[CitationLink]: ...

    def stats(self) -> dict[str, int]: ...

    # -- search support ----------------------------------------------------------------------
    def embeddings_by_hash(self, hashes: Sequence[str]) -> dict[str, list[float]]:
        """Stored vectors by the keys they were put with (``embedding_keys``, else text hashes): reuse."""
        ...

    def vector_search(
        self, vector: Sequence[float], *, k: int, filters: ParagraphFilter | None = None
    ) -> list[ScoredParagraph]: ...

    def text_search(
        self, query: str, *, k: int, filters: ParagraphFilter | None = None
    ) -> list[ScoredParagraph]: ...

    def symbols_starting(self, prefix: str, *, k: int) -> list[str]:
        """Keys of the document symbols known to the store (of stored documents, or only cited) that start
        with ``prefix``, compared as symbol keys ("S/RES/1325(" finds "S/RES/1325(2000)"), in order, at most ``k``."""
        ...

    def citing_paragraphs(self, symbols: Sequence[str], *, k: int) -> list[str]:
        """Uids of the paragraphs that cite one of ``symbols`` (as read by the citation parser, however
        written: "S/RES/1591 (2005)" or "resolution 1591 (2005)"), in document order, at most ``k``."""
        ...

    def close(self) -> None: ...


def put_batch(store: GraphStore, items: Sequence[tuple]) -> list[PutResult | Exception]:
    """Put ``(document, facts, embeddings, source_path, embedding_keys)`` items in one transaction where
    the store offers ``put_documents``; a batch it refuses is put again one document at a time, so that
    each failure is its own. Answers, per item, its :class:`PutResult` or the exception that refused it."""
    bulk = getattr(store, "put_documents", None)
    if bulk is not None and len(items) > 1:
        try:
            batch: list[PutResult] | None = list(bulk(items))
        except Exception:  # noqa: BLE001 - put again one by one below, so the failing document is named
            batch = None
        if batch is not None:
            return list(batch)
    out: list[PutResult | Exception] = []
    for document, facts, embeddings, source_path, keys in items:
        try:
            out.append(store.put_document(document, facts, embeddings=embeddings, source_path=source_path,
                                          embedding_keys=keys))
        except Exception as exc:  # noqa: BLE001 - answered to the caller, the others go on
            out.append(exc)
    return out


__all__ = [
    "TRACE_EVIDENCE_LIMIT",
    "CitationLink",
    "DocumentSummary",
    "EvidenceRef",
    "GraphStore",
    "MechanismSummary",
    "MechanismTrace",
    "ParagraphFilter",
    "PutResult",
    "RecommendationRecord",
    "ScoredParagraph",
    "SituationSummary",
    "StoredDocument",
    "TraceResult",
    "newest",
    "paragraph_uid",
    "put_batch",
    "text_hash",
    "vector_keys",
]
