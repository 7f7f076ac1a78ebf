"""`KuzuGraphStore`: the embedded default backend (Kùzu 0.11.3, in-process, one file per store).

Layout of a store directory: ``graph.kuzu`` (the database file and its write-ahead log),
``graph.lock`` (the single-writer lock, see :mod:`graph.lock`). Every Kùzu detail stays in this
module, :mod:`graph.kuzu_queries` (all Cypher), :mod:`graph.kuzu_rows` and :mod:`graph.kuzu_read`.

Writes are atomic per document: one ``BEGIN TRANSACTION`` … ``COMMIT`` deletes what the previous
version produced and bulk-loads the new rows with ``COPY FROM`` JSON files (Kùzu allows COPY inside
a manual transaction; a crash before COMMIT leaves the WAL uncommitted and the old state intact).
Kùzu 0.11.3 cannot roll such a transaction back, so the bulk load comes last and a failure during it
stops the process instead (``_transaction``; ``docs/decisions/0001-kuzu.md``).
"""

from __future__ import annotations

import json
import os
import signal
import sys
import tempfile
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import kuzu

from graph import kuzu_compact, kuzu_read
from graph import kuzu_queries as q
from graph.errors import NotFound, StoreError
from graph.kuzu_compact import CompactReport
from graph.kuzu_reading import KuzuReading
from graph.kuzu_rows import Rows, document_rows, merge_rows
from graph.lock import ReadGate, StoreLock
from graph.store import PutResult, vector_keys
from ontology.model import DocumentFacts, ParsedDocument, symbol_key

DB_NAME = "graph.kuzu"
ABANDONED_EXIT = 75  # exit status of a process stopped by a write that failed during its bulk load
MIN_BUFFER_POOL_MB = 128  # measured: 96 MiB cannot write the 4 demo documents, 128 MiB writes 16 UPR reports at once
EXTENSIONS = ("json", "vector", "fts")

# (document, facts, embeddings, source_path[, embedding_keys]): see GraphStore.put_document
DocumentInput = (tuple[ParsedDocument, DocumentFacts, Mapping[int, Sequence[float]] | None, str | None]
                 | tuple[ParsedDocument, DocumentFacts, Mapping[int, Sequence[float]] | None, str | None,
                         Mapping[int, str] | None])


class KuzuGraphStore(KuzuReading):
    """A :class:`graph.store.GraphStore` on an embedded Kùzu database in ``path`` (a directory)."""

    def __init__(self, path: str | Path, *, read_only: bool = False, embedding_dim: int = 384,
                 vector_index: bool = True, buffer_pool_mb: int = 0) -> None:
        self.path = Path(path)
        self.buffer_pool_mb = _checked_pool(self.path, buffer_pool_mb)
        self.read_only = read_only
        self.embedding_dim = embedding_dim
        self.vector_index = vector_index  # the stored choice wins for an existing store (see _init_schema)
        self._hook: Callable[[str], None] | None = None  # called at named points of put_document
        if read_only and not (self.path / DB_NAME).exists():
            raise NotFound(f"no store at {self.path} (nothing ingested yet?)")
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the store directory {self.path}: {exc.strerror}") from exc
        self._lock = StoreLock(self.path, exclusive=not read_only)
        try:
            self._db = kuzu.Database(str(self.path / DB_NAME), read_only=read_only,
                                     buffer_pool_size=self.buffer_pool_mb * 1024 * 1024)
            self._open = True
            self._write_mutex = threading.Lock()
            self._gate = ReadGate()
            self._local = threading.local()
            self._connecting = threading.Lock()  # connections are opened one at a time
            self._conn = self._connect()
            if not read_only:
                self._init_schema()
            self._has_subtitles = "subtitle" in {r[0] for r in _rows(self._conn.execute(q.DOCUMENT_COLUMNS))}
            self._check_dimension()
            self.vector_index = self._meta(q.VECTOR_INDEX_META) != "off"
        except RuntimeError as exc:
            self.close()
            raise StoreError(f"cannot open the store {self.path}: {self._pool_hint(exc)}") from exc

    # -- connections -----------------------------------------------------------------------

    def _connect(self, *, load: bool = True) -> kuzu.Connection:
        """A connection; the first one loads the extensions into the database (they stay loaded).

        Opened under a lock, so the first calls of many threads at once never race (loading an
        extension is a write transaction, and only one may run at a time).
        """
        with self._connecting:
            return self._connect_to(self._db, load=load)

    @staticmethod
    def _connect_to(db: kuzu.Database, *, load: bool = True) -> kuzu.Connection:
        conn = kuzu.Connection(db)
        for ext in EXTENSIONS if load else ():
            try:
                conn.execute(f"LOAD {ext}")
            except RuntimeError:
                conn.execute(f"INSTALL {ext}")
                conn.execute(f"LOAD {ext}")
        return conn

    def _reader(self) -> kuzu.Connection:
        """The calling thread's reading connection (the writing one is used only under the write mutex).

        Opened on the thread's first call without loading extensions (the first connection loaded
        them into the database), so a first call never starts a write transaction.
        """
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect(load=False)
            conn._r2p_gate = self._gate  # type: ignore[attr-defined]  # kuzu_read.rows() holds it per query
            self._local.conn = conn
        return conn

    def _init_schema(self) -> None:
        """Create what is missing. Whether the store keeps an HNSW vector index is chosen when it is
        created (``vector_index``) and kept: Kùzu 0.11.3 cannot drop a vector index safely."""
        for stmt in [*q.schema_ddl(self.embedding_dim), *q.MIGRATIONS]:
            self._conn.execute(stmt)
        new = self._meta("embedding_dim") is None
        if new:
            self._conn.execute(q.META_SET, {"name": q.VECTOR_INDEX_META, "value": "on" if self.vector_index else "off"})
        wanted = self._meta(q.VECTOR_INDEX_META) != "off"
        existing = {row[0] for row in _rows(self._conn.execute(q.SHOW_INDEXES))}
        for name, stmt in zip((q.VECTOR_INDEX, q.FTS_INDEX), q.INDEX_DDL):
            if name not in existing and (name != q.VECTOR_INDEX or wanted):
                self._conn.execute(stmt)
        if new:
            self._conn.execute(q.META_SET, {"name": "embedding_dim", "value": str(self.embedding_dim)})
            self._conn.execute(q.META_SET, {"name": q.SUBTITLES_META, "value": "filled"})
        elif self._meta(q.SUBTITLES_META) is None:
            self._fill_subtitles()

    def _fill_subtitles(self) -> None:
        """Fill the ``subtitle`` column of a store written before it, from each document's stored JSON,
        in one transaction that also records that it is done."""
        self._conn.execute("BEGIN TRANSACTION")
        try:
            for key, text in _rows(self._conn.execute(q.BACKFILL_SUBTITLES)):
                subtitle = json.loads(text).get("subtitle")
                if subtitle:
                    self._conn.execute(q.SET_SUBTITLE, {"key": key, "subtitle": subtitle})
            self._conn.execute(q.META_SET, {"name": q.SUBTITLES_META, "value": "filled"})
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise

    def _meta(self, name: str) -> str | None:
        found = _rows(self._conn.execute(q.META_GET, {"name": name}))
        return found[0][0] if found else None

    def _check_dimension(self) -> None:
        stored = self._meta("embedding_dim")
        if stored is not None and int(stored) != self.embedding_dim:
            raise StoreError(
                f"store {self.path} holds {stored}-dimensional embeddings, not {self.embedding_dim}; "
                "use the embedding model it was built with, or a new store"
            )

    def compact(self) -> CompactReport:
        """Rewrite the database into a fresh file, which frees the space earlier writes left behind
        (:mod:`graph.kuzu_compact`); the store stays open and locked throughout."""
        with self._write_mutex:
            return kuzu_compact.compact(self)

    def _replace_database(self, fresh: Path, *, aside: Path) -> None:
        """Close the database, put the closed database file ``fresh`` in its place, and open it again;
        the lock is kept all along. Used by compaction only."""
        self._open = False
        self._db.close()
        try:
            kuzu_compact.swap_files(self.path / DB_NAME, fresh, aside)
        finally:
            self._db = kuzu.Database(str(self.path / DB_NAME), buffer_pool_size=self.buffer_pool_mb * 1024 * 1024)
            self._open = True
            self._local = threading.local()
            self._conn = self._connect()

    def close(self) -> None:
        """Close the database and free the lock (idempotent)."""
        if getattr(self, "_open", False):
            self._open = False
            self._db.close()
        self._lock.release()

    def __enter__(self) -> KuzuGraphStore:  # noqa: PYI034
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def put_document(
        self,
        document: ParsedDocument,
        facts: DocumentFacts,
        *,
        embeddings: Mapping[int, Sequence[float]] | None = None,
        source_path: str | None = None,
        embedding_keys: Mapping[int, str] | None = None,
    ) -> PutResult:
        """Add or replace a document and everything derived from it in one transaction."""
        return self.put_documents([(document, facts, embeddings, source_path, embedding_keys)])[0]

    def put_documents(self, items: Sequence[DocumentInput]) -> list[PutResult]:
        """Add or replace several documents in one transaction, all or nothing (the bulk path).

        ``items`` are ``(document, facts, embeddings, source_path)``, optionally followed by
        ``embedding_keys``; results come in the same order.
        A document that does not hold together raises BadDocument before anything is written.
        """
        self._check_writable()
        now = datetime.now(UTC).isoformat(timespec="seconds")
        built = [(document_rows(d, f, embeddings=e, embedding_dim=self.embedding_dim, source_path=s,
                                ingested_at=now, embedding_keys=k[0] if k else None),
                  vector_keys(d, e, k[0] if k else None)) for d, f, e, s, *k in items]
        with self._write_mutex:
            plan = [self._plan(rows, vectors) for rows, vectors in built]
            todo = {rows.key: (rows, old) for (rows, _), (status, old) in zip(built, plan) if status != "unchanged"}
            if todo:
                self._transaction(lambda: self._replace(list(todo.values())), count=False)
        return [PutResult(d.symbol, status, **_counts(d, f)) for (d, f, *_), (status, _) in zip(items, plan)]

    def _plan(self, rows: Rows, vectors: list[str]) -> tuple[str, dict[str, Any] | None]:
        """("unchanged" | "replaced" | "added", what the stored version pointed at).

        The same file, document and facts with other vectors is replaced and keeps its ``ingested_at``.
        """
        old = _rows(self._conn.execute(q.DOC_BY_KEY, {"key": rows.key}))
        if not old or old[0][1]:
            return "added", None
        if old[0][0] == rows.document["sha256"]:
            stored = _rows(self._conn.execute(q.DOC_STATE, {"key": rows.key}))
            if stored and stored[0][:2] == [rows.document["document_json"], rows.document["facts_json"]]:
                if self._vector_keys(rows.key) == vectors:
                    return "unchanged", None
                rows.document["ingested_at"] = stored[0][2] or rows.document["ingested_at"]
        return "replaced", {"facts": json.loads(old[0][2]), "document": kuzu_read.document_json(self._conn, rows.key)}

    def _vector_keys(self, key: str) -> list[str]:
        return [row[0] for row in _rows(self._conn.execute(q.DOC_VECTOR_KEYS, {"key": key}))]

    def _replace(self, batch: list[tuple[Rows, dict[str, Any] | None]]) -> None:
        """Delete what the stored versions derived, then write the new ones: every statement that can
        fail on our data runs before the bulk load, which comes last (see ``_transaction``)."""
        merged = merge_rows([rows for rows, _ in batch])
        for rows, old in batch:
            if old is not None:
                self._delete_derived(rows.key)
        self._emit("after_delete")
        for _, old in batch:  # what only the old versions supported; kept if the new ones merge it again below
            if old is not None:
                self._delete_orphans(old["facts"])
                referred = _referred_keys(old["facts"], old["document"] or {}) - set(merged.stubs)
                self._delete_orphan_stubs(sorted(referred))
        for rows, _ in batch:
            self._conn.execute(q.UPSERT_DOCUMENT, rows.document)
        if merged.stubs:
            self._conn.execute(q.MERGE_STUBS, {"rows": [{"key": k, "symbol": v} for k, v in merged.stubs.items()]})
        for table, stmt in (("Actor", q.MERGE_ACTORS), ("Situation", q.MERGE_SITUATIONS),
                            ("Mechanism", q.MERGE_MECHANISMS), ("RiskFactor", q.MERGE_RISK_FACTORS)):
            if merged.merges.get(table):
                self._conn.execute(stmt, {"rows": merged.merges[table]})
        self._bump_generation()
        _check_loadable(merged, self.embedding_dim)
        self._bulk_load(merged)
        self._emit("after_load")
        self._emit("before_commit")

    def _bulk_load(self, rows: Rows) -> None:
        with tempfile.TemporaryDirectory(prefix="load-", dir=self.path) as tmp:
            if "'" in tmp:
                raise StoreError(f"the store path {self.path} must not contain a quote")
            for table, items in rows.nodes.items():
                if items:
                    path = _dump(Path(tmp) / f"{table}.json", items)
                    self._loading = True  # from here on the transaction must not be rolled back
                    self._conn.execute(q.COPY_NODES.format(table=table, path=path))
            for (table, src, dst), items in rows.rels.items():
                if items:
                    path = _dump(Path(tmp) / f"{table}-{src}-{dst}.json", items)
                    self._loading = True
                    self._conn.execute(q.COPY_RELS.format(table=table, path=path, src=src, dst=dst))

    def _delete_derived(self, key: str) -> None:
        for stmt in q.DELETE_DERIVED:
            self._conn.execute(stmt, {"key": key})

    def _delete_orphans(self, old_facts: dict[str, Any]) -> None:
        ids = {
            "Actor": [a["id"] for a in old_facts.get("actors", [])],
            "Situation": [s["id"] for s in old_facts.get("situation_defs", [])],
            "Mechanism": [m["id"] for m in old_facts.get("mechanisms", [])],
            "RiskFactor": sorted({t["factor"] for t in old_facts.get("risk_tags", [])}),
        }
        for table, stmt in q.DELETE_ORPHANS.items():
            if ids[table]:
                self._conn.execute(stmt, {"ids": ids[table]})

    def _delete_orphan_stubs(self, keys: list[str]) -> None:
        if keys:
            self._conn.execute(q.DELETE_ORPHAN_STUBS, {"keys": keys})

    def remove_document(self, symbol: str) -> bool:
        """Delete a document and what only it supported; False when it was not stored."""
        self._check_writable()
        with self._write_mutex:
            key = self._resolve_key(symbol)
            if key is None:
                return False
            old = _rows(self._conn.execute(q.DOC_BY_KEY, {"key": key}))
            old_facts = json.loads(old[0][2]) if old[0][2] else {}
            old_doc = kuzu_read.document_json(self._conn, key) or {}
            self._transaction(lambda: self._remove(key, old_facts, old_doc))
        return True

    def _remove(self, key: str, old_facts: dict[str, Any], old_doc: dict[str, Any]) -> None:
        referred = sorted(_referred_keys(old_facts, old_doc))
        self._delete_derived(key)
        if _rows(self._conn.execute(q.DOC_IS_TARGET, {"key": key}))[0][0]:
            self._conn.execute(q.MAKE_STUB, {"key": key})
        else:
            self._conn.execute(q.DELETE_DOCUMENT_NODE, {"key": key})
        self._delete_orphans(old_facts)
        self._delete_orphan_stubs(referred)

    def _transaction(self, work: Callable[[], None], *, count: bool = True) -> None:
        """Run ``work`` in one transaction: committed whole, or rolled back whole.

        Kùzu 0.11.3 cannot roll back a transaction that has run ``COPY`` (a failed ``COPY`` included):
        the rollback corrupts the database in memory, and later writes of the same process are lost or
        crash it (``docs/decisions/0001-kuzu.md``). So a write whose bulk load has begun is never rolled
        back: if it fails, the process stops at once (``_abandon``), and the store opens next time as it
        was after the last completed write, as after a crash. Ctrl-C is held back until the
        transaction has ended, so it never lands in that window.
        """
        with _deferred_interrupt():
            self._loading = False
            self._conn.execute("BEGIN TRANSACTION")
            try:
                work()
                if count:
                    self._bump_generation()
                with self._gate.exclusive():
                    self._conn.execute("COMMIT")
            except BaseException as exc:
                if self._loading:
                    self._abandon(exc)
                try:
                    self._conn.execute("ROLLBACK")
                except RuntimeError:
                    pass  # Kùzu already rolled back after a failed statement
                if isinstance(exc, RuntimeError):
                    raise StoreError(f"write to {self.path} failed and was rolled back: {self._pool_hint(exc)}") from exc
                raise
            finally:
                self._loading = False

    def _abandon(self, exc: BaseException) -> None:
        """Stop the process without rolling back (see ``_transaction``): the only way to keep the store sound."""
        sys.stderr.write(
            f"r2p: a write to the store {self.path} failed during its bulk load ({self._pool_hint(exc)}). "
            "Stopping at once without saving that write, so that the store stays as it was after the last "
            "completed write; it opens normally again.\n")
        sys.stderr.flush()
        os._exit(ABANDONED_EXIT)

    def _bump_generation(self) -> None:
        """Count this write in the store (inside its transaction): ``generation()`` changes with it."""
        current = self._meta(q.GENERATION)
        self._conn.execute(q.META_SET, {"name": q.GENERATION, "value": str(int(current or 0) + 1)})

    def _emit(self, point: str) -> None:
        if self._hook is not None:
            self._hook(point)

    def _pool_hint(self, exc: BaseException) -> str:
        """Kùzu's message, and when its buffer pool ran out, which setting sets its size."""
        if "buffer pool is full" not in str(exc):
            return str(exc)
        size = f"{self.buffer_pool_mb} MiB" if self.buffer_pool_mb else "Kùzu's default size"
        return (f"the buffer pool ({size}) is too small; raise R2P_GRAPH__BUFFER_POOL_MB "
                f"(graph.buffer_pool_mb) or set it to 0 for Kùzu's default ({exc})")

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"store {self.path} is open read-only")



def _checked_pool(path: Path, mb: int) -> int:
    """The buffer pool size in MiB (0: Kùzu's default); a size too small to work is refused up front."""
    if mb != 0 and mb < MIN_BUFFER_POOL_MB:
        raise StoreError(f"cannot open the store {path}: a buffer pool of {mb} MiB is too small; "
                         f"R2P_GRAPH__BUFFER_POOL_MB must be 0 (Kùzu's default) or at least {MIN_BUFFER_POOL_MB}")
    return mb


def _check_loadable(rows: Rows, embedding_dim: int) -> None:
    """Refuse, before the bulk load, rows that would make ``COPY`` fail: a primary key twice in a table."""
    tables = q.node_tables(embedding_dim)
    for table, items in rows.nodes.items():
        pk = tables[table][0][0]
        counts = Counter(it[pk] for it in items)
        twice = sorted(str(k) for k, n in counts.items() if n > 1)
        if twice:
            raise StoreError(f"cannot write {table} rows: the key {twice[0]!r} occurs twice"
                             + (f" (and {len(twice) - 1} more)" if len(twice) > 1 else "")
                             + "; nothing was written")


@contextmanager
def _deferred_interrupt() -> Iterator[None]:
    """Hold back SIGINT (Ctrl-C) while the block runs, then raise it (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def _rows(result: Any) -> list[list[Any]]:
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out


def _dump(path: Path, items: list[dict[str, Any]]) -> str:
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _referred_keys(facts: dict[str, Any], document: dict[str, Any]) -> set[str]:
    """Keys of the other documents a stored version pointed at (citations, establishments, relations)."""
    symbols = [c["symbol"] for c in document.get("citations", [])]
    symbols += [e["symbol"] for e in facts.get("establishments", [])]
    symbols += [r["symbol"] for r in facts.get("relations", [])]
    return {symbol_key(s) for s in symbols}



def _counts(document: ParsedDocument, facts: DocumentFacts) -> dict[str, int]:
    return {"paragraphs": len(document.paragraphs), "recommendations": len(facts.recommendations),
            "entities": len(facts.actors) + len(facts.situation_defs) + len(facts.mechanisms)}
