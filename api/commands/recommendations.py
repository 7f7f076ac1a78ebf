"""`r2p recommendations [--to] [--by] [--theme] [--mechanism] [--year-from] [--year-to] [--response] [--limit] [--offset] [--json|--csv]`: who recommended what to whom, from where."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table
from rich.text import Text

from api.commands._store import open_from_settings, print_json
from api.settings import Settings
from graph.responses import filtered_recommendations, stated_in
from graph.store import RecommendationRecord


def record_json(r: RecommendationRecord) -> dict[str, object]:
    """The documented shape: ``{"symbol", "paragraph", "text", "by", "to", "verb", "response"}`` (+ date, page,
    themes, and where a response is stated when another document states it)."""
    return {"symbol": r.symbol, "paragraph": r.paragraph, "text": r.text, "by": list(r.by), "to": list(r.to),
            "verb": r.verb, "response": r.response, "date": r.date, "page": r.page, "themes": list(r.themes),
            "response_symbol": r.response_symbol, "response_paragraph": r.response_paragraph,
            "response_page": r.response_page}


def run(settings: Settings, *, to: str | None = None, by: str | None = None, theme: str | None = None,
        mechanism: str | None = None, year_from: int | None = None, year_to: int | None = None,
        response: str | None = None, limit: int = 100, offset: int = 0, as_json: bool = False,
        as_csv: bool = False) -> int:
    from api.commands.search import check_output

    check_output(as_json, as_csv)
    store = open_from_settings(settings, read_only=True)
    try:
        found = filtered_recommendations(store, response, offset=offset, limit=limit, to=to, by=by, theme=theme,
                                         mechanism=mechanism, year_from=year_from, year_to=year_to)
    finally:
        store.close()
    if as_json:
        print_json([record_json(r) for r in found])
        return 0
    if as_csv:
        from api.csvout import RECOMMENDATION_FIELDS, recommendation_rows, write_csv

        write_csv(RECOMMENDATION_FIELDS, recommendation_rows(found), sys.stdout)
        return 0
    table = Table(title=f"{len(found)} recommendations")
    for column in ("document", "¶", "by", "to", "recommendation", "response"):
        table.add_column(column)
    for r in found:
        where = stated_in(r.response_symbol, r.response_paragraph, r.response_page)
        table.add_row(*map(Text, (r.symbol, r.paragraph or "", ", ".join(r.by), ", ".join(r.to), r.text,
                                  (r.response or "") + (f" ({where})" if where else ""))))
    Console().print(table)
    return 0
