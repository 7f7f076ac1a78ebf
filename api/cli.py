"""The `r2p` command line. Commands are declared here and implemented in ``api/commands/<verb>.py``,
imported lazily so that ``r2p --help`` is instant. Each implementation returns an exit status.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

app = typer.Typer(
    help="r2p-graph: knowledge graph and paragraph search over UN documents for atrocity prevention and R2P.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
keys_app = typer.Typer(help="Create, list and revoke API keys.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")

StoreOpt = Annotated[Path | None, typer.Option("--store", help="Store directory (default: R2P_STORE).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]
CsvOpt = Annotated[bool, typer.Option("--csv", help="Print CSV (one row per paragraph, for a spreadsheet).")]


def _run(module: str, **kwargs: Any) -> None:
    """Build settings, call ``api.commands.<module>.run(settings, **kwargs)``, exit with its status."""
    from api.errors import cli_error
    from api.settings import Settings

    try:
        settings = Settings()
        if kwargs.get("store") is not None:
            settings.store = kwargs["store"]
        kwargs.pop("store", None)
        impl = importlib.import_module(f"api.commands.{module}")
        status = impl.run(settings, **kwargs)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        raise typer.Exit(130) from None
    except BrokenPipeError:  # the reader stopped early (`r2p … | head`): no message, as other tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so that the exit flush cannot fail again
        raise typer.Exit(141) from None
    except Exception as exc:  # noqa: BLE001 - one line, no traceback, non-zero exit
        status = cli_error(exc)
    raise typer.Exit(int(status or 0))


@app.command()
def parse(
    files: Annotated[list[Path], typer.Argument(help="PDF files to parse.")],
    json_: Annotated[bool, typer.Option("--json", help="JSON Lines (the default output).")] = True,
) -> None:
    """Parse UN PDFs into structured documents (JSON Lines); touches no store."""
    _run("parse", files=files)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="PDF files or folders (recursive).")],
    store: StoreOpt = None,
    reread: Annotated[bool, typer.Option("--reread", help="Read files stored already again with the current "
                                         "parsing and linking rules (after an upgrade); their vectors are reused.")] = False,
    json_: JsonOpt = False,
) -> None:
    """Parse, link, embed and store documents; unchanged files are skipped (unless --reread)."""
    _run("ingest", paths=paths, store=store, as_json=json_, reread=reread)


@app.command()
def compact(store: StoreOpt = None, json_: JsonOpt = False) -> None:
    """Rewrite the embedded store into a fresh file: gives back the space replaced documents left behind."""
    _run("compact", store=store, as_json=json_)


@app.command()
def reembed(store: StoreOpt = None, json_: JsonOpt = False) -> None:
    """Give stored documents the vectors of the current embedding model (no PDFs needed)."""
    _run("reembed", store=store, as_json=json_)


@app.command()
def trace(situation: str, store: StoreOpt = None, json_: JsonOpt = False, csv_: CsvOpt = False) -> None:
    """The mechanisms that covered a situation, with dates and evidence paragraphs."""
    _run("trace", situation=situation, store=store, as_json=json_, as_csv=csv_)


@app.command()
def recommendations(
    to: Annotated[str | None, typer.Option("--to", help="Addressee (State or actor).")] = None,
    by: Annotated[str | None, typer.Option("--by", help="Recommender.")] = None,
    theme: Annotated[str | None, typer.Option("--theme", help="Theme.")] = None,
    mechanism: Annotated[str | None, typer.Option("--mechanism", help="Mechanism (UPR, a special procedure …).")] = None,
    year_from: Annotated[int | None, typer.Option("--year-from")] = None,
    year_to: Annotated[int | None, typer.Option("--year-to")] = None,
    response: Annotated[str | None, typer.Option(
        "--response", help="Only those with this response: supported (also cycle 1's accepted), noted, pending. "
        "A position stated in the report's addendum counts.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="How many to list.")] = 100,
    offset: Annotated[int, typer.Option("--offset", min=0, help="How many to skip first (the next page).")] = 0,
    store: StoreOpt = None,
    json_: JsonOpt = False,
    csv_: CsvOpt = False,
) -> None:
    """Recommendations: who recommended what to whom, from which paragraph."""
    _run("recommendations", to=to, by=by, theme=theme, mechanism=mechanism, year_from=year_from, year_to=year_to,
         response=response, limit=limit, offset=offset, store=store, as_json=json_, as_csv=csv_)


@app.command()
def cites(symbol: str, store: StoreOpt = None, json_: JsonOpt = False) -> None:
    """Documents the given document cites."""
    _run("cites", symbol=symbol, direction="out", store=store, as_json=json_)


@app.command("cited-by")
def cited_by(symbol: str, store: StoreOpt = None, json_: JsonOpt = False) -> None:
    """Documents that cite the given document."""
    _run("cites", symbol=symbol, direction="in", store=store, as_json=json_)


@app.command()
def show(symbol: str, store: StoreOpt = None, json_: JsonOpt = False) -> None:
    """A stored document: masthead, paragraphs, citations."""
    _run("show", symbol=symbol, store=store, as_json=json_)


@app.command()
def remove(symbol: str, store: StoreOpt = None) -> None:
    """Delete a document and what only it supported."""
    _run("remove", symbol=symbol, store=store)


@app.command()
def stats(store: StoreOpt = None, json_: JsonOpt = False) -> None:
    """Counts of nodes and edges in the store."""
    _run("stats", store=store, as_json=json_)


@app.command()
def search(
    query: str,
    kind: Annotated[str | None, typer.Option("--kind", help="recommendation | operative | preambular | numbered | table | any")] = None,
    to: Annotated[str | None, typer.Option("--to")] = None,
    by: Annotated[str | None, typer.Option("--by")] = None,
    situation: Annotated[str | None, typer.Option("--situation")] = None,
    mechanism: Annotated[str | None, typer.Option("--mechanism")] = None,
    body: Annotated[str | None, typer.Option("--body", help="Organ or body.")] = None,
    doc_kind: Annotated[str | None, typer.Option("--doc-kind", help="Kind of document.")] = None,
    year_from: Annotated[int | None, typer.Option("--year-from")] = None,
    year_to: Annotated[int | None, typer.Option("--year-to")] = None,
    language: Annotated[str | None, typer.Option("--language")] = None,
    response: Annotated[str | None, typer.Option(
        "--response", help="Recommendations with this response: supported (also cycle 1's accepted), noted, pending.")] = None,
    mode: Annotated[str, typer.Option("--mode", help="hybrid | dense | lexical")] = "hybrid",
    limit: Annotated[int, typer.Option("--limit")] = 10,
    store: StoreOpt = None,
    json_: JsonOpt = False,
    csv_: CsvOpt = False,
) -> None:
    """Hybrid semantic + keyword search down to the paragraph."""
    _run(
        "search", query=query, kind=kind, to=to, by=by, situation=situation, mechanism=mechanism,
        body=body, doc_kind=doc_kind, year_from=year_from, year_to=year_to, language=language,
        response=response, mode=mode, limit=limit, store=store, as_json=json_, as_csv=csv_,
    )


@app.command()
def similar(
    symbol: str,
    paragraph: str,
    limit: Annotated[int, typer.Option("--limit")] = 10,
    order: Annotated[str, typer.Option("--order", help="closest (first) or oldest (the same paragraphs as a "
                                                        "chain in time)")] = "closest",
    store: StoreOpt = None,
    json_: JsonOpt = False,
    csv_: CsvOpt = False,
) -> None:
    """Paragraphs like the given one across documents and years (the precedent chain)."""
    _run("similar", symbol=symbol, paragraph=paragraph, limit=limit, order=order, store=store, as_json=json_,
         as_csv=csv_)


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", help="turtle | jsonld | nt | xml")] = "turtle",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File (default: stdout).")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Only documents ingested since DATE.")] = None,
    store: StoreOpt = None,
) -> None:
    """Export the graph as RDF (streamed)."""
    _run("export", format=format, output=output, since=since, store=store)


@app.command()
def validate(file: Path) -> None:
    """Validate an RDF export against the shipped SHACL shapes."""
    _run("validate", file=file)


@app.command()
def sparql(query: str, store: StoreOpt = None, json_: JsonOpt = False) -> None:
    """Run a read-only SPARQL query (text or file) over the exported graph."""
    _run("sparql", query=query, store=store, as_json=json_)


@app.command()
def demo(
    out: Annotated[Path, typer.Option("--out", help="Folder for the demo PDFs.")] = Path("data/demo"),
) -> None:
    """Write the project's own demo documents (fictional samples) as PDFs."""
    _run("demo", out=out)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option("--host")] = None,
    port: Annotated[int | None, typer.Option("--port")] = None,
    store: StoreOpt = None,
) -> None:
    """Serve the web UI and HTTP API."""
    _run("serve", host=host, port=port, store=store)


@keys_app.command("create")
def keys_create(
    role: Annotated[str, typer.Option("--role", help="reader | curator | admin")] = "reader",
    name: Annotated[str | None, typer.Option("--name")] = None,
    store: StoreOpt = None,
) -> None:
    """Create an API key (printed once; stored hashed)."""
    _run("keys", action="create", role=role, name=name, store=store)


@keys_app.command("revoke")
def keys_revoke(key_id: str, store: StoreOpt = None) -> None:
    """Revoke an API key by its id."""
    _run("keys", action="revoke", key_id=key_id, store=store)


@keys_app.command("list")
def keys_list(store: StoreOpt = None, json_: JsonOpt = False) -> None:
    """List API keys (ids, roles, names; never the secrets)."""
    _run("keys", action="list", store=store, as_json=json_)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
