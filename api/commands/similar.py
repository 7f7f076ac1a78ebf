"""``r2p similar SYMBOL PARAGRAPH``: paragraphs like one stored paragraph, in other documents."""

from __future__ import annotations

from api.commands.search import check_output, embedder_for, open_read_store, print_result
from api.settings import Settings


def run(settings: Settings, *, symbol: str, paragraph: str, limit: int = 10, order: str = "closest",
        as_json: bool = False, as_csv: bool = False) -> int:
    """Print the paragraphs most like ``symbol`` ¶ ``paragraph`` across documents and years."""
    from search.hybrid import similar

    check_output(as_json, as_csv)
    store = open_read_store(settings)
    try:
        result = similar(store, embedder_for(settings, "dense"), symbol, paragraph, limit, order=order)
    finally:
        store.close()
    print_result(result, as_json=as_json, as_csv=as_csv)
    return 0
