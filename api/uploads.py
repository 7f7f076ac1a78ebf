"""Uploaded PDFs: size-limited, checked by their magic bytes (never by name), kept under
``<store>/uploads/<sha256>.pdf``. The client's file name is never used as a path."""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from api.errors import BadRequestError, PayloadTooLargeError, UnsupportedMediaError
from ontology.errors import R2PError

if TYPE_CHECKING:
    from fastapi import UploadFile

UPLOAD_DIR = "uploads"
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class SavedUpload:
    path: Path
    sha256: str
    size: int
    new: bool  # False when the same bytes were uploaded before


def _looks_like_pdf(head: bytes) -> bool:
    """PDF files start with ``%PDF-`` (readers tolerate up to 1 KiB of leading junk)."""
    return b"%PDF-" in head[:1024]


def save_pdf(source: BinaryIO, *, store_dir: Path, max_bytes: int, name: str = "upload") -> SavedUpload:
    """Copy an uploaded stream into the upload folder, refusing non-PDFs and oversized files.

    Nothing is left behind when the upload is refused. ``name`` is only used in messages.
    """
    folder = Path(store_dir) / UPLOAD_DIR
    folder.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=".incoming.", suffix=".pdf")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            head = source.read(1024)
            if not _looks_like_pdf(head):
                raise UnsupportedMediaError(f"{name}: not a PDF file (no %PDF header)", detail={"file": name})
            while head:
                size += len(head)
                if size > max_bytes:
                    raise PayloadTooLargeError(
                        f"{name}: larger than the upload limit of {max_bytes // (1 << 20)} MB",
                        detail={"file": name, "limit_bytes": max_bytes},
                    )
                digest.update(head)
                out.write(head)
                head = source.read(_CHUNK)
        final = folder / f"{digest.hexdigest()}.pdf"
        new = not final.exists()
        os.replace(tmp, final)
        return SavedUpload(path=final, sha256=digest.hexdigest(), size=size, new=new)
    finally:
        tmp.unlink(missing_ok=True)


def discard(saved: SavedUpload) -> None:
    """Remove an upload that did not make it into the store (only when this request wrote it)."""
    if saved.new:
        saved.path.unlink(missing_ok=True)


def safe_display_name(filename: str | None) -> str:
    """The client's file name reduced to a harmless label for messages (never a path)."""
    base = (filename or "upload").replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(ch for ch in base if ch.isalnum() or ch in "._- ")[:120].strip()
    return cleaned or "upload"


def ingest_pdf(path: Path, *, store: Any, embedder: Any) -> Any:
    """Parse, link, embed and store one PDF kept at ``path`` through the ingest wiring; answers the
    store's `PutResult` ("unchanged" when the same bytes are stored already). Errors are raised."""
    from dataclasses import replace

    from api.pipeline import read, read_by_current_rules, replace_earlier, stored_symbol
    from graph.store import PutResult
    from search.indexing import embed_document

    earlier = stored_symbol(Path(path), store)
    if earlier is not None and read_by_current_rules(store, earlier):
        return PutResult(symbol=earlier, status="unchanged")
    document, facts, vectors, source, keys = read(
        Path(path), store, embed=lambda doc, facts, st: embed_document(doc, facts, st, embedder))
    result = store.put_document(document, facts, embeddings=vectors, source_path=source, embedding_keys=keys)
    return replace(result, status="replaced") if replace_earlier(store, earlier, document.symbol) else result


def receive_upload(file: UploadFile | None, *, state: Any, store: Any, embedder: Any) -> Any:
    """Check, keep and ingest one uploaded PDF: the one path of the API and the upload page.

    ``state`` is the app's state (settings, write lock, catalogue). Answers the store's `PutResult`
    ("unchanged" when the same bytes are stored already). A refused file (none, not a PDF, too large,
    unreadable) raises an `R2PError` naming the client's file, and leaves nothing behind.
    """
    settings = state.settings
    limit = settings.api.max_upload_mb * (1 << 20)
    if file is None or (not file.filename and not file.size):
        raise BadRequestError("no file was sent: choose a PDF file to upload")
    name = safe_display_name(file.filename)
    if file.size is not None and file.size > limit:
        raise PayloadTooLargeError(f"{name}: larger than the upload limit of {settings.api.max_upload_mb} MB",
                                   detail={"file": name, "limit_bytes": limit})
    saved = save_pdf(file.file, store_dir=Path(settings.store), max_bytes=limit, name=name)
    with state.write_lock:
        try:
            result = ingest_pdf(saved.path, store=store, embedder=embedder)
        except BaseException as exc:
            discard(saved)
            if isinstance(exc, R2PError):
                _name_the_upload(exc, saved.path, name)
            raise
        if result.status == "unchanged":
            discard(saved)  # the same bytes are stored from another file already
    state.catalogue.invalidate()
    return result


def _name_the_upload(exc: R2PError, path: Path, name: str) -> None:
    """Say the client's file name where a message names the server's copy (never show that path)."""
    for where in {str(path.resolve()), str(path)}:
        exc.message = exc.message.replace(where, name)
    exc.args = (exc.message,)
    if isinstance(exc.detail, str):
        for where in {str(path.resolve()), str(path)}:
            exc.detail = exc.detail.replace(where, name)
