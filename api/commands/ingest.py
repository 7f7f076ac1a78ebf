"""`r2p ingest PATH... [--store DIR] [--reread] [--json]`: parse, link, embed and store PDFs; report failures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from api.commands._store import open_from_settings, print_json
from api.pipeline import Embed, IngestReport, collect_paths, ingest_paths
from api.settings import Settings


def _embedder(settings: Settings) -> Embed | None:
    """The paragraph embedder of the search package, when it is installed."""
    try:
        from search.embed import load_embedder
        from search.indexing import embed_document
    except ImportError:
        return None
    e = settings.embedding
    model = load_embedder(e.model, backend=e.backend, batch_size=e.batch_size)
    return lambda document, facts, store: embed_document(document, facts, store, model)


def run(settings: Settings, *, paths: list[Path], as_json: bool = False, reread: bool = False) -> int:
    """Ingest the files and folders given; exit 1 when any file failed."""
    err = Console(stderr=True)
    files = collect_paths(paths)
    store = open_from_settings(settings, read_only=False)
    try:
        embed = _embedder(settings)
        if embed is None:
            err.print("note: the search package is not installed; paragraphs are stored without vectors")
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("ingesting", total=len(files))

            def step(path: Path, status: str) -> None:
                bar.update(task, advance=1, description=f"{status:9} {escape(path.name[:40])}")

            report = ingest_paths(files, store, embed=embed, progress=step, reread=reread)
    finally:
        store.close()
    if as_json:
        print_json(report.to_json())
    else:
        _summary(report, Console())
    for failure in report.failures:
        err.print(f"[red]failed[/red] {escape(failure.error)}", highlight=False, markup=True)
    return 1 if report.failures else 0


def _summary(report: IngestReport, out: Console) -> None:
    data: dict[str, Any] = report.to_json()
    out.print(
        f"{data['files']} files in {data['seconds']} s: {report.added} added, {report.replaced} replaced, "
        f"{report.unchanged} unchanged, {len(report.failures)} failed; stored {report.paragraphs} paragraphs, "
        f"{report.entities} entities, {report.recommendations} recommendations",
        highlight=False,
    )
    if report.replaced:
        out.print("the replaced documents' old versions still take space in the store: `r2p compact` gives it back",
                  highlight=False)
