"""JSON views of stored documents shared by the API routes and the web pages."""

from __future__ import annotations

import re
from typing import Any

from api.errors import NotFoundError
from api.jsonable import jsonable
from ontology.model import Paragraph, ParsedDocument, symbol_key

_NOT_ANCHOR = re.compile(r"[^0-9A-Za-z.]+")


def require_document(store: Any, symbol: str) -> Any:
    """The stored document with this symbol, or a 404 naming it."""
    stored = store.get_document(symbol) if symbol.strip() else None
    if stored is None:
        raise NotFoundError(f"no stored document {symbol!r}", detail={"symbol": symbol})
    return stored


def find_paragraph(document: ParsedDocument, label: str) -> Paragraph:
    """A paragraph by key (``12/a``), printed label (``12 (a)``) or index-based key (``p5``)."""
    wanted = label.strip()
    for para in document.paragraphs:
        if para.key == wanted:
            return para
    squeezed = wanted.replace(" ", "")
    for para in document.paragraphs:
        if para.label is not None and para.label.replace(" ", "") == squeezed:
            return para
    raise NotFoundError(
        f"{document.symbol} has no paragraph {label!r}", detail={"symbol": document.symbol, "paragraph": label}
    )


def anchor(key: str) -> str:
    """The HTML anchor of a paragraph on its document page: ``para-12``; the key ``12/a`` and the
    label ``12 (a)`` both give ``para-12-a``, so links made from either land on the paragraph."""
    return "para-" + (_NOT_ANCHOR.sub("-", key).strip("-") or "0")


def paragraph_json(document: ParsedDocument, para: Paragraph) -> dict[str, Any]:
    notes = {f.label: f for f in document.footnotes}
    return {
        "symbol": document.symbol,
        "date": document.date,
        **jsonable(para),
        "anchor": anchor(para.key),
        "footnote_texts": [jsonable(notes[n]) for n in para.footnotes if n in notes],
        "citations": [jsonable(c) for c in document.citations if c.paragraph_index == para.index],
    }


RELATION_OUT = {"addendum_to": "Addendum to", "revises": "Revises", "corrects": "Corrects"}
RELATION_IN = {"addendum_to": "Addendum", "revises": "Revised by", "corrects": "Corrected by"}


def related_documents(store: Any, snapshot: Any, stored: Any) -> list[dict[str, Any]]:
    """The documents this one adds to, revises or corrects, then those that add to, revise or correct
    it: ``{"relation", "label", "symbol", "stored"}`` each (``relation`` as in ``Relation.type``, read
    from the other side for the second kind: "addendum", "revised_by", "corrected_by")."""
    out = [{"relation": r.type, "label": RELATION_OUT[r.type], "symbol": r.symbol,
            "stored": store.document_sha256(r.symbol) is not None} for r in stored.facts.relations]
    incoming = sorted(snapshot.related_in.get(symbol_key(stored.document.symbol), []))
    out += [{"relation": _INVERSE[kind], "label": RELATION_IN[kind], "symbol": other, "stored": True}
            for kind, other in incoming]
    return out


_INVERSE = {"addendum_to": "addendum", "revises": "revised_by", "corrects": "corrected_by"}


def document_json(stored: Any, *, cites: list[Any], cited_by: list[Any],
                  related: list[dict[str, Any]] | None = None, stated: dict[str, Any] | None = None) -> dict[str, Any]:
    """A stored document with its facts, its citations both ways, its related documents, and the
    positions on its recommendations that other documents state (paragraph label → where)."""
    body = jsonable(stored.document)
    body.pop("file", None)  # a server-side path; the PDF is served by /api/documents/{symbol}/pdf
    return {
        **body,
        "symbol": stored.document.symbol,
        "facts": jsonable(stored.facts),
        "has_pdf": bool(stored.source_path),
        "ingested_at": stored.ingested_at,
        "cites": jsonable(cites),
        "cited_by": jsonable(cited_by),
        "related": related or [],
        "stated_responses": jsonable(stated or {}),
    }


def stated_for(store: Any, stored: Any) -> dict[str, Any]:
    """Paragraph label → the position on its recommendation an addendum states (``graph.responses``)."""
    symbol = stored.document.symbol
    return dict(store.stated_responses([symbol]).get(symbol_key(symbol), {}))
