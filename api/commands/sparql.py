"""``r2p sparql QUERY``: a read-only SPARQL query over the exported graph, as a table or JSON.

QUERY is the query text, or the path of a file holding it. The Oxigraph store answering it lives in
``<store>/sparql`` and is rebuilt from an export when the graph has changed.
"""

from __future__ import annotations

import json
from pathlib import Path

from api.commands.export import open_read_only
from api.settings import Settings
from graph.rdf.sparql import SparqlResult, sparql_query


def run(settings: Settings, *, query: str, as_json: bool = False) -> int:
    text = Path(query).read_text(encoding="utf-8") if _is_file(query) else query
    store = open_read_only(settings)
    try:
        result = sparql_query(store, text, base_iri=settings.rdf.base_iri, cache_dir=Path(settings.store) / "sparql",
                              license=settings.rdf.license)
    finally:
        store.close()
    print(json.dumps(result.to_json(), indent=2, ensure_ascii=False) if as_json else table(result))
    return 0


def _is_file(query: str) -> bool:
    try:
        return "\n" not in query and len(query) < 1024 and Path(query).is_file()
    except OSError:
        return False


def _cell(term: dict[str, str] | None) -> str:
    if term is None:
        return ""
    if term["type"] == "uri":
        return f"<{term['value']}>"
    return term["value"] + (f"@{term['xml:lang']}" if "xml:lang" in term else "")


def table(result: SparqlResult, *, width: int = 60) -> str:
    """A plain-text table of SELECT rows (ASK: true/false; CONSTRUCT: N-Triples lines)."""
    if result.kind == "ask":
        return "true" if result.boolean else "false"
    if result.kind == "graph":
        return "\n".join(f"{s} {p} {o} ." for s, p, o in result.triples)
    header = list(result.variables)
    rows = [[_cell(row.get(v))[:width] for v in header] for row in result.rows]
    sizes = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]
    lines = [" | ".join(h.ljust(n) for h, n in zip(header, sizes)), "-+-".join("-" * n for n in sizes)]
    lines += [" | ".join(c.ljust(n) for c, n in zip(r, sizes)) for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''}{', truncated' if result.truncated else ''})")
    return "\n".join(lines)
