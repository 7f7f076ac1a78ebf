"""Wiring from files to the store: parse → link → (embed) → ``store.put_document``, one document at a time.

Each document is written atomically by the store; a file that fails (bad PDF, linking error, refused
by the store) is recorded with its reason and the batch goes on. Files whose bytes are already stored
(same sha256) are skipped before parsing.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from graph.store import GraphStore
from ingest.link import link
from ingest.pipeline import parse
from ontology.errors import R2PError
from ontology.model import ParsedDocument

Embed = Callable[[ParsedDocument, GraphStore], Mapping[int, Sequence[float]]]
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


def file_sha256(path: Path) -> str:
    """Hex sha256 of a file's bytes (the same hash the parser records)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def ingest_file(path: Path, store: GraphStore, *, embed: Embed | None = None) -> tuple[str, object]:
    """Ingest one file: ("unchanged", symbol) when its bytes are stored already, else the PutResult status."""
    try:
        sha = file_sha256(path)
    except OSError as exc:
        raise FileNotFoundError(f"{path}: {exc.strerror}") from exc
    known = store.find_by_sha256(sha)
    if known is not None:
        return "unchanged", known
    document = parse(path)
    facts = link(document)
    vectors = embed(document, store) if embed is not None else None
    result = store.put_document(document, facts, embeddings=vectors, source_path=str(path.resolve()))
    return result.status, result


def ingest_paths(
    paths: Iterable[str | Path], store: GraphStore, *, embed: Embed | None = None, progress: Progress | None = None
) -> IngestReport:
    """Ingest every PDF named or found under ``paths``; failures are recorded, never fatal."""
    started = time.perf_counter()
    report = IngestReport()
    for path in collect_paths(paths):
        report.files += 1
        try:
            status, result = ingest_file(path, store, embed=embed)
        except (R2PError, OSError) as exc:
            report.failures.append(IngestFailure(str(path), _reason(path, exc)))
            status = "failed"
        except Exception as exc:  # a defect met on one file must not stop the batch
            report.failures.append(IngestFailure(str(path), f"{path}: {type(exc).__name__}: {exc}"))
            status = "failed"
        else:
            _count(report, status, result)
        if progress is not None:
            progress(path, status)
    report.seconds = time.perf_counter() - started
    return report


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
