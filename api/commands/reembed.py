"""`r2p reembed [--store DIR] [--json]`: give stored documents the vectors of the current embedding model."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from api.commands._store import open_from_settings, print_json
from api.settings import Settings


def run(settings: Settings, *, as_json: bool = False) -> int:
    """Re-embed every stored document whose vectors are not the current model's; exit 1 when any failed."""
    from search.embed import load_embedder
    from search.reembed import ReembedReport, reembed, stored_symbols

    err = Console(stderr=True)
    open_from_settings(settings, read_only=True).close()  # a missing store is an error, not a new empty one
    e = settings.embedding
    embedder = load_embedder(e.model, backend=e.backend, batch_size=e.batch_size)
    store = open_from_settings(settings, read_only=False, embedding_dim=embedder.dim)
    try:
        total = sum(1 for _ in stored_symbols(store))
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("re-embedding", total=total)

            def step(symbol: str, status: str) -> None:
                bar.update(task, advance=1, description=f"{status:9} {escape(symbol[:40])}")

            report: ReembedReport = reembed(store, embedder, progress=step)
    finally:
        store.close()
    if as_json:
        print_json({"model": embedder.name, **report.to_json()})
    else:
        Console().print(
            f"{report.documents} documents checked in {round(report.seconds, 2)} s: {report.reembedded} "
            f"re-embedded, {report.current} already current, {len(report.failures)} failed; "
            f"{report.embedded} paragraphs embedded, {report.reused} reused (model {embedder.name})",
            highlight=False)
    for failure in report.failures:
        err.print(f"[red]failed[/red] {escape(failure.error)}", highlight=False, markup=True)
    return 1 if report.failures else 0
