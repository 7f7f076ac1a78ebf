"""`r2p stats [--json]`: counts of documents, nodes and edges in the store."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from api.commands._store import open_from_settings, print_json
from api.settings import Settings


def run(settings: Settings, *, as_json: bool = False) -> int:
    store = open_from_settings(settings, read_only=True)
    try:
        counts = store.stats()
    finally:
        store.close()
    if as_json:
        print_json(counts)
        return 0
    table = Table(title=Text(f"store {settings.store}"))
    table.add_column("what")
    table.add_column("count", justify="right")
    for name, value in counts.items():
        table.add_row(name, str(value))
    Console().print(table)
    return 0
