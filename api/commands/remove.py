"""`r2p remove SYMBOL`: delete a document and what only it supported."""

from __future__ import annotations

from api.commands._store import open_from_settings
from api.settings import Settings
from graph.errors import NotFound


def run(settings: Settings, *, symbol: str) -> int:
    store = open_from_settings(settings, read_only=False)
    try:
        removed = store.remove_document(symbol)
    finally:
        store.close()
    if not removed:
        raise NotFound(f"document {symbol} is not in the store")
    print(f"removed {symbol}")
    return 0
