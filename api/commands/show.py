"""`r2p show SYMBOL [--json]`: a stored document: masthead, paragraphs, what was linked from it."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from api.commands._store import open_from_settings, print_json
from api.settings import Settings
from graph.errors import NotFound


def run(settings: Settings, *, symbol: str, as_json: bool = False) -> int:
    store = open_from_settings(settings, read_only=True)
    try:
        stored = store.get_document(symbol)
    finally:
        store.close()
    if stored is None:
        raise NotFound(f"document {symbol} is not in the store")
    doc, facts = stored.document, stored.facts
    if as_json:
        print_json({"document": doc.to_json(), "facts": facts.to_json(), "source_path": stored.source_path,
                    "ingested_at": stored.ingested_at})
        return 0
    out = Console(highlight=False)
    out.print(f"[bold]{' | '.join(doc.symbols)}[/bold]  {doc.kind.value}  {doc.date or ''}  {doc.language or ''}")
    out.print(doc.title or "(no title)", markup=False)
    if doc.subtitle:
        out.print(doc.subtitle, markup=False)
    out.print(f"{', '.join(doc.organs)}  {doc.pages} pages  ingested {stored.ingested_at}", markup=False)
    out.print(f"{len(doc.paragraphs)} paragraphs, {len(doc.citations)} citations, {len(facts.actors)} actors, "
              f"{len(facts.mechanisms)} mechanisms, {len(facts.recommendations)} recommendations\n")
    for p in doc.paragraphs:
        label = p.label or ""
        out.print(f"[dim]p.{p.page}[/dim] [bold]{escape(label):>7}[/bold] {escape(p.text)}", markup=True)
    return 0
