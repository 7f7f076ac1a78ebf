"""Give every stored document the vectors of the current embedding model, without its PDF.

After the model or the embedding rules change (``search.indexing.vector_key`` hashes the model name,
``CONTEXT_WEIGHT``, the context and the text), the stored vectors no longer match what a query is
encoded with, and ``r2p ingest`` skips unchanged files before embedding. ``reembed`` reads each
stored document back (``get_document``), embeds what has no vector under its current key
(``embed_document`` reuses the others) and puts the document again with the new vectors and keys.
The store answers "unchanged" and writes nothing when the document's vector keys are already the
current ones; otherwise it replaces the document in one transaction, keeping its file hash, source
path and ingestion time. A document that fails is named and left as it was; the others go on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from graph.store import GraphStore
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


def reembed(store: GraphStore, embedder: Embedder, *, progress: Progress | None = None) -> ReembedReport:
    """Re-embed every stored document whose vectors are not those of ``embedder`` (see the module doc).

    The symbols are listed first, so the writes never disturb the listing.
    """
    started = time.perf_counter()
    report = ReembedReport()
    for symbol in list(stored_symbols(store)):
        report.documents += 1
        try:
            status = reembed_document(store, embedder, symbol, report)
        except Exception as exc:  # noqa: BLE001 - one document must not stop the run; it stays as stored
            report.failures.append(ReembedFailure(symbol, _reason(symbol, exc)))
            status = "failed"
        if progress is not None:
            progress(symbol, status)
    if report.reembedded:
        invalidate(store)  # searches in this process see the new vectors at once
    report.seconds = time.perf_counter() - started
    return report


def reembed_document(store: GraphStore, embedder: Embedder, symbol: str, report: ReembedReport) -> str:
    """Re-embed one stored document: "embedded" when it was written again, "current" when not."""
    stored = store.get_document(symbol)
    if stored is None:  # removed since it was listed
        report.current += 1
        return "current"
    stats: dict[str, int] = {}
    vectors, keys = embed_document(stored.document, store, embedder, stats=stats)
    result = store.put_document(stored.document, stored.facts, embeddings=vectors, embedding_keys=keys,
                                source_path=stored.source_path)
    report.embedded += stats.get("embedded", 0)
    report.reused += stats.get("reused", 0)
    if result.status == "unchanged":
        report.current += 1
        return "current"
    report.reembedded += 1
    return "embedded"


def _reason(symbol: str, exc: BaseException) -> str:
    message = (getattr(exc, "message", None) or str(exc)) if isinstance(exc, R2PError) else (
        f"{type(exc).__name__}: {exc}")
    return message if message.startswith(symbol) else f"{symbol}: {message}"


__all__ = ["ReembedFailure", "ReembedReport", "reembed", "reembed_document", "stored_symbols"]
