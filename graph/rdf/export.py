"""``export(store, out, format=…)``: the whole graph as RDF, streamed document by document.

Reads only through the ``GraphStore`` Protocol (``iter_documents``), so it works for every backend.
Memory stays flat: each document's blocks are rendered and written before the next is read; only
the ids of shared nodes already written (actors, situations, mechanisms, software) are remembered.
Two exports of the same store are byte-identical: IRIs come from symbols and paragraph keys, facts
are numbered in a canonical order, and the one timestamp, the dataset's ``dcterms:modified``, is the
latest ingestion time in the store, not the clock.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from graph.rdf import iris
from graph.rdf import terms as t
from graph.rdf.errors import RdfError
from graph.rdf.mapping import ExportState, shaped_blocks
from graph.rdf.writers import WRITERS, Block
from graph.responses import PENDING
from graph.store import GraphStore, StoredDocument
from ontology.model import symbol_key
from ontology.terms import ONTOLOGY_IRI, PREFIXES

FORMATS = ("turtle", "nt", "jsonld", "xml")
EXTENSIONS = {"turtle": "ttl", "nt": "nt", "jsonld": "jsonld", "xml": "rdf"}
DEFAULT_LICENSE = "https://creativecommons.org/licenses/by/4.0/"
_SINCE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ][0-9:.+\-Z]*)?$")
DESCRIPTION = ("United Nations documents, their paragraphs, footnotes and citations, and the actors, situations, "
               "mechanisms, recommendations and risk-factor tags read from them, each fact with its source "
               "paragraph and extraction run.")
RIGHTS = ("The annotations and extracted facts are published under the licence stated here; the texts of "
          "United Nations documents remain under the United Nations terms of use.")
_VOCABULARIES = ("r2p", "eli", "fabio", "doco", "cito", "undo", "oa", "skos", "prov", "dcterms", "org", "schema")


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What an export wrote."""

    format: str
    documents: int
    triples: int
    fingerprint: str  # SHA-256 over the documents' keys, file hashes and ingestion times
    modified: str | None  # latest ingestion time among the exported documents


def media_type(format: str) -> str:
    """The media type of an export format."""
    return WRITERS[_check_format(format)].media_type


def _check_format(format: str) -> str:
    if format not in WRITERS:
        raise RdfError(f"unknown RDF format {format!r}; choose one of {', '.join(FORMATS)}")
    return format


def export(
    store: GraphStore,
    out: BinaryIO,
    *,
    format: str = "turtle",
    base_iri: str,
    since: str | None = None,
    license: str = DEFAULT_LICENSE,
    run_id: str | None = None,
) -> ExportSummary:
    """Write the graph (or the documents ingested on or after ``since``, with the UPR reports whose
    addenda are among them) to ``out`` as RDF.

    ``format`` is ``turtle``, ``nt``, ``jsonld`` or ``xml``; ``base_iri`` the IRI every node is minted
    under (ending in ``/``); ``license`` the licence IRI stated in the dataset description; ``run_id``
    names the export activity in that description (leave it None for byte-stable dumps).
    """
    writer = WRITERS[_check_format(format)](base=iris.check_base(base_iri), prefixes=PREFIXES)
    iris.check_iri(license, what="licence")
    if since is not None and not _SINCE.match(since):
        raise RdfError(f"--since {since!r} is not an ISO date (YYYY-MM-DD)")
    state = ExportState(base_iri)
    fingerprint, latest, documents = hashlib.sha256(), None, 0
    out.write(writer.header().encode("utf-8"))
    for stored in _with_answered_reports(store, store.iter_documents(since=since), since):
        document = stored.document
        if not document.symbols:
            raise RdfError(f"stored document from {document.file!r} has no symbol; cannot mint its IRI")
        # only the outcome of a review (a UPR Working Group report) is answered in an addendum: one
        # query for those documents, none for the rest
        answerable = stored.facts.outcome_of and any(r.response in (None, PENDING) for r in stored.facts.recommendations)
        stated = store.stated_responses([document.symbol]).get(symbol_key(document.symbol)) if answerable else None
        out.write(writer.render_bytes(shaped_blocks(stored, state, stated)))
        fingerprint.update(f"{symbol_key(document.symbol)}\0{document.sha256}\0{stored.ingested_at}\n".encode())
        if stored.ingested_at and (latest is None or stored.ingested_at > latest):
            latest = stored.ingested_at
        documents += 1
    digest = fingerprint.hexdigest()
    block = dataset_block(base_iri, since=since, license=license, run_id=run_id, fingerprint=digest,
                          modified=latest, documents=documents, triples_so_far=writer.triples)
    out.write(writer.render([block]).encode("utf-8"))
    out.write(writer.footer().encode("utf-8"))
    return ExportSummary(format, documents, writer.triples, digest, latest)


def _with_answered_reports(store: GraphStore, documents: Iterator[StoredDocument], since: str | None
                           ) -> Iterator[StoredDocument]:
    """``documents``, then (with ``since``) every stored report that one of them answers as its addendum
    and that was not among them: the positions the addendum states belong to the report's recommendations,
    so the report is written again, whole, with them."""
    written: set[str] = set()
    answered: dict[str, str] = {}  # symbol key -> symbol of the reports the addenda answer
    for stored in documents:
        written.add(symbol_key(stored.document.symbol))
        answered.update((symbol_key(r.report), r.report) for r in stored.facts.responses)
        yield stored
    if since is None:
        return
    for key, symbol in answered.items():
        if key not in written and (report := store.get_document(symbol)) is not None:
            written.add(key)
            yield report


def dataset_block(base: str, *, since: str | None, license: str, run_id: str | None, fingerprint: str,
                  modified: str | None, documents: int, triples_so_far: int) -> Block:
    """The VoID/DCAT description of the dump, counting its own triples in ``void:triples``."""
    subject = f"{base}dataset" if since is None else f"{base}dataset/since/{iris.segment(since)}"
    title = "r2p-graph: UN documents for atrocity prevention and R2P" + (f" (ingested since {since})" if since else "")
    props: list[t.Prop] = [
        (t.A, (t.IRI, t.VOID_DATASET)), (t.A, (t.IRI, t.DCAT_DATASET)),
        (t.DC_TITLE, (t.LANG, title, "en")),
        (t.DC_DESCRIPTION, (t.LANG, DESCRIPTION, "en")),
        (t.DC_LICENSE, (t.IRI, license)),
        (t.DC_RIGHTS, (t.LANG, RIGHTS, "en")),
        (t.DC_CONFORMS_TO, (t.IRI, ONTOLOGY_IRI)),
        (t.VOID_URI_SPACE, (t.STR, base)),
        (t.R2P_storeFingerprint, (t.STR, fingerprint)),
    ]
    props += [(t.VOID_VOCABULARY, (t.IRI, ONTOLOGY_IRI if p == "r2p" else PREFIXES[p])) for p in _VOCABULARIES]
    stamp = t.datetime(modified)
    if stamp:
        props.append((t.DC_MODIFIED, stamp))
    if run_id:
        props.append((t.PROV_GENERATED_BY, (t.IRI, f"{base}export/{iris.segment(run_id)}")))
    props.append((t.VOID_DOCUMENTS, t.integer(documents)))
    props.append((t.VOID_TRIPLES, t.integer(triples_so_far + len(props) + 1)))
    return subject, props
