"""Read-only SPARQL over the exported graph, with pyoxigraph.

The export (N-Triples), the ontology and the SKOS schemes are bulk-loaded into an Oxigraph store kept
in ``cache_dir/<fingerprint>/``. The fingerprint is read through the ``GraphStore`` Protocol (the store's
write generation, the counts, the base IRI), so a changed graph gets a new store and an unchanged
one is reused. Update queries are refused; the store is opened read-only.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.rdf.errors import SparqlError
from graph.rdf.export import export
from graph.store import GraphStore
from ontology.terms import ONTOLOGY_TTL, SCHEMES_TTL

CACHE_VERSION = "1"
_OPEN: dict[str, Any] = {}  # the Oxigraph store opened last, by directory
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)
_COMMENT = re.compile(r"(?m)^\s*#.*$")


@dataclass(frozen=True, slots=True)
class SparqlResult:
    """Results of a query: ``kind`` is ``select``, ``ask`` or ``graph`` (CONSTRUCT/DESCRIBE)."""

    kind: str
    variables: tuple[str, ...] = ()
    rows: tuple[dict[str, dict[str, str]], ...] = ()  # SPARQL JSON term objects by variable
    boolean: bool | None = None
    triples: tuple[tuple[str, str, str], ...] = ()  # N-Triples terms
    truncated: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The SPARQL 1.1 Query Results JSON shape (graphs as a list of N-Triples terms)."""
        if self.kind == "ask":
            return {"head": {}, "boolean": self.boolean}
        if self.kind == "graph":
            return {"head": {}, "triples": [list(t) for t in self.triples], "truncated": self.truncated}
        return {"head": {"vars": list(self.variables)}, "results": {"bindings": list(self.rows)},
                "truncated": self.truncated}


def store_fingerprint(store: GraphStore, *, base_iri: str) -> str:
    """A digest that changes whenever an exported triple could: the store's write generation (it
    changes on every write), its counts and the base IRI; no per-document lookups."""
    digest = hashlib.sha256(f"{CACHE_VERSION}\0{base_iri}\0{store.generation()}\0".encode())
    digest.update(repr(sorted(store.stats().items())).encode())
    return digest.hexdigest()


def open_sparql_store(store: GraphStore, *, base_iri: str, cache_dir: Path | str, license: str | None = None):
    """The read-only Oxigraph store for the current graph, building it from an export when needed."""
    import pyoxigraph

    cache = Path(cache_dir)
    target = cache / store_fingerprint(store, base_iri=base_iri)
    key = str(target.resolve()) if target.exists() else str(target)
    if key in _OPEN and (target / ".complete").exists():
        return _OPEN[key]
    if not (target / ".complete").exists():
        _build(store, target, base_iri=base_iri, license=license)
    opened = pyoxigraph.Store.read_only(str(target))
    _OPEN.clear()  # keep one open store per process: the current one
    _OPEN[str(target.resolve())] = opened
    return opened


def _build(store: GraphStore, target: Path, *, base_iri: str, license: str | None) -> None:
    import pyoxigraph

    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".build-", dir=target.parent))
    try:
        dump = work / "export.nt"
        with dump.open("wb") as out:
            kwargs = {"license": license} if license else {}
            export(store, out, format="nt", base_iri=base_iri, **kwargs)
        oxi = pyoxigraph.Store(str(work / "db"))
        oxi.bulk_load(path=str(dump), format=pyoxigraph.RdfFormat.N_TRIPLES)
        for ttl in (ONTOLOGY_TTL, SCHEMES_TTL):
            oxi.bulk_load(path=str(ttl), format=pyoxigraph.RdfFormat.TURTLE)
        oxi.flush()
        del oxi
        (work / "db" / ".complete").write_text("ok\n")
        try:
            os.replace(work / "db", target)  # atomic; another process may have won the race
        except OSError:
            pass
        for old in target.parent.iterdir():  # keep only the current store
            if old.is_dir() and old != target and not old.name.startswith(".build-"):
                shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def sparql_query(store: GraphStore, query: str, *, base_iri: str, cache_dir: Path | str, limit: int = 10000,
                 license: str | None = None) -> SparqlResult:
    """Run a read-only SPARQL query over the exported graph (plus the ontology and schemes).

    Raises ``SparqlError`` for an update (INSERT, DELETE, LOAD, CLEAR, DROP, …) or a malformed query.
    At most ``limit`` rows or triples are returned (``truncated`` says when more were found).
    """
    if not query or not query.strip():
        raise SparqlError("empty SPARQL query")
    if _UPDATE.match(_COMMENT.sub("", query)):
        raise SparqlError("SPARQL updates are not allowed: the SPARQL endpoint is read-only")
    oxi = open_sparql_store(store, base_iri=base_iri, cache_dir=cache_dir, license=license)
    try:
        results = oxi.query(query)
    except SyntaxError as exc:
        raise SparqlError(f"bad SPARQL query: {exc}") from exc
    except OSError as exc:
        raise SparqlError(f"SPARQL query failed: {exc}") from exc
    return _collect(results, limit)


def _collect(results: Any, limit: int) -> SparqlResult:
    import pyoxigraph

    if isinstance(results, pyoxigraph.QueryBoolean):
        return SparqlResult("ask", boolean=bool(results))
    if isinstance(results, pyoxigraph.QuerySolutions):
        variables = tuple(v.value for v in results.variables)
        rows: list[dict[str, dict[str, str]]] = []
        for solution in results:
            if len(rows) == limit:
                return SparqlResult("select", variables, tuple(rows), truncated=True)
            rows.append({name: _term(solution[name]) for name in variables if solution[name] is not None})
        return SparqlResult("select", variables, tuple(rows))
    triples: list[tuple[str, str, str]] = []
    for triple in results:
        if len(triples) == limit:
            return SparqlResult("graph", triples=tuple(triples), truncated=True)
        triples.append((str(triple.subject), str(triple.predicate), str(triple.object)))
    return SparqlResult("graph", triples=tuple(triples))


def _term(term: Any) -> dict[str, str]:
    import pyoxigraph

    if isinstance(term, pyoxigraph.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, pyoxigraph.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype and term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out
