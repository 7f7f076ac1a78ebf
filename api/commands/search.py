"""``r2p search QUERY``: hybrid, dense or lexical paragraph search with filters."""

from __future__ import annotations

import json
import sys
from typing import Any

from api.settings import Settings
from graph.responses import stated_in
from graph.store import ParagraphFilter
from search.errors import SearchError


def open_read_store(settings: Settings) -> Any:
    """The configured store, opened read-only."""
    from api.commands._store import open_from_settings

    return open_from_settings(settings, read_only=True)


def embedder_for(settings: Settings, mode: str) -> Any:
    """The configured embedder, or None for lexical search (no model needed)."""
    if mode == "lexical":
        return None
    from search.embed import load_embedder

    e = settings.embedding
    return load_embedder(e.model, e.backend, e.batch_size)


def check_output(as_json: bool, as_csv: bool) -> None:
    """Refuse two output formats at once, before any work is done."""
    if as_json and as_csv:
        raise SearchError("give --json or --csv, not both")


def print_result(result: Any, *, as_json: bool, as_csv: bool = False) -> None:
    """Hits as JSON (a list), as CSV (``search.hits.write_csv``) or as readable lines."""
    if as_json:
        print(json.dumps([h.to_json() for h in result.hits], ensure_ascii=False, indent=2))
        return
    if as_csv:
        from api.csvout import HIT_FIELDS, hit_rows, write_csv

        write_csv(HIT_FIELDS, hit_rows(result.hits), sys.stdout)
        if result.note:
            print(f"r2p: {result.note}", file=sys.stderr)
        if result.suggestion:
            print(f"r2p: did you mean: {result.suggestion}", file=sys.stderr)
        return
    if result.note:
        print(result.note)
    if result.suggestion:
        print(f"did you mean: {result.suggestion}")
    for n, h in enumerate(result.hits, start=1):
        head = f"{n:>2}. {h.symbol} ¶{h.paragraph} (p. {h.page}) {h.date or ''}  score {h.score:.4f}"
        print(head)
        about = " · ".join(t for t in (h.title, h.subtitle) if t)
        if about:
            print("    " + (about if len(about) <= 110 else about[:109] + "…"))
        if h.recommendation:
            where = stated_in(h.response_symbol, h.response_paragraph, h.response_page)
            print(f"    by {', '.join(h.by) or '?'} to {', '.join(h.to) or '?'}"
                  + (f" ({h.response}{', stated in ' + where if where else ''})" if h.response else ""))
        text = h.marked if len(h.marked) <= 600 else h.marked[:597] + "…"
        print("    " + text)


def run(settings: Settings, *, query: str, kind: str | None = None, to: str | None = None,
        by: str | None = None, situation: str | None = None, mechanism: str | None = None,
        body: str | None = None, doc_kind: str | None = None, year_from: int | None = None,
        year_to: int | None = None, language: str | None = None, response: str | None = None,
        mode: str = "hybrid", limit: int = 10, as_json: bool = False, as_csv: bool = False) -> int:
    """Search the store and print the hits."""
    from search.hybrid import search

    check_output(as_json, as_csv)
    filters = ParagraphFilter(
        paragraph_kind=None if kind in (None, "", "any") else kind, document_kind=doc_kind, organ=body,
        year_from=year_from, year_to=year_to, situation=situation, mechanism=mechanism, by=by, to=to,
        language=language, response=response,
    )
    store = open_read_store(settings)
    try:
        result = search(store, embedder_for(settings, mode), query, mode=mode, filters=filters, limit=limit)
    finally:
        store.close()
    print_result(result, as_json=as_json, as_csv=as_csv)
    return 0
