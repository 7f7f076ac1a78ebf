"""Documents: list, read (whole, one paragraph, the original PDF), upload (curator), delete (curator).

Symbols contain slashes (``S/RES/2417 (2018)``), so the symbol is a ``path`` parameter; the more
specific routes (``…/paragraphs/{label}``, ``…/pdf``) are declared before the bare one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, JSONResponse

from api.auth import require_curator, require_reader
from api.deps import CatalogueDep, EmbedderDep, PageDep, StoreDep
from api.errors import NotFoundError
from api.jsonable import jsonable
from api.uploads import receive_upload
from api.views import (
    document_json,
    find_paragraph,
    paragraph_json,
    related_documents,
    require_document,
    stated_for,
)

router = APIRouter(prefix="/api/documents", tags=["documents"], dependencies=[Depends(require_reader)])
SymbolParam = Annotated[str, PathParam(description="Any symbol of the document, e.g. S/RES/2417 (2018).")]


@router.get("", summary="Stored documents, in symbol order")
def list_documents(store: StoreDep, page: PageDep, catalogue: CatalogueDep) -> dict[str, Any]:
    total = catalogue.snapshot().documents
    items = [] if page.beyond(total) else store.list_documents(offset=page.offset, limit=page.limit)
    return page.envelope(jsonable(items), total=total)


@router.get("/{symbol:path}/paragraphs/{label:path}", summary="One paragraph by label or key")
def get_paragraph(symbol: SymbolParam, label: str, store: StoreDep) -> dict[str, Any]:
    stored = require_document(store, symbol)
    return paragraph_json(stored.document, find_paragraph(stored.document, label))


@router.get("/{symbol:path}/pdf", summary="The original PDF file", response_class=FileResponse)
def get_pdf(symbol: SymbolParam, store: StoreDep) -> FileResponse:
    stored = require_document(store, symbol)
    path = Path(stored.source_path) if stored.source_path else None
    if path is None or not path.is_file():
        raise NotFoundError(f"the original PDF of {stored.document.symbol} is not kept", detail={"symbol": symbol})
    filename = "".join(c if c.isalnum() or c in ".-" else "_" for c in stored.document.symbol) + ".pdf"
    return FileResponse(path, media_type="application/pdf", filename=filename,
                        content_disposition_type="inline")


@router.get("/{symbol:path}", summary="A document: masthead, paragraphs, footnotes, citations both ways")
def get_document(symbol: SymbolParam, store: StoreDep, catalogue: CatalogueDep) -> dict[str, Any]:
    stored = require_document(store, symbol)
    return document_json(stored, cites=store.cites(symbol), cited_by=store.cited_by(symbol),
                         related=related_documents(store, catalogue.snapshot(), stored),
                         stated=stated_for(store, stored))


@router.post("", status_code=201, summary="Upload a PDF and ingest it (curator)",
             dependencies=[Depends(require_curator)])
def upload_document(
    request: Request, store: StoreDep, embedder: EmbedderDep,
    file: Annotated[UploadFile, File(description="A PDF file.")],
) -> JSONResponse:
    result = receive_upload(file, state=request.app.state, store=store, embedder=embedder)
    stored = require_document(store, result.symbol)
    body = {"result": jsonable(result), "document": document_json(stored, cites=[], cited_by=[])}
    return JSONResponse(body, status_code=200 if result.status == "unchanged" else 201)


@router.delete("/{symbol:path}", summary="Delete a document and what only it supported (curator)",
               dependencies=[Depends(require_curator)])
def delete_document(symbol: SymbolParam, request: Request, store: StoreDep,
                    catalogue: CatalogueDep) -> dict[str, Any]:
    with request.app.state.write_lock:
        removed = store.remove_document(symbol)
    if not removed:
        raise NotFoundError(f"no stored document {symbol}", detail={"symbol": symbol})
    catalogue.invalidate()
    return {"deleted": symbol}

