"""`r2p compact [--store DIR] [--json]`: rewrite the embedded store into a fresh file, giving back the space
that replaced and removed documents left behind (see ``graph.kuzu_compact``)."""

from __future__ import annotations

from contextlib import nullcontext

from rich.console import Console

from api.commands._store import open_from_settings, print_json
from api.settings import Settings
from graph.errors import StoreError


def run(settings: Settings, *, as_json: bool = False) -> int:
    if settings.graph.backend != "kuzu":
        raise StoreError("compaction is for the embedded store; a Neo4j server manages its own files")
    open_from_settings(settings, read_only=True).close()  # a missing store is an error, not a new empty one
    store = open_from_settings(settings, read_only=False)
    try:
        err = Console(stderr=True)
        with err.status("compacting the store", spinner="dots") if err.is_terminal else nullcontext():
            report = store.compact()  # type: ignore[attr-defined]
    finally:
        store.close()
    mb = 1024 * 1024
    if as_json:
        print_json({"bytes_before": report.bytes_before, "bytes_after": report.bytes_after,
                    "seconds": round(report.seconds, 2), "documents": report.counts["documents"],
                    "paragraphs": report.counts["paragraphs"], "edges": report.counts["edges"]})
    else:
        Console().print(f"store {settings.store} compacted in {report.seconds:.1f} s: "
                        f"{report.bytes_before / mb:.0f} MiB → {report.bytes_after / mb:.0f} MiB, "
                        f"{report.counts['documents']} documents, {report.counts['paragraphs']} paragraphs and "
                        f"{report.counts['edges']} edges, as before", markup=False)
    return 0

