"""`r2p show SYMBOL [--json]`: a stored document: masthead, paragraphs, what was linked from it."""

from __future__ import annotations

from rich.console import Console

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
    out.print(f"{doc.title or '(no title)'}\n{', '.join(doc.organs)}  {doc.pages} pages  ingested {stored.ingested_at}")
    out.print(f"{len(doc.paragraphs)} paragraphs, {len(doc.citations)} citations, {len(facts.actors)} actors, "
              f"{len(facts.mechanisms)} mechanisms, {len(facts.recommendations)} recommendations\n")
    for p in doc.paragraphs:
        label = p.label or ""
        out.print(f"[dim]p.{p.page}[/dim] [bold]{label:>7}[/bold] {p.text}", markup=True)
    return 0
