"""`r2p cites SYMBOL` / `r2p cited-by SYMBOL` [--json]: the citation graph around one document."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from api.commands._store import open_from_settings, print_json
from api.settings import Settings


def run(settings: Settings, *, symbol: str, direction: str = "out", as_json: bool = False) -> int:
    store = open_from_settings(settings, read_only=True)
    try:
        links = store.cites(symbol) if direction == "out" else store.cited_by(symbol)
    finally:
        store.close()
    if as_json:
        print_json([{"citing": c.citing_symbol, "cited": c.cited_symbol, "paragraph": c.paragraph,
                     "text": c.text, "cited_in_store": c.cited_in_store} for c in links])
        return 0
    title = f"{symbol} cites" if direction == "out" else f"cited by ({symbol})"
    table = Table(title=Text(f"{title}: {len(links)}"))
    for column in ("citing", "¶", "cited", "as written", "stored"):
        table.add_column(column)
    for c in links:
        table.add_row(*map(Text, (c.citing_symbol, c.paragraph or "", c.cited_symbol, c.text,
                                  "yes" if c.cited_in_store else "")))
    Console().print(table)
    return 0
