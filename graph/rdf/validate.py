"""``validate(path)``: SHACL validation (pyshacl) of an export against the shipped shapes.

The ontology and SKOS schemes are given to pyshacl as the ontology graph, so class and concept
constraints see them; violations fail, warnings are reported but do not (see ``ontology/shapes.ttl``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import SH

from graph.rdf.errors import RdfError
from ontology.terms import ONTOLOGY_TTL, SCHEMES_TTL, SHAPES_TTL

_FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld", ".rdf": "xml", ".xml": "xml",
            ".owl": "xml"}


@dataclass(frozen=True, slots=True)
class Finding:
    severity: str  # "Violation" | "Warning" | "Info"
    shape: str
    path: str
    message: str
    count: int
    example: str  # one focus node


@dataclass(frozen=True, slots=True)
class ValidationReport:
    file: str
    conforms: bool
    triples: int
    findings: tuple[Finding, ...] = field(default=())

    def text(self, *, examples: bool = True) -> str:
        """The report for people: one line per kind of problem, worst first."""
        head = f"{self.file}: {self.triples} triples, " + ("conforms" if self.conforms else "does NOT conform")
        lines = [head]
        for f in self.findings:
            where = f" e.g. <{f.example}>" if examples else ""
            lines.append(f"  {f.severity}: {f.message} [{f.path}] x{f.count}{where}")
        return "\n".join(lines)


def load(path: Path) -> Graph:
    """Parse an export file (format from its extension), or raise ``RdfError`` naming the file."""
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise RdfError(f"{path}: unknown RDF file extension (use .ttl, .nt, .jsonld or .rdf)")
    if not path.is_file():
        raise RdfError(f"{path}: no such file")
    try:
        return Graph().parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many parser error types
        raise RdfError(f"{path}: not valid {fmt}: {str(exc).splitlines()[0][:300]}") from exc


def validate(path: Path | str) -> ValidationReport:
    """Validate an export file against ``ontology/shapes.ttl``."""
    from pyshacl import validate as shacl_validate

    path = Path(path)
    data = load(path)
    shapes = Graph().parse(SHAPES_TTL, format="turtle")
    ontology = Graph().parse(ONTOLOGY_TTL, format="turtle").parse(SCHEMES_TTL, format="turtle")
    conforms, results, _ = shacl_validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                          allow_warnings=True, advanced=True)
    return ValidationReport(str(path), bool(conforms), len(data), _findings(results))


def _findings(results: Graph) -> tuple[Finding, ...]:
    counts: Counter[tuple[str, str, str, str]] = Counter()
    examples: dict[tuple[str, str, str, str], str] = {}
    for result in results.subjects(SH.resultSeverity, None):
        severity = str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        key = (severity, str(results.value(result, SH.sourceShape) or ""),
               _short(results.value(result, SH.resultPath)), str(results.value(result, SH.resultMessage) or ""))
        counts[key] += 1
        examples.setdefault(key, str(results.value(result, SH.focusNode)))
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    keys = sorted(counts, key=lambda k: (order.get(k[0], 3), -counts[k], k))
    return tuple(Finding(k[0], k[1], k[2], k[3], counts[k], examples[k]) for k in keys)


def _short(term: object) -> str:
    text = str(term or "")
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1] if text else "-"
