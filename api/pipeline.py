"""Wiring from files to the store: parse → link → (embed) → ``store.put_document``, one document at a time.

Each document is written atomically by the store; a file that fails (bad PDF, linking error, refused
by the store) is recorded with its reason and the batch goes on. Files whose bytes are already stored
(same sha256) are skipped before parsing, unless their document was read by older reading rules
(``ingest.pipeline.READING``) or they are asked to be read again (``reread``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.store import GraphStore, put_batch
from ingest.errors import ParseError
from ingest.link import link
from ingest.pipeline import READING, file_sha256, parse
from ontology.errors import R2PError
from ontology.model import DocumentFacts, ParsedDocument, symbol_key

# vectors by paragraph index, and the keys they are stored (and found again) under
Embed = Callable[[ParsedDocument, DocumentFacts, GraphStore], tuple[Mapping[int, Sequence[float]], Mapping[int, str]]]
Progress = Callable[[Path, str], None]


@dataclass
class IngestFailure:
    path: str
    error: str


@dataclass
class IngestReport:
    """What a batch did: counts per status, totals of what was stored, and the failures."""

    files: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    paragraphs: int = 0
    entities: int = 0
    recommendations: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def documents(self) -> int:
        """Documents added or replaced."""
        return self.added + self.replaced

    def to_json(self) -> dict[str, object]:
        return {
            "files": self.files, "documents": self.documents, "added": self.added, "replaced": self.replaced,
            "unchanged": self.unchanged, "paragraphs": self.paragraphs, "entities": self.entities,
            "recommendations": self.recommendations, "seconds": round(self.seconds, 2),
            "failures": [{"path": f.path, "error": f.error} for f in self.failures],
        }


def collect_paths(paths: Iterable[str | Path]) -> list[Path]:
    """PDF files named or found (recursively) under the folders named, sorted, without duplicates.

    A path that does not exist is kept so that it is reported as a failure.
    """
    found: dict[Path, None] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.update(dict.fromkeys(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf")))
        else:
            found[path] = None
    return list(found)


def read_by_current_rules(store: GraphStore, symbol: str) -> bool:
    """Whether the stored document ``symbol`` was read by the current reading rules (or later ones)."""
    stored = store.get_document(symbol)
    return stored is not None and stored.document.reading >= READING


def replace_earlier(store: GraphStore, earlier: str | None, symbol: str) -> bool:
    """Remove ``earlier``, the document the same file was stored under, when it now reads as ``symbol``."""
    if earlier is None or symbol_key(earlier) == symbol_key(symbol):
        return False
    store.remove_document(earlier)
    return True


def read(path: Path, store: GraphStore, *, embed: Embed | None = None) -> tuple[Any, ...]:
    """What to put for one file: parsed, linked and (with ``embed``) embedded."""
    document = parse(path)
    if not document.symbols:  # the store could not take it: say why now, before linking and embedding
        why = next((f" ({w})" for w in document.warnings if w.startswith("no symbol in the masthead:")), "")
        raise ParseError(f"{path}: no document symbol, so it cannot be stored{why}")
    facts = link(document)
    vectors, keys = embed(document, facts, store) if embed is not None else (None, None)
    return document, facts, vectors, str(path.resolve()), keys


def stored_symbol(path: Path, store: GraphStore) -> str | None:
    """The symbol of the stored document read from a file with the same bytes, if any."""
    try:
        sha = file_sha256(path)
    except OSError as exc:
        raise FileNotFoundError(f"{path}: {exc.strerror}") from exc
    return store.find_by_sha256(sha)


def ingest_paths(
    paths: Iterable[str | Path],
    store: GraphStore,
    *,
    embed: Embed | None = None,
    progress: Progress | None = None,
    batch_size: int = 16,
    reread: bool = False,
) -> IngestReport:
    """Ingest every PDF named or found under ``paths``; failures are recorded, never fatal.

    Stores that offer ``put_documents`` get up to ``batch_size`` documents per transaction (each
    batch all or nothing; a batch the store refuses is retried one document at a time).
    A file whose bytes are stored already is read again when its document was read by older reading
    rules, and every such file is with ``reread``: a document that comes out the same stays unchanged,
    its vectors are reused, and one that now reads under another symbol replaces the one stored under
    the old symbol.
    """
    started = time.perf_counter()
    report = IngestReport()
    pending: list[tuple[Path, Any, str | None]] = []
    batched = batch_size > 1 and hasattr(store, "put_documents")
    for path in collect_paths(paths):
        report.files += 1
        try:
            earlier = stored_symbol(path, store)
            if earlier is not None and not reread and read_by_current_rules(store, earlier):
                report.unchanged += 1
                _tell(progress, path, "unchanged")
                continue
            item = read(path, store, embed=embed)
        except Exception as exc:  # noqa: BLE001 - a bad file (or a defect met on one) must not stop the batch
            _fail(report, path, exc, progress, kept=earlier)
            continue
        pending.append((path, item, earlier))
        if not batched or len(pending) >= batch_size:
            _flush(pending, store, report, progress)
    _flush(pending, store, report, progress)
    report.seconds = time.perf_counter() - started
    return report


def _flush(pending: list[tuple[Path, Any, str | None]], store: GraphStore, report: IngestReport,
           progress: Progress | None) -> None:
    results = put_batch(store, [item for _, item, _ in pending])
    for (path, item, earlier), result in zip(pending, results, strict=True):
        if isinstance(result, Exception):
            _fail(report, path, result, progress)
            continue
        status = "replaced" if replace_earlier(store, earlier, item[0].symbol) else result.status
        _count(report, status, result)
        _tell(progress, path, status)
    pending.clear()


def _tell(progress: Progress | None, path: Path, status: str) -> None:
    if progress is not None:
        progress(path, status)


def _fail(report: IngestReport, path: Path, exc: BaseException, progress: Progress | None,
          kept: str | None = None) -> None:
    """Record a file that failed; ``kept``: the symbol its bytes are stored under already (by earlier rules),
    which the failure leaves as it is."""
    reason = _reason(path, exc) if isinstance(exc, (R2PError, OSError)) else f"{path}: {type(exc).__name__}: {exc}"
    if kept is not None:
        reason += f"; the document read from it earlier is kept as {kept} (`r2p remove {kept}` takes it out)"
    report.failures.append(IngestFailure(str(path), reason))
    _tell(progress, path, "failed")


def _count(report: IngestReport, status: str, result: object) -> None:
    if status == "unchanged":
        report.unchanged += 1
        return
    setattr(report, status, getattr(report, status) + 1)
    report.paragraphs += result.paragraphs  # type: ignore[attr-defined]
    report.entities += result.entities  # type: ignore[attr-defined]
    report.recommendations += result.recommendations  # type: ignore[attr-defined]


def _reason(path: Path, exc: BaseException) -> str:
    message = getattr(exc, "message", None) or str(exc)
    return message if str(path) in message or path.name in message else f"{path}: {message}"
