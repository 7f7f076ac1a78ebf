"""Give every stored document the vectors of the current embedding model, without its PDF.

After the model or the embedding rules change (``search.indexing.vector_key`` hashes the model name,
``CONTEXT_WEIGHT``, the context and the text), the stored vectors no longer match what a query is
encoded with, and ``r2p ingest`` skips unchanged files before embedding. ``reembed`` reads each
stored document back (``get_document``), embeds what has no vector under its current key
(``embed_document`` reuses the others) and puts the document again with the new vectors and keys.
The store answers "unchanged" and writes nothing when the document's vector keys are already the
current ones; otherwise it replaces the document, keeping its file hash, source path and ingestion
time. Documents are written in batches (``BATCH``) where the store allows it. A document that fails is named and left as it was; the others go on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from graph.store import GraphStore, put_batch
from ontology.errors import R2PError
from search.catalog import invalidate
from search.embed import Embedder
from search.indexing import embed_document

PAGE = 500  # document symbols listed per page before any is re-embedded
Progress = Callable[[str, str], None]  # (symbol, "embedded" | "current" | "failed")


@dataclass
class ReembedFailure:
    symbol: str
    error: str


@dataclass
class ReembedReport:
    """What a run did: documents checked and re-embedded, paragraphs embedded and reused, failures."""

    documents: int = 0
    reembedded: int = 0
    current: int = 0
    embedded: int = 0  # paragraphs encoded by the model
    reused: int = 0  # paragraphs whose vector under the current key was stored already
    failures: list[ReembedFailure] = field(default_factory=list)
    seconds: float = 0.0

    def to_json(self) -> dict[str, object]:
        return {
            "documents": self.documents, "reembedded": self.reembedded, "current": self.current,
            "paragraphs_embedded": self.embedded, "paragraphs_reused": self.reused,
            "seconds": round(self.seconds, 2),
            "failures": [{"symbol": f.symbol, "error": f.error} for f in self.failures],
        }


def stored_symbols(store: GraphStore, *, page: int = PAGE) -> Iterator[str]:
    """The primary symbol of every stored document, in the store's order, a page at a time."""
    offset = 0
    while True:
        found = store.list_documents(offset=offset, limit=page)
        yield from (d.symbol for d in found)
        if len(found) < page:
            return
        offset += page


BATCH = 16  # documents per transaction where the store has ``put_documents`` (as ``r2p ingest`` writes)


@dataclass
class _Pending:
    symbol: str
    item: tuple[Any, ...]  # (document, facts, vectors, source path, vector keys), as put_documents takes it
    stats: dict[str, int]


def reembed(store: GraphStore, embedder: Embedder, *, progress: Progress | None = None,
            batch_size: int = BATCH) -> ReembedReport:
    """Re-embed every stored document whose vectors are not those of ``embedder`` (see the module doc).

    The symbols are listed first, so the writes never disturb the listing. Documents are written
    ``batch_size`` to a transaction where the store allows it; a batch the store refuses is written
    again one document at a time, so that the failing one is named and the others are kept.
    """
    started = time.perf_counter()
    report = ReembedReport()
    pending: list[_Pending] = []
    batched = batch_size > 1 and hasattr(store, "put_documents")
    for symbol in list(stored_symbols(store)):
        report.documents += 1
        try:
            ready = _prepare(store, embedder, symbol)
        except Exception as exc:  # noqa: BLE001 - one document must not stop the run; it stays as stored
            _failed(report, symbol, exc, progress)
            continue
        if ready is None:  # removed since it was listed
            report.current += 1
            _tell(progress, symbol, "current")
            continue
        pending.append(ready)
        if not batched or len(pending) >= batch_size:
            _flush(store, pending, report, progress)
    _flush(store, pending, report, progress)
    if report.reembedded:
        invalidate(store)  # searches in this process see the new vectors at once
    report.seconds = time.perf_counter() - started
    return report


def _prepare(store: GraphStore, embedder: Embedder, symbol: str) -> _Pending | None:
    """The stored document with its vectors under the current keys (embedding what is missing)."""
    stored = store.get_document(symbol)
    if stored is None:
        return None
    stats: dict[str, int] = {}
    vectors, keys = embed_document(stored.document, stored.facts, store, embedder, stats=stats)
    return _Pending(symbol, (stored.document, stored.facts, vectors, stored.source_path, keys), stats)


def _flush(store: GraphStore, pending: list[_Pending], report: ReembedReport, progress: Progress | None) -> None:
    results = put_batch(store, [p.item for p in pending])
    for ready, result in zip(pending, results, strict=True):
        if isinstance(result, Exception):
            _failed(report, ready.symbol, result, progress)
        else:
            _tell(progress, ready.symbol, _record(report, ready, result.status))
    pending.clear()


def _record(report: ReembedReport, ready: _Pending, status: str) -> str:
    report.embedded += ready.stats.get("embedded", 0)
    report.reused += ready.stats.get("reused", 0)
    if status == "unchanged":
        report.current += 1
        return "current"
    report.reembedded += 1
    return "embedded"


def _failed(report: ReembedReport, symbol: str, exc: BaseException, progress: Progress | None) -> None:
    report.failures.append(ReembedFailure(symbol, _reason(symbol, exc)))
    _tell(progress, symbol, "failed")


def _tell(progress: Progress | None, symbol: str, status: str) -> None:
    if progress is not None:
        progress(symbol, status)


def _reason(symbol: str, exc: BaseException) -> str:
    message = (getattr(exc, "message", None) or str(exc)) if isinstance(exc, R2PError) else (
        f"{type(exc).__name__}: {exc}")
    return message if message.startswith(symbol) else f"{symbol}: {message}"


__all__ = ["ReembedFailure", "ReembedReport", "reembed", "stored_symbols"]
