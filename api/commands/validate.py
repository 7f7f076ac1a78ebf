"""``r2p validate FILE``: SHACL validation of an RDF export; exit 0 when it conforms, 1 when not."""

from __future__ import annotations

from pathlib import Path

from api.settings import Settings
from graph.rdf.validate import validate


def run(settings: Settings, *, file: Path) -> int:
    report = validate(file)
    print(report.text())
    return 0 if report.conforms else 1
