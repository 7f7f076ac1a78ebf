"""`r2p trace SITUATION [--json|--csv]`: the mechanisms that covered a situation, with dates and evidence."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table
from rich.text import Text

from api.commands._store import open_from_settings, print_json
from api.settings import Settings
from graph.errors import NotFound
from graph.store import TRACE_EVIDENCE_LIMIT, TraceResult


def trace_json(trace: TraceResult) -> dict[str, object]:
    """The documented shape: ``{"situation", "mechanisms": [{"name", "type", "documents", …}]}``."""
    return {
        "situation": trace.situation,
        "situation_id": trace.situation_id,
        "mechanisms": [
            {"id": m.id, "name": m.name, "type": m.type, "documents": list(m.documents),
             "first_date": m.first_date, "last_date": m.last_date,
             "evidence": [{"symbol": e.symbol, "paragraph": e.paragraph, "page": e.page, "date": e.date}
                          for e in m.evidence]}
            for m in trace.mechanisms
        ],
    }


def run(settings: Settings, *, situation: str, as_json: bool = False, as_csv: bool = False) -> int:
    from api.commands.search import check_output

    check_output(as_json, as_csv)
    store = open_from_settings(settings, read_only=True)
    try:
        trace = store.trace(situation, evidence_limit=None if as_csv else TRACE_EVIDENCE_LIMIT)
    finally:
        store.close()
    if trace is None:
        raise NotFound(f"no situation named {situation!r} in the store")
    if as_json:
        print_json(trace_json(trace))
        return 0
    if as_csv:
        from api.csvout import TRACE_FIELDS, trace_rows, write_csv

        write_csv(TRACE_FIELDS, trace_rows(trace), sys.stdout)
        return 0
    table = Table(title=Text(f"{trace.situation} ({trace.situation_id})"))
    for column in ("mechanism", "type", "first", "last", "documents", "evidence"):
        table.add_column(column)
    for m in trace.mechanisms:
        evidence = ", ".join(f"{e.symbol} ¶{e.paragraph}" for e in m.evidence[:6])
        more = f" (+{len(m.evidence) - 6})" if len(m.evidence) > 6 else ""
        table.add_row(*map(Text, (m.name, m.type, m.first_date or "", m.last_date or "", str(len(m.documents)),
                                  evidence + more)))
    Console().print(table)
    return 0
