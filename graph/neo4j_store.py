"""`Neo4jGraphStore`: the `GraphStore` on a Neo4j server, cluster or Aura, through the official driver.

Every statement comes from :mod:`graph.neo4j_queries`; values travel only as parameters. A document
is written in ONE managed write transaction (``session.execute_write``): read its stored state,
delete the previous version, create the new one, drop what only the previous version supported.
Constraints, the vector index on ``Paragraph.embedding`` and the full-text index on
``Paragraph.text`` are created idempotently when the store opens.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from graph import neo4j_bulk as B
from graph import neo4j_queries as Q
from graph import neo4j_read as R
from graph.errors import NotFound, StoreError
from graph.neo4j_rows import delete_plan, orphan_plan, write_plan
from graph.responses import StatedResponse, with_stated
from graph.store import (
    TRACE_EVIDENCE_LIMIT,
    ActorRecord,
    CitationLink,
    DocumentSummary,
    MechanismSummary,
    ParagraphFilter,
    PutResult,
    RecommendationRecord,
    ScoredParagraph,
    SituationSummary,
    StoredDocument,
    TraceResult,
    vector_keys,
)
from ontology.model import DocumentFacts, ParsedDocument, symbol_key

_PAGE = 100  # documents per read transaction in iter_documents
GENERATION_STEP = (Q.BUMP_GENERATION, {"name": "generation"})  # the last step of every write
SUBTITLES_META = "subtitles"  # set once the subtitle of every document written before it is a property
INDEX_WAIT_SECONDS = 300


def _stored_vector_keys(state: dict[str, Any]) -> list[str]:
    """``graph.store.vector_keys`` of the stored version, from DOCUMENT_STATE's ``vectors``."""
    return [key if has else "" for _, key, has in sorted(state.get("vectors") or [])]


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
                raise StoreError("a Neo4j store needs a driver or a URI (R2P_GRAPH__URI)")
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
            raise StoreError(f"Neo4j at {self._where}: {exc}") from exc

    def _run_alone(self, mode: str, query: str, params: dict[str, Any]) -> None:
        def work(tx: Any) -> None:
            tx.run(query, params).consume()

        self._call(mode, work)

    def _writable(self) -> None:
        if self._read_only:
            raise StoreError(f"the Neo4j store at {self._where} was opened read-only")

    def ensure_schema(self) -> None:
        """Create the constraints and indexes that do not exist yet (each in its own transaction)."""
        for statement in Q.SCHEMA:
            self._run_alone("execute_write", statement, {})
        self._run_alone("execute_write", Q.CREATE_VECTOR_INDEX, {"dimensions": self._dim})
        self._run_alone("execute_read", Q.AWAIT_INDEXES, {"seconds": INDEX_WAIT_SECONDS})
        rows = self._read(Q.VECTOR_INDEX_DIMENSIONS, {"name": Q.VECTOR_INDEX})
        found = rows[0]["dimensions"] if rows else None
        if found is not None and int(found) != self._dim:
            raise StoreError(f"Neo4j at {self._where}: the vector index {Q.VECTOR_INDEX} holds "
                             f"{found}-dimension vectors, the embedder gives {self._dim}")
        self._fill_subtitles()

    def _fill_subtitles(self) -> None:
        """Set the ``subtitle`` property of documents written before it, from their stored JSON (once)."""
        filled = self._read(Q.SUBTITLES_FILLED, {"name": SUBTITLES_META})
        if filled and filled[0]["value"]:
            return
        rows = [{"key": r["key"], "subtitle": json.loads(r["document_json"]).get("subtitle")}
                for r in self._read(Q.SUBTITLES_TO_FILL, {"marker": '"subtitle":"'})]
        self._run_alone("execute_write", Q.FILL_SUBTITLES, {"rows": [r for r in rows if r["subtitle"]],
                                                            "name": SUBTITLES_META, "value": "filled"})

    # -- writing ----------------------------------------------------------------------------
    def put_document(
        self,
        document: ParsedDocument,
        facts: DocumentFacts,
        *,
        embeddings: Mapping[int, Sequence[float]] | None = None,
        source_path: str | None = None,
        embedding_keys: Mapping[int, str] | None = None,
    ) -> PutResult:
        """Add or replace a document and everything derived from it in one write transaction."""
        self._writable()
        key = symbol_key(document.symbol) if document.symbols else ""
        plan = write_plan(document, facts, embeddings=embeddings, source_path=source_path,
                          ingested_at=self._clock(), embedding_dim=self._dim, embedding_keys=embedding_keys)

        props = plan[0][1]["props"]

        vectors = vector_keys(document, embeddings, embedding_keys)

        def work(tx: Any) -> str:
            state = tx.run(Q.DOCUMENT_STATE, {"key": key}).data()
            if state and [state[0][k] for k in ("sha256", "document_json", "facts_json")] == [
                    props[k] for k in ("sha256", "document_json", "facts_json")]:
                if _stored_vector_keys(state[0]) == vectors:
                    return "unchanged"
                props["ingested_at"] = state[0].get("ingested_at") or props["ingested_at"]  # only vectors changed
            steps = plan
            if state:
                steps = delete_plan(key) + plan + orphan_plan(state[0])
            for query, params in [*steps, GENERATION_STEP]:
                tx.run(query, params).consume()
            return "replaced" if state else "added"

        try:
            status = self._call("execute_write", work)
        except StoreError as exc:
            raise StoreError(f"{document.symbol}: {exc.message}; the transaction was rolled back, "
                             "the stored version is unchanged") from exc
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
            for query, params in [*delete_plan(key), *orphan_plan(state[0]), GENERATION_STEP]:
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
        return R.stored(rows[0]) if rows else None

    def iter_documents(self, *, since: str | None = None) -> Iterator[StoredDocument]:
        """Every stored document in key order, a page per read transaction."""
        after = ""
        while True:
            rows = self._read(Q.ITER_DOCUMENTS, {"after": after, "since": since, "limit": _PAGE})
            yield from (R.stored(r) for r in rows)
            if len(rows) < _PAGE:
                return
            after = rows[-1]["key"]

    def iter_document_outlines(self) -> Iterator[StoredDocument]:
        """Every stored document in key order with its facts and paragraphs, read in bulk from the
        paragraph properties (no footnotes, citations or parse warnings: what search's catalogue needs)."""
        return B.iter_document_outlines(self._read, docs_per_page=B.DOCS_PER_PAGE,
                                        paragraphs_per_page=B.PARAGRAPHS_PER_PAGE)

    def iter_paragraph_vectors(self) -> Iterator[tuple[str, list[float]]]:
        """(paragraph uid, vector) of every paragraph with a stored vector, streamed a page at a time."""
        return B.iter_paragraph_vectors(self._read, per_page=B.VECTORS_PER_PAGE)

    def list_documents(self, *, offset: int = 0, limit: int = 50) -> list[DocumentSummary]:
        """Summaries of stored documents in key order ([] for a negative offset or limit)."""
        if offset < 0 or limit <= 0:
            return []
        rows = self._read(Q.LIST_DOCUMENTS, {"offset": offset, "limit": limit})
        return [DocumentSummary(symbol=r["symbol"], symbols=tuple(r["symbols"] or ()), title=r["title"],
                                date=r["date"], kind=r["kind"], organs=tuple(r["organs"] or ()),
                                language=r["language"], paragraphs=r["paragraphs"] or 0, subtitle=r["subtitle"])
                for r in rows]

    def trace(self, situation: str, *, evidence_limit: int | None = TRACE_EVIDENCE_LIMIT) -> TraceResult | None:
        """The mechanisms that covered a situation (id, name, ISO3 code or country alias), with evidence."""
        found = R.resolve_situation(self._read, situation)
        if found is None:
            return None
        rows = self._read(Q.TRACE, {"situation_id": found[0]})
        return TraceResult(situation=found[1], situation_id=found[0], mechanisms=R.mechanisms(rows, evidence_limit))

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
        """Recommendations matching every given filter, in document and paragraph order."""
        if offset < 0 or limit <= 0:
            return []
        params = R.recommendation_params(self._read, to=to, by=by, theme=theme, mechanism=mechanism,
                                         year_from=year_from, year_to=year_to, offset=offset, limit=limit)
        records = [RecommendationRecord(symbol=r["symbol"], paragraph=r["paragraph"], text=r["text"],
                                        by=tuple(r["by"]), to=tuple(r["to"]), verb=r["verb"],
                                        response=r["response"], date=r["date"], page=r["page"],
                                        themes=tuple(r["themes"] or ())) for r in self._read(Q.RECOMMENDATIONS, params)]
        return with_stated(records, self.stated_responses([r.symbol for r in records]))

    def stated_responses(self, symbols: Sequence[str]) -> dict[str, dict[str, StatedResponse]]:
        """Positions on the given reports' recommendations stated in their stored addenda."""
        return R.stated_responses(self._read, sorted({symbol_key(s) for s in symbols}))

    def list_situations(self, *, offset: int = 0, limit: int = 50) -> list[SituationSummary]:
        """One page of situations by name (then id), with document and mechanism counts."""
        if offset < 0 or limit <= 0:
            return []
        rows = self._read(Q.LIST_SITUATIONS, {"offset": offset, "limit": limit})
        return [SituationSummary(id=r["id"], name=r["name"], iso3=r["iso3"], documents=int(r["documents"]),
                                 mechanisms=int(r["mechanisms"])) for r in rows]

    def list_mechanisms(
        self, *, type: str | None = None, offset: int = 0, limit: int = 50
    ) -> list[MechanismSummary]:
        """One page of mechanisms by name (then id), of one ``type`` when given."""
        if offset < 0 or limit <= 0:
            return []
        rows = self._read(Q.LIST_MECHANISMS, {"type": type, "offset": offset, "limit": limit})
        return [MechanismSummary(id=r["id"], name=r["name"], type=r["type"], acronym=r["acronym"],
                                 situations=int(r["situations"]), documents=int(r["documents"])) for r in rows]

    def get_actor(self, id: str) -> ActorRecord | None:
        """An actor by id (or name, ISO3 code or alias), with its recommendation counts."""
        rows = self._read(Q.GET_ACTOR, {"id": id})
        if not rows:
            resolved = [i for i in R.resolve_actors(self._read, id) if i != id]
            rows = self._read(Q.GET_ACTOR, {"id": resolved[0]}) if resolved else []
        if not rows:
            return None
        r = rows[0]
        return ActorRecord(id=r["id"], name=r["name"], kind=r["kind"], iso3=r["iso3"], m49=r["m49"],
                           aliases=tuple(r["aliases"] or ()), recommendations_by=int(r["made"]),
                           recommendations_to=int(r["received"]), documents=int(r["documents"]),
                           member_of=tuple(sorted(r.get("member_of") or ())),
                           members=tuple(sorted(r.get("members") or ())))

    def generation(self) -> str:
        """The count of committed writes (a fingerprint of the stored state for caches)."""
        rows = self._read(Q.GENERATION, {"name": "generation"})
        value = rows[0]["generation"] if rows else None
        return str(value or 0)

    def cites(self, symbol: str) -> list[CitationLink]:
        """What the document cites, in document order; NotFound when it is not stored."""
        found = R.document_key(self._read, symbol)
        if found is None:
            raise NotFound(f"document {symbol} is not in the store")
        return [R.link(r) for r in self._read(Q.CITES, {"key": found[0]})]

    def cited_by(self, symbol: str) -> list[CitationLink]:
        """The stored documents citing any of this document's symbols (stored or not)."""
        found = R.document_key(self._read, symbol)
        keys = found[1] if found else [symbol_key(symbol)]
        return [R.link(r) for r in self._read(Q.CITED_BY, {"keys": keys})]

    def stats(self) -> dict[str, int]:
        """Counts of documents, nodes per label and edges per type (``edges_<type>``, ``edges``)."""
        out = {k: int(v) for k, v in self._read(Q.STATS, {})[0].items()}
        edges = {f"edges_{r['type'].lower()}": int(r["n"]) for r in self._read(Q.EDGE_COUNTS, {})}
        return {**out, **dict(sorted(edges.items())), "edges": sum(edges.values())}

    # -- search support ---------------------------------------------------------------------
    def embeddings_by_hash(self, hashes: Sequence[str]) -> dict[str, list[float]]:
        """Stored vectors of paragraphs whose text has these content hashes (``graph.store.text_hash``)."""
        wanted = sorted(set(hashes))
        if not wanted:
            return {}
        rows = self._read(Q.EMBEDDINGS_BY_HASH, {"hashes": wanted})
        return {r["hash"]: [float(x) for x in r["embedding"]] for r in rows}

    def vector_search(
        self, vector: Sequence[float], *, k: int, filters: ParagraphFilter | None = None
    ) -> list[ScoredParagraph]:
        """Nearest paragraphs by cosine similarity (Neo4j's vector index), filtered; score = cosine."""
        if len(vector) != self._dim:
            raise StoreError(f"query vector has {len(vector)} dimensions, the store holds {self._dim}")
        if k <= 0:
            return []
        narrowed = filters is not None and filters != ParagraphFilter()
        params = {**R.filter_params(self._read, filters), "vector": [float(x) for x in vector], "k": k}
        rows = self._read(Q.VECTOR_SEARCH, {**params, "candidates": max(k * 10, 100) if narrowed else k})
        if narrowed and len(rows) < k:
            rows = self._read(Q.VECTOR_SEARCH_EXACT, params)
        # Neo4j scores cosine similarity c as (1 + c) / 2; give back c as the embedded backend does.
        return [ScoredParagraph(uid=r["uid"], score=2.0 * float(r["score"]) - 1.0) for r in rows]

    def text_search(
        self, query: str, *, k: int, filters: ParagraphFilter | None = None
    ) -> list[ScoredParagraph]:
        """Full-text (Lucene, English analyzer) over text, label and section; a symbol first finds its citers."""
        if k <= 0 or not query.strip():
            return []
        params = R.filter_params(self._read, filters)
        hits: list[ScoredParagraph] = []
        if R.SYMBOL.match(query):
            cited = self._read(Q.TEXT_BY_CITATION, {**params, "keys": [symbol_key(query)], "k": k})
            hits = [ScoredParagraph(r["uid"], 1000.0 - n) for n, r in enumerate(cited)]
        lucene = R.lucene_query(query)
        if len(hits) < k and lucene:
            seen = {h.uid for h in hits}
            for r in self._read(Q.TEXT_SEARCH, {**params, "query": lucene, "k": k}):
                if r["uid"] not in seen and len(hits) < k:
                    hits.append(ScoredParagraph(r["uid"], float(r["score"])))
        return hits

    def symbols_starting(self, prefix: str, *, k: int) -> list[str]:
        """Keys of the document symbols, stored or only cited, that start with ``prefix``."""
        key = symbol_key(prefix)
        if not key or k <= 0:
            return []
        return [r["key"] for r in self._read(Q.SYMBOLS_STARTING, {"prefix": key, "k": k})]

    def citing_paragraphs(self, symbols: Sequence[str], *, k: int) -> list[str]:
        """Uids of the paragraphs citing one of ``symbols``, in document order."""
        keys = sorted({symbol_key(s) for s in symbols if s.strip()})
        if not keys or k <= 0:
            return []
        params = R.filter_params(self._read, None)
        return [r["uid"] for r in self._read(Q.TEXT_BY_CITATION, {**params, "keys": keys, "k": k})]

    def close(self) -> None:
        """Close the driver when the store opened it (a driver given by the caller stays open)."""
        if self._owns_driver:
            self._driver.close()


def _open_driver(uri: str, user: str | None, password: Any) -> Any:
    import neo4j

    secret = password.get_secret_value() if hasattr(password, "get_secret_value") else (password or "")
    return neo4j.GraphDatabase.driver(uri, auth=(user or "neo4j", secret))
