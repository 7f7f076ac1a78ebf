"""`Neo4jGraphStore`: the `GraphStore` on a Neo4j server, cluster or Aura, through the official driver.

Every statement comes from :mod:`graph.neo4j_queries`; values travel only as parameters. A document
is written in ONE managed write transaction (``session.execute_write``): read its stored state,
delete the previous version, create the new one, drop what only the previous version supported.
Constraints, the vector index on ``Paragraph.embedding`` and the full-text index on
``Paragraph.text`` are created idempotently when the store opens.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from graph import neo4j_codec
from graph import neo4j_queries as Q
from graph.neo4j_rows import Neo4jStoreError, delete_plan, match_key, orphan_plan, write_plan
from graph.store import (
    CitationLink, DocumentSummary, EvidenceRef, MechanismTrace, ParagraphFilter, PutResult,
    RecommendationRecord, ScoredParagraph, StoredDocument, TraceResult,
)
from ontology.model import DocumentFacts, ParsedDocument, symbol_key

_WORD = re.compile(r"\w+", re.UNICODE)
_PAGE = 100  # documents per read transaction in iter_documents


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Neo4jGraphStore:
    """The graph in Neo4j. Give it a ``neo4j.Driver`` (yours to close) or a URI and credentials."""

    def __init__(
        self,
        driver: Any | None = None,
        *,
        uri: str | None = None,
        user: str | None = None,
        password: Any = None,
        database: str | None = None,
        read_only: bool = False,
        embedding_dim: int = 384,
        clock: Callable[[], str] = _now,
    ) -> None:
        if driver is None:
            if not uri:
                raise Neo4jStoreError("a Neo4j store needs a driver or a URI (R2P_GRAPH__URI)")
            driver = _open_driver(uri, user, password)
            self._owns_driver = True
        else:
            self._owns_driver = False
        self._driver = driver
        self._where = uri or "the Neo4j server"
        self._database = database
        self._read_only = read_only
        self._dim = embedding_dim
        self._clock = clock
        if not read_only:
            self.ensure_schema()

    # -- plumbing ---------------------------------------------------------------------------
    def _session(self) -> Any:
        return self._driver.session(database=self._database)

    def _read(self, query: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        def work(tx: Any) -> list[dict[str, Any]]:
            return tx.run(query, params).data()

        return self._call("execute_read", work)

    def _call(self, mode: str, work: Callable[[Any], Any]) -> Any:
        from neo4j.exceptions import DriverError, Neo4jError

        try:
            with self._session() as session:
                return getattr(session, mode)(work)
        except (Neo4jError, DriverError) as exc:
            raise Neo4jStoreError(f"Neo4j at {self._where}: {exc}") from exc

    def _writable(self) -> None:
        if self._read_only:
            raise Neo4jStoreError(f"the Neo4j store at {self._where} was opened read-only")

    def ensure_schema(self) -> None:
        """Create the constraints and indexes that do not exist yet (each in its own transaction)."""
        for statement in Q.SCHEMA:
            self._call("execute_write", lambda tx, q=statement: tx.run(q).consume())
        params = {"dimensions": self._dim}
        self._call("execute_write", lambda tx: tx.run(Q.CREATE_VECTOR_INDEX, params).consume())
        rows = self._read(Q.VECTOR_INDEX_DIMENSIONS, {"name": Q.VECTOR_INDEX})
        found = rows[0]["dimensions"] if rows else None
        if found is not None and int(found) != self._dim:
            raise Neo4jStoreError(f"Neo4j at {self._where}: the vector index {Q.VECTOR_INDEX} holds "
                                  f"{found}-dimension vectors, the embedder gives {self._dim}")

    # -- writing ----------------------------------------------------------------------------
    def put_document(
        self,
        document: ParsedDocument,
        facts: DocumentFacts,
        *,
        embeddings: Mapping[int, Sequence[float]] | None = None,
        source_path: str | None = None,
    ) -> PutResult:
        """Add or replace a document and everything derived from it in one write transaction."""
        self._writable()
        key = symbol_key(document.symbol) if document.symbols else ""
        plan = write_plan(document, facts, embeddings=embeddings, source_path=source_path,
                          ingested_at=self._clock(), embedding_dim=self._dim)

        def work(tx: Any) -> str:
            state = tx.run(Q.DOCUMENT_STATE, {"key": key}).data()
            if state and state[0]["sha256"] == document.sha256:
                return "unchanged"
            steps = plan
            if state:
                steps = delete_plan(key) + plan + orphan_plan(state[0])
            for query, params in steps:
                tx.run(query, params).consume()
            return "replaced" if state else "added"

        status = self._call("execute_write", work)
        if status == "unchanged":
            return PutResult(symbol=document.symbol, status=status)
        entities = len(facts.actors) + len(facts.situation_defs) + len(facts.mechanisms)
        return PutResult(symbol=document.symbol, status=status, paragraphs=len(document.paragraphs),
                         entities=entities, recommendations=len(facts.recommendations))

    def remove_document(self, symbol: str) -> bool:
        """Delete a document and what only it supported; False when it was not stored."""
        self._writable()

        def work(tx: Any) -> bool:
            found = tx.run(Q.DOCUMENT_KEY, {"key": symbol_key(symbol)}).data()
            if not found:
                return False
            key = found[0]["key"]
            state = tx.run(Q.DOCUMENT_STATE, {"key": key}).data()
            for query, params in delete_plan(key) + orphan_plan(state[0]):
                tx.run(query, params).consume()
            return True

        return bool(self._call("execute_write", work))

    # -- reading ----------------------------------------------------------------------------
    def document_sha256(self, symbol: str) -> str | None:
        """File hash of the stored document with this symbol, if any."""
        rows = self._read(Q.DOCUMENT_SHA256, {"key": symbol_key(symbol)})
        return rows[0]["sha256"] if rows else None

    def find_by_sha256(self, sha256: str) -> str | None:
        """Primary symbol of the stored document with this file hash, if any."""
        rows = self._read(Q.FIND_BY_SHA256, {"sha256": sha256})
        return rows[0]["symbol"] if rows else None

    def get_document(self, symbol: str) -> StoredDocument | None:
        """The stored document any of whose symbols is ``symbol``."""
        rows = self._read(Q.GET_DOCUMENT, {"key": symbol_key(symbol)})
        return _stored(rows[0]) if rows else None

    def iter_documents(self, *, since: str | None = None) -> Iterator[StoredDocument]:
        """Every stored document in key order, a page per read transaction."""
        after = ""
        while True:
            rows = self._read(Q.ITER_DOCUMENTS, {"after": after, "since": since, "limit": _PAGE})
            yield from (_stored(r) for r in rows)
            if len(rows) < _PAGE:
                return
            after = rows[-1]["key"]

    def list_documents(self, *, offset: int = 0, limit: int = 50) -> list[DocumentSummary]:
        """Summaries of stored documents in key order."""
        rows = self._read(Q.LIST_DOCUMENTS, {"offset": offset, "limit": limit})
        return [DocumentSummary(symbol=r["symbol"], symbols=tuple(r["symbols"] or ()), title=r["title"],
                                date=r["date"], kind=r["kind"], organs=tuple(r["organs"] or ()),
                                language=r["language"], paragraphs=r["paragraphs"] or 0) for r in rows]

    def trace(self, situation: str) -> TraceResult | None:
        """The mechanisms that covered a situation (id, name or alias), with evidence."""
        found = self._read(Q.RESOLVE_SITUATION, {"query": situation.strip(), "key": match_key(situation)})
        if not found:
            return None
        rows = self._read(Q.TRACE, {"situation_id": found[0]["id"]})
        return TraceResult(situation=found[0]["name"], situation_id=found[0]["id"],
                           mechanisms=_mechanisms(rows))

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
    ) -> list[RecommendationRecord]:
        """Recommendations matching every given filter, in date and document order."""
        params = {"to": to, "to_key": _key(to), "by": by, "by_key": _key(by), "theme_key": _key(theme),
                  "mechanism": mechanism, "mechanism_key": _key(mechanism), "year_from": year_from,
                  "year_to": year_to, "offset": offset, "limit": limit}
        return [RecommendationRecord(symbol=r["symbol"], paragraph=r["paragraph"], text=r["text"],
                                     by=tuple(r["by"]), to=tuple(r["to"]), verb=r["verb"],
                                     response=r["response"], date=r["date"], page=r["page"],
                                     themes=tuple(r["themes"] or ())) for r in self._read(Q.RECOMMENDATIONS, params)]

    def cites(self, symbol: str) -> list[CitationLink]:
        """What the document cites, in document order."""
        found = self._read(Q.DOCUMENT_KEY, {"key": symbol_key(symbol)})
        if not found:
            return []
        return [_link(r) for r in self._read(Q.CITES, {"key": found[0]["key"]})]

    def cited_by(self, symbol: str) -> list[CitationLink]:
        """The stored documents citing any of this document's symbols."""
        found = self._read(Q.DOCUMENT_KEY, {"key": symbol_key(symbol)})
        keys = list(found[0]["symbol_keys"]) if found else [symbol_key(symbol)]
        return [_link(r) for r in self._read(Q.CITED_BY, {"keys": keys})]

    def stats(self) -> dict[str, int]:
        """Counts of nodes and edges by kind."""
        rows = self._read(Q.STATS, {})
        return {k: int(v) for k, v in rows[0].items()} if rows else {}

    # -- search support ---------------------------------------------------------------------
    def embeddings_by_hash(self, hashes: Sequence[str]) -> dict[str, list[float]]:
        """Stored vectors of paragraphs whose text has these content hashes."""
        wanted = sorted(set(hashes))
        if not wanted:
            return {}
        rows = self._read(Q.EMBEDDINGS_BY_HASH, {"hashes": wanted})
        return {r["hash"]: [float(x) for x in r["embedding"]] for r in rows}

    def vector_search(
        self, vector: Sequence[float], *, k: int, filters: ParagraphFilter | None = None
    ) -> list[ScoredParagraph]:
        """Nearest paragraphs by cosine similarity (Neo4j's vector index), filtered."""
        if len(vector) != self._dim:
            raise Neo4jStoreError(f"a {self._dim}-dimension query vector is needed, got {len(vector)}")
        if k <= 0:
            return []
        narrowed = filters is not None and filters != ParagraphFilter()
        params = {**filter_params(filters), "vector": [float(x) for x in vector], "k": k,
                  "candidates": max(k * 10, 100) if narrowed else k}
        rows = self._read(Q.VECTOR_SEARCH, params)
        if narrowed and len(rows) < k:
            rows = self._read(Q.VECTOR_SEARCH_EXACT, {key: v for key, v in params.items() if key != "candidates"})
        return [ScoredParagraph(uid=r["uid"], score=float(r["score"])) for r in rows]

    def text_search(
        self, query: str, *, k: int, filters: ParagraphFilter | None = None
    ) -> list[ScoredParagraph]:
        """Paragraphs matching the query's words (Neo4j's full-text index), filtered."""
        lucene = lucene_query(query)
        if not lucene or k <= 0:
            return []
        rows = self._read(Q.TEXT_SEARCH, {**filter_params(filters), "query": lucene, "k": k})
        return [ScoredParagraph(uid=r["uid"], score=float(r["score"])) for r in rows]

    def close(self) -> None:
        """Close the driver when the store opened it (a driver given by the caller stays open)."""
        if self._owns_driver:
            self._driver.close()


def lucene_query(text: str) -> str:
    """The words of ``text`` as a Lucene query any word of which may match (no operators pass through)."""
    return " ".join(w.lower() for w in _WORD.findall(text))


def filter_params(filters: ParagraphFilter | None) -> dict[str, Any]:
    """Parameters of the paragraph filter shared by vector and text search (null = no condition)."""
    f = filters or ParagraphFilter()
    return {"paragraph_kind": f.paragraph_kind, "document_kind": f.document_kind, "organ_key": _key(f.organ),
            "year_from": f.year_from, "year_to": f.year_to, "language": f.language,
            "symbol_key": symbol_key(f.symbol) if f.symbol else None,
            "situation": f.situation, "situation_key": _key(f.situation),
            "mechanism": f.mechanism, "mechanism_key": _key(f.mechanism),
            "by": f.by, "by_key": _key(f.by), "to": f.to, "to_key": _key(f.to)}


def _key(value: str | None) -> str | None:
    return match_key(value) if value else None


def _open_driver(uri: str, user: str | None, password: Any) -> Any:
    import neo4j

    secret = password.get_secret_value() if hasattr(password, "get_secret_value") else (password or "")
    return neo4j.GraphDatabase.driver(uri, auth=(user or "neo4j", secret))


def _stored(row: Mapping[str, Any]) -> StoredDocument:
    return StoredDocument(document=neo4j_codec.document_from_json(row["document_json"]),
                          facts=neo4j_codec.facts_from_json(row["facts_json"]),
                          source_path=row["source_path"], ingested_at=row["ingested_at"])


def _link(row: Mapping[str, Any]) -> CitationLink:
    return CitationLink(citing_symbol=row["citing_symbol"], cited_symbol=row["cited_symbol"],
                        paragraph=row["paragraph"], text=row["text"], cited_in_store=bool(row["cited_in_store"]))


def _mechanisms(rows: list[dict[str, Any]]) -> tuple[MechanismTrace, ...]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(row["id"], []).append(row)
    traces = []
    for mid, group in grouped.items():
        dates = sorted(r["date"] for r in group if r["date"])
        evidence = tuple(EvidenceRef(symbol=r["symbol"], paragraph=r["paragraph"], page=r["page"], date=r["date"])
                         for r in group)
        traces.append(MechanismTrace(id=mid, name=group[0]["name"], type=group[0]["type"],
                                     documents=tuple(dict.fromkeys(r["symbol"] for r in group)),
                                     first_date=dates[0] if dates else None,
                                     last_date=dates[-1] if dates else None, evidence=evidence))
    return tuple(sorted(traces, key=lambda t: (t.first_date or "9999", t.name)))
