"""``r2p export``: the graph as RDF (Turtle, N-Triples, JSON-LD, RDF/XML), streamed to a file or stdout."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from api.commands._store import open_from_settings
from api.settings import Settings
from graph.rdf.export import export


def open_read_only(settings: Settings):
    """The configured store, opened for reading."""
    return open_from_settings(settings, read_only=True)


def run(settings: Settings, *, format: str = "turtle", output: Path | None = None, since: str | None = None) -> int:
    """Export; a file is written to a temporary name and renamed only when complete."""
    store = open_read_only(settings)
    try:
        if output is None:
            summary = export(store, sys.stdout.buffer, format=format, base_iri=settings.rdf.base_iri,
                             since=since, license=settings.rdf.license)
            sys.stdout.buffer.flush()
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
            try:
                with os.fdopen(fd, "wb") as out:
                    summary = export(store, out, format=format, base_iri=settings.rdf.base_iri, since=since,
                                     license=settings.rdf.license)
                os.replace(tmp, output)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
    finally:
        store.close()
    print(f"exported {summary.documents} documents, {summary.triples} triples ({summary.format})"
          + (f" to {output}" if output else ""), file=sys.stderr)
    return 0
