"""Fixtures of the RDF tests: a real Kùzu store built from real corpus documents, exported once per format."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from graph.factory import open_store
from graph.rdf.export import export
from ingest.link import link
from ingest.pipeline import parse
from tests.rdf.samples import BASE

# small, varied real documents: an SC resolution, a joint GA/SC letter, an SG report with bracketed
# citations, a UPR Working Group report with numbered recommendations
CORPUS_FILES = (
    "un-mixed-2025/S_RES_2772 (2025).en.pdf",
    "un-mixed-2025/A_ES-10_1043, S_2025_529.en.pdf",
    "un-mixed-2025/S_2025_259.en.pdf",
    "upr-cycle1/pdfs/albania2010.pdf",
)


@pytest.fixture(scope="session")
def parsed(corpus: Path) -> list:
    """(ParsedDocument, DocumentFacts) of the corpus files, parsed and linked once."""
    out = []
    for name in CORPUS_FILES:
        document = parse(corpus / name)
        out.append((document, link(document)))
    return out


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory: pytest.TempPathFactory, parsed: list):
    """A real embedded store holding the corpus documents."""
    path = tmp_path_factory.mktemp("rdf-store") / "store"
    store = open_store(backend="kuzu", path=path)
    for document, facts in parsed:
        store.put_document(document, facts, source_path=document.file)
    yield store
    store.close()


@pytest.fixture(scope="session")
def exports(corpus_store) -> dict[str, bytes]:
    """The corpus store exported once in every format."""
    out = {}
    for fmt in ("turtle", "nt", "jsonld", "xml"):
        buffer = io.BytesIO()
        export(corpus_store, buffer, format=fmt, base_iri=BASE)
        out[fmt] = buffer.getvalue()
    return out
